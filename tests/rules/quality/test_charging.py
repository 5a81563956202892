"""Who may charge (DG6 Annex 1, brief §3.2) and the charging findings: the advice on every pre-charge
file, the wrong route, and the 'Charged by police in breach' blocker. Pure: no database."""

import pytest

from casework.rules.charging import EXCLUDED, charging_authority
from casework.rules.findings import Severity
from casework.rules.snapshot import snapshot_from_casefile

from .builders import baseline, offence, review
from .harness import Fail, Pass, both, check_fail, check_pass, ids, set_case, set_off

# --------------------------------------------------------------------------------------------
# charging_authority: one row per branch of the decision table
# --------------------------------------------------------------------------------------------

SUMMARY = ("CJ88116", "summary")
SHOP = ("TH68010", "either_way")
PERSON = ("TH68001", "either_way")
DAMAGE = ("CD71039", "either_way")
WOUNDING = ("OF61016", "indictable_only")


def charging_case(*offences, flags=(), plea="GAP", venue="magistrates", second_defendant=()):
    """A charged case (FH-GAP baseline) with the given (code, mode of trial) offences."""
    doc = baseline("FH-GAP")
    doc["case"].update(flags=list(flags), anticipated_plea=plea, venue=venue)

    def charges(prefix, items):
        return [offence(f"{prefix}-{i}", code, mode=mode, committed="2025-03-03", location="Birmingham",
                        wording="", charge_date="2025-03-03", authority="police")
                for i, (code, mode) in enumerate(items, 1)]

    doc["defendants"][0]["offences"] = charges("D1", offences)
    if second_defendant:
        d2 = {**doc["defendants"][0], "ref": "D2", "forenames": "Shane", "date_of_birth": "1998-01-01"}
        d2["offences"] = charges("D2", second_defendant)
        doc["defendants"].append(d2)
    return snapshot_from_casefile(doc)


AUTHORITY = [
    # (situation [source], snapshot, authority, words in the reason, per-offence authorities)
    ("summary-only, guilty plea anticipated [DG6DG 1]", charging_case(SUMMARY), "police",
     "Police may charge: it is a summary-only offence.", ["police"]),
    ("summary-only, not guilty anticipated: irrespective of plea [DG6DG 1]", charging_case(SUMMARY, plea="NGAP"),
     "police", "summary-only offence", ["police"]),
    ("retail theft, not guilty anticipated, magistrates' sentence [DG6DG 2]",
     charging_case(SHOP, flags=["retail_theft"], plea="NGAP"), "police",
     "retail theft suitable for sentence in the magistrates' court", ["police"]),
    ("theft from a shop is retail theft even unflagged [DG6DG 2]", charging_case(SHOP, plea="NGAP"), "police",
     "retail theft", ["police"]),
    ("attempted theft from a shop [DG6DG 2]", charging_case(("TH68010A", "either_way"), plea=None), "police",
     "retail theft", ["police"]),
    ("retail theft headed for the Crown Court [DG6DG 2]", charging_case(SHOP, flags=["retail_theft"], venue="crown"),
     "cps", "it is an either-way offence and it is not suitable for sentence in the magistrates' court", ["cps"]),
    ("either-way, guilty plea anticipated, magistrates' sentence [DG6DG 3]", charging_case(DAMAGE), "police",
     "either-way offence with a guilty plea anticipated", ["police"]),
    ("either-way, not guilty anticipated [REDDG6]", charging_case(PERSON, plea="NGAP"), "cps",
     "A CPS decision is required because it is an either-way offence and a not guilty plea is anticipated.",
     ["cps"]),
    ("either-way, no plea indication [REDDG6]", charging_case(DAMAGE, plea=None), "cps",
     "no guilty plea is anticipated", ["cps"]),
    ("either-way GAP but beyond magistrates' sentencing [DG6DG 3]", charging_case(DAMAGE, venue="crown"), "cps",
     "not suitable for sentence in the magistrates' court", ["cps"]),
    ("indictable-only, even with a guilty plea [REDDG6]", charging_case(WOUNDING), "cps",
     "A CPS decision is required because it is indictable only.", ["cps"]),
    ("mode of trial not recorded [REDDG6]", charging_case(("CD71039", None)), "cps",
     "its mode of trial is not recorded", ["cps"]),
    ("mixed case: summary and indictable-only go to the CPS whole [BSMG]", charging_case(SUMMARY, WOUNDING), "cps",
     "A CPS decision is required for the whole case: OF61016 (D1-2) needs one because it is indictable only, "
     "and a case mixing police and CPS offences goes to the CPS whole.", ["police", "cps"]),
    ("mixed across co-defendants [BSMG]", charging_case(DAMAGE, second_defendant=[WOUNDING]), "cps",
     "a case mixing police and CPS offences goes to the CPS whole", ["police", "cps"]),
    ("two police offences [DG6DG]", charging_case(SUMMARY, DAMAGE), "police",
     "every other offence is within the police remit too", ["police", "police"]),
    ("no offence recorded", charging_case(), "cps", "No offence is recorded", []),
] + [
    (f"excluded: {flag} [DG6DG exclusions]", charging_case(SUMMARY, flags=[flag]), "cps",
     f"{words}, which DG6 reserves to the CPS", ["cps"])
    for flag, words in EXCLUDED.items()
]


@pytest.mark.parametrize("situation,case,authority,words,per_offence", AUTHORITY, ids=[r[0] for r in AUTHORITY])
def test_charging_authority(situation, case, authority, words, per_offence):
    decision = charging_authority(case)
    assert decision.authority == authority
    assert decision.police_may_charge is (authority == "police")
    assert words in decision.reason
    assert [o.authority for o in decision.offences] == per_offence


def test_every_dg6_exclusion_in_the_brief_is_covered():
    """Brief §3.2 lists nine exclusions (DA and hate crime share a line); the table adds RASSO."""
    assert {"consent_required", "death", "terrorism", "hate_crime", "domestic_abuse", "harassment_stalking",
            "violent_disorder_affray", "gbh_abh_wounding", "soa_under_18", "licensing"} <= set(EXCLUDED)


# --------------------------------------------------------------------------------------------
# The charging rules
# --------------------------------------------------------------------------------------------

def police_also_charge_common_assault(doc):
    """The police add their own summary charge (assault by beating on the neighbour) to the
    wounding the CPS authorised."""
    doc["case"]["flags"] = []
    doc["defendants"][0]["offences"].append(
        offence("D1-2", "CJ88116", mode="summary", committed="2025-02-09", location="Alcester Road, Birmingham B13",
                wording="Assaulted Nadia Rahman by beating her.", charge_date="2025-02-10", authority="police"))


FAILING = [
    Fail("pre-charge file: who may charge, in words [DG6DG Annex 1]", "PC-STD", lambda doc: None,
         "DG6.CHARGING.AUTHORITY", None, Severity.ADVICE, ("A CPS decision is required", "GBH, ABH or wounding")),
    Fail("pre-charge summary-only case: police may charge [DG6DG 1]", "PC-STD",
         both(set_case(flags=[]), set_off(code="CJ88116", mode_of_trial="summary", title="Assault by beating")),
         "DG6.CHARGING.AUTHORITY", None, Severity.ADVICE, ("Police may charge",)),
    Fail("ABH routed for a police decision [DG6DG exclusions]", "PC-STD", set_case(charging_route="police"),
         "DG6.CHARGING.ROUTE_WRONG", None, Severity.MAJOR,
         ("routed for a police charging decision", "GBH, ABH or wounding")),
    Fail("police-charged DA ABH [CPSDGA Breach]", "FH-NGAP", set_off(charging_authority="police"),
         "DG6.CHARGING.BREACH", "D1-1", Severity.BLOCKER, ("OF61102", "Liam CARTER", "domestic abuse")),
    Fail("police charge in a case the CPS must decide whole [BSMG; CPSDGA Breach]", "UP-CC",
         police_also_charge_common_assault, "DG6.CHARGING.BREACH", "D1-2", Severity.BLOCKER,
         ("CJ88116", "Jordan PRICE", "mixing police and CPS offences")),
]

PASSING = [
    Pass("post-charge files carry no charging advice", "FH-GAP", "DG6.CHARGING.AUTHORITY"),
    Pass("CPS route for a CPS case", "PC-STD", "DG6.CHARGING.ROUTE_WRONG"),
    Pass("police route for a police case [DG6DG 3]", "PC-STD", "DG6.CHARGING.ROUTE_WRONG",
         both(set_case(charging_route="police", flags=[], anticipated_plea="GAP"),
              set_off(code="TH68010", title="Theft from a shop", mode_of_trial="either_way"))),
    Pass("police-charged shop theft [DG6DG 2]", "FH-GAP", "DG6.CHARGING.BREACH"),
    Pass("police-charged shop theft after a not guilty plea [DG6DG 2]", "UP-MC", "DG6.CHARGING.BREACH"),
    Pass("unflagged shop theft with a not guilty plea anticipated [DG6DG 2]", "FH-GAP", "DG6.CHARGING.BREACH",
         set_case(flags=[], anticipated_plea="NGAP")),
    Pass("CPS-charged DA ABH", "FH-NGAP", "DG6.CHARGING.BREACH"),
    Pass("CPS-charged wounding", "UP-CC", "DG6.CHARGING.BREACH"),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_charging_rule_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_charging_rule_not_raised(row):
    check_pass(row)


def test_breach_speaks_the_cps_dga_language():
    doc = baseline("FH-NGAP")
    doc["defendants"][0]["offences"][0]["charging_authority"] = "police"
    finding = next(f for f in review(doc).findings if f.rule_id == "DG6.CHARGING.BREACH")
    assert finding.as_dict()["dga_reason"] == "Charged by police in breach of the Director's Guidance"
    assert finding.as_dict()["cps_reason"] == "Charged by police in breach of the Director's Guidance"
    assert review(doc).verdict == "non_compliant"


def test_review_carries_the_charging_decision():
    assert review(baseline("FH-GAP")).charging.authority == "police"
    assert review(baseline("FH-NGAP")).charging.authority == "cps"
