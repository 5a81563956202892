"""The file review loop: submit to the CPS (refused while blockers remain), return to the officer
with feedback drafted from the findings, the officer resubmits, cycles are counted, escalation."""

import json
import re

import pytest

from casework.audit.models import CaseChange
from casework.cases.models import Case, FileReturn, FileSubmission, Task
from casework.interchange.services import Importer

from .helpers import PASSWORD, sample_case_with_cpo_and_oic

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(units, sample_doc, today):
    return sample_case_with_cpo_and_oic(units, sample_doc, today)


def _revision(urn):
    return Case.objects.get(urn=urn).revision


def test_submit_is_refused_while_a_blocker_remains(client, case):
    case.defendants.get().offences.update(charging_authority="police")  # a DA ABH charged by police: a breach
    client.login(username="cpo", password=PASSWORD)
    page = client.get("/cases/20BH0456725/").content.decode()
    assert "The file cannot go to the CPS while 1 blocker remains" in page
    html = client.post("/cases/20BH0456725/submit/", {"revision": _revision(case.urn)}, follow=True).content.decode()
    assert "The file cannot go to the CPS while a blocker remains" in html and "charged by the police" in html
    assert FileSubmission.objects.filter(case=case).count() == 1  # only the pre-charge one from the file


def test_submit_records_the_submission_when_no_blocker_remains(client, case):
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/submit/", {"revision": _revision(case.urn)})
    sub = FileSubmission.objects.get(case=case, ref="S2")
    assert sub.file_type == "FH-NGAP" and sub.submitted_by.username == "cpo"
    assert case.events.filter(kind="case.review.submitted_to_cps").exists()


def test_return_to_the_officer_resubmit_and_count_cycles(client, case):
    client.login(username="cpo", password=PASSWORD)
    page = client.get("/cases/20BH0456725/").content.decode()
    assert "Please put these right and resubmit the file:" in page  # the draft, from the findings
    assert re.search(r"\d+\. Missing: domestic abuse evidence-gathering checklist\.", page)
    client.post("/cases/20BH0456725/return/", {
        "revision": _revision(case.urn), "rule_id": ["NFS.MATERIAL.DA_CHECKLIST"],
        "feedback": "Please complete the DA checklist and clip the BWV to the first account."})
    first = FileReturn.objects.get(case=case)
    assert first.cycle == 1 and first.rule_ids == ["NFS.MATERIAL.DA_CHECKLIST"] and first.resubmitted_at is None
    assert case.events.filter(kind="case.review.returned_to_oic").exists()

    client.logout()
    client.login(username="pc.jones1234", password=PASSWORD)
    page = client.get("/cases/20BH0456725/").content.decode()
    assert "Please complete the DA checklist and clip the BWV" in page and "Resubmit the file" in page
    client.post("/cases/20BH0456725/resubmit/", {"revision": _revision(case.urn), "note": "Checklist attached."})
    first.refresh_from_db()
    assert first.resubmitted_at is not None and first.officer_note == "Checklist attached."

    client.logout()
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/return/", {"revision": _revision(case.urn),
                                               "feedback": "The BWV is still not clipped: please clip it."})
    assert list(FileReturn.objects.filter(case=case).values_list("cycle", flat=True)) == [1, 2]
    page = client.get("/cases/20BH0456725/").content.decode()
    assert "Returned to the officer 2 times." in page
    assert CaseChange.objects.filter(urn=case.urn, change="case.review.returned_to_oic").count() == 2


def test_only_the_officer_named_on_the_case_can_resubmit(client, case):
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/return/", {"revision": _revision(case.urn),
                                               "feedback": "Please complete the DA checklist first."})
    assert client.post("/cases/20BH0456725/resubmit/", {"revision": _revision(case.urn)}).status_code == 403


def test_escalating_gives_the_supervisor_a_task(client, case):
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/escalate/", {"revision": _revision(case.urn),
                                                 "note": "OIC has not answered two chasers about the checklist."})
    task = Task.objects.get(case=case, assignee__username="ps.khan2201")
    assert "OIC has not answered two chasers" in task.title
    assert case.events.filter(kind="case.review.escalated").exists()


def test_the_officer_sees_returned_files_on_their_worklist(client, case):
    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/return/", {"revision": _revision(case.urn),
                                               "feedback": "Please complete the DA checklist first."})
    client.logout()
    client.login(username="pc.jones1234", password=PASSWORD)
    page = client.get("/worklist/").content.decode()
    assert "Returned to you with feedback" in page and "Please complete the DA checklist first." in page
    client.post("/cases/20BH0456725/resubmit/", {"revision": _revision(case.urn)})
    assert "Returned to you with feedback" not in client.get("/worklist/").content.decode()


def test_review_cycles_travel_in_the_case_file(client, case, today):
    from casework.interchange.services import casefile_export_text

    client.login(username="cpo", password=PASSWORD)
    client.post("/cases/20BH0456725/return/", {"revision": _revision(case.urn), "rule_id": ["NFS.MATERIAL.MG9"],
                                               "feedback": "Please add the MG9 witness list."})
    text = casefile_export_text(Case.objects.get(urn=case.urn))
    assert json.loads(text)["file_returns"][0]["feedback"] == "Please add the MG9 witness list."
    Case.objects.all().delete()
    from django.utils import timezone

    outcome = Importer(today=timezone.localdate()).import_bytes(text.encode(), "again.json")  # returned today
    assert outcome.status == "created", outcome.problems
    assert casefile_export_text(Case.objects.get(urn="20BH0456725")) == text
