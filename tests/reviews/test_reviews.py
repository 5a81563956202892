"""File-quality reviews as caseworkers and the command line meet them."""

import copy
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from casework.cases.models import Case, CaseEvent, FindingOverride
from casework.interchange.services import Importer
from casework.people.constants import Role
from casework.people.models import User
from casework.reviews.report import rules_markdown
from casework.rules.quality import catalogue

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery-9"


def test_docs_rules_md_is_generated_from_the_catalogue():
    expected = rules_markdown(catalogue(), table="DG6-2020") + "\n"
    assert (ROOT / "docs" / "rules.md").read_text() == expected, "run: casework rules --markdown --out docs/rules.md"


def test_every_rule_has_a_source_confidence_and_explanation():
    for rule in catalogue():
        assert rule.source and rule.explanation, rule.id
        assert rule.confidence in ("verified", "secondary", "unverified"), rule.id


def test_rules_command_lists_the_catalogue_as_json(capsys):
    call_command("rules", as_json=True)
    rules = json.loads(capsys.readouterr().out)
    ids = {r["rule_id"] for r in rules}
    assert {"NFS.MATERIAL.DA_CHECKLIST", "DG6.CHARGING.BREACH", "COURT.OFFENCE_CODE_INVALID"} <= ids
    breach = next(r for r in rules if r["rule_id"] == "DG6.CHARGING.BREACH")
    assert breach["dga_reason"] == "Charged by police in breach of the Director's Guidance"


def _check(capsys, *args):
    with pytest.raises(SystemExit) as done:
        call_command("check", *args)
    out = capsys.readouterr()
    return done.value.code, out.out, out.err


@pytest.mark.django_db
def test_check_exits_1_for_a_non_compliant_file_and_explains_each_finding(capsys, tmp_path, sample_doc):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(sample_doc))
    code, out, err = _check(capsys, str(path), "--today", "2025-03-10")
    assert code == 1
    assert "Verdict: NOT COMPLIANT" in out and "File stage: FH-NGAP" in out
    assert "NFS.MATERIAL.DA_CHECKLIST" in out and "What to do: Complete the joint NPCC/CPS domestic abuse" in out
    assert "CPS reason: No DV checklist" in out


@pytest.mark.django_db
def test_check_json_gives_one_object_per_file_with_the_fields_reports_need(capsys, tmp_path, sample_doc):
    for urn in ("20BH0456725", "20BH0456825"):
        doc = copy.deepcopy(sample_doc)
        doc["case"]["urn"] = urn
        (tmp_path / f"{urn}.json").write_text(json.dumps(doc))
    code, out, _ = _check(capsys, str(tmp_path), "--json", "--today", "2025-03-10")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and [r["urn"] for r in rows] == ["20BH0456725", "20BH0456825"]
    finding = rows[0]["findings"][0]
    assert set(finding) >= {"rule_id", "severity", "message", "remedy", "source", "confidence", "cps_reason", "court_problem_code"}
    assert rows[0]["verdict"] == "non_compliant" and 0 <= rows[0]["score"] <= 100


@pytest.mark.django_db
def test_check_stage_option_reviews_as_the_chosen_stage(capsys, tmp_path, sample_doc):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(sample_doc))
    _, out, _ = _check(capsys, str(path), "--json", "--stage", "UP-MC", "--today", "2025-03-10")
    row = json.loads(out)
    assert row["stage"] == "UP-MC" and "chosen by the reviewer" in row["stage_basis"]
    assert any(f["rule_id"] == "NFS.MATERIAL.MG6E" for f in row["findings"])


@pytest.mark.django_db
@pytest.mark.parametrize("content,words", [
    ("{not json", "is not valid JSON"),
    (json.dumps({"format": "casework.casefile", "version": 1, "case": {"urn": "20BH0456725"}}), "case.hub: is required but missing"),
])
def test_check_exits_2_naming_the_file_and_field_for_bad_input(capsys, tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_text(content)
    code, _, err = _check(capsys, str(path))
    assert code == 2
    assert f"{path}: " in err and words in err


@pytest.mark.django_db
def test_check_refuses_an_unknown_stage(capsys, tmp_path, sample_doc):
    from django.core.management.base import CommandError

    path = tmp_path / "case.json"
    path.write_text(json.dumps(sample_doc))
    with pytest.raises(CommandError) as refused:
        call_command("check", str(path), "--stage", "FH-XYZ")
    assert refused.value.returncode == 2 and "not a file stage" in str(refused.value)


@pytest.fixture
def case_and_reviewer(units, sample_doc, today, client):
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    user = User(username="cpo", role=Role.CASEWORKER, unit=units["hub"], first_name="Priya", last_name="Sharma")
    user.set_password(PASSWORD)
    user.save()
    client.login(username="cpo", password=PASSWORD)
    return Case.objects.get(), user


@pytest.mark.django_db
def test_case_page_shows_the_review(client, case_and_reviewer):
    html = client.get("/cases/20BH0456725/").content.decode()
    assert "Not compliant" in html
    assert re.search(r"Score \d+/100</span>\s*<span[^>]*>\(100 less \d+×10", html)
    assert "File stage:</strong> FH-NGAP" in html
    assert "Who may charge (DG6 Annex 1):</strong> A CPS decision is required" in html
    assert "The BWV recording (BWV first account, M3) is not clipped to the relevant part." in html
    assert "Multi-media BWV not clipped" in html


@pytest.mark.django_db
def test_setting_a_finding_aside_moves_it_records_why_and_can_be_undone(client, case_and_reviewer):
    case, user = case_and_reviewer
    response = client.post("/cases/20BH0456725/findings/set-aside/", {
        "rule_id": "NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "item": "M3",
        "reason": "Footage is 40 seconds long: clipping is not needed.",
    }, follow=True)
    html = response.content.decode()
    assert "Finding set aside" in html
    assert "Set aside by a reviewer" in html and "Footage is 40 seconds long" in html
    override = FindingOverride.objects.get()
    assert (override.rule_id, override.item, override.by) == ("NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "M3", user)
    assert CaseEvent.objects.filter(case=case, kind="case.review.finding_set_aside").exists()

    client.post("/cases/20BH0456725/findings/restore/", {"rule_id": "NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "item": "M3"})
    assert not FindingOverride.objects.exists()
    assert CaseEvent.objects.filter(case=case, kind="case.review.finding_restored").exists()


@pytest.mark.django_db
def test_a_set_aside_needs_a_real_reason(client, case_and_reviewer):
    response = client.post("/cases/20BH0456725/findings/set-aside/", {
        "rule_id": "NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "item": "M3", "reason": "ok"}, follow=True)
    assert "Give a reason of at least 10 characters" in response.content.decode()
    assert not FindingOverride.objects.exists()


@pytest.mark.django_db
def test_set_aside_travels_in_the_case_file(client, case_and_reviewer, capsys):
    client.post("/cases/20BH0456725/findings/set-aside/", {
        "rule_id": "NFS.MATERIAL.MG9", "item": "", "reason": "Witness list served by the CPS directly."})
    call_command("export", urn="20BH0456725")
    doc = json.loads(capsys.readouterr().out)
    assert doc["finding_overrides"][0]["rule_id"] == "NFS.MATERIAL.MG9"
    assert doc["finding_overrides"][0]["by"]["username"] == "cpo"


@pytest.mark.django_db
def test_reviewer_can_choose_the_file_stage(client, case_and_reviewer):
    case, _ = case_and_reviewer
    client.post("/cases/20BH0456725/file-stage/", {"file_stage": "UP-MC"})
    case.refresh_from_db()
    assert case.file_stage == "UP-MC"
    assert "File stage:</strong> UP-MC" in client.get("/cases/20BH0456725/").content.decode()


@pytest.mark.django_db
def test_an_officer_cannot_set_findings_aside(client, units, sample_doc, today):
    Importer(today=today).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    oic = User.objects.get(username="pc.jones1234")
    oic.is_active = True
    oic.set_password(PASSWORD)
    oic.save()
    client.login(username="pc.jones1234", password=PASSWORD)
    assert "Set this finding aside" not in client.get("/cases/20BH0456725/").content.decode()
    response = client.post("/cases/20BH0456725/findings/set-aside/", {
        "rule_id": "NFS.MATERIAL.MG9", "reason": "Trying to hide a finding."})
    assert response.status_code == 403 and not FindingOverride.objects.exists()


@pytest.mark.django_db
def test_reference_port_uses_the_tables_and_falls_back_to_shipped_files(monkeypatch):
    from casework.reviews import reference_port as rp

    port = rp.reference_port()
    assert port.origin == "database"
    assert port.offence("TH68010").title == "Theft from a shop" and port.offence("AA06001").current is False
    assert port.court("C20BI00").kind == "crown" and port.is_force("20")
    files = rp._from_files()
    assert files.offence("TH68010").category == "CE" and files.court("B20BL00").kind == "magistrates"
