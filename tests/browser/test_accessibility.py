"""Accessibility of the main pages, checked in Chromium with axe-core, and their screenshots.

Each page is loaded as the person who uses it, checked against WCAG 2.0, 2.1 and 2.2 A and AA
with axe-core (the copy committed in tests/browser/vendor/, so no Node is needed), and saved as a
full-page screenshot in docs/screenshots/ for the README. A serious or critical violation fails
the test and names the rule, what it asks for and the elements that break it.
"""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CASE, RETURNED, sign_in

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
AXE = HERE / "vendor" / "axe.min.js"
SCREENSHOTS = REPO / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}
FAILING_IMPACTS = ("serious", "critical")

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
    ("performance", "manager", "/reports/?month=2025-03", "Performance: March 2025"),
    # The cases behind a figure: the sample case's first hearing (7 Mar 2025, a not guilty plea).
    ("performance-cases", "manager", "/reports/cases/?month=2025-03&measure=guilty_plea_first_hearing",
     "Guilty pleas at the first hearing"),
]


@pytest.fixture
def page(browser):
    """A page at 1280 x 800 whose context ignores the app's Content Security Policy, which would
    (rightly) refuse the <script> that injects axe. Pages look and work the same without it;
    tests/accounts/test_browser.py checks that the policy blocks nothing they need."""
    context = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
    yield context.new_page()
    context.close()


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
        sign_in(page, live_server.url, people[username], give_code=name != "security-code")
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
