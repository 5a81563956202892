"""Tasks on the case page and on "My cases" (with the officer's CPS actions due), and restricting a
case to named people — which only a hub manager or administrator may do, and which turns any page
or action on the case into the break-glass page for everyone else."""

import pytest

from casework.audit.models import CaseChange
from casework.cases.models import Case, PartnerRequest, Task
from casework.cases.restriction import case_restriction_set
from casework.deadlines.models import CaseDeadline
from casework.people.models import User

from .helpers import sample_case_with_cpo_and_oic
from .workbench_helpers import PASSWORD, SHOWN, URN, Role, person, rev, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(units, sample_doc, today):
    case = sample_case_with_cpo_and_oic(units, sample_doc, today)
    person("mgr", Role.HUB_MANAGER, units["hub"], "Mo", "Begum")
    person("wc", Role.WITNESS_CARE, units["hub"], "Wendy", "Clarke")
    person("cps", Role.CPS_LIAISON, None, "Carl", "Price")
    return case


def _as(client, username):
    client.login(username=username, password=PASSWORD)
    return client


def _assign_t1(username):
    Task.objects.filter(ref="T1").update(assignee=User.objects.get(username=username))


def _done(client, note="DA checklist received from the OIC.", **extra):
    return client.post(f"/cases/{URN}/tasks/T1/done/", {"revision": rev(), "note": note, **extra}, follow=True)


# Tasks

def test_a_task_for_you_is_on_my_cases_and_done_meets_its_deadline(client, case):
    _assign_t1("cpo")
    mine = text(_as(client, "cpo").get("/worklist/"))
    assert "Tasks for you" in mine and "T1: Chase DA checklist" in mine and "Overdue" in mine
    page = text(_done(client))
    assert "Task T1 done." in page and "Done: DA checklist received from the OIC." in page
    assert CaseDeadline.objects.get(kind="DEADLINE.TASK", subject_ref="T1").done
    assert CaseChange.objects.get(change="case.task.done").after == {"status": "done",
                                                                     "note": "DA checklist received from the OIC."}
    assert "Task T1 done (Chase DA checklist): DA checklist received from the OIC." in page  # the timeline
    assert "Tasks for you" not in text(client.get("/worklist/"))


def test_a_task_needs_a_note_and_is_done_only_once(client, case):
    _assign_t1("cpo")
    _as(client, "cpo")
    assert "Say what was done (a few words are enough)." in text(_done(client, note=" "))
    assert Task.objects.get(ref="T1").status == "open"
    _done(client)
    assert "Task T1 is not open." in text(_done(client, note="Again."))
    assert CaseChange.objects.filter(change="case.task.done").count() == 1


def test_marking_a_task_done_from_a_stale_page_is_refused(client, case):
    _assign_t1("cpo")
    stale = rev()
    case_restriction_set(case=case, actor=None, restricted=False, reason="", named=[User.objects.get(username="wc")])
    page = text(_as(client, "cpo").post(f"/cases/{URN}/tasks/T1/done/", {"revision": stale, "note": "Received."},
                                        follow=True))
    assert "Someone changed this case after you opened it" in page and Task.objects.get(ref="T1").status == "open"


@pytest.mark.parametrize("username, status", [("wc", 403), ("cps", 403), ("pc.jones1234", 302), ("cpo", 302)])
def test_only_the_assignee_or_a_reviewer_may_mark_a_task_done(client, case, username, status):
    _assign_t1("pc.jones1234")
    response = _as(client, username).post(f"/cases/{URN}/tasks/T1/done/", {"note": "Checklist received."})
    assert response.status_code == status
    assert (Task.objects.get(ref="T1").status == "done") == (status == 302)


def test_the_officer_sees_their_cps_actions_due_on_my_cases(client, case):
    page = text(_as(client, "pc.jones1234").get("/worklist/"))
    assert "CPS actions due" in page and "A1-1: Obtain medical notes for the complainant's facial injuries." in page
    assert "Clip the BWV to the first account." not in page  # done already
    assert "CPS actions due" not in text(_as(client, "cpo").get("/worklist/"))  # not the caseworker's to do


# Restriction

def _restrict(client, *, restricted="1", reason="Suspect is a serving officer.", named="wc", **extra):
    data = {"revision": rev(), "reason": reason, "named": named, **extra}
    if restricted:
        data["restricted"] = restricted
    return client.post(f"/cases/{URN}/restriction/", data, follow=True)


def test_a_hub_manager_restricts_a_case_to_named_people(client, case):
    page = text(_restrict(_as(client, "mgr"), named="wc\nmgr"))
    assert "Who can see this case is updated." in page
    assert "Case restricted (Suspect is a serving officer.). Named people: Wendy Clarke, Mo Begum." in page
    case.refresh_from_db()
    assert case.restricted and case.restriction_reason == "Suspect is a serving officer."
    assert sorted(case.named_users.values_list("username", flat=True)) == ["mgr", "wc"]
    change = CaseChange.objects.get(change="case.restriction.changed")
    assert change.before["restricted"] is False and change.after["named"] == ["mgr", "wc"]
    assert _as(client, "wc").get(f"/cases/{URN}/").status_code == 200
    assert _as(client, "pc.jones1234").get(f"/cases/{URN}/").status_code == 200  # the officer always sees it
    assert "This case is restricted" in text(_as(client, "cpo").get(f"/cases/{URN}/"))  # in the hub, not named


@pytest.mark.parametrize("reason, named, message", [
    ("", "wc", "Say why the case is restricted"),
    ("Suspect is a serving officer.", "wc\nnobody", "No user named nobody: check the user names."),
])
def test_a_restriction_needs_a_reason_and_real_user_names(client, case, reason, named, message):
    page = text(_restrict(_as(client, "mgr"), reason=reason, named=named))
    assert message in page
    case.refresh_from_db()
    assert not case.restricted and not case.named_users.exists()
    assert not CaseChange.objects.filter(change="case.restriction.changed").exists()


def test_the_form_saves_with_a_named_officer_from_the_case_file_not_yet_signed_in(client, case):
    officer = User.objects.create(username="dc.new9999", role=Role.OIC, is_active=False)  # as the importer makes them
    case_restriction_set(case=case, actor=None, restricted=True, reason="High-profile suspect.",
                         named=[officer, User.objects.get(username="mgr")])
    prefilled = text(_as(client, "mgr").get(f"/cases/{URN}/")).split('name="named"')[1].split("</textarea>")[0]
    assert "dc.new9999" in prefilled and "mgr" in prefilled
    page = text(_restrict(client, reason="High-profile suspect; press interest.", named="dc.new9999\nmgr\n"))
    assert "Who can see this case is updated." in page
    assert Case.objects.get().restriction_reason == "High-profile suspect; press interest."


def test_saving_without_a_change_says_nothing_changed(client, case):
    page = text(_restrict(_as(client, "mgr"), restricted="", reason="", named=""))
    assert "Nothing changed." in page and not CaseChange.objects.filter(change="case.restriction.changed").exists()


def test_lifting_a_restriction_opens_the_case_to_the_hub_again(client, case):
    case_restriction_set(case=case, actor=None, restricted=True, reason="High-profile suspect.",
                         named=[User.objects.get(username="mgr")])
    page = text(_restrict(_as(client, "mgr"), restricted="", reason="", named="mgr"))
    assert "Restriction lifted: the case is visible to everyone whose role covers it." in page
    assert _as(client, "cpo").get(f"/cases/{URN}/").status_code == 200


def test_only_a_hub_manager_or_administrator_may_restrict(client, case):
    page = text(_as(client, "cpo").get(f"/cases/{URN}/"))
    assert "Change who can see this case" not in page
    assert _as(client, "cpo").post(f"/cases/{URN}/restriction/", {"restricted": "1", "reason": "Serving officer.",
                                                                   "named": ""}).status_code == 403
    assert not Case.objects.get().restricted
    assert "Change who can see this case" in text(_as(client, "mgr").get(f"/cases/{URN}/"))


def test_a_restricted_case_met_in_an_action_shows_the_break_glass_page(client, case):
    case_restriction_set(case=case, actor=None, restricted=True, reason="Suspect is a serving officer.", named=[])
    _as(client, "cpo")
    for url, data in (("/requests/new/", {"urn": SHOWN, "partner": "cps", "subject": "Send the MG6 please",
                                          "due_date": "2030-04-01"}),
                      ("/witness-care/record/", {"urn": URN, "kind": "update", "subject_ref": "W1",
                                                 "outcome": "done", "note": "Told of the hearing."}),
                      ("/assign/", {"urn": URN, "caseworker": User.objects.get(username="cpo").pk})):
        response = client.post(url, data)
        assert response.status_code == 403 and "This case is restricted" in text(response), url
    assert not PartnerRequest.objects.exists() and Case.objects.get().caseworker is None
    assert not Case.objects.get().contacts.exists()
