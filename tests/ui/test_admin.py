"""Administrators maintain reference data in the Django admin."""

import pytest

from casework.people.constants import Role
from casework.people.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User(username="admin", role=Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    user.set_password("correct-horse-battery-9")
    user.save()
    client.login(username="admin", password="correct-horse-battery-9")
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
