"""The deadlines engine: every date that matters on a case, with its legal basis, in urgency order.

    deadlines = deadlines_for(snapshot, today=date(2025, 3, 10), calendar=calendar)

Pure: no Django, no clock, no I/O. Bank holidays come in with the `Calendar`; figures a force
sets, or that the brief marks unverified, come in with `DeadlineSettings`.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from ..calendar import Calendar
from ..errors import RuleInputError
from ..findings import VERIFIED
from ..snapshot import CaseSnapshot
from . import custody, progression, statutory  # noqa: F401 — registers their rules
from .base import (
    BUCKET_LABELS,
    BUCKETS,
    DEFAULT_SETTINGS,
    Deadline,
    DeadlineRule,
    DeadlineSettings,
    bucket,
    urgency_key,
    urgency_order,
)
from .registry import RULES, DeadlineContext

__all__ = ["deadlines_for", "CANNOT_COMPUTE", "catalogue", "Deadline", "DeadlineRule", "DeadlineSettings", "DEFAULT_SETTINGS",
           "bucket", "urgency_key", "urgency_order", "BUCKETS", "BUCKET_LABELS"]


CANNOT_COMPUTE = DeadlineRule(
    id="DEADLINE.CANNOT_COMPUTE", title="A time limit cannot be computed from the facts recorded", family="Data",
    unit="calendar days", start_day_counted=False, excluded="none", roll="none", hard=True,
    source="Casework: a deadline rule refused the case's facts", confidence=VERIFIED,
    explanation="A fact a time limit turns on is missing or impossible, so no date is given rather than a wrong one. "
                "It is shown as due today until the record is corrected; meanwhile work the limit out by hand.")


def deadlines_for(case: CaseSnapshot, *, today: date, calendar: Calendar,
                  settings: DeadlineSettings = DEFAULT_SETTINGS, tz: tzinfo = UTC) -> list[Deadline]:
    """Every deadline on the case, most urgent first (see `urgency_key`).

    A rule that cannot work with the case's facts (a remand with no start time, a date outside the
    calendar's years) gives one `CANNOT_COMPUTE` deadline, due today and naming the rule and the
    problem; the other rules still run, so one bad fact never hides the rest of the case."""
    if case.stage == "finalised":
        return []
    ctx = DeadlineContext(case, today, calendar, settings, tz)
    out: list[Deadline] = []
    for rule, make in RULES:
        try:
            out.extend(make(ctx, rule))
        except RuleInputError as error:
            out.append(_cannot_compute(rule, error, today))
        except (AttributeError, TypeError, ValueError) as error:
            # A fact of the wrong type reached a rule (a snapshot built by hand, not from a
            # validated case file): reported on the case, never a crash of the whole run.
            out.append(_cannot_compute(rule, RuleInputError("case file", f"a recorded fact has the wrong form ({error})"), today))
    out.sort(key=lambda d: urgency_key(d, today))
    return out


def _cannot_compute(rule: DeadlineRule, error: RuleInputError, today: date) -> Deadline:
    title = rule.title[0].lower() + rule.title[1:]
    # The rule is named in the subject: a subject_ref is a part of the case (a charge, a witness).
    return Deadline(CANNOT_COMPUTE, f"{rule.title} ({rule.id})", None, today,
                    f"Cannot compute the {title}: {error.field} — {error.problem}. Correct the record; until then "
                    "work this limit out by hand.")


def catalogue() -> list[DeadlineRule]:
    return sorted((r for r, _ in RULES), key=lambda r: r.id)
