"""The monthly pack: its tables against the hand-computed figures, and every cell of the PDF, the
spreadsheet and the CSV against those tables. No personal data reaches any of them."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from casework.audit.models import AccessLogEntry
from casework.cases.access import cases_in_role_scope
from casework.reporting.render import cell_text, render
from casework.reporting.services import (
    first_working_day,
    monthly_packs_due,
    monthly_packs_produce,
    pack_export,
    pack_for,
)

from .conftest import NOVEMBER, TODAY, URNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def pack(dataset):
    return pack_for(cases=cases_in_role_scope(dataset["people"]["M"]), month=NOVEMBER, today=TODAY,
                    hub=dataset["units"]["north"], scope="North hub")


def rows_by_label(table) -> dict:
    return {r[0]: r for r in table.rows}


def test_the_summary_table_holds_the_hand_computed_figures_and_the_change_on_october(pack):
    summary = rows_by_label(pack.table("summary"))
    assert summary["Pre-charge requests NFS compliant at triage (all attempts)"][2:10] == [
        6, 4, 2, 1, pytest.approx(4 / 6), pytest.approx(1.0), pytest.approx(4 / 6 - 1.0), ""]  # October: C3 1 of 1
    assert summary["Files returned to the officer"][2:9] == [3, None, None, None, 3, 0, 3]
    assert summary["Charged files sent within the service level"][2:7] == [2, 1, 1, 0, pytest.approx(0.5)]
    assert summary["Custody and statutory time limits at risk (as at today)"][6:9] == [2, None, None]  # no history
    assert summary["CPS charging decisions within target"][10:] == [
        "CPS design history: priority reviews in 3 hours, 5-day and 28-day reviews [CPSDH][CPSTASK]", "secondary"]


def test_breakdown_tables(pack):
    assert rows_by_label(pack.table("file_returns")) == {"1": ["1", 2, pytest.approx(2 / 3)], "2": ["2", 1, pytest.approx(1 / 3)],
                                                          "3 or more": ["3 or more", 0, 0.0]}
    assert pack.table("time_limits").rows[:2] == [["Expired", 1, 0], ["Today", 0, 0]]
    assert pack.table("time_limits").rows[2] == ["Tomorrow", 0, 1]
    assert rows_by_label(pack.table("trials")) == {"effective": ["effective", 1, pytest.approx(1 / 3)],
                                                   "cracked": ["cracked", 1, pytest.approx(1 / 3)],
                                                   "ineffective": ["ineffective", 1, pytest.approx(1 / 3)]}
    assert pack.table("failings").rows[0] == ["No/missing MG11s", "Evidential", "Witness statements", 3, 2, 1, 0, 2]
    assert rows_by_label(pack.table("caseload_stage"))["Awaiting trial (magistrates' court)"][1] == 3
    turnaround = rows_by_label(pack.table("pcd_turnaround"))
    assert turnaround["green"] == ["green", 2, 2, 1.0, pytest.approx(349.0)]
    months = pack.table("trends").columns[1:-1]
    assert months[0] == "2025-12" and months[-1] == "2026-11" and len(months) == 12
    trend = rows_by_label(pack.table("trend_pcd_triage"))
    assert trend["2026-10"][:4] == ["2026-10", 1, 1, 1.0] and trend["2026-11"][:4] == ["2026-11", 4, 6, pytest.approx(4 / 6)]


def _xlsx_value(value):
    return None if value == "" else value


def test_every_spreadsheet_cell_is_the_tables_cell(pack):
    wb = load_workbook(io.BytesIO(render(pack, "xlsx")))
    assert wb.sheetnames == ["About", *[t.key for t in pack.tables]]
    for t in pack.tables:
        ws = wb[t.key]
        assert ws["A1"].value == t.title
        assert [c.value for c in ws[4]][:len(t.columns)] == t.columns
        assert ws.auto_filter.ref is not None, f"{t.key} has no filter"
        for i, row in enumerate(t.rows):
            got = [c.value for c in ws[5 + i]][:len(t.columns)]
            assert got == [pytest.approx(v) if isinstance(v, float) else _xlsx_value(v) for v in row], (t.key, i)
    assert "OFFICIAL-SENSITIVE" in wb["summary"].oddHeader.center.text


def test_every_csv_cell_is_the_tables_cell(pack):
    text = render(pack, "csv").decode("utf-8")
    assert text.startswith("\ufefftable,row,label,column,value\r\n")
    cells = {(r["table"], int(r["row"]), r["column"]): r for r in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    expected = 0
    for t in pack.tables:
        for i, row in enumerate(t.rows, start=1):
            for column, value in zip(t.columns[1:], row[1:], strict=True):
                got = cells[(t.key, i, column)]
                assert got["label"] == str(row[0])
                if isinstance(value, float):
                    assert float(got["value"]) == pytest.approx(value, abs=1e-6)
                else:
                    assert got["value"] == ("" if value is None else str(value)), (t.key, i, column)
                expected += 1
    assert len([k for k in cells if k[0] != "about"]) == expected


def test_the_pdf_has_every_table_its_figures_the_marking_and_page_numbers_and_no_personal_data(dataset, pack):
    reader = PdfReader(io.BytesIO(render(pack, "pdf")))
    pages = [p.extract_text() for p in reader.pages]
    for n, text in enumerate(pages, start=1):
        assert text.count("OFFICIAL-SENSITIVE") >= 2, f"page {n}: marking in the header and footer"
        assert f"Page {n} of {len(pages)}" in text
    text = "\n".join(pages)
    for t in pack.tables:
        assert t.title in text
        for i, row in enumerate(t.rows):
            for j, value in enumerate(row):
                if t.fmt(i, j) != "text" and value is not None:
                    assert cell_text(value, t.fmt(i, j)) in text, (t.key, i, j)
    assert "66.7%" in text and "Below" not in text
    assert len([img for p in reader.pages for img in p.images]) == 0  # charts are vector (SVG), not pictures
    assert reader.metadata.title == "Case progression performance pack: November 2026"
    assert not _personal_data(dataset, text)


def _personal_data(dataset, text: str) -> list[str]:
    """Names of people and case references found in the text."""
    names = [u.last_name for u in dataset["people"].values()] + [f"Defendant{k}" for k in URNS] + ["Vickers"]
    return [word for word in names + list(URNS.values()) if word in text]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_no_personal_data_in_the_spreadsheet_or_csv(dataset, pack, fmt):
    content = render(pack, fmt)
    if fmt == "xlsx":
        wb = load_workbook(io.BytesIO(content))
        text = "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
    else:
        text = content.decode("utf-8")
    assert _personal_data(dataset, text) == []


def test_an_export_is_recorded_in_the_access_log(dataset):
    manager = dataset["people"]["M"]
    name, content = pack_export(user=manager, cases=cases_in_role_scope(manager), month=NOVEMBER, hub=None, fmt="csv",
                                today=TODAY, scope="North hub", purpose="monthly performance pack (download)")
    assert name == "casework-pack-2026-11-force.csv"
    entry = AccessLogEntry.objects.get()
    assert (entry.username, entry.action, entry.what) == ("manager", "export", "monthly pack 2026-11 (CSV), North hub")


def test_the_monthly_job_produces_every_format_for_the_force_and_each_hub(dataset, monkeypatch):
    kept = monthly_packs_produce(month=NOVEMBER, today=TODAY)
    for p in kept:
        assert bytes(p.content)[:4] == {"pdf": b"%PDF", "xlsx": b"PK\x03\x04", "csv": b"\xef\xbb\xbft"}[p.format], p.filename
    assert sorted((p.hub.code if p.hub else "force", p.format) for p in kept) == sorted(
        (h, f) for h in ("force", "HUB-NORTH", "HUB-SOUTH") for f in ("pdf", "xlsx", "csv"))
    assert AccessLogEntry.objects.filter(username="monthly job", action="export").count() == 9
    # The North hub's stored pack holds the same figures as the hub manager's download.
    north = next(p for p in kept if p.hub and p.hub.code == "HUB-NORTH" and p.format == "csv")
    manager = dataset["people"]["M"]
    _, download = pack_export(user=manager, cases=cases_in_role_scope(manager), month=NOVEMBER,
                              hub=dataset["units"]["north"], fmt="csv", today=TODAY, scope="North hub", purpose="test")
    assert bytes(north.content) == download
    # Produced again (the files themselves are checked above): replaced, not duplicated.
    monkeypatch.setattr("casework.reporting.services.render", lambda pack, fmt: f"{pack.scope} {fmt}".encode())
    again = monthly_packs_produce(month=NOVEMBER, today=TODAY)
    assert len(again) == 9 and type(kept[0]).objects.count() == 9
    assert bytes(type(kept[0]).objects.get(hub__code="HUB-SOUTH", format="pdf").content) == b"South hub pdf"


@pytest.mark.parametrize(("today", "first", "due"), [
    (date(2026, 12, 1), date(2026, 12, 1), date(2026, 11, 1)),  # Tue 1 Dec: November's packs
    (date(2026, 12, 2), date(2026, 12, 1), None),
    (date(2027, 1, 1), date(2027, 1, 4), None),  # New Year's Day is a bank holiday, then a weekend
    (date(2027, 1, 4), date(2027, 1, 4), date(2026, 12, 1)),  # Mon 4 Jan 2027: December's packs
    (date(2026, 11, 2), date(2026, 11, 2), date(2026, 10, 1)),  # Sun 1 Nov: Monday 2 Nov
])
def test_monthly_packs_are_due_on_the_first_working_day(db, today, first, due):
    assert first_working_day(today) == first
    assert monthly_packs_due(today) == due
