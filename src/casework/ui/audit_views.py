"""Audit screens: the access log (searchable, exportable) and break-glass openings."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from casework.audit.models import AccessAction, AccessLogEntry, BreakGlass
from casework.audit.services import access_record
from casework.cases.access import _hub_ids, permissions

from .forms import form_date


@login_required
def access_log(request):
    if not permissions(request.user).audit:
        raise PermissionDenied
    q = request.GET
    rows = AccessLogEntry.objects.all()
    if q.get("person"):
        rows = rows.filter(username__icontains=q["person"].strip())
    if q.get("urn"):
        rows = rows.filter(urn=q["urn"].replace("/", "").replace(" ", "").upper())
    if q.get("action"):
        rows = rows.filter(action=q["action"])
    if start := form_date(q.get("from"), strict=False):
        rows = rows.filter(at__date__gte=start)
    if end := form_date(q.get("to"), strict=False):
        rows = rows.filter(at__date__lte=end)
    if q.get("format") == "csv":
        access_record(user=request.user, action=AccessAction.EXPORT, what="access log export (CSV)",
                      purpose="audit", request=request)
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="casework-access-log.csv"'
        writer = csv.writer(response)
        writer.writerow(["when (UTC)", "person", "action", "URN", "what", "purpose", "recipient", "IP address"])
        for e in rows.iterator():
            writer.writerow([e.at.strftime("%Y-%m-%d %H:%M:%S"), e.username, e.get_action_display(), e.urn, e.what,
                             e.purpose, e.recipient, e.ip or ""])
        return response
    access_record(user=request.user, action=AccessAction.CONSULT, what="access log", purpose="audit", request=request)
    page = Paginator(rows, 50).get_page(q.get("page"))
    query = q.copy()
    query.pop("page", None)
    return render(request, "ui/access_log.html", {"page_obj": page, "actions": AccessAction.choices, "q": q,
                                                  "query": query.urlencode()})


@login_required
def break_glass_log(request):
    perms = permissions(request.user)
    if not perms.break_glass_log:
        raise PermissionDenied
    rows = BreakGlass.objects.select_related("user")
    if not perms.audit:  # a hub manager sees the openings of their own hubs
        rows = rows.filter(hub_id__in=_hub_ids(request.user))
    access_record(user=request.user, action=AccessAction.CONSULT, what="break-glass log", purpose="oversight",
                  request=request)
    return render(request, "ui/break_glass_log.html", {"rows": rows[:500]})
