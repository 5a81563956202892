"""Safeguards around the workbench's team and witness care actions: cover that could not work is
refused, a manager who restricts a case keeps access to it, a caseload move says what it left
behind, and witness care can only be recorded for work actually owed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from casework.cases.models import Case, Task
from casework.people.models import Cover, Unit, User

from .helpers import sample_case_with_cpo_and_oic
from .workbench_helpers import PASSWORD, URN, Role, add_case, person, rev, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(units, sample_doc, today):
    case = sample_case_with_cpo_and_oic(units, sample_doc, today)
    person("cpo2", Role.CASEWORKER, units["hub"], "Tom", "Baker")
    person("mgr", Role.HUB_MANAGER, units["force"], "Mo", "Begum")  # manages every hub of the force
    other = Unit.objects.create(code="HUB-OTHER", name="Other hub", kind="hub", parent=units["force"])
    person("far", Role.CASEWORKER, other, "Fay", "Rowe")
    return case


def _as(client, username):
    client.login(username=username, password=PASSWORD)
    return client


def _cover(client, *, starts, ends, deputy="cpo2"):
    return text(client.post("/team/cover/", {"absent": User.objects.get(username="cpo").pk,
                                             "deputy": User.objects.get(username=deputy).pk, "starts_on": str(starts),
                                             "ends_on": str(ends), "reason": "Annual leave"}, follow=True))


def test_cover_wholly_in_the_past_is_refused(client, hub):
    day = timezone.localdate()
    page = _cover(_as(client, "mgr"), starts=day - timedelta(days=9), ends=day - timedelta(days=2))
    assert "That cover is wholly in the past" in page and not Cover.objects.exists()


def test_a_deputy_from_another_hub_is_refused(client, hub):
    day = timezone.localdate()
    page = _cover(_as(client, "mgr"), starts=day, ends=day + timedelta(days=3), deputy="far")
    assert "Fay Rowe does not work in Priya Sharma's hub" in page and not Cover.objects.exists()


def test_a_manager_who_restricts_a_case_is_named_on_it_and_can_still_open_it(client, hub):
    _as(client, "mgr")
    page = text(client.post(f"/cases/{URN}/restriction/", {"revision": rev(), "restricted": "1",
                                                           "reason": "The suspect is a police employee", "named": ""},
                            follow=True))
    assert "Who can see this case is updated." in page and "Mo Begum" in page
    assert list(Case.objects.get().named_users.values_list("username", flat=True)) == ["mgr"]
    assert client.get(f"/cases/{URN}/").status_code == 200
    assert _as(client, "cpo2").get(f"/cases/{URN}/").status_code == 403  # the break-glass page


def test_moving_a_caseload_says_which_restricted_cases_stay_behind(client, hub, sample_doc, today):
    Case.objects.update(caseworker=User.objects.get(username="cpo"))
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo", restricted=True, restriction_reason="Sensitive")
    page = text(_as(client, "mgr").post("/team/move/", {"from": User.objects.get(username="cpo").pk,
                                                       "to": User.objects.get(username="cpo2").pk,
                                                       "reason": "leaver"}, follow=True))
    assert "1 open case moved from Priya Sharma to Tom Baker." in page
    assert "1 restricted case you are not named on stays with Priya Sharma" in page
    assert Case.objects.get(urn="20BH0000125").caseworker.username == "cpo"


def test_witness_care_cannot_be_recorded_for_work_not_owed(client, hub):
    # The sample has no not guilty plea: no needs assessment is owed to anyone, least of all the police witness.
    _as(client, "cpo")
    page = text(client.post("/witness-care/record/", {"urn": URN, "revision": rev(), "kind": "needs_assessment",
                                                     "subject_ref": "W2", "outcome": "done", "note": "Assessed.",
                                                     "channel": "phone"}, follow=True))
    assert "Nothing of that kind is owed to W2 now" in page
    assert not Task.objects.filter(kind="needs_assessment").exists()


def test_recording_witness_care_on_a_broken_glass_case_gives_no_lasting_access(client, hub):
    from casework.cases.access import named_on

    case = Case.objects.get()
    case.hearings.filter(ref="H1").update(starts_at="2025-03-07T10:00:00Z", outcome="not_guilty_plea")
    Case.objects.update(restricted=True, restriction_reason="Police employee")
    from casework.cases.services import case_deadlines_refresh

    case_deadlines_refresh(case)
    _as(client, "cpo2")  # same hub, not named on the case
    assert client.get(f"/cases/{URN}/").status_code == 403  # restricted: break-glass page
    client.post(f"/cases/{URN}/break-glass/", {"reason": "Victim rang: needs assessment is due now."})
    page = text(client.post("/witness-care/record/", {"urn": URN, "revision": rev(), "kind": "needs_assessment",
                                                     "subject_ref": "W1", "outcome": "done", "note": "No needs.",
                                                     "channel": "phone"}, follow=True))
    assert "Recorded for" in page
    # Access lasts only as long as the 8-hour grant: recording the work names nobody on the case.
    assert not named_on(User.objects.get(username="cpo2"), Case.objects.get())


def test_a_victim_who_declines_the_update_is_not_chased_for_it_again(client, hub):
    from casework.deadlines.models import CaseDeadline

    owed = CaseDeadline.objects.filter(kind="DEADLINE.VICTIMS_CODE.UPDATE", subject_ref="W1", done=False)
    assert owed.exists()
    text(_as(client, "cpo").post("/witness-care/record/", {
        "urn": URN, "revision": rev(), "kind": "update", "subject_ref": "W1", "outcome": "declined",
        "note": "Does not want updates by phone.", "channel": "phone"}, follow=True))
    assert not owed.exists()


def test_moving_a_case_moves_its_open_requests_and_tasks_with_it(client, hub):
    from datetime import date

    from casework.cases.partner_requests import partner_request_log

    cpo = User.objects.get(username="cpo")
    Case.objects.update(caseworker=cpo)
    case = Case.objects.get()
    partner_request_log(case=case, actor=cpo, partner="cps", subject="Send the BWV in full", due_date=date(2030, 1, 1))
    Task.objects.filter(ref="T1").update(assignee=cpo)
    _as(client, "mgr").post("/assign/", {"urn": URN, "caseworker": User.objects.get(username="cpo2").pk,
                                         "reason": "absence", "revision": rev()})
    assert case.partner_requests.get().assignee.username == "cpo2"
    assert Task.objects.get(ref="T1").assignee.username == "cpo2"
