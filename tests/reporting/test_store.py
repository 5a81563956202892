"""The dashboard counts stored facts (casework.reporting.store). Its figures must be the figures
the live report gives, which test_figures.py reconciles by hand with the fixed dataset: here every
figure, breakdown, trend, failing reason and training need is compared between the two, for each
reader, filter and period, on several days (a fact not yet decided counts as not met once its
day has passed). And a change to a case reaches the dashboard at once."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from casework.audit.services import change_record
from casework.cases.access import cases_in_role_scope, role_scope_hubs
from casework.cases.models import Case, Hearing
from casework.deadlines.models import ServiceLevel
from casework.deadlines.services import service_levels_ensure
from casework.reporting.filters import Period, ReportFilters
from casework.reporting.models import ReportFact, ReportFactStamp
from casework.reporting.selectors import report_build, report_read, report_stored
from casework.reporting.store import facts_basis, facts_refresh_all, facts_stale
from casework.reviews.services import finding_set_aside

from .conftest import NOVEMBER, TODAY, URNS
from .test_figures import FILTERED

pytestmark = pytest.mark.django_db


def summary(report) -> dict:
    """Everything a reader of the dashboard sees, as plain values."""
    out = {}
    for mid, f in report.figures.items():
        out[mid] = {"met": f.met, "not_met": f.not_met, "pending": f.pending, "count": f.count, "rate": f.rate,
                    "cases": f.cases, "breakdown": f.breakdown()}
    out["trends"] = report.trends
    out["failings"] = report.failing_reasons()
    out["categories"] = report.failing_categories()
    out["training"] = report.training
    out["caseload"] = report.caseload
    return out


def both(dataset, who, filters, today):
    """The live report and the stored one, the latter read both from the facts and, where the
    reader's scope is whole hubs, from the counts."""
    user = dataset["people"][who]
    cases = cases_in_role_scope(user)
    live = report_build(cases=cases, filters=filters, today=today, training_threshold=1, training_share=0)
    assert facts_stale(Case.objects.all(), facts_basis()) == []
    from_facts = report_stored(cases=cases, filters=filters, today=today, training_threshold=1, training_share=0)
    assert summary(from_facts) == summary(live)
    stored = report_stored(cases=cases, filters=filters, today=today, training_threshold=1, training_share=0,
                           hubs=role_scope_hubs(user))
    return summary(live), summary(stored)


def resolve(dataset, filters: dict) -> dict:
    out = {}
    for key, value in filters.items():
        out[key] = (dataset["units"][value].pk if key in ("hub", "lpa", "team")
                    else dataset["people"][value].pk if key == "officer" else value)
    return out


@pytest.fixture
def stored(dataset):
    service_levels_ensure()  # the administrators' table of service levels, at their defaults
    facts_refresh_all()
    return dataset


@pytest.mark.parametrize("today", [TODAY, date(2026, 11, 15), date(2026, 11, 20), date(2026, 12, 1)], ids=str)
@pytest.mark.parametrize("who", ["M", "ADMIN", "S"])
def test_the_stored_figures_are_the_live_figures(stored, who, today):
    live, kept = both(stored, who, ReportFilters(period=Period.month(NOVEMBER)), today)
    assert kept == live
    assert live["first_time_pcd"]["count"] > 0  # the comparison is of real figures, not of two empty reports


@pytest.mark.parametrize(("filters", "who", "_"), FILTERED, ids=[f"{w}-{f}" for f, w, _ in FILTERED])
def test_the_stored_figures_are_the_live_figures_under_each_filter(stored, filters, who, _):
    f = ReportFilters(period=Period.month(NOVEMBER), **resolve(stored, filters))
    live, kept = both(stored, who, f, TODAY)
    assert kept == live


@pytest.mark.parametrize("period", [Period(date(2026, 10, 1), date(2026, 11, 30)),
                                    Period(date(2026, 11, 10), date(2026, 11, 12)),
                                    Period(date(2026, 11, 15), date(2026, 12, 31))], ids=lambda p: p.label)
def test_the_stored_figures_are_the_live_figures_for_any_period(stored, period):
    live, kept = both(stored, "M", ReportFilters(period=period), TODAY)
    assert kept == live


def test_a_change_to_a_case_reaches_the_dashboard_at_once(stored):
    """Setting a finding aside advances the case's revision: the next reading collects that case
    again (and only that case) before counting."""
    manager, c1 = stored["people"]["M"], stored["cases"]["C1"]
    today = timezone.localdate()
    filters = ReportFilters(period=Period.month(today.replace(day=1)))
    before = report_read(cases=cases_in_role_scope(manager), filters=filters, today=today)
    finding_set_aside(case=c1, rule_id="NFS.WITNESS.VPS_NOT_RECORDED", item="W1",
                      reason="The VPS was declined and the MG6 says so.", actor=manager)
    assert facts_stale(Case.objects.all(), facts_basis()) == [c1.pk]
    after = report_read(cases=cases_in_role_scope(manager), filters=filters, today=today)
    assert after.figures["set_aside"].count == before.figures["set_aside"].count + 1
    assert facts_stale(Case.objects.all(), facts_basis()) == []
    assert ReportFactStamp.objects.get(case=c1).revision == Case.objects.get(pk=c1.pk).revision


def test_a_change_of_service_level_collects_every_case_again(stored):
    """Charged files: C1 sent on the second working day after charge (in time with 2), C2 on the
    third (late). With a service level of 3 working days both are in time."""
    manager = stored["people"]["M"]
    filters = ReportFilters(period=Period.month(NOVEMBER))
    read = lambda: report_read(cases=cases_in_role_scope(manager), filters=filters, today=TODAY)  # noqa: E731
    figure = read().figures["file_service_level"]
    assert (figure.met, figure.not_met) == (1, 1)
    assert ServiceLevel.objects.filter(key="file_submission_working_days").update(value=3) == 1
    assert len(facts_stale(Case.objects.all(), facts_basis())) == Case.objects.count()
    figure = read().figures["file_service_level"]
    assert (figure.met, figure.not_met) == (2, 0)


def test_too_many_cases_out_of_date_are_counted_live_with_the_same_figures(stored, settings):
    manager = stored["people"]["M"]
    filters = ReportFilters(period=Period.month(NOVEMBER))
    expected = summary(report_build(cases=cases_in_role_scope(manager), filters=filters, today=TODAY))
    settings.CASEWORK_REPORT_REFRESH_LIMIT = 0
    assert ServiceLevel.objects.filter(key="pcd_red_hours").update(value=4) == 1  # every case out of date
    facts = ReportFact.objects.count()
    assert summary(report_read(cases=cases_in_role_scope(manager), filters=filters, today=TODAY)) == expected
    assert ReportFact.objects.count() == facts  # nothing collected during the request
    assert facts_stale(Case.objects.all(), facts_basis())  # left for the nightly job


def test_the_store_keeps_no_facts_of_a_deleted_case(stored):
    c7 = stored["cases"]["C7"]
    assert ReportFact.objects.filter(case=c7).exists()
    Case.objects.filter(pk=c7.pk).delete()
    assert not ReportFact.objects.filter(case_id=c7.pk).exists()


def test_the_report_facts_command_brings_every_case_up_to_date(dataset, capsys):
    assert len(facts_stale(Case.objects.all(), facts_basis())) == len(URNS)
    call_command("report_facts")
    assert "8 cases" in capsys.readouterr().out
    assert facts_stale(Case.objects.all(), facts_basis()) == []
    # --all collects every case again, up to date or not (the nightly job's safety net).
    ReportFact.objects.filter(case=dataset["cases"]["C1"]).delete()
    call_command("report_facts", "--all")
    assert ReportFact.objects.filter(case=dataset["cases"]["C1"]).exists()


def test_a_month_from_the_store_on_a_later_day(stored):
    """A victim's update still not given: pending on its due day, not met the day after."""
    manager = stored["people"]["M"]
    filters = ReportFilters(period=Period.month(NOVEMBER))
    due = date(2026, 11, 30)  # C1's first hearing result (Fri 27 Nov), due Mon 30 Nov
    on_the_day = report_stored(cases=cases_in_role_scope(manager), filters=filters, today=due).figures["victims_code"]
    after = report_stored(cases=cases_in_role_scope(manager), filters=filters,
                          today=due + timedelta(days=1)).figures["victims_code"]
    assert (on_the_day.met, on_the_day.not_met, on_the_day.pending) == (1, 0, 1)
    assert (after.met, after.not_met, after.pending) == (1, 1, 0)


def test_the_nightly_job_collects_every_case_again(dataset, monkeypatch):
    monkeypatch.setattr("casework.deadlines.management.commands.nightly.timezone.localdate", lambda: TODAY)
    out = io.StringIO()
    call_command("nightly", stdout=out)  # the test settings run queued jobs at once
    assert "report_facts_refresh" in out.getvalue()
    assert facts_stale(Case.objects.all(), facts_basis()) == []
    assert ReportFact.objects.filter(case=dataset["cases"]["C1"], measure="first_time_pcd").count() == 1


def test_a_change_to_an_earlier_month_reaches_its_counts(stored):
    """A month already over is read from the counts: a hearing result corrected in it (recorded as
    every service records a change) is counted again with the case's facts."""
    manager, c2 = stored["people"]["M"], stored["cases"]["C2"]
    filters = ReportFilters(period=Period.month(NOVEMBER))

    def read():
        return report_read(cases=cases_in_role_scope(manager), filters=filters, today=TODAY,
                           hubs=role_scope_hubs(manager)).figures["guilty_plea_first_hearing"]

    before = read()
    assert (before.met, before.not_met) == (1, 1)  # C2 sentenced at its first hearing; C1 pleaded not guilty
    Hearing.objects.filter(case=c2, type="first").update(outcome="not_guilty_plea")
    change_record(case=c2, user=manager, change="hearing.result", part="hearing H1", before={"outcome": "sentenced"},
                  after={"outcome": "not_guilty_plea"}, summary="First hearing result corrected")
    after = read()
    assert (after.met, after.not_met) == (0, 2)
    live, kept = both(stored, "M", filters, TODAY)
    assert kept == live


def test_a_deleted_case_leaves_the_counts(stored):
    manager, c7 = stored["people"]["M"], stored["cases"]["C7"]
    filters = ReportFilters(period=Period.month(NOVEMBER))
    Case.objects.filter(pk=c7.pk).delete()
    figure = report_stored(cases=cases_in_role_scope(manager), filters=filters, today=TODAY,
                           hubs=role_scope_hubs(manager)).figures["trials"]
    assert (figure.met, figure.not_met) == (1, 1)  # C3 effective, C4 ineffective; C7's cracked trial gone


@pytest.mark.parametrize("filters", [
    {"case_type": "domestic_abuse", "offence_group": "violence"},  # C1 and C4: both facets at once, read from the facts
    {"lpa": "one", "offence_group": "other"},
    {"team": "team_a", "case_type": "domestic_abuse"},  # a team: the facts of its cases
], ids=str)
def test_the_stored_figures_are_the_live_figures_under_combined_filters(stored, filters):
    f = ReportFilters(period=Period.month(NOVEMBER), **resolve(stored, filters))
    live, kept = both(stored, "M", f, TODAY)
    assert kept == live
