"""Computing and storing deadlines: the calendar in force, the service levels in force, and the
recompute of one case, some cases, or every open case (idempotent: the same facts give the same
rows)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import date
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from casework.cases.models import Case
from casework.interchange.export import casefile_docs
from casework.reference.models import BankHoliday, BankHolidaySource
from casework.rules.calendar import Calendar
from casework.rules.deadlines import DEFAULT_SETTINGS, Deadline, DeadlineSettings, deadlines_for
from casework.rules.snapshot import snapshot_from_casefile

from .models import CaseDeadline, ServiceLevel

FIRST_YEAR = 2000  # past years' bank holidays are history, not a guess
LONDON = ZoneInfo("Europe/London")


def calendar_years() -> range:
    """The years the app's calendar covers: from 2000 to CASEWORK_CALENDAR_LAST_YEAR, or to the last
    year of the bank holiday table if that is later (the GOV.UK list, or a year an administrator
    has entered). Later years are not guessed: asking about them is an error the case shows."""
    last = BankHoliday.objects.aggregate(last=Max("date"))["last"]
    return range(FIRST_YEAR, max(django_settings.CASEWORK_CALENDAR_LAST_YEAR, last.year if last else 0) + 1)


def calendar_published_to() -> int | None:
    last = BankHoliday.objects.filter(source=BankHolidaySource.GOVUK).aggregate(last=Max("date"))["last"]
    return last.year if last else None


def calendar_build() -> Calendar:
    """England and Wales bank holidays: `holidays` with subdiv="ENG" for the years covered, plus
    administrators' one-off days from the bank holiday table (never the other UK nations' lists)."""
    years = calendar_years()
    days = dict(holidays.country_holidays("GB", subdiv="ENG", years=years).items())
    for d, title in BankHoliday.objects.filter(source=BankHolidaySource.ADMIN).values_list("date", "title"):
        days[d] = title
    return Calendar(days, frozenset(years))


def calendar_coverage(today: date) -> dict:
    """What the administrators' page says of the calendar: its years, and a warning once fewer than
    two years remain (a CTL or a service level counted past the last year cannot be computed)."""
    years = calendar_years()
    last = years[-1] if years else None
    warn = last is None or last < today.year + 2
    return {"first": years[0] if years else None, "last": last, "warn": warn, "published": calendar_published_to()}


SERVICE_LEVEL_TEXT = {
    "file_submission_working_days": ("working days", "Charged file to the CPS after charge (local service level)", "College of Policing practice bank: 24–48 hours [COPCPT]; force SLA"),
    "pcd_red_hours": ("hours", "CPS decision on a red (priority) charging request", "CPS design history [CPSDH]"),
    "pcd_green_priority_days": ("calendar days", "CPS decision on a green priority charging request", "CPS '5 day PCD review' task [CPSTASK] (unverified definition)"),
    "pcd_green_days": ("calendar days", "CPS decision on a green charging request or early advice", "CPS '28 day PCD review' task [CPSTASK] (unverified definition)"),
    "tsj_gap_days": ("calendar days", "First hearing after charge, guilty plea anticipated (bail)", "Transforming Summary Justice [GAZTSJ]"),
    "tsj_ngap_days": ("calendar days", "First hearing after charge, not guilty plea anticipated (bail)", "Transforming Summary Justice [GAZTSJ]"),
    "bcm_ptph_days": ("calendar days", "PTPH after sending to the Crown Court", "Better Case Management [OLLBCM] (28 days vs 20 business days unverified)"),
    "bcm_stage1_custody_days": ("calendar days", "BCM Stage 1 after sending (custody)", "Better Case Management [OLLBCM]"),
    "bcm_stage1_bail_days": ("calendar days", "BCM Stage 1 after sending (bail)", "Better Case Management [OLLBCM]"),
    "bcm_stage2_days": ("calendar days", "BCM Stage 2 after Stage 1", "Better Case Management [OLLBCM]"),
    "bcm_stage3_days": ("calendar days", "BCM Stage 3 after Stage 2", "Unverified [U]"),
    "bcm_stage4_days": ("calendar days", "BCM Stage 4 after Stage 3", "Unverified [U]"),
    "sm_magistrates_business_days": ("business days", "Special measures application after NG plea (magistrates')", "CrimPR Part 18 (unverified) [U]"),
    "sm_crown_business_days": ("business days", "Special measures application after NG plea (Crown Court)", "CrimPR Part 18 (unverified) [U]"),
    "wcu_needs_assessment_working_days": ("working days", "Full needs assessment of each victim and civilian witness after a not guilty plea", "Witness Care Unit practice [STAFFWCU][CPSWCU]; no national timescale found, set locally [U]"),
    "wcu_warning_working_days_before_trial": ("working days", "Warn each victim and witness for trial at least this long before it", "Witness Care Unit practice [STAFFWCU][DURJOB]; no national timescale found, set locally [U]"),
    "bc_magistrates_business_days": ("business days", "Bad character notice after NG plea (magistrates')", "CrimPR r.21.4 [LHL]"),
    "bc_crown_business_days": ("business days", "Bad character notice after NG plea (Crown Court)", "CrimPR r.21.4 [LHL]"),
    "vc_enhanced_working_days": ("working days", "Victims' Code update, enhanced-rights victim", "Victims' Code [CPSTC]"),
    "vc_other_working_days": ("working days", "Victims' Code update, other victims", "Victims' Code [CPSTC]"),
    "results_working_days": ("working days", "Witness care: tell witnesses the result", "CPS WCU fact sheet [CPSWCU]"),
    "ctl_coronavirus_days": ("calendar days", "Crown Court CTL for periods begun 28 Sep 2020 – 27 Jun 2021", "SI 2020/953 [CTLCOV] (figure unverified)"),
}


def service_levels_ensure() -> None:
    """Create a row for every configurable figure not yet in the table (values from the defaults)."""
    have = set(ServiceLevel.objects.values_list("key", flat=True))
    ServiceLevel.objects.bulk_create([
        ServiceLevel(key=f.name, value=getattr(DEFAULT_SETTINGS, f.name), unit=SERVICE_LEVEL_TEXT[f.name][0],
                     description=SERVICE_LEVEL_TEXT[f.name][1], source=SERVICE_LEVEL_TEXT[f.name][2])
        for f in fields(DeadlineSettings) if f.name not in have
    ])


def settings_load() -> DeadlineSettings:
    return DeadlineSettings.from_values(dict(ServiceLevel.objects.values_list("key", "value")))


FIELDS = ("kind", "title", "subject", "subject_ref", "due", "due_at", "hard", "custody", "done", "basis",
          "source", "confidence", "configurable", "assumption")


def _values(found: list[Deadline]) -> list[tuple]:
    return [
        (d.rule.id, d.rule.title[:200], d.subject[:300], d.subject_ref or "", d.due, d.due_at, d.rule.hard,
         d.custody, d.done, d.basis, d.rule.source[:400], d.rule.confidence, d.rule.configurable, d.assumption)
        for d in found
    ]


def deadlines_compute(doc: dict, *, today: date, calendar: Calendar, settings: DeadlineSettings) -> list[Deadline]:
    """Deadlines for one case-file document."""
    return deadlines_for(snapshot_from_casefile(doc), today=today, calendar=calendar, settings=settings, tz=LONDON)


def _insert(rows: list[tuple]) -> None:
    """Many rows in few statements: one parameterised multi-row INSERT per 500 rows (portable SQL;
    building a model object per row costs more than the insert itself at nightly volumes)."""
    ops = connection.ops
    table = ops.quote_name(CaseDeadline._meta.db_table)
    columns = ", ".join(ops.quote_name(c) for c in ("case_id", *FIELDS, "computed_at"))
    width = len(FIELDS) + 2
    due, due_at, computed = 1 + FIELDS.index("due"), 1 + FIELDS.index("due_at"), width - 1
    with connection.cursor() as cursor:
        for i in range(0, len(rows), 500):
            batch = rows[i:i + 500]
            params = []
            for row in batch:
                row = list(row)
                # The values the database driver expects, exactly as the ORM would send them.
                row[due] = ops.adapt_datefield_value(row[due])
                row[due_at] = ops.adapt_datetimefield_value(row[due_at])
                row[computed] = ops.adapt_datetimefield_value(row[computed])
                params.extend(row)
            marks = ", ".join(["(" + ", ".join(["%s"] * width) + ")"] * len(batch))
            cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {marks}", params)


@transaction.atomic
def case_deadlines_recompute(*, case_ids: Iterable[int], calendar: Calendar | None = None,
                             settings: DeadlineSettings | None = None, today: date | None = None) -> int:
    """Bring the stored deadlines of these cases up to date; returns how many cases changed.

    Idempotent: a case whose deadlines come out the same as those stored is not written."""
    ids = list(case_ids)
    if not ids:
        return 0
    calendar = calendar or calendar_build()
    settings = settings or settings_load()
    today = today or timezone.localdate()
    stored: dict[int, list[tuple]] = {}
    for row in CaseDeadline.objects.filter(case_id__in=ids).order_by("pk").values_list("case_id", *FIELDS):
        stored.setdefault(row[0], []).append(row[1:])
    changed: list[int] = []
    inserts: list[tuple] = []
    now = timezone.now()
    for case_id, doc in casefile_docs(ids).items():
        fresh = _values(deadlines_compute(doc, today=today, calendar=calendar, settings=settings))
        if fresh != stored.get(case_id, []):
            changed.append(case_id)
            inserts.extend((case_id, *v, now) for v in fresh)
    if changed:
        CaseDeadline.objects.filter(case_id__in=changed).delete()
        _insert(inserts)
    return len(changed)


def deadlines_recompute_open(*, chunk: int = 500, progress: Callable[[int, int], None] | None = None) -> dict:
    """Recompute every open case, a chunk at a time (each chunk one transaction). Idempotent."""
    started = time.monotonic()
    calendar, settings, today = calendar_build(), settings_load(), timezone.localdate()
    ids = list(Case.objects.open().order_by("pk").values_list("pk", flat=True))
    changed = 0
    for i in range(0, len(ids), chunk):
        changed += case_deadlines_recompute(case_ids=ids[i:i + chunk], calendar=calendar, settings=settings, today=today)
        if progress:
            progress(min(i + chunk, len(ids)), len(ids))
    # Finalised cases have no live deadlines.
    CaseDeadline.objects.filter(case__stage="finalised").delete()
    return {"cases": len(ids), "changed": changed, "deadlines": CaseDeadline.objects.count(),
            "seconds": round(time.monotonic() - started, 1)}
