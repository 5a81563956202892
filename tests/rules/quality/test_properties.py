"""Properties of the review that must hold for any file, not just the rows in the tables: providing a
required item never makes a file worse; unrelated material never makes a compliant file
non-compliant; the order in which parties and material are listed never changes the answer.
Files are drawn as a baseline plus any combination of the slips from the rule tables. Pure."""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import test_content, test_court, test_requirements
from .builders import BASELINES, baseline, material, next_ref, review

SLIPS = [row for family in (test_requirements, test_content, test_court) for row in family.FAILING]
SLIPS_BY_STAGE = {stage: [row for row in SLIPS if row.stage == stage] for stage in BASELINES}
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def flawed_files(draw):
    """A baseline with any number of its table slips applied (a slip whose item an earlier slip
    removed is skipped)."""
    stage = draw(st.sampled_from(sorted(BASELINES)))
    slips = draw(st.lists(st.sampled_from(SLIPS_BY_STAGE[stage]), max_size=6, unique_by=lambda r: r.id))
    doc = baseline(stage)
    for slip in slips:
        try:
            slip.mutate(doc)
        except StopIteration:
            pass
    return doc


def rule_counts(doc) -> Counter:
    return Counter(f.rule_id for f in review(doc).findings)


def answer(doc):
    r = review(doc)
    return r.verdict, r.score, frozenset((f.rule_id, f.item) for f in r.findings)


# --------------------------------------------------------------------------------------------
# (a) Providing a required item never adds a finding
# --------------------------------------------------------------------------------------------

CLEAN = {
    "MG11": dict(signed=True, signed_date="2025-03-05"),
    "VPS": dict(signed=True, signed_date="2025-03-05"),
    "MG5": dict(certified=True),
    "MG6C": dict(signed=True, signed_date="2025-03-05", described=True),
}
CASE_ITEMS = ("MG3", "MG6", "MG9", "MG10", "MG6C", "MG6E", "MG12", "MG7", "MG19", "DA_CHECKLIST",
              "DIGITAL_STRATEGY", "MGDD")
DEFENDANT_ITEMS = ("MG4", "MG5", "PNC_PRINT", "MG15", "MG16")
WITNESS_ITEMS = ("MG11", "MG2")


def required_items(doc) -> list[tuple[str, str | None, str | None]]:
    """(type, defendant, witness) of every item the standard can ask for in this file."""
    out = [(t, None, None) for t in CASE_ITEMS]
    out += [(t, d["ref"], None) for d in doc["defendants"] for t in DEFENDANT_ITEMS]
    out += [(t, None, w["ref"]) for w in doc["witnesses"] if w["role"] != "expert" for t in WITNESS_ITEMS]
    out += [("VPS", None, w["ref"]) for w in doc["witnesses"] if w["role"] == "victim"]
    return out


def provide(doc, mtype, defendant, witness) -> None:
    """The officer provides the item: it replaces any outstanding placeholder for it, complete and clean."""
    def placeholder(m):
        if m["type"] != mtype or m["status"] != "outstanding":
            return False
        if witness is not None:
            return m["witness"] == witness
        return defendant is None or m["defendant"] in (None, defendant)

    doc["materials"] = [m for m in doc["materials"] if not placeholder(m)]
    doc["materials"].append(material(next_ref(doc), mtype, f"{mtype} provided", defendant=defendant,
                                     witness=witness, **CLEAN.get(mtype, {})))


@SETTINGS
@given(flawed_files(), st.data())
def test_providing_a_required_item_never_adds_a_finding(doc, data):
    before = rule_counts(doc)
    item = data.draw(st.sampled_from(required_items(doc)))
    provide(doc, *item)
    after = rule_counts(doc)
    assert after - before == Counter(), f"providing {item} raised {dict(after - before)}"


# --------------------------------------------------------------------------------------------
# (b) Unrelated material leaves a compliant file compliant
# --------------------------------------------------------------------------------------------

unrelated = st.fixed_dictionaries({
    "mtype": st.sampled_from(["OTHER", "PHOTOGRAPHS", "MG20", "MG13", "THIRD_PARTY"]),
    "title": st.text(max_size=40),
    "dclass": st.sampled_from(["served", "unused_non_sensitive", "unused_sensitive", "police_cps_only"]),
    "key": st.booleans(),
    "exhibit": st.sampled_from(["", "OT/1", "PS/1"]),
})


@SETTINGS
@given(st.sampled_from(sorted(BASELINES)), st.lists(unrelated, min_size=1, max_size=4))
def test_unrelated_material_leaves_a_compliant_file_compliant(stage, extras):
    doc = baseline(stage)
    before = answer(doc)
    for extra in extras:
        doc["materials"].append(material(next_ref(doc), **extra))
    assert before[0] == "compliant"
    assert answer(doc) == before


# --------------------------------------------------------------------------------------------
# (c) Order never matters
# --------------------------------------------------------------------------------------------

@SETTINGS
@given(flawed_files(), st.randoms(use_true_random=False))
def test_the_order_of_lists_never_changes_the_answer(doc, rnd):
    before = answer(doc)
    for key in ("defendants", "witnesses", "materials", "hearings", "submissions"):
        rnd.shuffle(doc[key])
    for d in doc["defendants"]:
        rnd.shuffle(d["offences"])
    assert answer(doc) == before
