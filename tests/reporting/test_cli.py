"""`casework report` and the nightly command's monthly packs."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command

from casework.audit.models import AccessLogEntry

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def test_writes_the_hubs_pack_in_the_formats_asked_for_and_logs_each(dataset, tmp_path):
    said = run("--month", "2026-11", "--format", "csv", "xlsx", "--out", str(tmp_path / "packs"), "--hub", "hub-north",
               "--today", TODAY.isoformat(), "--recipient", "Chief Superintendent, Criminal Justice")
    written = sorted(p.name for p in (tmp_path / "packs").iterdir())
    assert written == ["casework-pack-2026-11-hub-north.csv", "casework-pack-2026-11-hub-north.xlsx"]
    assert f"Wrote {tmp_path / 'packs' / written[0]}" in said
    rows = list(csv.DictReader(io.StringIO((tmp_path / "packs" / written[0]).read_text("utf-8-sig"))))
    first_time = {r["column"]: r["value"] for r in rows if r["table"] == "summary" and r["row"] == "1"}
    # The hub's figures, as its manager's download shows them (C1, C2, C4, C6, C8).
    assert (first_time["Counted"], first_time["Met"], first_time["Not yet due"]) == ("4", "2", "1")
    entries = AccessLogEntry.objects.filter(action="export").order_by("pk")
    assert [(e.what, e.recipient) for e in entries] == [
        ("monthly pack 2026-11 (CSV), North hub", "Chief Superintendent, Criminal Justice"),
        ("monthly pack 2026-11 (XLSX), North hub", "Chief Superintendent, Criminal Justice")]
    assert all(e.username.endswith("(command line)") and e.purpose == "command line: monthly performance report"
               for e in entries)


def test_the_whole_force_by_default(dataset, tmp_path):
    run("--month", "2026-11", "--format", "csv", "--out", str(tmp_path), "--today", TODAY.isoformat())
    rows = list(csv.DictReader(io.StringIO((tmp_path / "casework-pack-2026-11-force.csv").read_text("utf-8-sig"))))
    first_time = {r["column"]: r["value"] for r in rows if r["table"] == "summary" and r["row"] == "1"}
    assert (first_time["Counted"], first_time["Met"]) == ("5", "3")  # C5 of the South hub as well
    assert {r["label"]: r["value"] for r in rows if r["table"] == "about"}["Covers"] == "West Midlands Police"


@pytest.mark.parametrize(("args", "message"), [
    (["--month", "2026-13"], "--month: '2026-13' is not a month like 2026-11."),
    (["--month", "November"], "--month: 'November' is not a month like 2026-11."),
    (["--month", "2026-11", "--hub", "HUB-EAST"], "--hub: No hub with the code 'HUB-EAST'. Hubs: HUB-NORTH, HUB-SOUTH."),
    (["--month", "2027-01"], "January 2027 has not started yet."),
    (["--month", "2026-11", "--today", "10/12/2026"], "--today: '10/12/2026' is not a date like 2026-12-03"),
])
def test_bad_input_is_named_and_nothing_is_written(dataset, tmp_path, args, message):
    argv = [*args, "--format", "pdf", "--out", str(tmp_path / "out")]
    if "--today" not in args:
        argv += ["--today", TODAY.isoformat()]
    with pytest.raises(CommandError) as e:
        run(*argv)
    assert str(e.value) == message and e.value.returncode == 2
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert not AccessLogEntry.objects.exists()


def test_out_must_be_a_folder(dataset, tmp_path):
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(CommandError) as e:
        run("--month", "2026-11", "--format", "csv", "--out", str(tmp_path / "a-file"), "--today", TODAY.isoformat())
    assert e.value.returncode == 2 and "is a file, not a folder" in str(e.value)


def test_nightly_queues_last_months_packs_on_the_first_working_day_only(dataset, monkeypatch):
    from casework.reporting.models import ReportPack

    monkeypatch.setattr("casework.deadlines.management.commands.nightly.timezone.localdate",
                        lambda: __import__("datetime").date(2026, 12, 1))
    monkeypatch.setattr("casework.reporting.services.render", lambda pack, fmt: fmt.encode())
    out = io.StringIO()
    call_command("nightly", stdout=out)  # the test settings run queued jobs at once
    assert "Enqueued " in out.getvalue() and "for November 2026" in out.getvalue()
    assert sorted(ReportPack.objects.values_list("format", flat=True)) == sorted(["csv", "pdf", "xlsx"] * 3)
    monkeypatch.setattr("casework.deadlines.management.commands.nightly.timezone.localdate",
                        lambda: __import__("datetime").date(2026, 12, 2))
    out = io.StringIO()
    call_command("nightly", stdout=out)
    assert "for November 2026" not in out.getvalue() and ReportPack.objects.count() == 9
