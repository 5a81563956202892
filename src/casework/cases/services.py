"""Writes to case data. Each service runs in one transaction and records its timeline event."""

from django.db import transaction
from django.utils import timezone

from casework.rules.lifecycle import transition_refusals

from . import events
from .constants import Stage
from .models import Case
from .selectors import case_snapshot_build


class TransitionRefused(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(reasons))
        self.reasons = reasons


@transaction.atomic
def case_transition(*, case: Case, to: str, actor=None, outcome: str = "", reason: str = "",
                    on=None) -> Case:
    """Move a case to another stage if the lifecycle guards allow it; else raise with reasons."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    refusals = transition_refusals(case_snapshot_build(case), to, outcome or None)
    if refusals:
        raise TransitionRefused(refusals)
    old = case.stage
    case.stage = to
    if to == Stage.FINALISED:
        case.outcome = outcome
        case.finalised_on = on or timezone.localdate()
    case.save(update_fields=["stage", "outcome", "finalised_on", "updated_at"])
    events.case_stage_changed(case, old=old, new=to, reason=reason, actor=actor)
    from casework.deadlines.services import case_deadlines_recompute  # deadlines depend on cases

    case_deadlines_recompute(case_ids=[case.pk])
    return case
