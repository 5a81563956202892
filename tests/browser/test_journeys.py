"""A new user's first minutes: sign in, find a case, open it."""

import json

import pytest

from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def caseworker(units, sample_doc, today):
    from casework.reference.services import reference_data_load

    reference_data_load()  # transactional tests start from an empty database
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    user = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"], first_name="Priya",
                last_name="Sharma")
    user.set_password("correct-horse-battery-9")
    user.save()
    return user


def test_caseworker_signs_in_searches_and_opens_a_case(page, live_server, caseworker):
    page.goto(f"{live_server.url}/cases/")
    assert page.url.startswith(f"{live_server.url}/login/")
    assert page.locator(".cw-protective-marking").first.inner_text() == "OFFICIAL-SENSITIVE"

    page.get_by_label("User name").fill("cpo")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_text("Enter a correct user name and password").is_visible()

    page.get_by_label("Password").fill("correct-horse-battery-9")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/cases/")
    assert page.get_by_role("heading", name="Cases").is_visible()

    page.get_by_label("Search by URN, name or ASN").fill("carter")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="20/BH/04567/25").click()

    assert page.get_by_role("heading", name="Liam CARTER", exact=True).is_visible()
    assert page.get_by_text("Assault a person thereby occasioning them actual bodily harm").is_visible()
    # GOV.UK Frontend's JavaScript ran (the page is enhanced, not broken).
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
