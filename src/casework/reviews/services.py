"""Reviewer decisions on findings: setting one aside with a reason, and restoring it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record
from casework.cases import events
from casework.cases.models import Case, FindingOverride
from casework.cases.services import case_revision_check


class ReviewError(Exception):
    pass


@transaction.atomic
def finding_set_aside(*, case: Case, rule_id: str, item: str | None, reason: str, actor,
                      expected_revision: int | None = None) -> FindingOverride:
    reason = reason.strip()
    if len(reason) < 10:
        raise ReviewError("Give a reason of at least 10 characters: it is reported to managers and the CPS.")
    case = case_revision_check(case, expected_revision)
    previous = FindingOverride.objects.filter(case=case, rule_id=rule_id, item=item or "").values("reason").first()
    override, _ = FindingOverride.objects.update_or_create(
        case=case, rule_id=rule_id, item=item or "",
        defaults={"reason": reason, "by": actor, "at": timezone.now()},
    )
    event = events.finding_set_aside(case, rule_id=rule_id, item=item or "", reason=reason, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"finding {rule_id} {item or ''}".strip(),
                  before=previous, after={"reason": reason}, summary=event.summary)
    return override


@transaction.atomic
def finding_restore(*, case: Case, rule_id: str, item: str | None, actor,
                    expected_revision: int | None = None) -> None:
    case = case_revision_check(case, expected_revision)
    previous = FindingOverride.objects.filter(case=case, rule_id=rule_id, item=item or "").values("reason").first()
    deleted, _ = FindingOverride.objects.filter(case=case, rule_id=rule_id, item=item or "").delete()
    if deleted:
        event = events.finding_restored(case, rule_id=rule_id, item=item or "", actor=actor)
        change_record(case=case, user=actor, change=event.kind, part=f"finding {rule_id} {item or ''}".strip(),
                      before=previous, after=None, summary=event.summary)


@transaction.atomic
def case_file_stage_set(*, case: Case, file_stage: str, actor, expected_revision: int | None = None) -> Case:
    """The reviewer's choice of file stage ("" to let Casework work it out again)."""
    from casework.rules.quality import FILE_TYPES

    if file_stage and file_stage not in FILE_TYPES:
        raise ReviewError(f"{file_stage} is not a file stage.")
    case = case_revision_check(case, expected_revision)
    old = case.file_stage
    if old == file_stage:
        return case
    case.file_stage = file_stage
    case.save(update_fields=["file_stage", "updated_at"])
    event = events.file_stage_chosen(case, old=old, new=file_stage, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part="case file stage",
                  before={"file_stage": old}, after={"file_stage": file_stage}, summary=event.summary)
    return case
