"""CPS action plans: recording a plan, the officer's response to each item, chasing and
escalating overdue items. Each service writes its event and history row in one transaction and
recomputes the case's deadlines (action items are deadlines)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record

from . import events
from .models import ActionPlan, ActionPlanItem, Case
from .refs import next_ref
from .services import CaseRefused, case_deadlines_refresh, case_revision_check, supervisor_task


class ActionPlanError(CaseRefused):
    pass


@transaction.atomic
def action_plan_record(*, case: Case, actor, respond_by: date | None, items: list[tuple[str, date | None]],
                       source: str = "cps_pre_charge", expected_revision: int | None = None) -> ActionPlan:
    items = [(text.strip(), due) for text, due in items if text.strip()]
    if not items:
        raise ActionPlanError("Add at least one action: what the CPS asks the police to do.")
    case = case_revision_check(case, expected_revision)
    plan = ActionPlan.objects.create(case=case, ref=next_ref(case.action_plans.values_list("ref", flat=True), "AP"), source=source, created_on=timezone.localdate(),
                                     respond_by=respond_by)
    for k, (text, due) in enumerate(items, 1):
        ActionPlanItem.objects.create(plan=plan, ref=f"{plan.ref}-{k}", text=text, owner_id=case.oic_id,
                                      due_date=due or respond_by, status="open")
    event = events.action_plan_recorded(case, ref=plan.ref, items=len(items), actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"action plans {plan.ref}", before=None,
                  after={"ref": plan.ref, "items": [t for t, _ in items]}, summary=event.summary)
    case_deadlines_refresh(case)
    return plan


@transaction.atomic
def action_item_complete(*, case: Case, item: ActionPlanItem, actor, evidence: str,
                         expected_revision: int | None = None) -> ActionPlanItem:
    evidence = evidence.strip()
    if len(evidence) < 5:
        raise ActionPlanError("Say what was done (the evidence of completion).")
    case = case_revision_check(case, expected_revision)
    before = {"status": item.status, "evidence": item.evidence}
    item.status, item.completed_at, item.evidence = "done", timezone.now(), evidence
    item.save(update_fields=["status", "completed_at", "evidence"])
    event = events.action_item_completed(case, ref=item.ref, evidence=evidence, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"action item {item.ref}", before=before,
                  after={"status": "done", "evidence": evidence}, summary=event.summary)
    case_deadlines_refresh(case)
    return item


@transaction.atomic
def action_item_chase(*, case: Case, item: ActionPlanItem, actor, escalate: bool = False,
                      expected_revision: int | None = None) -> ActionPlanItem:
    """Chase the officer for an open item; escalating also gives the supervisor a task."""
    if item.status != "open":
        raise ActionPlanError("Only an open action can be chased.")
    case = case_revision_check(case, expected_revision)
    if escalate:
        if case.supervisor_id is None:
            raise ActionPlanError("No supervisor is named on this case to escalate to.")
        item.escalated = True
        item.save(update_fields=["escalated"])
        supervisor_task(case, title=f"Escalated action {item.ref}: {item.text}", source="cps_pre_charge")
    event = events.action_item_chased(case, ref=item.ref, escalated=escalate, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"action item {item.ref}", before=None,
                  after={"chased": True, "escalated": escalate}, summary=event.summary)
    case_deadlines_refresh(case)
    return item
