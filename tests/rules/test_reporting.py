"""Tests for casework.rules.reporting: the CPS's failure vocabulary, training areas, offence groups,
trial classes and the control-chart arithmetic behind "more than normal variation".

Rows carry their source: the domain brief section (§3.4 triage reasons, §7.1 DGA reasons), the CJS
offence code list (src/casework/reference/data/cjs-offences.json, the code's title quoted in the
row), HMCTS trial-effectiveness definitions [TSJ17], or the Shewhart p-chart / c-chart formulas with
the arithmetic done by hand in the row's comment. Pure: no database, no Django.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casework.rules import reporting
from casework.rules.quality import catalogue
from casework.rules.reporting import (
    DGA_REASONS,
    MIN_BASELINE_MONTHS,
    OFFENCE_GROUPS,
    TRAINING_AREAS,
    TRIAGE_REASONS,
    TRIAL_CLASSES,
    Failing,
    TrendPoint,
    dga_area,
    failing_for_rule,
    failing_for_triage,
    median,
    offence_group,
    trend,
)

RULES = {r.id: r for r in catalogue()}
DGA_CATEGORIES = {"Breach", "Disclosure", "Evidential", "Victim and witness"}


def month(i: int) -> str:
    return f"{2023 + i // 12}-{i % 12 + 1:02d}"


def series(*pairs: tuple[int, int | None]) -> list[tuple[str, int, int | None]]:
    """(numerator, denominator) pairs as consecutive months from 2023-01."""
    return [(month(i), n, d) for i, (n, d) in enumerate(pairs)]


def rates(*pairs: tuple[int, int]) -> list[tuple[str, int, int | None]]:
    return series(*pairs)


def counts(*values: int) -> list[tuple[str, int, int | None]]:
    return series(*((v, None) for v in values))


def last(months: list[tuple[str, int, int | None]]) -> TrendPoint:
    return trend(months)[-1]


# --------------------------------------------------------------------------------------------
# trend(): p-chart for rates, c-chart for counts; limits from the months BEFORE this one
# --------------------------------------------------------------------------------------------

SIX_AT_80 = [(80, 100)] * 6
POOLED_HALF = [(9, 10), (41, 90), (50, 100), (50, 100), (50, 100), (50, 100)]  # 250/500


@pytest.mark.parametrize(
    ("months", "centre", "lower", "upper", "flag"),
    [
        # p-chart: centre 480/600 = 0.8; sigma = sqrt(0.8*0.2/100) = sqrt(0.0016) = 0.04;
        # limits 0.8 ± 0.12 = 0.68 to 0.92. 60/100 = 0.60 < 0.68.
        pytest.param(rates(*SIX_AT_80, (60, 100)), 0.8, 0.68, 0.92, "low", id="p-chart-60-of-100-below-0.68-low"),
        # Same limits; 75/100 = 0.75 lies inside 0.68–0.92: a fall of 5 points is normal variation.
        pytest.param(rates(*SIX_AT_80, (75, 100)), 0.8, 0.68, 0.92, "", id="p-chart-75-of-100-inside"),
        # Same limits; 95/100 = 0.95 > 0.92.
        pytest.param(rates(*SIX_AT_80, (95, 100)), 0.8, 0.68, 0.92, "high", id="p-chart-95-of-100-above-0.92-high"),
        # The limits use THIS month's cases: n = 25 -> sigma = sqrt(0.16/25) = 0.08, limits 0.56 to 1.04
        # clipped to 1.0. 15/25 = 0.60 is low on 100 cases but inside on 25.
        pytest.param(rates(*SIX_AT_80, (15, 25)), 0.8, 0.56, 1.0, "", id="p-chart-same-rate-fewer-cases-inside"),
        # Pooled, not the mean of monthly rates: 9/10, 41/90, then 50/100 four times ->
        # (9 + 41 + 200)/(10 + 90 + 400) = 250/500 = 0.5 (the mean of the six monthly rates would be
        # (0.9 + 0.4556 + 4*0.5)/6 = 0.559). n = 100: sigma = sqrt(0.25/100) = 0.05, limits 0.35 to 0.65;
        # 64/100 inside.
        pytest.param(rates(*POOLED_HALF, (64, 100)),
                     0.5, 0.35, 0.65, "", id="p-chart-centre-is-pooled-rate"),
        # Same pooled baseline 0.5; 70/100 = 0.70 > 0.65. (Around the mean of rates, 0.559, the upper
        # limit would be 0.559 + 3*sqrt(0.559*0.441/100) = 0.708 and 0.70 would pass unflagged.)
        pytest.param(rates(*POOLED_HALF, (70, 100)),
                     0.5, 0.35, 0.65, "high", id="p-chart-pooled-70-of-100-high"),
        # Same rate 0.70 on 20 cases: sigma = sqrt(0.25/20) = 0.1118, limits 0.1646 to 0.8354: inside.
        pytest.param(rates(*POOLED_HALF, (14, 20)),
                     0.5, 0.5 - 3 * math.sqrt(0.25 / 20), 0.5 + 3 * math.sqrt(0.25 / 20), "",
                     id="p-chart-pooled-70-percent-of-20-inside"),
        # All earlier months count, not just the last six: (50*2 + 80*6)/800 = 580/800 = 0.725.
        # sigma = sqrt(0.725*0.275/100) = 0.044651; limits 0.591 to 0.859; 0.80 inside.
        pytest.param(rates((50, 100), (50, 100), *SIX_AT_80, (80, 100)), 0.725,
                     0.725 - 3 * math.sqrt(0.725 * 0.275 / 100), 0.725 + 3 * math.sqrt(0.725 * 0.275 / 100), "",
                     id="p-chart-baseline-is-all-earlier-months"),
        # An empty month (0 cases) is not in the baseline: 480/600 = 0.8 still, limits 0.68–0.92.
        pytest.param(rates(*SIX_AT_80[:3], (0, 0), *SIX_AT_80[3:], (60, 100)), 0.8, 0.68, 0.92, "low",
                     id="p-chart-empty-month-excluded-from-baseline"),
        # Upper clipped at 1: 594/600 = 0.99; n = 5: sigma = sqrt(0.99*0.01/5) = 0.0445;
        # limits 0.8665 to 1.1335 -> 1.0. 5/5 = 1.0 is not above 1.0.
        pytest.param(rates(*[(99, 100)] * 6, (5, 5)), 0.99, 0.99 - 3 * math.sqrt(0.99 * 0.01 / 5), 1.0, "",
                     id="p-chart-upper-clipped-to-1"),
        # Lower clipped at 0: 6/600 = 0.01; n = 5: sigma = 0.0445; limits -0.1235 -> 0 to 0.1435.
        # 0/5 = 0 is not below 0.
        pytest.param(rates(*[(1, 100)] * 6, (0, 5)), 0.01, 0.0, 0.01 + 3 * math.sqrt(0.01 * 0.99 / 5), "",
                     id="p-chart-lower-clipped-to-0"),
        # A baseline of 0 (no failures in 600 cases) has zero width: sigma = 0, limits 0 to 0.
        # One failure in 100 is above it.
        pytest.param(rates(*[(0, 100)] * 6, (1, 100)), 0.0, 0.0, 0.0, "high", id="p-chart-zero-baseline-any-failure-high"),
        # c-chart: mean 4; sigma = sqrt(4) = 2; limits 4 - 6 = -2 -> 0 to 4 + 6 = 10. 11 > 10.
        pytest.param(counts(4, 4, 4, 4, 4, 4, 11), 4.0, 0.0, 10.0, "high", id="c-chart-mean-4-month-11-high"),
        # On the limit is inside: 10 is not above 10.
        pytest.param(counts(4, 4, 4, 4, 4, 4, 10), 4.0, 0.0, 10.0, "", id="c-chart-mean-4-month-10-on-limit"),
        # The mean of uneven months: 2+6+3+5+4+4 = 24 / 6 = 4 -> limits 0 to 10; 0 is not below 0.
        pytest.param(counts(2, 6, 3, 5, 4, 4, 0), 4.0, 0.0, 10.0, "", id="c-chart-uneven-mean-4-zero-not-low"),
        # mean 25; sigma 5; limits 10 to 40. 9 < 10.
        pytest.param(counts(25, 25, 25, 25, 25, 25, 9), 25.0, 10.0, 40.0, "low", id="c-chart-mean-25-month-9-low"),
        pytest.param(counts(25, 25, 25, 25, 25, 25, 10), 25.0, 10.0, 40.0, "", id="c-chart-mean-25-month-10-on-limit"),
        pytest.param(counts(25, 25, 25, 25, 25, 25, 41), 25.0, 10.0, 40.0, "high", id="c-chart-mean-25-month-41-high"),
        # Zero counts are data in a count series: 0,0,0,12,12,12 -> mean 6; sigma 2.449; limits 0 to 13.35.
        pytest.param(counts(0, 0, 0, 12, 12, 12, 14), 6.0, 0.0, 6 + 3 * math.sqrt(6), "high",
                     id="c-chart-zero-months-count-in-baseline"),
    ],
)
def test_trend_limits_and_flag(months, centre, lower, upper, flag):
    point = last(months)
    assert point.centre == pytest.approx(centre)
    assert point.lower == pytest.approx(lower)
    assert point.upper == pytest.approx(upper)
    assert point.flag == flag


def test_trend_value_and_change_month_by_month():
    # 80% for six months, then 60%: change -0.20 (points of 1.0), value 0.60.
    points = trend(rates(*SIX_AT_80, (60, 100)))
    assert [p.month for p in points] == [month(i) for i in range(7)]
    assert points[0].change is None  # nothing before the first month
    assert [p.change for p in points[1:6]] == [0.0] * 5
    assert points[-1].value == pytest.approx(0.6)
    assert points[-1].change == pytest.approx(-0.2)
    assert (points[-1].numerator, points[-1].denominator) == (60, 100)
    counted = trend(counts(4, 4, 4, 4, 4, 4, 11))
    assert counted[-1].value == 11.0
    assert counted[-1].change == 7.0
    assert counted[-1].denominator is None


@pytest.mark.parametrize(
    "months",
    [
        pytest.param(rates(*SIX_AT_80[:5], (10, 100)), id="rate-five-earlier-months"),
        pytest.param(counts(4, 4, 4, 4, 4, 40), id="count-five-earlier-months"),
        # Six earlier months but one had no cases: only five with data.
        pytest.param(rates(*SIX_AT_80[:5], (0, 0), (10, 100)), id="rate-six-earlier-one-empty"),
    ],
)
def test_fewer_than_six_earlier_months_gives_no_limits_and_no_flag(months):
    # A collapse to 10% would be flagged on six months' history; on five it is not judged.
    for point in trend(months):
        assert (point.centre, point.lower, point.upper, point.flag) == (None, None, None, "")
    assert last(months).explanation == "Fewer than 6 earlier months with data: no limits yet."


def test_limits_start_on_the_seventh_month_with_data():
    points = trend(rates(*SIX_AT_80, (80, 100)))
    assert MIN_BASELINE_MONTHS == 6
    assert all(p.centre is None for p in points[:6])
    assert points[6].centre == pytest.approx(0.8)


def test_month_with_no_cases():
    points = trend(rates(*SIX_AT_80, (0, 0), (60, 100), (70, 100)))
    empty, after, next_ = points[6], points[7], points[8]
    assert (empty.value, empty.change, empty.centre, empty.flag) == (None, None, None, "")
    assert empty.explanation == "No cases this month."
    # No change can be measured across a month with no value.
    assert after.change is None
    # The empty month is not in the baseline: centre stays 480/600; 0.60 is still below 0.68.
    assert after.centre == pytest.approx(0.8)
    assert after.flag == "low"
    # The month after that measures change from 0.60 and its baseline now includes 60/100:
    # 540/700 = 0.771428...
    assert next_.change == pytest.approx(0.1)
    assert next_.centre == pytest.approx(540 / 700)


def test_empty_input():
    assert trend([]) == []


@pytest.mark.parametrize(
    ("months", "text"),
    [
        pytest.param(rates(*SIX_AT_80, (60, 100)),
                     "60.0% is below the lower control limit (limits 68.0% to 92.0% around 80.0%): "
                     "more than normal variation.", id="rate-low"),
        pytest.param(rates(*SIX_AT_80, (95, 100)),
                     "95.0% is above the upper control limit (limits 68.0% to 92.0% around 80.0%): "
                     "more than normal variation.", id="rate-high"),
        pytest.param(rates(*SIX_AT_80, (75, 100)),
                     "75.0% is within the control limits (limits 68.0% to 92.0% around 80.0%): normal variation.",
                     id="rate-within"),
        pytest.param(counts(4, 4, 4, 4, 4, 4, 11),
                     "11 is above the upper control limit (limits 0.0 to 10.0 around 4.0): more than normal variation.",
                     id="count-high"),
        pytest.param(counts(25, 25, 25, 25, 25, 25, 9),
                     "9 is below the lower control limit (limits 10.0 to 40.0 around 25.0): more than normal variation.",
                     id="count-low"),
        pytest.param(counts(4, 4, 4, 4, 4, 4, 7),
                     "7 is within the control limits (limits 0.0 to 10.0 around 4.0): normal variation.",
                     id="count-within"),
    ],
)
def test_explanation_names_the_limits(months, text):
    assert last(months).explanation == text


# --- properties ---------------------------------------------------------------------------------

month_counts = st.tuples(st.integers(0, 200), st.integers(0, 200)).map(lambda t: (min(t), max(t)))  # n <= d
rate_series = st.lists(month_counts, min_size=0, max_size=24).map(lambda ps: rates(*ps))
count_series = st.lists(st.integers(0, 500), min_size=0, max_size=24).map(lambda vs: counts(*vs))


def check_consistent(point: TrendPoint, *, rate: bool) -> None:
    if point.centre is None:
        assert point.lower is None and point.upper is None and point.flag == ""
        return
    assert point.lower <= point.centre <= point.upper
    assert point.lower >= 0.0
    if rate:
        assert point.upper <= 1.0
    expected = "high" if point.value > point.upper else "low" if point.value < point.lower else ""
    assert point.flag == expected


@given(rate_series)
def test_rate_limits_are_ordered_and_within_0_and_1(months):
    for point in trend(months):
        check_consistent(point, rate=True)


@given(count_series)
def test_count_limits_are_ordered_and_never_negative(months):
    for point in trend(months):
        check_consistent(point, rate=False)


@given(rate_series | count_series)
def test_change_is_the_difference_from_the_month_before(months):
    points = trend(months)
    for before, now in zip(points, points[1:], strict=False):
        if before.value is None or now.value is None:
            assert now.change is None
        else:
            assert now.change == pytest.approx(now.value - before.value)


@given(rate_series | count_series)
def test_a_month_is_judged_only_on_the_months_before_it(months):
    # Adding later months never changes an earlier month's point.
    full = trend(months)
    for i in range(len(months)):
        assert trend(months[:i + 1]) == full[:i + 1]


@given(st.lists(month_counts.filter(lambda nd: nd[1] > 0), min_size=6, max_size=18), st.integers(1, 20))
def test_a_month_at_the_baseline_rate_is_never_flagged(earlier, k):
    total_n, total_d = sum(n for n, _ in earlier), sum(d for _, d in earlier)
    # This month: k times the pooled numerator over k times the pooled denominator = the baseline rate.
    point = last(rates(*earlier, (k * total_n, k * total_d)))
    assert point.value == point.centre
    assert point.flag == ""


@given(st.lists(st.integers(0, 500), min_size=6, max_size=18))
def test_a_month_at_the_baseline_count_is_never_flagged(earlier):
    earlier = [earlier[0] + (-sum(earlier)) % len(earlier), *earlier[1:]]  # make the mean a whole number
    mean = sum(earlier) // len(earlier)
    point = last(counts(*earlier, mean))
    assert point.centre == mean
    assert point.flag == ""


@given(rate_series, st.integers(2, 10))
def test_more_cases_at_the_same_rates_keep_every_flag(months, k):
    # Scaling every numerator and denominator by k >= 1 leaves every rate and the baseline unchanged and
    # narrows the limits by sqrt(k): a month flagged before is flagged the same way after. (The converse
    # is false: a month inside wide limits may fall outside narrower ones, so no flag may be lost but
    # flags may be gained.)
    before = trend(months)
    after = trend([(m, k * n, k * d) for m, n, d in months])
    for b, a in zip(before, after, strict=True):
        assert a.value == b.value
        assert a.centre == b.centre
        if b.centre is not None:
            assert a.lower >= b.lower and a.upper <= b.upper
        if b.flag:
            assert a.flag == b.flag


@given(count_series, st.integers(2, 10))
def test_scaling_counts_keeps_every_flag(months, k):
    # c-chart: scaling counts by k moves the centre to k*c but the half-width only to 3*sqrt(k*c) <= k*3*sqrt(c),
    # so a count outside the limits stays outside, on the same side.
    before = trend(months)
    after = trend([(m, k * n, d) for m, n, d in months])
    for b, a in zip(before, after, strict=True):
        if b.flag:
            assert a.flag == b.flag


# --------------------------------------------------------------------------------------------
# The CPS's reasons
# --------------------------------------------------------------------------------------------

# Brief §7.1: the DGA failure-reason taxonomy, 23 reasons as seeded in the CPS prototype [CPSPROTO].
BRIEF_7_1 = [
    ("Breach", "Charged by police in breach of the Director's Guidance"),
    ("Disclosure", "Disclosable unused material not provided"),
    ("Disclosure", "Information about reasonable lines of inquiry insufficient"),
    ("Disclosure", "Information about reasonable lines of inquiry not provided"),
    ("Disclosure", "Rebuttable presumption material not provided"),
    ("Disclosure", "Schedules of unused material not completed correctly"),
    ("Disclosure", "Schedules of unused material not provided"),
    ("Evidential", "Exhibit"),
    ("Evidential", "Forensic"),
    ("Evidential", "Medical evidence"),
    ("Evidential", "Multi-media BWV not clipped"),
    ("Evidential", "Multi-media BWV not in playable format"),
    ("Evidential", "Multi-media BWV not provided"),
    ("Evidential", "Multi-media CCTV not clipped"),
    ("Evidential", "Multi-media CCTV not in playable format"),
    ("Evidential", "Multi-media CCTV not provided"),
    ("Evidential", "Multi-media other not clipped"),
    ("Evidential", "Multi-media other not in playable format"),
    ("Evidential", "Relevant orders/applications, details not provided"),
    ("Evidential", "Statement(s)"),
    ("Victim and witness", "Special measures needs not considered or inadequate"),
    ("Victim and witness", "Victim and witness needs (not special measures related)"),
    ("Victim and witness", "VPS – no information on whether VPS offered/not provided"),
]


def test_dga_reasons_are_the_23_of_brief_7_1():
    assert len(DGA_REASONS) == 23
    assert DGA_REASONS == {reason: category for category, reason in BRIEF_7_1}
    assert set(DGA_REASONS.values()) == DGA_CATEGORIES


@pytest.mark.parametrize(
    ("reason", "area"),
    [
        pytest.param("Charged by police in breach of the Director's Guidance", "charging", id="7.1-breach"),
        pytest.param("Schedules of unused material not provided", "disclosure", id="7.1-disclosure"),
        pytest.param("Rebuttable presumption material not provided", "disclosure", id="7.1-rebuttable-presumption"),
        pytest.param("Exhibit", "exhibits", id="7.1-exhibit"),
        pytest.param("Forensic", "exhibits", id="7.1-forensic"),
        pytest.param("Medical evidence", "exhibits", id="7.1-medical"),
        pytest.param("Multi-media CCTV not provided", "multimedia", id="7.1-cctv-not-provided"),
        pytest.param("Multi-media other not in playable format", "multimedia", id="7.1-other-not-playable"),
        pytest.param("Relevant orders/applications, details not provided", "orders", id="7.1-orders"),
        pytest.param("Statement(s)", "statements", id="7.1-statements"),
        pytest.param("Special measures needs not considered or inadequate", "victims_witnesses", id="7.1-special-measures"),
        pytest.param("VPS – no information on whether VPS offered/not provided", "victims_witnesses", id="7.1-vps"),
    ],
)
def test_dga_area(reason, area):
    assert dga_area(reason) == area


def test_every_dga_reason_points_to_a_training_area():
    for reason in DGA_REASONS:
        assert dga_area(reason) in TRAINING_AREAS, reason


# Brief §3.4: the 13 "NFS non-compliant" reasons and the 2 priority/red rejection reasons [CPSDH].
BRIEF_3_4 = [
    ("material_not_received", "Case material not correctly received"),
    ("no_disclosure_schedule", "No/missing disclosure schedule"),
    ("no_mg3", "No MG3"),
    ("supervisor_comments", "No/incomplete supervisor's comments"),
    ("no_dv_checklist", "No DV checklist"),
    ("missing_mg11s", "No/missing MG11s"),
    ("missing_exhibits", "No/missing exhibits"),
    ("no_interview_summary", "No summary of interview"),
    ("suspect_previous_convictions", "Missing suspect's previous convictions"),
    ("witness_previous_convictions", "Missing victim/witness previous convictions"),
    ("hard_media", "Hard media not provided"),
    ("third_party_material", "Third-party material not provided"),
    ("oic_contact_details", "Incomplete OIC contact details"),
    ("check_custody_status", "Check custody status and resubmit"),
    ("insufficient_information", "Insufficient information to determine a charging advice"),
]


def test_triage_reasons_are_the_15_of_brief_3_4():
    assert [(t.code, t.label) for t in TRIAGE_REASONS] == BRIEF_3_4


@pytest.mark.parametrize(("code", "label"), [pytest.param(c, lab, id=c) for c, lab in BRIEF_3_4])
def test_failing_for_triage_gives_the_cps_label(code, label):
    reason = reporting.TRIAGE_BY_CODE[code]
    failing = failing_for_triage(code)
    assert failing == Failing(label, reason.dga_category, reason.area)
    assert failing.area in TRAINING_AREAS
    assert failing.dga_category is None or failing.dga_category in DGA_CATEGORIES


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param("missing_mg11s", Failing("No/missing MG11s", "Evidential", "statements"), id="3.4-mg11s"),
        pytest.param("no_mg3", Failing("No MG3", None, "charging"), id="3.4-no-mg3"),
        pytest.param("supervisor_comments", Failing("No/incomplete supervisor's comments", None, "supervision"),
                     id="3.4-supervisor"),
        pytest.param("no_dv_checklist", Failing("No DV checklist", "Evidential", "domestic_abuse"), id="3.4-dv"),
        pytest.param("hard_media", Failing("Hard media not provided", "Evidential", "multimedia"), id="3.4-hard-media"),
        pytest.param("third_party_material", Failing("Third-party material not provided", "Disclosure", "disclosure"),
                     id="3.4-third-party"),
        pytest.param("check_custody_status", Failing("Check custody status and resubmit", None, "file_build"),
                     id="3.4-red-custody"),
        # A code Casework does not know (a newer CPS reason in an imported file) still reads as words.
        pytest.param("late_upload_of_media", Failing("Late upload of media", None, "file_build"), id="unknown-code"),
    ],
)
def test_failing_for_triage_rows(code, expected):
    assert failing_for_triage(code) == expected


def test_every_triage_reason_has_a_known_area_and_dga_category():
    for t in TRIAGE_REASONS:
        assert t.area in TRAINING_AREAS, t.code
        assert t.dga_category is None or t.dga_category in DGA_CATEGORIES, t.code


# --------------------------------------------------------------------------------------------
# failing_for_rule over the real rule catalogue
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", [pytest.param(r, id=r.id) for r in RULES.values()])
def test_every_rule_fails_in_cps_words_with_a_known_training_area(rule):
    failing = failing_for_rule(rule)
    assert failing.area in TRAINING_AREAS
    assert failing.dga_category is None or failing.dga_category in DGA_CATEGORIES
    if rule.cps_triage_reason:
        # The rule's triage words must be one of the CPS's labels, or the report silently falls back.
        triage = reporting.TRIAGE_BY_LABEL[rule.cps_triage_reason]
        assert failing.reason == rule.cps_triage_reason
        # The more specific DGA reason (it names the media type) sets the area where there is one.
        expected_area = reporting._RULE_AREA.get(rule.id) or (dga_area(rule.dga_reason) if rule.dga_reason else triage.area)
        assert failing.area == expected_area
        # A DGA reason on the same rule fixes the category; it must agree with the triage reason's.
        assert failing.dga_category == (DGA_REASONS[rule.dga_reason] if rule.dga_reason else triage.dga_category)
        if rule.dga_reason:
            assert triage.dga_category in (None, DGA_REASONS[rule.dga_reason])
    elif rule.dga_reason:
        assert rule.dga_reason in DGA_REASONS
        assert failing == Failing(rule.dga_reason, DGA_REASONS[rule.dga_reason],
                                  reporting._RULE_AREA.get(rule.id) or dga_area(rule.dga_reason))
    else:
        # Worded as a failing, not as the requirement ("Offence code is current" reads backwards).
        assert failing.reason == f"Not met: {rule.title}"
        assert failing.dga_category is None
        # A rule family the mapping does not know would silently land in "file_build".
        assert rule.family in reporting._FAMILY_AREA, rule.family


@pytest.mark.parametrize(
    ("rule_id", "expected"),
    [
        pytest.param("NFS.MATERIAL.KEY_STATEMENTS", Failing("No/missing MG11s", "Evidential", "statements"),
                     id="3.4-key-statements-mg11"),
        pytest.param("NFS.STATEMENT.UNSIGNED", Failing("Statement(s)", "Evidential", "statements"),
                     id="7.1-statement-unsigned"),
        pytest.param("NFS.MULTIMEDIA.CCTV_NOT_CLIPPED", Failing("Multi-media CCTV not clipped", "Evidential", "multimedia"),
                     id="7.1-cctv-not-clipped"),
        pytest.param("NFS.MULTIMEDIA.BWV_NOT_CLIPPED", Failing("Multi-media BWV not clipped", "Evidential", "multimedia"),
                     id="7.1-bwv-not-clipped"),
        pytest.param("NFS.MULTIMEDIA.OTHER_NOT_PLAYABLE",
                     Failing("Multi-media other not in playable format", "Evidential", "multimedia"),
                     id="7.1-other-not-playable"),
        pytest.param("DG6.CHARGING.BREACH",
                     Failing("Charged by police in breach of the Director's Guidance", "Breach", "charging"),
                     id="7.1-dg6-breach"),
        pytest.param("NFS.MATERIAL.MG3", Failing("No MG3", None, "charging"), id="3.4-no-mg3"),
        pytest.param("NFS.MATERIAL.DA_CHECKLIST", Failing("No DV checklist", "Evidential", "domestic_abuse"),
                     id="3.4-dv-checklist"),
        pytest.param("NFS.PRECHARGE.SUPERVISOR_COMMENTS", Failing("No/incomplete supervisor's comments", None, "supervision"),
                     id="3.4-supervisor-comments"),
        pytest.param("NFS.MATERIAL.INTERVIEW", Failing("No summary of interview", "Evidential", "interview"),
                     id="3.4-interview"),
        pytest.param("NFS.WITNESS.PREVIOUS_CONVICTIONS",
                     Failing("Missing victim/witness previous convictions", "Disclosure", "previous_convictions"),
                     id="3.4-witness-previous-convictions"),
        pytest.param("NFS.MATERIAL.UNUSED_SCHEDULES",
                     Failing("No/missing disclosure schedule", "Disclosure", "disclosure"), id="3.4-unused-schedules"),
        # Triage reason and DGA reason both present: the triage words, the DGA category, and the
        # DGA reason's area (it names the media type where triage says only "exhibits").
        pytest.param("NFS.MATERIAL.CCTV", Failing("No/missing exhibits", "Evidential", "multimedia"),
                     id="3.4-cctv-not-provided-triage-words"),
        pytest.param("NFS.MATERIAL.BWV", Failing("No/missing exhibits", "Evidential", "multimedia"),
                     id="3.4-bwv-not-provided-triage-words"),
        pytest.param("NFS.MATERIAL.OTHER_EXHIBITS", Failing("No/missing exhibits", "Evidential", "exhibits"),
                     id="3.4-other-exhibits"),
        # Rules whose family is broader than the skill they test.
        pytest.param("NFS.MG5.NOT_CERTIFIED", Failing("Not met: Case summary (MG5) certified by a supervisor", None,
                                                      "supervision"), id="mg5-certified-supervision"),
        pytest.param("NFS.OIC.CONTACT_INCOMPLETE", Failing("Incomplete OIC contact details", None, "file_build"),
                     id="3.4-oic-contact"),
        pytest.param("NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED",
                     Failing("Schedules of unused material not completed correctly", "Disclosure", "disclosure"),
                     id="7.1-schedule-not-signed"),
        pytest.param("NFS.MATERIAL.DIGITAL_STRATEGY",
                     Failing("Information about reasonable lines of inquiry not provided", "Disclosure", "disclosure"),
                     id="7.1-lines-of-inquiry"),
        pytest.param("NFS.MATERIAL.REMAND_MG7",
                     Failing("Relevant orders/applications, details not provided", "Evidential", "orders"),
                     id="7.1-remand-orders"),
        pytest.param("NFS.MATERIAL.MEDICAL", Failing("Medical evidence", "Evidential", "exhibits"), id="7.1-medical"),
        pytest.param("NFS.WITNESS.VPS_NOT_RECORDED",
                     Failing("VPS – no information on whether VPS offered/not provided", "Victim and witness",
                             "victims_witnesses"), id="7.1-vps"),
        pytest.param("NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED",
                     Failing("Special measures needs not considered or inadequate", "Victim and witness",
                             "victims_witnesses"), id="7.1-special-measures"),
        # No CPS reason: "Not met:" and the rule's own title, and the area of its family.
        pytest.param("COURT.OFFENCE_CODE_NOT_CURRENT", Failing("Not met: Offence code is current", None, "court"),
                     id="court-offence-code"),
        pytest.param("STL.S127.OUT_OF_TIME", Failing("Not met: Summary offence charged within its time limit", None,
                                                     "court"), id="time-limit-s127"),
        pytest.param("DG6.CHARGING.ROUTE_WRONG", Failing("Not met: Charging route matches DG6 Annex 1", None, "charging"),
                     id="dg6-route"),
    ],
)
def test_failing_for_rule_rows(rule_id, expected):
    assert failing_for_rule(RULES[rule_id]) == expected


# --------------------------------------------------------------------------------------------
# Offence groups (titles from the CJS offence code list, src/casework/reference/data/cjs-offences.json)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "group"),
    [
        pytest.param("TH68010", "theft", id="TH68010-theft-from-a-shop"),
        pytest.param("TH68023", "robbery", id="TH68023-robbery-named-over-TH68-prefix"),
        pytest.param("TH68025", "robbery", id="TH68025-assault-with-intent-to-rob"),
        pytest.param("TH68036", "burglary", id="TH68036-burglary-dwelling-and-theft"),
        pytest.param("TH68037", "burglary", id="TH68037-burglary-other-than-dwelling-theft"),
        pytest.param("OF61102", "violence", id="OF61102-assault-occasioning-ABH"),
        pytest.param("CJ88116", "violence", id="CJ88116-assault-by-beating"),
        pytest.param("CJ88160", "violence", id="CJ88160-assault-by-beating-emergency-worker"),
        pytest.param("PL96001", "violence", id="PL96001-assault-a-constable"),
        pytest.param("SC15004", "violence", id="SC15004-controlling-coercive-behaviour"),
        pytest.param("PH97004", "violence", id="PH97004-harassment-without-violence"),
        pytest.param("CJ88144", "weapons", id="CJ88144-knife-in-public-place"),
        pytest.param("PC53001", "weapons", id="PC53001-offensive-weapon-in-public-place"),
        pytest.param("FI68001", "weapons", id="FI68001-firearm-without-certificate"),
        pytest.param("SX03002", "sexual", id="SX03002-rape-SOA-2003"),
        pytest.param("MD71230", "drugs", id="MD71230-PWITS-class-A-cocaine"),
        pytest.param("PS16002", "drugs", id="PS16002-supply-psychoactive-substance"),
        pytest.param("FA06001", "fraud", id="FA06001-fraud-by-false-representation"),
        pytest.param("PU86003", "public_order", id="PU86003-affray"),
        pytest.param("CD98066", "public_order", id="CD98066-racially-aggravated-fear-of-violence"),
        pytest.param("CD98070", "violence", id="CD98070-racially-aggravated-common-assault"),
        pytest.param("CD98074", "damage", id="CD98074-racially-aggravated-criminal-damage"),
        pytest.param("CD71039", "damage", id="CD71039-criminal-damage-under-5000"),
        pytest.param("RT88007", "motoring", id="RT88007-drive-above-alcohol-limit"),
        pytest.param("RA88046", "violence", id="RA88046-cause-death-by-dangerous-driving"),
        pytest.param("RT88564", "violence", id="RT88564-cause-death-by-careless-driving"),
        pytest.param("TH68023A", "robbery", id="TH68023A-attempt-robbery-goes-with-robbery"),
        pytest.param("TH68026", "burglary", id="TH68026-burglary-with-intent-to-steal"),
        pytest.param("TH68045", "burglary", id="TH68045-aggravated-burglary"),
        pytest.param("COML025", "violence", id="COML025-murder"),
        pytest.param("COML022", "violence", id="COML022-manslaughter"),
        pytest.param("CJ88001", "violence", id="CJ88001-common-assault"),
        pytest.param("CJ88159", "violence", id="CJ88159-common-assault-emergency-worker"),
        pytest.param("CD98073", "violence", id="CD98073-racially-aggravated-ABH"),
        pytest.param("CD98077", "violence", id="CD98077-racially-aggravated-stalking"),
        pytest.param("CJ88151", "weapons", id="CJ88151-offensive-weapon-on-school-premises"),
        pytest.param("CD98019", "other", id="CD98019-breach-of-parenting-order-not-public-order"),
        pytest.param("SC15001", "other", id="SC15001-organised-crime-group-not-violence"),
        pytest.param("ZZ99001", "other", id="unknown-code"),
        pytest.param("th68023", "robbery", id="lower-case-named-code"),
        pytest.param("of61102", "violence", id="lower-case-prefix"),
    ],
)
def test_offence_group(code, group):
    assert offence_group(code).key == group


def test_every_named_code_lands_in_its_own_group():
    # A code named in a group must not be caught first by another group's name list.
    for g in OFFENCE_GROUPS:
        for code in g.codes:
            assert offence_group(code) is g, code


def test_offence_group_keys_are_unique_and_labelled():
    keys = [g.key for g in OFFENCE_GROUPS]
    assert len(keys) == len(set(keys))
    assert "other" not in keys
    assert all(g.label for g in OFFENCE_GROUPS)


# --------------------------------------------------------------------------------------------
# Trials: HMCTS effective / cracked / ineffective [TSJ17]
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "cls"),
    [
        # Effective: the trial started on the day and reached a result.
        pytest.param("convicted", "effective", id="convicted-after-trial"),
        pytest.param("acquitted", "effective", id="acquitted"),
        pytest.param("dismissed", "effective", id="dismissed"),
        pytest.param("sentenced", "effective", id="sentenced"),
        # Cracked: ended on the day without a trial, no new date needed.
        pytest.param("cracked", "cracked", id="cracked"),
        pytest.param("guilty_plea", "cracked", id="late-guilty-plea"),
        pytest.param("discontinued", "cracked", id="prosecution-ends-case"),
        # Ineffective: did not go ahead and must be listed again.
        pytest.param("ineffective", "ineffective", id="ineffective"),
        pytest.param("adjourned", "ineffective", id="adjourned"),
    ],
)
def test_trial_class(outcome, cls):
    assert TRIAL_CLASSES[outcome] == cls


@pytest.mark.parametrize("outcome", ["vacated", "", "not_guilty_plea", "sent_to_crown"])
def test_not_a_trial_outcome(outcome):
    # A vacated listing was taken out before the day; a pending hearing has no outcome yet.
    assert outcome not in TRIAL_CLASSES


def test_trial_classes_are_the_three_hmcts_classes():
    assert set(TRIAL_CLASSES.values()) == {"effective", "cracked", "ineffective"}


# --------------------------------------------------------------------------------------------
# median
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        pytest.param([], None, id="empty"),
        pytest.param([7], 7, id="one"),
        pytest.param([9, 1, 5], 5, id="odd-unsorted"),
        pytest.param([4, 1, 3, 2], 2.5, id="even-mean-of-middle-two"),
        pytest.param([1.5, 1.5, 10, 100], 5.75, id="even-not-the-mean"),
    ],
)
def test_median(values, expected):
    assert median(values) == expected
