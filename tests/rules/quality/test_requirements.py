"""Required material per file stage (the versioned NFS_DG6_2020 table, brief §2.4–2.5): one row per
slip a CJU sees, and near misses the table must accept. Pure: no database."""

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
    set_def,
    set_mat,
    set_off,
    set_wit,
)

MAJOR, BLOCKER = Severity.MAJOR, Severity.BLOCKER

FAILING = [
    # Pre-charge report [DG6 Annex 4; CPSDH "No MG3"]
    Fail("PC-STD referral without an MG3 [CPSDH No MG3]", "PC-STD", remove("M1"),
         "NFS.MATERIAL.MG3", None, BLOCKER, ("MG3",)),
    Fail("PC-STD MG3 still outstanding after its target date [CPSDH No MG3]", "PC-STD",
         outstanding("M1", "2025-03-06"), "NFS.MATERIAL.MG3", "M1", BLOCKER, ("was due on 6 Mar 2025",)),
    # Charges [DG6 Annex 5 'Charge details – provided digitally or MG4' LHL]
    Fail("FH-GAP without the charge sheet [LHL MG4]", "FH-GAP", remove("M1"),
         "NFS.MATERIAL.MG4", "D1", MAJOR, ("Kyle BRENNAN",)),
    # Case summary [BCMMG5]
    Fail("FH-NGAP without the MG5 [BCMMG5]", "FH-NGAP", remove("M5"),
         "NFS.MATERIAL.MG5", "D1", MAJOR, ("Liam CARTER",)),
    # Information for the prosecutor [LHL 'Information – provided digitally or MG3/MG6']
    Fail("UP-CC without the MG6 [LHL MG6]", "UP-CC", remove("M4"),
         "NFS.MATERIAL.MG6", None, MAJOR, ("MG6",)),
    Fail("FH-GAP MG6 outstanding with no target date [LHL MG6]", "FH-GAP", outstanding("M3"),
         "NFS.MATERIAL.MG6", "M3", MAJOR, ("no target date",)),
    # Key statements [LHL 'key statements/MG11s'; CPSDH No/missing MG11s]
    Fail("FH-NGAP without the complainant's statement [CPSDH No/missing MG11s]", "FH-NGAP", remove("M2"),
         "NFS.MATERIAL.KEY_STATEMENTS", "W1", MAJOR, ("Jane DOE", "victim")),
    Fail("PC-STD eyewitness statement outstanding, due later this week [CPSDH]", "PC-STD",
         outstanding("M4", "2025-03-14"), "NFS.MATERIAL.KEY_STATEMENTS", "W2", MAJOR,
         ("Chloe EVANS", "civilian witness", "M4", "is due on 14 Mar 2025")),
    # All statements for a trial or Crown Court file [DG6 Annex 5]
    Fail("UP-MC without the arresting officer's statement [DG6 A5 all statements]", "UP-MC", remove("M8"),
         "NFS.MATERIAL.ALL_STATEMENTS", "W2", MAJOR, ("Owen PRICE", "police witness")),
    Fail("UP-CC without the eyewitness statement [DG6 A5 all statements]", "UP-CC", remove("M7"),
         "NFS.MATERIAL.ALL_STATEMENTS", "W2", MAJOR, ("Nadia RAHMAN",)),
    # Interview [CPSDH No summary of interview]
    Fail("FH-NGAP without the interview record [CPSDH No summary of interview]", "FH-NGAP", remove("M9"),
         "NFS.MATERIAL.INTERVIEW", "D1", MAJOR, ("Liam CARTER",)),
    Fail("PC-STD interview held but no ROTI [CPSDH]", "PC-STD", remove("M8"),
         "NFS.MATERIAL.INTERVIEW", "D1", MAJOR, ("Connor WALSH",)),
    # Suspect's previous convictions [CPSDH Missing suspect's previous convictions]
    Fail("FH-GAP without a PNC print or a recorded check [CPSDH]", "FH-GAP",
         both(remove("M4"), set_def(previous_convictions_checked_on=None)),
         "NFS.MATERIAL.SUSPECT_PREVIOUS_CONVICTIONS", "D1", MAJOR, ("Kyle BRENNAN",)),
    # Special measures assessment [LHL 'Any special measures assessment (MG2)'; YJ16/YJ17]
    Fail("PC-STD victim in fear with no MG2 [YJ17 s.17(1)]", "PC-STD",
         set_wit("W1", vulnerability_grounds=["fear_or_distress"]),
         "NFS.MATERIAL.MG2", "W1", MAJOR, ("Marcus BELL", "victim")),
    Fail("PC-STD 16-year-old eyewitness with no MG2 [YJ16 s.16(1)(a)]", "PC-STD",
         set_wit("W2", date_of_birth="2008-09-01"), "NFS.MATERIAL.MG2", "W2", MAJOR, ("Chloe EVANS",)),
    # Witness list and dates to avoid [MOGBB; HOMOG00]
    Fail("FH-NGAP without the MG9 witness list [MOGBB]", "FH-NGAP", remove("M13"),
         "NFS.MATERIAL.MG9", None, MAJOR, ("MG9",)),
    Fail("FH-NGAP without the MG10 dates to avoid [HOMOG00]", "FH-NGAP", remove("M14"),
         "NFS.MATERIAL.MG10", None, MAJOR, ("MG10",)),
    # Unused material schedules [DG6; AG Guidelines; CPSDH No/missing disclosure schedule]
    Fail("PC-STD without the MG6C [CPSDH No/missing disclosure schedule]", "PC-STD", remove("M10"),
         "NFS.MATERIAL.UNUSED_SCHEDULES", None, MAJOR, ("MG6C",)),
    Fail("UP-CC without the MG6C [AG Guidelines]", "UP-CC", remove("M14"),
         "NFS.MATERIAL.UNUSED_SCHEDULES", None, MAJOR, ("MG6C",)),
    # Disclosure officer's report [MOG40]
    Fail("UP-MC without the MG6E [MOG40]", "UP-MC", remove("M12"),
         "NFS.MATERIAL.MG6E", None, MAJOR, ("MG6E",)),
    # Domestic abuse checklist [BBP; CPSDH No DV checklist]
    Fail("FH-NGAP DA case without the DA checklist [CPSDH No DV checklist]", "FH-NGAP", remove("M4"),
         "NFS.MATERIAL.DA_CHECKLIST", None, MAJOR, ("domestic abuse evidence-gathering checklist",)),
    Fail("FH-NGAP DA checklist outstanding and overdue [CPSDH No DV checklist]", "FH-NGAP",
         outstanding("M4", "2025-03-07"), "NFS.MATERIAL.DA_CHECKLIST", "M4", MAJOR, ("was due on 7 Mar 2025",)),
    # Remand file [REDW MG7]
    Fail("FH-NGAP defendant kept in custody without an MG7 [REDW]", "FH-NGAP",
         set_def(status="remanded_in_custody"), "NFS.MATERIAL.REMAND_MG7", None, MAJOR, ("MG7",)),
    # Compensation [MOGTIC]
    Fail("FH-GAP compensation sought without an MG19 [MOGTIC]", "FH-GAP", set_case(compensation_sought=True),
         "NFS.MATERIAL.COMPENSATION_MG19", None, MAJOR, ("MG19",)),
    # Exhibit list [MOG MG12 LHL]
    Fail("UP-MC trial file without the MG12 [LHL MG12]", "UP-MC", remove("M13"),
         "NFS.MATERIAL.EXHIBIT_LIST_MG12", None, MAJOR, ("MG12",)),
    Fail("FH-NGAP with exhibits and no MG12 [LHL MG12]", "FH-NGAP", remove("M17"),
         "NFS.MATERIAL.EXHIBIT_LIST_MG12", None, MAJOR, ("MG12",)),
    # Digital strategy [LOSTOCK]
    Fail("PC-STD phone seized and no digital strategy [LOSTOCK]", "PC-STD", set_case(devices_seized=True),
         "NFS.MATERIAL.DIGITAL_STRATEGY", None, MAJOR, ("digital device examination strategy",)),
    # Drink driving [MGDD]
    Fail("FH-GAP excess alcohol charge without the MGDD forms [MGDD]", "FH-GAP",
         both(set_case(flags=["road_traffic"]),
              set_off(code="RT88007", title="Drive motor vehicle when alcohol level above limit",
                      mode_of_trial="summary")),
         "NFS.MATERIAL.MGDD", None, MAJOR, ("MGDD",)),
    # Key exhibits [LHL; CPSPROTO Multi-media CCTV/BWV not provided; CPSDH No/missing exhibits]
    Fail("PC-STD CCTV seized but still outstanding [CPSPROTO CCTV not provided]", "PC-STD",
         outstanding("M7", "2025-03-14"), "NFS.MATERIAL.CCTV", "M7", MAJOR, ("CCTV", "Gas Street Tavern")),
    Fail("FH-NGAP BWV of the first account not provided [CPSPROTO BWV not provided]", "FH-NGAP",
         outstanding("M3"), "NFS.MATERIAL.BWV", "M3", MAJOR, ("Body-worn video",)),
    Fail("UP-CC photographs of the scene not provided [LHL exhibits]", "UP-CC", outstanding("M21"),
         "NFS.MATERIAL.OTHER_EXHIBITS", "M21", MAJOR, ("Photographs",)),
    Fail("UP-CC 999 call not provided [LHL exhibits]", "UP-CC", outstanding("M18", "2025-03-20"),
         "NFS.MATERIAL.OTHER_EXHIBITS", "M18", MAJOR, ("999 call",)),
    # Medical and forensic evidence: 'R or target date' [DG6 A5]
    Fail("FH-NGAP medical notes past their target date [DG6 A5 R or target date]", "FH-NGAP",
         set_mat("M12", target_date="2025-03-07"), "NFS.MATERIAL.MEDICAL", "M12", MAJOR,
         ("7 Mar 2025", "has passed")),
    Fail("FH-NGAP medical notes awaited with no target date [DG6 A5]", "FH-NGAP",
         set_mat("M12", target_date=None), "NFS.MATERIAL.MEDICAL", "M12", MAJOR, ("no target date",)),
    Fail("UP-CC SFR1 awaited with no target date [SFRTK]", "UP-CC", outstanding("M22"),
         "NFS.MATERIAL.FORENSIC", "M22", MAJOR, ("Forensic report",)),
]

PASSING = [
    Pass("post-charge file needs no MG3", "FH-GAP", "NFS.MATERIAL.MG3"),
    Pass("an MG3A counts as the pre-charge report", "PC-STD", "NFS.MATERIAL.MG3", set_mat("M1", type="MG3A")),
    Pass("pre-charge file needs no charge sheet", "PC-STD", "NFS.MATERIAL.MG4"),
    Pass("a charge sheet linked to nobody covers every defendant", "FH-GAP", "NFS.MATERIAL.MG4",
         set_mat("M1", defendant=None)),
    Pass("trial file does not re-demand the MG5", "UP-MC", "NFS.MATERIAL.MG5", remove("M2")),
    Pass("pre-charge: the MG3 carries the information, no separate MG6", "PC-STD", "NFS.MATERIAL.MG6",
         remove("M2")),
    Pass("an MG6 marked not applicable satisfies the row", "FH-GAP", "NFS.MATERIAL.MG6",
         set_mat("M3", status="not_applicable", provided_at=None)),
    Pass("other post-hearing file (awaiting sentence) needs no MG6", "UP-MC", "NFS.MATERIAL.MG6",
         both(set_case(stage="awaiting_sentence"), remove("M3"))),
    Pass("GAP first hearing does not demand key statements", "FH-GAP", "NFS.MATERIAL.KEY_STATEMENTS",
         remove("M5")),
    Pass("PC-STD key statements all provided", "PC-STD", "NFS.MATERIAL.KEY_STATEMENTS"),
    Pass("an expert's report stands in for an MG11", "UP-CC", "NFS.MATERIAL.ALL_STATEMENTS"),
    Pass("first hearing does not demand non-key statements", "FH-GAP", "NFS.MATERIAL.ALL_STATEMENTS",
         remove("M8")),
    Pass("no interview held, no interview record needed", "FH-NGAP", "NFS.MATERIAL.INTERVIEW",
         both(remove("M9"), set_def(interviews=[{"date": None, "type": "not_interviewed",
                                                "account": None, "summary": ""}]))),
    Pass("GAP first hearing: interview summary lives in the MG5", "FH-GAP", "NFS.MATERIAL.INTERVIEW",
         remove("M7")),
    Pass("no PNC print but the check is recorded", "FH-GAP", "NFS.MATERIAL.SUSPECT_PREVIOUS_CONVICTIONS",
         remove("M4")),
    Pass("trial file does not re-demand the PNC print", "UP-MC", "NFS.MATERIAL.SUSPECT_PREVIOUS_CONVICTIONS",
         both(remove("M4"), set_def(previous_convictions_checked_on=None))),
    Pass("vulnerable victim whose special measures are recorded needs no separate MG2", "PC-STD",
         "NFS.MATERIAL.MG2", set_wit("W1", vulnerability_grounds=["fear_or_distress"],
                                     special_measures_sought=["s24_live_link"])),
    Pass("a vulnerable police officer is not a special measures witness", "PC-STD", "NFS.MATERIAL.MG2",
         set_wit("W3", vulnerability_grounds=["fear_or_distress"])),
    Pass("a witness who turned 18 yesterday is not a child witness", "PC-STD", "NFS.MATERIAL.MG2",
         set_wit("W2", date_of_birth="2007-03-09")),
    Pass("GAP first hearing needs no MG9", "FH-GAP", "NFS.MATERIAL.MG9"),
    Pass("GAP first hearing needs no MG10", "FH-GAP", "NFS.MATERIAL.MG10"),
    Pass("GAP first hearing needs no MG6C", "FH-GAP", "NFS.MATERIAL.UNUSED_SCHEDULES"),
    Pass("first hearing needs no MG6E", "FH-NGAP", "NFS.MATERIAL.MG6E"),
    Pass("not a DA case, no DA checklist", "FH-GAP", "NFS.MATERIAL.DA_CHECKLIST"),
    Pass("trial file does not re-demand the DA checklist", "FH-NGAP", "NFS.MATERIAL.DA_CHECKLIST",
         both(set_case(stage="awaiting_trial"), remove("M4"))),
    Pass("Crown Court file for a remanded defendant: the remand add-on is for first hearings", "UP-CC",
         "NFS.MATERIAL.REMAND_MG7", remove("M5")),
    Pass("defendant on bail needs no MG7", "FH-NGAP", "NFS.MATERIAL.REMAND_MG7"),
    Pass("compensation sought and the MG19 provided", "FH-GAP", "NFS.MATERIAL.COMPENSATION_MG19",
         both(set_case(compensation_sought=True), adding("MG19", "MG19 Compensation claim"))),
    Pass("GAP first hearing needs no exhibit list", "FH-GAP", "NFS.MATERIAL.EXHIBIT_LIST_MG12"),
    Pass("devices seized and the strategy recorded", "PC-STD", "NFS.MATERIAL.DIGITAL_STRATEGY",
         both(set_case(devices_seized=True), adding("DIGITAL_STRATEGY", dclass="police_cps_only"))),
    Pass("no devices seized, no strategy needed", "PC-STD", "NFS.MATERIAL.DIGITAL_STRATEGY"),
    Pass("excess alcohol with the MGDD forms", "FH-GAP", "NFS.MATERIAL.MGDD",
         both(set_off(code="RT88007", title="Drive motor vehicle when alcohol level above limit",
                      mode_of_trial="summary"), adding("MGDD", "MGDD A station procedure"))),
    Pass("not a drink or drug driving charge", "FH-GAP", "NFS.MATERIAL.MGDD"),
    Pass("CCTV not required at a GAP first hearing", "FH-GAP", "NFS.MATERIAL.CCTV", outstanding("M6")),
    Pass("CCTV marked not applicable is not missing", "PC-STD", "NFS.MATERIAL.CCTV",
         set_mat("M7", status="not_applicable", provided_at=None)),
    Pass("BWV provided, clipped and playable", "FH-NGAP", "NFS.MATERIAL.BWV"),
    Pass("999 call not required at a GAP first hearing", "FH-GAP", "NFS.MATERIAL.OTHER_EXHIBITS",
         adding("CALL_999", status="outstanding")),
    Pass("medical notes awaited, target date still ahead", "FH-NGAP", "NFS.MATERIAL.MEDICAL"),
    Pass("medical notes due today are not late", "FH-NGAP", "NFS.MATERIAL.MEDICAL",
         set_mat("M12", target_date="2025-03-10")),
    Pass("SFR1 awaited with a target date ahead", "UP-CC", "NFS.MATERIAL.FORENSIC",
         outstanding("M22", "2025-04-01")),
]


@pytest.mark.parametrize("row", FAILING, ids=ids(FAILING))
def test_requirement_raised(row):
    check_fail(row)


@pytest.mark.parametrize("row", PASSING, ids=ids(PASSING))
def test_requirement_not_raised(row):
    check_pass(row)
