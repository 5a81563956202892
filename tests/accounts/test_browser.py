"""In a real browser (Debian's Chromium): the Content Security Policy blocks nothing the pages
need, GOV.UK Frontend still starts, and an administrator sets up and uses two-factor
authentication."""

import json
import os
import threading
import time

import pyotp
import pytest
from playwright.sync_api import expect

from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User
from tests.browser.conftest import ARGS, CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def people(units, sample_doc, today):
    from casework.reference.services import reference_data_load

    reference_data_load()  # transactional tests start from an empty database
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    made = {}
    for username, role, unit in (("cpo", Role.CASEWORKER, units["hub"]),
                                 ("admin", Role.ADMINISTRATOR, None)):
        user = User(username=username, role=role, unit=unit, first_name="Test", last_name="User",
                    is_staff=role == Role.ADMINISTRATOR, is_superuser=role == Role.ADMINISTRATOR)
        user.set_password(PASSWORD)
        user.save()
        made[username] = user
    return made


def _in_chromium(steps):
    """Run steps(page, problems) in Chromium, on a thread of its own: Playwright's sync API runs
    one instance per thread, and tests/browser's session-wide one may hold this thread already.
    `problems` collects console errors and CSP violations (bar the admin site's missing
    /favicon.ico, which it does not link)."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CASEWORK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required for browser tests but {CHROMIUM} does not exist.")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    outcome = {}

    def run():
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                try:
                    page = browser.new_context().new_page()
                    problems = []
                    page.on("console", lambda m: problems.append(m.text)
                            if m.type == "error" and "status of 404" not in m.text else None)
                    page.on("pageerror", lambda e: problems.append(str(e)))
                    page.add_init_script(
                        "document.addEventListener('securitypolicyviolation', e => console.error("
                        "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))")
                    steps(page, problems)
                finally:
                    browser.close()
        except BaseException as e:  # noqa: BLE001 — re-raised in the test's own thread
            outcome["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout=180)
    assert not thread.is_alive(), "the browser steps did not finish in 3 minutes"
    if "error" in outcome:
        raise outcome["error"]


def _sign_in(page, url, username):
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_pages_work_under_the_policy(live_server, people):
    _in_chromium(lambda page, console: _caseworker_pages(page, console, live_server))


def _caseworker_pages(page, console, live_server):
    page.goto(f"{live_server.url}/cases/")
    _sign_in(page, live_server.url, "cpo")
    page.wait_for_url(f"{live_server.url}/cases/")
    assert "govuk-frontend-supported" in page.locator("body").get_attribute("class")
    page.get_by_role("link", name="20/BH/04567/25").click()
    page.wait_for_url(f"{live_server.url}/cases/20BH0456725/")
    expect(page.get_by_role("heading", name="Liam CARTER", exact=True)).to_be_visible()
    page.goto(f"{live_server.url}/account/")
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    page.goto(f"{live_server.url}/account/two-factor/set-up/")
    expect(page.locator("svg.cw-totp-qr")).to_be_visible()
    # GOV.UK Frontend's JavaScript ran: the details component opens.
    page.get_by_text("I cannot scan the QR code").click()
    expect(page.locator("#totp-secret")).to_be_visible()
    assert console == []


def test_an_administrator_sets_up_two_factor_then_signs_in_with_a_code(live_server, people):
    _in_chromium(lambda page, console: _administrator_two_factor(page, console, live_server))


def _administrator_two_factor(page, console, live_server):
    page.goto(f"{live_server.url}/admin/")
    assert page.url.startswith(f"{live_server.url}/login/")
    _sign_in(page, live_server.url, "admin")
    page.wait_for_url(f"{live_server.url}/account/two-factor/set-up/**")
    expect(page.get_by_text("Administrators and auditors must set up two-factor authentication")).to_be_visible()
    page.get_by_text("I cannot scan the QR code").click()
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    page.get_by_label("Security code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Turn on two-factor authentication").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
    page.goto(f"{live_server.url}/admin/reference/offencecode/?q=TH68010")
    expect(page.get_by_text("Theft from a shop").first).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    page.goto(f"{live_server.url}/cases/")
    _sign_in(page, live_server.url, "admin")
    page.wait_for_url(f"{live_server.url}/login/code/**")
    page.get_by_label("Security code").fill(pyotp.TOTP(secret).at(time.time() + 30))  # the next code: the current one was used
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/cases/")
    expect(page.get_by_role("heading", name="Cases")).to_be_visible()
    assert console == []
