"""The compliant baselines the rule tables start from: each one is a file a careful officer would
send, valid against the case-file schema, reviewed at the stage it is built for, with nothing found
but advice. Pure: no database."""

import pytest
from jsonschema import Draft202012Validator

from casework.interchange.schema import casefile_schema
from casework.rules.findings import Severity

from .builders import BASELINES, COURT_CODES, OFFENCE_CODES, REFERENCE, baseline, review

VALIDATOR = Draft202012Validator(casefile_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("stage", BASELINES)
def test_baseline_is_compliant_with_nothing_but_advice(stage):
    r = review(baseline(stage))
    assert r.stage.file_type == stage and not r.stage.chosen_by_reviewer
    assert r.verdict == "compliant"
    assert [(f.rule_id, f.message) for f in r.findings if f.level is not Severity.ADVICE] == []
    assert r.score == 100


@pytest.mark.parametrize("stage", BASELINES)
def test_baseline_is_a_valid_case_file(stage):
    assert [(list(e.absolute_path), e.message) for e in VALIDATOR.iter_errors(baseline(stage))] == []


def test_only_the_pre_charge_baseline_carries_advice_and_it_is_who_may_charge():
    advice = {stage: [f.rule_id for f in review(baseline(stage)).findings] for stage in BASELINES}
    assert advice == {**{s: [] for s in BASELINES}, "PC-STD": ["DG6.CHARGING.AUTHORITY"]}


def test_baselines_are_fresh_copies():
    a = baseline("FH-GAP")
    a["materials"].clear()
    assert baseline("FH-GAP")["materials"]


def test_reference_uses_the_real_titles_categories_and_courts():
    assert REFERENCE.offence("TH68010").title == "Theft from a shop"
    assert (REFERENCE.offence("OF61102").category, REFERENCE.offence("CJ88116").category) == ("CE", "CS")
    assert REFERENCE.offence("OF61016").category == "CI"
    assert REFERENCE.offence("TH68059").current is False  # retired: only in the PNC list
    assert REFERENCE.court("B20BL00").name == "Birmingham (Corporation St)"
    assert REFERENCE.court("B20BN00").name.startswith("Birmingham Youth Court")
    assert REFERENCE.court("C20BI00").kind == "crown"
    assert REFERENCE.is_force("20") and not REFERENCE.is_force("19")
    assert set(REFERENCE.offences) == set(OFFENCE_CODES) and set(REFERENCE.courts) == set(COURT_CODES)
