"""The file-quality engine: review a case snapshot against the National File Standard, DG6 and
court acceptance, and return findings with a verdict and a score. Pure: no Django, no clock, no I/O.

    review = review_case(snapshot, today=date(2025, 3, 10), reference=reference)
    review.verdict, review.score, [f.as_dict() for f in review.findings]
"""

from __future__ import annotations

from datetime import date

from ..findings import Finding, Review, Rule, SetAside, sort_findings
from ..snapshot import CaseSnapshot
from . import content, court, dg6, facts  # noqa: F401 — registers their checks
from .context import Context, CourtInfo, FakeReference, OffenceInfo, Reference
from .registry import CHECKS
from .requirements import DEFAULT_TABLE, TABLES
from .requirements import catalogue as requirement_rules
from .requirements import checklist as materials_checklist
from .stage import FILE_TYPES, file_stage

OVERDUE = "NFS.MATERIAL.OVERDUE"
# The same failing reported by two rules is one problem, not two: a finding of the key rule is
# dropped when a finding of the value rule is about the same item. At trial and Crown Court
# stages a vulnerable witness with neither measures nor an MG2 is the special measures failing
# (the rule that names the grounds); the MG2 requirement row reports it only pre-charge.
SUPERSEDED_BY = {"NFS.MATERIAL.MG2": "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED"}

__all__ = ["review_case", "catalogue", "Reference", "FakeReference", "OffenceInfo", "CourtInfo",
           "FILE_TYPES", "file_stage"]


def review_case(case: CaseSnapshot, *, today: date, reference: Reference, stage: str | None = None,
                table: str = DEFAULT_TABLE) -> Review:
    """Every finding for the case at its file stage (or at `stage`, the reviewer's choice)."""
    decision = file_stage(case, stage)
    ctx = Context(case, decision, today, reference)
    checklist = tuple(materials_checklist(ctx, TABLES[table]))
    found: list[Finding] = [f for line in checklist for f in line.missing]  # the requirement findings, once
    for rule, fn in CHECKS:
        found.extend(fn(ctx, rule))
    # An overdue item already reported as missing at this stage is one problem, not two.
    reported = {f.item for f in found if f.item and f.rule.id != OVERDUE}
    found = [f for f in found if not (f.rule.id == OVERDUE and f.item in reported)]
    said = {(f.rule.id, f.item) for f in found}
    found = [f for f in found if (SUPERSEDED_BY.get(f.rule.id), f.item) not in said]
    # A postal requisition or SJP case without an MG5 lacks its statement of facts: one failing.
    if any(f.rule.id == "COURT.STATEMENT_OF_FACTS" for f in found):
        found = [f for f in found if f.rule.id != "NFS.MATERIAL.MG5"]
    overrides = {(o.rule_id, o.item or None): o.reason for o in case.overrides}
    active, set_aside = [], []
    for f in found:
        reason = overrides.get((f.rule.id, f.item)) or overrides.get((f.rule.id, None)) if overrides else None
        if reason:
            set_aside.append(SetAside(f, reason))
        else:
            active.append(f)
    return Review(case.urn, decision, tuple(sort_findings(active)),
                  tuple(sorted(set_aside, key=lambda s: (s.finding.rule.id, s.finding.item or ""))),
                  ctx.charging, checklist)


def catalogue(table: str = DEFAULT_TABLE) -> list[Rule]:
    """Every rule the engine can raise, in a stable order."""
    return sorted(requirement_rules(TABLES[table]) + [r for r, _ in CHECKS], key=lambda r: r.id)
