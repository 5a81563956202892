"""The case page says when a date rests on an assumption, and when a limit cannot be computed."""

import pytest

from casework.deadlines.services import case_deadlines_recompute
from casework.rules.calendar import Calendar

from .helpers import PASSWORD, sample_case_with_cpo_and_oic
from .workbench_helpers import URN, text

pytestmark = pytest.mark.django_db


def _page(client, units, doc, today):
    sample_case_with_cpo_and_oic(units, doc, today)
    client.login(username="cpo", password=PASSWORD)
    return client


def test_a_date_on_an_assumed_mode_of_trial_is_marked_assumed_with_the_reason(client, units, sample_doc, today):
    for o in sample_doc["defendants"][0]["offences"]:
        o["mode_of_trial"] = None
    page = text(_page(client, units, sample_doc, today).get(f"/cases/{URN}/"))
    assert "Assumed" in page and "is not recorded, so it is treated as summary only" in page


def test_a_limit_that_cannot_be_computed_is_shown_as_such_on_the_case(client, units, sample_doc, today):
    client = _page(client, units, sample_doc, today)
    from casework.cases.models import Case

    case_deadlines_recompute(case_ids=[Case.objects.get().pk], today=today, calendar=Calendar({}, frozenset({1999})))
    page = text(client.get(f"/cases/{URN}/"))
    assert "Cannot compute" in page and "are not known" in page and "work this limit out by hand" in page
