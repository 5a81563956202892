"""Producing the monthly pack: for a person (from their dashboard), for the command line, and for
the background job that produces every hub's pack on the first working day of the month.

Every pack written out is recorded in the access log (DPA 2018 s.62) as an export, with who or
what produced it and for what purpose.
"""

from __future__ import annotations

import getpass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.models import Case
from casework.deadlines.services import calendar_build
from casework.people.constants import UnitKind
from casework.people.models import Unit

from .filters import Period, ReportFilters, month_start, previous_month
from .models import ReportPack
from .pack import Pack, pack_build
from .render import FORMATS, render
from .selectors import report_build, report_for_period


class ReportError(ValueError):
    """A report that cannot be produced as asked, with the words the user reads."""


def hub_get(code: str) -> Unit:
    hub = Unit.objects.filter(code__iexact=code.strip(), kind=UnitKind.HUB).first()
    if hub is None:
        known = ", ".join(Unit.objects.filter(kind=UnitKind.HUB).order_by("code").values_list("code", flat=True))
        raise ReportError(f"No hub with the code {code!r}. Hubs: {known or 'none yet'}.")
    return hub


def pack_for(*, cases: QuerySet[Case], month: date, today: date, hub: Unit | None, scope: str,
             filters: ReportFilters | None = None) -> Pack:
    """The pack for one month (and hub) over the cases given."""
    period = Period.month(month)
    if period.start > today:
        raise ReportError(f"{period.label} has not started yet.")
    base = filters.with_period(period) if filters else ReportFilters(period=period, hub=hub.pk if hub else None)
    report = report_build(cases=cases, filters=base, today=today)
    previous = report_for_period(report, previous_month(period))  # within the 12 months of trends
    return pack_build(report=report, previous=previous, scope=scope, today=today)


def pack_filename(month: date, hub: Unit | None, fmt: str) -> str:
    return f"casework-pack-{month:%Y-%m}-{hub.code if hub else 'force'}.{FORMATS[fmt][1]}".lower()


def pack_files(*, user, cases: QuerySet[Case], month: date, hub: Unit | None, formats: list[str], today: date,
               scope: str, purpose: str, filters: ReportFilters | None = None, request=None,
               recipient: str = "") -> list[tuple[str, bytes]]:
    """The pack in each format asked for, built once, each file recorded in the access log as an
    export; [(file name, content)]."""
    for fmt in formats:
        if fmt not in FORMATS:
            raise ReportError(f"{fmt!r} is not a format: choose pdf, xlsx or csv.")
    pack = pack_for(cases=cases, month=month, today=today, hub=hub, scope=scope, filters=filters)
    files = []
    for fmt in formats:
        content = render(pack, fmt)
        access_record(user=user, action=AccessAction.EXPORT, what=f"monthly pack {month:%Y-%m} ({fmt.upper()}), {scope}",
                      purpose=purpose, recipient=recipient, request=request,
                      username="" if user else f"{getpass.getuser()} (command line)")
        files.append((pack_filename(month, hub, fmt), content))
    return files


def pack_export(*, fmt: str, **kwargs) -> tuple[str, bytes]:
    """One format of the pack (see pack_files)."""
    return pack_files(formats=[fmt], **kwargs)[0]


def first_working_day(month: date) -> date:
    calendar = calendar_build()
    day = month_start(month)
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    return day


def monthly_packs_produce(*, month: date, today: date) -> list[ReportPack]:
    """Every format of the pack for the force and for each hub, for `month`, kept for download
    (replacing any produced before for the same month)."""
    hubs = [None, *Unit.objects.filter(kind=UnitKind.HUB).order_by("name")]
    kept = []
    for hub in hubs:
        scope = hub.name if hub else settings.CASEWORK_FORCE_NAME
        pack = pack_for(cases=Case.objects.all(), month=month, today=today, hub=hub, scope=scope)
        for fmt in FORMATS:
            content = render(pack, fmt)
            with transaction.atomic():
                ReportPack.objects.filter(month=month_start(month), hub=hub, format=fmt).delete()
                kept.append(ReportPack.objects.create(
                    month=month_start(month), hub=hub, format=fmt, filename=pack_filename(month, hub, fmt),
                    content=content, size=len(content), produced_at=timezone.now(), produced_by="monthly job"))
                access_record(user=None, username="monthly job", action=AccessAction.EXPORT,
                              what=f"monthly pack {month:%Y-%m} ({fmt.upper()}), {scope}",
                              purpose="monthly performance pack, produced on the first working day of the month")
    return kept


def monthly_packs_due(today: date) -> date | None:
    """The month whose packs are due today: last month's, on this month's first working day."""
    if today == first_working_day(today):
        return month_start(month_start(today) - timedelta(days=1))
    return None
