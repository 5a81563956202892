"""The case timeline: one small factory per kind of event, so every entry reads the same way.

Call these only from services, inside the service's transaction, so an event is written if and
only if the change it describes is.
"""

from datetime import datetime

from django.utils import timezone

from .models import Case, CaseEvent


def _event(case: Case, kind: str, summary: str, *, actor=None, at: datetime | None = None,
           **data) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, kind=kind, summary=summary[:500], actor=actor,
        occurred_at=at or timezone.now(), data=data,
    )


def case_created(case: Case, *, actor=None, at=None, via: str = "") -> CaseEvent:
    how = f" from {via}" if via else ""
    return _event(case, "case.created", f"Case {case.urn_display} created{how}.", actor=actor, at=at)


def case_imported(case: Case, *, actor=None, at=None, filename: str, changes: list[str]) -> CaseEvent:
    listed = ", ".join(changes[:8]) + (" …" if len(changes) > 8 else "")
    return _event(case, "case.imported", f"Case file {filename} imported: {listed}.",
                  actor=actor, at=at, filename=filename, changes=changes)


def case_stage_changed(case: Case, *, old: str, new: str, reason: str = "", actor=None,
                       at=None) -> CaseEvent:
    from .constants import Stage

    text = f"Stage changed from '{Stage(old).label}' to '{Stage(new).label}'."
    if reason:
        text += f" {reason}"
    return _event(case, "case.stage.changed", text, actor=actor, at=at, old=old, new=new,
                  reason=reason)


def note_added(case: Case, *, text: str, actor=None, at=None) -> CaseEvent:
    return _event(case, "case.note.added", text, actor=actor, at=at)


def finding_set_aside(case: Case, *, rule_id: str, item: str, reason: str, actor=None) -> CaseEvent:
    what = f"{rule_id} ({item})" if item else rule_id
    return _event(case, "case.review.finding_set_aside", f"Finding {what} set aside: {reason}",
                  actor=actor, rule_id=rule_id, item=item, reason=reason)


def finding_restored(case: Case, *, rule_id: str, item: str, actor=None) -> CaseEvent:
    what = f"{rule_id} ({item})" if item else rule_id
    return _event(case, "case.review.finding_restored", f"Finding {what} restored.", actor=actor,
                  rule_id=rule_id, item=item)


def file_stage_chosen(case: Case, *, old: str, new: str, actor=None) -> CaseEvent:
    text = (f"File stage set by the reviewer to {new}." if new
            else "File stage returned to being worked out from the case's facts.")
    return _event(case, "case.review.file_stage_chosen", text, actor=actor, old=old, new=new)


def returned_to_oic(case: Case, *, cycle: int, actor=None) -> CaseEvent:
    return _event(case, "case.review.returned_to_oic", f"File returned to the officer in the case with feedback (cycle {cycle}).",
                  actor=actor, cycle=cycle)


def resubmitted_by_oic(case: Case, *, cycle: int, actor=None) -> CaseEvent:
    return _event(case, "case.review.resubmitted", f"Officer resubmitted the file (cycle {cycle}).", actor=actor, cycle=cycle)


def submitted_to_cps(case: Case, *, ref: str, file_type: str, actor=None) -> CaseEvent:
    return _event(case, "case.review.submitted_to_cps", f"File {ref} ({file_type}) submitted to the CPS.", actor=actor,
                  ref=ref, file_type=file_type)


def escalated(case: Case, *, to: str, note: str, actor=None) -> CaseEvent:
    return _event(case, "case.review.escalated", f"Escalated to {to}: {note}", actor=actor, note=note)


def action_plan_recorded(case: Case, *, ref: str, items: int, actor=None) -> CaseEvent:
    return _event(case, "case.action_plan.recorded", f"CPS action plan {ref} recorded with {items} item{'s' if items != 1 else ''}.",
                  actor=actor, ref=ref)


def action_item_completed(case: Case, *, ref: str, evidence: str, actor=None) -> CaseEvent:
    return _event(case, "case.action_plan.item_completed", f"Action {ref} completed: {evidence}", actor=actor, ref=ref)


def action_item_chased(case: Case, *, ref: str, escalated: bool, actor=None) -> CaseEvent:
    what = "escalated to the supervisor" if escalated else "chased with the officer"
    return _event(case, "case.action_plan.item_chased", f"Action {ref} {what}.", actor=actor, ref=ref, escalated=escalated)


def contact_recorded(case: Case, *, ref: str, party: str, direction: str, told: bool, actor=None) -> CaseEvent:
    way = "from" if direction == "in" else "with"
    text = f"Contact {ref} {way} {party} recorded" + ("; told of the latest decisions and results." if told else ".")
    return _event(case, "case.contact.recorded", text, actor=actor, ref=ref)


def case_assigned(case: Case, *, to: str, from_: str, reason: str, actor=None) -> CaseEvent:
    text = (f"Case progression officer changed from {from_} to {to} ({reason})." if from_
            else f"Assigned to {to} ({reason}).")
    return _event(case, "case.assigned", text, actor=actor, to=to, reason=reason)


def restriction_changed(case: Case, *, restricted: bool, reason: str, named: list[str], actor=None) -> CaseEvent:
    if restricted:
        text = f"Case restricted ({reason}). Named people: {', '.join(named) or 'none besides the officers and caseworker'}."
    else:
        text = "Restriction lifted: the case is visible to everyone whose role covers it."
    return _event(case, "case.restriction.changed", text, actor=actor, restricted=restricted, named=named)


def witness_task_done(case: Case, *, ref: str, kind: str, who: str, outcome: str, actor=None) -> CaseEvent:
    return _event(case, "case.witness_care.done", f"{kind} for {who} ({ref}): {outcome}.", actor=actor, ref=ref)


def partner_request_logged(case: Case, *, ref: str, partner: str, subject: str, actor=None) -> CaseEvent:
    return _event(case, "case.partner_request.logged", f"Request {ref} from {partner} logged: {subject}", actor=actor, ref=ref)


def partner_request_answered(case: Case, *, ref: str, response: str, actor=None) -> CaseEvent:
    return _event(case, "case.partner_request.answered", f"Request {ref} answered: {response}", actor=actor, ref=ref)


def task_done(case: Case, *, ref: str, title: str, note: str, actor=None) -> CaseEvent:
    return _event(case, "case.task.done", f"Task {ref} done ({title}): {note}", actor=actor, ref=ref)
