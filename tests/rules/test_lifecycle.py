"""Stage transitions and their refusals, one row per situation (pure: no database)."""

import copy
import json
from pathlib import Path

import pytest

from casework.rules.lifecycle import TRANSITIONS, Stage, transition_refusals
from casework.rules.snapshot import snapshot_from_casefile

SAMPLE = json.loads((Path(__file__).parents[1] / "interchange" / "files" / "20BH0456725.json").read_text())


def snap(stage="charged", *, hearings=(), decisions=None, offences=None, defendants=None, route="cps"):
    doc = copy.deepcopy(SAMPLE)
    doc["case"]["stage"] = stage
    doc["case"]["charging_route"] = route
    doc["hearings"] = [
        {"ref": f"H{i}", "court_code": "B20BL00", "type": "first",
         "starts_at": "2025-03-21T10:00:00Z", "outcome": outcome}
        for i, outcome in enumerate(hearings, 1)
    ]
    if decisions is not None:
        doc["decisions"] = decisions
    if offences is not None:
        doc["defendants"][0]["offences"] = offences
    if defendants is not None:
        doc["defendants"] = defendants
    return snapshot_from_casefile(doc)


PROPOSED = [{**SAMPLE["defendants"][0]["offences"][0], "status": "proposed", "charge_date": None,
             "charging_authority": None}]
POLICE_CHARGE = [{**SAMPLE["defendants"][0]["offences"][0], "charging_authority": "police"}]

CASES = [
    # (situation, snapshot, target, outcome, refusal words or None when allowed)
    ("CPS charge with a CPS decision to charge", snap("pre_charge"), "charged", None, None),
    ("CPS case charged without a CPS decision", snap("pre_charge", decisions=[]), "charged", None,
     "no CPS decision to charge is recorded (DG6 Annex 1)"),
    ("police-charged summary case needs no CPS decision",
     snap("pre_charge", decisions=[], offences=POLICE_CHARGE, route="police"), "charged", None, None),
    ("nothing charged yet", snap("pre_charge", offences=PROPOSED), "charged", None,
     "has no offence recorded as charged"),
    ("no suspect at all", snap("pre_charge", defendants=[]), "charged", None, "no suspect recorded"),
    ("NFA before charge", snap("pre_charge"), "finalised", "no_further_action", None),
    ("convicted before charge is impossible", snap("pre_charge"), "finalised", "convicted",
     "can only be finalised as no further action or an out-of-court disposal"),
    ("NG plea entered at first hearing", snap(hearings=["not_guilty_plea"]), "awaiting_trial", None, None),
    ("awaiting trial without an NG plea", snap(hearings=["adjourned"]), "awaiting_trial", None,
     "No hearing is recorded with the outcome 'not guilty plea entered'"),
    ("sent to the Crown Court", snap(hearings=["sent_to_crown"]), "sent_to_crown", None, None),
    ("guilty plea, sentence adjourned", snap(hearings=["guilty_plea"]), "awaiting_sentence", None, None),
    ("sentenced at first hearing", snap(hearings=["guilty_plea", "sentenced"]), "finalised", "convicted", None),
    ("finalised as convicted without a sentence", snap(hearings=["guilty_plea"]), "finalised", "convicted",
     "No hearing is recorded with the outcome sentenced"),
    ("finalised with no outcome given", snap(hearings=["sentenced"]), "finalised", None,
     "Say how the case ended"),
    ("acquitted after trial", snap("awaiting_trial", hearings=["acquitted"]), "finalised", "acquitted", None),
    ("discontinued", snap(hearings=["discontinued"]), "finalised", "discontinued", None),
    ("no skipping from pre-charge to trial", snap("pre_charge"), "awaiting_trial", None,
     "cannot move from 'Pre-charge' to 'Awaiting trial"),
    ("no going back from finalised", snap("finalised"), "charged", None,
     "From here it can move to: none"),
    ("no move to the same stage", snap("charged"), "charged", None, "already at the stage"),
]


@pytest.mark.parametrize("situation,snapshot,target,outcome,refusal", CASES, ids=[c[0] for c in CASES])
def test_transition(situation, snapshot, target, outcome, refusal):
    reasons = transition_refusals(snapshot, target, outcome)
    if refusal is None:
        assert reasons == []
    else:
        assert any(refusal in r for r in reasons), reasons


def test_every_stage_but_finalised_has_a_way_forward_and_finalised_is_reachable_from_all():
    sources = {t.source for t in TRANSITIONS}
    assert sources == set(Stage) - {Stage.FINALISED}
    assert {t.source for t in TRANSITIONS if t.target == Stage.FINALISED} == sources
