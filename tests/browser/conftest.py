"""Browser journeys: Playwright driving Debian's Chromium (never a downloaded browser).

Without /usr/bin/chromium these tests are skipped with a clear reason, unless
CASEWORK_REQUIRE_BROWSER=1 (as in CI), when a missing browser is a failure.

`people` (three cases of the test hub and the people who work on them) and `sign_in` are shared by
the accessibility checks and the journeys that use the same cases.
"""

import json
import os
import shutil
from datetime import date

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CASEWORK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PASSWORD = "correct-horse-battery-9"  # every browser test user's
CASE = "20BH0456725"  # the sample case: charged, its file open to the case progression officer
PRE_CHARGE = "20BH0000125"  # waiting for pre-charge gatekeeping
RETURNED = "20BH0000225"  # its file returned to the officer in the case, with feedback


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CASEWORK_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium is required for browser tests but {CHROMIUM} does not exist.")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def people(units, sample_doc, today):
    """Three cases of the test hub, its case progression officer (cpo), their officer in the case
    (pc.jones1234, from the sample), its hub manager (manager), its witness care officer (wco) and
    an auditor with an authenticator app. The sample case's first hearing was on Fri 7 Mar 2025
    (a not guilty plea), so March 2025 has figures to report."""
    from casework.accounts.services import totp_enrol
    from casework.cases.models import Case
    from casework.cases.partner_requests import partner_request_log
    from casework.interchange.services import Importer
    from casework.people.constants import Role
    from casework.people.models import User
    from casework.reference.services import reference_data_load
    from casework.reviews.services import file_return_to_oic

    reference_data_load()  # transactional tests start from an empty database
    importer = Importer(today=today)

    def add(urn, forenames, surname, plea_on=None, **case):
        doc = json.loads(json.dumps(sample_doc))
        if plea_on:
            doc["hearings"][0].update(starts_at=f"{plea_on}T10:00:00Z", outcome="not_guilty_plea")
        doc["case"].update(urn=urn, **case)
        doc["defendants"][0].update(forenames=forenames, surname=surname)
        if case.get("stage") == "pre_charge":  # in custody, waiting for a charging decision
            doc["hearings"], doc["decisions"], doc["action_plans"] = [], [], []
            doc["defendants"][0]["status"] = "police_custody"
            for offence in doc["defendants"][0]["offences"]:
                offence.update(status="proposed", charge_date=None)
        assert importer.import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"

    add(CASE, "Liam", "Carter", plea_on="2025-03-07")  # a not guilty plea: the victim's needs are owed
    add(PRE_CHARGE, "Daniel", "Hughes", stage="pre_charge", charging_category="red")
    add(RETURNED, "Kyle", "Bennett")

    cpo = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"], first_name="Priya",
               last_name="Sharma")
    auditor = User(username="auditor", role=Role.AUDITOR, first_name="Sam", last_name="Okafor")
    manager = User(username="manager", role=Role.HUB_MANAGER, unit=units["hub"], first_name="Hana",
                   last_name="Lewis")
    wco = User(username="wco", role=Role.WITNESS_CARE, unit=units["hub"], first_name="Aisha", last_name="Begum")
    for user in (cpo, auditor, manager, wco):
        user.set_password(PASSWORD)
        user.save()
    totp_enrol(auditor)  # auditors must use two-factor authentication
    officer = User.objects.get(username="pc.jones1234")
    officer.is_active = True
    officer.set_password(PASSWORD)
    officer.save()
    Case.objects.exclude(urn=PRE_CHARGE).update(caseworker=cpo)  # the pre-charge file waits in intake
    partner_request_log(case=Case.objects.get(urn=CASE), actor=cpo, partner="cps", subject="Send the full BWV footage",
                        priority="urgent", due_date=date(2030, 1, 10))
    file_return_to_oic(case=Case.objects.get(urn=RETURNED), actor=cpo, rule_ids=[],
                       feedback="Please attach the DA checklist signed by the victim, and sign the MG5.")
    return {"cpo": cpo, "auditor": auditor, "pc.jones1234": officer, "manager": manager, "wco": wco}


def sign_in(page, base_url, user, *, give_code=True):
    """Sign `user` in (with their authenticator code if they are an auditor, unless give_code is
    False) and wait for the signed-in page."""
    from casework.accounts.services import totp_current_code
    from casework.people.constants import Role

    page.goto(f"{base_url}/login/")
    page.get_by_label("User name").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if user.role == Role.AUDITOR:
        expect(page.get_by_label("Security code")).to_be_visible()
        if not give_code:
            return
        page.get_by_label("Security code").fill(totp_current_code(user))
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
