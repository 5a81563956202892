"""Calendar arithmetic for time limits. Pure: no clock; bank holidays are passed in.

England and Wales bank holidays come from the `holidays` package with subdiv="ENG" plus the
administrators' override table (assembled at the edge, `reviews`/`deadlines` apps); this module
only counts. Units are stated on every function:

- calendar months, with month-end clamping (31 Aug + 6 months is 28 or 29 Feb);
- working days (Victims' Code): Monday to Friday, not a bank holiday [U];
- CrimPR business days (r.2.2): not Saturday, Sunday, Christmas Day, Boxing Day, Good Friday,
  Easter Monday or a bank holiday [U for the current rule number];
- the CTL excluded days (reg. 2(5) CTL Regulations 1987): Saturday, Sunday, Christmas Day, Good
  Friday or a bank holiday [V].
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .errors import CalendarCoverageError, RuleInputError, require_date, require_int


def add_months(d: date, months: int) -> date:
    """The same day `months` calendar months later (or earlier), clamped to the month's end."""
    require_date(d, "date")
    require_int(months, "months")
    month_index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(month_index, 12)
    last = _cal.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def easter_sunday(year: int) -> date:
    """Western Easter (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = ((h + ell - 7 * m + 114) % 31) + 1
    return date(year, month, day)


@dataclass(frozen=True)
class Calendar:
    """England and Wales days: bank holidays (with their names) given, everything else counted.

    A calendar knows the years it covers: `years`, or when not given, the years in which it lists
    at least one bank holiday (every England and Wales year has eight or more). Asking about a day
    outside them raises `CalendarCoverageError`: a year whose bank holidays are not known would
    count them as working days and skip a CTL roll-back, a silent wrong date."""

    bank_holidays: dict[date, str] = field(default_factory=dict)
    years: frozenset[int] | None = None

    def __post_init__(self) -> None:
        if self.years is None:
            object.__setattr__(self, "years", frozenset(d.year for d in self.bank_holidays))
        else:
            object.__setattr__(self, "years", frozenset(self.years))

    @classmethod
    def of(cls, holidays: Iterable[tuple[date, str]], years: Iterable[int] | None = None) -> Calendar:
        return cls(dict(holidays), None if years is None else frozenset(years))

    @property
    def first_year(self) -> int | None:
        return min(self.years) if self.years else None

    @property
    def last_year(self) -> int | None:
        return max(self.years) if self.years else None

    def covers(self, d: date) -> bool:
        return d.year in self.years

    def _check(self, d: date, field: str = "date") -> None:
        require_date(d, field)
        if d.year not in self.years:
            known = (f"it covers {self.first_year} to {self.last_year}" if self.years
                     else "it holds no bank holidays at all")
            raise CalendarCoverageError(
                field, f"the bank holidays of {d.year} are not known ({known}), so {d:%-d %B %Y} cannot be "
                       "counted; an administrator must add that year's bank holidays", d)

    # ---- what a day is ---------------------------------------------------------------------

    def holiday_name(self, d: date) -> str | None:
        self._check(d)
        return self.bank_holidays.get(d)

    def is_bank_holiday(self, d: date) -> bool:
        self._check(d)
        return d in self.bank_holidays

    def is_working_day(self, d: date) -> bool:
        """Victims' Code working day: Monday to Friday and not a bank holiday."""
        self._check(d)
        return d.weekday() < 5 and d not in self.bank_holidays

    def is_business_day(self, d: date) -> bool:
        """CrimPR r.2.2 business day."""
        self._check(d)
        if d.weekday() >= 5 or d in self.bank_holidays:
            return False
        easter = easter_sunday(d.year)
        return d not in (date(d.year, 12, 25), date(d.year, 12, 26), easter - timedelta(days=2),
                         easter + timedelta(days=1))

    def is_ctl_excluded(self, d: date) -> bool:
        """CTL Regulations 1987 reg. 2(5): Saturday, Sunday, Christmas Day, Good Friday, bank holiday."""
        self._check(d)
        if d.weekday() >= 5 or d in self.bank_holidays:
            return True
        return d in (date(d.year, 12, 25), easter_sunday(d.year) - timedelta(days=2))

    def why_excluded(self, d: date) -> str:
        """Why a day is excluded, in words: Christmas Day and Good Friday by name (reg. 2(5) names
        them), then a weekend day (the `holidays` package also lists the weekend date of a holiday
        whose bank holiday is a substitute weekday: Sat 1 Jan 2022 was not the bank holiday, Mon 3
        Jan was), then the bank holiday's name."""
        self._check(d)
        if d == date(d.year, 12, 25):
            return "Christmas Day"
        if d == easter_sunday(d.year) - timedelta(days=2):
            return "Good Friday"
        if d.weekday() == 5:
            return "a Saturday"
        if d.weekday() == 6:
            return "a Sunday"
        name = self.holiday_name(d)
        if name:
            return f"the {name} bank holiday" if "bank holiday" not in name.lower() else f"the {name}"
        return "not excluded"

    # ---- counting --------------------------------------------------------------------------

    def add_working_days(self, start: date, n: int) -> date:
        """The nth working day after `start` (the start day is not counted; n = 0 gives `start`)."""
        return self._add(start, n, self.is_working_day)

    def add_business_days(self, start: date, n: int) -> date:
        """The nth CrimPR business day after `start` (the start day is not counted)."""
        return self._add(start, n, self.is_business_day)

    def working_days_before(self, end: date, n: int) -> date:
        """The working day n working days before `end` (`end` itself is not counted)."""
        return self._add(end, n, self.is_working_day, step=-1)

    def _add(self, start: date, n: int, counts: Callable[[date], bool], step: int = 1) -> date:
        # A negative count would silently give `start` back: refused, so a caller that meant
        # "before" says so (working_days_before) rather than getting a wrong day.
        self._check(start, "start")
        require_int(n, "number of days", minimum=0)
        d = start
        remaining = n
        while remaining > 0:
            d += timedelta(days=step)
            if counts(d):
                remaining -= 1
        return d

    def roll_back(self, d: date, excluded: Callable[[date], bool]) -> date:
        """The latest day on or before `d` that is not excluded (never later than `d`)."""
        self._check(d)
        return self._roll(d, excluded, -1)

    def roll_forward(self, d: date, excluded: Callable[[date], bool]) -> date:
        """The earliest day on or after `d` that is not excluded (never earlier than `d`)."""
        self._check(d)
        return self._roll(d, excluded, 1)

    def _roll(self, d: date, excluded: Callable[[date], bool], step: int) -> date:
        start = d
        while excluded(d):
            d += timedelta(days=step)
            if abs((d - start).days) > 366:
                raise RuleInputError("excluded days", f"every day for a year from {start:%-d %B %Y} is excluded", start)
        return d
