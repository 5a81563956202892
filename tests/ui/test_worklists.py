"""Worklists: most urgent first with the reason shown, filters, and each caseworker's workload."""

import json
from datetime import date

import pytest

from casework.audit.models import AccessLogEntry
from casework.cases.models import Case
from casework.deadlines.services import case_deadlines_recompute
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"
TODAY = date(2025, 3, 10)


@pytest.fixture
def hub(units, sample_doc):
    cpo = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"], first_name="Priya", last_name="Sharma")
    cpo.set_password(PASSWORD)
    cpo.save()
    importer = Importer(today=TODAY)

    def add(urn, *, task_due, caseworker=None, flags=("domestic_abuse",)):
        doc = json.loads(json.dumps(sample_doc))
        doc["case"].update(urn=urn, flags=list(flags),
                           caseworker={"username": caseworker} if caseworker else None)
        doc["action_plans"] = []
        doc["tasks"] = [{"ref": "T1", "title": f"Chase for {urn}", "description": "", "assignee": None,
                         "due_date": task_due, "status": "open", "source": "internal",
                         "created_at": "2025-03-01T09:00:00Z", "completed_at": None}]
        doc["witnesses"][0]["last_update_at"] = "2025-03-09T12:00:00Z"  # victim told: no Victims' Code item
        doc["hearings"][0]["starts_at"] = "2025-04-21T10:00:00Z"
        assert importer.import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"

    add("20BH0000125", task_due="2025-03-20", caseworker="cpo")
    add("20BH0000225", task_due="2025-02-10", caseworker="cpo", flags=())  # its task is the most overdue
    add("20BH0000325", task_due="2025-03-11")  # someone else's (unassigned)
    case_deadlines_recompute(case_ids=Case.objects.values_list("pk", flat=True), today=TODAY)
    return cpo


def _order(html, urns):
    return sorted(urns, key=lambda u: html.index(u) if u in html else 10**9)


def test_my_cases_lists_only_mine_most_urgent_first_with_the_reason(client, hub, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client.login(username="cpo", password=PASSWORD)
    html = client.get("/worklist/").content.decode()
    assert "20/BH/00003/25" not in html  # not assigned to me
    first, second = _order(html, ["20/BH/00002/25", "20/BH/00001/25"])
    assert first == "20/BH/00002/25"  # its overdue task (10 Feb) is the earliest deadline
    assert "Expired" in html and "Task due — Task T1: Chase for 20BH0000225" in html
    assert AccessLogEntry.objects.filter(username="cpo", action="list", what__startswith="worklist (mine)").exists()


def test_team_worklist_shows_the_hub_and_filters_by_bucket_and_flag(client, hub, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client.login(username="cpo", password=PASSWORD)
    team = client.get("/worklist/team/").content.decode()
    assert all(u in team for u in ("20/BH/00001/25", "20/BH/00002/25", "20/BH/00003/25"))
    da_only = client.get("/worklist/team/", {"flag": "domestic_abuse"}).content.decode()
    assert "20/BH/00002/25" not in da_only and "20/BH/00001/25" in da_only
    searched = client.get("/worklist/team/", {"q": "20/BH/00003/25"}).content.decode()
    assert "20/BH/00003/25" in searched and "20/BH/00001/25" not in searched


def test_workload_counts_open_urgent_and_overdue_cases_per_caseworker(client, hub, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    client.login(username="cpo", password=PASSWORD)
    html = client.get("/worklist/workload/").content.decode()
    import re

    row = re.search(r">Priya Sharma</a></td>(.*?)</tr>", html, re.S).group(1)
    open_cases, urgent, overdue = (int(n) for n in re.findall(r'numeric">(\d+)<', row))
    assert open_cases == 2  # two open cases assigned to her; the third is unassigned
    assert overdue == 2  # both have an expired deadline (the charged file was due 25 Feb)
    assert urgent == 0  # nothing falls due today or tomorrow (10–11 Mar)
