"""Management information in the browser: a hub manager finds the month's performance, follows a
figure to the cases behind it and on to a case, and downloads the monthly pack as PDF, Excel and
CSV (each download written to the access log); a case progression officer is not offered it and is
refused it. The cases are the `people` fixture's (tests/browser/conftest.py): the sample case's
first hearing was on Fri 7 Mar 2025 with a not guilty plea."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from casework.audit.models import AccessAction, AccessLogEntry
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

URN = "20/BH/04567/25"  # the sample case, as the pages show it
# The PDF takes WeasyPrint some seconds (about 6 on a quiet 2-CPU machine), far longer when the
# browser tests run in parallel: give a download more than Playwright's default 30 seconds.
DOWNLOAD_TIMEOUT_MS = 120_000


def _download(page, name: str):
    """Click the dashboard's download link `name`; (suggested file name, content)."""
    with page.expect_download(timeout=DOWNLOAD_TIMEOUT_MS) as info:
        page.get_by_role("link", name=name).click(timeout=DOWNLOAD_TIMEOUT_MS)
    download = info.value
    assert download.failure() is None, download.failure()
    with open(download.path(), "rb") as f:
        return download.suggested_filename, f.read()


def test_manager_follows_a_figure_to_its_cases_and_downloads_the_pack(page, live_server, people):
    sign_in(page, live_server.url, people["manager"])
    page.get_by_role("link", name="Performance", exact=True).click()
    expect(page).to_have_url(re.compile(r"/reports/$"))
    expect(page.get_by_role("heading", level=1, name=re.compile(r"^Performance: "))).to_be_visible()

    month = page.get_by_label("Month", exact=True)
    # The select offers every month since the earliest file received, so March 2025 stays.
    assert month.locator("option", has_text="March 2025").count() == 1
    month.select_option(label="March 2025")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1, name="Performance: March 2025", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]month=2025-03\b"))

    # The sample case's first hearing: 0% guilty pleas, of 1 first hearing, 1 without a guilty plea.
    outcomes = page.locator("#outcomes + table")
    row = outcomes.locator("tr", has=page.get_by_role("rowheader", name=re.compile("^Guilty pleas at the first hearing")))
    expect(row).to_have_count(1)
    expect(row.get_by_text("of 1 first hearings")).to_be_visible()
    row.get_by_role("link", name="1 no guilty plea").click()

    expect(page).to_have_url(re.compile(r"/reports/cases/\?.*measure=guilty_plea_first_hearing"))
    expect(page.get_by_role("heading", level=1, name="Guilty pleas at the first hearing: no guilty plea",
                            exact=True)).to_be_visible()
    expect(page.get_by_text("1 item behind this figure.")).to_be_visible()
    case_row = page.locator("tbody tr", has=page.get_by_role("link", name=URN, exact=True))
    expect(case_row).to_have_count(1)
    expect(case_row.get_by_text("first hearing Fri 7 Mar 2025: not guilty plea")).to_be_visible()
    case_row.get_by_role("link", name=URN, exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Liam CARTER", exact=True)).to_be_visible()

    page.go_back()
    page.get_by_role("link", name="Back to the dashboard").click()
    expect(page.get_by_role("heading", level=1, name="Performance: March 2025", exact=True)).to_be_visible()
    assert not AccessLogEntry.objects.filter(action=AccessAction.EXPORT).exists()

    name, pdf = _download(page, "Download as PDF")
    assert name == "casework-pack-2025-03-force.pdf"
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert "OFFICIAL-SENSITIVE" in text
    assert "Page 1 of" in text
    assert "March 2025" in text

    name, xlsx = _download(page, "Download as Excel")
    assert name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(xlsx), read_only=True)
    assert "summary" in book.sheetnames, book.sheetnames
    header = next((r for r in book["summary"].iter_rows(values_only=True) if r and r[0] == "Measure"), None)
    assert header is not None, "the summary sheet has no header row starting 'Measure'"

    name, csv = _download(page, "Download as CSV")
    assert name.endswith(".csv")
    assert csv.startswith("\ufeff".encode())  # a BOM, so Excel reads it as UTF-8
    assert csv.decode("utf-8-sig").splitlines()[0] == "table,row,label,column,value"

    exports = AccessLogEntry.objects.filter(action=AccessAction.EXPORT, user=people["manager"])
    assert exports.count() == 3
    assert {e.what.split(",")[0] for e in exports} == {
        "monthly pack 2025-03 (PDF)", "monthly pack 2025-03 (XLSX)", "monthly pack 2025-03 (CSV)"}
    assert all(e.username == "manager" and e.purpose == "monthly performance pack (download)" for e in exports)


def test_case_progression_officer_is_not_offered_performance_and_is_refused_it(page, live_server, people):
    sign_in(page, live_server.url, people["cpo"])
    expect(page.get_by_role("link", name="My cases", exact=True)).to_be_visible()  # the navigation is there
    expect(page.get_by_role("link", name="Performance", exact=True)).to_have_count(0)

    response = page.goto(f"{live_server.url}/reports/?month=2025-03")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1, name="You cannot do that", exact=True)).to_be_visible()
    expect(page.get_by_text("Guilty pleas at the first hearing")).to_have_count(0)
    assert not AccessLogEntry.objects.filter(user=people["cpo"], what__startswith="performance dashboard").exists()
