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
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import date
from functools import lru_cache

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from casework.cases.models import Case
from casework.deadlines.services import calendar_build, settings_load
from casework.rules import reporting as rules_reporting

from . import measures as measures_module
from .filters import Period, month_start
from .measures import MEASURES, Ctx, Fact, failings, rule_failing
from .models import ReportFact, ReportFactStamp

ALL_TIME = Period(date(1900, 1, 1), date(9000, 12, 31))
BATCH = 500  # cases collected at once: one transaction each
FAILINGS = "failings"  # the measure name the reasons files failed are kept under


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


def _rows(measure: str, facts: Iterable[Fact]) -> list[ReportFact]:
    return [ReportFact(case_id=f.case_id, measure=measure, on=f.on, month=month_start(f.on), ok=f.ok, due=f.due,
                       key=f.key, value=f.value, where=f.where, category=f.category, area=f.area) for f in facts]


def facts_refresh(case_ids: list[int], *, basis: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Collect the cases' facts again and store them with their revision; returns the facts written."""
    basis = basis or facts_basis()
    calendar, settings = calendar_build(), settings_load()
    written = 0
    for i in range(0, len(case_ids), BATCH):
        with transaction.atomic():
            # The revision is read first (and the cases locked on PostgreSQL): data read after it
            # is at least as new, so a change made meanwhile leaves the stamp out of date, never
            # the facts.
            revisions = dict(Case.objects.select_for_update().filter(pk__in=case_ids[i:i + BATCH])
                             .values_list("pk", "revision"))
            ids = list(revisions)
            ctx = Ctx(Case.objects.filter(pk__in=ids), ALL_TIME, timezone.localdate(), calendar, settings)
            rows = [r for m in MEASURES if m.stored for r in _rows(m.id, m.collect(ctx))]
            rows += _rows(FAILINGS, failings(ctx))
            ReportFact.objects.filter(case_id__in=ids).delete()
            ReportFact.objects.bulk_create(rows, batch_size=1000)
            ReportFactStamp.objects.filter(case_id__in=ids).delete()
            ReportFactStamp.objects.bulk_create(
                [ReportFactStamp(case_id=pk, revision=rev, basis=basis) for pk, rev in revisions.items()])
            written += len(rows)
        if progress:
            progress(min(i + BATCH, len(case_ids)), len(case_ids))
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
