"""Which file is under review (brief §2.3): the stage from the case's facts, the remand add-on, and
the reviewer's choice overriding both. Pure: no database."""

import pytest

from casework.rules.quality import FILE_TYPES, file_stage
from casework.rules.snapshot import snapshot_from_casefile

from .builders import baseline, hearing, review


def facts(stage_key: str, *, hearings=None, status=None, offence=None, **case) -> object:
    doc = baseline(stage_key)
    doc["case"].update(case)
    if hearings is not None:
        doc["hearings"] = hearings
    if status is not None:
        doc["defendants"][0]["status"] = status
    if offence is not None:
        doc["defendants"][0]["offences"][0].update(offence)
    return snapshot_from_casefile(doc)


FIRST_NG = hearing("H1", "B20BL00", "first", "2025-02-10T10:00:00Z", "not_guilty_plea")
SENT = hearing("H1", "B20BL00", "first", "2025-02-11T10:00:00Z", "sent_to_crown")
SENTENCED = hearing("H1", "B20BL00", "first", "2025-02-11T10:00:00Z", "sentenced")
BREACH = hearing("H9", "B20BL00", "breach", "2025-03-11T10:00:00Z")

STAGES = [
    # (situation [brief §2.3 trigger], snapshot, stage id, remand add-on, words in the basis)
    ("pre-charge, suspect in custody, red [PC-EXP]", facts("PC-STD", charging_category="red", status="police_custody"),
     "PC-EXP", False, "expedited"),
    ("pre-charge on bail, green [PC-STD]", facts("PC-STD"), "PC-STD", False, "standard file"),
    ("pre-charge, green priority [PC-STD]", facts("PC-STD", charging_category="green_priority"), "PC-STD", False, "standard"),
    ("pre-charge, released under investigation, not yet categorised [PC-STD]",
     facts("PC-STD", charging_category=None, status="released_under_investigation"), "PC-STD", False, "standard"),
    ("pre-charge early advice [PC-EA]", facts("PC-STD", charging_category="early_advice"), "PC-EA", False, "early advice"),
    ("charged, guilty plea anticipated [FH-GAP]", facts("FH-GAP"), "FH-GAP", False, "guilty plea anticipated"),
    ("charged, no plea indication: treated as GAP [FH-GAP]", facts("FH-GAP", anticipated_plea=None), "FH-GAP", False, ""),
    ("charged, not guilty anticipated [FH-NGAP]", facts("FH-NGAP"), "FH-NGAP", False, "not guilty plea anticipated"),
    ("charged, likely sent to the Crown Court [FH-CC]", facts("FH-NGAP", venue="crown"), "FH-CC", False, "Crown Court"),
    ("charged with an indictable-only offence [FH-CC]",
     facts("FH-NGAP", offence={"code": "OF61016", "mode_of_trial": "indictable_only"}), "FH-CC", False, "Crown Court"),
    ("charged and remanded in custody [FH-REM add-on]", facts("FH-GAP", status="remanded_in_custody"),
     "FH-GAP", True, "remand file is added"),
    ("charged, kept in police custody for court, NGAP [FH-REM add-on]", facts("FH-NGAP", status="police_custody"),
     "FH-NGAP", True, "remand file"),
    ("charged indictable-only and remanded [FH-CC + FH-REM]",
     facts("FH-NGAP", status="remanded_in_custody", offence={"mode_of_trial": "indictable_only"}), "FH-CC", True, "remand"),
    ("not guilty plea entered [UP-MC]", facts("UP-MC"), "UP-MC", False, "Not guilty plea entered"),
    ("convicted, awaiting sentence [UP-OTH]", facts("UP-MC", stage="awaiting_sentence"), "UP-OTH", False, "awaiting sentence"),
    ("sent to the Crown Court [UP-CC]", facts("UP-CC"), "UP-CC", False, "PTPH"),
    ("sent and remanded: no first-hearing add-on [UP-CC]", facts("UP-CC", status="remanded_in_custody"), "UP-CC", False, ""),
    ("arrested for breach, hearing listed [BOB]", facts("FH-GAP", hearings=[BREACH]), "BOB", False, "breach of bail"),
    ("breach already dealt with is not a BOB file", facts("FH-GAP", hearings=[{**BREACH, "outcome": "adjourned"}]),
     "FH-GAP", False, ""),
    ("finalised after sending [UP-CC]", facts("UP-CC", stage="finalised", hearings=[SENT]), "UP-CC", False, "Crown Court file"),
    ("finalised after a trial [UP-MC]", facts("UP-MC", stage="finalised", hearings=[FIRST_NG]), "UP-MC", False, "trial file"),
    ("finalised at the first hearing, GAP [FH-GAP]", facts("FH-GAP", stage="finalised", hearings=[SENTENCED]),
     "FH-GAP", False, "first hearing"),
    ("finalised at the first hearing, NGAP [FH-NGAP]", facts("FH-NGAP", stage="finalised", hearings=[SENTENCED]),
     "FH-NGAP", False, "first hearing"),
    ("finalised before charge [PC-STD]", facts("PC-STD", stage="finalised"), "PC-STD", False, "before charge"),
]


@pytest.mark.parametrize("situation,case,stage,remand,words", STAGES, ids=[r[0] for r in STAGES])
def test_file_stage_from_the_facts(situation, case, stage, remand, words):
    decision = file_stage(case)
    assert (decision.file_type, decision.remand, decision.chosen_by_reviewer) == (stage, remand, False)
    assert words in decision.basis


def test_every_stage_in_the_brief_is_reached_from_the_facts():
    assert {r[2] for r in STAGES} == set(FILE_TYPES)
    assert any(r[3] for r in STAGES)  # and the FH-REM add-on


CHOSEN = [
    # (situation, snapshot, reviewer's choice (argument), stage, remand)
    ("the reviewer's choice overrides the facts", facts("FH-GAP"), "UP-MC", "UP-MC", False),
    ("the stage recorded on the case is the reviewer's earlier choice", facts("FH-GAP", file_stage="FH-NGAP"), None,
     "FH-NGAP", False),
    ("a choice made now overrides the recorded one", facts("FH-GAP", file_stage="FH-NGAP"), "FH-CC", "FH-CC", False),
    ("a chosen first-hearing file for a remanded defendant keeps the add-on",
     facts("FH-GAP", status="remanded_in_custody"), "FH-NGAP", "FH-NGAP", True),
    ("a chosen trial file has no remand add-on", facts("FH-GAP", status="remanded_in_custody"), "UP-MC", "UP-MC", False),
    ("a chosen pre-charge file", facts("FH-GAP"), "PC-EXP", "PC-EXP", False),
]


@pytest.mark.parametrize("situation,case,chosen,stage,remand", CHOSEN, ids=[r[0] for r in CHOSEN])
def test_reviewer_chooses_the_stage(situation, case, chosen, stage, remand):
    decision = file_stage(case, chosen)
    assert (decision.file_type, decision.remand, decision.chosen_by_reviewer) == (stage, remand, True)
    assert "chosen by the reviewer" in decision.basis
    assert FILE_TYPES[stage] in decision.basis


def test_review_at_the_reviewers_stage_applies_that_stages_table():
    """The GAP first-hearing file is clean; reviewed as a trial file it lacks the trial material."""
    doc = baseline("FH-GAP")
    assert review(doc).verdict == "compliant"
    as_trial = review(doc, stage="UP-MC")
    assert as_trial.stage.file_type == "UP-MC" and as_trial.stage.chosen_by_reviewer
    missing = {f.rule_id for f in as_trial.findings}
    assert {"NFS.MATERIAL.MG9", "NFS.MATERIAL.MG10", "NFS.MATERIAL.UNUSED_SCHEDULES",
            "NFS.MATERIAL.MG6E", "NFS.MATERIAL.EXHIBIT_LIST_MG12"} <= missing
    assert as_trial.verdict == "non_compliant"
