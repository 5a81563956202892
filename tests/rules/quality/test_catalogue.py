"""Guard: every rule the engine can raise has a failing row and a passing row in the tables, so a new
rule cannot ship without its tests. Pure: no database."""

from casework.rules.quality import catalogue

from . import (
    test_charging,
    test_content,
    test_court,
    test_facts,
    test_requirements,
    test_time_limits,
)

FAMILIES = (test_requirements, test_content, test_charging, test_court, test_time_limits, test_facts)
FAILING = [row for family in FAMILIES for row in family.FAILING]
PASSING = [row for family in FAMILIES for row in family.PASSING]
RULE_IDS = {r.id for r in catalogue()}


def test_every_rule_has_a_failing_row():
    assert sorted(RULE_IDS - {row.rule for row in FAILING}) == []


def test_every_rule_has_a_passing_row():
    assert sorted(RULE_IDS - {row.rule for row in PASSING}) == []


def test_rows_name_only_rules_the_engine_has():
    assert sorted({row.rule for row in FAILING + PASSING} - RULE_IDS) == []


def test_row_ids_are_unique_and_failing_rows_cite_a_source():
    names = [row.id for row in FAILING + PASSING]
    assert len(names) == len(set(names))
    assert [row.id for row in FAILING if "[" not in row.id] == []


def test_catalogue_is_stable_and_complete():
    rules = catalogue()
    assert [r.id for r in rules] == sorted(r.id for r in rules)
    assert len(RULE_IDS) == len(rules)
    for r in rules:
        assert r.title and r.source and r.explanation and r.confidence in ("verified", "secondary", "unverified")
