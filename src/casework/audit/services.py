"""Writing the audit trail: one small function per kind of record. Call inside the transaction of
the change or access they record."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from .models import AccessLogEntry, BreakGlass, CaseChange

BREAK_GLASS_HOURS = 8


def _ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def access_record(*, user, action: str, what: str, purpose: str, case=None, urn: str = "", recipient: str = "",
                  request=None, username: str = "") -> AccessLogEntry:
    """`username` names who acted when there is no user: a command line run or a background job."""
    return AccessLogEntry.objects.create(
        at=timezone.now(), user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or username or "system", action=action,
        case_id=getattr(case, "pk", None), urn=getattr(case, "urn", "") or urn, what=what[:300],
        purpose=purpose[:300], recipient=recipient[:300], ip=_ip(request),
    )


def change_record(*, case, user, change: str, part: str, before, after, summary: str) -> CaseChange:
    """Record a change and advance the case's revision (so edits made from older pages are refused)."""
    from django.db.models import F

    from casework.cases.models import Case

    Case.objects.filter(pk=case.pk).update(revision=F("revision") + 1)
    revision = Case.objects.filter(pk=case.pk).values_list("revision", flat=True).first() or 0
    case.revision = revision
    return CaseChange.objects.create(
        at=timezone.now(), user=user if getattr(user, "pk", None) else None,
        username=getattr(user, "username", "") or "system", case_id=case.pk, urn=case.urn, change=change,
        part=part[:120], before=before, after=after, summary=summary[:500], revision=revision,
    )


def break_glass_grant(*, user, case, reason: str, request=None) -> BreakGlass:
    now = timezone.now()
    grant = BreakGlass.objects.create(at=now, user=user, case_id=case.pk, urn=case.urn, hub_id=case.hub_id,
                                      reason=reason, expires_at=now + timedelta(hours=BREAK_GLASS_HOURS))
    access_record(user=user, action="break_glass", what="restricted case", purpose=reason, case=case, request=request)
    return grant


def break_glass_active(*, user, case) -> bool:
    return BreakGlass.objects.filter(user=user, case_id=case.pk, expires_at__gt=timezone.now()).exists()


def exports_record(*, cases: list[tuple[int, str]], what: str, purpose: str, recipient: str = "") -> None:
    """One access-log row per case written out by a command (bulk: an export may hold thousands).
    The operating-system user running the command is recorded as the person."""
    import getpass

    who = f"{getpass.getuser()} (command line)"
    now = timezone.now()
    AccessLogEntry.objects.bulk_create([
        AccessLogEntry(at=now, user=None, username=who, action="export", case_id=pk, urn=urn, what=what[:300],
                       purpose=purpose[:300], recipient=recipient[:300])
        for pk, urn in cases
    ], batch_size=2000)
