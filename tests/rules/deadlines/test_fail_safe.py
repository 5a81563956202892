"""The rules core fails safe (issue: no silent wrong date). Each test is an input a real file will
sometimes carry that used to give a silent wrong answer or a crash: now a right answer, an answer
that says what it assumed, or the one domain error naming the input."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casework.rules.calendar import Calendar, add_months
from casework.rules.deadlines import CANNOT_COMPUTE, deadlines_for
from casework.rules.errors import CalendarCoverageError, RuleInputError
from casework.rules.snapshot import snapshot_from_casefile

from ..quality.builders import material
from .builders import LONDON, TODAY, d, eng, of_kind, remanded, run, sent_on, summary_offence

CTL_SUMMARY = "DEADLINE.CTL.MAGISTRATES_SUMMARY"
CTL_CROWN = "DEADLINE.CTL.CROWN_COURT"
STL = "DEADLINE.STL.SUMMARY"


# ---- the calendar ---------------------------------------------------------------------------

def test_a_negative_count_of_working_days_is_refused_not_answered_with_the_start_day():
    with pytest.raises(RuleInputError, match="must be 0 or more"):
        eng().add_working_days(d("2025-05-06"), -1)


def test_an_empty_calendar_refuses_to_count_rather_than_treat_a_bank_holiday_as_a_working_day():
    with pytest.raises(CalendarCoverageError, match="bank holidays of 2025 are not known"):
        Calendar().is_ctl_excluded(d("2025-05-05"))  # Mon 5 May 2025, Early May bank holiday


def test_a_date_past_the_calendars_last_year_is_an_error_naming_the_years_covered():
    with pytest.raises(CalendarCoverageError, match="it covers 2019 to 2028"):
        eng().add_working_days(d("2028-12-29"), 5)
    assert eng().first_year == 2019 and eng().last_year == 2028


@pytest.mark.parametrize("bad", [None, "2025-05-05", datetime(2025, 5, 5, 9, 0), 20250505])
def test_a_day_that_is_not_a_date_is_the_domain_error(bad):
    with pytest.raises(RuleInputError, match="a date is needed"):
        eng().add_working_days(bad, 1)


def test_a_ctl_run_whose_expiry_falls_outside_the_calendar_reports_it_on_the_case():
    found = run(remanded("summary", "2025-03-03"), calendar=Calendar.of(eng().bank_holidays.items(), years=[2025, 2024]))
    assert of_kind(found, CTL_SUMMARY)  # inside: computed
    short = Calendar.of(((k, v) for k, v in eng().bank_holidays.items() if k.year == 2024), years=[2024])
    found = run(remanded("summary", "2025-03-03"), calendar=short)
    problems = of_kind(found, CANNOT_COMPUTE.id)
    assert problems and not of_kind(found, CTL_SUMMARY)
    assert any("bank holidays of 2025 are not known" in p.basis and p.due == TODAY for p in problems)


# ---- one bad fact never stops the run --------------------------------------------------------

def test_a_remand_with_no_start_time_is_a_finding_on_the_case_and_the_other_rules_still_run():
    snap = snapshot_from_casefile(remanded("summary", "2025-03-03"))
    d1 = snap.defendants[0]
    episodes = tuple(replace(e, started_at=None) if e.kind == "remand" else e for e in d1.custody_episodes)
    snap = replace(snap, defendants=(replace(d1, custody_episodes=episodes),))
    found = deadlines_for(snap, today=TODAY, calendar=eng(), tz=LONDON)
    problems = of_kind(found, CANNOT_COMPUTE.id)
    assert {p.subject.rsplit("(", 1)[1].rstrip(")") for p in problems} == {"DEADLINE.CTL.EXTENSION_NOTICE",
                                                                             "DEADLINE.REMAND.MAGISTRATES"}
    assert all("the remand has no start time" in p.basis for p in problems)
    assert of_kind(found, "DEADLINE.FILE.POST_CHARGE_SUBMISSION")  # the rest of the case is still computed


# ---- fail safe where a fact is missing -------------------------------------------------------

@pytest.mark.parametrize("mode", [None, "", "eitherway", "Summary"])
def test_an_unknown_mode_of_trial_gives_the_shortest_ctl_and_says_so(mode):
    doc = remanded("summary", "2025-03-03")
    doc["defendants"][0]["offences"][0]["mode_of_trial"] = mode
    snap = snapshot_from_casefile(doc)  # a misspelt mode can reach the core from a hand-built snapshot
    (ctl,) = of_kind(deadlines_for(snap, today=TODAY, calendar=eng(), tz=LONDON), CTL_SUMMARY)
    assert ctl.due == d("2025-04-28")  # 56 days, not 70: never 14 days late
    assert "shortest limit that could apply" in ctl.assumption


def test_an_unknown_mode_of_trial_shows_the_summary_time_limit_as_an_assumption():
    doc = summary_offence("2025-01-01")
    doc["defendants"][0]["offences"][0]["mode_of_trial"] = None
    (stl,) = of_kind(run(doc), STL)
    assert stl.due == d("2025-07-01") and "treated as summary only" in stl.assumption


def test_s39a_with_no_statement_falls_back_to_s127_six_months_and_says_so():
    (stl,) = of_kind(run(summary_offence("2025-01-01", da=True)), STL)
    assert stl.due == d("2025-07-01")
    assert "Once one is recorded" in stl.assumption


def test_s39a_takes_each_offences_own_statement_not_the_earliest_in_the_case():
    doc = summary_offence("2025-01-01", da=True)
    first = doc["defendants"][0]["offences"][0]
    second = dict(first, ref="D1-2", date_from="2025-03-01", date_to=None)
    doc["defendants"][0]["offences"].append(second)
    doc["materials"] += [material("M81", "MG11", "Statement of Jane Doe", witness="W1", signed=True,
                                  signed_date="2025-01-02", provided_at="2025-01-02T18:00:00Z"),
                         material("M82", "MG11", "Second statement of Jane Doe", witness="W1", signed=True,
                                  signed_date="2025-03-02", provided_at="2025-03-02T18:00:00Z")]
    by_ref = {x.subject_ref: x for x in of_kind(run(doc), STL)}
    assert by_ref["D1-1"].due == add_months(d("2025-01-02"), 6)
    assert by_ref["D1-2"].due == add_months(d("2025-03-02"), 6)  # not six months from 2 Jan
    assert not by_ref["D1-2"].assumption


def test_days_in_magistrates_custody_past_its_limit_are_said_on_the_crown_court_ctl():
    # Remanded 1 Jan 2025, sent 200 days later (20 Jul 2025): the 70-day limit must have been extended.
    sent = (d("2025-01-01") + timedelta(days=200)).isoformat()
    (crown,) = of_kind(run(remanded("either_way", "2025-01-01", hearings=[sent_on(sent)]), today=d(sent)), CTL_CROWN)
    assert "more than the 70-day magistrates' court limit" in crown.assumption
    assert "had run out before the case was sent" in crown.assumption


# ---- properties -------------------------------------------------------------------------------

days = st.dates(min_value=date(2019, 2, 1), max_value=date(2028, 11, 30))  # room either side inside 2019–2028


@settings(max_examples=300, deadline=None)
@given(start=days, n=st.integers(min_value=0, max_value=20))
def test_adding_working_days_gives_a_working_day_never_before_the_start(start, n):
    cal = eng()
    got = cal.add_working_days(start, n)
    assert got >= start
    if n:
        assert cal.is_working_day(got) and got > start
        assert cal.working_days_before(got, n) <= start


@settings(max_examples=300, deadline=None)
@given(day=days)
def test_rolling_back_is_idempotent_never_later_and_lands_on_a_day_a_ctl_may_expire(day):
    cal = eng()
    once = cal.roll_back(day, cal.is_ctl_excluded)
    assert once <= day and not cal.is_ctl_excluded(once)
    assert cal.roll_back(once, cal.is_ctl_excluded) == once
    fwd = cal.roll_forward(day, lambda x: not cal.is_business_day(x))
    assert fwd >= day and cal.is_business_day(fwd)


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(st.none(), st.integers(), st.text(max_size=12), st.datetimes(), st.floats()),
       n=st.one_of(st.integers(min_value=-5, max_value=5), st.none(), st.text(max_size=2)))
def test_any_invalid_input_to_the_calendar_is_the_domain_error_never_another(value, n):
    for fn in (eng().add_working_days, eng().add_business_days, eng().working_days_before):
        try:
            fn(value, n)
        except RuleInputError:
            pass


@settings(max_examples=150, deadline=None)
@given(remanded_on=st.dates(min_value=date(2021, 7, 1), max_value=date(2027, 6, 30)),
       mode=st.sampled_from(["summary", "either_way", "indictable_only"]))
def test_every_ctl_is_a_day_it_may_expire_on_and_never_before_custody_began(remanded_on, mode):
    found = run(remanded(mode, remanded_on.isoformat()), today=remanded_on)
    cal = eng()
    ctls = [x for x in found if x.kind.startswith("DEADLINE.CTL.") and x.kind != "DEADLINE.CTL.EXTENSION_NOTICE"]
    assert len(ctls) == 1 and not of_kind(found, CANNOT_COMPUTE.id)
    assert ctls[0].due > remanded_on and not cal.is_ctl_excluded(ctls[0].due)
    (rem,) = of_kind(found, "DEADLINE.REMAND.MAGISTRATES") or [None]
    if mode != "indictable_only":
        assert rem is not None and rem.due == remanded_on + timedelta(days=9)


@pytest.mark.parametrize("doc", [{}, {"case": {"urn": "20AB1234525"}}, {"case": None},
                                 {"case": {"urn": "X", "force_code": "20", "stage": "charged", "received_at": 20250101}}])
def test_a_case_file_that_does_not_fit_is_the_domain_error_naming_the_problem(doc):
    with pytest.raises(RuleInputError, match="case file"):
        snapshot_from_casefile(doc)
