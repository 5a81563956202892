"""Reviewer decisions on findings: setting one aside with a reason, and restoring it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from casework.cases import events
from casework.cases.models import Case, FindingOverride


class ReviewError(Exception):
    pass


@transaction.atomic
def finding_set_aside(*, case: Case, rule_id: str, item: str | None, reason: str, actor) -> FindingOverride:
    reason = reason.strip()
    if len(reason) < 10:
        raise ReviewError("Give a reason of at least 10 characters: it is reported to managers and the CPS.")
    override, _ = FindingOverride.objects.update_or_create(
        case=case, rule_id=rule_id, item=item or "",
        defaults={"reason": reason, "by": actor, "at": timezone.now()},
    )
    events.finding_set_aside(case, rule_id=rule_id, item=item or "", reason=reason, actor=actor)
    return override


@transaction.atomic
def finding_restore(*, case: Case, rule_id: str, item: str | None, actor) -> None:
    deleted, _ = FindingOverride.objects.filter(case=case, rule_id=rule_id, item=item or "").delete()
    if deleted:
        events.finding_restored(case, rule_id=rule_id, item=item or "", actor=actor)


@transaction.atomic
def case_file_stage_set(*, case: Case, file_stage: str, actor) -> Case:
    """The reviewer's choice of file stage ("" to let Casework work it out again)."""
    from casework.rules.quality import FILE_TYPES

    if file_stage and file_stage not in FILE_TYPES:
        raise ReviewError(f"{file_stage} is not a file stage.")
    old = case.file_stage
    if old == file_stage:
        return case
    case.file_stage = file_stage
    case.save(update_fields=["file_stage", "updated_at"])
    events.file_stage_chosen(case, old=old, new=file_stage, actor=actor)
    return case
