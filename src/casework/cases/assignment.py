"""Who works each case: assigning new files from the intake queue, moving cases between case
progression officers (absence, workload, leavers), and cover — a deputy working an absent
colleague's cases for a while without the cases moving."""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from casework.audit.services import change_record
from casework.people.constants import Role
from casework.people.models import Cover, Unit, User

from . import events
from .constants import AssignReason
from .models import Case, PartnerRequest, Task
from .services import CaseRefused, case_revision_check

ASSIGNABLE_ROLES = (Role.CASEWORKER, Role.HUB_MANAGER)


class AssignmentError(CaseRefused):
    pass


def _ancestors(unit_id: int | None) -> list[int]:
    ids = []
    while unit_id is not None:
        ids.append(unit_id)
        unit_id = Unit.objects.filter(pk=unit_id).values_list("parent_id", flat=True).first()
    return ids


def caseworkers_for_hub(hub_id: int) -> QuerySet[User]:
    """Active case progression officers and managers whose unit covers the hub."""
    return User.objects.filter(is_active=True, role__in=ASSIGNABLE_ROLES,
                               unit_id__in=_ancestors(hub_id)).order_by("last_name", "first_name")


def team_members(user) -> QuerySet[User]:
    """The case progression officers and managers a user may move work between: everyone
    assignable for an administrator; else those of the user's unit and the units beneath it."""
    from .access import _hub_ids

    people = User.objects.filter(is_active=True, role__in=ASSIGNABLE_ROLES)
    if user.role != Role.ADMINISTRATOR:
        people = people.filter(unit_id__in=_hub_ids(user))
    return people.order_by("last_name", "first_name")


def _assign(case: Case, to: User, *, actor, reason: str, note: str) -> None:
    old = case.caseworker
    if old is not None and old.pk == to.pk:
        raise AssignmentError(f"{to.display_name} already has case {case.urn_display}.")
    case.caseworker = to
    case.save(update_fields=["caseworker", "updated_at"])
    if old is not None:  # the case's open work for its caseworker follows the case
        PartnerRequest.objects.filter(case=case, status="open", assignee=old).update(assignee=to)
        Task.objects.filter(case=case, status="open", assignee=old).update(assignee=to)
    label = AssignReason(reason).label.lower() + (f": {note}" if note else "")
    event = events.case_assigned(case, to=to.display_name, from_=old.display_name if old else "", reason=label,
                                 actor=actor)
    change_record(case=case, user=actor, change=event.kind, part="case",
                  before={"caseworker": old.username if old else None},
                  after={"caseworker": to.username, "reason": reason, "note": note}, summary=event.summary)


def _check(to: User | None, case: Case, reason: str) -> User:
    if reason not in AssignReason.values:
        raise AssignmentError("Choose why the case is being assigned.")
    if to is None or not caseworkers_for_hub(case.hub_id).filter(pk=to.pk).exists():
        raise AssignmentError("Choose a case progression officer of this case's hub.")
    return to


@transaction.atomic
def case_assign(*, case: Case, to: User | None, actor, reason: str = AssignReason.INTAKE, note: str = "",
                expected_revision: int | None = None) -> Case:
    """Give one case to a case progression officer (from the intake queue, or a reassignment)."""
    to = _check(to, case, reason)
    case = case_revision_check(case, expected_revision)
    _assign(case, to, actor=actor, reason=reason, note=note.strip())
    return case


@transaction.atomic
def caseload_reassign(*, cases: QuerySet[Case], from_user: User, to: User | None, actor, reason: str,
                      note: str = "") -> int:
    """Move every open case of one case progression officer (within `cases`, the actor's scope) to
    another: each case records its own change. Returns how many moved."""
    if to is not None and from_user.pk == to.pk:
        raise AssignmentError("Choose a different person to move the cases to.")
    moved, checked = 0, set()
    for case in cases.open().filter(caseworker=from_user).select_for_update().order_by("urn"):
        if case.hub_id not in checked:  # once per hub, not per case
            try:
                _check(to, case, reason)
            except AssignmentError as e:
                raise AssignmentError(f"{e} (case {case.urn_display} is in {case.hub}).") from None
            checked.add(case.hub_id)
        _assign(case, to, actor=actor, reason=reason, note=note.strip())
        moved += 1
    if not moved:
        raise AssignmentError(f"{from_user.display_name} has no open cases you can move.")
    return moved


@transaction.atomic
def cover_start(*, absent: User, deputy: User | None, starts_on: date | None, ends_on: date | None, reason: str,
                actor) -> Cover:
    reason = reason.strip()
    if deputy is None or deputy.pk == absent.pk:
        raise AssignmentError("Choose who will cover, someone other than the person who is away.")
    if deputy.role not in ASSIGNABLE_ROLES or not deputy.is_active:
        raise AssignmentError(f"{deputy.display_name} is not a case progression officer.")
    if starts_on is None or ends_on is None:
        raise AssignmentError("Give the first and last day of the cover as dates like 2025-03-31.")
    if ends_on < starts_on:
        raise AssignmentError("The last day of cover must not be before the first.")
    if absent.unit_id is not None and deputy.unit_id not in _ancestors(absent.unit_id):
        raise AssignmentError(f"{deputy.display_name} does not work in {absent.display_name}'s hub, so could not see "
                              "their cases: choose someone from the same hub.")
    if len(reason) < 3:
        raise AssignmentError("Say why cover is needed (for example annual leave, sickness, course).")
    if ends_on < timezone.localdate():
        raise AssignmentError("That cover is wholly in the past: give dates from today on.")
    overlap = Cover.objects.filter(absent=absent, starts_on__lte=ends_on, ends_on__gte=starts_on)
    if overlap.exists():
        raise AssignmentError(f"{absent.display_name} already has cover for some of those days: end it first.")
    return Cover.objects.create(absent=absent, deputy=deputy, starts_on=starts_on, ends_on=ends_on, reason=reason,
                                created_by=actor)


@transaction.atomic
def cover_end(*, cover: Cover, today: date) -> None:
    """End cover now: it stops after yesterday, or is withdrawn if it had not begun."""
    if cover.starts_on >= today:
        cover.delete()
    else:
        cover.ends_on = min(cover.ends_on, today - timedelta(days=1))
        cover.save(update_fields=["ends_on"])


def covers_today(user: User, today: date) -> list[Cover]:
    """The cover `user` is giving today (whose cases they are working as deputy)."""
    return list(Cover.objects.filter(deputy=user, starts_on__lte=today, ends_on__gte=today).select_related("absent"))


def mine_q(user: User, covers: list[Cover] = ()) -> Q:
    """A user's own cases: those they work, are the officer or supervisor in, are named on, or
    cover for an absent colleague. Sub-selects, not joins, so no DISTINCT is needed."""
    q = (Q(caseworker=user) | Q(oic=user) | Q(supervisor=user)
         | Q(pk__in=Case.named_users.through.objects.filter(user=user).values("case_id")))
    if covers:
        q |= Q(caseworker_id__in=[c.absent_id for c in covers])
    return q
