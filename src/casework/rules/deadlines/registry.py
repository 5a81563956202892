"""The registry of deadline rules: each is a function paired with its `DeadlineRule`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from ..calendar import Calendar
from ..snapshot import CaseSnapshot
from .base import Deadline, DeadlineRule, DeadlineSettings


@dataclass(frozen=True)
class DeadlineContext:
    case: CaseSnapshot
    today: date
    calendar: Calendar
    settings: DeadlineSettings
    tz: tzinfo = UTC  # where clock times are shown (Europe/London at the edge)

    def day(self, when: datetime) -> date:
        """The calendar day of an instant where the case is worked (a submission at 00:30 BST on
        2 June is made on 2 June, not on the UTC date 1 June)."""
        return when.astimezone(self.tz).date() if when.tzinfo else when.date()


Maker = Callable[[DeadlineContext, DeadlineRule], Iterable[Deadline]]
RULES: list[tuple[DeadlineRule, Maker]] = []


def rule(rule_id: str, **kw) -> Callable[[Maker], Maker]:
    r = DeadlineRule(id=rule_id, **kw)

    def register(fn: Maker) -> Maker:
        if any(x.id == rule_id for x, _ in RULES):
            raise ValueError(f"deadline rule {rule_id} registered twice")
        RULES.append((r, fn))
        return fn

    return register


def rule_only(rule_id: str, **kw) -> DeadlineRule:
    """A rule made by another rule's function (e.g. the CTL family shares one walk)."""
    r = DeadlineRule(id=rule_id, **kw)
    RULES.append((r, lambda ctx, rule: ()))
    return r
