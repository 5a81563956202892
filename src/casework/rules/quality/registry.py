"""The registry of file-quality checks: each check is a function paired with its `Rule`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, Rule, Severity
from .context import Context

Check = Callable[[Context, Rule], Iterable[Finding]]
CHECKS: list[tuple[Rule, Check]] = []


def check(rule_id: str, *, title: str, severity: Severity, source: str, confidence: str,
          explanation: str, triage: str | None = None, dga: str | None = None,
          court: str | None = None, family: str = "") -> Callable[[Check], Check]:
    rule = Rule(id=rule_id, title=title, severity=severity, source=source, confidence=confidence,
                explanation=explanation, cps_triage_reason=triage, dga_reason=dga,
                court_problem_code=court, family=family)

    def register(fn: Check) -> Check:
        if any(r.id == rule_id for r, _ in CHECKS):
            raise ValueError(f"rule id {rule_id} registered twice")
        CHECKS.append((rule, fn))
        fn.rule = rule  # type: ignore[attr-defined]
        return fn

    return register
