"""Requests from partner agencies — the CPS, courts, the Witness Care Unit, the defence — logged
against a case with a priority and a due date, worked from one inbox, and answered."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from casework.audit.services import change_record

from . import events
from .constants import PartnerAgency, RequestPriority
from .models import Case, PartnerRequest
from .refs import next_ref
from .services import CaseRefused, case_revision_check


class PartnerRequestError(CaseRefused):
    pass


@transaction.atomic
def partner_request_log(*, case: Case, actor, partner: str, subject: str, detail: str = "", from_name: str = "",
                        priority: str = RequestPriority.NORMAL, due_date: date | None, assignee=None,
                        expected_revision: int | None = None) -> PartnerRequest:
    subject = subject.strip()
    if partner not in PartnerAgency.values:
        raise PartnerRequestError("Choose which agency the request is from.")
    if priority not in RequestPriority.values:
        raise PartnerRequestError("Choose the priority.")
    if len(subject) < 5:
        raise PartnerRequestError("Say what is asked for (at least 5 characters).")
    if due_date is None:
        raise PartnerRequestError("Give the date the answer is due, like 2025-03-31.")
    case = case_revision_check(case, expected_revision)
    request = PartnerRequest.objects.create(
        case=case, ref=next_ref(case.partner_requests.values_list("ref", flat=True), "PR"), partner=partner,
        from_name=from_name.strip()[:200], received_at=timezone.now(), subject=subject[:200], detail=detail.strip(),
        priority=priority, due_date=due_date, assignee=assignee or case.caseworker, logged_by=actor)
    event = events.partner_request_logged(case, ref=request.ref, partner=PartnerAgency(partner).label,
                                          subject=subject, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"partner requests {request.ref}", before=None,
                  after={"partner": partner, "subject": subject, "priority": priority, "due_date": due_date.isoformat()},
                  summary=event.summary)
    return request


@transaction.atomic
def partner_request_answer(*, case: Case, request: PartnerRequest, actor, response: str,
                           expected_revision: int | None = None) -> PartnerRequest:
    response = response.strip()
    if request.status != "open":
        raise PartnerRequestError(f"Request {request.ref} is already answered.")
    if len(response) < 5:
        raise PartnerRequestError("Say what was done or sent in answer (at least 5 characters).")
    case = case_revision_check(case, expected_revision)
    request.status, request.response = "done", response
    request.completed_at, request.completed_by = timezone.now(), actor
    request.save(update_fields=["status", "response", "completed_at", "completed_by"])
    event = events.partner_request_answered(case, ref=request.ref, response=response, actor=actor)
    change_record(case=case, user=actor, change=event.kind, part=f"partner requests {request.ref}",
                  before={"status": "open"}, after={"status": "done", "response": response}, summary=event.summary)
    return request
