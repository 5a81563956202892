"""Partner requests: what the CPS, the courts, Witness Care and others have asked the Criminal
Justice Unit for, by priority and due date, logged against the case and answered."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case as When_
from django.db.models import IntegerField, Value, When
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import access_case, cases_visible_to, permissions
from casework.cases.constants import PartnerAgency, RequestPriority
from casework.cases.models import PartnerRequest
from casework.cases.partner_requests import (
    partner_request_answer,
    partner_request_log,
)
from casework.cases.services import CaseRefused
from casework.deadlines.selectors import status_of

from .forms import back_to, form_date, form_revision

PRIORITY_TAGS = {"urgent": "red", "high": "orange", "normal": "grey"}


def request_rows(requests, today) -> list[dict]:
    rows = []
    for r in requests:
        rows.append({"request": r, **status_of(r.due_date, today, done=r.status != "open"),
                     "priority_tag": PRIORITY_TAGS[r.priority]})
    return rows


FORM_CONTEXT = {"partners": PartnerAgency.choices, "priorities": RequestPriority.choices}


@login_required
def requests_inbox(request):
    if not permissions(request.user).requests:
        raise PermissionDenied
    today, q = timezone.localdate(), request.GET
    items = PartnerRequest.objects.filter(case__in=cases_visible_to(request.user).values("pk")).select_related(
        "case", "assignee", "completed_by")
    status = q.get("status", "open")
    items = items.filter(status="open") if status == "open" else items.exclude(status="open")
    if q.get("partner") in PartnerAgency.values:
        items = items.filter(partner=q["partner"])
    if q.get("mine") == "1":
        items = items.filter(assignee=request.user)
    rank = When_(When(priority="urgent", then=Value(0)), When(priority="high", then=Value(1)), default=Value(2),
                 output_field=IntegerField())
    order = ("due_date", rank, "received_at") if status == "open" else ("-completed_at",)
    page = Paginator(items.order_by(*order), 25).get_page(q.get("page"))
    access_record(user=request.user, action=AccessAction.LIST, what=f"partner requests, page {page.number}",
                  purpose="answer partner agencies", request=request)
    query = q.copy()
    query.pop("page", None)
    return render(request, "ui/requests.html", {
        **FORM_CONTEXT, "rows": request_rows(page, today), "page_obj": page, "total": page.paginator.count,
        "q": q, "status": status, "query": query.urlencode(), "back": request.get_full_path(), "today": today,
    })


@login_required
@require_POST
def request_new(request):
    if not permissions(request.user).requests:
        raise PermissionDenied
    urn = request.POST.get("urn", "").strip()
    try:
        case = access_case(user=request.user, urn=urn, purpose="log a partner request", request=request)
    except Http404:
        messages.error(request, f"No case with URN {urn or '(none given)'} that you can see: check the URN.")
        return redirect("ui:requests")
    try:
        logged = partner_request_log(case=case, actor=request.user, partner=request.POST.get("partner", ""),
                                     subject=request.POST.get("subject", ""), detail=request.POST.get("detail", ""),
                                     from_name=request.POST.get("from_name", ""),
                                     priority=request.POST.get("priority", "normal"),
                                     due_date=form_date(request.POST.get("due_date")),
                                     expected_revision=form_revision(request))
    except CaseRefused as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Request {logged.ref} logged on {case.urn_display}.")
    return back_to(request, case, "#requests")


@login_required
@require_POST
def request_answer(request, urn: str, ref: str):
    if not permissions(request.user).requests:
        raise PermissionDenied
    case = access_case(user=request.user, urn=urn, purpose="answer a partner request", request=request)
    item = case.partner_requests.filter(ref=ref).first()
    if item is None:
        raise Http404("No such request")
    try:
        partner_request_answer(case=case, request=item, actor=request.user, response=request.POST.get("response", ""),
                               expected_revision=form_revision(request))
    except CaseRefused as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Request {ref} on {case.urn_display} answered.")
    return back_to(request, case, "#requests")
