"""The calendar under the deadlines (brief §4, general counting rules), on the awkward dates of the
real England and Wales calendar 2019–2028: weekends, Easter, Christmas and Boxing Day with their
substitute days, the one-off holidays (2020 VE Day, 2022 jubilee and state funeral, 2023
coronation) and year ends.

Three kinds of day: a Victims' Code *working day* (Mon–Fri, not a bank holiday), a CrimPR r.2.2
*business day* (also never Christmas Day, Boxing Day, Good Friday or Easter Monday, bank holiday
or not) and the days a CTL may not expire on (reg. 2(5) CTL Regulations 1987: Saturday, Sunday,
Christmas Day, Good Friday, a bank holiday). Pure: no database (the GOV.UK list is read from the
file Casework ships)."""

import calendar as cal
import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casework.reference.services import DATA_DIR, govuk_bank_holidays
from casework.rules.calendar import Calendar, add_months, add_years, easter_sunday

from .builders import YEARS, d, eng, eng_holidays

EMPTY = Calendar(years=frozenset(range(1900, 2200)))  # no bank holidays at all: what the rules say on their own


# --------------------------------------------------------------------------------------------
# The holidays the engine uses are GOV.UK's
# --------------------------------------------------------------------------------------------

def govuk_dates() -> dict[date, str]:
    data = json.loads((DATA_DIR / "bank-holidays.json").read_text())
    return {day: title for day, title, _ in govuk_bank_holidays(data) if day.year in YEARS}


# `holidays` lists the calendar date of Christmas Day, Boxing Day and New Year's Day when it falls
# at a weekend *as well as* the substitute weekday ("... (observed)"); GOV.UK lists only the bank
# holiday, i.e. the substitute day. These are every such date 2019–2028. They are all Saturdays or
# Sundays, so no count of working, business or CTL days can differ; but they are a real difference
# between the two lists, and it is pinned here so that any other difference fails loudly.
WEEKEND_DATES_ONLY_IN_HOLIDAYS = {
    d("2020-12-26"),  # Sat, Boxing Day        (bank holiday Mon 28 Dec 2020)
    d("2021-12-25"),  # Sat, Christmas Day     (bank holiday Mon 27 Dec 2021)
    d("2021-12-26"),  # Sun, Boxing Day        (bank holiday Tue 28 Dec 2021)
    d("2022-01-01"),  # Sat, New Year's Day    (bank holiday Mon 3 Jan 2022)
    d("2022-12-25"),  # Sun, Christmas Day     (bank holiday Tue 27 Dec 2022)
    d("2023-01-01"),  # Sun, New Year's Day    (bank holiday Mon 2 Jan 2023)
    d("2026-12-26"),  # Sat, Boxing Day        (bank holiday Mon 28 Dec 2026)
    d("2027-12-25"),  # Sat, Christmas Day     (bank holiday Mon 27 Dec 2027)
    d("2027-12-26"),  # Sun, Boxing Day        (bank holiday Tue 28 Dec 2027)
    d("2028-01-01"),  # Sat, New Year's Day    (bank holiday Mon 3 Jan 2028)
}


def test_govuk_list_covers_every_year_2019_to_2028():
    assert {day.year for day in govuk_dates()} == set(YEARS)
    assert len(govuk_dates()) == 83


def test_every_govuk_bank_holiday_is_in_holidays_eng():
    assert sorted(set(govuk_dates()) - set(eng_holidays())) == []


def test_holidays_eng_and_govuk_differ_only_by_these_weekend_dates():
    """Not identical sets: `holidays` has exactly these ten extra dates (see the comment above)."""
    extra = set(eng_holidays()) - set(govuk_dates())
    assert extra == WEEKEND_DATES_ONLY_IN_HOLIDAYS
    assert all(day.weekday() >= 5 for day in extra)


def test_holidays_eng_and_govuk_agree_on_every_weekday_2019_to_2028():
    """The days that can change a count: a weekday is a bank holiday in one list iff in the other."""
    day, disagree = date(2019, 1, 1), []
    while day.year in YEARS:
        if day.weekday() < 5 and (day in eng_holidays()) != (day in govuk_dates()):
            disagree.append(day)
        day += timedelta(days=1)
    assert disagree == []


def test_govuk_lists_no_weekend_day():
    assert [day for day in govuk_dates() if day.weekday() >= 5] == []


@pytest.mark.parametrize("year", YEARS)
def test_easter_is_the_easter_of_the_bank_holidays(year):
    sunday = easter_sunday(year)
    assert sunday.weekday() == 6
    assert eng_holidays()[sunday - timedelta(days=2)] == "Good Friday"
    assert eng_holidays()[sunday + timedelta(days=1)] == "Easter Monday"


# --------------------------------------------------------------------------------------------
# What a day is
# --------------------------------------------------------------------------------------------

# (date, why it is awkward, working day, CrimPR business day, CTL may not expire on it)
DAYS = [
    ("2025-03-08", "Saturday", False, False, True),
    ("2025-03-09", "Sunday", False, False, True),
    ("2025-03-10", "ordinary Monday", True, True, False),
    ("2025-04-17", "Maundy Thursday", True, True, False),
    ("2025-04-18", "Good Friday", False, False, True),
    ("2025-04-21", "Easter Monday", False, False, True),
    ("2025-05-05", "early May bank holiday", False, False, True),
    ("2025-12-24", "Christmas Eve", True, True, False),
    ("2025-12-25", "Christmas Day (Thu)", False, False, True),
    ("2025-12-26", "Boxing Day (Fri)", False, False, True),
    ("2021-12-24", "Christmas Eve 2021 (Fri) is a working day", True, True, False),
    ("2021-12-25", "Christmas Day on a Saturday", False, False, True),
    ("2021-12-27", "substitute for Christmas Day 2021", False, False, True),
    ("2021-12-28", "substitute for Boxing Day 2021", False, False, True),
    ("2021-12-29", "first working day after Christmas 2021", True, True, False),
    ("2022-12-26", "Boxing Day 2022 (Mon)", False, False, True),
    ("2022-12-27", "substitute for Christmas Day 2022 (Sun)", False, False, True),
    ("2026-12-28", "substitute for Boxing Day 2026 (Sat)", False, False, True),
    ("2026-12-29", "Tue after Christmas 2026", True, True, False),
    ("2020-05-08", "VE Day: the 2020 early May bank holiday moved to a Friday", False, False, True),
    ("2020-05-04", "first Monday of May 2020 was a working day", True, True, False),
    ("2022-05-30", "last Monday of May 2022 was a working day (spring holiday moved)", True, True, False),
    ("2022-06-02", "spring bank holiday 2022 (Thu)", False, False, True),
    ("2022-06-03", "Platinum Jubilee (Fri)", False, False, True),
    ("2022-09-19", "state funeral of Queen Elizabeth II", False, False, True),
    ("2023-05-08", "coronation of King Charles III", False, False, True),
    ("2021-12-31", "New Year's Eve (Fri)", True, True, False),
    ("2022-01-03", "substitute for New Year's Day 2022 (Sat)", False, False, True),
    ("2023-01-02", "substitute for New Year's Day 2023 (Sun)", False, False, True),
    ("2024-01-01", "New Year's Day (Mon)", False, False, True),
    ("2024-12-31", "New Year's Eve (Tue)", True, True, False),
    ("2028-02-29", "leap day (Tue)", True, True, False),
]


@pytest.mark.parametrize("day,why,working,business,ctl_excluded", DAYS, ids=[f"{r[0]}-{r[1]}" for r in DAYS])
def test_kind_of_day_in_england_and_wales(day, why, working, business, ctl_excluded):
    c = eng()
    assert c.is_working_day(d(day)) is working
    assert c.is_business_day(d(day)) is business
    assert c.is_ctl_excluded(d(day)) is ctl_excluded


# Without any bank holiday list, the rules still name some days themselves.
NAMED_DAYS = [
    # (date, what, business day, CTL excluded)
    ("2025-12-25", "Christmas Day: named by CrimPR r.2.2 and by reg. 2(5)", False, True),
    ("2025-04-18", "Good Friday: named by both", False, True),
    ("2025-12-26", "Boxing Day: named by CrimPR only; a CTL day only as a bank holiday", False, False),
    ("2025-04-21", "Easter Monday: named by CrimPR only", False, False),
    ("2025-05-05", "early May bank holiday: only a bank holiday list knows it", True, False),
]


@pytest.mark.parametrize("day,what,business,ctl_excluded", NAMED_DAYS, ids=[f"{r[0]}" for r in NAMED_DAYS])
def test_days_the_rules_name_themselves(day, what, business, ctl_excluded):
    assert EMPTY.is_working_day(d(day)) is True
    assert EMPTY.is_business_day(d(day)) is business
    assert EMPTY.is_ctl_excluded(d(day)) is ctl_excluded


WHY = [
    ("2025-04-18", "Good Friday"),
    ("2025-12-25", "Christmas Day"),
    ("2021-12-25", "Christmas Day"),  # a Saturday, but reg. 2(5) names Christmas Day
    ("2022-01-01", "a Saturday"),  # New Year's Day fell on a Saturday: the bank holiday was Mon 3 Jan
    ("2022-01-03", "the New Year's Day (observed) bank holiday"),
    ("2025-05-05", "the May Day bank holiday"),
    ("2025-05-26", "the Spring Bank Holiday"),
    ("2022-09-19", "the State Funeral of Queen Elizabeth II bank holiday"),
    ("2025-03-09", "a Sunday"),
]


@pytest.mark.parametrize("day,words", WHY, ids=[r[0] for r in WHY])
def test_why_a_day_is_excluded(day, words):
    assert eng().why_excluded(d(day)) == words


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------

# (start, n, the nth working day after the start — the start day never counts)
WORKING = [
    ("2025-03-10", 0, "2025-03-10"),
    ("2025-03-10", 1, "2025-03-11"),
    ("2025-02-21", 1, "2025-02-24"),  # Friday → Monday
    ("2025-02-21", 2, "2025-02-25"),
    ("2025-03-08", 1, "2025-03-10"),  # from a Saturday: Monday is the first
    ("2025-04-17", 1, "2025-04-22"),  # Maundy Thursday → over Easter → Tuesday
    ("2025-12-24", 1, "2025-12-29"),  # Christmas Eve 2025 → Monday 29th
    ("2025-12-24", 5, "2026-01-05"),  # 29, 30, 31 Dec, (1 Jan), 2 Jan, 5 Jan
    ("2025-12-31", 1, "2026-01-02"),  # over New Year's Day
    ("2021-12-24", 1, "2021-12-29"),  # over Christmas 2021 and both substitute days
    ("2021-12-25", 1, "2021-12-29"),  # from Christmas Day itself
    ("2021-12-24", 3, "2021-12-31"),
    ("2021-12-31", 1, "2022-01-04"),  # over the New Year substitute Monday
    ("2022-12-23", 1, "2022-12-28"),  # Boxing Day Mon, substitute Christmas Tue
    ("2026-12-24", 1, "2026-12-29"),  # substitute Boxing Day Mon 28th
    ("2022-05-31", 1, "2022-06-01"),
    ("2022-06-01", 1, "2022-06-06"),  # jubilee Thursday and Friday
    ("2022-09-16", 1, "2022-09-20"),  # state funeral Monday
    ("2023-05-05", 1, "2023-05-09"),  # coronation Monday
    ("2020-05-07", 1, "2020-05-11"),  # VE Day Friday
]


@pytest.mark.parametrize("start,n,due", WORKING, ids=[f"{r[0]}+{r[1]}" for r in WORKING])
def test_add_working_days(start, n, due):
    assert eng().add_working_days(d(start), n) == d(due)


BUSINESS = [
    ("2025-04-17", 1, "2025-04-22"),
    ("2025-12-24", 1, "2025-12-29"),
    ("2025-04-03", 20, "2025-05-06"),  # 20 business days over Easter and the early May holiday
    ("2025-12-18", 10, "2026-01-06"),  # 10 business days over Christmas and New Year
]


@pytest.mark.parametrize("start,n,due", BUSINESS, ids=[f"{r[0]}+{r[1]}" for r in BUSINESS])
def test_add_business_days(start, n, due):
    assert eng().add_business_days(d(start), n) == d(due)


def test_business_days_skip_christmas_and_easter_even_without_a_bank_holiday_list():
    """Where working and business days part: CrimPR names the Christmas and Easter days itself."""
    assert EMPTY.add_working_days(d("2025-12-24"), 1) == d("2025-12-25")
    assert EMPTY.add_business_days(d("2025-12-24"), 1) == d("2025-12-29")
    assert EMPTY.add_business_days(d("2025-04-17"), 1) == d("2025-04-22")


# roll_back: the latest day on or before the date that a CTL may expire on
ROLL_BACK = [
    ("2025-03-11", "2025-03-11", "an ordinary Tuesday stays"),
    ("2025-03-08", "2025-03-07", "Saturday → Friday"),
    ("2025-03-09", "2025-03-07", "Sunday → Friday"),
    ("2025-05-05", "2025-05-02", "early May bank holiday → Friday 2 May"),
    ("2025-04-18", "2025-04-17", "Good Friday → Maundy Thursday"),
    ("2025-04-21", "2025-04-17", "Easter Monday → Maundy Thursday"),
    ("2025-12-25", "2025-12-24", "Christmas Day → Christmas Eve"),
    ("2025-12-26", "2025-12-24", "Boxing Day → Christmas Eve"),
    ("2021-12-28", "2021-12-24", "substitute Boxing Day 2021 → Fri 24 Dec"),
    ("2022-12-27", "2022-12-23", "substitute Christmas Day 2022 → Fri 23 Dec"),
    ("2026-12-28", "2026-12-24", "substitute Boxing Day 2026 → Thu 24 Dec"),
    ("2022-01-03", "2021-12-31", "New Year substitute → back into the old year"),
    ("2023-01-02", "2022-12-30", "New Year substitute 2023 → Fri 30 Dec"),
    ("2022-06-03", "2022-06-01", "jubilee Friday → Wednesday"),
    ("2022-09-19", "2022-09-16", "state funeral → Friday"),
    ("2023-05-08", "2023-05-05", "coronation → Friday"),
]


@pytest.mark.parametrize("day,expiry,why", ROLL_BACK, ids=[r[2] for r in ROLL_BACK])
def test_roll_back_over_ctl_excluded_days(day, expiry, why):
    c = eng()
    assert c.roll_back(d(day), c.is_ctl_excluded) == d(expiry)


def test_roll_back_and_forward_over_non_working_days():
    c = eng()
    not_working = lambda x: not c.is_working_day(x)  # noqa: E731
    assert c.roll_back(d("2021-12-28"), not_working) == d("2021-12-24")
    assert c.roll_forward(d("2021-12-24"), not_working) == d("2021-12-24")
    assert c.roll_forward(d("2021-12-25"), not_working) == d("2021-12-29")


# add_months: calendar months, clamped to the month's end
MONTHS = [
    ("2025-03-03", 6, "2025-09-03"),
    ("2024-08-31", 6, "2025-02-28"),  # no 31 Feb: last day of February
    ("2023-08-31", 6, "2024-02-29"),  # leap year
    ("2025-01-31", 1, "2025-02-28"),
    ("2024-11-30", 3, "2025-02-28"),
    ("2025-03-31", -1, "2025-02-28"),
    ("2025-12-15", 1, "2026-01-15"),  # over the year end
    ("2025-08-31", 4, "2025-12-31"),
    ("2024-02-29", 12, "2025-02-28"),
]


@pytest.mark.parametrize("start,months,due", MONTHS, ids=[f"{r[0]}{r[1]:+d}" for r in MONTHS])
def test_add_months_clamps_at_month_end(start, months, due):
    assert add_months(d(start), months) == d(due)


def test_add_years_from_a_leap_day():
    assert add_years(d("2024-02-29"), 2) == d("2026-02-28")
    assert add_years(d("2024-02-29"), 4) == d("2028-02-29")


# --------------------------------------------------------------------------------------------
# Properties, over every day 2019–2028
# --------------------------------------------------------------------------------------------

DAYS_IN_RANGE = st.dates(min_value=date(2019, 1, 10), max_value=date(2028, 9, 30))
KINDS = {
    "ctl": lambda c: c.is_ctl_excluded,
    "not working": lambda c: (lambda x: not c.is_working_day(x)),
    "not business": lambda c: (lambda x: not c.is_business_day(x)),
}


@settings(max_examples=300, deadline=None)
@given(DAYS_IN_RANGE, st.sampled_from(sorted(KINDS)))
def test_roll_back_never_later_and_never_on_an_excluded_day(day, kind):
    c = eng()
    excluded = KINDS[kind](c)
    back = c.roll_back(day, excluded)
    assert back <= day
    assert not excluded(back)
    # and it is the latest such day: every day after it, up to `day`, is excluded
    assert all(excluded(back + timedelta(days=i)) for i in range(1, (day - back).days + 1))


@settings(max_examples=300, deadline=None)
@given(DAYS_IN_RANGE, st.integers(0, 40), st.integers(0, 40))
def test_add_working_days_is_monotonic_in_n(start, n1, n2):
    c = eng()
    lo, hi = sorted((n1, n2))
    a, b = c.add_working_days(start, lo), c.add_working_days(start, hi)
    assert a <= b
    if lo < hi:
        assert a < b


@settings(max_examples=300, deadline=None)
@given(DAYS_IN_RANGE, DAYS_IN_RANGE, st.integers(0, 40))
def test_add_working_days_is_monotonic_in_the_start(s1, s2, n):
    c = eng()
    lo, hi = sorted((s1, s2))
    assert c.add_working_days(lo, n) <= c.add_working_days(hi, n)


@settings(max_examples=300, deadline=None)
@given(DAYS_IN_RANGE, st.integers(1, 40))
def test_add_working_days_lands_on_a_working_day_after_counting_exactly_n(start, n):
    c = eng()
    due = c.add_working_days(start, n)
    assert due > start
    assert c.is_working_day(due)
    counted = sum(c.is_working_day(start + timedelta(days=i)) for i in range(1, (due - start).days + 1))
    assert counted == n


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(-60, 60))
def test_add_months_moves_the_month_by_exactly_n_and_clamps_only_at_month_end(start, n):
    due = add_months(start, n)
    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == n
    last = cal.monthrange(due.year, due.month)[1]
    if start.day <= last:
        assert due.day == start.day
    else:
        assert due.day == last
