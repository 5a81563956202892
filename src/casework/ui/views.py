"""Web pages. Thin: reads come from selectors, and each page says what it is for.

Scope: until the access module arrives, staff see the cases of their own hub (administrators,
auditors and CPS liaison see every hub) and officers see cases they are named on.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from casework.audit.models import AccessAction
from casework.audit.services import access_record, break_glass_grant
from casework.cases.access import RestrictedCase, access_case, cases_visible_to, permissions
from casework.cases.action_plans import (
    action_item_chase,
    action_item_complete,
    action_plan_record,
)
from casework.cases.assignment import caseworkers_for_hub
from casework.cases.constants import Stage
from casework.cases.contacts import contact_record
from casework.cases.models import ActionPlanItem, ContactEntry
from casework.cases.restriction import case_restriction_set, users_by_username
from casework.cases.selectors import cases_search, cases_with_parts
from casework.cases.services import CaseRefused, task_complete
from casework.cases.witness_care import QUEUE_KINDS
from casework.deadlines.selectors import case_deadlines
from casework.people.constants import Role
from casework.reviews.selectors import case_review
from casework.reviews.services import (
    case_file_stage_set,
    feedback_draft,
    file_escalate,
    file_resubmit,
    file_return_to_oic,
    file_submit_to_cps,
    finding_restore,
    finding_set_aside,
)
from casework.rules.quality import FILE_TYPES

from .forms import CaseFilterForm, form_date, form_revision
from .request_views import FORM_CONTEXT as REQUEST_FORM
from .request_views import request_rows
from .team_views import MOVE_REASONS
from .witness_care_views import FORM_CONTEXT as WITNESS_CARE_FORM
from .witness_care_views import witness_care_rows


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        database = "ok"
    except Exception as e:  # noqa: BLE001 — the probe must report, not raise
        return JsonResponse({"status": "error", "database": f"unavailable: {type(e).__name__}"},
                            status=503)
    return JsonResponse({"status": "ok", "database": database, "vendor": connection.vendor})


@login_required
def home(request):
    """Each role starts where its day's work is: witness care officers on the witness care queue,
    auditors on the access log, CPS liaison on the case list, hub managers on the team worklist,
    everyone else on "My cases"."""
    role = request.user.role
    if role == Role.WITNESS_CARE:
        return redirect("ui:witness_care")
    if role == Role.AUDITOR:
        return redirect("ui:access_log")
    if role == Role.HUB_MANAGER:  # the whole team's work, from which workload and intake are a click away
        return redirect("ui:team_worklist")
    if role == Role.CPS_LIAISON:  # reads cases across the force; works none of them
        return redirect("ui:case_list")
    return redirect("ui:my_cases")


@login_required
def case_list(request):
    form = CaseFilterForm(request.GET or None, stages=Stage.choices)
    qs = cases_visible_to(request.user).select_related("hub", "oic", "caseworker")
    if form.is_valid():
        qs = cases_search(qs, form.cleaned_data["q"])
        if form.cleaned_data["stage"]:
            qs = qs.filter(stage=form.cleaned_data["stage"])
    page = Paginator(qs.order_by("-received_at", "urn").prefetch_related("defendants"), 25)
    page_obj = page.get_page(request.GET.get("page"))
    # A list of cases shows defendants' names: consulting personal data, so it is logged (s.62).
    access_record(user=request.user, action=AccessAction.LIST, what=f"case list, page {page_obj.number}",
                  purpose=f"find cases{': ' + request.GET.get('q', '') if request.GET.get('q') else ''}", request=request)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "ui/case_list.html", {
        "form": form, "page_obj": page_obj, "total": page.count,
        "query": query.urlencode(),
    })


def _case_in_scope(request, urn: str, purpose: str):
    return access_case(user=request.user, urn=urn, purpose=purpose, request=request, queryset=cases_with_parts())


@login_required
def case_detail(request, urn: str):
    case = _case_in_scope(request, urn, "view the case")  # a restricted case: the break-glass page (middleware)
    review = case_review(case)
    today = timezone.localdate()
    perms = permissions(request.user)
    deadlines = case_deadlines(case, today=today)
    owed = [row["deadline"] for row in deadlines if row["status"] != "done" and row["deadline"].kind in QUEUE_KINDS]
    for d in owed:
        d.case = case  # already loaded
    return render(request, "ui/case_detail.html", {
        **REQUEST_FORM, **WITNESS_CARE_FORM,
        "can_assign": perms.assign, "can_restrict": perms.restrict, "can_witness_care": perms.witness_care,
        "assignees": caseworkers_for_hub(case.hub_id) if perms.assign else [],
        "assign_reasons": MOVE_REASONS,
        "named": case.named_users.order_by("last_name"),
        "tasks": case.tasks.select_related("assignee").order_by("-status", "due_date", "ref"),
        "witness_care": witness_care_rows(owed, today),
        "requests": request_rows(case.partner_requests.select_related("case", "assignee", "completed_by")
                                 .order_by("-status", "due_date"), today),
        "case": case,
        "review": review,
        "findings": [_finding_row(f) for f in review.findings],
        "checklist": _checklist_rows(review),
        "set_aside": [{**_finding_row(s.finding), "reason": s.reason} for s in review.set_aside],
        "file_types": FILE_TYPES.items(),
        "can_review": perms.review,
        "deadlines": deadlines,
        "returns": list(case.file_returns.select_related("returned_by", "resubmitted_by")),
        "open_return": case.file_returns.filter(resubmitted_at=None).first(),
        "feedback_draft": feedback_draft(review),
        "blocker_count": sum(1 for f in review.findings if f.level.value == "blocker"),
        "is_officer": request.user.pk in (case.oic_id, case.supervisor_id),
        "plans": case.action_plans.prefetch_related("items__owner"),
        "contacts": case.contacts.select_related("by", "witness"),
        "contact_parties": ContactEntry.PARTIES, "contact_channels": ContactEntry.CHANNELS,
        "can_record_contact": request.user.role not in READ_ONLY_ROLES,
        "events": case.events.select_related("actor").order_by("-occurred_at", "-id")[:200],
        "today": today,
    })


def _checklist_rows(review) -> list[dict]:
    """The materials checklist, each line present, missing (with what is missing) or set aside."""
    aside = {(s.finding.rule.id, s.finding.item) for s in review.set_aside}
    rows = []
    for line in review.checklist:
        missing = [f for f in line.missing if (f.rule.id, f.item) not in aside]
        status = "present" if line.met else "missing" if missing else "set_aside"
        rows.append({"title": line.title, "required": line.required, "status": status, "missing": missing})
    return rows


def _finding_row(f) -> dict:
    return {**f.as_dict(), "title": f.rule.title, "explanation": f.rule.explanation,
            "tag": {"blocker": "red", "major": "orange", "minor": "yellow", "advice": "blue"}[f.level.value]}


def _case_post(request, urn: str, purpose: str, action, *, anchor: str, success: str = "", allowed=None):
    """Run one case action from a form. By default only reviewers may; `allowed(case)` says
    otherwise. A refusal the user can put right comes back as a message on the case page."""
    case = _case_in_scope(request, urn, purpose)
    if not (allowed(case) if allowed else permissions(request.user).review):
        raise PermissionDenied
    try:
        action(case)
    except CaseRefused as e:
        messages.error(request, str(e))
    except ActionPlanItem.DoesNotExist:
        raise Http404("No such action") from None
    else:
        if success:
            messages.success(request, success)
    return redirect(reverse("ui:case_detail", args=[case.urn]) + anchor)


@login_required
@require_POST
def finding_set_aside_view(request, urn: str):
    return _case_post(request, urn, "set a finding aside",
                      lambda case: finding_set_aside(case=case, rule_id=request.POST.get("rule_id", ""),
                                                     item=request.POST.get("item") or None,
                                                     reason=request.POST.get("reason", ""), actor=request.user,
                                                     expected_revision=form_revision(request)),
                      anchor="#file-quality",
                      success="Finding set aside. It is reported separately to managers.")


@login_required
@require_POST
def finding_restore_view(request, urn: str):
    return _case_post(request, urn, "restore a finding",
                      lambda case: finding_restore(case=case, rule_id=request.POST.get("rule_id", ""),
                                                   item=request.POST.get("item") or None, actor=request.user,
                                                   expected_revision=form_revision(request)),
                      anchor="#file-quality", success="Finding restored.")


@login_required
@require_POST
def file_stage_view(request, urn: str):
    return _case_post(request, urn, "choose the file stage",
                      lambda case: case_file_stage_set(case=case, file_stage=request.POST.get("file_stage", ""),
                                                       actor=request.user, expected_revision=form_revision(request)),
                      anchor="#file-quality")


@login_required
@require_POST
def file_submit_view(request, urn: str):
    return _case_post(request, urn, "submit the file to the CPS",
                      lambda case: file_submit_to_cps(case=case, actor=request.user, expected_revision=form_revision(request)),
                      anchor="#review-decision", success="File submitted to the CPS.")


@login_required
@require_POST
def file_return_view(request, urn: str):
    return _case_post(request, urn, "return the file to the officer",
                      lambda case: file_return_to_oic(case=case, actor=request.user, feedback=request.POST.get("feedback", ""),
                                                      rule_ids=request.POST.getlist("rule_id"),
                                                      expected_revision=form_revision(request)),
                      anchor="#review-decision",
                      success="File returned to the officer in the case with your feedback.")


@login_required
@require_POST
def file_escalate_view(request, urn: str):
    return _case_post(request, urn, "escalate to the supervisor",
                      lambda case: file_escalate(case=case, actor=request.user, note=request.POST.get("note", ""),
                                                 expected_revision=form_revision(request)),
                      anchor="#review-decision", success="Escalated: the supervisor has a task due tomorrow.")


@login_required
@require_POST
def file_resubmit_view(request, urn: str):
    return _case_post(request, urn, "resubmit the file",
                      lambda case: file_resubmit(case=case, actor=request.user, note=request.POST.get("note", ""),
                                                 expected_revision=form_revision(request)),
                      anchor="#review-decision", success="File resubmitted to the Criminal Justice Unit.",
                      allowed=lambda case: request.user.pk in (case.oic_id, case.supervisor_id))


READ_ONLY_ROLES = {Role.CPS_LIAISON, Role.AUDITOR}


@login_required
@require_POST
def contact_new_view(request, urn: str):
    def record(case):
        witness = case.witnesses.filter(ref=request.POST.get("witness", "")).first()
        contact_record(case=case, actor=request.user, party=request.POST.get("party", ""),
                       direction=request.POST.get("direction", ""), channel=request.POST.get("channel", ""),
                       summary=request.POST.get("summary", ""), witness=witness,
                       told_of_progress=request.POST.get("told_of_progress") == "1",
                       expected_revision=form_revision(request))
    return _case_post(request, urn, "record a contact", record, anchor="#contacts", success="Contact recorded.",
                      allowed=lambda case: request.user.role not in READ_ONLY_ROLES)


@login_required
@require_POST
def action_plan_new_view(request, urn: str):
    def record(case):
        items = [(request.POST.get(f"item_{k}", ""), form_date(request.POST.get(f"due_{k}"))) for k in range(1, 6)]
        action_plan_record(case=case, actor=request.user, respond_by=form_date(request.POST.get("respond_by")),
                           items=items, expected_revision=form_revision(request))
    return _case_post(request, urn, "record a CPS action plan", record, anchor="#action-plans",
                      success="Action plan recorded.")


@login_required
@require_POST
def action_item_done_view(request, urn: str, ref: str):
    def done(case):
        item = ActionPlanItem.objects.get(plan__case=case, ref=ref)
        if request.user.pk not in (item.owner_id, case.oic_id, case.supervisor_id) and not permissions(request.user).review:
            raise PermissionDenied
        action_item_complete(case=case, item=item, actor=request.user, evidence=request.POST.get("evidence", ""),
                             expected_revision=form_revision(request))
    return _case_post(request, urn, "respond to a CPS action", done, anchor="#action-plans",
                      success=f"Action {ref} marked done.", allowed=lambda case: True)


@login_required
@require_POST
def action_item_chase_view(request, urn: str, ref: str):
    escalate = request.POST.get("escalate") == "1"

    def chase(case):
        item = ActionPlanItem.objects.get(plan__case=case, ref=ref)
        action_item_chase(case=case, item=item, actor=request.user, escalate=escalate,
                          expected_revision=form_revision(request))
    return _case_post(request, urn, "chase a CPS action", chase, anchor="#action-plans",
                      success=f"Action {ref} {'escalated to the supervisor' if escalate else 'chased'}.")


@login_required
@require_POST
def break_glass_view(request, urn: str):
    """Open a restricted case by stating why: logged, and shown to the hub manager."""
    reason = request.POST.get("reason", "").strip()
    try:
        case = _case_in_scope(request, urn, "open a restricted case")
    except RestrictedCase as restricted:
        if len(reason) < 20:
            return render(request, "ui/restricted.html", {
                "case": restricted.case, "error": "Say why you need to open this case (at least 20 characters): "
                                                  "it is recorded and shown to the hub manager."}, status=400)
        break_glass_grant(user=request.user, case=restricted.case, reason=reason, request=request)
        case = restricted.case
    return redirect("ui:case_detail", urn=case.urn)


def not_found(request, exception=None):
    return render(request, "ui/404.html", status=404)


def server_error(request):
    return render(request, "ui/500.html", status=500)


@login_required
@require_POST
def task_done_view(request, urn: str, ref: str):
    def done(case):
        task = case.tasks.filter(ref=ref).first()
        if task is None:
            raise Http404("No such task")
        if request.user.pk != task.assignee_id and not permissions(request.user).review:
            raise PermissionDenied
        task_complete(case=case, task=task, actor=request.user, note=request.POST.get("note", ""),
                      expected_revision=form_revision(request))
    return _case_post(request, urn, "complete a task", done, anchor="#tasks", success=f"Task {ref} done.",
                      allowed=lambda case: request.user.role not in READ_ONLY_ROLES)


@login_required
@require_POST
def restriction_view(request, urn: str):
    def restrict(case):
        case_restriction_set(case=case, actor=request.user, restricted=request.POST.get("restricted") == "1",
                             reason=request.POST.get("reason", ""),
                             named=users_by_username(request.POST.get("named", "")),
                             expected_revision=form_revision(request))
    return _case_post(request, urn, "restrict the case", restrict, anchor="#access",
                      success="Who can see this case is updated.",
                      allowed=lambda case: permissions(request.user).restrict)
