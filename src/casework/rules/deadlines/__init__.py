"""The deadlines engine: every date that matters on a case, with its legal basis, in urgency order.

    deadlines = deadlines_for(snapshot, today=date(2025, 3, 10), calendar=calendar)

Pure: no Django, no clock, no I/O. Bank holidays come in with the `Calendar`; figures a force
sets, or that the brief marks unverified, come in with `DeadlineSettings`.
"""

from __future__ import annotations

from datetime import UTC, date, tzinfo

from ..calendar import Calendar
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

__all__ = ["deadlines_for", "catalogue", "Deadline", "DeadlineRule", "DeadlineSettings", "DEFAULT_SETTINGS",
           "bucket", "urgency_key", "urgency_order", "BUCKETS", "BUCKET_LABELS"]


def deadlines_for(case: CaseSnapshot, *, today: date, calendar: Calendar,
                  settings: DeadlineSettings = DEFAULT_SETTINGS, tz: tzinfo = UTC) -> list[Deadline]:
    """Every deadline on the case, most urgent first (see `urgency_key`)."""
    if case.stage == "finalised":
        return []
    ctx = DeadlineContext(case, today, calendar, settings, tz)
    out: list[Deadline] = []
    for rule, make in RULES:
        out.extend(make(ctx, rule))
    out.sort(key=lambda d: urgency_key(d, today))
    return out


def catalogue() -> list[DeadlineRule]:
    return sorted((r for r, _ in RULES), key=lambda r: r.id)
