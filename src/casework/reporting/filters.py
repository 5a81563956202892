"""What a report covers: the period and the slice of cases (hub, local policing area, team, officer,
offence group, case type), applied to the cases the person may see.

A report reaches case data only through `cases_visible_to` (people) or, for the command line and
the monthly job, every case of the hub asked for; it never widens anyone's scope.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from casework.cases.constants import CaseFlag
from casework.cases.models import Case, Offence
from casework.rules.calendar import add_months
from casework.rules.reporting import OFFENCE_GROUPS, OFFENCE_GROUPS_BY_KEY

LONDON = ZoneInfo("Europe/London")


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_end(d: date) -> date:
    return add_months(month_start(d), 1) - timedelta(days=1)


def month_label(d: date) -> str:
    return d.strftime("%B %Y")


def parse_month(value: str) -> date:
    """The first day of a YYYY-MM month; ValueError with the words a user reads otherwise."""
    try:
        return datetime.strptime(value.strip(), "%Y-%m").date()
    except (ValueError, AttributeError):
        raise ValueError(f"{value!r} is not a month like 2026-11.") from None


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @classmethod
    def month(cls, first: date) -> Period:
        return cls(month_start(first), month_end(first))

    @property
    def label(self) -> str:
        if self.start == month_start(self.start) and self.end == month_end(self.start):
            return month_label(self.start)
        return f"{self.start:%-d %b %Y} to {self.end:%-d %b %Y}"

    @property
    def is_month(self) -> bool:
        return self.start == month_start(self.start) and self.end == month_end(self.start)

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def aware_bounds(self) -> tuple[datetime, datetime]:
        """[start, end + 1 day) as aware datetimes at midnight in Europe/London."""
        return (datetime.combine(self.start, time(0), tzinfo=LONDON),
                datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=LONDON))


def previous_month(period: Period) -> Period:
    """The whole calendar month before the period's first day."""
    return Period.month(month_start(period.start) - timedelta(days=1))


TREND_MONTHS = 12


def trend_months(end: date) -> list[date]:
    """The first days of the TREND_MONTHS calendar months ending with `end`'s month."""
    last = month_start(end)
    return [add_months(last, -k) for k in range(TREND_MONTHS - 1, -1, -1)]


def offence_group_q(key: str) -> Q:
    """Offences in the group: its named codes, or its prefixes less codes named by another group."""
    if key == "other":
        q = Q()
        for g in OFFENCE_GROUPS:
            q |= offence_group_q(g.key)
        return ~q
    group = OFFENCE_GROUPS_BY_KEY[key]
    q = Q(pk__in=[])
    for code in group.codes:  # a named code and its attempts, aiding and conspiracies (TH68023A …)
        q |= Q(offence_code__code__startswith=code)
    for prefix in group.prefixes:
        q |= Q(offence_code__code__startswith=prefix)
    named_elsewhere = [c for g in OFFENCE_GROUPS if g is not group for c in g.codes]
    for code in named_elsewhere:
        if code[:4] in group.prefixes:
            q &= ~Q(offence_code__code__startswith=code)
    return q


@dataclass(frozen=True)
class ReportFilters:
    period: Period
    hub: int | None = None
    lpa: int | None = None
    team: int | None = None  # the officer in the case's unit
    officer: int | None = None  # the officer in the case
    offence_group: str = ""
    case_type: str = ""  # a case flag

    def with_period(self, period: Period) -> ReportFilters:
        return replace(self, period=period)

    def apply(self, cases: QuerySet[Case]) -> QuerySet[Case]:
        if self.hub:
            cases = cases.filter(hub_id=self.hub)
        if self.lpa:
            cases = cases.filter(lpa_id=self.lpa)
        if self.team:
            cases = cases.filter(oic__unit_id=self.team)
        if self.officer:
            cases = cases.filter(oic_id=self.officer)
        if self.case_type in CaseFlag.values:
            cases = cases.filter(**{f"flag_{self.case_type}": True})
        if self.offence_group in OFFENCE_GROUPS_BY_KEY:
            cases = cases.filter(pk__in=Offence.objects.filter(offence_group_q(self.offence_group))
                                 .values("defendant__case_id"))
        return cases

    def query(self) -> dict[str, str]:
        """The filters as GET parameters (for links that keep them)."""
        out = {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()}
        for name in ("hub", "lpa", "team", "officer"):
            if getattr(self, name):
                out[name] = str(getattr(self, name))
        if self.offence_group:
            out["offence_group"] = self.offence_group
        if self.case_type:
            out["case_type"] = self.case_type
        return out
