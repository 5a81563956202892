"""The one way into case data: who may see which cases, and what they may do with them.

Every view, export and report reaches case data through `cases_visible_to` (lists) or
`access_case` (one case), which also writes the access log (DPA 2018 s.62). A case outside a
user's scope is "not found", never "forbidden", so the product does not confirm it exists.
A restricted case is visible only to the people named on it; others whose role covers the case
may open it by stating a reason (break-glass), which is logged and shown to the hub manager.
The permission table (`PERMISSIONS`) is the source of docs/permissions.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from casework.audit.models import BreakGlass
from casework.audit.services import access_record
from casework.people.constants import Role

from .models import Case


@dataclass(frozen=True)
class RolePermissions:
    scope: str  # in words, for the permission table
    view: bool = True
    review: bool = False  # set findings aside, choose the file stage
    break_glass: bool = False
    contact_details: bool = True  # victims' and witnesses' addresses, phones, emails
    audit: bool = False  # access log and change history screens
    break_glass_log: bool = False
    administer: bool = False  # reference data, users, service levels (Django admin)
    assign: bool = False  # assign new files from the intake queue, reassign one case
    manage_team: bool = False  # move a whole caseload, arrange cover for absence
    witness_care: bool = False  # record needs assessments, warnings, updates to victims and witnesses
    requests: bool = False  # log and answer requests from partner agencies
    restrict: bool = False  # restrict a case and name the people who may see it
    reports: bool = False  # performance dashboard, training needs and monthly packs, over the cases in scope


PERMISSIONS: dict[str, RolePermissions] = {
    Role.CASEWORKER: RolePermissions("Cases of their hub", review=True, break_glass=True, assign=True,
                                     witness_care=True, requests=True),
    Role.HUB_MANAGER: RolePermissions("Cases of the hubs they manage", review=True, break_glass=True, break_glass_log=True,
                                      assign=True, manage_team=True, witness_care=True, requests=True, restrict=True,
                                      reports=True),
    Role.OIC: RolePermissions("Cases they are the officer in, or are named on"),
    Role.SUPERVISOR: RolePermissions("Cases they supervise, or are named on", review=True, reports=True),
    Role.WITNESS_CARE: RolePermissions("Cases of their hub", witness_care=True, requests=True),
    Role.CPS_LIAISON: RolePermissions("Every case that is not restricted (read-only)", contact_details=False),
    Role.AUDITOR: RolePermissions("Every case (read-only)", break_glass=True, audit=True, break_glass_log=True),
    Role.ADMINISTRATOR: RolePermissions("Every case", review=True, break_glass=True, audit=True, break_glass_log=True,
                                       administer=True, assign=True, manage_team=True, witness_care=True, requests=True, restrict=True,
                                       reports=True),
}
NO_ACCESS = RolePermissions("None", view=False, contact_details=False)


def permissions(user) -> RolePermissions:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return NO_ACCESS
    return PERMISSIONS.get(user.role, NO_ACCESS)


def _hub_ids(user) -> list[int]:
    """The user's unit and the units beneath it (a hub manager's unit may hold several hubs)."""
    if user.unit_id is None:
        return []
    from casework.people.models import Unit

    ids, frontier = {user.unit_id}, [user.unit_id]
    while frontier:
        frontier = list(Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.update(frontier)
    return list(ids)


def _named(user) -> Q:
    # One indexed look-up per way of being named, never a join: joining every case's tasks and
    # action items to test an OR reads the whole case table (over 100 ms at 100,000 cases).
    from .models import ActionPlanItem, Task

    return (Q(oic=user) | Q(supervisor=user) | Q(caseworker=user)
            | Q(pk__in=Case.named_users.through.objects.filter(user=user).values("case_id"))
            | Q(pk__in=Task.objects.filter(assignee=user).values("case_id"))
            | Q(pk__in=ActionPlanItem.objects.filter(owner=user).values("plan__case_id")))


def cases_in_role_scope(user) -> QuerySet[Case]:
    """Cases the user's role covers, restricted or not."""
    role = getattr(user, "role", None)
    if not permissions(user).view:
        return Case.objects.none()
    if role in (Role.AUDITOR, Role.ADMINISTRATOR):
        return Case.objects.all()
    if role == Role.CPS_LIAISON:
        return Case.objects.filter(restricted=False)
    if role in (Role.OIC, Role.SUPERVISOR):
        return Case.objects.filter(pk__in=Case.objects.filter(_named(user)).values("pk"))
    return Case.objects.filter(hub_id__in=_hub_ids(user))


def role_scope_hubs(user) -> list[int] | None | bool:
    """cases_in_role_scope as whole hubs, where it is: None for every case, else the hubs' ids;
    False where the scope is not whole hubs (named cases, or unrestricted ones only)."""
    role = getattr(user, "role", None)
    if not permissions(user).view:
        return []
    if role in (Role.AUDITOR, Role.ADMINISTRATOR):
        return None
    if role in (Role.CPS_LIAISON, Role.OIC, Role.SUPERVISOR):
        return False
    return _hub_ids(user)


def named_on(user, case: Case) -> bool:
    if user.pk in (case.oic_id, case.supervisor_id, case.caseworker_id):
        return True
    return Case.objects.filter(pk=case.pk).filter(_named(user)).exists()


def cases_visible_to(user) -> QuerySet[Case]:
    """Cases the user may open now: their role's scope, less restricted cases they are not named on
    and hold no current break-glass grant for."""
    scope = cases_in_role_scope(user)
    granted = BreakGlass.objects.filter(user=user, expires_at__gt=timezone.now()).values("case_id")
    named = Case.objects.filter(_named(user)).values("pk")
    return scope.filter(Q(restricted=False) | Q(pk__in=named) | Q(pk__in=granted))


class RestrictedCase(Exception):
    """The case is restricted; the user may open it only by stating a reason (break-glass)."""

    def __init__(self, case: Case):
        super().__init__(case.urn)
        self.case = case


def _compact(urn: str) -> str:
    return urn.replace("/", "").replace(" ", "").upper()


def access_case(*, user, urn: str, purpose: str, request=None, queryset: QuerySet[Case] | None = None,
                action: str = "consult") -> Case:
    """The case, after checking the user may see it, with the access logged; else Http404, or
    RestrictedCase when a break-glass reason would open it."""
    base = queryset if queryset is not None else Case.objects.all()
    in_scope = cases_in_role_scope(user).values("pk")
    case = base.filter(pk__in=in_scope, urn=_compact(urn)).first()
    if case is None:
        # Outside the user's scope is "not found": the product never confirms a case exists.
        raise Http404("No case with that URN")
    if case.restricted and not named_on(user, case) and not BreakGlass.objects.filter(
            user=user, case_id=case.pk, expires_at__gt=timezone.now()).exists():
        if not permissions(user).break_glass:
            raise Http404("No case with that URN")
        raise RestrictedCase(case)
    access_record(user=user, action=action, what=request.path if request else "case", purpose=purpose,
                  case=case, request=request)
    return case


def permissions_markdown() -> str:
    """docs/permissions.md: the permission table, from `PERMISSIONS` (tests fail when they differ)."""
    yes = {True: "yes", False: "no"}
    lines = [
        "# Who can see and do what",
        "",
        "Generated by `casework permissions --out docs/permissions.md` from the permission table in",
        "`casework.cases.access`; the test suite fails when this file and the product differ, and a",
        "role × page matrix test checks the product against it.",
        "",
        "A case outside your scope is *not found*. A **restricted** case (e.g. the suspect is a police",
        "employee) is visible only to the people named on it (officer in the case, supervisor, case",
        "progression officer, people named on the case, and owners of its tasks and action items); a",
        "role with *break-glass* may open it by stating a reason, which is logged and shown to the hub",
        "manager, for 8 hours. Every consultation, export and disclosure of case data is recorded in",
        "the access log (Data Protection Act 2018 s.62); every change in the change history.",
        "Performance reports count only the cases the reader may see, and each figure drills down to",
        "those cases; the monthly pack holds aggregate figures only (no names, no case references).",
        "",
        "| Role | Cases in scope | View | Review file (set findings aside, file stage) | Break-glass | Witness contact details | Access log | Break-glass log | Administration | Assign cases | Move caseloads, arrange cover | Witness care | Partner requests | Restrict a case | Performance reports |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    from casework.people.constants import Role as R

    for role, p in PERMISSIONS.items():
        lines.append(f"| {R(role).label} | {p.scope} | {yes[p.view]} | {yes[p.review]} | {yes[p.break_glass]} | "
                     f"{yes[p.contact_details]} | {yes[p.audit]} | {yes[p.break_glass_log]} | {yes[p.administer]} | "
                     f"{yes[p.assign]} | {yes[p.manage_team]} | {yes[p.witness_care]} | {yes[p.requests]} | {yes[p.restrict]} | "
                     f"{yes[p.reports]} |")
    return "\n".join(lines) + "\n"
