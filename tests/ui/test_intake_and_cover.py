"""Who works each case: the intake queue of unassigned files, reassigning one case, moving a
whole caseload, and cover — a deputy sees an absent colleague's cases between two dates."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from casework.audit.models import CaseChange
from casework.cases.models import Case
from casework.people.models import Cover, User

from .helpers import sample_case_with_cpo_and_oic
from .workbench_helpers import PASSWORD, SHOWN, URN, Role, add_case, person, rev, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub(units, sample_doc, today):
    """The sample case, unassigned; two case progression officers and their hub manager."""
    case = sample_case_with_cpo_and_oic(units, sample_doc, today)  # cpo: Priya Sharma
    person("cpo2", Role.CASEWORKER, units["hub"], "Tom", "Baker")
    person("mgr", Role.HUB_MANAGER, units["hub"], "Mo", "Begum")
    return case


def _pk(username):
    return User.objects.get(username=username).pk


def _as(client, username):
    client.login(username=username, password=PASSWORD)
    return client


# Intake and assigning one case

def test_assigning_from_intake_takes_the_case_off_the_queue_with_history(client, hub):
    _as(client, "mgr")
    assert "1 unassigned case." in text(client.get("/intake/"))
    page = text(client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo"), "reason": "intake",
                                         "revision": rev()}, follow=True))
    assert f"Case {SHOWN} assigned to Priya Sharma." in page
    assert "0 unassigned cases." in page and "Every open case has a case progression officer." in page
    change = CaseChange.objects.get(change="case.assigned")
    assert change.before == {"caseworker": None} and change.after["caseworker"] == "cpo"
    assert "Assigned to Priya Sharma (new file)." in text(client.get(f"/cases/{URN}/"))


def test_intake_suggests_the_officer_with_fewest_open_cases(client, hub, sample_doc, today):
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo")  # Priya has one open case, Tom none
    page = text(_as(client, "mgr").get("/intake/"))
    assert "Priya Sharma (1 open)" in page and "Tom Baker (0 open)" in page
    assert re.findall(r'<option value="(\d+)"\s*selected', page) == [str(_pk("cpo2"))]


def test_assigning_to_someone_outside_the_hub_is_refused_and_writes_nothing(client, hub):
    _as(client, "mgr")
    page = text(client.post("/assign/", {"urn": URN, "caseworker": _pk("pc.jones1234"), "revision": rev()},
                            follow=True))
    assert "Choose a case progression officer of this case's hub." in page
    assert Case.objects.get().caseworker is None and not CaseChange.objects.filter(change="case.assigned").exists()


def test_assigning_from_a_stale_page_is_refused(client, hub):
    _as(client, "mgr")
    stale = rev()
    client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo"), "revision": stale})
    page = text(client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo2"), "revision": stale}, follow=True))
    assert "Someone changed this case after you opened it" in page and "Nothing was saved" in page
    assert Case.objects.get().caseworker.username == "cpo"


def test_reassigning_from_the_case_page_returns_there_and_says_who_had_it(client, hub):
    _as(client, "mgr")
    client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo"), "revision": rev()})
    response = client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo2"), "reason": "workload",
                                        "note": "Priya is on the trial rota", "back": "case", "revision": rev()})
    assert response.url == f"/cases/{URN}/#people"
    page = text(client.get(response.url))
    assert "Case progression officer changed from Priya Sharma to Tom Baker (balancing workload: " \
           "Priya is on the trial rota)." in page
    again = text(client.post("/assign/", {"urn": URN, "caseworker": _pk("cpo2"), "reason": "workload",
                                          "back": "case", "revision": rev()}, follow=True))
    assert f"Tom Baker already has case {SHOWN}." in again
    assert CaseChange.objects.filter(change="case.assigned").count() == 2


# Moving a caseload

def test_moving_a_caseload_moves_every_open_case_each_with_its_history(client, hub, sample_doc, today):
    for urn in ("20BH0000125", "20BH0000225"):
        add_case(sample_doc, today, urn, caseworker="cpo")
    page = text(_as(client, "mgr").post("/team/move/", {"from": _pk("cpo"), "to": _pk("cpo2"), "reason": "leaver",
                                                        "note": "Moved to Coventry"}, follow=True))
    assert "2 open cases moved from Priya Sharma to Tom Baker." in page
    assert set(Case.objects.filter(caseworker__username="cpo2").values_list("urn", flat=True)) == {
        "20BH0000125", "20BH0000225"}
    moved = CaseChange.objects.filter(change="case.assigned")
    assert sorted(moved.values_list("urn", flat=True)) == ["20BH0000125", "20BH0000225"]
    assert all(c.after == {"caseworker": "cpo2", "reason": "leaver", "note": "Moved to Coventry"} for c in moved)
    assert Case.objects.get(urn=URN).caseworker is None  # the unassigned case stays in intake


def test_moving_needs_cases_to_move_and_a_different_person(client, hub, sample_doc, today):
    _as(client, "mgr")
    page = text(client.post("/team/move/", {"from": _pk("cpo"), "to": _pk("cpo2"), "reason": "absence"}, follow=True))
    assert "Priya Sharma has no open cases you can move." in page
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo")
    page = text(client.post("/team/move/", {"from": _pk("cpo"), "to": _pk("cpo"), "reason": "absence"}, follow=True))
    assert "Choose a different person to move the cases to." in page
    assert not CaseChange.objects.filter(change="case.assigned").exists()


# Cover for absence

def _cover(client, *, starts, ends, reason="Annual leave", absent="cpo", deputy="cpo2"):
    return text(client.post("/team/cover/", {"absent": _pk(absent), "deputy": _pk(deputy), "starts_on": str(starts),
                                             "ends_on": str(ends), "reason": reason}, follow=True))


def test_a_deputy_sees_the_absent_colleagues_cases_while_covering(client, hub, sample_doc, today):
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo")
    day = timezone.localdate()
    assert "20/BH/00001/25" not in text(_as(client, "cpo2").get("/worklist/"))
    page = _cover(_as(client, "mgr"), starts=day, ends=day + timedelta(days=4))
    assert f"Tom Baker covers Priya Sharma's cases from {day:%-d %b %Y} to {day + timedelta(days=4):%-d %b %Y}." in page
    assert "Now" in page
    mine = text(_as(client, "cpo2").get("/worklist/"))
    assert "You are covering the cases of Priya Sharma until" in mine and "20/BH/00001/25" in mine


def test_cover_that_has_not_begun_does_not_show_yet(client, hub, sample_doc, today):
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo")
    day = timezone.localdate()
    _cover(_as(client, "mgr"), starts=day + timedelta(days=1), ends=day + timedelta(days=5))
    mine = text(_as(client, "cpo2").get("/worklist/"))
    assert "You are covering" not in mine and "20/BH/00001/25" not in mine


@pytest.mark.parametrize("starts, ends, reason, deputy, message", [
    ("2025-03-20", "2025-03-10", "Annual leave", "cpo2", "The last day of cover must not be before the first."),
    ("20/03/2025", "2025-03-28", "Annual leave", "cpo2", "Give the first and last day of the cover as dates"),
    ("2025-03-20", "2025-03-28", "", "cpo2", "Say why cover is needed"),
    ("2025-03-20", "2025-03-28", "Annual leave", "cpo", "Choose who will cover, someone other than"),
])
def test_bad_cover_is_refused_with_a_reason_and_nothing_saved(client, hub, starts, ends, reason, deputy, message):
    page = _cover(_as(client, "mgr"), starts=starts, ends=ends, reason=reason, deputy=deputy)
    assert message in page and not Cover.objects.exists()


def test_overlapping_cover_is_refused(client, hub):
    _as(client, "mgr")
    _cover(client, starts="2030-03-20", ends="2030-03-28")
    page = _cover(client, starts="2030-03-27", ends="2030-04-02", deputy="mgr")
    assert "Priya Sharma already has cover for some of those days: end it first." in page
    assert Cover.objects.count() == 1


def test_ending_cover_stops_it_after_yesterday_and_the_deputy_no_longer_sees_the_cases(client, hub, sample_doc,
                                                                                       today):
    add_case(sample_doc, today, "20BH0000125", caseworker="cpo")
    day = timezone.localdate()
    cover = Cover.objects.create(absent=User.objects.get(username="cpo"), deputy=User.objects.get(username="cpo2"),
                                 starts_on=day - timedelta(days=3), ends_on=day + timedelta(days=3), reason="Sick")
    page = text(_as(client, "mgr").post(f"/team/cover/{cover.pk}/end/", follow=True))
    assert "Cover of Priya Sharma's cases by Tom Baker ended." in page and "No cover arranged." in page
    cover.refresh_from_db()
    assert cover.ends_on == day - timedelta(days=1)  # the days already covered stay on record
    assert "20/BH/00001/25" not in text(_as(client, "cpo2").get("/worklist/"))


def test_ending_planned_cover_withdraws_it_and_ending_again_says_so(client, hub):
    day = timezone.localdate()
    _cover(_as(client, "mgr"), starts=day + timedelta(days=7), ends=day + timedelta(days=9))
    pk = Cover.objects.get().pk
    assert "ended." in text(client.post(f"/team/cover/{pk}/end/", follow=True))
    assert not Cover.objects.exists()
    assert "That cover has already ended." in text(client.post(f"/team/cover/{pk}/end/", follow=True))


def test_ending_cover_that_already_ended_says_so_and_changes_nothing(client, hub):
    day = timezone.localdate()
    past = Cover.objects.create(absent=User.objects.get(username="cpo"), deputy=User.objects.get(username="cpo2"),
                                starts_on=day - timedelta(days=30), ends_on=day - timedelta(days=20), reason="Leave")
    page = text(_as(client, "mgr").post(f"/team/cover/{past.pk}/end/", follow=True))
    assert "That cover has already ended." in page
    past.refresh_from_db()
    assert past.ends_on == day - timedelta(days=20)
