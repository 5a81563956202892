"""A new user's first minutes: sign in, find a case, open it."""

import json

import pytest
from playwright.sync_api import expect

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
    expect(page.get_by_text("Enter a correct user name and password")).to_be_visible()

    page.get_by_label("Password").fill("correct-horse-battery-9")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/cases/")
    expect(page.get_by_role("heading", name="Cases")).to_be_visible()

    page.get_by_label("Search by URN, name or ASN").fill("carter")
    page.get_by_role("button", name="Apply").click()
    page.get_by_role("link", name="20/BH/04567/25").click()

    expect(page.get_by_role("heading", name="Liam CARTER", exact=True)).to_be_visible()
    expect(page.get_by_text("Assault a person thereby occasioning them actual bodily harm")).to_be_visible()
    # GOV.UK Frontend's JavaScript ran (the page is enhanced, not broken).
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")


def test_return_to_the_officer_and_resubmit(page, live_server, caseworker):
    officer = User.objects.get(username="pc.jones1234")
    officer.is_active = True
    officer.set_password("correct-horse-battery-9")
    officer.save()

    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("cpo")
    page.get_by_label("Password").fill("correct-horse-battery-9")
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/cases/20BH0456725/#review-decision")
    feedback = page.get_by_label("Feedback (drafted from the findings: edit as you need)")
    assert "Please put these right and resubmit the file:" in feedback.input_value()
    feedback.fill(feedback.input_value() + "\nAlso attach the DA checklist signed by the victim.")
    page.get_by_role("button", name="Return to the officer").click()
    expect(page.get_by_text("File returned to the officer in the case with your feedback.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    page.get_by_label("User name").fill("pc.jones1234")
    page.get_by_label("Password").fill("correct-horse-battery-9")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Returned to you with feedback")).to_be_visible()
    page.get_by_role("link", name="20/BH/04567/25").first.click()
    expect(page.get_by_text("Also attach the DA checklist signed by the victim.")).to_be_visible()
    page.get_by_label("What you have put right (optional)").fill("Checklist attached.")
    page.get_by_role("button", name="Resubmit the file").click()
    expect(page.get_by_text("File resubmitted to the Criminal Justice Unit.")).to_be_visible()
    expect(page.get_by_text("resubmitted").first).to_be_visible()
