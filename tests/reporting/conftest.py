"""The fixed reporting dataset: eight cases whose November 2026 figures are worked out by hand in
test_figures.py. Dates are Europe/London (GMT in November, so the times read as written).

    C1 20AA0000126  hub North, LPA One, officer A, supervisor S, caseworker CW; domestic abuse; ABH
        returned to the officer 1 Nov (key statements rule); NFS finding set aside 5 Nov
        PCD S1 green 2 Nov: non-compliant (no MG11s, no DV checklist); S2 9 Nov: compliant;
        CPS charge decision 19 Nov 12:00; charged Fri 20 Nov; first file S3 Tue 24 Nov: compliant
        action item due 10 Nov, done 9 Nov; first hearing 27 Nov: not guilty plea
        victim W1 (enhanced rights) told 23 Nov 10:00; open (awaiting trial), received 20 Oct
    C2 20AA0000226  hub North, LPA Two, officer B; theft from a shop
        PCD S1 red 4 Nov: priority rejection (check custody status); S2 green priority 6 Nov
        10:00: compliant; decision 13 Nov 10:00 (7 days); charged Fri 13 Nov; first file S3
        Wed 18 Nov (late): non-compliant (missing exhibits); action item due 20 Nov, open;
        first hearing 26 Nov: sentenced; finalised 26 Nov, convicted
    C3 20AA0000326  hub North, officer A; drink driving
        PCD 5 Oct compliant, decision 10 Oct; charged 12 Oct; file 13 Oct compliant;
        trial 16 Nov: convicted (effective); finalised 16 Nov, convicted
    C4 20AA0000426  hub North, officer B; domestic abuse; assault by beating; received 15 Nov
        returned 16 Nov (key statements, VPS) and 17 Nov (VPS); PCD S1 16 Nov: awaiting triage
        CTL due 30 Nov not met; STL due 11 Dec; trial 25 Nov: ineffective; open, no caseworker
    C5 20ZZ0000526  hub South (another hub), officer A; theft; PCD 5 Nov compliant
    C6 20AA0000626  hub North, RESTRICTED, named on by nobody here; PCD 3 Nov compliant
    C7 20AA0000726  hub North, officer A; public order; trial 12 Nov: discontinued (cracked);
        finalised 12 Nov, discontinued
    C8 20AA0000826  hub North, officer A, caseworker CW; ABH; received 10 Nov 09:00
        PCD S1 green 11 Nov 10:00: compliant; decision 30 Nov 10:00 (19 days); open (charged)

Today is Thu 10 Dec 2026.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from casework.cases.models import (
    ActionPlan,
    ActionPlanItem,
    Case,
    ContactEntry,
    CPSDecision,
    Defendant,
    FileReturn,
    FileSubmission,
    FindingOverride,
    Hearing,
    Offence,
    Witness,
)
from casework.deadlines.models import CaseDeadline
from casework.people.constants import Role, UnitKind
from casework.people.models import Unit, User

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 12, 10)
NOVEMBER = date(2026, 11, 1)
PASSWORD = "correct-horse-battery-9"
COURT = "B20BL00"
MG11 = "NFS.MATERIAL.KEY_STATEMENTS"
VPS = "NFS.WITNESS.VPS_NOT_RECORDED"
URNS = {f"C{i}": f"20{'ZZ' if i == 5 else 'AA'}0000{i}26" for i in range(1, 9)}


def at(y, m, d, hh=10, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


def _user(username, role, unit, first, last) -> User:
    user = User(username=username, role=role, unit=unit, first_name=first, last_name=last)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def dataset(db):
    force = Unit.objects.create(code="F", name="Test force", kind=UnitKind.FORCE)
    north = Unit.objects.create(code="HUB-NORTH", name="North hub", kind=UnitKind.HUB, parent=force)
    south = Unit.objects.create(code="HUB-SOUTH", name="South hub", kind=UnitKind.HUB, parent=force)
    one = Unit.objects.create(code="LPA-ONE", name="LPA One", kind=UnitKind.LPA, parent=force)
    two = Unit.objects.create(code="LPA-TWO", name="LPA Two", kind=UnitKind.LPA, parent=force)
    team_a = Unit.objects.create(code="TEAM-A", name="Team Alpha", kind=UnitKind.STATION, parent=one)
    team_b = Unit.objects.create(code="TEAM-B", name="Team Bravo", kind=UnitKind.STATION, parent=two)
    people = {
        "A": _user("pc.a", Role.OIC, team_a, "Alice", "Archer"),
        "B": _user("pc.b", Role.OIC, team_b, "Ben", "Baker"),
        "S": _user("ps.s", Role.SUPERVISOR, one, "Sara", "Shaw"),
        "CW": _user("cw", Role.CASEWORKER, north, "Carl", "Wood"),
        "M": _user("manager", Role.HUB_MANAGER, north, "Mia", "Moss"),
        "ADMIN": _user("admin", Role.ADMINISTRATOR, None, "Ada", "Admin"),
    }
    cases = {}

    def case(key, *, hub=north, lpa=one, oic="A", caseworker=None, stage="awaiting_trial", received=None,
             offence="OF61102", charged=None, **fields):
        c = Case.objects.create(urn=URNS[key], force_code="20", hub=hub, lpa=lpa, oic=people[oic],
                                supervisor=people["S"], caseworker=people.get(caseworker), stage=stage,
                                received_at=received or at(2026, 9, 1), **fields)
        d = Defendant.objects.create(case=c, ref="D1", surname=f"Defendant{key}", status="conditional_bail")
        Offence.objects.create(defendant=d, ref="D1-1", offence_code_id=offence,
                               status="charged" if charged else "proposed", charge_date=charged)
        cases[key] = c
        return c

    def sub(c, ref, file_type, when, outcome, reasons=(), category=""):
        return FileSubmission.objects.create(case=c, ref=ref, file_type=file_type, charging_category=category,
                                             submitted_at=when, outcome=outcome, reasons=list(reasons))

    def hearing(c, ref, kind, when, outcome):
        Hearing.objects.create(case=c, ref=ref, court_id=COURT, type=kind, starts_at=when, outcome=outcome)

    # C1
    c1 = case("C1", caseworker="CW", received=at(2026, 10, 20), charged=date(2026, 11, 20), flag_domestic_abuse=True)
    FileReturn.objects.create(case=c1, cycle=1, returned_at=at(2026, 11, 1), returned_by=people["CW"],
                              feedback="Please provide the key MG11.", rule_ids=[MG11], resubmitted_at=at(2026, 11, 2, 9))
    FindingOverride.objects.create(case=c1, rule_id=VPS, item="W1", reason="Victim declined a VPS; recorded on the MG6",
                                   by=people["CW"], at=at(2026, 11, 5))
    sub(c1, "S1", "PC-STD", at(2026, 11, 2), "non_compliant", ["missing_mg11s", "no_dv_checklist"], "green")
    s2 = sub(c1, "S2", "PC-STD", at(2026, 11, 9), "compliant", category="green")
    CPSDecision.objects.create(case=c1, ref="D1", submission=s2, decided_at=at(2026, 11, 19, 12), kind="charge")
    sub(c1, "S3", "FH-NGAP", at(2026, 11, 24, 9), "compliant")
    plan = ActionPlan.objects.create(case=c1, ref="A1", source="cps_pre_charge", created_on=date(2026, 11, 2))
    ActionPlanItem.objects.create(plan=plan, ref="A1-1", text="Obtain the neighbour's statement", due_date=date(2026, 11, 10),
                                  status="done", completed_at=at(2026, 11, 9, 15))
    hearing(c1, "H1", "first", at(2026, 11, 27), "not_guilty_plea")
    w1 = Witness.objects.create(case=c1, ref="W1", surname="Vickers", role="victim", enhanced_rights=True)
    ContactEntry.objects.create(case=c1, ref="C1", at=at(2026, 11, 23), by=people["CW"], party="victim", witness=w1,
                                direction="out", channel="phone", summary="Told of the charge", told_of_progress=True)
    # C2
    c2 = case("C2", lpa=two, oic="B", offence="TH68010", stage="finalised", received=at(2026, 11, 3, 9),
              charged=date(2026, 11, 13), outcome="convicted", finalised_on=date(2026, 11, 26))
    sub(c2, "S1", "PC-EXP", at(2026, 11, 4, 8), "red_rejected", ["check_custody_status"], "red")
    s2 = sub(c2, "S2", "PC-STD", at(2026, 11, 6), "compliant", category="green_priority")
    CPSDecision.objects.create(case=c2, ref="D1", submission=s2, decided_at=at(2026, 11, 13), kind="charge")
    sub(c2, "S3", "FH-GAP", at(2026, 11, 18, 11), "non_compliant", ["missing_exhibits"])
    plan = ActionPlan.objects.create(case=c2, ref="A1", source="cps_dga", created_on=date(2026, 11, 18))
    ActionPlanItem.objects.create(plan=plan, ref="A1-1", text="Provide the key exhibits", due_date=date(2026, 11, 20))
    hearing(c2, "H1", "first", at(2026, 11, 26), "sentenced")
    # C3
    c3 = case("C3", offence="RT88007", stage="finalised", charged=date(2026, 10, 12), outcome="convicted",
              finalised_on=date(2026, 11, 16))
    s1 = sub(c3, "S1", "PC-STD", at(2026, 10, 5), "compliant", category="green")
    CPSDecision.objects.create(case=c3, ref="D1", submission=s1, decided_at=at(2026, 10, 10), kind="charge")
    sub(c3, "S2", "FH-NGAP", at(2026, 10, 13), "compliant")
    hearing(c3, "H1", "trial", at(2026, 11, 16), "convicted")
    # C4
    c4 = case("C4", oic="B", offence="CJ88116", received=at(2026, 11, 15), flag_domestic_abuse=True)
    FileReturn.objects.create(case=c4, cycle=1, returned_at=at(2026, 11, 16, 8), returned_by=people["CW"],
                              feedback="Key MG11 and the VPS offer.", rule_ids=[MG11, VPS])
    FileReturn.objects.create(case=c4, cycle=2, returned_at=at(2026, 11, 17), returned_by=people["CW"],
                              feedback="Record the VPS offer.", rule_ids=[VPS])
    sub(c4, "S1", "PC-STD", at(2026, 11, 16, 12), "pending", category="green")
    for kind, due in (("DEADLINE.CTL.MAGISTRATES_SUMMARY", date(2026, 11, 30)), ("DEADLINE.STL.S127", date(2026, 12, 11))):
        CaseDeadline.objects.create(case=c4, kind=kind, title=kind, subject="D1", due=due, hard=True, custody=True,
                                    basis="…", source="…", confidence="verified", computed_at=at(2026, 12, 1))
    CaseDeadline.objects.create(case=c4, kind="DEADLINE.TASK", title="A task", subject="T1", due=date(2026, 11, 30),
                                hard=False, basis="…", source="…", confidence="verified", computed_at=at(2026, 12, 1))
    hearing(c4, "H1", "trial", at(2026, 11, 25), "ineffective")
    # C5, C6: outside the North hub manager's figures
    c5 = case("C5", hub=south, offence="TH68010")
    sub(c5, "S1", "PC-STD", at(2026, 11, 5), "compliant", category="green")
    c6 = case("C6", restricted=True, restriction_reason="Suspect is a police employee")
    sub(c6, "S1", "PC-STD", at(2026, 11, 3), "compliant", category="green")
    # C7
    c7 = case("C7", offence="PU86004", stage="finalised", charged=date(2026, 9, 14), outcome="discontinued",
              finalised_on=date(2026, 11, 12))
    hearing(c7, "H1", "trial", at(2026, 11, 12), "discontinued")
    # C8
    c8 = case("C8", caseworker="CW", stage="charged", received=at(2026, 11, 10, 9))
    s1 = sub(c8, "S1", "PC-STD", at(2026, 11, 11), "compliant", category="green")
    CPSDecision.objects.create(case=c8, ref="D1", submission=s1, decided_at=at(2026, 11, 30), kind="charge")
    return {"people": people, "cases": cases, "units": {"north": north, "south": south, "one": one, "two": two,
                                                        "team_a": team_a, "team_b": team_b}}
