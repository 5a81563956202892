"""The pages a new user meets: health check, sign-in, the case list and a case."""

import json

import pytest
from django.urls import reverse

from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def imported(units, sample_doc, today):
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")


def _user(username, role, unit=None):
    user = User(username=username, role=role, unit=unit, first_name="Test", last_name=username)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["database"] == "ok"


def test_pages_need_sign_in(client):
    response = client.get("/cases/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_sign_in_page_shows_force_name_and_protective_marking_and_no_crown(client):
    html = client.get("/login/").content.decode()
    assert "West Midlands Police" in html
    assert html.count("OFFICIAL-SENSITIVE") == 2  # top and bottom of every page
    assert "govuk-header__logotype" not in html and "crown" not in html.lower()


def test_wrong_password_is_refused_with_a_clear_message(client, units):
    _user("cpo", Role.CASEWORKER, units["hub"])
    response = client.post("/login/", {"username": "cpo", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct user name and password" in response.content.decode()


def test_caseworker_signs_in_and_sees_the_hubs_cases(client, units, imported):
    _user("cpo", Role.CASEWORKER, units["hub"])
    response = client.post("/login/", {"username": "cpo", "password": PASSWORD}, follow=True)
    assert response.status_code == 200 and "My cases" in response.content.decode()  # lands on the worklist
    html = client.get("/cases/").content.decode()
    assert "20/BH/04567/25" in html and "Liam CARTER" in html

    case = client.get(reverse("ui:case_detail", args=["20BH0456725"])).content.decode()
    assert "Assault a person thereby occasioning them actual bodily harm" in case
    assert "Jane DOE" in case and "Case file a.json" not in case
    assert "Case 20/BH/04567/25 created from file a.json." in case


def test_search_finds_a_case_by_surname_and_by_asn(client, units, imported):
    _user("cpo", Role.CASEWORKER, units["hub"])
    client.login(username="cpo", password=PASSWORD)
    assert "20/BH/04567/25" in client.get("/cases/?q=carter").content.decode()
    assert "20/BH/04567/25" in client.get("/cases/?q=1101ZD0100000448754K").content.decode()
    assert "No cases match" in client.get("/cases/?q=nobody").content.decode()


def test_a_case_outside_your_scope_is_not_found(client, units, imported):
    from casework.people.models import Unit

    elsewhere = Unit.objects.create(code="HUB-OTHER", name="Other hub", kind="hub")
    _user("other", Role.CASEWORKER, elsewhere)
    client.login(username="other", password=PASSWORD)
    assert client.get("/cases/20BH0456725/").status_code == 404
    assert "20/BH/04567/25" not in client.get("/cases/").content.decode()


def test_an_officer_sees_only_cases_they_are_named_on(client, units, imported):
    from casework.cases.models import Case

    oic = User.objects.get(username="pc.jones1234")
    oic.set_password(PASSWORD)
    oic.is_active = True
    oic.save()
    client.login(username="pc.jones1234", password=PASSWORD)
    assert client.get("/cases/20BH0456725/").status_code == 200
    from casework.cases.models import ActionPlanItem

    Case.objects.update(oic=None, supervisor=None)
    assert client.get("/cases/20BH0456725/").status_code == 200  # still owns a CPS action plan item
    ActionPlanItem.objects.update(owner=None)
    assert client.get("/cases/20BH0456725/").status_code == 404


def test_case_page_lists_deadlines_most_urgent_first_with_their_basis(client, units, sample_doc):
    from datetime import date

    from casework.cases.models import Case
    from casework.deadlines.services import case_deadlines_recompute

    sample_doc["hearings"][0]["starts_at"] = "2026-12-21T10:00:00Z"
    sample_doc["action_plans"][0]["items"][0]["due_date"] = "2026-11-01"
    Importer(today=date(2026, 11, 22)).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    case_deadlines_recompute(case_ids=[Case.objects.get().pk], today=date(2026, 11, 22))
    _user("cpo", Role.CASEWORKER, units["hub"])
    client.login(username="cpo", password=PASSWORD)
    html = client.get("/cases/20BH0456725/").content.decode()
    panel = html[html.index('id="deadlines"'):html.index('id="file-quality"')]
    assert "Expired" in panel and "CPS action plan item due" in panel
    assert "Set by the CPS action plan A1: due Sun 1 Nov 2026." in panel
    # Done items are listed apart: the charged file went to the CPS on time.
    assert panel.index("CPS action plan item due") < panel.index("Met or done")


def test_a_refusal_is_a_plain_page_not_a_bare_error(client, units):
    _user("oic-x", Role.OIC)
    client.login(username="oic-x", password=PASSWORD)
    response = client.get("/gatekeeping/")
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do that" in html and "OFFICIAL-SENSITIVE" in html
