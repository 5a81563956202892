"""The day's work in the browser, one role at a time: the caseworker clears the file review and
sends it to the CPS; pre-charge gatekeeping; a CPS action plan the officer answers; a needs
assessment from the witness care queue; a new file taken from the intake queue; a partner
request logged and answered; a case restricted to named people."""

import json

import pytest
from playwright.sync_api import expect

from casework.cases.models import Case, PartnerRequest, Task
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-9"
CASE = "20BH0456725"
PRE_CHARGE = "20BH0000125"
NEW_FILE = "20BH0000325"


@pytest.fixture
def hub(units, sample_doc, today):
    """The sample case (a not guilty plea on Fri 7 Mar 2025, so its victim W1 is owed a needs
    assessment), a red pre-charge file without its MG3, a new file nobody has yet, and the hub's
    people."""
    from casework.reference.services import reference_data_load

    reference_data_load()  # transactional tests start from an empty database
    importer = Importer(today=today)

    def add(urn, surname, change=None):
        doc = json.loads(json.dumps(sample_doc))
        doc["case"]["urn"] = urn
        doc["defendants"][0]["surname"] = surname
        if change:
            change(doc)
        assert importer.import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"

    def not_guilty(doc):
        doc["hearings"][0].update(starts_at="2025-03-07T10:00:00Z", outcome="not_guilty_plea")

    def pre_charge(doc):
        doc["case"].update(stage="pre_charge", charging_category="red")
        doc["hearings"], doc["decisions"], doc["action_plans"] = [], [], []
        doc["defendants"][0]["status"] = "police_custody"
        for offence in doc["defendants"][0]["offences"]:
            offence.update(status="proposed", charge_date=None)
        doc["materials"] = [m for m in doc["materials"] if m["type"] != "MG3"]  # a blocker: no MG3

    add(CASE, "Carter", not_guilty)
    add(PRE_CHARGE, "Hughes", pre_charge)
    add(NEW_FILE, "Walsh")
    people = {}
    for username, role, first, last in (("cpo", Role.CASEWORKER, "Priya", "Sharma"),
                                        ("cpo2", Role.CASEWORKER, "Tom", "Reid"),
                                        ("manager", Role.HUB_MANAGER, "Hana", "Lewis"),
                                        ("wco", Role.WITNESS_CARE, "Aisha", "Begum")):
        user = User(username=username, role=role, unit=units["hub"], first_name=first, last_name=last)
        user.set_password(PASSWORD)
        user.save()
        people[username] = user
    Case.objects.exclude(urn=NEW_FILE).update(caseworker=people["cpo"])
    officer = User.objects.get(username="pc.jones1234")
    officer.is_active = True
    officer.set_password(PASSWORD)
    officer.save()
    return people


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("User name")).to_be_visible()


def test_caseworker_sets_blockers_aside_and_submits_to_the_cps(page, live_server, hub):
    sign_in(page, live_server, "cpo")
    page.goto(f"{live_server.url}/cases/{PRE_CHARGE}/")
    submit = page.get_by_role("button", name="Submit to the CPS")
    expect(submit).to_be_disabled()  # blockers remain
    blockers = page.locator(".cw-finding", has=page.locator(".govuk-tag", has_text="Blocker"))
    for _ in range(blockers.count()):
        finding = blockers.first
        finding.get_by_text("Set this finding aside").click()
        finding.get_by_label("Reason (reported to managers)").fill("Supplied on paper with the file; checked.")
        finding.get_by_role("button", name="Set aside").click()
        expect(page.get_by_text("Finding set aside.")).to_be_visible()
    expect(blockers).to_have_count(0)
    page.get_by_role("button", name="Submit to the CPS").click()
    expect(page.get_by_text("File submitted to the CPS.")).to_be_visible()
    expect(page.get_by_text("submitted to the CPS").first).to_be_visible()  # on the timeline


def test_gatekeeping_shows_the_red_file_and_returns_it_to_the_officer(page, live_server, hub):
    sign_in(page, live_server, "cpo")
    page.get_by_role("link", name="Pre-charge gatekeeping").click()
    row = page.locator(".cw-finding", has_text="20/BH/00001/25")
    expect(row.get_by_text("Red (custody)")).to_be_visible()
    expect(row.get_by_text("CPS decision required")).to_be_visible()
    expect(row.get_by_text("MG3")).to_be_visible()  # missing material
    expect(row.get_by_role("button", name="Accept and send to the CPS")).to_be_disabled()
    row.get_by_role("link", name="Return to the officer…").click()
    page.get_by_label("Feedback (drafted from the findings: edit as you need)").fill(
        "The MG3 needs the custody clock times; please add them and resubmit.")
    page.get_by_role("button", name="Return to the officer").click()
    expect(page.get_by_text("File returned to the officer in the case with your feedback.")).to_be_visible()
    page.get_by_role("link", name="Pre-charge gatekeeping").click()
    expect(page.locator(".cw-finding", has_text="20/BH/00001/25")).to_have_count(0)  # now with the officer


def test_action_plan_recorded_and_answered_by_the_officer(page, live_server, hub):
    sign_in(page, live_server, "cpo")
    page.goto(f"{live_server.url}/cases/{CASE}/#action-plans")
    page.get_by_text("Record a CPS action plan").click()
    page.get_by_label("Police should respond by (YYYY-MM-DD)").fill("2030-04-01")
    page.get_by_label("Action 1", exact=True).fill("Obtain the 999 call recording.")
    page.get_by_role("button", name="Record the action plan").click()
    expect(page.get_by_text("Action plan recorded.")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "pc.jones1234")
    actions = page.locator("table", has=page.get_by_text("Open CPS action plan items for you"))
    actions.get_by_role("link", name="20/BH/04567/25").first.click()
    page.get_by_label("What was done").first.fill("Recording exhibited as RJ3.")
    page.get_by_role("button", name="Mark done").first.click()
    expect(page.get_by_text("marked done.")).to_be_visible()
    expect(page.get_by_text("Recording exhibited as RJ3.").first).to_be_visible()


def test_witness_care_officer_records_a_needs_assessment(page, live_server, hub):
    sign_in(page, live_server, "wco")
    page.get_by_role("link", name="Witness care", exact=True).click()
    row = page.locator("tr", has_text="Needs assessment")
    expect(row).to_have_count(1)  # the victim W1; the police witness W2 is not assessed by Witness Care
    row.get_by_text("Record the outcome").click()
    row.get_by_label("Done", exact=True).check()
    row.get_by_label("Needs found").fill("Needs transport to court; screens requested.")
    page.evaluate("window.stillHere = true")  # htmx updates the queue in place: no page load
    row.get_by_role("button", name="Record").click()
    expect(page.get_by_text("Recorded for 20/BH/04567/25 W1.")).to_be_visible()
    expect(page.locator("#cw-messages [role=alert]")).to_be_focused()  # keyboard users are not lost
    expect(page.locator("tr", has_text="Needs assessment")).to_have_count(0)
    assert page.evaluate("window.stillHere") is True
    task = Task.objects.get(kind="needs_assessment")
    assert task.outcome == "done" and task.witness.needs == "Needs transport to court; screens requested."


def test_manager_assigns_a_new_file_and_arranges_cover(page, live_server, hub):
    sign_in(page, live_server, "manager")
    page.get_by_role("link", name="Intake").click()
    row = page.locator("tr", has_text="20/BH/00003/25")
    row.get_by_label("Case progression officer for 20/BH/00003/25").select_option(label="Tom Reid (0 open)")
    row.get_by_role("button", name="Assign").click()
    expect(page.get_by_text("Case 20/BH/00003/25 assigned to Tom Reid.")).to_be_visible()
    expect(page.get_by_text("Every open case has a case progression officer.")).to_be_visible()

    page.get_by_role("link", name="Reassign and cover").click()
    page.get_by_label("Who is away").select_option(label="Priya Sharma (2 open)")
    page.get_by_label("Who covers").select_option(label="Tom Reid (1 open)")
    page.get_by_label("Last day (YYYY-MM-DD)").fill("2099-12-31")
    page.get_by_label("Why").first.fill("Annual leave")
    page.get_by_role("button", name="Arrange cover").click()
    expect(page.get_by_text("Tom Reid covers Priya Sharma's cases")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "cpo2")
    expect(page.get_by_text("You are covering the cases of Priya Sharma")).to_be_visible()
    expect(page.get_by_role("link", name="20/BH/04567/25")).to_be_visible()


def test_partner_request_logged_and_answered(page, live_server, hub):
    sign_in(page, live_server, "cpo")
    page.get_by_role("link", name="Partner requests", exact=True).click()
    page.get_by_text("Log a request received by phone or email").click()
    page.get_by_label("URN").fill("20/BH/04567/25")
    page.get_by_label("Request from").select_option(label="Court")
    page.get_by_label("What is asked for").fill("Confirm the OIC's availability for the trial window")
    page.get_by_label("Priority").select_option(label="Urgent")
    page.get_by_label("Answer due (YYYY-MM-DD)").fill("2030-01-10")
    page.get_by_role("button", name="Log the request").click()
    expect(page.get_by_text("Request PR1 logged on 20/BH/04567/25.")).to_be_visible()
    page.evaluate("window.stillHere = true")
    page.get_by_label("From", exact=True).select_option(label="Witness Care Unit")  # filters as you choose
    expect(page.locator("#results").get_by_text("0 requests.")).to_be_visible()
    expect(page.locator("#cw-announce")).to_have_text("0 requests.")  # read out by screen readers
    page.get_by_label("From", exact=True).select_option(label="Court")
    expect(page.locator("#results").get_by_text("1 request.")).to_be_visible()
    assert page.evaluate("window.stillHere") is True
    row = page.locator("tr", has_text="Confirm the OIC's availability")
    row.get_by_label("Answer given").fill("PC Jones is available all of January.")
    row.get_by_role("button", name="Mark answered").click()
    expect(page.get_by_text("Request PR1 on 20/BH/04567/25 answered.")).to_be_visible()
    assert PartnerRequest.objects.get().status == "done"


def test_manager_restricts_a_case_to_named_people(page, live_server, hub):
    sign_in(page, live_server, "manager")
    page.goto(f"{live_server.url}/cases/{CASE}/")
    page.get_by_text("Change who can see this case").click()
    page.get_by_label("Restricted to the people named").check()
    page.get_by_label("Why (for example: the suspect is a police employee)").fill("The suspect is a police employee")
    page.get_by_label("People named on the case").fill("manager")
    page.get_by_role("button", name="Save who can see it").click()
    expect(page.get_by_text("Who can see this case is updated.")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "cpo2")  # same hub, not named: must give a reason to open it
    page.goto(f"{live_server.url}/cases/{CASE}/")
    expect(page.get_by_role("heading", name="This case is restricted")).to_be_visible()
