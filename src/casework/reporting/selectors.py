"""Reading a report: every measure's figure for the period, its monthly trend with the change
flagged when beyond normal variation, the reasons files failed in the CPS's words, training needs
by officer, team and supervisor, and today's caseload. One builder serves the dashboard, the
drill-down and the monthly pack, so the three always agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from django.conf import settings as django_settings
from django.db.models import Case as CaseWhen
from django.db.models import CharField, Count, F, IntegerField, Q, QuerySet, Sum, Value, When

from casework.cases.constants import Stage
from casework.cases.models import Case
from casework.deadlines.models import CaseDeadline
from casework.deadlines.services import calendar_build, settings_load
from casework.people.models import Unit, User
from casework.rules.calendar import add_months
from casework.rules.deadlines import BUCKET_LABELS, BUCKETS, bucket
from casework.rules.reporting import TRAINING_AREAS, TrendPoint, median, trend

from .filters import LONDON, Period, ReportFilters, month_end, month_start, trend_months
from .measures import (
    HARD_LIMITS,
    MEASURES,
    MEASURES_BY_ID,
    Ctx,
    Fact,
    Measure,
    failings,
    hard_limits,
    passed_by,
)
from .models import ReportCount, ReportFact, ReportFactStamp
from .store import (
    FAILINGS,
    FLAG_BITS,
    GROUP_BITS,
    facet_of,
    facts_basis,
    facts_refresh,
    facts_stale,
)

RATE_PARTS = ("ok", "not_ok", "pending")


@dataclass
class Figure:
    measure: Measure
    facts: list[Fact]  # the facts in the period

    @property
    def met(self) -> int:
        return sum(1 for f in self.facts if f.ok is True)

    @property
    def not_met(self) -> int:
        return sum(1 for f in self.facts if f.ok is False)

    @property
    def pending(self) -> int:
        return sum(1 for f in self.facts if f.ok is None)

    @property
    def decided(self) -> int:
        return self.met + self.not_met

    @property
    def count(self) -> int:
        return len(self.facts)

    @property
    def rate(self) -> float | None:
        return self.met / self.decided if self.decided else None

    @property
    def cases(self) -> int:
        return len({f.case_id for f in self.facts})

    def breakdown(self) -> list[dict]:
        """By key: how many facts, how many met the standard, and the rate. Keys the measure always
        shows (BREAKDOWN_KEYS) come first in their order, with nought where there are none."""
        rows = _breakdown_rows(self.measure.id)
        for f in self.facts:
            r = _breakdown_row(rows, f.key)
            r["count"] += 1
            if f.ok is not None:
                r["decided"] += 1
                r["met"] += f.ok
            if f.value is not None:
                r["values"].append(f.value)
        return _breakdown_done(self.measure.id, rows)

    def limits_grid(self) -> list[dict]:
        """Time limits by the CPS's buckets: custody and statutory, in urgency order."""
        return _grid(Counter((f.key, f.category) for f in self.facts))


def _grid(counts: Counter) -> list[dict]:
    return [{"bucket": b, "label": BUCKET_LABELS[b], "ctl": counts[(b, "CTL")], "stl": counts[(b, "STL")]}
            for b in BUCKETS]


# Breakdowns whose every key is shown, in this order, even when nought.
BREAKDOWN_KEYS = {"file_returns": ("1", "2", "3 or more"), "trials": ("effective", "cracked", "ineffective")}


def _breakdown_rows(measure_id: str) -> dict[str, dict]:
    return {k: {"key": k, "count": 0, "met": 0, "decided": 0, "values": []} for k in BREAKDOWN_KEYS.get(measure_id, ())}


def _breakdown_row(rows: dict[str, dict], key: str) -> dict:
    return rows.setdefault(key, {"key": key, "count": 0, "met": 0, "decided": 0, "values": []})


def _breakdown_done(measure_id: str, rows: dict[str, dict]) -> list[dict]:
    for r in rows.values():
        r["rate"] = r["met"] / r["decided"] if r["decided"] else None
        r["median"] = median(r.pop("values"))
    fixed = BREAKDOWN_KEYS.get(measure_id, ())
    return [rows[k] for k in fixed] + sorted((r for k, r in rows.items() if k not in fixed),
                                             key=lambda r: (-r["count"], r["key"]))


MET, NOT_MET, PENDING = 0, 1, 2


@dataclass
class Tally:
    """A figure counted in the report fact store: the numbers a Figure of the same facts gives."""

    measure: Measure
    by_key: dict[str, list[int]]  # key → [met, not met, pending]
    cases: int = 0
    values: dict[str, list[float]] = field(default_factory=dict)
    grid: Counter = field(default_factory=Counter)  # time limits: (bucket, CTL or STL) → how many

    def limits_grid(self) -> list[dict]:
        return _grid(self.grid)

    @property
    def met(self) -> int:
        return sum(c[MET] for c in self.by_key.values())

    @property
    def not_met(self) -> int:
        return sum(c[NOT_MET] for c in self.by_key.values())

    @property
    def pending(self) -> int:
        return sum(c[PENDING] for c in self.by_key.values())

    @property
    def decided(self) -> int:
        return self.met + self.not_met

    @property
    def count(self) -> int:
        return self.decided + self.pending

    @property
    def rate(self) -> float | None:
        return self.met / self.decided if self.decided else None

    def breakdown(self) -> list[dict]:
        rows = _breakdown_rows(self.measure.id)
        for key, (met, not_met, pending) in self.by_key.items():
            r = _breakdown_row(rows, key)
            r.update(count=met + not_met + pending, met=met, decided=met + not_met, values=self.values.get(key, []))
        return _breakdown_done(self.measure.id, rows)


@dataclass
class Report:
    filters: ReportFilters
    today: date
    figures: dict[str, Figure]
    trends: dict[str, list[TrendPoint]] = field(default_factory=dict)
    months: list[date] = field(default_factory=list)
    failing_facts: list[Fact] = field(default_factory=list)
    caseload: dict = field(default_factory=dict)
    training: list[dict] = field(default_factory=list)
    window: Period | None = None  # the days the facts were collected for (the period and its trend months)
    window_facts: dict[str, list[Fact]] = field(default_factory=dict)
    training_threshold: int = 3
    training_share: int = 10  # per cent of the files assessed
    assessed: set[int] | None = None  # cases whose file was assessed in the period, when counted in the store

    @property
    def period(self) -> Period:
        return self.filters.period

    def section(self, key: str) -> list[Figure]:
        return [f for f in self.figures.values() if f.measure.section == key]

    def failing_reasons(self) -> list[dict]:
        """Each reason files failed for, in the CPS's words, with who found it and how often."""
        rows: dict[str, dict] = {}
        for f in self.failing_facts:
            r = rows.setdefault(f.key, {"reason": f.key, "category": f.category, "area": TRAINING_AREAS[f.area].label,
                                        "count": 0, "cases": set(), "by": Counter()})
            r["count"] += 1
            r["cases"].add(f.case_id)
            r["by"][f.where] += 1
        out = []
        for r in rows.values():
            out.append({**r, "cases": len(r["cases"]), "by": dict(r["by"])})
        return sorted(out, key=lambda r: (-r["count"], r["reason"]))

    def failing_categories(self) -> list[dict]:
        """The same failings by DGA category."""
        count, cases = Counter(), defaultdict(set)
        for f in self.failing_facts:
            key = f.category or "No DGA category (triage only)"
            count[key] += 1
            cases[key].add(f.case_id)
        return [{"category": k, "count": n, "cases": len(cases[k])} for k, n in count.most_common()]


def report_for_period(report: Report, period: Period) -> Report:
    """The figures of an earlier period inside the report's window, from the facts already
    collected (no second trip to the database)."""
    if report.window is None or not (report.window.start <= period.start and period.end <= report.window.end):
        raise ValueError(f"{period.label} is outside the facts collected ({report.window and report.window.label}).")
    figures = {mid: Figure(f.measure, report.window_facts[mid] if not f.measure.trend else
                           [x for x in report.window_facts[mid] if period.contains(x.on)])
               for mid, f in report.figures.items()}
    return Report(report.filters.with_period(period), report.today, figures)


def report_ctx(cases: QuerySet[Case], filters: ReportFilters, today: date, window: Period) -> Ctx:
    return Ctx(filters.apply(cases), window, today, calendar_build(), settings_load())


def report_build(*, cases: QuerySet[Case], filters: ReportFilters, today: date, measures: tuple[Measure, ...] = MEASURES,
                 trends: bool = True, extras: bool = True, training_threshold: int | None = None,
                 training_share: int | None = None) -> Report:
    """The report for the cases given (already scoped to the reader) under `filters`."""
    period = filters.period
    months = trend_months(period.end) if trends else []
    start = min(period.start, months[0]) if months else period.start
    ctx = report_ctx(cases, filters, today, Period(start, period.end))
    figures: dict[str, Figure] = {}
    series: dict[str, list[TrendPoint]] = {}
    window: dict[str, list[Fact]] = {}
    for m in measures:
        window[m.id] = facts = m.settle(m.collect(ctx), today)
        figures[m.id] = Figure(m, facts if not m.trend else [f for f in facts if period.contains(f.on)])
        if trends and m.trend:
            series[m.id] = trend(_monthly(facts, months, rate=m.kind == "rate"))
    report = Report(filters, today, figures, series, months)
    report.window = Period(start, period.end)
    report.window_facts = window
    if extras:
        report.failing_facts = [f for f in failings(ctx) if period.contains(f.on)]
        report.caseload = caseload(ctx.cases, today)
        report.training_threshold = training_threshold or django_settings.CASEWORK_TRAINING_THRESHOLD
        report.training_share = django_settings.CASEWORK_TRAINING_SHARE if training_share is None else training_share
        report.training = training_needs(report.failing_facts, report, threshold=report.training_threshold,
                                         share=report.training_share)
    return report


def report_read(*, cases: QuerySet[Case], filters: ReportFilters, today: date, training_threshold: int | None = None,
                training_share: int | None = None, hubs: list[int] | None | bool = False) -> Report:
    """The dashboard's report, counted in the report fact store after collecting again the facts
    of any case in it that changed since they were stored. When more cases are out of date than
    can be collected during a request (CASEWORK_REPORT_REFRESH_LIMIT: after a bulk load or a
    change of service levels, until the nightly job has run) it is counted live instead, with the
    same figures. `hubs`: see report_stored."""
    basis = facts_basis()
    # Every case of the slice but for the offence group (a costly test of every offence): more
    # cases than the report needs, never fewer.
    stale = facts_stale(replace(filters, offence_group="").apply(cases), basis)
    extras = {"training_threshold": training_threshold, "training_share": training_share}
    if len(stale) > django_settings.CASEWORK_REPORT_REFRESH_LIMIT:
        return report_build(cases=cases, filters=filters, today=today, **extras)
    if stale:
        facts_refresh(stale, basis=basis)
    return report_stored(cases=cases, filters=filters, today=today, hubs=hubs, **extras)


def report_stored(*, cases: QuerySet[Case], filters: ReportFilters, today: date, training_threshold: int | None = None,
                  training_share: int | None = None, hubs: list[int] | None | bool = False) -> Report:
    """The report counted from the stored facts (which must be up to date: see report_read). Its
    figures are the figures report_build gives; measures not stored are counted live.

    `hubs` says when `cases` is whole hubs (the access module's `role_scope_hubs`): None for every
    case, else the hubs' ids; False when it is not. A report of whole hubs with no filter finer than
    a local policing area, for months already over, reads the facts' counts (ReportCount) rather
    than the facts."""
    period = filters.period
    months = trend_months(period.end)
    window = Period(min(period.start, months[0]), period.end)
    scoped = filters.apply(cases)
    if filters.offence_group in GROUP_BITS:
        # The offence group by the marks kept with each case's stamp (up to date: see report_read)
        # rather than by testing every offence again.
        bit = GROUP_BITS[filters.offence_group]
        marked = (ReportFactStamp.objects.alias(group_bit=F("groups").bitand(bit)).filter(group_bit=bit)
                  .values("case_id"))
        scoped = replace(filters, offence_group="").apply(cases).filter(pk__in=marked)
    status = CaseWhen(When(ok=True, then=Value(MET)), When(ok=False, then=Value(NOT_MET)),
                      When(due__lt=today, then=Value(NOT_MET)), default=Value(PENDING), output_field=IntegerField())
    until_today = [m.id for m in MEASURES if m.stored and m.until_today]
    places = hubs is not False and not (filters.team or filters.officer)
    facet = facet_of(filters)

    def placed(qs: QuerySet) -> QuerySet:
        """Only the hubs, local policing area, case type and offence group asked for, by the places
        and marks kept with the facts and counts."""
        if hubs is not None:
            qs = qs.filter(hub_id__in=hubs)
        if filters.hub:
            qs = qs.filter(hub_id=filters.hub)
        if filters.lpa:
            qs = qs.filter(lpa_id=filters.lpa)
        if qs.model is ReportCount:
            return qs.filter(facet=facet)
        for column, bit in (("flags", FLAG_BITS.get(filters.case_type)), ("groups", GROUP_BITS.get(filters.offence_group))):
            if bit:
                qs = qs.alias(**{f"{column}_bit": F(column).bitand(bit)}).filter(**{f"{column}_bit": bit})
        return qs

    def facts(p: Period) -> QuerySet[ReportFact]:
        # The months as well as the days: a hub's facts are found by hub and month.
        qs = ReportFact.objects.filter(on__gte=p.start, on__lte=p.end, month__gte=month_start(p.start), month__lte=p.end)
        if places:
            qs = placed(qs)
        elif scoped.query.where:  # every case (an administrator, unfiltered) needs no test of each fact's case
            qs = qs.filter(case__in=scoped)
        return qs.exclude(measure__in=until_today, on__gt=today) if p.end > today and until_today else qs

    def counted(qs: QuerySet, *group: str):
        """Grouped, with each fact's outcome today; facts count one each, counts their number."""
        weight = Sum("n") if qs.model is ReportCount else Count("pk")
        return (qs.exclude(measure=FAILINGS).annotate(st=status).values(*group, "st").annotate(n=weight)
                .values_list(*group, "st", "n"))

    monthly: dict[str, dict[date, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    by_key: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    # Whole months already over: the counts (a month still running, or cut short, needs each day).
    whole = places and facet is not None and period.end < today and period.end == month_end(period.end)
    whole_months = whole and period.start == month_start(period.start)
    if whole:
        counts = placed(ReportCount.objects.filter(month__gte=month_start(window.start), month__lte=window.end))
        for mid, month, key, st, n in counted(counts, "measure", "month", "key"):
            monthly[mid][month][st] += n
            if whole_months and period.start <= month <= period.end:
                by_key[mid][key][st] += n
    else:
        for mid, month, st, n in counted(facts(window), "measure", "month"):
            monthly[mid][month][st] += n
    if not whole_months:
        for mid, key, st, n in counted(facts(period), "measure", "key"):
            by_key[mid][key][st] += n
    cases_in = dict(facts(period).exclude(measure=FAILINGS).values("measure")
                    .annotate(c=Count("case_id", distinct=True)).values_list("measure", "c"))
    values: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    valued = [m.id for m in MEASURES if m.stored and m.valued]
    for mid, key, value in facts(period).filter(measure__in=valued, value__isnull=False).values_list(
            "measure", "key", "value"):
        values[mid][key].append(value)

    figures: dict[str, Figure | Tally] = time_limit_tallies(scoped, window, period, today, monthly)
    series: dict[str, list[TrendPoint]] = {}
    for m in MEASURES:
        if m.id not in figures:
            assert m.stored, f"{m.id} is neither stored nor counted here"
            figures[m.id] = Tally(m, dict(by_key[m.id]), cases_in.get(m.id, 0), dict(values[m.id]))
        if m.trend:
            series[m.id] = trend(_points(monthly[m.id], months, rate=m.kind == "rate"))
    report = Report(filters, today, figures, series, months)
    report.failing_facts = [
        Fact(case_id, urn, on, None, "", key=key, where=where, category=category, area=area)
        for case_id, urn, on, key, where, category, area in facts(period).filter(measure=FAILINGS).values_list(
            "case_id", "case__urn", "on", "key", "where", "category", "area")]
    report.assessed = set(facts(period).filter(measure__in=ASSESSED).values_list("case_id", flat=True).distinct())
    report.caseload = caseload(scoped, today)
    report.training_threshold = training_threshold or django_settings.CASEWORK_TRAINING_THRESHOLD
    report.training_share = django_settings.CASEWORK_TRAINING_SHARE if training_share is None else training_share
    candidates = Case.objects.filter(pk__in=facts(period).filter(measure__in=(*ASSESSED, FAILINGS)).values("case_id"))
    report.training = training_needs(report.failing_facts, report, threshold=report.training_threshold,
                                     share=report.training_share, candidates=candidates)
    return report


def time_limit_tallies(scoped: QuerySet[Case], window: Period, period: Period, today: date,
                       monthly: dict[str, dict[date, list[int]]]) -> dict[str, Figure | Tally]:
    """The custody and statutory time limits (from the stored deadlines, not the fact store),
    counted in SQL: those at risk today by bucket, and those passed unmet in the period (and, into
    `monthly`, in each month of the window). The same deadlines as measures.time_limits_at_risk
    and time_limit_failures."""
    deadlines = CaseDeadline.objects.filter(case__in=scoped) if scoped.query.where else CaseDeadline.objects.all()
    hard = hard_limits(deadlines).annotate(cat=CaseWhen(When(kind__startswith=HARD_LIMITS[0], then=Value("CTL")),
                                                        default=Value("STL"), output_field=CharField()))
    grid, at_risk = Counter(), defaultdict(lambda: [0, 0, 0])
    for due, cat, n in hard.values("due", "cat").annotate(n=Count("pk")).values_list("due", "cat", "n"):
        grid[(bucket(due, today), cat)] += n
        at_risk[bucket(due, today)][PENDING] += n
    risk = Tally(MEASURES_BY_ID["time_limits_at_risk"], dict(at_risk), hard.values("case_id").distinct().count(),
                 grid=grid)
    passed = hard.filter(due__gte=window.start, due__lte=passed_by(window, today))
    failed = defaultdict(lambda: [0, 0, 0])
    for due, cat, n in passed.values("due", "cat").annotate(n=Count("pk")).values_list("due", "cat", "n"):
        monthly["time_limit_failures"][month_start(due)][PENDING] += n
        if period.contains(due):
            failed[cat][PENDING] += n
    in_period = passed.filter(due__gte=period.start, due__lte=period.end).values("case_id").distinct().count()
    failures = Tally(MEASURES_BY_ID["time_limit_failures"], dict(failed), in_period)
    return {"time_limit_failures": failures, "time_limits_at_risk": risk}


def _monthly(facts: list[Fact], months: list[date], *, rate: bool) -> list[tuple[str, int, int | None]]:
    by_month: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for f in facts:
        by_month[month_start(f.on)][PENDING if f.ok is None else MET if f.ok else NOT_MET] += 1
    return _points(by_month, months, rate=rate)


def _points(by_month: dict[date, list[int]], months: list[date], *, rate: bool) -> list[tuple[str, int, int | None]]:
    """Each month's (label, numerator, denominator) for the trend, from its [met, not met, pending]:
    a rate counts those met of those decided, a count every fact."""
    out = []
    for first in months:
        met, not_met, pending = by_month.get(first, (0, 0, 0))
        out.append((f"{first:%Y-%m}", met, met + not_met) if rate else (f"{first:%Y-%m}", met + not_met + pending, None))
    return out


# --- Caseload -----------------------------------------------------------------------------------

AGE_BANDS = (("under_1m", "Under 1 month", 0, 1), ("1_3m", "1 to 3 months", 1, 3), ("3_6m", "3 to 6 months", 3, 6),
             ("6_12m", "6 to 12 months", 6, 12), ("over_12m", "Over 12 months", 12, None))


def age_band_q(key: str, today: date) -> Q:
    """Open cases received in the age band (months before today): compared with midnight in
    Europe/London, not through the date of each row (which SQLite works out row by row)."""
    _, _, lo, hi = next(b for b in AGE_BANDS if b[0] == key)
    q = Q(received_at__lt=_midnight_after(add_months(today, -lo))) if lo else Q()
    if hi is not None:
        q &= Q(received_at__gte=_midnight_after(add_months(today, -hi)))
    return q


def _midnight_after(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=LONDON)


def caseload(cases: QuerySet[Case], today: date) -> dict:
    """Open cases as at today: by stage, by case progression officer and by age since received."""
    open_cases = cases.open()
    stages = dict(open_cases.order_by().values_list("stage").annotate(n=Count("pk")))
    by_stage = [{"key": s.value, "label": s.label, "count": stages.get(s.value, 0)} for s in Stage if s.value != "finalised"]
    workers = dict(open_cases.order_by().values_list("caseworker_id").annotate(n=Count("pk")))
    names = {u.pk: u.display_name for u in User.objects.filter(pk__in=[k for k in workers if k])}
    by_worker = sorted(({"key": str(k or ""), "label": names.get(k, "Not assigned"), "count": n} for k, n in workers.items()),
                       key=lambda r: (-r["count"], r["label"]))
    ages = open_cases.aggregate(**{key: Count("pk", filter=age_band_q(key, today)) for key, *_ in AGE_BANDS},
                                no_date=Count("pk", filter=Q(received_at__isnull=True)))
    by_age = [{"key": key, "label": label, "count": ages[key]} for key, label, *_ in AGE_BANDS]
    if ages["no_date"]:
        by_age.append({"key": "no_date", "label": "Date received not recorded", "count": ages["no_date"]})
    return {"open": sum(stages.values()), "by_stage": by_stage, "by_worker": by_worker, "by_age": by_age}


def caseload_cases(cases: QuerySet[Case], today: date, *, by: str, key: str) -> QuerySet[Case]:
    """The open cases behind one caseload figure."""
    open_cases = cases.open()
    if by == "stage":
        return open_cases.filter(stage=key)
    if by == "worker":
        return open_cases.filter(caseworker_id=int(key)) if key.isdigit() else open_cases.filter(caseworker__isnull=True)
    if by == "age":
        if key == "no_date":
            return open_cases.filter(received_at__isnull=True)
        if key in {b[0] for b in AGE_BANDS}:
            return open_cases.filter(age_band_q(key, today))
    return open_cases


# --- Training needs -----------------------------------------------------------------------------

def training_needs(facts: list[Fact], report: Report, *, threshold: int, share: int,
                   candidates: QuerySet[Case] | None = None) -> list[dict]:
    """Failings that recur for one officer, team or supervisor: at least `threshold` of their cases,
    and at least `share` per cent of their files assessed in the period, failed in the same training
    area. Each with a suggested topic and example URNs."""
    if not facts:
        return []
    people = {}
    ids = sorted({f.case_id for f in facts} | _assessed_cases(report))
    # `candidates`: a query of the same cases (or more), read at once rather than by lists of ids.
    chunks = [candidates] if candidates is not None else [Case.objects.filter(pk__in=ids[i:i + 900])
                                                          for i in range(0, len(ids), 900)]
    for chunk in chunks:
        for pk, oic, team, supervisor in chunk.values_list("pk", "oic_id", "oic__unit_id", "supervisor_id"):
            people[pk] = {"officer": oic, "team": team, "supervisor": supervisor}
    assessed: dict[tuple[str, int], set[int]] = defaultdict(set)
    for case_id in _assessed_cases(report):
        for kind, who in people.get(case_id, {}).items():
            if who:
                assessed[(kind, who)].add(case_id)
    hits: dict[tuple[str, int, str], dict[int, str]] = defaultdict(dict)
    for f in sorted(facts, key=lambda f: (f.on, f.urn), reverse=True):
        for kind, who in people.get(f.case_id, {}).items():
            if who:
                hits[(kind, who, f.area)].setdefault(f.case_id, f.urn)
    def total(kind: str, who: int, cases: dict) -> int:
        return len(assessed.get((kind, who), set()) | set(cases))

    rows = [(k, v) for k, v in hits.items()
            if len(v) >= threshold and len(v) * 100 >= share * total(k[0], k[1], v)]
    user_ids = {who for (kind, who, _), _ in rows if kind != "team"}
    unit_ids = {who for (kind, who, _), _ in rows if kind == "team"}
    users = {u.pk: u.display_name for u in User.objects.filter(pk__in=user_ids)}
    units = {u.pk: u.name for u in Unit.objects.filter(pk__in=unit_ids)}
    out = []
    for (kind, who, area), cases in rows:
        of = total(kind, who, cases)
        out.append({"kind": kind, "who_id": who, "who": (units if kind == "team" else users).get(who, "—"),
                    "area": area, "area_label": TRAINING_AREAS[area].label, "topic": TRAINING_AREAS[area].topic,
                    "cases": len(cases), "of": of, "share": len(cases) / of if of else None,
                    "examples": list(cases.values())[:3]})
    order = {"team": 0, "supervisor": 1, "officer": 2}
    return sorted(out, key=lambda r: (order[r["kind"]], -r["cases"], r["who"], r["area_label"]))


ASSESSED = ("pcd_triage", "first_time_charged", "file_returns")


def _assessed_cases(report: Report) -> set[int]:
    """Cases whose file was assessed in the period: triaged, assessed by the CPS, or returned."""
    if report.assessed is not None:
        return report.assessed
    out = set()
    for mid in ASSESSED:
        if mid in report.figures:
            out |= {f.case_id for f in report.figures[mid].facts}
    return out


# --- Drill-down ---------------------------------------------------------------------------------

def measure_facts(*, cases: QuerySet[Case], filters: ReportFilters, today: date, measure: str, part: str = "",
                  key: str = "") -> list[Fact]:
    """The facts behind one figure: a measure, optionally only those that met the standard (ok),
    did not (not_ok) or are undecided (pending), optionally one breakdown key."""
    if measure == "failings":
        ctx = report_ctx(cases, filters, today, filters.period)
        facts = [f for f in failings(ctx) if filters.period.contains(f.on)]
        if part.startswith("area:"):
            facts = [f for f in facts if f.area == part[5:]]
        if part.startswith("category:"):
            facts = [f for f in facts if (f.category or "No DGA category (triage only)") == part[9:]]
    else:
        m = MEASURES_BY_ID[measure]
        report = report_build(cases=cases, filters=filters, today=today, measures=(m,), trends=False, extras=False)
        facts = report.figures[measure].facts
        wanted = {"ok": True, "not_ok": False, "pending": None}
        if part in wanted:
            facts = [f for f in facts if f.ok is wanted[part]]
    if key:
        facts = [f for f in facts if f.key == key]
    return sorted(facts, key=lambda f: (f.on, f.urn), reverse=True)


