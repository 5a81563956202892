"""The workbench pages and actions per role: intake and assigning, reassign and cover, witness care,
partner requests and restriction. Expectations are written out here, not read from the permission
table, so a wrong entry in the table fails a test."""

import json

import pytest

from casework.accounts.services import totp_enrol
from casework.audit.models import CaseChange
from casework.cases.models import Case, ContactEntry, PartnerRequest
from casework.interchange.services import Importer
from casework.people.constants import Role, UnitKind
from casework.people.models import Cover, Unit, User
from tests.accounts.helpers import verify_session

pytestmark = pytest.mark.django_db
URN = "20BH0456725"
R = Role

# Role: (intake, reassign and cover, witness care queue, partner requests inbox) — 200 or 403.
PAGES = {
    R.CASEWORKER: (200, 403, 200, 200),
    R.HUB_MANAGER: (200, 200, 200, 200),
    R.OIC: (403, 403, 403, 403),
    R.SUPERVISOR: (403, 403, 403, 403),
    R.WITNESS_CARE: (403, 403, 200, 200),
    R.CPS_LIAISON: (403, 403, 403, 403),
    R.AUDITOR: (403, 403, 403, 403),
    R.ADMINISTRATOR: (200, 200, 200, 200),
}
# Role: the actions it may take — assign, cover, witness care, requests, restrict.
ACTIONS = {
    R.CASEWORKER: {"assign", "witness_care", "requests"},
    R.HUB_MANAGER: {"assign", "cover", "witness_care", "requests", "restrict"},
    R.OIC: set(),
    R.SUPERVISOR: set(),
    R.WITNESS_CARE: {"witness_care", "requests"},
    R.CPS_LIAISON: set(),
    R.AUDITOR: set(),
    R.ADMINISTRATOR: {"assign", "cover", "witness_care", "requests", "restrict"},
}


@pytest.fixture
def people(units, sample_doc, today):
    """The sample case in the test hub, and one user of each role (hub roles in that hub; the
    officer and supervisor named on the case)."""
    assert Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json").status == "created"
    people = {}
    for role in PAGES:
        unit = units["hub"] if role in (R.CASEWORKER, R.HUB_MANAGER, R.WITNESS_CARE) else None
        user = User.objects.create(username=f"u-{role}", role=role, unit=unit, first_name="Test", last_name=role)
        if role in (R.ADMINISTRATOR, R.AUDITOR):
            totp_enrol(user)
        people[role] = user
    Case.objects.update(oic=people[R.OIC], supervisor=people[R.SUPERVISOR])
    return people


def _as(client, user):
    client.force_login(user)
    return verify_session(client)


@pytest.mark.parametrize("role", list(PAGES), ids=[str(r) for r in PAGES])
def test_workbench_pages_per_role(client, people, role):
    _as(client, people[role])
    got = tuple(client.get(url).status_code for url in ("/intake/", "/team/", "/witness-care/", "/requests/"))
    assert got == PAGES[role]
    nav = client.get("/worklist/").content.decode()
    shown = tuple(f'href="{url}"' in nav for url in ("/intake/", "/team/", "/witness-care/", "/requests/"))
    assert shown == tuple(status == 200 for status in PAGES[role])  # a link only to what the role may open


@pytest.mark.parametrize("role", list(ACTIONS), ids=[str(r) for r in ACTIONS])
def test_workbench_actions_per_role(client, people, role):
    _as(client, people[role])
    cpo, manager = people[R.CASEWORKER], people[R.HUB_MANAGER]
    posts = {
        "assign": ("/assign/", {"urn": URN, "caseworker": cpo.pk}),
        "cover": ("/team/cover/", {"absent": cpo.pk, "deputy": manager.pk, "starts_on": "2030-03-01",
                                   "ends_on": "2030-03-08", "reason": "Annual leave"}),
        "witness_care": ("/witness-care/record/", {"urn": URN, "kind": "update", "subject_ref": "W1",
                                                   "outcome": "done", "note": "Told of the hearing."}),
        "requests": ("/requests/new/", {"urn": URN, "partner": "court", "subject": "Confirm the trial estimate",
                                        "due_date": "2030-04-01"}),
        "restrict": (f"/cases/{URN}/restriction/", {"restricted": "1", "reason": "Suspect is a serving officer.",
                                                     "named": ""}),  # last: it closes the case to the hub
    }
    for action, (url, data) in posts.items():
        expected = 302 if action in ACTIONS[role] else 403
        assert client.post(url, data).status_code == expected, action
    done = {
        "assign": Case.objects.get().caseworker_id == cpo.pk,
        "cover": Cover.objects.exists(),
        "witness_care": ContactEntry.objects.exists(),
        "requests": PartnerRequest.objects.exists(),
        "restrict": Case.objects.get().restricted,
    }
    assert {a for a, happened in done.items() if happened} == ACTIONS[role]
    assert CaseChange.objects.exclude(change="case.created").exists() == bool(ACTIONS[role])


def test_a_case_of_another_hub_is_not_found_for_the_workbench(client, people, units):
    other = Unit.objects.create(code="HUB-B", name="Hub B", kind=UnitKind.HUB, parent=units["force"])
    stranger = User.objects.create(username="cpo-b", role=R.CASEWORKER, unit=other, first_name="Bea", last_name="B")
    _as(client, stranger)
    assert "20/BH/04567/25" not in client.get("/intake/").content.decode()
    assert client.post("/assign/", {"urn": URN, "caseworker": stranger.pk}).status_code == 404
    assert client.post("/witness-care/record/", {"urn": URN, "kind": "update", "subject_ref": "W1",
                                                 "outcome": "done", "note": "Told."}).status_code == 404
    page = client.post("/requests/new/", {"urn": URN, "partner": "cps", "subject": "Send the MG6 please",
                                          "due_date": "2030-04-01"}, follow=True).content.decode()
    assert f"No case with URN {URN} that you can see" in page
    assert Case.objects.get().caseworker is None and not PartnerRequest.objects.exists()


def test_a_hub_manager_cannot_arrange_cover_for_people_outside_their_hubs(client, people, units):
    other = Unit.objects.create(code="HUB-B", name="Hub B", kind=UnitKind.HUB, parent=units["force"])
    stranger = User.objects.create(username="cpo-b", role=R.CASEWORKER, unit=other, first_name="Bea", last_name="B")
    _as(client, people[R.HUB_MANAGER])
    assert "Bea B" not in client.get("/team/").content.decode()
    page = client.post("/team/cover/", {"absent": stranger.pk, "deputy": people[R.CASEWORKER].pk,
                                        "starts_on": "2030-03-01", "ends_on": "2030-03-08", "reason": "Leave"},
                       follow=True).content.decode()
    assert "Choose who is away." in page and not Cover.objects.exists()
