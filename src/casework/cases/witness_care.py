"""Witness care: the work owed to victims and witnesses — a needs assessment after a not guilty
plea, a warning before each trial, Victims' Code updates and results to pass on — and recording
each piece of it done, with its outcome.

The work itself comes from the deadlines engine (the rules say what is owed and by when); this
module records what was done. A needs assessment or a warning is recorded as a witness care task
with its outcome; an update or a result passed on is a contact that tells the person of progress.
An attempt that made no contact is recorded too, and leaves the work due."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record

from . import events
from .constants import TaskKind, TaskOutcome
from .contacts import contact_record
from .models import Case, ContactEntry, Task
from .refs import next_ref
from .services import CaseRefused, case_deadlines_refresh, case_revision_check

# Deadline rules whose work the witness care queue holds, and what recording it means.
QUEUE_KINDS = {
    "DEADLINE.WITNESS_CARE.NEEDS_ASSESSMENT": TaskKind.NEEDS_ASSESSMENT,
    "DEADLINE.WITNESS_CARE.WARNING": TaskKind.WARN_FOR_TRIAL,
    "DEADLINE.VICTIMS_CODE.UPDATE": "update",
    "DEADLINE.WITNESS_CARE.RESULT": "update",
}
QUEUE_LABELS = {
    "DEADLINE.WITNESS_CARE.NEEDS_ASSESSMENT": "Needs assessment",
    "DEADLINE.WITNESS_CARE.WARNING": "Warn for trial",
    "DEADLINE.VICTIMS_CODE.UPDATE": "Victims' Code update",
    "DEADLINE.WITNESS_CARE.RESULT": "Pass on the result",
}
MET = (TaskOutcome.DONE, TaskOutcome.CONCERNS)  # outcomes that record the needs found


class WitnessCareError(CaseRefused):
    pass


def split_ref(subject_ref: str) -> tuple[str, str | None]:
    """A queue item's subject: "W1" (the witness) or "W1/H2" (the witness, for the hearing)."""
    witness, _, hearing = subject_ref.partition("/")
    return witness, hearing or None


def _owed(case: Case, kind: str, witness_ref: str, hearing_ref: str | None) -> bool:
    """Whether the deadlines engine says this piece of work is owed now (and not yet met)."""
    from casework.deadlines.models import CaseDeadline  # deadlines depend on cases

    rules = [rule for rule, k in QUEUE_KINDS.items() if k == kind]
    subject = f"{witness_ref}/{hearing_ref}" if hearing_ref else witness_ref
    return CaseDeadline.objects.filter(case=case, done=False, kind__in=rules, subject_ref=subject).exists()


@transaction.atomic
def witness_care_record(*, case: Case, actor, kind: str, witness_ref: str, hearing_ref: str | None = None,
                        outcome: str, note: str, channel: str = "phone",
                        expected_revision: int | None = None):
    """Record a piece of witness care done (or attempted) with its outcome."""
    note = note.strip()
    witness = case.witnesses.filter(ref=witness_ref).first()
    if witness is None:
        raise WitnessCareError(f"This case has no victim or witness {witness_ref}.")
    if outcome not in TaskOutcome.values:
        raise WitnessCareError("Choose the outcome.")
    if len(note) < 3:
        raise WitnessCareError("Say what was found, agreed or tried (a few words are enough).")
    if channel not in dict(ContactEntry.CHANNELS):
        raise WitnessCareError("Choose how the contact was made.")
    label = TaskOutcome(outcome).label
    if kind not in ("update", TaskKind.NEEDS_ASSESSMENT, TaskKind.WARN_FOR_TRIAL):
        raise WitnessCareError("That is not a piece of witness care work.")
    hearing = case.hearings.filter(ref=hearing_ref).first() if hearing_ref else None
    if kind == TaskKind.WARN_FOR_TRIAL and hearing is None:
        raise WitnessCareError("Choose the trial the warning is for.")
    if not _owed(case, kind, witness_ref, hearing_ref):
        raise WitnessCareError(f"Nothing of that kind is owed to {witness_ref} now: it may already be recorded.")
    if kind == "update":
        # As for tasks, every outcome but "could not make contact" finishes the work: a victim who
        # declines updates, or no longer needs them, is not chased again for this one.
        party = "victim" if witness.role == "victim" else "witness"
        return contact_record(case=case, actor=actor, party=party, direction="out", channel=channel,
                              summary=f"Update on the case ({label}): {note}", witness=witness,
                              told_of_progress=outcome != TaskOutcome.NO_CONTACT,
                              expected_revision=expected_revision)
    case = case_revision_check(case, expected_revision)
    now = timezone.now()
    what = TaskKind(kind).label
    title = f"{what}: {witness.display_name} ({witness.ref})"
    if hearing is not None:
        title += f" for the trial {hearing.ref} on {timezone.localtime(hearing.starts_at):%-d %b %Y}"
    # Nobody is assigned a done witness care task: an assignee counts as named on the case, which
    # would let someone who opened a restricted case by break-glass keep seeing it.
    task = Task.objects.create(case=case, ref=next_ref(case.tasks.values_list("ref", flat=True), "T"), title=title[:200],
                               status="done", source="internal", created_at=now, completed_at=now, kind=kind,
                               witness=witness, hearing=hearing, outcome=outcome, outcome_note=note,
                               description=f"By {dict(ContactEntry.CHANNELS)[channel].lower()}, recorded by "
                                           f"{getattr(actor, 'display_name', 'the system')}.")
    before, after = None, {"task": task.ref, "outcome": outcome, "note": note}
    if kind == TaskKind.NEEDS_ASSESSMENT and outcome in MET:
        before = {"needs": witness.needs}
        witness.needs = note
        witness.save(update_fields=["needs"])
        after["needs"] = note
    event = events.witness_task_done(case, ref=task.ref, kind=what, who=f"{witness.display_name} ({witness.ref})",
                                     outcome=f"{label} — {note}", actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"tasks {task.ref}", before=before, after=after,
                  summary=event.summary)
    case_deadlines_refresh(case)
    return task
