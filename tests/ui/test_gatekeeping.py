"""Pre-charge gatekeeping: the hub's queue of files before the CPS, by priority, with who may
charge and what is missing; accept and send to the CPS, or return to the officer."""

import json

import pytest

from casework.cases.models import FileSubmission
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"


@pytest.fixture
def queue(units, sample_doc, today):
    importer = Importer(today=today)

    def add(urn, category, *, pending=False):
        doc = json.loads(json.dumps(sample_doc))
        doc["case"].update(urn=urn, stage="pre_charge", charging_category=category)
        for d in doc["defendants"]:
            for o in d["offences"]:
                o.update(status="proposed", charge_date=None, charging_authority=None, code_test=None)
            d["status"] = "pre_charge_bail"
        doc["decisions"], doc["action_plans"], doc["hearings"] = [], [], []
        doc["submissions"][0]["outcome"] = "pending" if pending else "non_compliant"
        doc["submissions"][0]["charging_category"] = category
        assert importer.import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"

    add("20BH0000125", "green")
    add("20BH0000225", "red")
    add("20BH0000325", "green_priority", pending=True)  # with the CPS already: not in the queue
    cpo = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"])
    cpo.set_password(PASSWORD)
    cpo.save()
    return cpo


def test_queue_lists_waiting_files_by_priority_with_charging_decision_and_missing_material(client, queue):
    client.login(username="cpo", password=PASSWORD)
    html = client.get("/gatekeeping/").content.decode()
    assert "2 files." in html and "20/BH/00003/25" not in html
    assert html.index("20/BH/00002/25") < html.index("20/BH/00001/25")  # red before green
    assert "CPS decision required:</strong> A CPS decision is required because it is domestic abuse" in html
    assert "Missing: domestic abuse evidence-gathering checklist." in html


def test_accepting_sends_the_file_to_the_cps_and_it_leaves_the_queue(client, queue):
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0000125/submit/", {"revision": 1})
    sent = FileSubmission.objects.get(case__urn="20BH0000125", outcome="pending")
    assert sent.file_type == "PC-STD"
    assert "20/BH/00001/25" not in client.get("/gatekeeping/").content.decode()


def test_officers_cannot_open_the_queue(client, queue):
    officer = User.objects.get(username="pc.jones1234")
    officer.is_active = True
    officer.set_password(PASSWORD)
    officer.save()
    client.login(username="pc.jones1234", password=PASSWORD)
    assert client.get("/gatekeeping/").status_code == 403
