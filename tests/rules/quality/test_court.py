"""Court acceptance: what the HMCTS Common Platform would reject (interfaces §3), caught by the CJU
first, each finding carrying the court's own problem code. Pure: no database."""

import pytest

from casework.rules.findings import Severity

from .builders import TODAY, dfd, review
from .harness import (
    Fail,
    Pass,
    both,
    check_fail,
    check_pass,
    ids,
    mutated,
    remove,
    set_case,
    set_def,
    set_hearing,
    set_off,
)

MAJOR, MINOR, BLOCKER = Severity.MAJOR, Severity.MINOR, Severity.BLOCKER


def duplicate_of_d1(doc, **changes):
    """The same person entered a second time (with nothing attached to the second entry)."""
    d2 = {**dfd(doc, "D1"), "ref": "D2", "offences": [], "interviews": [], **changes}
    doc["defendants"].append(d2)


def summary_out_of_time(doc):
    """Assault by beating six months and a day before the charge (s.127 MCA 1980)."""
    doc["case"]["flags"] = []
    off_ = doc["defendants"][0]["offences"][0]
    off_.update(code="CJ88116", title="Assault by beating", mode_of_trial="summary",
                date_from="2024-09-02", charge_date="2025-03-03")


FAILING = [
    Fail("made-up offence code [CPP OFFENCE_CODE_IS_INVALID; CJSDS]", "FH-GAP", set_off(code="TH99999"),
         "COURT.OFFENCE_CODE_INVALID", "D1-1", BLOCKER, ("TH99999", "not a CJS offence code")),
    Fail("a community order breach code charged as an offence [CPP; CJSDS]", "FH-GAP", set_off(code="CJ03510"),
         "COURT.OFFENCE_CODE_INVALID", "D1-1", BLOCKER, ("CJ03510", "a non-offence breach")),
    Fail("retired PNC code (obtaining by deception) [CPP OFFENCE_NOT_IN_EFFECT…]", "FH-GAP", set_off(code="TH68059"),
         "COURT.OFFENCE_CODE_NOT_CURRENT", "D1-1", MAJOR, ("TH68059", "retired")),
    Fail("charge with no charge date [CPP CHARGE_DATE_IS_NOT_PRESENT]", "FH-GAP", set_off(charge_date=None),
         "COURT.CHARGE_DATE_MISSING", "D1-1", MAJOR, ("TH68010", "Kyle BRENNAN")),
    Fail("charge dated in the future [CPP CHARGE_DATE_IN_FUTURE]", "FH-GAP", set_off(charge_date="2025-03-12"),
         "COURT.DATE_IN_FUTURE", "D1-1", MAJOR, ("12 Mar 2025",)),
    Fail("arrest dated in the future [CPP ARREST_DATE_IN_FUTURE]", "FH-GAP", set_def(arrested_at="2025-03-11T02:00:00Z"),
         "COURT.DATE_IN_FUTURE", "D1", MAJOR, ("Kyle BRENNAN", "11 Mar 2025")),
    Fail("first hearing before the offence date [CPP DATE_OF_HEARING_EARLIER_THAN…]", "UP-MC",
         set_off(date_from="2025-02-12"), "COURT.HEARING_BEFORE_OFFENCE", "H1", MAJOR, ("10 Feb 2025", "12 Feb 2025")),
    Fail("first hearing passed with no result [CPP DATE_OF_HEARING_IN_THE_PAST]", "FH-GAP",
         set_hearing("H1", starts_at="2025-03-07T10:00:00Z"), "COURT.HEARING_IN_PAST", "H1", MAJOR, ("7 Mar 2025",)),
    Fail("a week later, the first hearing has passed unresulted [CPP DATE_OF_HEARING_IN_THE_PAST]", "FH-GAP",
         lambda doc: None, "COURT.HEARING_IN_PAST", "H1", MAJOR, ("17 Mar 2025",), today=TODAY.replace(day=18)),
    Fail("defendant with no date of birth [CPP DEFENDANT_DOB_NOT_PRESENT]", "FH-GAP", set_def(date_of_birth=None),
         "COURT.DEFENDANT_DOB", "D1", MAJOR, ("Kyle BRENNAN", "no date of birth")),
    Fail("date of birth in the future [CPP DEFENDANT_DOB_IN_FUTURE]", "FH-NGAP", set_def(date_of_birth="2026-07-14"),
         "COURT.DEFENDANT_DOB", "D1", MAJOR, ("in the future",)),
    Fail("date of birth makes the defendant 8 [CPP]", "FH-GAP", set_def(date_of_birth="2016-05-12"),
         "COURT.DEFENDANT_DOB", "D1", MAJOR, ("would have been 8",)),
    Fail("16-year-old charged, case not flagged youth [CPP DEFENDANT_UNDER_18_YEARS_AT_CHARGE_DATE]", "FH-GAP",
         set_def(date_of_birth="2008-06-01"), "COURT.YOUTH_AT_CHARGE", "D1", MAJOR, ("16", "youth")),
    Fail("charged the day before the 18th birthday [CPP DEFENDANT_UNDER_18…]", "FH-GAP",
         set_def(date_of_birth="2007-03-04"), "COURT.YOUTH_AT_CHARGE", "D1", MAJOR, ("17",)),
    Fail("charged but still recorded as released under investigation [CPP DEFENDANT_CUSTODY_STATUS_INVALID]",
         "FH-GAP", set_def(status="released_under_investigation"), "COURT.CUSTODY_STATUS", "D1", MAJOR,
         ("released under investigation",)),
    Fail("charged but still on pre-charge bail [CPP DEFENDANT_CUSTODY_STATUS_INVALID]", "UP-MC",
         set_def(status="pre_charge_bail"), "COURT.CUSTODY_STATUS", "D1", MAJOR, ("pre charge bail",)),
    Fail("conditional bail with no conditions [CPP BAIL_CONDITIONS_REQUIRED]", "FH-GAP",
         set_def(status="conditional_bail"), "COURT.BAIL_CONDITIONS", "D1", MAJOR, ("Kyle BRENNAN",)),
    Fail("PNC ID check letter wrong [CPP INVALID_PNC_ID; PNCID]", "FH-GAP", set_def(pnc_id="2015/0456789A"),
         "COURT.PNC_ID_INVALID", "D1", MAJOR, ("should be M, not A",)),
    Fail("CRO check letter wrong [CPP INVALID_CRO_NUMBER; CROVAL]", "FH-GAP", set_def(cro="123456/15A"),
         "COURT.CRO_INVALID", "D1", MAJOR, ("should be N, not A",)),
    Fail("short-form CRO check letter doubtful: a warning [CROVAL, unverified rule]", "FH-GAP",
         set_def(cro="SF05/482703A"), "COURT.CRO_INVALID", "D1", MINOR, ("short-form",)),
    Fail("charged with no ASN [B7ASN HO100206]", "FH-GAP", set_def(asn=""),
         "COURT.ASN", "D1", MAJOR, ("has no ASN",)),
    Fail("ASN check character wrong [B7ASN B7VAL]", "FH-GAP", set_def(asn="2520BH0100000012345R"),
         "COURT.ASN", "D1", MAJOR, ("should be Q, not R",)),
    Fail("hearing at a court code that does not exist [CPP COURT_HEARING_LOCATION_OUCODE_INVALID]", "FH-GAP",
         set_hearing("H1", court_code="B20ZZ00"), "COURT.COURT_OU_INVALID", "H1", MAJOR, ("B20ZZ00",)),
    Fail("force code that is not a police force [CPP POLICE_FORCE_CODE_INVALID]", "FH-GAP", set_case(force_code="19"),
         "COURT.FORCE_CODE_INVALID", None, MAJOR, ("19",)),
    Fail("charge with no location [CPP OFFENCE_REQUIRES_A_LOCATION]", "FH-GAP", set_off(location="   "),
         "COURT.OFFENCE_LOCATION", "D1-1", MAJOR, ("TH68010",)),
    Fail("'between' with no end date [CPP OFFENCE_DATE_CODE_IS_INVALID]", "FH-GAP", set_off(date_code=4),
         "COURT.OFFENCE_DATE_CODE", "D1-1", MAJOR, ("between",)),
    Fail("end date on an 'on' date code [CPP OFFENCE_DATE_CODE_IS_INVALID]", "FH-NGAP", set_off(date_to="2025-02-21"),
         "COURT.OFFENCE_DATE_CODE", "D1-1", MAJOR, ("end date",)),
    Fail("charge with no offence date [CPP OFFENCE_DATE_CODE_IS_INVALID]", "FH-GAP", set_off(date_from=None),
         "COURT.OFFENCE_DATE_CODE", "D1-1", MAJOR, ("no offence date",)),
    Fail("postal requisition with no statement of facts [CPP STATEMENT_OF_FACTS_REQUIRED; CJA 2003 s.29]", "UP-MC",
         both(set_case(initiation="postal_requisition"), remove("M2")), "COURT.STATEMENT_OF_FACTS", None, MAJOR,
         ("postal requisition", "MG5")),
    Fail("SJP notice with no statement of facts [CPP; MCA 1980 s.16A]", "UP-MC",
         both(set_case(initiation="sjp"), remove("M2")), "COURT.STATEMENT_OF_FACTS", None, MAJOR,
         ("Single Justice Procedure",)),
    Fail("how proceedings began not recorded [CPP CASE_INITIATION_CODE_INVALID]", "FH-GAP", set_case(initiation=None),
         "COURT.INITIATION_MISSING", None, MINOR, ("charge, postal requisition, summons or SJP",)),
    Fail("the same defendant entered twice [CPP DUPLICATE_DEFENDANT]", "FH-GAP", duplicate_of_d1,
         "COURT.DUPLICATE_DEFENDANT", "D2", MAJOR, ("Kyle BRENNAN", "D1")),
    Fail("duplicate entered with different capitals [CPP DUPLICATE_DEFENDANT]", "FH-NGAP",
         lambda doc: duplicate_of_d1(doc, surname="CARTER", forenames="liam "),
         "COURT.DUPLICATE_DEFENDANT", "D2", MAJOR, ("D1",)),
]

PASSING = [
    Pass("a current CJS code", "FH-GAP", "COURT.OFFENCE_CODE_INVALID"),
    Pass("a retired code is out of date, not invalid", "FH-GAP", "COURT.OFFENCE_CODE_INVALID", set_off(code="TH68059")),
    Pass("a current code", "UP-CC", "COURT.OFFENCE_CODE_NOT_CURRENT"),
    Pass("a proposed offence has no charge date yet", "PC-STD", "COURT.CHARGE_DATE_MISSING"),
    Pass("charged today", "FH-GAP", "COURT.DATE_IN_FUTURE", set_off(charge_date="2025-03-10")),
    Pass("first hearing on the day of the offence", "FH-GAP", "COURT.HEARING_BEFORE_OFFENCE",
         set_hearing("H1", starts_at="2025-03-03T10:00:00Z")),
    Pass("first hearing today", "FH-GAP", "COURT.HEARING_IN_PAST", set_hearing("H1", starts_at="2025-03-10T10:00:00Z")),
    Pass("past first hearing with its result", "UP-MC", "COURT.HEARING_IN_PAST"),
    Pass("a suspect not yet charged needs no date of birth for court", "PC-STD", "COURT.DEFENDANT_DOB",
         set_def(date_of_birth=None)),
    Pass("an adult", "FH-GAP", "COURT.YOUTH_AT_CHARGE"),
    Pass("18 on the day of charge", "FH-GAP", "COURT.YOUTH_AT_CHARGE", set_def(date_of_birth="2007-03-03")),
    Pass("16-year-old in a case flagged youth", "FH-GAP", "COURT.YOUTH_AT_CHARGE",
         both(set_def(date_of_birth="2008-06-01"), set_case(flags=["retail_theft", "youth"]),
              set_hearing("H1", court_code="B20BN00"))),
    Pass("remanded in custody is a court status", "UP-CC", "COURT.CUSTODY_STATUS"),
    Pass("conditional bail with its conditions", "FH-NGAP", "COURT.BAIL_CONDITIONS"),
    Pass("unconditional bail needs no conditions", "FH-GAP", "COURT.BAIL_CONDITIONS"),
    Pass("short-form PNC ID with the right check letter", "FH-GAP", "COURT.PNC_ID_INVALID",
         set_def(pnc_id="15/456789M")),
    Pass("no CRO number is not a wrong one", "UP-MC", "COURT.CRO_INVALID"),
    Pass("ASN in its printed form", "FH-GAP", "COURT.ASN", set_def(asn="25/20BH/01/12345Q")),
    Pass("a suspect not yet charged needs no ASN check", "PC-STD", "COURT.ASN", set_def(asn="")),
    Pass("Birmingham Youth Court is a court", "FH-GAP", "COURT.COURT_OU_INVALID",
         set_hearing("H1", court_code="B20BN00")),
    Pass("West Midlands is a force", "UP-CC", "COURT.FORCE_CODE_INVALID"),
    Pass("a proposed offence need not say where yet", "PC-STD", "COURT.OFFENCE_LOCATION", set_off(location="")),
    Pass("'between' with both dates", "FH-GAP", "COURT.OFFENCE_DATE_CODE",
         set_off(date_code=4, date_from="2025-02-20", date_to="2025-03-03")),
    Pass("postal requisition with its statement of facts", "UP-MC", "COURT.STATEMENT_OF_FACTS",
         set_case(initiation="postal_requisition")),
    Pass("charged in custody needs no statement of facts", "UP-MC", "COURT.STATEMENT_OF_FACTS", remove("M2")),
    Pass("nothing charged yet", "PC-STD", "COURT.INITIATION_MISSING"),
    Pass("same name, different date of birth (father and son)", "FH-GAP", "COURT.DUPLICATE_DEFENDANT",
         lambda doc: duplicate_of_d1(doc, date_of_birth="1971-02-03")),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_court_rule_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_court_rule_not_raised(row):
    check_pass(row)


# --------------------------------------------------------------------------------------------
# Each defect in the court's own words: the Common Platform problem code (interfaces §3)
# --------------------------------------------------------------------------------------------

COURT_PROBLEMS = [
    # (defect, baseline, mutation, today, court problem code)
    ("unknown offence code", "FH-GAP", set_off(code="TH99999"), TODAY, "OFFENCE_CODE_IS_INVALID"),
    ("retired offence code", "FH-GAP", set_off(code="TH68059"), TODAY, "OFFENCE_NOT_IN_EFFECT_ON_OFFENCE_COMMITTED_DATE"),
    ("no charge date", "FH-GAP", set_off(charge_date=None), TODAY, "CHARGE_DATE_IS_NOT_PRESENT"),
    ("charge date in the future", "FH-GAP", set_off(charge_date="2025-03-12"), TODAY, "CHARGE_DATE_IN_FUTURE"),
    ("hearing before the offence", "UP-MC", set_off(date_from="2025-02-12"), TODAY,
     "DATE_OF_HEARING_EARLIER_THAN_OFFENCE_COMMITTED_DATE"),
    ("first hearing in the past", "FH-GAP", set_hearing("H1", starts_at="2025-03-07T10:00:00Z"), TODAY,
     "DATE_OF_HEARING_IN_THE_PAST"),
    ("no date of birth", "FH-GAP", set_def(date_of_birth=None), TODAY, "DEFENDANT_DOB_NOT_PRESENT"),
    ("under 18 at charge", "FH-GAP", set_def(date_of_birth="2008-06-01"), TODAY, "DEFENDANT_UNDER_18_YEARS_AT_CHARGE_DATE"),
    ("pre-charge status after charge", "FH-GAP", set_def(status="released_under_investigation"), TODAY,
     "DEFENDANT_CUSTODY_STATUS_INVALID"),
    ("conditional bail without conditions", "FH-GAP", set_def(status="conditional_bail"), TODAY, "BAIL_CONDITIONS_REQUIRED"),
    ("PNC ID mistyped", "FH-GAP", set_def(pnc_id="2015/0456789A"), TODAY, "INVALID_PNC_ID"),
    ("CRO number mistyped", "FH-GAP", set_def(cro="123456/15A"), TODAY, "INVALID_CRO_NUMBER"),
    ("court OU code mistyped", "FH-GAP", set_hearing("H1", court_code="B20ZZ00"), TODAY,
     "COURT_HEARING_LOCATION_OUCODE_INVALID"),
    ("force code mistyped", "FH-GAP", set_case(force_code="19"), TODAY, "POLICE_FORCE_CODE_INVALID"),
    ("no offence location", "FH-GAP", set_off(location=""), TODAY, "OFFENCE_REQUIRES_A_LOCATION"),
    ("'between' with one date", "FH-GAP", set_off(date_code=4), TODAY, "OFFENCE_DATE_CODE_IS_INVALID"),
    ("requisition without statement of facts", "UP-MC", both(set_case(initiation="postal_requisition"), remove("M2")),
     TODAY, "STATEMENT_OF_FACTS_REQUIRED"),
    ("initiation not recorded", "FH-GAP", set_case(initiation=None), TODAY, "CASE_INITIATION_CODE_INVALID"),
    ("defendant entered twice", "FH-GAP", duplicate_of_d1, TODAY, "DUPLICATE_DEFENDANT"),
    ("summary offence charged out of time", "FH-GAP", summary_out_of_time, TODAY, "OFFENCE_OUT_OF_TIME"),
]

BRIEFED_CODES = {
    "OFFENCE_CODE_IS_INVALID", "OFFENCE_NOT_IN_EFFECT_ON_OFFENCE_COMMITTED_DATE", "CHARGE_DATE_IS_NOT_PRESENT",
    "CHARGE_DATE_IN_FUTURE", "DATE_OF_HEARING_EARLIER_THAN_OFFENCE_COMMITTED_DATE", "DATE_OF_HEARING_IN_THE_PAST",
    "DEFENDANT_DOB_NOT_PRESENT", "DEFENDANT_UNDER_18_YEARS_AT_CHARGE_DATE", "DEFENDANT_CUSTODY_STATUS_INVALID",
    "BAIL_CONDITIONS_REQUIRED", "INVALID_PNC_ID", "INVALID_CRO_NUMBER", "COURT_HEARING_LOCATION_OUCODE_INVALID",
    "POLICE_FORCE_CODE_INVALID", "OFFENCE_REQUIRES_A_LOCATION", "OFFENCE_DATE_CODE_IS_INVALID",
    "STATEMENT_OF_FACTS_REQUIRED", "CASE_INITIATION_CODE_INVALID", "DUPLICATE_DEFENDANT", "OFFENCE_OUT_OF_TIME",
}


@pytest.mark.parametrize("defect,stage,mutate,today,code", COURT_PROBLEMS, ids=[r[0] for r in COURT_PROBLEMS])
def test_defect_carries_the_court_problem_code(defect, stage, mutate, today, code):
    before = {(f.rule_id, f.item) for f in review(mutated(stage, lambda doc: None), today=today).findings}
    new = [f.as_dict() for f in review(mutated(stage, mutate), today=today).findings
           if (f.rule_id, f.item) not in before]
    assert [f["court_problem_code"] for f in new] == [code], new


def test_every_briefed_court_problem_code_has_a_defect_row():
    assert {r[4] for r in COURT_PROBLEMS} == BRIEFED_CODES


def test_the_duplicate_named_is_the_later_entry_whatever_the_listing_order():
    doc = mutated("FH-GAP", duplicate_of_d1)
    doc["defendants"].reverse()
    [finding] = [f for f in review(doc).findings if f.rule_id == "COURT.DUPLICATE_DEFENDANT"]
    assert finding.item == "D2" and "(D1 and D2)" in finding.message
