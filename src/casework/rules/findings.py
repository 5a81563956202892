"""Findings: what a file-quality rule says about a case, and how findings add up to a verdict.

Every rule carries its law: the source (instrument, provision, edition, with the domain brief's
key), a confidence tag (verified / secondary / unverified), a plain-English explanation, and the
CPS's own words for the same failing (the triage "NFS non-compliant" reason and the Director's
Guidance Assessment reason) or the court's problem code, so reports speak the CPS's and the
court's language. Pure: no Django, no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

VERIFIED = "verified"
SECONDARY = "secondary"
UNVERIFIED = "unverified"


class Severity(str, Enum):  # noqa: UP042 — plain string values in JSON and templates
    BLOCKER = "blocker"
    MAJOR = "major"
    MINOR = "minor"
    ADVICE = "advice"

    @property
    def weight(self) -> int:
        """Points a finding of this severity takes off the score of 100."""
        return SEVERITY_WEIGHTS[self]


SEVERITY_WEIGHTS = {Severity.BLOCKER: 25, Severity.MAJOR: 10, Severity.MINOR: 3, Severity.ADVICE: 0}
SEVERITY_ORDER = {Severity.BLOCKER: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.ADVICE: 3}


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    severity: Severity
    source: str
    confidence: str
    explanation: str
    cps_triage_reason: str | None = None  # brief §3.4, e.g. "No MG3"
    dga_reason: str | None = None  # brief §7.1, e.g. "Statement(s)"
    court_problem_code: str | None = None  # interfaces §3, e.g. "OFFENCE_CODE_IS_INVALID"
    family: str = ""

    @property
    def cps_reason(self) -> str | None:
        """The CPS's words for this failing: the triage reason, else the DGA reason."""
        return self.cps_triage_reason or self.dga_reason


@dataclass(frozen=True)
class Finding:
    rule: Rule
    message: str  # names the exact item: "The statement of Jane DOE (W1, M2) is not signed."
    remedy: str  # what the OIC must do
    item: str | None = None  # ref of the part the finding is about
    severity: Severity | None = None  # when a rule's finding is graver or lighter in this case

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def level(self) -> Severity:
        return self.severity or self.rule.severity

    def as_dict(self) -> dict:
        return {
            "rule_id": self.rule.id,
            "severity": self.level.value,
            "item": self.item,
            "message": self.message,
            "remedy": self.remedy,
            "source": self.rule.source,
            "confidence": self.rule.confidence,
            "cps_reason": self.rule.cps_reason,
            "cps_triage_reason": self.rule.cps_triage_reason,
            "dga_reason": self.rule.dga_reason,
            "court_problem_code": self.rule.court_problem_code,
        }


@dataclass(frozen=True)
class SetAside:
    finding: Finding
    reason: str


@dataclass(frozen=True)
class StageDecision:
    file_type: str  # brief §2.3 stage id, e.g. "FH-NGAP"
    remand: bool  # the FH-REM add-on applies
    basis: str  # why, in words
    chosen_by_reviewer: bool = False


@dataclass(frozen=True)
class Review:
    urn: str
    stage: StageDecision
    findings: tuple[Finding, ...]
    set_aside: tuple[SetAside, ...] = field(default=())
    charging: object | None = None
    checklist: tuple = field(default=())  # the materials checklist for the stage (ChecklistLine)

    @property
    def compliant(self) -> bool:
        """Compliant when no blocker or major finding remains (set-aside findings don't count)."""
        return not any(f.level in (Severity.BLOCKER, Severity.MAJOR) for f in self.findings)

    @property
    def verdict(self) -> str:
        return "compliant" if self.compliant else "non_compliant"

    @property
    def score(self) -> int:
        return max(0, 100 - sum(f.level.weight for f in self.findings))

    @property
    def score_explanation(self) -> str:
        counts = {s: sum(1 for f in self.findings if f.level == s) for s in Severity}
        parts = [f"{counts[s]} {s.value}" for s in Severity if counts[s]]
        lost = " + ".join(f"{counts[s]}×{s.weight}" for s in Severity if counts[s] and s.weight)
        if not lost:
            return "no finding costs points (100 less 25 per blocker, 10 per major, 3 per minor)"
        return (f"100 less {lost} for {', '.join(parts)} finding(s): 25 per blocker, 10 per major, "
                "3 per minor, advice free, never below 0")


def sort_findings(findings) -> list[Finding]:
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.level], f.rule.id, f.item or ""))
