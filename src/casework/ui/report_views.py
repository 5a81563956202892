"""Management information: the performance dashboard (file quality, timeliness, caseload, outcomes,
monthly trends, training needs), the cases behind each figure, and the monthly pack to download.

Figures count every case the reader's role covers (`cases_in_role_scope`), restricted cases
included, so a hub manager's figures and the hub's monthly pack agree; a drill-down lists each
case behind a figure, and shows a restricted case the reader may not open as restricted, without
its URN. Views, drill-downs and downloads are written to the access log.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Min
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import (
    _hub_ids,
    cases_in_role_scope,
    cases_visible_to,
    permissions,
    role_scope_hubs,
)
from casework.cases.constants import CaseFlag, Stage
from casework.people.constants import Role, UnitKind
from casework.people.models import Unit, User
from casework.reporting.filters import (
    Period,
    ReportFilters,
    month_label,
    month_start,
    parse_month,
    previous_month,
)
from casework.reporting.measures import MEASURES_BY_ID, SECTIONS
from casework.reporting.models import ReportPack
from casework.reporting.render import FORMATS
from casework.reporting.selectors import (
    AGE_BANDS,
    caseload_cases,
    measure_facts,
    report_read,
)
from casework.reporting.services import ReportError, pack_export
from casework.rules.calendar import add_months
from casework.rules.reporting import (
    OFFENCE_GROUP_CONFIDENCE,
    OFFENCE_GROUP_SOURCE,
    OFFENCE_GROUPS,
    OFFENCE_GROUPS_BY_KEY,
    TREND_METHOD,
)

PARTS = {"ok": "met the standard", "not_ok": "did not meet it", "pending": "not yet due"}


def _require_reports(request) -> None:
    if not permissions(request.user).reports:
        raise PermissionDenied("Performance reports are for hub managers, supervisors and administrators.")


def _hubs(user) -> list[Unit]:
    hubs = Unit.objects.filter(kind=UnitKind.HUB).order_by("name")
    if user.role == Role.HUB_MANAGER:
        hubs = hubs.filter(pk__in=_hub_ids(user))
    return list(hubs)




def filters_from(request, today: date, options: dict) -> tuple[ReportFilters, list[str]]:
    """The report's filters from the query string; anything unreadable is named and left out."""
    q, problems = request.GET, []
    default = previous_month(Period.month(today)).start  # the last complete month

    def choice(name: str, label: str, allowed: list) -> int | None:
        value = q.get(name, "")
        if not value:
            return None
        if value.isdigit() and int(value) in {u.pk for u in allowed}:
            return int(value)
        problems.append(f"{label}: not one you can report on; showing all.")
        return None

    first = default
    if q.get("month"):
        try:
            first = parse_month(q["month"])
        except ValueError as e:
            problems.append(f"Month: {e}")
    period = Period.month(first)
    if q.get("from") or q.get("to"):
        try:
            start = date.fromisoformat(q.get("from") or period.start.isoformat())
            end = date.fromisoformat(q.get("to") or period.end.isoformat())
            if end < start:
                problems.append("Period: the end is before the start.")
            else:
                period = Period(start, end)
        except ValueError:
            problems.append("Period: give dates like 2026-11-01.")
    if period.start > today:
        problems.append(f"Period: {period.label} has not started yet; showing {month_label(default)}.")
        period = Period.month(default)
    filters = ReportFilters(
        period=period,
        hub=choice("hub", "Hub", options["hubs"]),
        lpa=choice("lpa", "Local policing area", options["lpas"]),
        team=choice("team", "Team", options["teams"]),
        officer=choice("officer", "Officer in the case", options["officers"]),
        offence_group=q.get("offence_group", "") if q.get("offence_group", "") in OFFENCE_GROUPS_BY_KEY else "",
        case_type=q.get("case_type", "") if q.get("case_type", "") in CaseFlag.values else "",
    )
    return filters, problems


def _options(user, cases, today: date) -> dict:
    oic_ids = cases.order_by().values("oic_id").distinct()
    officers = list(User.objects.filter(pk__in=oic_ids).order_by("last_name", "first_name"))
    teams = list(Unit.objects.filter(pk__in=User.objects.filter(pk__in=oic_ids).values("unit_id")).order_by("name"))
    # Every month from the earliest file received (at least two years, at most ten) to this one.
    earliest = cases.aggregate(first=Min("received_at"))["first"]
    span = 24 if earliest is None else (today.year - earliest.year) * 12 + today.month - earliest.month
    months = [add_months(month_start(today), -k) for k in range(0, min(max(span, 24), 120) + 1)]
    return {
        "hubs": _hubs(user), "lpas": list(Unit.objects.filter(kind=UnitKind.LPA).order_by("name")), "teams": teams,
        "officers": officers, "offence_groups": [*OFFENCE_GROUPS, OFFENCE_GROUPS_BY_KEY["other"]],
        "case_types": CaseFlag.choices, "months": [(f"{m:%Y-%m}", month_label(m) + (" (to date)" if m == month_start(today) else ""))
                                                    for m in months],
    }


def _scope_words(filters: ReportFilters, options: dict, user) -> str:
    """What the report covers, in words, for headings and the pack's cover."""
    parts = []
    if user.role == Role.SUPERVISOR:
        parts.append(f"cases supervised by {user.display_name}")
    elif user.role == Role.HUB_MANAGER and not filters.hub:
        parts.append(", ".join(h.name for h in options["hubs"]) or "no hub")
    names = {"hub": options["hubs"], "lpa": options["lpas"], "team": options["teams"], "officer": options["officers"]}
    for key, label in (("hub", ""), ("lpa", ""), ("team", "team "), ("officer", "officer in the case ")):
        pk = getattr(filters, key)
        if pk:
            found = next((u for u in names[key] if u.pk == pk), None)
            parts.append(label + (found.display_name if key == "officer" else found.name) if found else "")
    if filters.offence_group:
        parts.append(OFFENCE_GROUPS_BY_KEY[filters.offence_group].label.lower())
    if filters.case_type:
        parts.append(CaseFlag(filters.case_type).label.lower() + " cases")
    return ", ".join(p for p in parts if p) or settings.CASEWORK_FORCE_NAME


def _reading(request):
    """What every performance page starts from: today, the cases of the reader's role, the filter
    choices, and the filters asked for with any problems in them."""
    _require_reports(request)
    today = timezone.localdate()
    scope = cases_in_role_scope(request.user)
    options = _options(request.user, scope, today)
    filters, problems = filters_from(request, today, options)
    return today, scope, options, filters, problems


def _link(filters: ReportFilters, **extra) -> str:
    return reverse("ui:report_cases") + "?" + urlencode({**filters.query(), **extra})


@login_required
def dashboard(request):
    today, scope, options, filters, problems = _reading(request)
    for p in problems:
        messages.error(request, p)
    if filters.period.is_month and f"{filters.period.start:%Y-%m}" not in {v for v, _ in options["months"]}:
        options["months"].append((f"{filters.period.start:%Y-%m}", month_label(filters.period.start)))
    threshold, share = request.GET.get("threshold", ""), request.GET.get("share", "")
    threshold = int(threshold) if threshold.isdigit() and 1 <= int(threshold) <= 50 else None
    share = int(share) if share.isdigit() and int(share) <= 100 else None
    report = report_read(cases=scope, filters=filters, today=today, training_threshold=threshold,
                         training_share=share, hubs=role_scope_hubs(request.user))
    _hide_restricted_examples(report, request.user)
    access_record(user=request.user, action=AccessAction.LIST, what=f"performance dashboard, {filters.period.label}",
                  purpose="management information", request=request)
    rows_by_section = {}
    for key, title in SECTIONS.items():
        rows_by_section[key] = {"title": title, "rows": [_figure_row(f, report, filters) for f in report.section(key)]}
    query = filters.query()
    return render(request, "ui/reports/dashboard.html", {
        "report": report, "filters": filters, "options": options, "sections": rows_by_section,
        "headline": [_figure_row(f, report, filters) for f in report.figures.values() if f.measure.headline],
        "scope": _scope_words(filters, options, request.user), "query": query, "month_value": f"{filters.period.start:%Y-%m}",
        "is_month": filters.period.is_month, "failings": _failing_rows(report, filters),
        "categories": [{**r, "href": _link(filters, measure="failings", part=f"category:{r['category']}")}
                       for r in report.failing_categories()],
        "breakdowns": _breakdowns(report, filters), "caseload": _caseload_rows(report, filters),
        "trend_rows": _trend_rows(report), "months": report.months, "trend_method": TREND_METHOD,
        "training": _training_rows(report, filters), "offence_group_note": f"{OFFENCE_GROUP_SOURCE} ({OFFENCE_GROUP_CONFIDENCE})",
        "download": {fmt: reverse("ui:report_pack") + "?" + urlencode({**query, "format": fmt}) for fmt in FORMATS},
        "pack_month": month_label(filters.period.start), "today": today,
    })


def _hide_restricted_examples(report, user) -> None:
    """Training needs name example cases: only ones the reader may open."""
    urns = {u for r in report.training for u in r["examples"]}
    if urns:
        may_open = set(cases_visible_to(user).filter(urn__in=urns).values_list("urn", flat=True))
        for r in report.training:
            r["examples"] = [u for u in r["examples"] if u in may_open]


def _figure_row(fig, report, filters) -> dict:
    m = fig.measure
    points = report.trends.get(m.id) or []
    latest = points[-1] if points else None
    row = {"measure": m, "figure": fig, "latest": latest,
           "href_all": _link(filters, measure=m.id)}
    if m.kind == "rate":
        row.update(href_ok=_link(filters, measure=m.id, part="ok"), href_not_ok=_link(filters, measure=m.id, part="not_ok"),
                   href_pending=_link(filters, measure=m.id, part="pending"))
    return row


def _failing_rows(report, filters) -> list[dict]:
    return [{**r, "href": _link(filters, measure="failings", key=r["reason"])} for r in report.failing_reasons()]


def _breakdowns(report, filters) -> dict:
    out = {mid: [{**r, "label": r["key"].replace("_", " "), "href": _link(filters, measure=mid, key=r["key"])}
                 for r in report.figures[mid].breakdown()]
           for mid in ("file_returns", "set_aside", "pcd_turnaround", "victims_code", "trials",
                       "guilty_plea_first_hearing", "discontinued", "time_limit_failures")}
    out["time_limits_at_risk"] = [{**r, "total": r["ctl"] + r["stl"],
                                   "href": _link(filters, measure="time_limits_at_risk", key=r["bucket"])}
                                  for r in report.figures["time_limits_at_risk"].limits_grid()]
    return out


def _caseload_rows(report, filters) -> dict:
    load = report.caseload
    link = lambda by, key: _link(filters, caseload=by, key=key)  # noqa: E731
    return {"open": load["open"],
            "by_stage": [{**r, "href": link("stage", r["key"])} for r in load["by_stage"]],
            "by_worker": [{**r, "href": link("worker", r["key"] or "none")} for r in load["by_worker"]],
            "by_age": [{**r, "href": link("age", r["key"])} for r in load["by_age"]]}


def _trend_rows(report) -> list[dict]:
    rows = []
    for mid, points in report.trends.items():
        m = MEASURES_BY_ID[mid]
        rows.append({"measure": m, "points": points, "latest": points[-1] if points else None})
    return rows


def _training_rows(report, filters) -> list[dict]:
    words = {"team": "Team", "supervisor": "Supervisor", "officer": "Officer in the case"}
    param = {"team": "team", "supervisor": "supervisor_id", "officer": "officer"}
    return [{**r, "kind_label": words[r["kind"]],
             "href": _link(filters, measure="failings", part=f"area:{r['area']}", **{param[r["kind"]]: r["who_id"]})}
            for r in report.training]


@login_required
def report_cases(request):
    """The cases behind one figure of the dashboard."""
    today, scope, options, filters, problems = _reading(request)
    for p in problems:
        messages.error(request, p)
    q = request.GET
    key, part = q.get("key", ""), q.get("part", "")
    if q.get("caseload"):
        by = q["caseload"]
        if by not in ("stage", "worker", "age"):
            raise Http404("No such figure")
        cases = caseload_cases(filters.apply(scope), today, by=by, key=key).select_related("caseworker", "oic")
        labels = {"stage": dict(Stage.choices), "age": {k: label for k, label, *_ in AGE_BANDS}}
        heading = f"Open cases: {labels.get(by, {}).get(key, 'by case progression officer')}"
        page = Paginator(cases.order_by("received_at", "urn"), 50).get_page(q.get("page"))
        rows = [{"case_id": c.pk, "urn": c.urn, "urn_display": c.urn_display,
                 "on": c.received_at.date() if c.received_at else None,
                 "detail": f"{c.get_stage_display()}; case progression officer: "
                           f"{c.caseworker.display_name if c.caseworker else 'not assigned'}"} for c in page]
        measure, definition = None, "Open cases as at today."
    else:
        mid = q.get("measure", "")
        if mid != "failings" and mid not in MEASURES_BY_ID:
            raise Http404("No such figure")
        scoped = scope
        if mid == "failings" and q.get("supervisor_id", "").isdigit():
            scoped = scope.filter(supervisor_id=int(q["supervisor_id"]))
        facts = measure_facts(cases=scoped, filters=filters, today=today, measure=mid, part=part, key=key)
        measure = MEASURES_BY_ID.get(mid)
        if measure:
            heading = measure.title + (f": {measure.ok_words if part == 'ok' else measure.not_ok_words if part == 'not_ok' else 'not yet due'}"
                                       if part in PARTS and measure.kind == "rate" else "")
            definition = measure.definition
        else:
            heading, definition = "Why files failed", "Each reason a file failed for, in the CPS's words."
        if key:
            heading += f" — {key.replace('_', ' ')}"
        if part.startswith("area:"):
            from casework.rules.reporting import TRAINING_AREAS

            heading += f" — {TRAINING_AREAS.get(part[5:]).label if part[5:] in TRAINING_AREAS else part[5:]}"
        if part.startswith("category:"):
            heading += f" — {part[9:]}"
        page = Paginator(facts, 50).get_page(q.get("page"))
        rows = [{"case_id": f.case_id, "urn": f.urn, "urn_display": f"{f.urn[:2]}/{f.urn[2:4]}/{f.urn[4:-2]}/{f.urn[-2:]}",
                 "on": f.on, "detail": f.detail} for f in page]
    # A restricted case the reader may not open is counted but not named.
    may_open = set(cases_visible_to(request.user).filter(pk__in=[r["case_id"] for r in rows]).values_list("pk", flat=True))
    for r in rows:
        if r["case_id"] not in may_open:
            r.update(urn="", urn_display="", detail="A restricted case: only the people named on it can see which "
                                                    "case it is and what was counted.")
    access_record(user=request.user, action=AccessAction.LIST, what=f"report drill-down: {heading}"[:300],
                  purpose="management information", request=request)
    back = reverse("ui:reports") + "?" + urlencode(filters.query())
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "ui/reports/cases.html", {
        "heading": heading, "definition": definition, "measure": measure, "rows": rows, "page_obj": page,
        "total": page.paginator.count, "period": filters.period, "scope": _scope_words(filters, options, request.user), "back": back,
        "query": query.urlencode()})


@login_required
def report_pack(request):
    """The month's pack, for the dashboard's filters, as PDF, Excel or CSV."""
    today, scope, options, filters, problems = _reading(request)
    fmt = request.GET.get("format", "")
    if fmt not in FORMATS:
        problems.append(f"Format: {fmt!r} is not one of PDF, Excel or CSV.")
    if problems:
        for p in problems:
            messages.error(request, p)
        return render(request, "ui/reports/pack_error.html", {"back": reverse("ui:reports")}, status=400)
    hub = next((u for u in options["hubs"] if u.pk == filters.hub), None)
    try:
        name, content = pack_export(user=request.user, cases=scope, month=filters.period.start, hub=hub, fmt=fmt,
                                    today=today, scope=_scope_words(filters, options, request.user), filters=filters,
                                    purpose="monthly performance pack (download)", request=request)
    except ReportError as e:
        messages.error(request, str(e))
        return render(request, "ui/reports/pack_error.html", {"back": reverse("ui:reports")}, status=400)
    response = HttpResponse(content, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _packs_for(user):
    packs = ReportPack.objects.select_related("hub").defer("content")
    if user.role == Role.ADMINISTRATOR:
        return packs
    if user.role == Role.HUB_MANAGER:
        return packs.filter(hub_id__in=[h.pk for h in _hubs(user)])
    return packs.none()  # supervisors see their own cases, not a hub's pack


@login_required
def packs(request):
    """Monthly packs the background job produced on the first working day of each month."""
    _require_reports(request)
    access_record(user=request.user, action=AccessAction.LIST, what="monthly packs", purpose="management information",
                  request=request)
    return render(request, "ui/reports/packs.html", {"packs": _packs_for(request.user)[:120]})


@login_required
def pack_download(request, pk: int):
    _require_reports(request)
    pack = get_object_or_404(_packs_for(request.user).defer(None), pk=pk)
    access_record(user=request.user, action=AccessAction.EXPORT,
                  what=f"monthly pack {pack.month:%Y-%m} ({pack.format.upper()}), {pack.hub.name if pack.hub else 'force'}",
                  purpose="monthly performance pack (download)", request=request)
    response = HttpResponse(bytes(pack.content), content_type=FORMATS[pack.format][0])
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}"'
    return response


