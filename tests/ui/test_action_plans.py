"""CPS action plans: record a plan, the officer responds per item, overdue items are chased and
escalated, completion is recorded — each with its event, history and deadlines."""


import pytest

from casework.audit.models import CaseChange
from casework.cases.models import ActionPlanItem, Case, Task
from casework.deadlines.models import CaseDeadline

from .helpers import PASSWORD, sample_case_with_cpo_and_oic

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(units, sample_doc, today):
    return sample_case_with_cpo_and_oic(units, sample_doc, today)


def _rev():
    return Case.objects.get().revision


def test_record_a_plan_and_the_officer_completes_an_item(client, case):
    client.login(username="cpo", password=PASSWORD)
    html = client.post("/cases/20BH0456725/action-plans/new/", {
        "revision": _rev(), "respond_by": "2030-04-01",
        "item_1": "Obtain the 999 call recording.", "due_1": "2030-03-25",
        "item_2": "Take a statement from the neighbour.", "due_2": ""}, follow=True).content.decode()
    assert "Action plan recorded." in html and "AP1-1: Obtain the 999 call recording." in html
    item = ActionPlanItem.objects.get(ref="AP1-2")
    assert item.owner.username == "pc.jones1234" and str(item.due_date) == "2030-04-01"  # due: the respond-by date
    assert CaseDeadline.objects.filter(kind="DEADLINE.ACTION_PLAN.ITEM", subject_ref="AP1-1", done=False).exists()

    client.logout()
    client.login(username="pc.jones1234", password=PASSWORD)
    client.post("/cases/20BH0456725/action-items/AP1-1/done/", {"revision": _rev(), "evidence": "Recording exhibited as RJ3."})
    item = ActionPlanItem.objects.get(ref="AP1-1")
    assert item.status == "done" and item.evidence == "Recording exhibited as RJ3." and item.completed_at
    assert CaseDeadline.objects.get(kind="DEADLINE.ACTION_PLAN.ITEM", subject_ref="AP1-1").done
    assert CaseChange.objects.filter(change="case.action_plan.item_completed").exists()


def test_overdue_item_is_shown_chased_and_escalated_to_the_supervisor(client, case):
    client.login(username="cpo", password=PASSWORD)
    page = client.get("/cases/20BH0456725/").content.decode()
    assert "Overdue" in page  # the sample's A1-1 was due 7 Mar 2025
    client.post("/cases/20BH0456725/action-items/A1-1/chase/", {"revision": _rev()})
    assert case.events.filter(kind="case.action_plan.item_chased").count() == 1
    client.post("/cases/20BH0456725/action-items/A1-1/chase/", {"revision": _rev(), "escalate": "1"})
    assert ActionPlanItem.objects.get(ref="A1-1").escalated
    assert Task.objects.filter(assignee__username="ps.khan2201", title__startswith="Escalated action A1-1").exists()


def test_a_plan_needs_at_least_one_action_and_real_dates(client, case):
    client.login(username="cpo", password=PASSWORD)
    html = client.post("/cases/20BH0456725/action-plans/new/", {"revision": _rev(), "respond_by": "soon"},
                       follow=True).content.decode()
    assert "is not a date like 2025-03-31" in html
    html = client.post("/cases/20BH0456725/action-plans/new/", {"revision": _rev()}, follow=True).content.decode()
    assert "Add at least one action" in html
