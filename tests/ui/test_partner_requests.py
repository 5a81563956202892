"""Partner requests: what the CPS, courts and Witness Care ask of the unit, logged against a case
by URN, worked from one inbox (soonest due, urgent first), and answered — each with its history."""

from datetime import date

import pytest

from casework.audit.models import CaseChange
from casework.cases.models import Case, PartnerRequest
from casework.cases.partner_requests import partner_request_log
from casework.people.models import User

from .helpers import sample_case_with_cpo_and_oic
from .workbench_helpers import PASSWORD, SHOWN, URN, Role, person, rev, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(units, sample_doc, today):
    case = sample_case_with_cpo_and_oic(units, sample_doc, today)
    Case.objects.update(caseworker=User.objects.get(username="cpo"))  # Priya Sharma works the case
    person("wc", Role.WITNESS_CARE, units["hub"], "Wendy", "Clarke")
    person("cps", Role.CPS_LIAISON, None, "Carl", "Price")
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def cpo(client, case):
    client.login(username="cpo", password=PASSWORD)
    return client


def _log(subject, *, partner="cps", priority="normal", due=date(2030, 4, 1), assignee=None):
    return partner_request_log(case=Case.objects.get(), actor=None, partner=partner, subject=subject,
                               priority=priority, due_date=due, assignee=assignee)


def _new(client, **data):
    form = {"urn": SHOWN, "partner": "cps", "subject": "Send the MG6 and the 999 call", "priority": "high",
            "due_date": "2030-04-01", "back": "/requests/", **data}
    return client.post("/requests/new/", form, follow=True)


def test_a_request_logged_by_urn_is_in_the_inbox_with_the_caseworker(cpo):
    page = text(_new(cpo, from_name="CPS West Midlands, Magistrates' unit", detail="Before the PTPH."))
    assert f"Request PR1 logged on {SHOWN}." in page and "1 request." in page
    assert "Send the MG6 and the 999 call" in page and "With Priya Sharma" in page
    logged = PartnerRequest.objects.get()
    assert (logged.assignee.username, logged.logged_by.username, logged.priority) == ("cpo", "cpo", "high")
    change = CaseChange.objects.get(change="case.partner_request.logged")
    assert change.after == {"partner": "cps", "subject": "Send the MG6 and the 999 call", "priority": "high",
                            "due_date": "2030-04-01"}
    assert "Request PR1 from CPS logged: Send the MG6 and the 999 call" in text(cpo.get(f"/cases/{URN}/"))


def test_an_unknown_urn_is_refused_plainly(cpo):
    page = text(_new(cpo, urn="20BH9999925"))
    assert "No case with URN 20BH9999925 that you can see: check the URN." in page
    assert not PartnerRequest.objects.exists()


@pytest.mark.parametrize("field, value, message", [
    ("due_date", "next week", "'next week' is not a date like 2025-03-31."),
    ("due_date", "", "Give the date the answer is due"),
    ("subject", "MG6", "Say what is asked for (at least 5 characters)."),
    ("partner", "press", "Choose which agency the request is from."),
    ("priority", "asap", "Choose the priority."),
])
def test_bad_input_is_refused_with_a_message_and_writes_nothing(cpo, field, value, message):
    page = text(_new(cpo, **{field: value}))
    assert message in page
    assert not PartnerRequest.objects.exists() and not CaseChange.objects.filter(part__startswith="partner").exists()


def test_answering_moves_the_request_to_answered_with_who_and_what(cpo):
    _log("Confirm the victim's dates to avoid")
    page = text(cpo.post(f"/cases/{URN}/requests/PR1/answer/", {
        "revision": rev(), "response": "Dates sent by secure email.", "back": "/requests/"}, follow=True))
    assert f"Request PR1 on {SHOWN} answered." in page and "No requests." in page
    answered = text(cpo.get("/requests/", {"status": "done"}))
    assert "Confirm the victim's dates to avoid" in answered and "by Priya Sharma: Dates sent by secure email." in answered
    change = CaseChange.objects.get(change="case.partner_request.answered")
    assert change.before == {"status": "open"} and change.after["response"] == "Dates sent by secure email."
    again = text(cpo.post(f"/cases/{URN}/requests/PR1/answer/", {"response": "Sent again."}, follow=True))
    assert "Request PR1 is already answered." in again


def test_an_answer_must_say_what_was_done(cpo):
    _log("Confirm the victim's dates to avoid")
    page = text(cpo.post(f"/cases/{URN}/requests/PR1/answer/", {"response": "ok"}, follow=True))
    assert "Say what was done or sent in answer (at least 5 characters)." in page
    assert PartnerRequest.objects.get().status == "open"


def test_answering_a_request_that_does_not_exist_is_not_found(cpo):
    assert cpo.post(f"/cases/{URN}/requests/PR9/answer/", {"response": "Done already."}).status_code == 404


def test_the_inbox_is_soonest_due_then_urgent_first(cpo):
    _log("Later normal request", due=date(2030, 4, 2))
    _log("Later urgent request", due=date(2030, 4, 2), priority="urgent")
    _log("Earliest request", due=date(2030, 4, 1))
    page = text(cpo.get("/requests/"))
    positions = [page.index(s) for s in ("Earliest request", "Later urgent request", "Later normal request")]
    assert positions == sorted(positions)


def test_the_inbox_filters_by_agency_and_by_mine(cpo):
    _log("From the court: listing query", partner="court")
    _log("From Witness Care: interpreter", partner="witness_care", assignee=User.objects.get(username="wc"))
    court = text(cpo.get("/requests/", {"partner": "court"}))
    assert "From the court: listing query" in court and "From Witness Care" not in court
    mine = text(cpo.get("/requests/", {"mine": "1"}))  # the first is the caseworker's, the second Wendy's
    assert "From the court: listing query" in mine and "From Witness Care" not in mine


def test_logging_from_a_stale_case_page_is_refused(cpo):
    stale = rev()
    _log("Something changed the case")
    page = text(_new(cpo, urn=URN, revision=stale, back=""))
    assert "Someone changed this case after you opened it" in page and PartnerRequest.objects.count() == 1


def test_cps_liaison_sees_requests_on_the_case_but_cannot_log_or_answer(client, case):
    _log("Confirm the victim's dates to avoid")
    client.login(username="cps", password=PASSWORD)
    page = text(client.get(f"/cases/{URN}/"))
    assert "Confirm the victim's dates to avoid" in page
    assert "Log a request from the CPS" not in page and "Mark answered" not in page
    assert client.get("/requests/").status_code == 403
    assert client.post(f"/cases/{URN}/requests/PR1/answer/", {"response": "Answered by CPS."}).status_code == 403
    assert PartnerRequest.objects.get().status == "open"
