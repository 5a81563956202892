"""Statutory time limits for summary offences (brief §4.2): s.127 MCA 1980 six months from the offence
(day of the offence not counted, month ends clamped), and the s.39A CJA 1988 exception for domestic
abuse common assault: the earlier of two years from the offence and six months from the
complainant's first statement. Pure: no database."""

import calendar as cal
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.rules.calendar import add_months, add_years
from casework.rules.findings import Severity

from .builders import TODAY, baseline, mat, review
from .harness import Fail, Pass, check_fail, check_pass, ids

OUT, SOON = "STL.S127.OUT_OF_TIME", "STL.S127.EXPIRING"


def police_summary(committed: str, charged: str, *, date_to: str | None = None) -> dict:
    """A police-charged assault by beating (summary only), no domestic abuse."""
    doc = baseline("FH-GAP")
    doc["case"]["flags"] = []
    doc["defendants"][0]["offences"][0].update(
        code="CJ88116", title="Assault by beating", mode_of_trial="summary", date_from=committed,
        date_to=date_to, date_code=4 if date_to else 1, charge_date=charged)
    return doc


def da_summary(committed: str, charged: str | None, statement_on: str | None, *, code: str = "CJ88116",
               status: str = "charged", flags=("domestic_abuse",)) -> dict:
    """A CPS-charged assault by beating of a partner; the complainant's statement made on `statement_on`
    (none when None); the officer's statement is always made the day after the offence."""
    doc = baseline("FH-NGAP")
    doc["case"]["flags"] = list(flags)
    doc["defendants"][0]["offences"][0].update(
        code=code, title="Assault by beating", mode_of_trial="summary", date_from=committed,
        charge_date=charged, status=status)
    doc["defendants"][0]["arrested_at"] = f"{committed}T22:40:00Z"  # arrested the day of the offence
    next_day = str(date.fromordinal(date.fromisoformat(committed).toordinal() + 1))
    mat(doc, "M10").update(signed_date=next_day, provided_at=f"{next_day}T18:00:00Z")
    if statement_on is None:
        doc["materials"] = [m for m in doc["materials"] if m["ref"] != "M2"]
    else:
        mat(doc, "M2").update(signed_date=statement_on, provided_at=f"{statement_on}T18:00:00Z")
    return doc


def proposed_summary(committed: str, *, flags=()) -> dict:
    """A pre-charge assault by beating not yet charged."""
    doc = baseline("PC-STD")
    doc["case"]["flags"] = list(flags)
    doc["defendants"][0]["offences"][0].update(
        code="CJ88116", title="Assault by beating", mode_of_trial="summary", date_from=committed)
    return doc


def d(text: str) -> date:
    return date.fromisoformat(text)


ROWS = [
    # (situation [source], document, today, expected: None, or (rule id, severity, words))
    # s.127 MCA 1980: six months, the day of the offence not counted
    ("s.127: charged on the last day [s.127]", police_summary("2024-09-10", "2025-03-10"), TODAY, None),
    ("s.127: charged the day after the last day [s.127]", police_summary("2024-09-10", "2025-03-11"), d("2025-03-11"),
     (OUT, Severity.BLOCKER, "after the time limit ended on 10 Mar 2025")),
    ("s.127 month end: offence 31 Aug, last day 28 Feb [s.127]", police_summary("2024-08-31", "2025-02-28"), TODAY, None),
    ("s.127 month end: charged 1 Mar is a day late [s.127]", police_summary("2024-08-31", "2025-03-01"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 28 Feb 2025")),
    ("s.127 leap year: offence 31 Aug 2023, last day 29 Feb 2024 [s.127]",
     police_summary("2023-08-31", "2024-02-29"), TODAY, None),
    ("s.127 leap year: charged 1 Mar 2024 is late [s.127]", police_summary("2023-08-31", "2024-03-01"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 29 Feb 2024")),
    ("s.127 month end: offence 31 Mar, last day 30 Sep [s.127]", police_summary("2024-03-31", "2024-09-30"), TODAY, None),
    ("s.127 month end: 1 Oct is late [s.127]", police_summary("2024-03-31", "2024-10-01"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 30 Sep 2024")),
    ("s.127 'between' dates: time runs from the last day [s.127]",
     police_summary("2024-08-01", "2025-03-10", date_to="2024-09-10"), TODAY, None),
    ("either-way offences have no time limit [s.127]", baseline("UP-MC"), d("2027-01-01"), None),
    # s.39A CJA 1988: domestic abuse common assault
    ("s.39A no statement: two years from the offence, last day [S39A]",
     da_summary("2023-03-15", "2025-03-15", None), d("2025-03-15"), None),
    ("s.39A no statement: a day past two years [S39A]", da_summary("2023-03-15", "2025-03-16", None), d("2025-03-16"),
     (OUT, Severity.BLOCKER, "no complainant's statement is recorded")),
    ("s.39A six months from the statement, last day [S39A]",
     da_summary("2024-01-10", "2024-12-01", "2024-06-01"), TODAY, None),
    ("s.39A six months from the statement, a day late [S39A]",
     da_summary("2024-01-10", "2024-12-02", "2024-06-01"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 1 Dec 2024")),
    ("s.39A the two years end first, last day [S39A]", da_summary("2023-01-10", "2025-01-10", "2024-12-20"), TODAY, None),
    ("s.39A the two years end first, a day late [S39A]", da_summary("2023-01-10", "2025-01-11", "2024-12-20"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 10 Jan 2025")),
    ("s.39A statement on 31 Aug: last day 28 Feb [S39A]", da_summary("2024-08-20", "2025-02-28", "2024-08-31"), TODAY, None),
    ("s.39A statement on 31 Aug: 1 Mar is late [S39A]", da_summary("2024-08-20", "2025-03-01", "2024-08-31"), TODAY,
     (OUT, Severity.BLOCKER, "ended on 28 Feb 2025")),
    ("s.39A applies to common assault too [S39A]",
     da_summary("2024-01-10", "2024-12-01", "2024-06-01", code="CJ88001"), TODAY, None),
    ("not domestic abuse: s.127 runs from the offence whatever the statement date [s.127]",
     da_summary("2024-01-10", "2024-12-01", "2024-06-01", flags=()), TODAY,
     (OUT, Severity.BLOCKER, "six months from the offence")),
    # 28 days before the limit: charge now
    ("uncharged, 28 days left [s.127]", proposed_summary("2024-10-01"), d("2025-03-04"),
     (SOON, Severity.ADVICE, "must be charged by 1 Apr 2025")),
    ("uncharged, 29 days left [s.127]", proposed_summary("2024-10-01"), d("2025-03-03"), None),
    ("uncharged, last day [s.127]", proposed_summary("2024-10-01"), d("2025-04-01"),
     (SOON, Severity.ADVICE, "must be charged by 1 Apr 2025")),
    ("uncharged, a day too late [s.127]", proposed_summary("2024-10-01"), d("2025-04-02"),
     (OUT, Severity.BLOCKER, "can no longer be prosecuted: the time limit ended on 1 Apr 2025")),
    ("uncharged DA assault, no statement: two years nearly up [S39A]",
     proposed_summary("2023-03-20", flags=("domestic_abuse",)), TODAY,
     (SOON, Severity.ADVICE, "must be charged by 20 Mar 2025")),
    ("no further action: no time limit to watch [s.127]",
     proposed_summary("2024-01-01"), TODAY, None),
]
ROWS[-1][1]["defendants"][0]["offences"][0]["status"] = "no_further_action"


@pytest.mark.parametrize("situation,doc,today,expected", ROWS, ids=[r[0] for r in ROWS])
def test_summary_time_limit(situation, doc, today, expected):
    found = [f for f in review(doc, today=today).findings if f.rule_id.startswith("STL.")]
    if expected is None:
        assert found == []
        return
    rule, severity, words = expected
    assert [(f.rule_id, f.item, f.level) for f in found] == [(rule, "D1-1", severity)]
    assert words in found[0].message, found[0].message
    assert "CJ88" in found[0].message and found[0].remedy


FAILING = [
    Fail("assault by beating charged six months and a day after [s.127 MCA 1980]", "FH-GAP",
         lambda doc: doc.update(police_summary("2024-09-02", "2025-03-03")),
         OUT, "D1-1", Severity.BLOCKER, ("ended on 2 Mar 2025", "s.127")),
    Fail("DA assault by beating charged over six months after the complainant's statement [s.39A CJA 1988]",
         "FH-NGAP", lambda doc: doc.update(da_summary("2024-07-01", "2025-01-05", "2024-07-02")),
         OUT, "D1-1", Severity.BLOCKER, ("ended on 2 Jan 2025", "s.39A")),
    Fail("uncharged assault by beating with three weeks left [s.127]", "PC-STD",
         lambda doc: doc.update(proposed_summary("2024-09-30")), SOON, "D1-1", Severity.ADVICE,
         ("must be charged by 30 Mar 2025",)),
]

PASSING = [
    Pass("either-way shop theft has no time limit", "FH-GAP", OUT),
    Pass("either-way ABH under investigation has no time limit to watch", "PC-STD", SOON),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_time_limit_rule_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_time_limit_rule_not_raised(row):
    check_pass(row)


def test_a_police_officers_statement_does_not_start_the_s39a_clock():
    """Only the complainant's statement counts (s.39A(2)): the officer's, made earlier, does not."""
    doc = da_summary("2024-01-10", "2024-12-01", "2024-06-01")
    mat(doc, "M10")["signed_date"] = "2024-01-11"
    assert [f for f in review(doc).findings if f.rule_id == OUT] == []


def test_the_complainants_first_statement_starts_the_s39a_clock():
    doc = da_summary("2024-01-10", "2024-12-02", "2024-09-01")
    doc["materials"].append({**mat(doc, "M2"), "ref": "M30", "title": "First account", "signed_date": "2024-06-01"})
    assert [f.item for f in review(doc).findings if f.rule_id == OUT] == ["D1-1"]


# --------------------------------------------------------------------------------------------
# Calendar months (rules.calendar)
# --------------------------------------------------------------------------------------------

def _index(day: date) -> int:
    return day.year * 12 + day.month - 1


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.integers(-1200, 1200))
def test_add_months_moves_by_exactly_the_months_asked(day, months):
    later = add_months(day, months)
    assert _index(later) - _index(day) == months
    last = cal.monthrange(later.year, later.month)[1]
    assert later.day == min(day.day, last)  # the same day, or the month's last day when it has none


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), st.integers(-1200, 1200))
def test_add_then_subtract_returns_the_date_or_an_earlier_day_only_when_clamped(day, months):
    there = add_months(day, months)
    back = add_months(there, -months)
    clamped = there.day < day.day
    if clamped:
        assert (back.year, back.month) == (day.year, day.month) and back < day
    else:
        assert back == day


@pytest.mark.parametrize("start,months,expected", [
    ("2024-08-31", 6, "2025-02-28"), ("2023-08-31", 6, "2024-02-29"), ("2025-01-31", 1, "2025-02-28"),
    ("2024-03-31", -1, "2024-02-29"), ("2025-12-15", 1, "2026-01-15"), ("2025-01-15", -1, "2024-12-15"),
])
def test_add_months_examples(start, months, expected):
    assert add_months(d(start), months) == d(expected)


def test_add_years_from_29_february():
    assert add_years(d("2024-02-29"), 2) == d("2026-02-28")
    assert add_years(d("2024-02-29"), 4) == d("2028-02-29")
