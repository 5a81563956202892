"""The materials checklist for a file's stage: every requirement that applies, met or missing
(naming whom it is missing for), in the table's order, agreeing with the findings."""

from casework.rules.quality.requirements import NFS_DG6_2020

from .builders import baseline, review


def _lines(doc, **kw):
    return {line.rule_id: line for line in review(doc, **kw).checklist}


def test_a_compliant_file_has_every_line_met():
    lines = _lines(baseline("FH-NGAP"))
    assert lines and all(line.met for line in lines.values())
    assert "NFS.MATERIAL.MG5" in lines and lines["NFS.MATERIAL.MG5"].required


def test_a_missing_item_is_a_missing_line_with_the_finding_that_says_so():
    doc = baseline("FH-NGAP")
    doc["materials"] = [m for m in doc["materials"] if m["type"] != "MG5"]
    line = _lines(doc)["NFS.MATERIAL.MG5"]
    assert not line.met
    assert [f.rule.id for f in line.missing] == ["NFS.MATERIAL.MG5"]
    assert line.missing[0] in review(doc).findings


def test_only_lines_for_the_stage_and_its_conditions_appear():
    pre_charge = _lines(baseline("PC-STD"))
    assert "NFS.MATERIAL.MG3" in pre_charge and "NFS.MATERIAL.MG4" not in pre_charge
    charged = _lines(baseline("FH-NGAP"))
    assert "NFS.MATERIAL.MG3" not in charged and "NFS.MATERIAL.MG4" in charged
    order = [f"NFS.MATERIAL.{req.key}" for req in NFS_DG6_2020]
    ids = list(charged)
    assert ids == sorted(ids, key=order.index)  # the table's order
