"""Who works which case: the intake queue of new, unassigned files; moving a caseload for
absence, workload or a leaver; and cover, where a deputy works an absent colleague's cases."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from casework.audit.models import AccessAction
from casework.audit.services import access_record
from casework.cases.access import access_case, cases_in_role_scope, cases_visible_to, permissions
from casework.cases.assignment import case_assign as case_assign_service
from casework.cases.assignment import (
    caseload_reassign,
    caseworkers_for_hub,
    cover_end,
    cover_start,
    team_members,
)
from casework.cases.constants import AssignReason
from casework.cases.models import Case
from casework.cases.services import CaseRefused
from casework.deadlines.selectors import status_of
from casework.deadlines.worklists import with_next_deadline
from casework.people.constants import Role
from casework.people.models import Cover, User

from .forms import form_date, form_revision

MOVE_REASONS = [(r.value, r.label) for r in AssignReason if r != AssignReason.INTAKE]


def _require(request, what: str) -> None:
    if not getattr(permissions(request.user), what):
        raise PermissionDenied


def _open_counts(people) -> dict[int, int]:
    rows = Case.objects.open().filter(caseworker__in=people).values("caseworker").annotate(n=Count("pk"))
    return {r["caseworker"]: r["n"] for r in rows}


@login_required
def intake(request):
    """New files nobody works yet, most urgent first, each with the people who could take it."""
    _require(request, "assign")
    today = timezone.localdate()
    cases = with_next_deadline(cases_visible_to(request.user).open().filter(caseworker=None)
                               .select_related("oic", "lpa", "hub"))
    page = Paginator(cases.prefetch_related("defendants"), 25).get_page(request.GET.get("page"))
    staff = {hub: list(caseworkers_for_hub(hub)) for hub in {c.hub_id for c in page}}
    counts = _open_counts([u for people in staff.values() for u in people])
    rows = []
    for case in page:
        people = [(u, counts.get(u.pk, 0)) for u in staff[case.hub_id]]
        # Suggest the user if they work cases themselves, else whoever has the fewest open cases.
        mine = [u for u, _ in people if u.pk == request.user.pk and u.role == Role.CASEWORKER]
        suggested = mine[0].pk if mine else min(people, key=lambda p: (p[1], p[0].last_name))[0].pk if people else None
        rows.append({"case": case, **status_of(case.next_due, today), "staff": people, "suggested": suggested})
    access_record(user=request.user, action=AccessAction.LIST, what=f"intake queue, page {page.number}",
                  purpose="assign new files", request=request)
    return render(request, "ui/intake.html", {"rows": rows, "page_obj": page, "total": page.paginator.count,
                                              "query": ""})


def _member(people, value) -> User | None:
    """One of `people` (a queryset) by the id a form sent, or None."""
    return people.filter(pk=int(value)).first() if str(value or "").isdigit() else None


@login_required
@require_POST
def case_assign(request):
    """Assign one case: from the intake queue (back to it) or from the case page (back there)."""
    _require(request, "assign")
    case = access_case(user=request.user, urn=request.POST.get("urn", ""), purpose="assign the case", request=request)
    to = _member(User.objects.all(), request.POST.get("caseworker"))
    reason = request.POST.get("reason") or AssignReason.INTAKE
    try:
        case_assign_service(case=case, to=to, actor=request.user, reason=reason, note=request.POST.get("note", ""),
                            expected_revision=form_revision(request))
    except CaseRefused as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"Case {case.urn_display} assigned to {to.display_name}.")
    if request.POST.get("back") == "case":
        return redirect(reverse("ui:case_detail", args=[case.urn]) + "#people")
    return redirect("ui:intake")


@login_required
def team(request):
    """Move a caseload and arrange cover, for the people of the user's hubs."""
    _require(request, "manage_team")
    today = timezone.localdate()
    people = list(team_members(request.user))
    counts = _open_counts(people)
    covers = (Cover.objects.filter(absent__in=people, ends_on__gte=today).select_related("absent", "deputy")
              .order_by("starts_on"))
    return render(request, "ui/team.html", {
        "people": [(u, counts.get(u.pk, 0)) for u in people], "covers": covers, "reasons": MOVE_REASONS,
        "today": today,
    })


@login_required
@require_POST
def caseload_move(request):
    _require(request, "manage_team")
    people = team_members(request.user)
    from_user, to = _member(people, request.POST.get("from")), _member(people, request.POST.get("to"))
    if from_user is None:
        messages.error(request, "Choose whose cases to move.")
        return redirect("ui:team")
    try:
        moved = caseload_reassign(cases=cases_visible_to(request.user), from_user=from_user, to=to,
                                  actor=request.user, reason=request.POST.get("reason", ""),
                                  note=request.POST.get("note", ""))
    except CaseRefused as e:
        messages.error(request, str(e))
    else:
        access_record(user=request.user, action=AccessAction.LIST, what=f"caseload of {from_user.username}",
                      purpose=f"move {moved} cases to {to.username}", request=request)
        left = cases_in_role_scope(request.user).open().filter(caseworker=from_user).count()
        messages.success(request, f"{moved} open case{'s' if moved != 1 else ''} moved from {from_user.display_name} "
                                  f"to {to.display_name}." + (
                                      f" {left} restricted case{'s' if left != 1 else ''} you are not named on "
                                      f"stay{'s' if left == 1 else ''} with {from_user.display_name}: ask someone "
                                      "named on them to move them." if left else ""))
    return redirect("ui:team")


@login_required
@require_POST
def cover_new(request):
    _require(request, "manage_team")
    people = team_members(request.user)
    absent, deputy = _member(people, request.POST.get("absent")), _member(people, request.POST.get("deputy"))
    if absent is None:
        messages.error(request, "Choose who is away.")
        return redirect("ui:team")
    try:
        cover = cover_start(absent=absent, deputy=deputy, starts_on=form_date(request.POST.get("starts_on"), strict=False),
                            ends_on=form_date(request.POST.get("ends_on"), strict=False), reason=request.POST.get("reason", ""),
                            actor=request.user)
    except CaseRefused as e:
        messages.error(request, str(e))
    else:
        messages.success(request, f"{cover.deputy.display_name} covers {cover.absent.display_name}'s cases from "
                                  f"{cover.starts_on:%-d %b %Y} to {cover.ends_on:%-d %b %Y}.")
    return redirect("ui:team")


@login_required
@require_POST
def cover_stop(request, pk: int):
    _require(request, "manage_team")
    today = timezone.localdate()
    cover = Cover.objects.filter(pk=pk, absent__in=team_members(request.user), ends_on__gte=today).first()
    if cover is None:
        messages.error(request, "That cover has already ended.")
    else:
        cover_end(cover=cover, today=today)
        messages.success(request, f"Cover of {cover.absent.display_name}'s cases by {cover.deputy.display_name} ended.")
    return redirect("ui:team")
