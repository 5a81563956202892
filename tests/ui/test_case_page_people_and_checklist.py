"""The case page shows the materials checklist for the file's stage and, for each victim and
witness, what a caseworker needs at a glance: special measures, dates to avoid, needs, VPS."""

import pytest

from .helpers import PASSWORD, sample_case_with_cpo_and_oic
from .workbench_helpers import URN, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, units, sample_doc, today):
    sample_case_with_cpo_and_oic(units, sample_doc, today)
    client.login(username="cpo", password=PASSWORD)
    return text(client.get(f"/cases/{URN}/"))


def test_the_checklist_says_what_the_file_has_and_what_it_lacks(page):
    checklist = page[page.index("Materials checklist for"):page.index("</table>", page.index("Materials checklist for"))]
    def status(title):
        row = checklist[checklist.index(title):]
        return row[:row.index("</tr>")]

    assert ">Yes<" in status("Case summary (MG5)")  # the sample has its MG5
    assert ">Missing<" in status("Domestic abuse evidence-gathering checklist")  # outstanding in the sample


def test_each_witness_shows_special_measures_dates_to_avoid_needs_and_vps(page):
    assert "Special measures sought: Screens (s.23)" in page
    assert "Dates to avoid: 2025-04-14 to 2025-04-18" in page
    assert "Needs: Wants a female officer for updates." in page
    assert "Not made" in page  # VPS offered but not made
