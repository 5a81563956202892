"""The contact log: contacts are recorded on the case, and telling a victim of the latest
decisions and results meets their Victims' Code update deadline."""

import json

import pytest

from casework.cases.models import Case, ContactEntry
from casework.deadlines.models import CaseDeadline
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def case(units, sample_doc, today):
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    for username, role in (("wc", Role.WITNESS_CARE), ("cps", Role.CPS_LIAISON)):
        user = User(username=username, role=role, unit=units["hub"])
        user.set_password(PASSWORD)
        user.save()
    return Case.objects.get()


def test_telling_the_victim_meets_the_victims_code_deadline(client, case):
    assert not CaseDeadline.objects.get(kind="DEADLINE.VICTIMS_CODE.UPDATE", subject_ref="W1").done
    client.login(username="wc", password=PASSWORD)
    html = client.post("/cases/20BH0456725/contacts/new/", {
        "revision": case.revision, "party": "victim", "witness": "W1", "direction": "out", "channel": "phone",
        "summary": "Told Jane of the charge and the first hearing date.", "told_of_progress": "1"},
        follow=True).content.decode()
    assert "Contact recorded." in html and "Told Jane of the charge and the first hearing date." in html
    entry = ContactEntry.objects.get()
    assert entry.ref == "CT1" and entry.witness.ref == "W1" and entry.told_of_progress
    assert not CaseDeadline.objects.filter(kind="DEADLINE.VICTIMS_CODE.UPDATE", subject_ref="W1").exists()


def test_a_contact_needs_its_details_and_read_only_roles_cannot_record(client, case):
    client.login(username="wc", password=PASSWORD)
    html = client.post("/cases/20BH0456725/contacts/new/", {
        "revision": case.revision, "party": "victim", "direction": "in", "channel": "phone",
        "summary": "Asked about the hearing.", "told_of_progress": "1"}, follow=True).content.decode()
    assert "Choose which victim or witness was told" in html and not ContactEntry.objects.exists()
    client.logout()
    client.login(username="cps", password=PASSWORD)
    assert client.post("/cases/20BH0456725/contacts/new/", {
        "revision": case.revision, "party": "cps", "direction": "in", "channel": "email",
        "summary": "Query about the MG5."}).status_code == 403


def test_contacts_travel_in_the_case_file(client, case):
    from django.utils import timezone

    from casework.interchange.services import casefile_export_text

    client.login(username="wc", password=PASSWORD)
    client.post("/cases/20BH0456725/contacts/new/", {
        "revision": case.revision, "party": "witness", "witness": "W2", "direction": "in", "channel": "email",
        "summary": "Asked whether she must attend court."})
    text = casefile_export_text(Case.objects.get())
    assert json.loads(text)["contacts"][0]["witness"] == "W2"
    Case.objects.all().delete()
    outcome = Importer(today=timezone.localdate()).import_bytes(text.encode(), "c.json")
    assert outcome.status == "created", outcome.problems
    assert casefile_export_text(Case.objects.get()) == text
