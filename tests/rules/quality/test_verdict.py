"""Verdict, score and set-aside findings: compliant means no blocker or major remains; the score is
100 less 25 per blocker, 10 per major and 3 per minor, never below 0; a finding the reviewer sets
aside (with a reason) is kept apart and counts for nothing. Pure: no database."""

import pytest

from casework.rules.findings import Finding, Review, Severity, StageDecision
from casework.rules.quality import catalogue

from .builders import baseline, review
from .harness import both, mutated, remove, set_mat, set_wit

RULES = {r.id: r for r in catalogue()}
BY_SEVERITY = {
    Severity.BLOCKER: RULES["NFS.MATERIAL.MG3"],
    Severity.MAJOR: RULES["NFS.MATERIAL.MG4"],
    Severity.MINOR: RULES["NFS.STATEMENT.UNDATED"],
    Severity.ADVICE: RULES["DG6.CHARGING.AUTHORITY"],
}
STAGE = StageDecision("FH-GAP", False, "test")


def synthetic(blockers=0, majors=0, minors=0, advice=0) -> Review:
    findings = []
    for severity, n in ((Severity.BLOCKER, blockers), (Severity.MAJOR, majors), (Severity.MINOR, minors),
                        (Severity.ADVICE, advice)):
        findings += [Finding(BY_SEVERITY[severity], f"{severity.value} {i}", "Fix it.", f"M{i}") for i in range(n)]
    return Review("20BH0100125", STAGE, tuple(findings))


SCORES = [
    # (blockers, majors, minors, advice, score, verdict)
    (0, 0, 0, 0, 100, "compliant"),
    (0, 0, 0, 3, 100, "compliant"),
    (0, 0, 1, 0, 97, "compliant"),
    (0, 0, 5, 2, 85, "compliant"),
    (0, 1, 0, 0, 90, "non_compliant"),
    (1, 0, 0, 0, 75, "non_compliant"),
    (1, 2, 3, 1, 46, "non_compliant"),
    (2, 4, 2, 0, 4, "non_compliant"),
    (4, 0, 0, 0, 0, "non_compliant"),
    (3, 3, 0, 0, 0, "non_compliant"),  # 100 - 75 - 30 would be -5: floored at 0
    (0, 0, 40, 0, 0, "compliant"),  # minors alone never make a file non-compliant
]


@pytest.mark.parametrize("blockers,majors,minors,advice,score,verdict", SCORES,
                         ids=[f"{b}B-{M}M-{m}m-{a}a" for b, M, m, a, *_ in SCORES])
def test_score_and_verdict(blockers, majors, minors, advice, score, verdict):
    r = synthetic(blockers, majors, minors, advice)
    assert r.score == score == max(0, 100 - 25 * blockers - 10 * majors - 3 * minors)
    assert r.verdict == verdict
    assert r.compliant is (verdict == "compliant")
    for count, severity in ((blockers, "blocker"), (majors, "major"), (minors, "minor")):
        assert (f"{count} {severity}" in r.score_explanation) is bool(count), r.score_explanation


def test_explanation_with_nothing_to_lose():
    text = synthetic(advice=2).score_explanation
    assert "no finding costs points" in text and "25 per blocker" in text


def test_explanation_shows_the_arithmetic():
    text = synthetic(1, 2, 3).score_explanation
    assert "1×25" in text and "2×10" in text and "3×3" in text


def test_a_finding_graver_or_lighter_in_this_case_counts_at_its_own_level():
    """A short-form CRO check letter is a warning (minor), though the CRO rule is major."""
    rule = RULES["COURT.CRO_INVALID"]
    r = Review("20BH0100125", STAGE, (Finding(rule, "check letter doubtful", "Check it.", "D1", Severity.MINOR),))
    assert (r.verdict, r.score) == ("compliant", 97)
    assert r.findings[0].as_dict()["severity"] == "minor"


def test_a_real_file_two_majors_and_a_minor():
    doc = mutated("FH-GAP", both(remove("M1"), set_mat("M8", signed_date=None),
                                 lambda doc: doc["case"]["oic"].update(phone="")))
    r = review(doc)
    assert sorted((f.level.value, f.rule_id) for f in r.findings) == [
        ("major", "NFS.MATERIAL.MG4"), ("major", "NFS.OIC.CONTACT_INCOMPLETE"), ("minor", "NFS.STATEMENT.UNDATED")]
    assert (r.verdict, r.score) == ("non_compliant", 77)
    assert "2 major" in r.score_explanation and "1 minor" in r.score_explanation


def test_findings_come_gravest_first():
    doc = mutated("FH-NGAP", both(remove("M1", "M19"), set_mat("M2", signed_date=None),
                                  set_mat("M3", clipped=False),
                                  lambda doc: doc["defendants"][0]["offences"][0].update(charging_authority="police")))
    levels = [f.level for f in review(doc).findings]
    order = [Severity.BLOCKER, Severity.MAJOR, Severity.MINOR, Severity.ADVICE]
    assert levels == sorted(levels, key=order.index) and len(set(levels)) == 4


# --------------------------------------------------------------------------------------------
# Set aside by the reviewer
# --------------------------------------------------------------------------------------------

def override(rule_id, item, reason="Agreed with the CPS reviewing lawyer"):
    return {"rule_id": rule_id, "item": item, "reason": reason, "by": {"username": "ps.khan2201"},
            "at": "2025-03-10T09:30:00Z"}


def with_overrides(doc, *overrides):
    doc["finding_overrides"] = list(overrides)
    return doc


def test_set_aside_by_rule_and_item_moves_the_finding_with_its_reason():
    doc = with_overrides(mutated("FH-NGAP", set_mat("M3", clipped=False)),
                         override("NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "M3", "Whole 4-minute clip is relevant"))
    r = review(doc)
    assert r.findings == ()
    assert [(s.finding.rule_id, s.finding.item, s.reason) for s in r.set_aside] == [
        ("NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "M3", "Whole 4-minute clip is relevant")]
    assert (r.verdict, r.score) == ("compliant", 100)


def test_set_aside_with_no_item_covers_every_item_of_the_rule():
    doc = with_overrides(mutated("FH-NGAP", both(set_mat("M2", signed=False), set_mat("M10", signed=False))),
                         override("NFS.STATEMENT.UNSIGNED", None))
    r = review(doc)
    assert [(s.finding.rule_id, s.finding.item) for s in r.set_aside] == [
        ("NFS.STATEMENT.UNSIGNED", "M10"), ("NFS.STATEMENT.UNSIGNED", "M2")]
    assert r.verdict == "compliant"


def test_set_aside_for_one_item_leaves_the_others():
    doc = with_overrides(mutated("FH-NGAP", both(set_mat("M2", signed=False), set_mat("M10", signed=False))),
                         override("NFS.STATEMENT.UNSIGNED", "M10"))
    r = review(doc)
    assert [(f.rule_id, f.item) for f in r.findings] == [("NFS.STATEMENT.UNSIGNED", "M2")]
    assert [s.finding.item for s in r.set_aside] == ["M10"]
    assert (r.verdict, r.score) == ("non_compliant", 90)


def test_set_aside_a_finding_about_the_whole_case():
    doc = with_overrides(mutated("FH-GAP", lambda doc: doc["case"]["oic"].update(email="")),
                         override("NFS.OIC.CONTACT_INCOMPLETE", None, "OIC on secondment; contact via supervisor"))
    r = review(doc)
    assert r.findings == () and r.set_aside[0].reason == "OIC on secondment; contact via supervisor"


def test_a_set_aside_blocker_costs_nothing():
    doc = with_overrides(mutated("FH-NGAP", lambda doc: doc["defendants"][0]["offences"][0].update(
        charging_authority="police")), override("DG6.CHARGING.BREACH", "D1-1", "CPS authorised by phone; MG3 to follow"))
    r = review(doc)
    assert (r.verdict, r.score, len(r.set_aside)) == ("compliant", 100, 1)


def test_an_override_that_matches_nothing_changes_nothing():
    doc = with_overrides(mutated("FH-NGAP", set_wit("W1", vps_offered=None)),
                         override("NFS.WITNESS.VPS_NOT_RECORDED", "W2"), override("NFS.MATERIAL.MG9", None))
    r = review(doc)
    assert [(f.rule_id, f.item) for f in r.findings] == [("NFS.WITNESS.VPS_NOT_RECORDED", "W1")]
    assert r.set_aside == ()


def test_baseline_reviews_carry_no_set_asides():
    assert review(baseline("UP-CC")).set_aside == ()
