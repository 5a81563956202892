"""Writes to case data. Each service runs in one transaction and records its timeline event."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record
from casework.rules.lifecycle import transition_refusals

from . import events
from .constants import Stage
from .models import Case, Task
from .refs import next_ref
from .selectors import case_snapshot_build


def _jsonable(values: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}


class CaseRefused(Exception):
    """A case action refused for a reason the user can read and put right: nothing is saved."""


class StaleEdit(CaseRefused):
    """The case changed after the page the edit came from was opened: nothing is saved."""

    def __init__(self, changes: list[str]):
        listed = "; ".join(changes) or "a change"
        super().__init__(f"Someone changed this case after you opened it ({listed}). "
                         "Nothing was saved: check the case and try again.")
        self.changes = changes


def case_revision_check(case: Case, expected: int | None) -> Case:
    """Lock the case for this transaction; refuse if it moved on from the revision the user saw."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if expected is not None and locked.revision != expected:
        from casework.audit.models import CaseChange

        changes = [f"{c.summary} ({c.username}, {timezone.localtime(c.at):%H:%M})"
                   for c in CaseChange.objects.filter(case_id=case.pk, revision__gt=expected).order_by("at")]
        raise StaleEdit(changes)
    return locked


def case_deadlines_refresh(case: Case) -> None:
    """Recompute the case's deadlines after a change to it, in the same transaction."""
    from casework.deadlines.services import case_deadlines_recompute  # deadlines depend on cases

    case_deadlines_recompute(case_ids=[case.pk])


def supervisor_task(case: Case, *, title: str, description: str = "", source: str) -> Task:
    """An escalation: a task for the case's supervisor, due the next day."""
    return Task.objects.create(case=case, ref=next_ref(case.tasks.values_list("ref", flat=True), "T"),
                               title=title[:200], description=description, assignee_id=case.supervisor_id,
                               status="open", source=source, due_date=timezone.localdate() + timedelta(days=1),
                               created_at=timezone.now())


class TransitionRefused(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


@transaction.atomic
def case_transition(*, case: Case, to: str, actor=None, outcome: str = "", reason: str = "",
                    on=None, expected_revision: int | None = None) -> Case:
    """Move a case to another stage if the lifecycle guards allow it; else raise with reasons."""
    case = case_revision_check(case, expected_revision)
    refusals = transition_refusals(case_snapshot_build(case), to, outcome or None)
    if refusals:
        raise TransitionRefused(refusals)
    old = case.stage
    before = {"stage": case.stage, "outcome": case.outcome, "finalised_on": case.finalised_on}
    case.stage = to
    if to == Stage.FINALISED:
        case.outcome = outcome
        case.finalised_on = on or timezone.localdate()
    case.save(update_fields=["stage", "outcome", "finalised_on", "updated_at"])
    event = events.case_stage_changed(case, old=old, new=to, reason=reason, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part="case",
                  before=_jsonable(before),
                  after=_jsonable({"stage": case.stage, "outcome": case.outcome, "finalised_on": case.finalised_on}),
                  summary=event.summary)
    case_deadlines_refresh(case)
    return case


@transaction.atomic
def task_complete(*, case: Case, task: Task, actor, note: str, expected_revision: int | None = None) -> Task:
    """Mark an open task done, saying what was done."""
    note = note.strip()
    if task.status != "open":
        raise CaseRefused(f"Task {task.ref} is not open.")
    if len(note) < 3:
        raise CaseRefused("Say what was done (a few words are enough).")
    case = case_revision_check(case, expected_revision)
    task.status, task.completed_at, task.outcome, task.outcome_note = "done", timezone.now(), "done", note
    task.save(update_fields=["status", "completed_at", "outcome", "outcome_note"])
    event = events.task_done(case, ref=task.ref, title=task.title, note=note, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"tasks {task.ref}", before={"status": "open"},
                  after={"status": "done", "note": note}, summary=event.summary)
    case_deadlines_refresh(case)
    return task
