"""Deadlines: the rule that makes each one, the dated result, status buckets and urgency order.

Every deadline rule declares its unit, whether the start day counts, which days it excludes and
which way an excluded expiry moves, its source and confidence, and whether it is statutory (hard)
or a target or local service level (soft). Pure: no Django, no clock, no I/O.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta

from ..text import weekday


@dataclass(frozen=True)
class DeadlineRule:
    id: str
    title: str
    family: str
    unit: str  # "hours" | "calendar days" | "working days" | "business days" | "calendar months"
    start_day_counted: bool
    excluded: str  # which days an expiry may not fall on ("none" when any day will do)
    roll: str  # "back" | "forward" | "none": which way an excluded expiry moves
    hard: bool
    source: str
    confidence: str
    explanation: str
    setting: str | None = None  # the DeadlineSettings field that configures it, if any

    @property
    def configurable(self) -> bool:
        return self.setting is not None


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    subject: str  # "Liam CARTER (D1), charge D1-1 OF61102"
    subject_ref: str | None
    due: date
    basis: str
    due_at: datetime | None = None  # for hour-based clocks (PACE, priority charging decisions)
    done: bool = False
    custody: bool = False
    # Set when the date rests on a fact assumed because the file lacks it ("the mode of trial is
    # not recorded, so the shortest limit that could apply is shown"): shown beside the date.
    assumption: str = ""

    @property
    def kind(self) -> str:
        return self.rule.id

    def status(self, today: date) -> str:
        return "done" if self.done else bucket(self.due, today)

    def as_dict(self, today: date) -> dict:
        return {
            "kind": self.rule.id,
            "title": self.rule.title,
            "subject": self.subject,
            "subject_ref": self.subject_ref,
            "due": self.due.isoformat(),
            "due_at": self.due_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if self.due_at else None,
            "status": self.status(today),
            "hard": self.rule.hard,
            "custody": self.custody,
            "basis": self.basis,
            "source": self.rule.source,
            "confidence": self.rule.confidence,
            "configurable": self.rule.configurable,
            "setting": self.rule.setting,  # the DeadlineSettings figure (a service level) behind the date
            "assumption": self.assumption,
        }


BUCKETS = ("expired", "today", "tomorrow", "this_week", "next_week", "later")
BUCKET_LABELS = {"expired": "Expired", "today": "Today", "tomorrow": "Tomorrow", "this_week": "This week",
                 "next_week": "Next week", "later": "Later", "done": "Done"}


def bucket(due: date, today: date) -> str:
    """The CPS's status buckets [CPSDH]: weeks run Monday to Sunday."""
    if due < today:
        return "expired"
    if due == today:
        return "today"
    if due == today + timedelta(days=1):
        return "tomorrow"
    end_of_week = today + timedelta(days=6 - today.weekday())
    if due <= end_of_week:
        return "this_week"
    if due <= end_of_week + timedelta(days=7):
        return "next_week"
    return "later"


def urgency_order(*, done: bool, due: date, due_at: datetime | None, hard: bool, custody: bool,
                  today: date) -> tuple:
    """One order for worklists: open before done; by status bucket; within a bucket hard limits
    before soft, then the earliest, then custody cases first among equals."""
    # By the (local) due day, then by the instant within it for clock deadlines; a date-only
    # deadline counts as due at the end of its day. (Comparing a UTC wall time with the end of a
    # local day put a PACE clock ending at 00:30 BST on Wednesday before a limit due on Tuesday.)
    when = (due, due_at.timestamp() if due_at else math.inf)
    rank = len(BUCKETS) if done else BUCKETS.index(bucket(due, today))
    return (done, rank, not hard, when, not custody)


def urgency_key(d: Deadline, today: date) -> tuple:
    """`urgency_order`, then a stable order among deadlines that tie."""
    return (*urgency_order(done=d.done, due=d.due, due_at=d.due_at, hard=d.rule.hard, custody=d.custody,
                           today=today), d.rule.id, d.subject_ref or "", d.subject)


@dataclass(frozen=True)
class DeadlineSettings:
    """Figures a force sets, or that the brief marks unverified: held as data by administrators."""

    file_submission_working_days: int = 2  # COPCPT: charged files "within 24–48 hours" [S]; local SLA
    pcd_red_hours: int = 3  # CPS priority PCD review [CPSDH][V]
    pcd_green_priority_days: int = 5  # "5 day PCD review" [CPSTASK][S]
    pcd_green_days: int = 28  # "28 day PCD review" [CPSTASK][S]
    tsj_gap_days: int = 14  # TSJ: GAP bail first hearing [GAZTSJ][S]
    tsj_ngap_days: int = 28  # TSJ: NGAP bail first hearing [GAZTSJ][S]
    bcm_ptph_days: int = 28  # PTPH after sending [OLLBCM][S]
    bcm_stage1_custody_days: int = 50  # [OLLBCM][S]
    bcm_stage1_bail_days: int = 70  # [OLLBCM][S]
    bcm_stage2_days: int = 28  # after Stage 1 [OLLBCM][S]
    bcm_stage3_days: int = 14  # after Stage 2 [U]
    bcm_stage4_days: int = 14  # after Stage 3 [U]
    sm_magistrates_business_days: int = 20  # CrimPR Part 18 [U]
    sm_crown_business_days: int = 10  # CrimPR Part 18 [U]
    bc_magistrates_business_days: int = 20  # CrimPR 21.4 [LHL][S]
    bc_crown_business_days: int = 10  # CrimPR 21.4 [LHL][S]
    vc_enhanced_working_days: int = 1  # Victims' Code [CPSTC][V]
    vc_other_working_days: int = 5  # Victims' Code [CPSTC][V]
    results_working_days: int = 1  # WCU results [CPSWCU][V]
    wcu_needs_assessment_working_days: int = 5  # after a NG plea: no national figure [U]
    wcu_warning_working_days_before_trial: int = 10  # before the trial: no national figure [U]
    ctl_coronavirus_days: int = 238  # CTL (Coronavirus) Regs 2020 [CTLCOV] figure [U]

    @classmethod
    def from_values(cls, values: dict[str, int]) -> DeadlineSettings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: int(v) for k, v in values.items() if k in known})


DEFAULT_SETTINGS = DeadlineSettings()


def on(d: date) -> str:
    return weekday(d)



