"""The measures of file quality, timeliness and outcomes, each counted from the case data as facts.

A fact is one thing counted (a charging request, a file, an action item, a victim's update, a
trial), with the case it belongs to, the day it counts on and, for a rate, whether it met the
standard. A figure is a count of facts, a drill-down is the same facts listed, and a trend is the
same facts by month: so every figure agrees with the cases behind it by construction.

Must not: decide what a deadline is (the rules core does), or reach cases outside the queryset
it is given (the access module chose those).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache, partial

from django.db.models import CharField, Exists, F, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Cast, Coalesce

from casework.cases.models import (
    ActionPlanItem,
    Case,
    CPSDecision,
    FileReturn,
    FileSubmission,
    FindingOverride,
    Hearing,
    Offence,
    Witness,
)
from casework.deadlines.models import CaseDeadline
from casework.rules.calendar import Calendar
from casework.rules.deadlines import DeadlineSettings, bucket
from casework.rules.findings import SECONDARY, UNVERIFIED, VERIFIED
from casework.rules.reporting import (
    DGA_SOURCE,
    TRIAGE_SOURCE,
    TRIAL_CLASSES,
    TRIAL_SOURCE,
    Failing,
    failing_for_rule,
    failing_for_triage,
)

from .filters import LONDON, Period

TRIAGED = ("compliant", "non_compliant", "red_rejected")
OUTCOME_WORDS = {"compliant": "NFS compliant", "non_compliant": "NFS non-compliant",
                 "red_rejected": "priority (red) rejection", "pending": "awaiting CPS triage", "withdrawn": "withdrawn"}
HARD_LIMITS = ("DEADLINE.CTL", "DEADLINE.STL")


def local_day(dt: datetime) -> date:
    """The Europe/London calendar day of an aware datetime."""
    return dt.astimezone(LONDON).date()


# Hundreds of thousands of date-times are read for a 12-month report. Read as text (UTC,
# "YYYY-MM-DD HH:MM:SS…" on SQLite and PostgreSQL alike) they skip the database driver's parsing
# and time-zone conversion; text of one format compares as the instants do.
def _text(field: str) -> Cast:
    return Cast(field, output_field=CharField())


@cache
def _day_of_hour(hour: str) -> date:
    return datetime.fromisoformat(f"{hour}:00+00:00").astimezone(LONDON).date()


def text_day(value: str) -> date:
    """The Europe/London day of a UTC date-time read as text."""
    return _day_of_hour(value[:13])


def utc_text(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def _d(day: date) -> str:
    return f"{day:%a %-d %b %Y}"


@dataclass(frozen=True)
class Fact:
    case_id: int
    urn: str
    on: date  # the day it counts on: which period and month it falls in
    ok: bool | None  # for a rate: met the standard, did not, or not yet decided (left out)
    about: object  # what the drill-down shows, in words: text, or a partial that writes it when asked
    key: str = ""  # the breakdown it falls in: a reason, a category, a bucket
    value: float | None = None  # a quantity, e.g. hours to a decision
    where: str = ""  # for failings: who found it (CPS triage, CPS file assessment, Casework review)
    category: str = ""  # for failings: the DGA category
    area: str = ""  # for failings: the training area
    due: date | None = None  # for a rate, undecided: counts as not met once this day has passed

    @property
    def detail(self) -> str:
        # Worded only for the facts a drill-down lists: a dashboard counts hundreds of thousands.
        return self.about if isinstance(self.about, str) else self.about()


@dataclass
class Ctx:
    cases: QuerySet[Case]
    window: Period
    today: date
    calendar: Calendar
    settings: DeadlineSettings
    memo: dict = field(default_factory=dict)

    def bounds(self) -> tuple[datetime, datetime]:
        return self.window.aware_bounds()

    def once(self, name: str, fn: Callable[[], list]) -> list:
        if name not in self.memo:
            self.memo[name] = fn()
        return self.memo[name]


@dataclass(frozen=True)
class Measure:
    id: str
    section: str  # file_quality, timeliness, outcomes
    title: str
    kind: str  # "rate" (facts met ÷ facts decided) or "count"
    counts: str  # what one fact is, plural: "pre-charge requests"
    ok_words: str  # the facts that met the standard: "compliant"
    not_ok_words: str
    definition: str
    source: str
    confidence: str
    collect: Callable[[Ctx], list[Fact]]
    higher_is_better: bool = True
    trend: bool = True
    headline: bool = False  # one of the few figures shown first, and charted in the pack
    until_today: bool = False  # facts dated after today are left out (not yet due)
    stored: bool = True  # kept in the report fact store (ReportFact); else counted live each time
    valued: bool = False  # its facts carry a quantity (Fact.value), whose median the breakdown gives

    def settle(self, facts: list[Fact], today: date) -> list[Fact]:
        """The facts as they stand today: an undecided fact whose day has passed did not meet the
        standard, and a measure counted up to today leaves out what is not yet due."""
        out = []
        for f in facts:
            if self.until_today and f.on > today:
                continue
            out.append(replace(f, ok=False) if f.ok is None and f.due is not None and f.due < today else f)
        return out


# --- File quality -------------------------------------------------------------------------------

def _submissions(ctx: Ctx, pre_charge: bool) -> list[tuple]:
    lo, hi = ctx.bounds()
    phase = Q(file_type__startswith="PC") if pre_charge else ~Q(file_type__startswith="PC")
    earlier = FileSubmission.objects.filter(phase, case_id=OuterRef("case_id"), submitted_at__lt=OuterRef("submitted_at"))
    return [(case_id, urn, ref, file_type, text_day(at), outcome, category, reasons, resubmission)
            for case_id, urn, ref, file_type, at, outcome, category, reasons, resubmission in
            FileSubmission.objects.filter(phase, case__in=ctx.cases, submitted_at__gte=lo, submitted_at__lt=hi)
            .annotate(resubmission=Exists(earlier), at=_text("submitted_at"))
            .values_list("case_id", "case__urn", "ref", "file_type", "at", "outcome", "charging_category",
                         "reasons", "resubmission")]


def _submission_facts(ctx: Ctx, pre_charge: bool, *, first_only: bool) -> list[Fact]:
    rows = ctx.once(f"subs{pre_charge}", lambda: _submissions(ctx, pre_charge))
    out = []
    for case_id, urn, ref, file_type, day, outcome, category, reasons, resubmission in rows:
        if first_only and resubmission:
            continue
        out.append(Fact(case_id, urn, day, outcome == "compliant" if outcome in TRIAGED else None,
                        partial(_submission_words, pre_charge, ref, file_type, category, day, resubmission, outcome,
                                reasons), key=outcome))
    return out


def _submission_words(pre_charge, ref, file_type, category, day, resubmission, outcome, reasons) -> str:
    what = f"pre-charge request ({(category or 'green').replace('_', ' ')})" if pre_charge else f"{file_type} file"
    words = OUTCOME_WORDS.get(outcome, outcome)
    if reasons:
        words += ": " + "; ".join(failing_for_triage(r).reason for r in reasons)
    return f"{ref} {what} sent {_d(day)}{' (resubmitted)' if resubmission else ''} — {words}"


def first_time_pcd(ctx: Ctx) -> list[Fact]:
    return _submission_facts(ctx, True, first_only=True)


def pcd_triage(ctx: Ctx) -> list[Fact]:
    return _submission_facts(ctx, True, first_only=False)


def first_time_charged(ctx: Ctx) -> list[Fact]:
    return _submission_facts(ctx, False, first_only=True)


def file_returns(ctx: Ctx) -> list[Fact]:
    lo, hi = ctx.bounds()
    rows = FileReturn.objects.filter(case__in=ctx.cases, returned_at__gte=lo, returned_at__lt=hi).values_list(
        "case_id", "case__urn", "cycle", "returned_at", "rule_ids", "resubmitted_at")
    out = []
    for case_id, urn, cycle, at, rule_ids, resubmitted in rows:
        day = local_day(at)
        out.append(Fact(case_id, urn, day, None, partial(_return_words, day, cycle, len(rule_ids), resubmitted),
                        key="3 or more" if cycle >= 3 else str(cycle)))
    return out


def _return_words(day, cycle, findings, resubmitted) -> str:
    again = f"resubmitted {_d(local_day(resubmitted))}" if resubmitted else "not yet resubmitted"
    return (f"Returned to the officer {_d(day)} (cycle {cycle}) with {findings} finding{'s' if findings != 1 else ''}; "
            f"{again}")


@lru_cache(maxsize=1)
def _rules_by_id() -> dict:
    from casework.rules.quality import catalogue

    return {r.id: r for r in catalogue()}


def rule_failing(rule_id: str) -> Failing:
    rule = _rules_by_id().get(rule_id)
    return failing_for_rule(rule) if rule else Failing(rule_id, None, "file_build")


def failings(ctx: Ctx) -> list[Fact]:
    """Each reason a file failed, in the CPS's words: from CPS triage of pre-charge requests, the
    CPS's assessment of charged files, and files Casework's reviewers returned to the officer."""
    out = []
    for pre_charge in (True, False):
        where = "CPS triage (pre-charge)" if pre_charge else "CPS file assessment (charged)"
        for case_id, urn, ref, _ft, day, outcome, _cat, reasons, _re in ctx.once(
                f"subs{pre_charge}", lambda p=pre_charge: _submissions(ctx, p)):
            if outcome not in ("non_compliant", "red_rejected"):
                continue
            for code in reasons:
                f = failing_for_triage(code)
                out.append(Fact(case_id, urn, day, None, partial(_failing_words, ref, f.reason, where, day),
                                key=f.reason, where=where, category=f.dga_category or "", area=f.area))
    lo, hi = ctx.bounds()
    for case_id, urn, cycle, at, rule_ids in FileReturn.objects.filter(
            case__in=ctx.cases, returned_at__gte=lo, returned_at__lt=hi).values_list(
            "case_id", "case__urn", "cycle", "returned_at", "rule_ids"):
        day = local_day(at)
        for rule_id in dict.fromkeys(rule_ids):
            f = rule_failing(rule_id)
            out.append(Fact(case_id, urn, day, None, partial(_failing_words, f"Return {cycle}", f.reason, rule_id, day),
                            key=f.reason, where="Casework review (returned to the officer)",
                            category=f.dga_category or "", area=f.area))
    return out


def _failing_words(what, reason, where, day) -> str:
    return f"{what}: {reason} ({where}, {_d(day)})"


def set_aside(ctx: Ctx) -> list[Fact]:
    lo, hi = ctx.bounds()
    out = []
    for case_id, urn, rule_id, item, reason, at in FindingOverride.objects.filter(
            case__in=ctx.cases, at__gte=lo, at__lt=hi).values_list("case_id", "case__urn", "rule_id", "item",
                                                                    "reason", "at"):
        day = local_day(at)
        out.append(Fact(case_id, urn, day, None, partial(_set_aside_words, rule_id, item, day, reason), key=rule_id))
    return out


def _set_aside_words(rule_id, item, day, reason) -> str:
    rule = _rules_by_id().get(rule_id)
    return f"{rule.title if rule else rule_id}{f' ({item})' if item else ''} set aside {_d(day)}: “{reason}”"


# --- Timeliness ---------------------------------------------------------------------------------

def file_service_level(ctx: Ctx) -> list[Fact]:
    """Charged cases: was the first charged file sent to the CPS within the service level?"""
    w = ctx.window
    charged = (Offence.objects.filter(defendant__case__in=ctx.cases, charge_date__isnull=False)
               .values("defendant__case_id").annotate(first=Min("charge_date"), urn=F("defendant__case__urn"))
               .filter(first__gte=w.start, first__lte=w.end))
    rows = list(charged.values_list("defendant__case_id", "urn", "first"))
    sent = dict(FileSubmission.objects.filter(case_id__in=charged.values("defendant__case_id"))
                .exclude(file_type__startswith="PC").values("case_id").annotate(first=Min("submitted_at"))
                .values_list("case_id", "first"))
    n = ctx.settings.file_submission_working_days
    out = []
    add = _working_days(ctx.calendar)
    for case_id, urn, charge in rows:
        due = add(charge, n)
        day = local_day(sent[case_id]) if case_id in sent else None
        out.append(Fact(case_id, urn, charge, day <= due if day is not None else None,
                        partial(_service_level_words, charge, due, n, day), due=due))
    return out


def _service_level_words(charge, due, n, day) -> str:
    words = f"sent {_d(day)}" + (" — late" if day > due else "") if day is not None else "not sent yet"
    return f"Charged {_d(charge)}; due {_d(due)} ({n} working days); {words}"


def _working_days(calendar: Calendar) -> Callable[[date, int], date]:
    """calendar.add_working_days, remembered: a report asks it about the same few hundred days
    tens of thousands of times."""
    return lru_cache(maxsize=None)(calendar.add_working_days)


CATEGORY_WORDS = {"red": "red (priority)", "green_priority": "green priority", "green": "green",
                  "early_advice": "early advice"}


def pcd_turnaround(ctx: Ctx) -> list[Fact]:
    """CPS charging decisions: hours from the request to the decision, against the CPS's targets."""
    lo, hi = ctx.bounds()
    s = ctx.settings
    out = []
    for case_id, urn, ref, decided, kind, sub_ref, submitted, category, file_type in CPSDecision.objects.filter(
            case__in=ctx.cases, decided_at__gte=lo, decided_at__lt=hi, submission__file_type__startswith="PC",
    ).values_list("case_id", "case__urn", "ref", "decided_at", "kind", "submission__ref", "submission__submitted_at",
                  "submission__charging_category", "submission__file_type"):
        cat = category or ("red" if file_type == "PC-EXP" else "green")
        hours = (decided - submitted).total_seconds() / 3600
        if cat == "red":
            ok, target = decided <= submitted + timedelta(hours=s.pcd_red_hours), f"{s.pcd_red_hours} hours"
        else:
            days = s.pcd_green_priority_days if cat == "green_priority" else s.pcd_green_days
            ok, target = local_day(decided) <= local_day(submitted) + timedelta(days=days), f"{days} days"
        out.append(Fact(case_id, urn, local_day(decided), ok,
                        partial(_turnaround_words, sub_ref, cat, submitted, ref, kind, decided, hours, target),
                        key=cat, value=hours))
    return out


def _turnaround_words(sub_ref, cat, submitted, ref, kind, decided, hours, target) -> str:
    took = f"{hours:.1f} hours" if hours < 48 else f"{hours / 24:.1f} days"
    return (f"{sub_ref} ({CATEGORY_WORDS.get(cat, cat)}) sent {_d(local_day(submitted))}; decision {ref} "
            f"({kind.replace('_', ' ')}) {_d(local_day(decided))}: {took} (target {target})")


def action_items(ctx: Ctx) -> list[Fact]:
    """CPS action plan items due in the period: done by their due date? (Items due after today
    are left out when the report is read: `until_today`.)"""
    w = ctx.window
    out = []
    for case_id, urn, ref, text, due, status, completed in (
            ActionPlanItem.objects.filter(plan__case__in=ctx.cases).exclude(status="cancelled")
            .annotate(due=Coalesce("due_date", "plan__respond_by")).filter(due__gte=w.start, due__lte=w.end)
            .values_list("plan__case_id", "plan__case__urn", "ref", "text", "due", "status", "completed_at")):
        day = local_day(completed) if status == "done" and completed else None
        out.append(Fact(case_id, urn, due, day <= due if day is not None else None,
                        partial(_item_words, ref, text, due, day), due=due))
    return out


def _item_words(ref, text, due, day) -> str:
    words = f"done {_d(day)}" + (" — late" if day > due else "") if day is not None else "still open"
    return f"{ref} “{text[:80]}” due {_d(due)}: {words}"


def hard_limits(qs: QuerySet) -> QuerySet:
    return qs.filter(Q(kind__startswith=HARD_LIMITS[0]) | Q(kind__startswith=HARD_LIMITS[1]), hard=True, done=False)


def passed_by(window: Period, today: date) -> date:
    """The last day a time limit in the window can have passed unmet: yesterday at the latest."""
    return min(window.end, today - timedelta(days=1))


def time_limits_at_risk(ctx: Ctx) -> list[Fact]:
    """Custody and statutory time limits not yet met on open cases, as at today, by bucket."""
    out = []
    for case_id, urn, kind, title, subject, due in hard_limits(CaseDeadline.objects.filter(case__in=ctx.cases)).values_list(
            "case_id", "case__urn", "kind", "title", "subject", "due"):
        b = bucket(due, ctx.today)
        out.append(Fact(case_id, urn, due, None, partial(_limit_words, title, subject, "due", due), key=b,
                        category="CTL" if kind.startswith(HARD_LIMITS[0]) else "STL"))
    return out


def time_limit_failures(ctx: Ctx) -> list[Fact]:
    """Custody or statutory time limits that passed in the period without being met."""
    w = ctx.window
    last = passed_by(w, ctx.today)
    out = []
    for case_id, urn, kind, title, subject, due in hard_limits(CaseDeadline.objects.filter(
            case__in=ctx.cases, due__gte=w.start, due__lte=last)).values_list(
            "case_id", "case__urn", "kind", "title", "subject", "due"):
        out.append(Fact(case_id, urn, due, None, partial(_limit_words, title, subject, "expired", due),
                        key="CTL" if kind.startswith(HARD_LIMITS[0]) else "STL"))
    return out


def _limit_words(title, subject, what, due) -> str:
    return f"{title}: {subject}, {what} {_d(due)}"


def victims_code(ctx: Ctx) -> list[Fact]:
    """Each victim and each decision or result they must be told of: told within the Victims'
    Code period (1 working day with enhanced rights, else 5)? The earliest record of telling them
    counts: a contact marked 'told of progress', or their last update."""
    from casework.cases.models import ContactEntry

    w = ctx.window
    lo, hi = ctx.bounds()
    events: dict[int, list[tuple[str, str]]] = defaultdict(list)  # (UTC time as text, what)
    charges = Offence.objects.filter(defendant__case__in=ctx.cases, charge_date__gte=w.start, charge_date__lte=w.end)
    decisions = CPSDecision.objects.filter(case__in=ctx.cases, decided_at__gte=lo, decided_at__lt=hi,
                                           kind__in=("no_further_action", "out_of_court_disposal"))
    results = Hearing.objects.filter(case__in=ctx.cases, starts_at__gte=lo, starts_at__lt=hi).exclude(outcome="")
    for case_id, day in charges.values_list("defendant__case_id", "charge_date").distinct():
        events[case_id].append((_charge_time(day), "charge"))
    for case_id, at, kind in decisions.annotate(at=_text("decided_at")).values_list("case_id", "at", "kind"):
        events[case_id].append((at[:19], f"CPS decision: {kind.replace('_', ' ')}"))
    for case_id, at, outcome in results.annotate(at=_text("starts_at")).values_list("case_id", "at", "outcome"):
        events[case_id].append((at[:19], f"hearing result: {outcome.replace('_', ' ')}"))
    if not events:
        return []
    # The cases with something to tell, as sub-selects (a list of ids could pass SQLite's limit).
    with_news = (Q(case_id__in=charges.values("defendant__case_id")) | Q(case_id__in=decisions.values("case_id"))
                 | Q(case_id__in=results.values("case_id")))
    victims = [v for v in Witness.objects.filter(with_news, role="victim").annotate(last=_text("last_update_at"))
               .values_list("pk", "case_id", "case__urn", "ref", "enhanced_rights", "last") if v[1] in events]
    told: dict[int, list[str]] = defaultdict(list)
    for wid, at in ContactEntry.objects.filter(
            witness__role="victim", witness__case__in=ctx.cases, told_of_progress=True, at__gte=lo).annotate(
            t=_text("at")).values_list("witness_id", "t"):
        told[wid].append(at[:19])
    s = ctx.settings
    add = _working_days(ctx.calendar)
    out = []
    for wid, case_id, urn, ref, enhanced, last_update in victims:
        days = s.vc_enhanced_working_days if enhanced else s.vc_other_working_days
        last_update = last_update[:19] if last_update else None
        for at, what in sorted(events[case_id]):
            day = text_day(at)
            due = add(day, days)
            times = [t for t in told[wid] if t >= at] + ([last_update] if last_update and last_update >= at else [])
            first = text_day(min(times)) if times else None
            out.append(Fact(case_id, urn, day, first <= due if first is not None else None,
                            partial(_victim_words, ref, enhanced, what, day, due, days, first),
                            key="enhanced" if enhanced else "other", due=due))
    return out


@cache
def _charge_time(day: date) -> str:
    # A charge has a date but no time: taken as 17:00 that day in London, as the deadlines engine does.
    return utc_text(datetime.combine(day, time(17, 0), tzinfo=LONDON))


def _victim_words(ref, enhanced, what, day, due, days, first) -> str:
    words = (f"told {_d(first)}" + (" — late" if first > due else "")) if first is not None else "not told yet"
    return (f"Victim {ref}{' (enhanced rights)' if enhanced else ''}: {what} {_d(day)}; "
            f"due {_d(due)} ({days} working day{'s' if days != 1 else ''}); {words}")


# --- Outcomes -----------------------------------------------------------------------------------

def _hearings(ctx: Ctx, kind: str) -> list[tuple]:
    lo, hi = ctx.bounds()
    return [(case_id, urn, ref, text_day(at), outcome) for case_id, urn, ref, at, outcome in
            Hearing.objects.filter(case__in=ctx.cases, type=kind, starts_at__gte=lo, starts_at__lt=hi)
            .exclude(outcome__in=("", "vacated")).annotate(at=_text("starts_at"))
            .values_list("case_id", "case__urn", "ref", "at", "outcome")]


# A guilty plea at the first hearing is recorded as the plea, or as what followed it the same day.
GUILTY_PLEA_RESULTS = ("guilty_plea", "sentenced", "committed_for_sentence")


def guilty_plea_first_hearing(ctx: Ctx) -> list[Fact]:
    return [Fact(case_id, urn, day, outcome in GUILTY_PLEA_RESULTS, partial(_hearing_words, ref, "first hearing", day, outcome, ""),
                 key=outcome)
            for case_id, urn, ref, day, outcome in _hearings(ctx, "first") if outcome != "sent_to_crown"]


def _hearing_words(ref, what, day, outcome, cls) -> str:
    return f"{ref} {what} {_d(day)}: {outcome.replace('_', ' ')}{f' ({cls})' if cls else ''}"


def trials(ctx: Ctx) -> list[Fact]:
    out = []
    for case_id, urn, ref, day, outcome in _hearings(ctx, "trial"):
        cls = TRIAL_CLASSES.get(outcome)
        if cls:
            out.append(Fact(case_id, urn, day, cls == "effective", partial(_hearing_words, ref, "trial", day, outcome, cls),
                            key=cls))
    return out


PROSECUTED = ("convicted", "acquitted", "discontinued", "withdrawn", "dismissed")


def _finalised_words(day, outcome) -> str:
    return f"Finalised {_d(day)}: {outcome.replace('_', ' ')}"


def discontinued(ctx: Ctx) -> list[Fact]:
    w = ctx.window
    return [Fact(case_id, urn, day, outcome in ("discontinued", "withdrawn"), partial(_finalised_words, day, outcome),
                 key=outcome)
            for case_id, urn, day, outcome in Case.objects.filter(
                pk__in=ctx.cases.values("pk"), finalised_on__gte=w.start, finalised_on__lte=w.end,
                outcome__in=PROSECUTED).values_list("pk", "urn", "finalised_on", "outcome")]


# --- The catalogue ------------------------------------------------------------------------------

MEASURES: tuple[Measure, ...] = (
    Measure("first_time_pcd", "file_quality", "First-time NFS compliance (pre-charge)", "rate",
            "first pre-charge requests", "compliant first time", "not compliant first time",
            "Of the cases whose first request for a CPS charging decision was sent in the period and triaged, "
            "the share the CPS found NFS compliant at the first attempt. Requests still awaiting triage are left out.",
            "CPS triage outcomes (brief §3.4, §7.2) [CPSDH]", VERIFIED, first_time_pcd, headline=True),
    Measure("pcd_triage", "file_quality", "Pre-charge requests NFS compliant at triage (all attempts)", "rate",
            "pre-charge requests", "compliant", "not compliant or rejected",
            "Every request for a charging decision sent in the period and triaged, resubmissions included: the share "
            "the CPS found NFS compliant (the brief's 'compliant ÷ all triaged PCD requests').",
            "CPS triage outcomes (brief §7.2) [CPSDH]", VERIFIED, pcd_triage),
    Measure("first_time_charged", "file_quality", "Charged files meeting the standard first time", "rate",
            "first charged files", "compliant first time", "not compliant first time",
            "Of the cases whose first file after charge was sent to the CPS in the period and assessed, the share the "
            "CPS found compliant with the National File Standard at the first attempt.",
            f"{DGA_SOURCE}; DG6 (National File Standard)", SECONDARY, first_time_charged, headline=True),
    Measure("file_returns", "file_quality", "Files returned to the officer", "count", "returns", "", "",
            "Files a Casework reviewer sent back to the officer in the case with feedback in the period, each review "
            "cycle counted; the breakdown is by cycle (1 = the first return of that case).",
            "Casework review loop (the reviewer's return with feedback)", VERIFIED, file_returns, higher_is_better=False),
    Measure("set_aside", "file_quality", "Findings set aside", "count", "findings set aside", "", "",
            "File-quality findings a reviewer set aside with a reason in the period (they no longer count against "
            "the file, and are reported here so the practice can be checked).",
            "Casework file-quality review", VERIFIED, set_aside, higher_is_better=False),
    Measure("file_service_level", "timeliness", "Charged files sent within the service level", "rate",
            "charged cases", "sent in time", "sent late or overdue",
            "Cases first charged in the period: was the first file after charge sent to the CPS within the local "
            "service level (working days after charge, set by administrators)? Cases not yet due are left out.",
            "Force service level; College of Policing practice, charged files within 24–48 hours [COPCPT]",
            UNVERIFIED, file_service_level, headline=True),
    Measure("pcd_turnaround", "timeliness", "CPS charging decisions within target", "rate",
            "charging decisions", "within target", "beyond target",
            "CPS decisions on charging requests made in the period: was each within the CPS's target for its "
            "category (red 3 hours; green priority 5 days; green and early advice 28 days, as configured)? "
            "The breakdown gives the median time by category.",
            "CPS design history: priority reviews in 3 hours, 5-day and 28-day reviews [CPSDH][CPSTASK]", SECONDARY,
            pcd_turnaround, valued=True),
    Measure("action_items", "timeliness", "CPS action plan items done by their due date", "rate",
            "action plan items", "done in time", "late or overdue",
            "Items of CPS action plans due in the period (up to today): done on or before the date the CPS set. "
            "Items due today and still open are left out.",
            "DG6 4.26–4.28 action plans; CPS 'police should respond by' date [CPSDH][CPSDGA]", SECONDARY, action_items,
            headline=True, until_today=True),
    Measure("victims_code", "timeliness", "Victims' Code updates on time", "rate",
            "victims' updates", "told in time", "told late or not yet told",
            "For each victim, each charge, CPS decision not to charge and hearing result in the period: were they told "
            "within 1 working day (enhanced rights) or 5 (others)? The earliest record of telling them counts.",
            "Code of Practice for Victims of Crime (2021) [CPSTC][LANCS]", SECONDARY, victims_code, headline=True),
    Measure("time_limit_failures", "timeliness", "Custody and statutory time limits passed unmet", "count",
            "time limits", "", "",
            "Custody time limits and summary statutory time limits on open cases whose last day fell in the period "
            "and passed without the limit being met (or the case being dealt with).",
            "Prosecution of Offences (Custody Time Limits) Regulations 1987; MCA 1980 s.127; CJA 1988 s.39A", VERIFIED,
            time_limit_failures, higher_is_better=False, stored=False),
    Measure("time_limits_at_risk", "timeliness", "Custody and statutory time limits at risk (as at today)", "count",
            "time limits", "", "",
            "Custody and statutory time limits on open cases not yet met, by when they expire (the CPS's buckets). "
            "This is today's position whatever the period chosen.",
            "CPS CTL and STL monitoring buckets [CPSDH]", VERIFIED, time_limits_at_risk, higher_is_better=False,
            trend=False, stored=False),
    Measure("guilty_plea_first_hearing", "outcomes", "Guilty pleas at the first hearing", "rate",
            "first hearings", "guilty plea", "no guilty plea",
            "First hearings in the magistrates' court held in the period with a recorded result: the share at which a "
            "guilty plea was entered (recorded as the plea, or as sentence or committal for sentence that day), the aim "
            "of Transforming Summary Justice. Vacated hearings, and cases sent to the Crown Court (where the plea is "
            "taken), are left out.",
            "Transforming Summary Justice; HMCPSI TSJ follow-up (2017) [TSJ17]", SECONDARY, guilty_plea_first_hearing),
    Measure("trials", "outcomes", "Effective trials", "rate", "trials", "effective", "cracked or ineffective",
            "Trials listed in the period with a recorded result: effective (the trial went ahead), cracked (ended on "
            "the day without a trial: a late plea or no evidence offered) or ineffective (did not go ahead and must be "
            "listed again). Vacated listings are left out.", TRIAL_SOURCE, SECONDARY, trials),
    Measure("discontinued", "outcomes", "Prosecutions discontinued or withdrawn", "rate", "prosecuted cases finalised",
            "discontinued or withdrawn", "other outcomes",
            "Cases finalised in the period after charge (convicted, acquitted, dismissed, discontinued or withdrawn): "
            "the share discontinued or withdrawn.", "HMCPSI TSJ follow-up (2017): fewer discontinuances [TSJ17]",
            SECONDARY, discontinued, higher_is_better=False),
)
MEASURES_BY_ID = {m.id: m for m in MEASURES}
SECTIONS = {"file_quality": "File quality", "timeliness": "Timeliness", "outcomes": "Outcomes"}

# Tables that are breakdowns of facts rather than measures of their own.
FAILINGS_SOURCE = f"{TRIAGE_SOURCE}; {DGA_SOURCE}; Casework rule catalogue (docs/rules.md)"
