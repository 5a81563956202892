"""Impossible facts (issue: the rules core fails safe): dates out of order, custody past a limit with
no extension, ages that contradict dates of birth. One row per situation on the UP-CC baseline
(remanded Tue 11 Feb 2025, sent the same day; arrested Sun 9 Feb), each with its source."""

from datetime import date

import pytest

from casework.rules.findings import Severity

from .harness import Fail, Pass, check_fail, check_pass, ids


def _d1(**kw):
    return lambda doc: doc["defendants"][0].update(kw)


def _offence(**kw):
    return lambda doc: doc["defendants"][0]["offences"][0].update(kw)


def _material(ref, **kw):
    return lambda doc: next(m for m in doc["materials"] if m["ref"] == ref).update(kw)


def _remand_start(when):
    return lambda doc: next(e for e in doc["defendants"][0]["custody_episodes"] if e["kind"] == "remand").update(started_at=when)


def _both(*fns):
    def run(doc):
        for fn in fns:
            fn(doc)
    return run


def _not_sent(doc):
    """Kept in the magistrates' court's custody: the first hearing adjourned, an either-way ABH."""
    doc["hearings"] = [dict(doc["hearings"][0], outcome="adjourned")]
    doc["defendants"][0]["offences"][0].update(code="OF61102", mode_of_trial="either_way", title="Assault occasioning ABH")
    doc["case"]["venue"] = "magistrates"


def _sent_early(doc):
    doc["hearings"].append({"ref": "H9", "court_code": doc["hearings"][0]["court_code"], "type": "preliminary",
                            "starts_at": "2025-02-10T10:00:00Z", "outcome": "sent_to_crown", "notes": ""})


def _witness(ref, **kw):
    return lambda doc: next(w for w in doc["witnesses"] if w["ref"] == ref).update(kw)


FAILING = [
    Fail("victim's statement dated before every offence [CJA 1967 s.9]", "UP-CC",
         _material("M6", signed_date="2025-02-01"), "FACTS.DATES.STATEMENT_BEFORE_OFFENCE", "M6", Severity.MAJOR,
         ("1 Feb 2025", "9 Feb 2025")),
    Fail("charged the day before the arrest [PACE s.37]", "UP-CC", _offence(charge_date="2025-02-08"),
         "FACTS.DATES.CHARGE_BEFORE_ARREST", "D1-1", Severity.MAJOR, ("8 Feb 2025", "9 Feb 2025")),
    Fail("remanded before the arrest [MCA 1980 s.128]", "UP-CC", _remand_start("2025-02-08T12:00:00Z"),
         "FACTS.DATES.REMAND_BEFORE_ARREST", "D1", Severity.MAJOR, ("8 Feb 2025",)),
    Fail("sent to the Crown Court the day before the first appearance [CDA 1998 s.51]", "UP-CC", _sent_early,
         "FACTS.DATES.SENT_BEFORE_FIRST_APPEARANCE", "H9", Severity.MAJOR, ("10 Feb 2025", "11 Feb 2025")),
    Fail("80 days in the magistrates' custody on an either-way charge, no extension [CTLR reg.4]", "UP-CC", _not_sent,
         "FACTS.CUSTODY.LIMIT_PASSED", "D1-1", Severity.BLOCKER, ("past its 70-day custody time limit", "no extension"),
         today=date(2025, 5, 2)),
    Fail("a youth case whose only defendant was 30 [CYPA 1933 s.46]", "UP-CC",
         lambda doc: doc["case"]["flags"].append("youth"), "FACTS.AGE.YOUTH_FLAG_ADULTS", None, Severity.MINOR,
         ("Jordan PRICE 30",)),
    Fail("a witness 'under 18' whose date of birth makes them 32 [YJCEA 1999 s.16(1)(a)]", "UP-CC",
         _witness("W1", vulnerability_grounds=["under_18"], special_measures_sought=["screens"]),
         "FACTS.AGE.UNDER_18_GROUND_ADULT", "W1", Severity.MINOR, ("32 today",)),
]

PASSING = [
    Pass("statement on the day of the offence", "UP-CC", "FACTS.DATES.STATEMENT_BEFORE_OFFENCE"),
    Pass("charged the day after arrest", "UP-CC", "FACTS.DATES.CHARGE_BEFORE_ARREST"),
    Pass("a summons case has no arrest to compare", "UP-CC", "FACTS.DATES.CHARGE_BEFORE_ARREST",
         _both(_d1(arrested_at=None), _offence(charge_date="2025-01-01"))),
    Pass("remanded two days after arrest", "UP-CC", "FACTS.DATES.REMAND_BEFORE_ARREST"),
    Pass("sent at the first appearance", "UP-CC", "FACTS.DATES.SENT_BEFORE_FIRST_APPEARANCE"),
    Pass("sent at first appearance: the Crown Court limit, not the magistrates'", "UP-CC", "FACTS.CUSTODY.LIMIT_PASSED",
         today=date(2025, 5, 2)),
    Pass("69 days in the magistrates' custody", "UP-CC", "FACTS.CUSTODY.LIMIT_PASSED", _not_sent, today=date(2025, 4, 21)),
    Pass("past the limit with the extension hearing recorded", "UP-CC", "FACTS.CUSTODY.LIMIT_PASSED",
         _both(_not_sent, lambda doc: doc["hearings"].append(
             {"ref": "HX", "court_code": doc["hearings"][0]["court_code"], "type": "ctl_extension",
              "starts_at": "2025-04-15T10:00:00Z", "outcome": "adjourned", "notes": "CTL extended to 30 May"})),
         today=date(2025, 5, 2)),
    Pass("a youth case with a defendant of 16", "UP-CC", "FACTS.AGE.YOUTH_FLAG_ADULTS",
         _both(lambda doc: doc["case"]["flags"].append("youth"), _d1(date_of_birth="2008-06-30"))),
    Pass("a youth case with no date of birth shows no contradiction", "UP-CC", "FACTS.AGE.YOUTH_FLAG_ADULTS",
         _both(lambda doc: doc["case"]["flags"].append("youth"), _d1(date_of_birth=None))),
    Pass("a 15-year-old witness under 18", "UP-CC", "FACTS.AGE.UNDER_18_GROUND_ADULT",
         _witness("W1", vulnerability_grounds=["under_18"], date_of_birth="2010-01-01")),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_impossible_fact_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_possible_fact_not_raised(row):
    check_pass(row)
