"""Administrators maintain reference data in the Django admin."""

import pytest

from casework.people.constants import Role
from casework.people.models import User
from tests.accounts.helpers import verify_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User(username="admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    user.set_password("correct-horse-battery-9")
    user.save()
    client.login(username="admin", password="correct-horse-battery-9")
    verify_session(client)
    return client


@pytest.mark.parametrize("url,expected", [
    ("/admin/reference/offencecode/?q=TH68010", "Theft from a shop"),
    ("/admin/reference/offencecode/?current__exact=0&q=AA06001", "AA06001"),
    ("/admin/reference/organisationunit/?q=C20BI00", "Birmingham"),
    ("/admin/reference/bankholiday/?q=", "Boxing Day"),
    ("/admin/reference/codelistentry/?list_name=plea-status", "Not Guilty"),
])
def test_admin_finds_reference_data(admin_client, url, expected):
    response = admin_client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_admin_can_add_a_one_off_bank_holiday(admin_client):
    from casework.reference.models import BankHoliday

    response = admin_client.post("/admin/reference/bankholiday/add/", {
        "date": "2027-06-07", "title": "Proclaimed one-off bank holiday", "source": "admin",
        "notes": "By proclamation",
    })
    assert response.status_code == 302
    assert BankHoliday.objects.get(date="2027-06-07").source == "admin"


def test_a_caseworker_cannot_open_the_admin(client):
    user = User(username="cpo", role=Role.CASEWORKER)
    user.set_password("correct-horse-battery-9")
    user.save()
    client.login(username="cpo", password="correct-horse-battery-9")
    assert client.get("/admin/reference/offencecode/").status_code == 302


def test_changing_a_service_level_recomputes_deadlines(admin_client, units, sample_doc):
    import json
    from datetime import date

    from casework.deadlines.models import CaseDeadline, ServiceLevel
    from casework.deadlines.services import service_levels_ensure
    from casework.interchange.services import Importer

    service_levels_ensure()
    Importer(today=date(2025, 3, 10)).import_bytes(json.dumps(sample_doc).encode(), "a.json")
    before = CaseDeadline.objects.get(kind="DEADLINE.FILE.POST_CHARGE_SUBMISSION")
    assert str(before.due) == "2025-02-25"  # charged Fri 21 Feb 2025 + 2 working days

    level = ServiceLevel.objects.get(key="file_submission_working_days")
    response = admin_client.post(f"/admin/deadlines/servicelevel/{level.pk}/change/", {"value": "1"}, follow=True)
    assert "will be recomputed" in response.content.decode()

    after = CaseDeadline.objects.get(kind="DEADLINE.FILE.POST_CHARGE_SUBMISSION")
    assert str(after.due) == "2025-02-24" and "1 working day later" in after.basis
    from django.contrib.admin.models import LogEntry

    assert LogEntry.objects.filter(object_repr__contains="Charged file to the CPS").exists()  # audited


def test_the_bank_holiday_page_shows_the_years_the_calendar_covers_and_warns_ahead_of_the_last(admin_client, settings):
    from datetime import date

    from casework.deadlines.services import calendar_build, calendar_coverage
    from casework.reference.models import BankHoliday

    settings.CASEWORK_CALENDAR_LAST_YEAR = 2030
    published = BankHoliday.objects.order_by("-date").first().date.year  # the shipped GOV.UK list's last year
    page = admin_client.get("/admin/reference/bankholiday/").content.decode()
    assert "The calendar covers 2000 to 2030" in page and f"The GOV.UK list loaded runs to {published}" in page
    assert calendar_build().last_year == 2030 and not calendar_build().covers(date(2031, 1, 2))
    assert calendar_coverage(date(2029, 1, 2))["warn"] and not calendar_coverage(date(2027, 1, 2))["warn"]
    # A day an administrator enters in a later year extends the calendar to it.
    BankHoliday.objects.create(date=date(2031, 1, 1), title="New Year's Day", source="admin")
    assert calendar_build().covers(date(2031, 6, 1))
    assert "The calendar covers 2000 to 2031" in admin_client.get("/admin/reference/bankholiday/").content.decode()
