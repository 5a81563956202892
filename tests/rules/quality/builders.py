"""Compliant baseline case files, one per file stage, and the helpers the rule tables mutate them with.

Every baseline is a complete case-file document in the interchange format
(`docs/casefile.schema.json`) that a careful officer and CJU caseworker would send: the
engine must find nothing in it but advice. A rule's failing row is one realistic slip made to
a fresh copy ("the MG6C was not signed"), so each row shows exactly what the rule catches.

Reference data is real: offence codes, courts and forces are read from the files Casework ships
(`src/casework/reference/data`), the same way the web side's reference port reads them.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from functools import cache
from pathlib import Path

from casework.rules.quality import CourtInfo, FakeReference, OffenceInfo, review_case
from casework.rules.snapshot import snapshot_from_casefile

TODAY = date(2025, 3, 10)  # a Monday
DATA = Path(__file__).parents[3] / "src" / "casework" / "reference" / "data"

# The codes and courts the baselines and rule tables use (titles and categories come from the data files).
OFFENCE_CODES = (
    "TH68010",  # Theft from a shop (CE)
    "TH68001",  # Theft from the person (CE)
    "CD71039",  # Criminal damage under £5,000 (CE)
    "OF61102",  # Assault occasioning actual bodily harm (CE)
    "CJ88116",  # Assault by beating (CS)
    "CJ88001",  # Common assault (CS)
    "OF61016",  # Section 18 wounding with intent (CI)
    "RT88007",  # Drive with excess alcohol (CM)
    "PU86001",  # Riot (CI)
    "CJ03510",  # Fail to comply with a community order: a non-offence breach code (CB)
    "TH68059",  # Obtaining property by deception: retired PNC code, not in the CJS list
)
COURT_CODES = ("B20BL00", "B20BN00", "C20BI00", "B20EB00")
WEST_MIDLANDS = "20"


# --------------------------------------------------------------------------------------------
# Reference data from the shipped files
# --------------------------------------------------------------------------------------------

@cache
def _offences() -> dict[str, OffenceInfo]:
    out = {}
    for o in json.loads((DATA / "pnc-ccjs-cjs-offences.json").read_text()):
        code = o["cjsCode"].strip().upper()
        out[code] = OffenceInfo(code, o["offenceTitle"].strip().capitalize(), "", False)
    for o in json.loads((DATA / "cjs-offences.json").read_text()):
        code = o["cjsCode"].strip().upper()
        out[code] = OffenceInfo(code, o["offenceTitle"].strip(), o["offenceCategory"] or "", True)
    return out


@cache
def _courts() -> dict[str, CourtInfo]:
    out = {}
    for o in json.loads((DATA / "court-organisation-units.json").read_text()):
        if o["thirdLevelCode"] == "00":
            continue
        code = f"{o['topLevelCode']}{o['secondLevelCode']}{o['thirdLevelCode']}{o['bottomLevelCode']}"
        out[code] = CourtInfo(code, o["thirdLevelName"].strip(),
                              "magistrates" if o["topLevelCode"] == "B" else "crown")
    return out


@cache
def _forces() -> frozenset[str]:
    return frozenset(f["code"] for f in json.loads((DATA / "forces.json").read_text()) if f["code"].isdigit())


def reference() -> FakeReference:
    """The codes and courts the baselines use, with their real titles, categories and names."""
    offences, courts = _offences(), _courts()
    return FakeReference(offences={c: offences[c] for c in OFFENCE_CODES},
                         courts={c: courts[c] for c in COURT_CODES}, forces=set(_forces()))


def full_reference() -> FakeReference:
    """Every offence code, court and force in the shipped files (for generated case files)."""
    return FakeReference(offences=dict(_offences()), courts=dict(_courts()), forces=set(_forces()))


REFERENCE = reference()


def review(doc: dict, *, today: date = TODAY, stage: str | None = None, ref: FakeReference = REFERENCE):
    return review_case(snapshot_from_casefile(doc), today=today, reference=ref, stage=stage)


# --------------------------------------------------------------------------------------------
# Parts of a document
# --------------------------------------------------------------------------------------------

def officer(username: str, name: str, rank: str, collar: str, phone: str = "0121 626 5000") -> dict:
    email = name.lower().replace(" ", ".") + "@west-midlands.police.uk"
    return {"username": username, "name": name, "rank": rank, "collar_number": collar,
            "email": email, "phone": phone}


OIC = officer("pc.jones1234", "Rhys Jones", "PC", "1234")
SUPERVISOR = officer("ps.khan2201", "Amir Khan", "PS", "2201", "0121 626 5001")


def case(urn: str, *, stage: str, flags: list[str], route: str | None, plea: str | None,
         venue: str | None = "magistrates", category: str | None = None,
         initiation: str | None = "charge", summary: str = "", received_at: str) -> dict:
    return {
        "urn": urn, "force_code": urn[:2], "hub": "HUB-BS", "lpa": "LPA-BIRM",
        "crime_reference": f"20/{urn[4:9]}/25", "cps_unit_code": "", "summary": summary,
        "restricted": False, "restriction_reason": "", "flags": flags,
        "charging_route": route, "charging_category": category, "anticipated_plea": plea,
        "venue": venue, "initiation": initiation, "compensation_sought": False,
        "devices_seized": False, "file_stage": None, "stage": stage, "outcome": None,
        "finalised_on": None, "received_at": received_at, "oic": dict(OIC),
        "supervisor": dict(SUPERVISOR), "caseworker": None,
    }


def offence(ref: str, code: str, *, mode: str, committed: str, location: str, wording: str,
            status: str = "charged", charge_date: str | None = None, authority: str | None = None,
            plea: str | None = None, plea_date: str | None = None) -> dict:
    charged = status in ("charged", "concluded")
    return {
        "ref": ref, "code": code, "title": _offences()[code].title, "mode_of_trial": mode,
        "wording": wording, "date_code": 1, "date_from": committed, "date_to": None,
        "location": location, "status": status, "charge_date": charge_date,
        "charging_authority": authority, "code_test": "full_code" if charged else None,
        "plea": plea, "plea_date": plea_date,
    }


def defendant(ref: str, forenames: str, surname: str, dob: str, *, gender: str, status: str,
              asn: str, pnc_id: str, cro: str = "", arrested_at: str, interview: dict,
              offences: list[dict], bail: list[dict] = (), custody: list[dict] = (),
              checked_on: str, summary: str = "") -> dict:
    return {
        "ref": ref, "forenames": forenames, "surname": surname, "date_of_birth": dob,
        "gender": gender, "ethnicity_code": "W1", "interpreter_language": "", "asn": asn,
        "pnc_id": pnc_id, "cro": cro, "custody_record_number": f"20BH/{asn[-6:-1]}/25",
        "status": status, "arrested_at": arrested_at, "pace_relevant_time": arrested_at,
        "previous_convictions_checked_on": checked_on, "previous_convictions_summary": summary,
        "interviews": [interview], "custody_episodes": list(custody), "bail_periods": list(bail),
        "offences": offences,
    }


def witness(ref: str, forenames: str, surname: str, role: str, *, key: bool = False,
            dob: str | None = None, grounds: list[str] = (), measures: list[str] = (),
            vps_offered: bool | None = None, vps_made: bool | None = None,
            checked: bool | None = None) -> dict:
    civilian = role in ("victim", "civilian")
    return {
        "ref": ref, "forenames": forenames, "surname": surname, "role": role, "key_witness": key,
        "date_of_birth": dob, "vulnerability_grounds": list(grounds),
        "enhanced_rights": bool(grounds), "enhanced_rights_category":
            "vulnerable_intimidated" if grounds else None,
        "special_measures_sought": list(measures), "vps_offered": vps_offered,
        "vps_made": vps_made, "dates_to_avoid": [], "consent_witness_service": True if civilian else None,
        "consent_medical_records": None, "contact_preference": "phone" if civilian else None,
        "phone": "07700 900123" if civilian else "", "email": "", "address": "", "postcode": "",
        "previous_convictions_checked": checked, "has_previous_convictions": False if checked else None,
        "needs": "",
    }


def material(ref: str, mtype: str, title: str, *, status: str = "provided", defendant: str | None = None,
             witness: str | None = None, key: bool = False, dclass: str = "served",
             signed: bool | None = None, signed_date: str | None = None, certified: bool | None = None,
             clipped: bool | None = None, playable: bool | None = None, exhibit: str = "",
             exhibits: list[str] = (), described: bool | None = None, producer: str = "",
             target: str | None = None, provided_at: str | None = "2025-03-04T10:00:00Z") -> dict:
    return {
        "ref": ref, "type": mtype, "title": title, "status": status, "defendant": defendant,
        "witness": witness, "key_evidence": key, "disclosure_class": dclass, "signed": signed,
        "signed_date": signed_date, "supervisor_certified": certified, "clipped": clipped,
        "playable": playable, "exhibit_ref": exhibit, "exhibits_referred": list(exhibits),
        "items_described": described, "producer": producer, "target_date": target,
        "provided_at": provided_at if status == "provided" else None, "attachment": None,
        "notes": "",
    }


def statement(ref: str, w: str, name: str, signed_on: str, *, key: bool = False,
              exhibits: list[str] = ()) -> dict:
    return material(ref, "MG11", f"MG11 statement of {name}", witness=w, key=key, signed=True,
                    signed_date=signed_on, exhibits=exhibits, producer=name,
                    provided_at=f"{signed_on}T18:00:00Z")


def media(ref: str, mtype: str, title: str, exhibit: str, producer: str, *, witness: str | None = None) -> dict:
    return material(ref, mtype, title, key=True, clipped=True, playable=True, exhibit=exhibit,
                    producer=producer, witness=witness)


def schedule(ref: str, mtype: str, signed_on: str) -> dict:
    return material(ref, mtype, f"{mtype} schedule of unused material", dclass="police_cps_only",
                    signed=True, signed_date=signed_on, described=True)


def hearing(ref: str, court: str, kind: str, starts_at: str, outcome: str | None = None) -> dict:
    return {"ref": ref, "court_code": court, "type": kind, "starts_at": starts_at,
            "outcome": outcome, "notes": ""}


def submission(ref: str, file_type: str, submitted_at: str, *, category: str | None = None,
               outcome: str = "pending", comments: str = "Reviewed and authorised for submission.",
               certified: bool | None = True) -> dict:
    return {"ref": ref, "file_type": file_type, "charging_category": category,
            "submitted_at": submitted_at, "due_at": None, "submitted_by": dict(OIC),
            "supervisor_certified": certified, "outcome": outcome, "reasons": [],
            "respond_by": None, "supervisor_comments": comments, "notes": ""}


def charge_decision(ref: str, submission_ref: str, decided_at: str, charges: list[str]) -> dict:
    return {"ref": ref, "submission": submission_ref, "decided_at": decided_at, "kind": "charge",
            "code_test": "full_code", "prosecutor": "CPS Direct duty prosecutor",
            "rationale": "Full Code Test met.", "charges": charges}


def document(case_: dict, defendants: list[dict], witnesses: list[dict], materials: list[dict], *,
             hearings: list[dict] = (), submissions: list[dict] = (), decisions: list[dict] = ()) -> dict:
    return {
        "format": "casework.casefile", "version": 1, "case": case_,
        "defendants": defendants, "witnesses": witnesses, "materials": materials,
        "hearings": list(hearings), "submissions": list(submissions), "decisions": list(decisions),
        "action_plans": [], "tasks": [], "finding_overrides": [],
    }


# --------------------------------------------------------------------------------------------
# The baselines
# --------------------------------------------------------------------------------------------

def fh_gap_shop_theft() -> dict:
    """FH-GAP: shop theft admitted in interview, charged by the police, first hearing in a week."""
    d1 = defendant(
        "D1", "Kyle", "Brennan", "1996-05-12", gender="male", status="unconditional_bail",
        asn="2520BH0100000012345Q", pnc_id="2015/0456789M", cro="123456/15N",
        arrested_at="2025-03-03T14:20:00Z", checked_on="2025-03-03",
        summary="1 conviction: theft from a shop (2019).",
        interview={"date": "2025-03-03", "type": "SDN", "account": "full_admission",
                   "summary": "Admitted taking the meat; no defence raised."},
        bail=[{"kind": "post_charge", "start_date": "2025-03-03", "end_date": None,
               "authority": "custody_officer", "conditions": ""}],
        offences=[offence("D1-1", "TH68010", mode="either_way", committed="2025-03-03",
                          location="Tesco Express, 14 Corporation Street, Birmingham B2 4LP",
                          wording="On 03/03/2025 at Birmingham stole meat products to the value of £86.40 belonging to Tesco Stores Ltd.",
                          charge_date="2025-03-03", authority="police")],
    )
    witnesses = [
        witness("W1", "Priya", "Sharma", "civilian", key=True, dob="1988-09-01", checked=True),
        witness("W2", "Daniel", "Okafor", "police"),
    ]
    materials = [
        material("M1", "MG4", "MG4 Charge sheet", defendant="D1"),
        material("M2", "MG5", "MG5 Case summary", defendant="D1", key=True, certified=True),
        material("M3", "MG6", "MG6 Case file information", dclass="police_cps_only"),
        material("M4", "PNC_PRINT", "PNC print: Kyle BRENNAN", defendant="D1", dclass="police_cps_only"),
        statement("M5", "W1", "Priya Sharma", "2025-03-03", key=True, exhibits=["PS/1"]),
        media("M6", "CCTV", "Store CCTV, exit doors 14:02-14:05", "PS/1", "Priya Sharma", witness="W1"),
        material("M7", "MG15", "SDN interview record: Kyle BRENNAN", defendant="D1", key=True),
        statement("M8", "W2", "Daniel Okafor", "2025-03-03"),
    ]
    return document(
        case("20BH0100125", stage="charged", flags=["retail_theft"], route="police", plea="GAP",
             summary="Shop theft of meat; detained by store detective; admitted in interview.",
             received_at="2025-03-04T09:00:00Z"),
        [d1], witnesses, materials,
        hearings=[hearing("H1", "B20BL00", "first", "2025-03-17T10:00:00Z")],
        submissions=[submission("S1", "FH-GAP", "2025-03-04T09:00:00Z")],
    )


def fh_ngap_da_abh() -> dict:
    """FH-NGAP: domestic abuse ABH, denied in interview, charged on CPS advice (the sample case, made clean)."""
    d1 = defendant(
        "D1", "Liam", "Carter", "1991-07-14", gender="male", status="conditional_bail",
        asn="1101ZD0100000448754K", pnc_id="2008/0234567K", cro="54321/08W",
        arrested_at="2025-02-20T22:40:00Z", checked_on="2025-02-21",
        summary="2 convictions: common assault (2019), criminal damage (2021).",
        interview={"date": "2025-02-21", "type": "ROTI", "account": "denial",
                   "summary": "Denied assault; said partner fell."},
        bail=[{"kind": "post_charge", "start_date": "2025-02-21", "end_date": None,
               "authority": "custody_officer",
               "conditions": "Not to contact the complainant directly or indirectly; not to enter Elm Road."}],
        custody=[{"kind": "police_detention", "started_at": "2025-02-20T23:10:00Z",
                  "ended_at": "2025-02-21T16:05:00Z", "court_code": None}],
        offences=[offence("D1-1", "OF61102", mode="either_way", committed="2025-02-20",
                          location="Elm Road, Birmingham B12 9AA",
                          wording="On 20/02/2025 at Birmingham assaulted Jane Doe thereby occasioning her actual bodily harm.",
                          charge_date="2025-02-21", authority="cps")],
    )
    witnesses = [
        witness("W1", "Jane", "Doe", "victim", key=True, dob="1993-02-02",
                grounds=["domestic_abuse_complainant"], measures=["s23_screens"],
                vps_offered=True, vps_made=False, checked=True),
        witness("W2", "Sarah", "Ellis", "police"),
    ]
    materials = [
        material("M1", "MG3", "Report to CPS", defendant="D1", dclass="police_cps_only",
                 certified=True, provided_at="2025-02-21T10:00:00Z"),
        statement("M2", "W1", "Jane Doe", "2025-02-21", key=True),
        media("M3", "BWV", "BWV first account", "SE/1", "PC Sarah Ellis", witness="W2"),
        material("M4", "DA_CHECKLIST", "DA evidence-gathering checklist", dclass="police_cps_only"),
        material("M5", "MG5", "Case summary", defendant="D1", certified=True),
        material("M6", "MG4", "MG4 Charge sheet", defendant="D1"),
        material("M7", "MG6", "MG6 Case file information", dclass="police_cps_only"),
        material("M8", "PNC_PRINT", "PNC print: Liam CARTER", defendant="D1", dclass="police_cps_only"),
        material("M9", "MG15", "ROTI: Liam CARTER", defendant="D1", key=True),
        statement("M10", "W2", "Sarah Ellis", "2025-02-21", exhibits=["SE/1", "SE/2"]),
        material("M11", "PHOTOGRAPHS", "Photographs of facial injuries", key=True, exhibit="SE/2",
                 producer="PC Sarah Ellis"),
        material("M12", "MEDICAL", "A&E notes, Queen Elizabeth Hospital", status="outstanding",
                 target="2025-03-21"),
        material("M13", "MG9", "MG9 Witness list", dclass="police_cps_only"),
        material("M14", "MG10", "MG10 Witness non-availability", dclass="police_cps_only"),
        schedule("M15", "MG6C", "2025-02-24"),
        schedule("M16", "MG6D", "2025-02-24"),
        material("M17", "MG12", "MG12 Exhibit list"),
        material("M18", "MG2", "MG2 Special measures: Jane DOE", witness="W1", dclass="police_cps_only"),
        material("M19", "MG16", "MG16 Incident history between the parties", defendant="D1",
                 dclass="police_cps_only"),
    ]
    return document(
        case("20BH0100225", stage="charged", flags=["domestic_abuse", "gbh_abh_wounding"], route="cps",
             plea="NGAP", category="green_priority", received_at="2025-03-01T09:15:00Z",
             summary="Assault on partner at home; injuries photographed; BWV of first account."),
        [d1], witnesses, materials,
        hearings=[hearing("H1", "B20BL00", "first", "2025-03-21T10:00:00Z")],
        submissions=[submission("S1", "PC-STD", "2025-02-21T08:30:00Z", category="green_priority",
                                outcome="compliant")],
        decisions=[charge_decision("C1", "S1", "2025-02-21T13:00:00Z", ["D1-1"])],
    )


def pc_std_abh() -> dict:
    """PC-STD: ABH outside a pub, suspect on pre-charge bail, referred to the CPS for a decision."""
    d1 = defendant(
        "D1", "Connor", "Walsh", "1999-11-03", gender="male", status="pre_charge_bail",
        asn="2520BH0100000011111Z", pnc_id="2019/0345678A",
        arrested_at="2025-02-28T23:30:00Z", checked_on="2025-03-01",
        interview={"date": "2025-03-01", "type": "ROTI", "account": "denial",
                   "summary": "Said he acted in self-defence."},
        bail=[{"kind": "pre_charge", "start_date": "2025-03-01", "end_date": "2025-06-01",
               "authority": "custody_officer", "conditions": "Not to enter Broad Street, Birmingham."}],
        offences=[offence("D1-1", "OF61102", mode="either_way", committed="2025-02-28", status="proposed",
                          location="Outside the Gas Street Tavern, Broad Street, Birmingham B1 2HF",
                          wording="On 28/02/2025 at Birmingham assaulted Marcus Bell thereby occasioning him actual bodily harm.")],
    )
    witnesses = [
        witness("W1", "Marcus", "Bell", "victim", key=True, dob="1990-01-15", checked=True),
        witness("W2", "Chloe", "Evans", "civilian", key=True, dob="1997-04-22", checked=True),
        witness("W3", "Amir", "Hussain", "police"),
    ]
    materials = [
        material("M1", "MG3", "MG3 Report to CPS for a charging decision", defendant="D1",
                 dclass="police_cps_only", certified=True),
        material("M2", "MG6", "MG6 Case file information", dclass="police_cps_only"),
        statement("M3", "W1", "Marcus Bell", "2025-03-01", key=True),
        statement("M4", "W2", "Chloe Evans", "2025-03-01", key=True),
        statement("M5", "W3", "Amir Hussain", "2025-03-01", exhibits=["AH/1", "AH/2"]),
        media("M6", "BWV", "BWV on arrival, 23:12-23:20", "AH/1", "PC Amir Hussain", witness="W3"),
        media("M7", "CCTV", "Gas Street Tavern door camera, 23:05-23:09", "AH/2", "PC Amir Hussain"),
        material("M8", "MG15", "ROTI: Connor WALSH", defendant="D1", key=True),
        material("M9", "PNC_PRINT", "PNC print: Connor WALSH", defendant="D1", dclass="police_cps_only"),
        schedule("M10", "MG6C", "2025-03-04"),
        material("M11", "MEDICAL", "A&E discharge summary: fractured nose", key=True),
    ]
    return document(
        case("20BH0100325", stage="pre_charge", flags=["gbh_abh_wounding"], route="cps", plea="NGAP",
             category="green", initiation=None, received_at="2025-03-05T11:00:00Z",
             summary="Punch outside a pub broke the victim's nose; suspect claims self-defence."),
        [d1], witnesses, materials,
        submissions=[submission("S1", "PC-STD", "2025-03-05T11:00:00Z", category="green",
                                comments="Key statements, CCTV and BWV clipped; MG6C complete. Suitable for referral.")],
    )


def up_mc_shop_theft() -> dict:
    """UP-MC: shop theft where the defendant pleaded not guilty at the first hearing; trial file."""
    d1 = defendant(
        "D1", "Ryan", "Foster", "1985-02-27", gender="male", status="unconditional_bail",
        asn="2520BH0100000022222B", pnc_id="2012/0567812U",
        arrested_at="2025-01-27T16:00:00Z", checked_on="2025-01-27",
        interview={"date": "2025-01-27", "type": "ROTI", "account": "denial",
                   "summary": "Said he meant to pay and was distracted."},
        bail=[{"kind": "post_charge", "start_date": "2025-01-27", "end_date": None,
               "authority": "custody_officer", "conditions": ""}],
        offences=[offence("D1-1", "TH68010", mode="either_way", committed="2025-01-27",
                          location="Boots, 66 New Street, Birmingham B2 4DU",
                          wording="On 27/01/2025 at Birmingham stole fragrances to the value of £212.00 belonging to Boots UK Ltd.",
                          charge_date="2025-01-27", authority="police", plea="not_guilty",
                          plea_date="2025-02-10")],
    )
    witnesses = [
        witness("W1", "Grace", "Martin", "civilian", key=True, dob="1979-06-09", checked=True),
        witness("W2", "Owen", "Price", "police"),
    ]
    materials = [
        material("M1", "MG4", "MG4 Charge sheet", defendant="D1"),
        material("M2", "MG5", "MG5 Case summary", defendant="D1", key=True, certified=True),
        material("M3", "MG6", "MG6 Case file information", dclass="police_cps_only"),
        material("M4", "PNC_PRINT", "PNC print: Ryan FOSTER", defendant="D1", dclass="police_cps_only"),
        statement("M5", "W1", "Grace Martin", "2025-01-27", key=True, exhibits=["GM/1"]),
        media("M6", "CCTV", "Store CCTV, fragrance aisle and exit", "GM/1", "Grace Martin", witness="W1"),
        material("M7", "MG15", "ROTI: Ryan FOSTER", defendant="D1", key=True),
        statement("M8", "W2", "Owen Price", "2025-01-28"),
        material("M9", "MG9", "MG9 Witness list", dclass="police_cps_only"),
        material("M10", "MG10", "MG10 Witness non-availability", dclass="police_cps_only"),
        schedule("M11", "MG6C", "2025-02-20"),
        material("M12", "MG6E", "MG6E Disclosure officer's report", dclass="police_cps_only"),
        material("M13", "MG12", "MG12 Exhibit list"),
    ]
    return document(
        case("20BH0100425", stage="awaiting_trial", flags=["retail_theft"], route="police", plea="GAP",
             received_at="2025-01-28T09:00:00Z",
             summary="Shop theft of fragrances; not guilty plea entered; trial listed."),
        [d1], witnesses, materials,
        hearings=[hearing("H1", "B20BL00", "first", "2025-02-10T10:00:00Z", "not_guilty_plea"),
                  hearing("H2", "B20BL00", "trial", "2025-04-14T10:00:00Z")],
        submissions=[submission("S1", "FH-GAP", "2025-01-28T09:00:00Z", outcome="compliant"),
                     submission("S2", "UP-MC", "2025-03-03T12:00:00Z")],
    )


def up_cc_wounding() -> dict:
    """UP-CC: section 18 wounding sent to Birmingham Crown Court; defendant remanded; PTPH tomorrow."""
    d1 = defendant(
        "D1", "Jordan", "Price", "1994-06-30", gender="male", status="remanded_in_custody",
        asn="2520BH0100000033333D", pnc_id="2021/0098765X",
        arrested_at="2025-02-09T02:10:00Z", checked_on="2025-02-09",
        interview={"date": "2025-02-09", "type": "ROTI", "account": "no_comment", "summary": "No comment."},
        custody=[{"kind": "police_detention", "started_at": "2025-02-09T02:40:00Z",
                  "ended_at": "2025-02-11T09:00:00Z", "court_code": None},
                 {"kind": "remand", "started_at": "2025-02-11T12:00:00Z", "ended_at": None,
                  "court_code": "B20BL00"}],
        offences=[offence("D1-1", "OF61016", mode="indictable_only", committed="2025-02-09",
                          location="Flat 3, 22 Alcester Road, Birmingham B13 8AP",
                          wording="On 09/02/2025 at Birmingham unlawfully and maliciously wounded Aaron Grant with intent to do him grievous bodily harm.",
                          charge_date="2025-02-10", authority="cps")],
    )
    witnesses = [
        witness("W1", "Aaron", "Grant", "victim", key=True, dob="1992-10-05", vps_offered=True,
                vps_made=True, checked=True),
        witness("W2", "Nadia", "Rahman", "civilian", key=True, dob="1995-03-17", checked=True),
        witness("W3", "Lewis", "Hall", "police"),
        witness("W4", "Helen", "Morris", "expert"),
    ]
    materials = [
        material("M1", "MG3", "MG3 Report to CPS (red)", defendant="D1", dclass="police_cps_only",
                 certified=True, provided_at="2025-02-10T06:00:00Z"),
        material("M2", "MG4", "MG4 Charge sheet", defendant="D1"),
        material("M3", "MG5", "MG5 Case summary", defendant="D1", key=True, certified=True),
        material("M4", "MG6", "MG6 Case file information", dclass="police_cps_only"),
        material("M5", "MG7", "MG7 Remand application", dclass="police_cps_only"),
        statement("M6", "W1", "Aaron Grant", "2025-02-09", key=True),
        statement("M7", "W2", "Nadia Rahman", "2025-02-09", key=True, exhibits=["NR/1"]),
        statement("M8", "W3", "Lewis Hall", "2025-02-09", exhibits=["LH/1", "LH/2", "LH/3", "LH/4"]),
        material("M9", "VPS", "Victim Personal Statement of Aaron GRANT", witness="W1", signed=True,
                 signed_date="2025-02-20"),
        material("M10", "MG15", "ROTI: Jordan PRICE", defendant="D1", key=True),
        material("M11", "PNC_PRINT", "PNC print: Jordan PRICE", defendant="D1", dclass="police_cps_only"),
        material("M12", "MG9", "MG9 Witness list", dclass="police_cps_only"),
        material("M13", "MG10", "MG10 Witness non-availability", dclass="police_cps_only"),
        schedule("M14", "MG6C", "2025-03-03"),
        schedule("M15", "MG6D", "2025-03-03"),
        material("M16", "MG6E", "MG6E Disclosure officer's report", dclass="police_cps_only"),
        material("M17", "MG12", "MG12 Exhibit list"),
        media("M18", "CALL_999", "999 call from Nadia Rahman, 01:52", "NR/1", "Nadia Rahman", witness="W2"),
        media("M19", "BWV", "BWV at the scene, 02:01-02:15", "LH/1", "PC Lewis Hall", witness="W3"),
        media("M20", "CCTV", "Alcester Road shop camera, 01:45-01:55", "LH/2", "PC Lewis Hall"),
        material("M21", "PHOTOGRAPHS", "Photographs of the scene and the knife", key=True,
                 exhibit="LH/3", producer="PC Lewis Hall"),
        material("M22", "FORENSIC", "SFR1: blood on the knife matches the victim", key=True,
                 exhibit="LH/4", producer="PC Lewis Hall"),
        material("M23", "MEDICAL", "Statement of Dr Helen Morris: stab wound to the abdomen",
                 witness="W4", key=True),
    ]
    return document(
        case("20BH0100525", stage="sent_to_crown", flags=["gbh_abh_wounding"], route="cps", plea="NGAP",
             venue="crown", category="red", received_at="2025-02-10T08:00:00Z",
             summary="Stabbing in a flat; 999 call by a neighbour; knife recovered."),
        [d1], witnesses, materials,
        hearings=[hearing("H1", "B20BL00", "first", "2025-02-11T10:00:00Z", "sent_to_crown"),
                  hearing("H2", "C20BI00", "ptph", "2025-03-11T10:00:00Z")],
        submissions=[submission("S1", "PC-EXP", "2025-02-10T04:00:00Z", category="red", outcome="compliant"),
                     submission("S2", "UP-CC", "2025-03-05T12:00:00Z")],
        decisions=[charge_decision("C1", "S1", "2025-02-10T09:30:00Z", ["D1-1"])],
    )


BASELINES = {
    "FH-GAP": fh_gap_shop_theft,
    "FH-NGAP": fh_ngap_da_abh,
    "PC-STD": pc_std_abh,
    "UP-MC": up_mc_shop_theft,
    "UP-CC": up_cc_wounding,
}


def baseline(stage: str) -> dict:
    """A fresh copy of the compliant baseline for a file stage."""
    return copy.deepcopy(BASELINES[stage]())


# --------------------------------------------------------------------------------------------
# Mutation helpers (each takes and changes a document in place)
# --------------------------------------------------------------------------------------------

def mat(doc: dict, ref: str) -> dict:
    return next(m for m in doc["materials"] if m["ref"] == ref)


def mats_of(doc: dict, mtype: str) -> list[dict]:
    return [m for m in doc["materials"] if m["type"] == mtype]


def drop(doc: dict, *refs: str) -> None:
    doc["materials"] = [m for m in doc["materials"] if m["ref"] not in refs]


def drop_type(doc: dict, *types: str) -> None:
    doc["materials"] = [m for m in doc["materials"] if m["type"] not in types]


def next_ref(doc: dict, prefix: str = "M") -> str:
    used = {m["ref"] for m in doc["materials"]}
    n = len(doc["materials"]) + 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"


def add(doc: dict, mtype: str, title: str = "", **kw) -> dict:
    m = material(next_ref(doc), mtype, title or mtype, **kw)
    doc["materials"].append(m)
    return m


def wit(doc: dict, ref: str) -> dict:
    return next(w for w in doc["witnesses"] if w["ref"] == ref)


def dfd(doc: dict, ref: str = "D1") -> dict:
    return next(d for d in doc["defendants"] if d["ref"] == ref)


def off(doc: dict, ref: str = "D1-1") -> dict:
    return next(o for d in doc["defendants"] for o in d["offences"] if o["ref"] == ref)
