"""The report fact store: each case's facts for the measures (`casework.reporting.measures`) kept
in ReportFact, so a dashboard counts them in SQL rather than collecting them again from every
table.

A case's facts are collected by the very collectors a live report uses, over all time, and
stamped with the case's revision (advanced by every change to the case, `change_record`) and the
basis they were worked out on (the measures' code, the service levels, the bank holidays). Before
a report is read, the cases in it whose stamp is out of date are collected again, so a stored
figure is never older than the data. Nothing here depends on today: an undecided fact carries
the day after which it counts as not met, and a report settles that when it is read.

Must not: decide what a measure counts (the measures do), or choose which cases a reader sees
(the access module does).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from functools import lru_cache

from django.db import transaction
from django.db.models import Case as CaseWhen
from django.db.models import Count, DateField, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone

from casework.cases.constants import CaseFlag
from casework.cases.models import Case, Offence
from casework.deadlines.services import calendar_build, settings_load
from casework.rules import reporting as rules_reporting
from casework.rules.reporting import OFFENCE_GROUPS_BY_KEY

from . import measures as measures_module
from .filters import Period, month_start, offence_group_q
from .measures import MEASURES, Ctx, Fact, failings, rule_failing
from .models import ReportCount, ReportFact, ReportFactStamp

ALL_TIME = Period(date(1900, 1, 1), date(9000, 12, 31))
BATCH = 500  # cases collected at once: one transaction each
FAILINGS = "failings"  # the measure name the reasons files failed are kept under

# A case's flags and offence groups, kept with its facts as bits, and with the counts as facets:
# "" (every case), "flag:<flag>" or "group:<offence group>", so a dashboard for one case type or
# one offence group reads counts too.
FLAG_BITS = {flag: 1 << i for i, flag in enumerate(CaseFlag.values)}
GROUP_BITS = {key: 1 << i for i, key in enumerate(OFFENCE_GROUPS_BY_KEY)}


def facet_of(filters) -> str | None:
    """The counts' facet for a report's case type or offence group; None when both are asked for."""
    flag = filters.case_type if filters.case_type in FLAG_BITS else ""
    group = filters.offence_group if filters.offence_group in GROUP_BITS else ""
    if flag and group:
        return None
    return f"flag:{flag}" if flag else f"group:{group}" if group else ""


def _facets(flags: int, groups: int) -> list[str]:
    return ([""] + [f"flag:{f}" for f, bit in FLAG_BITS.items() if flags & bit]
            + [f"group:{g}" for g, bit in GROUP_BITS.items() if groups & bit])


def _places(ids: list[int]) -> dict[int, tuple[int | None, int | None, int, int]]:
    """Each case's hub, local policing area, and flags and offence groups as bits (an offence
    group as the dashboard's filter has it: any offence of the case in the group)."""
    groups: dict[int, int] = defaultdict(int)
    for key, bit in GROUP_BITS.items():
        for pk in (Offence.objects.filter(offence_group_q(key), defendant__case_id__in=ids)
                   .values_list("defendant__case_id", flat=True).distinct()):
            groups[pk] |= bit
    return {row["pk"]: (row["hub_id"], row["lpa_id"],
                        sum(bit for flag, bit in FLAG_BITS.items() if row[f"flag_{flag}"]), groups[row["pk"]])
            for row in Case.objects.filter(pk__in=ids).values("pk", "hub_id", "lpa_id", *(f"flag_{f}" for f in FLAG_BITS))}


@lru_cache(maxsize=1)
def _code_basis() -> str:
    """The code facts are collected by: the measures and the CPS vocabularies they speak in."""
    from casework.rules.quality import catalogue

    text = inspect.getsource(measures_module) + inspect.getsource(rules_reporting)
    text += repr(sorted((r.id, rule_failing(r.id)) for r in catalogue()))
    return hashlib.sha256(text.encode()).hexdigest()


def facts_basis() -> str:
    """What stored facts were worked out on; when it changes every case's facts are collected again."""
    days = calendar_build().bank_holidays
    payload = json.dumps([_code_basis(), asdict(settings_load()), sorted((d.isoformat(), n) for d, n in days.items())])
    return hashlib.sha256(payload.encode()).hexdigest()[:64]


def facts_stale(cases: QuerySet[Case], basis: str) -> list[int]:
    """The cases whose stored facts are missing or out of date."""
    fresh = ReportFactStamp.objects.filter(case_id=OuterRef("pk"), revision=OuterRef("revision"), basis=basis)
    return list(cases.order_by().filter(~Exists(fresh)).values_list("pk", flat=True))


def _rows(measure: str, facts: Iterable[Fact], places: dict[int, tuple]) -> list[ReportFact]:
    return [ReportFact(case_id=f.case_id, measure=measure, on=f.on, month=month_start(f.on), ok=f.ok, due=f.due,
                       key=f.key, value=f.value, where=f.where, category=f.category, area=f.area,
                       hub_id=places[f.case_id][0], lpa_id=places[f.case_id][1], flags=places[f.case_id][2],
                       groups=places[f.case_id][3]) for f in facts]


def _place_q(hub: int | None, lpa: int | None) -> Q:
    return (Q(hub_id=hub) if hub is not None else Q(hub_id__isnull=True)) & (
        Q(lpa_id=lpa) if lpa is not None else Q(lpa_id__isnull=True))


def _counted(facts: QuerySet[ReportFact]) -> QuerySet:
    """Facts counted as ReportCount holds them: the day an undecided fact falls due kept, a decided one's not."""
    due = CaseWhen(When(ok__isnull=True, then=F("due")), default=Value(None), output_field=DateField())
    return (facts.exclude(measure=FAILINGS).annotate(d=due)
            .values("hub_id", "lpa_id", "flags", "groups", "measure", "month", "key", "ok", "d").annotate(n=Count("pk"))
            .values_list("hub_id", "lpa_id", "flags", "groups", "measure", "month", "key", "ok", "d", "n"))


def _count_rows(rows) -> list[ReportCount]:
    """The counts by facet: each group of facts in the "" facet and in one for each flag and
    offence group its cases have."""
    totals: dict[tuple, int] = defaultdict(int)
    for hub, lpa, flags, groups, m, month, key, ok, due, n in rows:
        for facet in _facets(flags, groups):
            totals[(hub, lpa, facet, m, month, key, ok, due)] += n
    return [ReportCount(hub_id=hub, lpa_id=lpa, facet=facet, measure=m, month=month, key=key, ok=ok, due=due, n=n)
            for (hub, lpa, facet, m, month, key, ok, due), n in totals.items()]


def counts_recompute(cells: set[tuple[int | None, int | None, date]]) -> None:
    """Count again the stored facts of each (hub, local policing area, month) given. In the
    caller's transaction; the hubs are locked on PostgreSQL so two refreshes cannot interleave."""
    months: dict[tuple, set[date]] = defaultdict(set)
    for hub, lpa, month in cells:
        months[(hub, lpa)].add(month)
    _hubs_lock({h for h, _ in months if h})
    for (hub, lpa), ms in months.items():
        ReportCount.objects.filter(_place_q(hub, lpa), month__in=ms).delete()
        ReportCount.objects.bulk_create(_count_rows(_counted(ReportFact.objects.filter(_place_q(hub, lpa),
                                                                                        month__in=ms))))


def _hubs_lock(hubs: set[int]) -> None:
    """Lock the hubs' rows (PostgreSQL; SQLite writes one at a time anyway), in one order, so two
    transactions never count the same hub's facts at once."""
    from casework.people.models import Unit

    list(Unit.objects.select_for_update().filter(pk__in=sorted(hubs)).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def counts_rebuild() -> int:
    """Count every stored fact again (after collecting many cases at once)."""
    _hubs_lock(set(ReportFact.objects.exclude(hub_id=None).values_list("hub_id", flat=True).distinct()))
    ReportCount.objects.all().delete()
    rows = _count_rows(_counted(ReportFact.objects.all()))
    ReportCount.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def facts_refresh(case_ids: list[int], *, basis: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Collect the cases' facts again and store them with their revision; returns the facts written."""
    basis = basis or facts_basis()
    calendar, settings = calendar_build(), settings_load()
    written = 0
    many = len(case_ids) > BATCH  # the counts are rebuilt once at the end rather than batch by batch
    for i in range(0, len(case_ids), BATCH):
        with transaction.atomic():
            # The revision is read first (and the cases locked on PostgreSQL): data read after it
            # is at least as new, so a change made meanwhile leaves the stamp out of date, never
            # the facts.
            revisions = dict(Case.objects.select_for_update().filter(pk__in=case_ids[i:i + BATCH])
                             .values_list("pk", "revision"))
            ids = list(revisions)
            places = _places(ids)
            ctx = Ctx(Case.objects.filter(pk__in=ids), ALL_TIME, timezone.localdate(), calendar, settings)
            rows = [r for m in MEASURES if m.stored for r in _rows(m.id, m.collect(ctx), places)]
            rows += _rows(FAILINGS, failings(ctx), places)
            old = ReportFact.objects.filter(case_id__in=ids)
            cells = set() if many else set(old.exclude(measure=FAILINGS).values_list("hub_id", "lpa_id", "month").distinct())
            old.delete()
            ReportFact.objects.bulk_create(rows, batch_size=1000)
            if not many:
                counts_recompute(cells | {(r.hub_id, r.lpa_id, r.month) for r in rows if r.measure != FAILINGS})
            ReportFactStamp.objects.filter(case_id__in=ids).delete()
            ReportFactStamp.objects.bulk_create(
                [ReportFactStamp(case_id=pk, revision=rev, basis=basis, flags=places[pk][2], groups=places[pk][3])
                 for pk, rev in revisions.items()])
            written += len(rows)
        if progress:
            progress(min(i + BATCH, len(case_ids)), len(case_ids))
    if many:
        counts_rebuild()
    return written


def facts_refresh_all(*, everything: bool = False, progress: Callable[[int, int], None] | None = None) -> dict:
    """Bring every case's stored facts up to date (after loading data), or with `everything`
    collect every case's again whether up to date or not (the nightly job: a safety net for data
    changed without a change record)."""
    started = time.perf_counter()
    basis = facts_basis()
    ids = (list(Case.objects.order_by("pk").values_list("pk", flat=True)) if everything
           else facts_stale(Case.objects.all(), basis))
    written = facts_refresh(ids, basis=basis, progress=progress)
    return {"cases": len(ids), "facts": written, "seconds": round(time.perf_counter() - started, 1)}


def case_facts_forget(sender, instance: Case, **kwargs) -> None:
    """A case being deleted: its facts go, and the counts they were in are counted again (in the
    deletion's transaction)."""
    facts = ReportFact.objects.filter(case_id=instance.pk)
    cells = set(facts.exclude(measure=FAILINGS).values_list("hub_id", "lpa_id", "month").distinct())
    facts.delete()
    if cells:
        counts_recompute(cells)
