"""Reviewer decisions on findings: setting one aside with a reason, and restoring it."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record
from casework.cases import events
from casework.cases.models import Case, FindingOverride
from casework.cases.refs import next_ref
from casework.cases.services import (
    CaseRefused,
    case_deadlines_refresh,
    case_revision_check,
    supervisor_task,
)


class ReviewError(CaseRefused):
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


def feedback_draft(review) -> str:
    """Feedback for the officer in plain words, one numbered point per blocker or major finding."""
    points = [f for f in review.findings if f.level.value in ("blocker", "major")]
    if not points:
        return ""
    lines = ["Please put these right and resubmit the file:", ""]
    for n, f in enumerate(points, 1):
        lines.append(f"{n}. {f.message} {f.remedy}")
    return "\n".join(lines)


@transaction.atomic
def file_submit_to_cps(*, case: Case, actor, expected_revision: int | None = None):
    """Send the file to the CPS: refused while any blocker finding remains."""
    from casework.cases.models import FileSubmission

    from .selectors import case_review

    case = case_revision_check(case, expected_revision)
    review = case_review(case)
    blockers = [f for f in review.findings if f.level.value == "blocker"]
    if blockers:
        raise ReviewError("The file cannot go to the CPS while a blocker remains: "
                          + "; ".join(f.message for f in blockers))
    ref = next_ref(case.submissions.values_list("ref", flat=True), "S")
    submission = FileSubmission.objects.create(
        case=case, ref=ref, file_type=review.stage.file_type, submitted_at=timezone.now(), submitted_by=actor,
        supervisor_certified=None, outcome="pending",
        notes=f"Submitted from Casework: {review.verdict.replace('_', ' ')}, score {review.score}.",
    )
    event = events.submitted_to_cps(case, ref=ref, file_type=review.stage.file_type, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"submissions {ref}", before=None,
                  after={"ref": ref, "file_type": review.stage.file_type, "score": review.score}, summary=event.summary)
    return submission


@transaction.atomic
def file_return_to_oic(*, case: Case, actor, feedback: str, rule_ids: list[str],
                       expected_revision: int | None = None):
    from casework.cases.models import FileReturn

    feedback = feedback.strip()
    if len(feedback) < 20:
        raise ReviewError("Write the feedback for the officer (at least 20 characters): say what to put right.")
    case = case_revision_check(case, expected_revision)
    if FileReturn.objects.filter(case=case, resubmitted_at=None).exists():
        raise ReviewError("The file is already with the officer: wait for it to be resubmitted.")
    cycle = FileReturn.objects.filter(case=case).count() + 1
    returned = FileReturn.objects.create(case=case, cycle=cycle, returned_at=timezone.now(), returned_by=actor,
                                         feedback=feedback, rule_ids=sorted(set(rule_ids)))
    event = events.returned_to_oic(case, cycle=cycle, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"file return {cycle}", before=None,
                  after={"cycle": cycle, "feedback": feedback}, summary=event.summary)
    return returned


@transaction.atomic
def file_resubmit(*, case: Case, actor, note: str = "", expected_revision: int | None = None):
    from casework.cases.models import FileReturn

    case = case_revision_check(case, expected_revision)
    open_return = FileReturn.objects.filter(case=case, resubmitted_at=None).first()
    if open_return is None:
        raise ReviewError("There is no returned file to resubmit.")
    open_return.resubmitted_at, open_return.resubmitted_by, open_return.officer_note = timezone.now(), actor, note.strip()
    open_return.save(update_fields=["resubmitted_at", "resubmitted_by", "officer_note"])
    event = events.resubmitted_by_oic(case, cycle=open_return.cycle, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"file return {open_return.cycle}",
                  before={"resubmitted_at": None}, after={"resubmitted_at": open_return.resubmitted_at.isoformat(),
                                                           "note": open_return.officer_note}, summary=event.summary)
    return open_return


@transaction.atomic
def file_escalate(*, case: Case, actor, note: str, expected_revision: int | None = None):
    """Ask the case's supervisor to step in: a task for them, due the next day."""
    note = note.strip()
    if len(note) < 10:
        raise ReviewError("Say what the supervisor needs to do (at least 10 characters).")
    case = case_revision_check(case, expected_revision)
    if case.supervisor_id is None:
        raise ReviewError("No supervisor is named on this case to escalate to.")
    task = supervisor_task(case, title=f"Escalated by {actor.display_name}: {note}", description=note,
                           source="internal")
    event = events.escalated(case, to=case.supervisor.display_name, note=note, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"tasks {task.ref}", before=None,
                  after={"ref": task.ref, "assignee": case.supervisor.username}, summary=event.summary)
    case_deadlines_refresh(case)
    return task
