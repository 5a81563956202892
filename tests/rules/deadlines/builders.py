"""Case files for the deadlines tables: the quality baselines (`tests/rules/quality/builders.py`)
with the one fact a time limit turns on set to an awkward date, and the England and Wales
calendar the engine is given at the edge (`holidays`, subdiv="ENG").

Every helper returns a fresh document in the interchange format; `run` puts it through the
engine exactly as the web side and the CLI do (snapshot, real calendar, Europe/London clock).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from casework.rules.calendar import Calendar
from casework.rules.deadlines import DEFAULT_SETTINGS, Deadline, DeadlineSettings, deadlines_for
from casework.rules.snapshot import snapshot_from_casefile

from ..quality.builders import baseline, hearing, material, submission

LONDON = ZoneInfo("Europe/London")
TODAY = date(2025, 3, 10)  # a Monday
YEARS = range(2019, 2029)


@cache
def eng_holidays() -> dict[date, str]:
    return dict(holidays.country_holidays("GB", subdiv="ENG", years=YEARS).items())


@cache
def eng() -> Calendar:
    """The calendar the engine gets at the edge: England and Wales bank holidays 2019–2028."""
    return Calendar(eng_holidays())


def d(text: str) -> date:
    return date.fromisoformat(text)


def run(doc: dict, *, today: date = TODAY, settings: DeadlineSettings = DEFAULT_SETTINGS,
        tz=LONDON, calendar: Calendar | None = None) -> list[Deadline]:
    return deadlines_for(snapshot_from_casefile(doc), today=today, calendar=calendar or eng(),
                         settings=settings, tz=tz)


def of_kind(found: list[Deadline], kind: str) -> list[Deadline]:
    return [x for x in found if x.kind == kind]


# --------------------------------------------------------------------------------------------
# Custody: a remanded defendant (the UP-CC baseline made to fit each CTL situation)
# --------------------------------------------------------------------------------------------

CODES = {"summary": "CJ88116", "either_way": "OF61102", "indictable_only": "OF61016"}


def remanded(mode: str, remanded_on: str, *, hearings: list[dict] = (), status: str = "remanded_in_custody",
             plea: str | None = None, offence_status: str = "charged") -> dict:
    """One defendant remanded in custody at first appearance on `remanded_on` (10:00 London time
    in winter, 09:00 UTC), charged the day before with one offence of the given mode of trial;
    the hearings are exactly `hearings` (so nothing is sent unless a row says so)."""
    doc = baseline("UP-CC")
    d1 = doc["defendants"][0]
    d1["status"] = status
    day_before = date.fromordinal(d(remanded_on).toordinal() - 1).isoformat()
    d1["custody_episodes"] = [
        {"kind": "police_detention", "started_at": f"{day_before}T02:40:00Z",
         "ended_at": f"{remanded_on}T09:00:00Z", "court_code": None},
        {"kind": "remand", "started_at": f"{remanded_on}T12:00:00Z", "ended_at": None,
         "court_code": "B20BL00"},
    ]
    d1["offences"][0].update(code=CODES[mode], mode_of_trial=mode, date_from=day_before,
                             charge_date=day_before, status=offence_status, plea=plea)
    doc["hearings"] = list(hearings)
    doc["case"]["venue"] = "magistrates"
    doc["case"]["stage"] = "charged"
    return doc


def sent_on(day: str, ref: str = "HS") -> dict:
    return hearing(ref, "B20BL00", "first", f"{day}T10:00:00Z", "sent_to_crown")


def allocation(day: str, outcome: str = "adjourned", ref: str = "HA") -> dict:
    return hearing(ref, "B20BL00", "allocation", f"{day}T10:00:00Z", outcome)


# --------------------------------------------------------------------------------------------
# Summary offences (s.127 / s.39A)
# --------------------------------------------------------------------------------------------

def summary_offence(committed: str, *, charged: str | None = None, da: bool = False,
                    statement_on: str | None = None, code: str = "CJ88116") -> dict:
    """An assault by beating; domestic abuse (the FH-NGAP baseline, complainant's statement made
    on `statement_on`, or none) or not (the PC-STD baseline, nobody a victim); charged on
    `charged` or not yet charged."""
    if da:
        doc = baseline("FH-NGAP")
        doc["case"]["flags"] = ["domestic_abuse"]
        doc["materials"] = [m for m in doc["materials"] if m["ref"] != "M2"]
        if statement_on:
            doc["materials"].append(material("MS", "MG11", "Statement of Jane Doe", witness="W1", signed=True,
                                             signed_date=statement_on, provided_at=f"{statement_on}T18:00:00Z"))
    else:
        doc = baseline("PC-STD")
        doc["case"]["flags"] = []
    doc["defendants"][0]["status"] = "conditional_bail" if charged else "released_under_investigation"
    doc["defendants"][0]["offences"][0].update(
        code=code, mode_of_trial="summary", date_from=committed, date_to=None,
        status="charged" if charged else "proposed", charge_date=charged)
    return doc


# --------------------------------------------------------------------------------------------
# Police custody, pre-charge bail and charging requests (the PC-STD baseline)
# --------------------------------------------------------------------------------------------

def police_custody(relevant_time: str) -> dict:
    doc = baseline("PC-STD")
    doc["defendants"][0].update(status="police_custody", pace_relevant_time=relevant_time, bail_periods=[])
    doc["submissions"] = []
    return doc


def on_precharge_bail(*periods: tuple[str, str | None]) -> dict:
    doc = baseline("PC-STD")
    doc["defendants"][0]["bail_periods"] = [
        {"kind": "pre_charge", "start_date": start, "end_date": end, "authority": authority,
         "conditions": "Not to enter Broad Street, Birmingham."}
        for (start, end), authority in zip(periods, ("custody_officer", "inspector", "superintendent", "court",
                                                     "court"), strict=False)
    ]
    doc["submissions"] = []
    return doc


def charging_request(submitted_at: str, category: str | None, *, file_type: str = "PC-STD",
                     outcome: str = "pending") -> dict:
    doc = baseline("PC-STD")
    doc["defendants"][0]["bail_periods"] = []
    doc["defendants"][0]["status"] = "released_under_investigation"
    doc["submissions"] = [submission("S1", file_type, submitted_at, category=category, outcome=outcome)]
    return doc


def triage_rejection(respond_by: str, *, answered_at: str | None = None) -> dict:
    doc = charging_request("2025-03-03T11:00:00Z", "green", outcome="non_compliant")
    doc["submissions"][0]["respond_by"] = respond_by
    if answered_at:
        doc["submissions"].append(submission("S2", "PC-STD", answered_at, category="green"))
    return doc


# --------------------------------------------------------------------------------------------
# After charge: listing, the file, BCM, disclosure, applications, victims and witnesses
# --------------------------------------------------------------------------------------------

def charged_on_bail(charged: str, *, plea: str = "GAP", first_hearing: str | None = None,
                    file_sent_at: str | None = None) -> dict:
    """The FH-GAP shop theft charged on `charged`, bailed; the first hearing and the file as given."""
    doc = baseline("FH-GAP")
    doc["case"]["anticipated_plea"] = plea
    off = doc["defendants"][0]["offences"][0]
    off.update(date_from=charged, charge_date=charged)
    doc["hearings"] = [hearing("H1", "B20BL00", "first", f"{first_hearing}T10:00:00Z")] if first_hearing else []
    doc["submissions"] = [submission("S1", "FH-GAP", file_sent_at)] if file_sent_at else []
    return doc


def sent_case(sent: str, *, custody: bool, ptph_outcome: str | None = None,
              disclosure_on: str | None = None) -> dict:
    """The UP-CC wounding sent to the Crown Court on `sent`; remanded or on bail."""
    ptph_day = date.fromordinal(d(sent).toordinal() + 28).isoformat()
    doc = remanded("indictable_only", sent, hearings=[
        sent_on(sent, "H1"), hearing("H2", "C20BI00", "ptph", f"{ptph_day}T10:00:00Z", ptph_outcome),
    ], status="remanded_in_custody" if custody else "conditional_bail")
    doc["case"].update(venue="crown", stage="sent_to_crown", initial_disclosure_on=disclosure_on)
    return doc


def ng_plea(plea_day: str, *, crown: bool = False, vulnerable: bool = True, bad_character: bool = False) -> dict:
    """A not guilty plea entered on `plea_day`: the UP-MC shop theft in the magistrates' court, or
    at a PTPH in the Crown Court; a vulnerable witness (special measures) and an MG16 (bad
    character) as given."""
    doc = baseline("UP-MC")
    doc["hearings"] = [hearing("H1", "C20BI00" if crown else "B20BL00", "ptph" if crown else "first",
                               f"{plea_day}T10:00:00Z", "not_guilty_plea")]
    if crown:
        doc["case"].update(venue="crown", stage="sent_to_crown")
    if vulnerable:
        doc["witnesses"][0]["vulnerability_grounds"] = ["fear_or_distress"]
    if bad_character:
        doc["materials"].append(material("M99", "MG16", "MG16 Bad character of Ryan FOSTER", defendant="D1",
                                         dclass="police_cps_only"))
    return doc


def victim_case(charged: str, *, enhanced: bool, last_update_at: str | None = None,
                hearings: list[dict] = ()) -> dict:
    """The FH-NGAP domestic abuse case charged on `charged`; the victim W1 with or without
    enhanced rights, last told of the case at `last_update_at`."""
    doc = baseline("FH-NGAP")
    doc["defendants"][0]["offences"][0].update(date_from=charged, charge_date=charged)
    w1 = doc["witnesses"][0]
    w1.update(enhanced_rights=enhanced, enhanced_rights_category="vulnerable_intimidated" if enhanced else None,
              vulnerability_grounds=["domestic_abuse_complainant"] if enhanced else [],
              last_update_at=last_update_at)
    doc["hearings"] = list(hearings)
    return doc


def witness_result(result_at: str, outcome: str = "not_guilty_plea", *, last_update_at: str | None = None) -> dict:
    """The UP-MC shop theft: a result at `result_at`; the civilian witness W1 last updated as given."""
    doc = baseline("UP-MC")
    doc["hearings"] = [hearing("H1", "B20BL00", "first", result_at, outcome)]
    doc["witnesses"][0]["last_update_at"] = last_update_at
    return doc
