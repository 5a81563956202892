"""The performance pages as people use them: who may open them, the figures shown and the cases
behind each, the month's pack to download, stored packs, and the access log of each."""

import csv
import html
import io
import re

import pytest

from casework.audit.models import AccessLogEntry
from casework.people.constants import Role
from casework.people.models import User
from casework.reporting.models import ReportPack
from casework.reporting.services import monthly_packs_produce
from tests.accounts.helpers import verify_session

from .conftest import NOVEMBER, TODAY, URNS

pytestmark = pytest.mark.django_db
MONTH = "month=2026-11"


@pytest.fixture(autouse=True)
def today_is_10_december(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)


def shown(urn: str) -> str:
    return f"{urn[:2]}/{urn[2:4]}/{urn[4:-2]}/{urn[-2:]}"


def text(response) -> str:
    return html.unescape(response.content.decode())


def sign_in(client, user):
    client.force_login(user)
    return verify_session(client)


# Role: may open the performance pages (and is offered them in the navigation).
ROLES = {Role.CASEWORKER: False, Role.HUB_MANAGER: True, Role.OIC: False, Role.SUPERVISOR: True,
         Role.WITNESS_CARE: False, Role.CPS_LIAISON: False, Role.AUDITOR: False, Role.ADMINISTRATOR: True}
URLS = ["/reports/", f"/reports/cases/?{MONTH}&measure=first_time_pcd", f"/reports/pack/?{MONTH}&format=csv",
        "/reports/packs/"]


@pytest.mark.parametrize("role", list(ROLES), ids=[str(r) for r in ROLES])
def test_who_may_open_the_performance_pages(client, dataset, role):
    user = User.objects.create(username=f"u-{role}", role=role, unit=dataset["units"]["north"])
    if role in (Role.ADMINISTRATOR, Role.AUDITOR):
        from casework.accounts.services import totp_enrol

        totp_enrol(user)
    sign_in(client, user)
    statuses = [client.get(url).status_code for url in URLS]
    assert statuses == ([200] * 4 if ROLES[role] else [403] * 4)
    assert ('href="/reports/"' in client.get("/cases/").content.decode()) is ROLES[role]


def test_the_manager_sees_the_months_figures_and_follows_one_to_its_cases(client, dataset):
    sign_in(client, dataset["people"]["M"])
    page = text(client.get(f"/reports/?{MONTH}"))
    assert "Performance: November 2026" in page and "North hub" in page
    # First-time NFS compliance: C6 and C8 compliant, C1 and C2 not, C4 awaiting triage.
    assert "50.0%" in page and "2 of 4 first pre-charge requests" in page
    assert "South hub" not in re.search(r'<select class="govuk-select" id="hub".*?</select>', page, re.S).group(0)
    link = re.search(r'href="(/reports/cases/\?[^"]*measure=first_time_pcd[^"]*part=not_ok[^"]*)"', page).group(1)
    cases = text(client.get(html.unescape(link)))
    assert "First-time NFS compliance (pre-charge): not compliant first time" in cases
    assert shown(URNS["C1"]) in cases and shown(URNS["C2"]) in cases and shown(URNS["C8"]) not in cases
    assert "S1 pre-charge request (red) sent Wed 4 Nov 2026 — priority (red) rejection: Check custody status" in cases
    whats = list(AccessLogEntry.objects.filter(username="manager").values_list("action", "what"))
    assert ("list", "performance dashboard, November 2026") in whats
    assert ("list", "report drill-down: First-time NFS compliance (pre-charge): not compliant first time") in whats


def test_a_restricted_case_is_counted_but_not_named_to_someone_not_named_on_it(client, dataset):
    sign_in(client, dataset["people"]["M"])
    page = text(client.get(f"/reports/cases/?{MONTH}&measure=first_time_pcd&part=ok"))
    assert "2 items behind this figure" in page
    assert shown(URNS["C8"]) in page and shown(URNS["C6"]) not in page and URNS["C6"] not in page
    assert "A restricted case: only the people named on it can see which case it is" in page


def test_caseload_drill_down(client, dataset):
    sign_in(client, dataset["people"]["M"])
    page = text(client.get(f"/reports/cases/?{MONTH}&caseload=age&key=1_3m"))
    assert "Open cases: 1 to 3 months" in page
    assert shown(URNS["C1"]) in page and shown(URNS["C8"]) in page and shown(URNS["C4"]) not in page


def test_filters_narrow_the_figures_and_unreadable_ones_are_named(client, dataset):
    sign_in(client, dataset["people"]["M"])
    page = text(client.get(f"/reports/?{MONTH}&offence_group=theft"))
    assert "theft and handling" in page and "0 of 1 first pre-charge requests" in page  # C2
    page = text(client.get("/reports/?month=2026-13"))
    assert "Month: '2026-13' is not a month like 2026-11." in page
    assert "Performance: November 2026" in page  # the last complete month instead
    page = text(client.get("/reports/?month=2027-01"))
    assert "Period: January 2027 has not started yet; showing November 2026." in page
    south = dataset["units"]["south"].pk  # another hub's: not the manager's to report on
    page = text(client.get(f"/reports/?{MONTH}&hub={south}"))
    assert "Hub: not one you can report on; showing all." in page and "2 of 4 first pre-charge requests" in page
    page = text(client.get("/reports/?from=2026-11-10&to=2026-11-12"))
    assert "Performance: 10 Nov 2026 to 12 Nov 2026" in page


def test_an_older_month_stays_selected(client, dataset):
    sign_in(client, dataset["people"]["M"])
    page = text(client.get("/reports/?month=2019-01"))
    assert '<option value="2019-01" selected>' in page


def test_the_supervisor_sees_the_cases_they_supervise(client, dataset):
    sign_in(client, dataset["people"]["S"])
    page = text(client.get(f"/reports/?{MONTH}"))
    assert "cases supervised by Sara Shaw" in page
    assert "3 of 5 first pre-charge requests" in page  # C5 (South hub) too: she supervises it


def test_the_months_pack_downloads_in_each_format_and_is_logged(client, dataset):
    sign_in(client, dataset["people"]["M"])
    response = client.get(f"/reports/pack/?{MONTH}&hub={dataset['units']['north'].pk}&format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="casework-pack-2026-11-hub-north.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    summary = {r["column"]: r["value"] for r in rows if r["table"] == "summary" and r["label"].startswith("First-time NFS")}
    assert (summary["Counted"], summary["Met"], summary["Rate or count"]) == ("4", "2", "0.5")
    about = {r["label"]: r["value"] for r in rows if r["table"] == "about"}
    assert about["Covers"] == "North hub" and about["Protective marking"] == "OFFICIAL-SENSITIVE"
    xlsx = client.get(f"/reports/pack/?{MONTH}&format=xlsx")
    assert xlsx.content[:2] == b"PK" and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    exports = list(AccessLogEntry.objects.filter(action="export").order_by("pk").values_list("username", "what"))
    assert exports == [("manager", "monthly pack 2026-11 (CSV), North hub"), ("manager", "monthly pack 2026-11 (XLSX), North hub")]


def test_a_pack_that_cannot_be_produced_says_why_and_downloads_nothing(client, dataset):
    sign_in(client, dataset["people"]["M"])
    response = client.get(f"/reports/pack/?{MONTH}&format=doc")
    assert response.status_code == 400 and "Format: 'doc' is not one of PDF, Excel or CSV." in text(response)
    assert not AccessLogEntry.objects.filter(action="export").exists()


def test_stored_packs_are_listed_and_downloaded_within_the_readers_hubs(client, dataset, monkeypatch):
    monkeypatch.setattr("casework.reporting.services.render", lambda pack, fmt: f"{pack.scope} {fmt}".encode())
    monthly_packs_produce(month=NOVEMBER, today=TODAY)
    sign_in(client, dataset["people"]["M"])
    page = text(client.get("/reports/packs/"))
    assert page.count("North hub") == 3 and "South hub" not in page and "The whole force" not in page
    north = ReportPack.objects.get(hub__code="HUB-NORTH", format="pdf")
    response = client.get(f"/reports/packs/{north.pk}/")
    assert response.content == b"North hub pdf" and response["Content-Type"] == "application/pdf"
    south = ReportPack.objects.get(hub__code="HUB-SOUTH", format="pdf")
    assert client.get(f"/reports/packs/{south.pk}/").status_code == 404
    assert AccessLogEntry.objects.filter(username="manager", action="export",
                                         what="monthly pack 2026-11 (PDF), North hub").exists()
    sign_in(client, dataset["people"]["ADMIN"])
    assert text(client.get("/reports/packs/")).count("casework-pack-2026-11-") == 9
