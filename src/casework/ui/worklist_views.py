"""Worklists: what to do first, and why. "My cases", the team's worklist, and the workload of
each case progression officer — all through the access module, all in one urgency order."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import render
from django.utils import timezone

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import cases_visible_to
from casework.cases.assignment import covers_today, mine_q
from casework.cases.constants import CaseFlag, Stage
from casework.cases.models import ActionPlanItem, FileReturn, Task
from casework.cases.selectors import cases_search
from casework.deadlines.selectors import status_of
from casework.deadlines.worklists import in_bucket, with_next_deadline, workload
from casework.people.constants import UnitKind
from casework.people.models import Unit
from casework.rules.deadlines import BUCKET_LABELS, BUCKETS


def _filtered(request, cases):
    q = request.GET
    if q.get("stage"):
        cases = cases.filter(stage=q["stage"])
    else:
        cases = cases.open()
    if q.get("lpa"):
        cases = cases.filter(lpa__code=q["lpa"])
    if q.get("flag") in CaseFlag.values:
        cases = cases.filter(**{f"flag_{q['flag']}": True})
    if q.get("caseworker", "").isdigit():
        cases = cases.filter(caseworker_id=int(q["caseworker"]))
    return cases_search(cases, q.get("q", ""))


def _worklist(request, *, which: str):
    today = timezone.localdate()
    user = request.user
    visible = cases_visible_to(user)  # built once: it walks the user's units
    covering = covers_today(user, today) if which == "mine" else []
    cases = visible.filter(mine_q(user, covering)) if which == "mine" else visible
    cases = with_next_deadline(_filtered(request, cases).select_related("oic", "caseworker", "lpa"))
    cases = in_bucket(cases, request.GET.get("bucket", ""), today)
    page = Paginator(cases.prefetch_related("defendants"), 25).get_page(request.GET.get("page"))
    rows = []
    for case in page:
        rows.append({"case": case, **status_of(case.next_due, today)})
    access_record(user=user, action=AccessAction.LIST, what=f"worklist ({which}), page {page.number}",
                  purpose="plan the day's work", request=request)
    query = request.GET.copy()
    query.pop("page", None)
    returned, actions, tasks = [], [], []
    if which == "mine":
        visible = visible.open()
        # The officer view: CPS actions they own or that sit on their cases, soonest due first.
        actions = (ActionPlanItem.objects.filter(status="open", plan__case__in=visible.values("pk"))
                   .filter(Q(owner=user) | Q(owner=None, plan__case__oic=user))
                   .select_related("plan__case").order_by(F("due_date").asc(nulls_last=True), "plan__case__urn")[:50])
        tasks = (Task.objects.filter(status="open", assignee=user, case__in=visible.values("pk"))
                 .select_related("case").order_by(F("due_date").asc(nulls_last=True), "case__urn")[:50])
        # Files sent back to this officer with feedback, oldest first: the officer view.
        returned = (FileReturn.objects.filter(resubmitted_at=None, case__in=visible.filter(
            Q(oic=user) | Q(supervisor=user))).select_related("case", "returned_by").order_by("returned_at"))
    return render(request, "ui/worklist.html", {
        "returned": returned, "actions": actions, "tasks": tasks, "covering": covering, "today": today,
        "which": which, "rows": rows, "page_obj": page, "total": page.paginator.count, "q": request.GET,
        "query": query.urlencode(), "stages": Stage.choices, "flags": CaseFlag.choices,
        "buckets": [(b, BUCKET_LABELS[b]) for b in BUCKETS],
        "lpas": Unit.objects.filter(kind=UnitKind.LPA).order_by("name"),
    })


@login_required
def my_cases(request):
    return _worklist(request, which="mine")


@login_required
def team_worklist(request):
    return _worklist(request, which="team")


@login_required
def workload_view(request):
    today = timezone.localdate()
    rows = workload(cases_visible_to(request.user), today)
    access_record(user=request.user, action=AccessAction.LIST, what="workload", purpose="share the team's work",
                  request=request)
    return render(request, "ui/workload.html", {"rows": rows, "today": today})
