"""Table rows for the rule tests: a failing row is one slip made to a compliant baseline; a passing
row is the baseline or a near miss that must not raise the rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from casework.rules.findings import Finding, Severity

from .builders import TODAY, add, baseline, dfd, drop, mat, off, review, wit

Mutation = Callable[[dict], None]


def unchanged(doc: dict) -> None:
    """The baseline as it is."""


def both(*steps: Mutation) -> Mutation:
    def run(doc: dict) -> None:
        for step in steps:
            step(doc)
    return run


@dataclass(frozen=True)
class Fail:
    id: str  # the situation, with the rule's source key
    stage: str  # which baseline (builders.BASELINES)
    mutate: Mutation
    rule: str
    item: str | None
    severity: Severity
    names: tuple[str, ...] = ()  # words the message must contain, besides the item
    also: frozenset[str] = field(default_factory=frozenset)  # other rules the slip rightly raises
    today: date = TODAY


@dataclass(frozen=True)
class Pass:
    id: str
    stage: str
    rule: str
    mutate: Mutation = unchanged
    today: date = TODAY


def mutated(stage: str, mutate: Mutation) -> dict:
    doc = baseline(stage)
    mutate(doc)
    return doc


def check_fail(row: Fail) -> Finding:
    """The slip raises the rule, at its severity, naming the item, with a remedy, and nothing else new."""
    before = review(baseline(row.stage), today=row.today)
    after = review(mutated(row.stage, row.mutate), today=row.today)
    hits = [f for f in after.findings if f.rule_id == row.rule]
    assert hits, f"{row.rule} not raised; got {[(f.rule_id, f.item) for f in after.findings]}"
    finding = next((f for f in hits if f.item == row.item), None)
    assert finding is not None, f"no {row.rule} finding for item {row.item}: {[(f.item, f.message) for f in hits]}"
    assert finding.level == row.severity
    assert finding.as_dict()["severity"] == row.severity.value
    if row.item is not None:
        assert row.item in finding.message, finding.message
    for words in row.names:
        assert words in finding.message, finding.message
    assert finding.remedy.strip(), "a finding must tell the officer what to do"
    new = {f.rule_id for f in after.findings} - {f.rule_id for f in before.findings} - {row.rule}
    assert new == set(row.also), f"the slip also raised {sorted(new)}"
    return finding


def check_pass(row: Pass) -> None:
    after = review(mutated(row.stage, row.mutate), today=row.today)
    raised = [(f.item, f.message) for f in after.findings if f.rule_id == row.rule]
    assert raised == [], raised


def ids(rows) -> list[str]:
    return [r.id for r in rows]


# Mutation factories: each returns a function that makes one change to a document.

def set_case(**kw) -> Mutation:
    return lambda doc: doc["case"].update(kw)


def set_mat(ref: str, **kw) -> Mutation:
    return lambda doc: mat(doc, ref).update(kw)


def set_wit(ref: str, **kw) -> Mutation:
    return lambda doc: wit(doc, ref).update(kw)


def set_def(ref: str = "D1", **kw) -> Mutation:
    return lambda doc: dfd(doc, ref).update(kw)


def set_off(ref: str = "D1-1", **kw) -> Mutation:
    return lambda doc: off(doc, ref).update(kw)


def set_hearing(ref: str, **kw) -> Mutation:
    return lambda doc: next(h for h in doc["hearings"] if h["ref"] == ref).update(kw)


def remove(*refs: str) -> Mutation:
    return lambda doc: drop(doc, *refs)


def outstanding(ref: str, target: str | None = None) -> Mutation:
    """The item is on the file as outstanding, not provided (with its target date, if any)."""
    return set_mat(ref, status="outstanding", provided_at=None, target_date=target)


def adding(mtype: str, title: str = "", **kw) -> Mutation:
    return lambda doc: add(doc, mtype, title, **kw) and None
