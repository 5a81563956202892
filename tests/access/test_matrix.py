"""Each role sees and does exactly what the permission table says (docs/permissions.md), gets
"not found" for cases outside its scope, and every look is in the access log."""

import json
from pathlib import Path

import pytest

from casework.accounts.services import totp_enrol
from casework.audit.models import AccessLogEntry, BreakGlass, CaseChange
from casework.cases.access import PERMISSIONS, permissions_markdown
from casework.cases.models import Case, FindingOverride
from casework.interchange.services import Importer
from casework.people.constants import Role, UnitKind
from casework.people.models import Unit, User
from tests.accounts.helpers import verify_session

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery-9"


def test_docs_permissions_md_is_the_permission_table():
    assert (ROOT / "docs" / "permissions.md").read_text() == permissions_markdown(), \
        "run: casework permissions --out docs/permissions.md"


@pytest.fixture
def world(units, sample_doc, today):
    """Hub A holds an ordinary case and a restricted one; hub B holds another case."""
    Unit.objects.create(code="HUB-B", name="Hub B", kind=UnitKind.HUB, parent=units["force"])
    importer = Importer(today=today)

    def add(urn, hub, **case):
        doc = json.loads(json.dumps(sample_doc))
        doc["case"].update(urn=urn, hub=hub, **case)
        assert importer.import_bytes(json.dumps(doc).encode(), f"{urn}.json").status == "created"
        return Case.objects.get(urn=urn)

    mine = add("20BH0456725", "HUB-TEST")
    other = add("20BH0000125", "HUB-B", oic=None, supervisor=None)
    restricted = add("20BH0000225", "HUB-TEST", oic=None, supervisor=None, restricted=True,
                     restriction_reason="Suspect is a serving officer.")
    restricted.action_plans.all().delete()  # the OIC owns an action item in the sample: not named here
    people = {}
    for role in PERMISSIONS:
        unit = units["hub"] if role in (Role.CASEWORKER, Role.HUB_MANAGER, Role.WITNESS_CARE) else None
        user = User(username=f"u-{role}", role=role, unit=unit, first_name="Test", last_name=role)
        user.set_password(PASSWORD)
        user.save()
        if role in (Role.ADMINISTRATOR, Role.AUDITOR):
            totp_enrol(user)  # these roles must use two-factor authentication
        people[role] = user
    Case.objects.filter(pk=mine.pk).update(oic=people[Role.OIC], supervisor=people[Role.SUPERVISOR])
    return {"mine": mine, "other": other, "restricted": restricted, "people": people}


def _as(client, user):
    client.force_login(user)
    return verify_session(client)  # the tests here are about access, not sign-in


# What each role should get: the case in its hub (or named on), a case in another hub, a restricted
# case in its hub it is not named on.
EXPECT = {
    Role.CASEWORKER: {"mine": 200, "other": 404, "restricted": 403},
    Role.HUB_MANAGER: {"mine": 200, "other": 404, "restricted": 403},
    Role.OIC: {"mine": 200, "other": 404, "restricted": 404},
    Role.SUPERVISOR: {"mine": 200, "other": 404, "restricted": 404},
    Role.WITNESS_CARE: {"mine": 200, "other": 404, "restricted": 404},
    Role.CPS_LIAISON: {"mine": 200, "other": 200, "restricted": 404},
    Role.AUDITOR: {"mine": 200, "other": 200, "restricted": 403},
    Role.ADMINISTRATOR: {"mine": 200, "other": 200, "restricted": 403},
}


@pytest.mark.parametrize("role", list(EXPECT), ids=[str(r) for r in EXPECT])
def test_role_case_matrix(client, world, role):
    user = world["people"][role]
    _as(client, user)
    for which, status in EXPECT[role].items():
        response = client.get(f"/cases/{world[which].urn}/")
        assert response.status_code == status, (role, which, response.status_code)
        if status == 403:
            assert "This case is restricted" in response.content.decode()
        if status == 404:
            assert world[which].urn_display not in response.content.decode()
    listed = client.get("/cases/").content.decode()
    for which, status in EXPECT[role].items():
        assert (world[which].urn_display in listed) == (status == 200), (role, which)
    consulted = AccessLogEntry.objects.filter(username=user.username, action="consult", urn=world["mine"].urn)
    assert consulted.count() == 1 and AccessLogEntry.objects.filter(username=user.username, action="list").exists()


@pytest.mark.parametrize("role", list(EXPECT), ids=[str(r) for r in EXPECT])
def test_role_review_actions(client, world, role):
    _as(client, world["people"][role])
    response = client.post(f"/cases/{world['mine'].urn}/findings/set-aside/", {
        "rule_id": "NFS.MATERIAL.MG9", "reason": "Witness list served by the CPS directly."})
    allowed = PERMISSIONS[role].review
    assert response.status_code == (302 if allowed else 403)
    assert FindingOverride.objects.exists() == allowed
    assert CaseChange.objects.filter(change="case.review.finding_set_aside").exists() == allowed
    page = client.get(f"/cases/{world['mine'].urn}/").content.decode()
    assert ("Set this finding aside" in page) == allowed


@pytest.mark.parametrize("role", list(EXPECT), ids=[str(r) for r in EXPECT])
def test_role_audit_screens_and_contact_details(client, world, role):
    _as(client, world["people"][role])
    perms = PERMISSIONS[role]
    assert client.get("/audit/access-log/").status_code == (200 if perms.audit else 403)
    assert client.get("/audit/break-glass/").status_code == (200 if perms.break_glass_log else 403)
    page = client.get(f"/cases/{world['mine'].urn}/").content.decode()
    assert ("07700 900123" in page) == perms.contact_details  # the victim's phone number
    assert ("Not shown to your role" in page) == (not perms.contact_details)


def test_break_glass_needs_a_reason_is_logged_and_shown_to_the_hub_manager(client, world):
    cpo = world["people"][Role.CASEWORKER]
    _as(client, cpo)
    urn = world["restricted"].urn
    short = client.post(f"/cases/{urn}/break-glass/", {"reason": "need it"})
    assert short.status_code == 400 and not BreakGlass.objects.exists()
    opened = client.post(f"/cases/{urn}/break-glass/", {"reason": "Victim called about the hearing date; OIC on leave."})
    assert opened.status_code == 302
    assert client.get(f"/cases/{urn}/").status_code == 200
    assert AccessLogEntry.objects.filter(username=cpo.username, action="break_glass", urn=urn).exists()
    _as(client, world["people"][Role.HUB_MANAGER])
    assert "Victim called about the hearing date" in client.get("/audit/break-glass/").content.decode()


def test_auditor_searches_and_exports_the_access_log(client, world):
    _as(client, world["people"][Role.CASEWORKER])
    client.get(f"/cases/{world['mine'].urn}/")
    _as(client, world["people"][Role.AUDITOR])
    page = client.get("/audit/access-log/", {"person": "u-caseworker", "urn": world["mine"].urn_display}).content.decode()
    assert "u-caseworker" in page and "view the case" in page
    csv = client.get("/audit/access-log/", {"person": "u-caseworker", "format": "csv"})
    assert csv["Content-Type"] == "text/csv" and "u-caseworker" in csv.content.decode()
    assert AccessLogEntry.objects.filter(username="u-auditor", action="export", what__contains="access log").exists()


def test_command_line_export_is_in_the_access_log(world, tmp_path):
    from django.core.management import call_command

    call_command("export", all=True, out=str(tmp_path), purpose="transfer to the CPS", recipient="CPS West Midlands")
    rows = AccessLogEntry.objects.filter(action="export", what="casework export --all")
    assert rows.count() == 3 and set(rows.values_list("recipient", flat=True)) == {"CPS West Midlands"}


def test_history_rows_are_written_by_each_service(client, world):
    from casework.cases.services import case_transition

    case = world["mine"]
    case.hearings.update(outcome="not_guilty_plea")
    case_transition(case=case, to="awaiting_trial", actor=world["people"][Role.CASEWORKER])
    change = CaseChange.objects.get(change="case.stage.changed")
    assert change.before["stage"] == "charged" and change.after["stage"] == "awaiting_trial"
    assert CaseChange.objects.filter(urn=case.urn, change="case.created").exists()


def test_history_and_access_log_cannot_be_changed(world, client):
    from django.db import connection, transaction
    from django.db.utils import DatabaseError

    from casework.audit.services import access_record

    row = CaseChange.objects.first()
    access_record(user=None, action="consult", what="test", purpose="test", case=world["mine"])
    # Through the product: even an administrator's admin pages refuse to change or delete them.
    admin = world["people"][Role.ADMINISTRATOR]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    _as(client, admin)
    assert client.get(f"/admin/audit/casechange/{row.pk}/delete/").status_code == 403
    assert client.post(f"/admin/audit/casechange/{row.pk}/change/", {"summary": "x"}).status_code == 403
    row.refresh_from_db()
    assert row.summary != "x"
    if connection.vendor != "postgresql":
        return  # the database trigger is PostgreSQL's (the production database)
    for statement in (f"UPDATE audit_casechange SET summary = 'x' WHERE id = {row.pk}",
                      f"DELETE FROM audit_casechange WHERE id = {row.pk}",
                      "DELETE FROM audit_accesslogentry"):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:  # noqa: E501
            cursor.execute(statement)


def test_a_concurrent_edit_is_refused_showing_what_changed(world, client):
    """Two caseworkers open the case; the first saves; the second's save is refused, not merged."""
    from django.test import Client

    first, second = _as(Client(), world["people"][Role.CASEWORKER]), _as(client, world["people"][Role.HUB_MANAGER])
    urn = world["mine"].urn
    revision = Case.objects.get(urn=urn).revision
    assert f'name="revision" value="{revision}"' in first.get(f"/cases/{urn}/").content.decode()
    assert f'name="revision" value="{revision}"' in second.get(f"/cases/{urn}/").content.decode()

    first.post(f"/cases/{urn}/file-stage/", {"file_stage": "UP-MC", "revision": revision})
    page = second.post(f"/cases/{urn}/findings/set-aside/", {
        "rule_id": "NFS.MATERIAL.MG9", "reason": "Witness list served by the CPS directly.", "revision": revision},
        follow=True).content.decode()

    assert "Someone changed this case after you opened it" in page and "File stage set by the reviewer to UP-MC" in page
    assert "Nothing was saved" in page
    assert not FindingOverride.objects.exists()
    assert Case.objects.get(urn=urn).file_stage == "UP-MC"
    # With the page reloaded at the new revision, the same edit goes through.
    fresh = Case.objects.get(urn=urn).revision
    second.post(f"/cases/{urn}/findings/set-aside/", {
        "rule_id": "NFS.MATERIAL.MG9", "reason": "Witness list served by the CPS directly.", "revision": fresh})
    assert FindingOverride.objects.count() == 1


def test_each_service_writes_its_history_row_with_before_and_after(client, world, sample_doc, today):
    from casework.reviews.services import case_file_stage_set, finding_restore, finding_set_aside

    case, cpo = world["mine"], world["people"][Role.CASEWORKER]
    finding_set_aside(case=case, rule_id="NFS.MATERIAL.MG9", item=None, reason="Served by the CPS directly.", actor=cpo)
    finding_restore(case=case, rule_id="NFS.MATERIAL.MG9", item=None, actor=cpo)
    case_file_stage_set(case=case, file_stage="UP-MC", actor=cpo)
    changed = json.loads(json.dumps(sample_doc))
    changed["materials"][3]["status"] = "provided"
    changed["materials"][3]["provided_at"] = "2025-03-05T11:00:00Z"
    assert Importer(today=today).import_bytes(json.dumps(changed).encode(), "again.json").status == "updated"

    rows = {c.change: c for c in CaseChange.objects.filter(urn=case.urn)}
    assert rows["case.review.finding_set_aside"].after == {"reason": "Served by the CPS directly."}
    assert rows["case.review.finding_restored"].before == {"reason": "Served by the CPS directly."}
    assert rows["case.review.file_stage_chosen"].before == {"file_stage": ""}
    assert rows["case.review.file_stage_chosen"].after == {"file_stage": "UP-MC"}
    imported = CaseChange.objects.get(urn=case.urn, change="case.imported", part="materials")
    assert imported.before[3]["status"] == "outstanding"
    assert imported.after[3]["status"] == "provided"
    # Every change advanced the case's revision, and each history row says which it made.
    revisions = list(CaseChange.objects.filter(urn=case.urn).order_by("revision").values_list("revision", flat=True))
    assert revisions == list(range(1, len(revisions) + 1))


def test_case_data_cannot_be_changed_in_the_admin(client, world):
    admin = world["people"][Role.ADMINISTRATOR]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    _as(client, admin)
    pk = world["mine"].pk
    assert client.get(f"/admin/cases/case/{pk}/change/").status_code == 200  # viewable
    assert client.post(f"/admin/cases/case/{pk}/change/", {"summary": "edited"}).status_code == 403
    assert client.get(f"/admin/cases/case/{pk}/delete/").status_code == 403


def test_people_named_in_the_case_file_can_see_a_restricted_case(client, world, sample_doc, today):
    doc = json.loads(json.dumps(sample_doc))
    doc["case"].update(urn="20BH0000325", restricted=True, restriction_reason="High-profile suspect.", oic=None,
                       supervisor=None, named_users=[{"username": "u-witness_care", "name": "Test witness_care"}])
    doc["action_plans"] = []
    assert Importer(today=today).import_bytes(json.dumps(doc).encode(), "r.json").status == "created"
    _as(client, world["people"][Role.WITNESS_CARE])
    assert client.get("/cases/20BH0000325/").status_code == 200
    _as(client, world["people"][Role.CASEWORKER])
    assert client.get("/cases/20BH0000325/").status_code == 403  # not named: break-glass only

    from casework.interchange.services import casefile_export_text

    assert json.loads(casefile_export_text(Case.objects.get(urn="20BH0000325")))["case"]["named_users"][0]["username"] \
        == "u-witness_care"


def test_the_access_log_pages_back_and_forward_keeping_the_search(client, world):
    _as(client, world["people"][Role.CASEWORKER])
    for _ in range(60):
        client.get(f"/cases/{world['mine'].urn}/")
    _as(client, world["people"][Role.AUDITOR])
    page = client.get("/audit/access-log/", {"person": "u-caseworker", "page": "2"}).content.decode()
    assert "Page 2 of 2" in page and 'rel="prev"' in page and "person=u-caseworker" in page
