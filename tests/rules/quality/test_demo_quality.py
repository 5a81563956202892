"""The engine over 300 generated demo case files: a realistic spread of verdicts, the defects the
generator plants among the most common findings, and nothing the generator never gets wrong (real
codes, courts, identifiers, DG6 routes). Pure: the roster is built unsaved, no database."""

import random
from collections import Counter
from datetime import date

import pytest

from casework.demo.generator import generate_casefiles
from casework.demo.organisation import ROSTER_SEED, organisation_spec, roster_build
from casework.rules.quality import review_case
from casework.rules.snapshot import snapshot_from_casefile

from .builders import full_reference

ANCHOR = date(2025, 11, 20)
PLANTED = {
    "NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "NFS.MULTIMEDIA.CCTV_NOT_CLIPPED", "NFS.WITNESS.VPS_NOT_RECORDED",
    "NFS.MG5.NOT_CERTIFIED", "NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED",
}
NEVER = {  # the generator uses real codes, courts and valid identifiers, and routes cases as DG6 says
    "COURT.OFFENCE_CODE_INVALID", "COURT.COURT_OU_INVALID", "COURT.FORCE_CODE_INVALID", "COURT.PNC_ID_INVALID",
    "COURT.CRO_INVALID", "COURT.ASN", "COURT.DUPLICATE_DEFENDANT", "DG6.CHARGING.BREACH",
}


@pytest.fixture(scope="module")
def reviewed():
    docs = generate_casefiles(count=300, seed=1, today=ANCHOR, officers=roster_build(random.Random(ROSTER_SEED)),
                              organisation=organisation_spec())
    reference = full_reference()
    return [(doc, review_case(snapshot_from_casefile(doc), today=ANCHOR, reference=reference)) for doc in docs]


def files_per_rule(reviewed) -> Counter:
    return Counter(rule for _, r in reviewed for rule in {f.rule_id for f in r.findings})


def test_a_realistic_spread_of_verdicts(reviewed):
    verdicts = Counter(r.verdict for _, r in reviewed)
    assert verdicts["compliant"] > 0 and verdicts["non_compliant"] > 0
    assert 0.20 <= verdicts["non_compliant"] / len(reviewed) <= 0.90, verdicts
    assert len({r.stage.file_type for _, r in reviewed}) >= 6  # files at many stages


def test_the_planted_defects_are_among_the_most_common_findings(reviewed):
    top = {rule for rule, _ in files_per_rule(reviewed).most_common(12)}
    assert PLANTED <= top, sorted(PLANTED - top)


def test_missing_da_checklists_are_found_and_only_in_da_cases(reviewed):
    hits = [doc for doc, r in reviewed if any(f.rule_id == "NFS.MATERIAL.DA_CHECKLIST" for f in r.findings)]
    assert len(hits) >= 2
    assert all("domestic_abuse" in doc["case"]["flags"] for doc in hits)


def test_nothing_the_generator_never_gets_wrong_is_reported(reviewed):
    found = files_per_rule(reviewed)
    assert {rule: found[rule] for rule in NEVER if found[rule]} == {}


def test_scores_follow_the_findings(reviewed):
    for _, r in reviewed:
        assert r.score == max(0, 100 - sum(f.level.weight for f in r.findings))
        assert (r.verdict == "compliant") == (not any(f.level.value in ("blocker", "major") for f in r.findings))
