"""Restricting a case to named people (a suspect who is a police employee, a high-profile or
sensitive case) and choosing who those people are. Only a hub manager or an administrator may;
the officer in the case, the supervisor and the case progression officer always see the case."""

from __future__ import annotations

from django.db import transaction

from casework.audit.services import change_record
from casework.people.models import User

from . import events
from .models import Case
from .services import CaseRefused, case_revision_check


class RestrictionError(CaseRefused):
    pass


def users_by_username(text: str) -> list[User]:
    """Users named in free text, one user name per line or separated by commas; unknown names refused.
    An account not yet active (an officer named in an imported case file) may be named: the form
    lists the people already named, and saving it unchanged must not be refused."""
    names = list(dict.fromkeys(n.strip() for n in text.replace(",", "\n").splitlines() if n.strip()))
    found = {n: User.objects.filter(username__iexact=n).first() for n in names}
    missing = [n for n, u in found.items() if u is None]
    if missing:
        raise RestrictionError(f"No user named {', '.join(missing)}: check the user names.")
    return list({u.pk: u for u in found.values()}.values())


@transaction.atomic
def case_restriction_set(*, case: Case, actor, restricted: bool, reason: str, named: list[User],
                         expected_revision: int | None = None) -> Case:
    reason = reason.strip()
    if restricted and len(reason) < 5:
        raise RestrictionError("Say why the case is restricted (for example: the suspect is a police employee).")
    if restricted and getattr(actor, "pk", None) and actor.pk not in (case.oic_id, case.supervisor_id, case.caseworker_id):
        named = [*named, actor] if all(u.pk != actor.pk for u in named) else named  # keep access to undo it
    case = case_revision_check(case, expected_revision)
    before = {"restricted": case.restricted, "reason": case.restriction_reason,
              "named": sorted(case.named_users.values_list("username", flat=True))}
    after = {"restricted": restricted, "reason": reason if restricted else "", "named": sorted(u.username for u in named)}
    if before == after:
        raise RestrictionError("Nothing changed.")
    case.restricted, case.restriction_reason = restricted, after["reason"]
    case.save(update_fields=["restricted", "restriction_reason", "updated_at"])
    case.named_users.set(named)
    event = events.restriction_changed(case, restricted=restricted, reason=reason,
                                       named=[u.display_name for u in named], actor=actor)
    change_record(case=case, user=actor, change=event.kind, part="case", before=before, after=after,
                  summary=event.summary)
    return case
