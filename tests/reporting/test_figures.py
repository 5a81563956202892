"""Every figure of the November 2026 report, reconciled against the fixed dataset (conftest.py)
by hand: each expectation says which facts make it up. Figures cover the cases of the reader's
role, restricted ones included (C6): the page lists those without naming them."""

from datetime import date

import pytest

from casework.cases.access import cases_in_role_scope
from casework.reporting.filters import Period, ReportFilters
from casework.reporting.selectors import measure_facts, report_build

from .conftest import NOVEMBER, TODAY, URNS

pytestmark = pytest.mark.django_db


def build(dataset, who="M", *, period=None, trends=True, **filters):
    user = dataset["people"][who]
    f = ReportFilters(period=period or Period.month(NOVEMBER), **filters)
    return report_build(cases=cases_in_role_scope(user), filters=f, today=TODAY, trends=trends)


def urns(facts, *keys) -> set[str]:
    return {f.urn for f in facts}


def figure(report, mid):
    f = report.figures[mid]
    return (f.met, f.not_met, f.pending) if f.measure.kind == "rate" else f.count


# (measure, (met, not met, not yet due) or count, the cases behind it: how they add up)
NOVEMBER_FIGURES = [
    # First PCD requests triaged in November: C1 S1 non-compliant, C2 S1 red rejection, C6 S1 and
    # C8 S1 compliant; C4 S1 awaiting triage. C3's first request was in October; C5 is another hub's.
    ("first_time_pcd", (2, 2, 1), {"C1", "C2", "C4", "C6", "C8"}),
    # Every attempt: C1 S1 ✗ S2 ✓, C2 S1 ✗ S2 ✓, C6 S1 ✓, C8 S1 ✓, C4 S1 awaiting.
    ("pcd_triage", (4, 2, 1), {"C1", "C2", "C4", "C6", "C8"}),
    # First charged files in November: C1 S3 compliant, C2 S3 non-compliant (C3's was in October).
    ("first_time_charged", (1, 1, 0), {"C1", "C2"}),
    # Returns: C1 cycle 1 (1 Nov), C4 cycles 1 and 2.
    ("file_returns", 3, {"C1", "C4"}),
    ("set_aside", 1, {"C1"}),
    # Charged Fri 20 Nov, due Tue 24 Nov (2 working days), sent 24 Nov: in time. Charged Fri
    # 13 Nov, due Tue 17 Nov, sent Wed 18 Nov: late.
    ("file_service_level", (1, 1, 0), {"C1", "C2"}),
    # C1: green, 9 Nov → 19 Nov (≤ 28 days) ✓; C2: green priority, 6 Nov → 13 Nov (7 > 5 days) ✗;
    # C8: green, 11 Nov → 30 Nov (19 days) ✓.
    ("pcd_turnaround", (2, 1, 0), {"C1", "C2", "C8"}),
    # C1's item due 10 Nov done 9 Nov ✓; C2's item due 20 Nov still open ✗.
    ("action_items", (1, 1, 0), {"C1", "C2"}),
    # C1's victim (enhanced rights): charge Fri 20 Nov 17:00, due Mon 23 Nov, told 23 Nov ✓;
    # first hearing result Fri 27 Nov, due Mon 30 Nov, not told ✗.
    ("victims_code", (1, 1, 0), {"C1"}),
    # C4's custody time limit, due 30 Nov, not met (its statutory limit is due 11 Dec; the task is soft).
    ("time_limit_failures", 1, {"C4"}),
    # As at 10 Dec: C4's CTL (expired) and STL (tomorrow).
    ("time_limits_at_risk", 2, {"C4"}),
    # First hearings: C1 not guilty plea ✗, C2 sentenced that day (guilty plea) ✓.
    ("guilty_plea_first_hearing", (1, 1, 0), {"C1", "C2"}),
    # Trials: C3 convicted (effective) ✓, C4 ineffective ✗, C7 discontinued on the day (cracked) ✗.
    ("trials", (1, 2, 0), {"C3", "C4", "C7"}),
    # Prosecutions finalised: C2 and C3 convicted, C7 discontinued ✓ (the measure counts discontinuances).
    ("discontinued", (1, 2, 0), {"C2", "C3", "C7"}),
]


@pytest.mark.parametrize(("measure", "expected", "cases"), NOVEMBER_FIGURES, ids=[r[0] for r in NOVEMBER_FIGURES])
def test_each_november_figure_and_the_cases_behind_it(dataset, measure, expected, cases):
    report = build(dataset)
    assert figure(report, measure) == expected
    assert {f.urn for f in report.figures[measure].facts} == {URNS[c] for c in cases}


def test_rates_are_met_over_decided_and_leave_out_what_is_not_yet_due(dataset):
    report = build(dataset)
    assert report.figures["first_time_pcd"].rate == pytest.approx(2 / 4)
    assert report.figures["pcd_triage"].rate == pytest.approx(4 / 6)
    assert report.figures["trials"].rate == pytest.approx(1 / 3)


def test_breakdowns(dataset):
    report = build(dataset)
    returns = {r["key"]: r["count"] for r in report.figures["file_returns"].breakdown()}
    assert returns == {"1": 2, "2": 1, "3 or more": 0}  # every cycle band is shown, in order
    turnaround = {r["key"]: (r["count"], r["met"], r["median"]) for r in report.figures["pcd_turnaround"].breakdown()}
    # green: 242 hours (9 Nov 10:00 → 19 Nov 12:00) and 456 hours (11 Nov 10:00 → 30 Nov 10:00)
    assert turnaround == {"green": (2, 2, pytest.approx(349.0)), "green_priority": (1, 0, pytest.approx(168.0))}
    trials = {r["key"]: r["count"] for r in report.figures["trials"].breakdown()}
    assert trials == {"effective": 1, "cracked": 1, "ineffective": 1}
    at_risk = sorted((f.key, f.category) for f in report.figures["time_limits_at_risk"].facts)
    assert at_risk == [("expired", "CTL"), ("tomorrow", "STL")]
    victims = {r["key"]: (r["decided"], r["met"]) for r in report.figures["victims_code"].breakdown()}
    assert victims == {"enhanced": (2, 1)}


def test_failure_reasons_in_the_cps_words_with_who_found_them(dataset):
    report = build(dataset)
    rows = [(r["reason"], r["category"], r["count"], r["cases"], r["by"]) for r in report.failing_reasons()]
    assert rows == [
        # C1's triage (no MG11s) and return; C4's first return.
        ("No/missing MG11s", "Evidential", 3, 2,
         {"CPS triage (pre-charge)": 1, "Casework review (returned to the officer)": 2}),
        # C4's two returns for the VPS rule, in the DGA's words.
        ("VPS – no information on whether VPS offered/not provided", "Victim and witness", 2, 1,
         {"Casework review (returned to the officer)": 2}),
        ("Check custody status and resubmit", "", 1, 1, {"CPS triage (pre-charge)": 1}),
        ("No DV checklist", "Evidential", 1, 1, {"CPS triage (pre-charge)": 1}),
        ("No/missing exhibits", "Evidential", 1, 1, {"CPS file assessment (charged)": 1}),
    ]
    categories = [(r["category"], r["count"], r["cases"]) for r in report.failing_categories()]
    assert categories == [("Evidential", 5, 3), ("Victim and witness", 2, 1), ("No DGA category (triage only)", 1, 1)]


def test_caseload_as_at_today(dataset):
    load = build(dataset).caseload
    assert load["open"] == 4  # C1, C4, C6, C8 (C5 is another hub's)
    assert {r["key"]: r["count"] for r in load["by_stage"] if r["count"]} == {"charged": 1, "awaiting_trial": 3}
    assert {r["label"]: r["count"] for r in load["by_worker"]} == {"Carl Wood": 2, "Not assigned": 2}
    # C8 was received on 10 Nov, exactly a month before today: 1 to 3 months old. C6: 1 Sep.
    assert {r["key"]: r["count"] for r in load["by_age"]} == {"under_1m": 1, "1_3m": 2, "3_6m": 1, "6_12m": 0,
                                                              "over_12m": 0}


def test_monthly_trend_counts_each_month_from_the_same_facts(dataset):
    report = build(dataset)
    assert len(report.months) == 12 and report.months[-1] == NOVEMBER
    points = {p.month: (p.numerator, p.denominator) for p in report.trends["pcd_triage"]}
    assert points["2026-10"] == (1, 1)  # C3's October request
    assert points["2026-11"] == (4, 6)
    assert sum(n for n, _ in points.values()) == 5
    counts = {p.month: p.numerator for p in report.trends["file_returns"]}
    assert counts["2026-11"] == 3 and sum(counts.values()) == 3
    assert "time_limits_at_risk" not in report.trends  # today's position has no history


def test_training_needs_where_a_failing_recurs(dataset):
    user = dataset["people"]["M"]
    f = ReportFilters(period=Period.month(NOVEMBER))
    report = report_build(cases=cases_in_role_scope(user), filters=f, today=TODAY, training_threshold=2, training_share=40)
    # Supervisor Shaw: statements failed on C1 (triage and return) and C4 (return): 2 of the 5
    # cases of hers assessed in November (C1, C2, C4, C6, C8). No officer or team reaches 2.
    assert [(r["kind"], r["who"], r["area"], r["cases"], r["of"], r["examples"]) for r in report.training] == [
        ("supervisor", "Sara Shaw", "statements", 2, 5, [URNS["C4"], URNS["C1"]])]
    stricter = report_build(cases=cases_in_role_scope(user), filters=f, today=TODAY, training_threshold=2, training_share=41)
    assert stricter.training == []
    loose = report_build(cases=cases_in_role_scope(user), filters=f, today=TODAY, training_threshold=1, training_share=0)
    alice = [r for r in loose.training if r["kind"] == "officer" and r["who"] == "Alice Archer" and r["area"] == "statements"]
    assert [(r["cases"], r["of"]) for r in alice] == [(1, 3)]  # C1 of her C1, C6 and C8
    team_bravo = {r["area"] for r in loose.training if r["kind"] == "team" and r["who"] == "Team Bravo"}
    assert team_bravo == {"statements", "victims_witnesses", "file_build", "exhibits"}  # C2 and C4


FILTERED = [
    # (filters, who, first_time_pcd (met, not met, not yet due)); the cases each filter keeps
    ({}, "ADMIN", (3, 2, 1)),  # the administrator's figures also count C5's compliant request
    ({"hub": "south"}, "ADMIN", (1, 0, 0)),  # C5
    ({"hub": "south"}, "M", (0, 0, 0)),  # outside the manager's scope: nothing, not an error
    ({"officer": "A"}, "M", (2, 1, 0)),  # C1 ✗, C6 ✓, C8 ✓
    ({"team": "team_b"}, "M", (0, 1, 1)),  # C2 ✗, C4 awaiting
    ({"lpa": "two"}, "M", (0, 1, 0)),  # C2
    ({"offence_group": "violence"}, "M", (2, 1, 1)),  # C1, C4, C6, C8 (ABH, assault by beating)
    ({"offence_group": "theft"}, "M", (0, 1, 0)),  # C2
    ({"offence_group": "other"}, "M", (0, 0, 0)),
    ({"case_type": "domestic_abuse"}, "M", (0, 1, 1)),  # C1, C4
]


@pytest.mark.parametrize(("filters", "who", "expected"), FILTERED, ids=[f"{w}-{f}" for f, w, _ in FILTERED])
def test_filters(dataset, filters, who, expected):
    resolved = {}
    for key, value in filters.items():
        if key in ("hub", "lpa", "team"):
            resolved[key] = dataset["units"][value].pk
        elif key == "officer":
            resolved[key] = dataset["people"][value].pk
        else:
            resolved[key] = value
    assert figure(build(dataset, who, trends=False, **resolved), "first_time_pcd") == expected


def test_a_custom_period_counts_every_day_in_it(dataset):
    report = build(dataset, period=Period(date(2026, 10, 1), date(2026, 11, 30)), trends=False)
    assert figure(report, "pcd_triage") == (5, 2, 1)  # C3's October request as well
    narrow = build(dataset, period=Period(date(2026, 11, 10), date(2026, 11, 12)), trends=False)
    assert figure(narrow, "pcd_triage") == (1, 0, 0)  # C8 on 11 Nov only


def test_drill_down_lists_exactly_the_facts_behind_a_figure(dataset):
    user = dataset["people"]["M"]
    f = ReportFilters(period=Period.month(NOVEMBER))
    cases = cases_in_role_scope(user)
    not_ok = measure_facts(cases=cases, filters=f, today=TODAY, measure="first_time_pcd", part="not_ok")
    assert sorted(x.urn for x in not_ok) == [URNS["C1"], URNS["C2"]]
    pending = measure_facts(cases=cases, filters=f, today=TODAY, measure="first_time_pcd", part="pending")
    assert [x.urn for x in pending] == [URNS["C4"]]
    assert "awaiting CPS triage" in pending[0].detail
    mg11 = measure_facts(cases=cases, filters=f, today=TODAY, measure="failings", key="No/missing MG11s")
    assert sorted(x.urn for x in mg11) == [URNS["C1"], URNS["C1"], URNS["C4"]]
    by_area = measure_facts(cases=cases, filters=f, today=TODAY, measure="failings", part="area:victims_witnesses")
    assert {x.urn for x in by_area} == {URNS["C4"]}
    late = measure_facts(cases=cases, filters=f, today=TODAY, measure="file_service_level", part="not_ok")
    assert [x.detail for x in late] == [
        "Charged Fri 13 Nov 2026; due Tue 17 Nov 2026 (2 working days); sent Wed 18 Nov 2026 — late"]


def test_times_count_on_their_london_day_in_summer_time(dataset):
    from datetime import UTC, datetime

    from casework.cases.models import FileSubmission, Hearing

    c8 = dataset["cases"]["C8"]
    # 23:30 UTC on Tue 30 Jun 2026 is 00:30 BST on Wed 1 Jul: July's figure, not June's.
    FileSubmission.objects.create(case=c8, ref="S9", file_type="PC-STD", submitted_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC),
                                  outcome="compliant")
    Hearing.objects.create(case=c8, ref="H9", court_id="B20BL00", type="first", outcome="guilty_plea",
                           starts_at=datetime(2026, 7, 31, 23, 15, tzinfo=UTC))  # 00:15 BST on Sat 1 Aug
    july = build(dataset, period=Period.month(date(2026, 7, 1)), trends=False)
    assert [(f.urn, f.on) for f in july.figures["pcd_triage"].facts] == [(URNS["C8"], date(2026, 7, 1))]
    assert july.figures["guilty_plea_first_hearing"].facts == []
    august = build(dataset, period=Period.month(date(2026, 8, 1)), trends=False)
    assert [f.on for f in august.figures["guilty_plea_first_hearing"].facts] == [date(2026, 8, 1)]
