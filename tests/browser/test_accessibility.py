"""Accessibility of the main pages, checked in Chromium with axe-core, and their screenshots.

Each page is loaded as the person who uses it, checked against WCAG 2.0, 2.1 and 2.2 A and AA
with axe-core (the copy committed in tests/browser/vendor/, so no Node is needed), and saved as a
full-page screenshot in docs/screenshots/ for the README. A serious or critical violation fails
the test and names the rule, what it asks for and the elements that break it.
"""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from casework.accounts.services import totp_current_code, totp_enrol
from casework.cases.models import Case
from casework.cases.partner_requests import partner_request_log
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User
from casework.reviews.services import file_return_to_oic

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
AXE = HERE / "vendor" / "axe.min.js"
SCREENSHOTS = REPO / "docs" / "screenshots"
PASSWORD = "correct-horse-battery-9"
VIEWPORT = {"width": 1280, "height": 800}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
FAILING_IMPACTS = ("serious", "critical")

CASE = "20BH0456725"  # the sample case: charged, its file open to the case progression officer
PRE_CHARGE = "20BH0000125"  # waiting for pre-charge gatekeeping
RETURNED = "20BH0000225"  # its file returned to the officer in the case, with feedback

# name (of the screenshot), who signs in, address, the page's main heading
PAGES = [
    ("sign-in", None, "/login/", "Sign in to Casework"),
    ("security-code", "auditor", "/login/code/", "Enter your security code"),
    ("my-cases", "cpo", "/worklist/", "My cases"),
    ("team-worklist", "cpo", "/worklist/team/", "Team worklist"),
    ("workload", "cpo", "/worklist/workload/", "Workload"),
    ("case-list", "cpo", "/cases/", "Cases"),
    ("case", "cpo", f"/cases/{CASE}/", "Liam CARTER"),
    ("gatekeeping", "cpo", "/gatekeeping/", "Pre-charge gatekeeping"),
    ("access-log", "auditor", "/audit/access-log/", "Access log"),
    ("officer-my-cases", "pc.jones1234", "/worklist/", "My cases"),
    ("officer-case", "pc.jones1234", f"/cases/{RETURNED}/", "Kyle BENNETT"),
    ("intake", "cpo", "/intake/", "Intake"),
    ("reassign-and-cover", "manager", "/team/", "Reassign and cover"),
    ("witness-care", "wco", "/witness-care/", "Witness care"),
    ("partner-requests", "cpo", "/requests/", "Partner requests"),
]


@pytest.fixture
def people(units, sample_doc, today):
    """Three cases of the test hub, its case progression officer (cpo), their officer in the case
    (pc.jones1234, from the sample) and an auditor with an authenticator app."""
    from casework.reference.services import reference_data_load

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


@pytest.fixture
def page(browser):
    """A page at 1280 x 800 whose context ignores the app's Content Security Policy, which would
    (rightly) refuse the <script> that injects axe. Pages look and work the same without it;
    tests/accounts/test_browser.py checks that the policy blocks nothing they need."""
    context = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
    yield context.new_page()
    context.close()


def _sign_in(page, base_url, user, *, give_code=True):
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


def _violations_text(violations) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            target = " >> ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            lines.append(f"    at {target}")
            lines.append(f"       {node['html'][:300]}")
    return "\n".join(lines)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("name", "username", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_page_has_no_serious_accessibility_violations(page, live_server, people, name, username, path,
                                                       heading):
    if username is not None:
        _sign_in(page, live_server.url, people[username], give_code=name != "security-code")
    if name != "security-code":  # there already: the code is asked for straight after the password
        page.goto(f"{live_server.url}{path}")
    expect(page).to_have_url(re.compile(re.escape(path) + r"(\?.*)?$"))
    expect(page.get_by_role("heading", level=1, name=heading, exact=True)).to_be_visible()
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True, animations="disabled")

    page.add_script_tag(path=AXE)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    failing = [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]
    assert not failing, (f"{name} ({path}) has {len(failing)} serious or critical accessibility "
                         f"violation(s):\n{_violations_text(failing)}")


def test_the_committed_axe_core_is_the_version_pinned_in_package_json():
    package = json.loads((REPO / "frontend" / "package.json").read_text())
    pinned = package["devDependencies"]["axe-core"]
    with AXE.open(encoding="utf-8") as f:
        header = f.readline()
    assert header.strip() == f"/*! axe v{pinned}", (
        f"tests/browser/vendor/axe.min.js is not axe-core {pinned}: refresh it as "
        "tests/browser/vendor/README.md says")
