"""Content checks: material that is on the file but not fit to go (unsigned statements, unclipped
video, unsigned schedules, victims' and witnesses' needs). Pure: no database."""

import pytest

from casework.rules.findings import Severity

from .harness import (
    Fail,
    Pass,
    adding,
    both,
    check_fail,
    check_pass,
    ids,
    outstanding,
    remove,
    set_case,
    set_mat,
    set_wit,
)

MAJOR, MINOR, ADVICE = Severity.MAJOR, Severity.MINOR, Severity.ADVICE


def oic(**kw):
    return lambda doc: doc["case"]["oic"].update(kw)


def latest_submission(**kw):
    return lambda doc: doc["submissions"][-1].update(kw)


FAILING = [
    # Statements [s.9 CJA 1967; CrimPR r.16.2]
    Fail("store detective's statement not signed [s.9 CJA 1967]", "FH-GAP",
         set_mat("M5", signed=False, signed_date=None), "NFS.STATEMENT.UNSIGNED", "M5", MAJOR,
         ("Priya SHARMA", "W1", "is not signed")),
    Fail("statement with no record of a signature [s.9 CJA 1967]", "UP-CC",
         set_mat("M7", signed=None, signed_date=None), "NFS.STATEMENT.UNSIGNED", "M7", MAJOR,
         ("Nadia RAHMAN", "has no record of being signed")),
    Fail("statement signed but undated [CrimPR r.16.2]", "FH-GAP", set_mat("M8", signed_date=None),
         "NFS.STATEMENT.UNDATED", "M8", MINOR, ("Daniel OKAFOR", "W2")),
    # Case summary [BCMMG5]
    Fail("MG5 not certified by a supervisor [BCMMG5]", "FH-NGAP", set_mat("M5", supervisor_certified=False),
         "NFS.MG5.NOT_CERTIFIED", "M5", MAJOR, ("MG5",)),
    Fail("MG5 certification not recorded [BCMMG5]", "UP-MC", set_mat("M2", supervisor_certified=None),
         "NFS.MG5.NOT_CERTIFIED", "M2", MAJOR),
    # Exhibits [MoG MG12 notes LHL]
    Fail("officer's statement produces an exhibit not on the file [LHL MG12]", "FH-NGAP",
         set_mat("M10", exhibits_referred=["SE/1", "SE/2", "SE/3"]), "NFS.EXHIBIT.NOT_ON_LIST", "M10", MAJOR,
         ("Sarah ELLIS", "SE/3")),
    # Multimedia [CPSDGA / CPSPROTO reasons; PQ2022]
    Fail("store CCTV not clipped [CPSPROTO Multi-media CCTV not clipped]", "FH-GAP", set_mat("M6", clipped=False),
         "NFS.MULTIMEDIA.CCTV_NOT_CLIPPED", "M6", MAJOR, ("Store CCTV",)),
    Fail("store CCTV not playable [CPSPROTO Multi-media CCTV not in playable format]", "FH-GAP",
         set_mat("M6", playable=False), "NFS.MULTIMEDIA.CCTV_NOT_PLAYABLE", "M6", MAJOR, ("Store CCTV",)),
    Fail("BWV of the first account not clipped [CPSPROTO Multi-media BWV not clipped]", "FH-NGAP",
         set_mat("M3", clipped=False), "NFS.MULTIMEDIA.BWV_NOT_CLIPPED", "M3", MAJOR, ("BWV first account",)),
    Fail("BWV not playable [CPSPROTO Multi-media BWV not in playable format]", "PC-STD",
         set_mat("M6", playable=False), "NFS.MULTIMEDIA.BWV_NOT_PLAYABLE", "M6", MAJOR, ("BWV on arrival",)),
    Fail("999 call not clipped [CPSPROTO Multi-media other not clipped]", "UP-CC", set_mat("M18", clipped=False),
         "NFS.MULTIMEDIA.OTHER_NOT_CLIPPED", "M18", MAJOR, ("999 call",)),
    Fail("999 call not playable [CPSPROTO Multi-media other not in playable format]", "UP-CC",
         set_mat("M18", playable=False), "NFS.MULTIMEDIA.OTHER_NOT_PLAYABLE", "M18", MAJOR, ("999 call",)),
    Fail("doorbell video in a format nobody can play [CPSPROTO other]", "FH-GAP",
         adding("OTHER_MULTIMEDIA", "Doorbell camera clip", clipped=True, playable=False),
         "NFS.MULTIMEDIA.OTHER_NOT_PLAYABLE", "M9", MAJOR, ("Doorbell camera clip",)),
    # Victims [Victims' Code 2021 Right 7, LANCS; CPSPROTO VPS reason]
    Fail("file silent on whether the victim was offered a VPS [LANCS Right 7]", "FH-NGAP",
         set_wit("W1", vps_offered=None, vps_made=None), "NFS.WITNESS.VPS_NOT_RECORDED", "W1", MAJOR,
         ("Jane DOE", "Victim Personal Statement")),
    Fail("trial file silent on the VPS [LANCS Right 7]", "UP-CC", set_wit("W1", vps_offered=None),
         "NFS.WITNESS.VPS_NOT_RECORDED", "W1", MAJOR, ("Aaron GRANT",)),
    Fail("victim made a VPS that is not on the file [LANCS Right 7]", "UP-CC", remove("M9"),
         "NFS.WITNESS.VPS_MADE_NOT_PROVIDED", "W1", MAJOR, ("Aaron GRANT",)),
    # Special measures [YJCEA 1999 ss.16-17, YJ16/YJ17]
    Fail("DA complainant: special measures not considered [YJ17 s.17(4A)]", "FH-NGAP",
         both(set_wit("W1", special_measures_sought=[]), remove("M18")),
         "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED", "W1", MAJOR, ("Jane DOE", "domestic abuse complainant")),
    Fail("14-year-old eyewitness at trial: special measures not considered [YJ16 s.16(1)(a)]", "UP-CC",
         set_wit("W2", date_of_birth="2010-07-01"),
         "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED", "W2", MAJOR, ("Nadia RAHMAN", "under 18")),
    # Disclosure [CPIA Code 2020; MOG40; CPSPROTO Schedules not completed correctly]
    Fail("MG6C not signed by the disclosure officer [MOG40]", "FH-NGAP", set_mat("M15", signed=False),
         "NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED", "M15", MAJOR, ("MG6C",)),
    Fail("MG6D not signed by the disclosure officer [MOG40]", "UP-CC", set_mat("M15", signed=None),
         "NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED", "M15", MAJOR, ("MG6D",)),
    Fail("MG6C items too vague to judge [MOG40 MG6C notes]", "PC-STD", set_mat("M10", items_described=False),
         "NFS.DISCLOSURE.ITEMS_NOT_DESCRIBED", "M10", MAJOR, ("MG6C",)),
    Fail("key eyewitness's convictions not checked [CPSDH Missing victim/witness previous convictions]",
         "PC-STD", set_wit("W2", previous_convictions_checked=None), "NFS.WITNESS.PREVIOUS_CONVICTIONS",
         "W2", MAJOR, ("Chloe EVANS",)),
    Fail("trial file: key witness's convictions not checked [NDS 2018]", "UP-MC",
         set_wit("W1", previous_convictions_checked=False), "NFS.WITNESS.PREVIOUS_CONVICTIONS", "W1", MAJOR,
         ("Grace MARTIN",)),
    # Case [CPSDH Incomplete OIC contact details; DG6 Annex 4]
    Fail("OIC has no phone number on the file [CPSDH]", "FH-GAP", oic(phone=""),
         "NFS.OIC.CONTACT_INCOMPLETE", None, MAJOR, ("Rhys Jones", "phone number")),
    Fail("OIC has no email or phone [CPSDH]", "PC-STD", oic(email="", phone=""),
         "NFS.OIC.CONTACT_INCOMPLETE", None, MAJOR, ("email address or phone number",)),
    Fail("no OIC named [CPSDH]", "UP-MC", set_case(oic=None),
         "NFS.OIC.CONTACT_INCOMPLETE", None, MAJOR, ("No officer in the case",)),
    # Pre-charge [CPSDH No/incomplete supervisor's comments]
    Fail("pre-charge submission with no supervisor's comments [CPSDH]", "PC-STD",
         latest_submission(supervisor_comments="  "), "NFS.PRECHARGE.SUPERVISOR_COMMENTS", "S1", MAJOR),
    Fail("pre-charge submission not authorised by a supervisor [CPSDH]", "PC-STD",
         latest_submission(supervisor_certified=None), "NFS.PRECHARGE.SUPERVISOR_COMMENTS", "S1", MAJOR),
    # Target dates [MoG MG6 LHL]
    Fail("third-party material past its target date [LHL MG6 target dates]", "FH-GAP",
         adding("THIRD_PARTY", "Store refund records", status="outstanding", target="2025-03-05",
                dclass="unused_non_sensitive"),
         "NFS.MATERIAL.OVERDUE", "M9", MINOR, ("Store refund records", "5 Mar 2025")),
    # Domestic abuse history [DG6DG; BBP]
    Fail("DA file with no incident history (MG16) [DG6DG]", "FH-NGAP", remove("M19"),
         "NFS.DA.PREVIOUS_INCIDENTS", None, ADVICE, ("MG16",)),
]

PASSING = [
    Pass("an outstanding statement is not judged for a signature", "FH-GAP", "NFS.STATEMENT.UNSIGNED",
         outstanding("M8", "2025-03-20")),
    Pass("signed and dated statements", "UP-CC", "NFS.STATEMENT.UNDATED"),
    Pass("an unsigned statement is reported as unsigned, not as undated", "FH-GAP", "NFS.STATEMENT.UNDATED",
         set_mat("M5", signed=False, signed_date=None)),
    Pass("certified MG5", "FH-GAP", "NFS.MG5.NOT_CERTIFIED"),
    Pass("exhibit references match whatever the case", "FH-NGAP", "NFS.EXHIBIT.NOT_ON_LIST",
         set_mat("M10", exhibits_referred=["se/1", "Se/2"])),
    Pass("an unsigned statement's exhibits are not checked until it is provided", "FH-NGAP",
         "NFS.EXHIBIT.NOT_ON_LIST", both(set_mat("M10", exhibits_referred=["SE/9"]), outstanding("M10", "2025-03-20"))),
    Pass("clipping not recorded is not a failing", "FH-GAP", "NFS.MULTIMEDIA.CCTV_NOT_CLIPPED",
         set_mat("M6", clipped=None)),
    Pass("playable CCTV", "FH-GAP", "NFS.MULTIMEDIA.CCTV_NOT_PLAYABLE"),
    Pass("BWV clipped", "FH-NGAP", "NFS.MULTIMEDIA.BWV_NOT_CLIPPED"),
    Pass("an outstanding BWV is missing, not unplayable", "PC-STD", "NFS.MULTIMEDIA.BWV_NOT_PLAYABLE",
         both(outstanding("M6"), set_mat("M6", playable=False))),
    Pass("photographs are not recordings to clip", "UP-CC", "NFS.MULTIMEDIA.OTHER_NOT_CLIPPED",
         set_mat("M21", clipped=False)),
    Pass("999 call playable", "UP-CC", "NFS.MULTIMEDIA.OTHER_NOT_PLAYABLE"),
    Pass("VPS recorded as offered and declined", "FH-NGAP", "NFS.WITNESS.VPS_NOT_RECORDED"),
    Pass("VPS recorded as not offered is recorded", "FH-NGAP", "NFS.WITNESS.VPS_NOT_RECORDED",
         set_wit("W1", vps_offered=False, vps_made=False)),
    Pass("pre-charge file does not ask about the VPS", "PC-STD", "NFS.WITNESS.VPS_NOT_RECORDED"),
    Pass("VPS made and provided", "UP-CC", "NFS.WITNESS.VPS_MADE_NOT_PROVIDED"),
    Pass("special measures recorded on the witness", "FH-NGAP", "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED",
         remove("M18")),
    Pass("an MG2 on the file shows they were considered", "FH-NGAP", "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED",
         set_wit("W1", special_measures_sought=[])),
    Pass("GAP first hearing: special measures are for contested cases", "FH-GAP",
         "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED", set_wit("W1", vulnerability_grounds=["fear_or_distress"])),
    Pass("signed schedules", "UP-CC", "NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED"),
    Pass("description not recorded is not a failing", "PC-STD", "NFS.DISCLOSURE.ITEMS_NOT_DESCRIBED",
         set_mat("M10", items_described=None)),
    Pass("a police key witness needs no PNC check", "PC-STD", "NFS.WITNESS.PREVIOUS_CONVICTIONS",
         set_wit("W3", key_witness=True)),
    Pass("GAP first hearing: witness convictions not yet needed", "FH-GAP", "NFS.WITNESS.PREVIOUS_CONVICTIONS",
         set_wit("W1", previous_convictions_checked=None)),
    Pass("OIC contact complete; the supervisor's phone is not the OIC's", "FH-NGAP", "NFS.OIC.CONTACT_INCOMPLETE",
         lambda doc: doc["case"]["supervisor"].update(phone="")),
    Pass("post-charge file is not a pre-charge submission", "FH-GAP", "NFS.PRECHARGE.SUPERVISOR_COMMENTS",
         latest_submission(supervisor_comments="", supervisor_certified=None)),
    Pass("an earlier bounced submission does not count against the latest", "PC-STD",
         "NFS.PRECHARGE.SUPERVISOR_COMMENTS",
         lambda doc: doc["submissions"].insert(0, {**doc["submissions"][0], "ref": "S0", "supervisor_comments": "",
                                                   "submitted_at": "2025-03-01T11:00:00Z", "outcome": "non_compliant"})),
    Pass("material due today is not overdue", "FH-GAP", "NFS.MATERIAL.OVERDUE",
         adding("THIRD_PARTY", "Store refund records", status="outstanding", target="2025-03-10",
                dclass="unused_non_sensitive")),
    Pass("an overdue item already reported missing is one problem, not two", "FH-NGAP", "NFS.MATERIAL.OVERDUE",
         outstanding("M4", "2025-03-07")),
    Pass("not a DA case", "FH-GAP", "NFS.DA.PREVIOUS_INCIDENTS"),
    Pass("DA trial file: incident history is a first-file question", "FH-NGAP", "NFS.DA.PREVIOUS_INCIDENTS",
         both(set_case(stage="awaiting_trial"), remove("M19"))),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_content_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_content_not_raised(row):
    check_pass(row)


def test_an_overdue_item_is_reported_once_under_its_requirement():
    """[LHL MG6] The DA checklist outstanding past its date: 'No DV checklist', not also 'overdue'."""
    from .builders import review
    from .harness import mutated

    found = review(mutated("FH-NGAP", outstanding("M4", "2025-03-07"))).findings
    assert [(f.rule_id, f.item) for f in found] == [("NFS.MATERIAL.DA_CHECKLIST", "M4")]
