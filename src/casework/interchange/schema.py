"""The case-file interchange format, version 1: its JSON Schema, built from the model's enums.

One document per case. It carries everything the rules need (parties, offences, witnesses,
materials, hearings, CPS submissions and decisions, action plans, tasks) and refers to parts by
their `ref`, never by database id, so a file moves between systems. The same information as the
police–CPS TWIF messages, so an adapter to TWIF is a mapping, not a redesign.

The published copy is `docs/casefile.schema.json` (`casework casefile-schema` rewrites it).
"""

import json
from functools import cache

from casework.cases import constants as c

FORMAT = "casework.casefile"
VERSION = 1
SCHEMA_ID = "https://casework.example/schemas/casefile/v1.json"


def _enum(choices, nullable=False) -> dict:
    values = [v for v in choices.values if v != ""]
    if nullable:
        return {"enum": [*values, None]}
    return {"enum": values}


STR = {"type": "string"}
DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATETIME = {"type": "string", "format": "date-time",
            "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"}
NULL_DATE = {"anyOf": [DATE, {"type": "null"}]}
NULL_DATETIME = {"anyOf": [DATETIME, {"type": "null"}]}
NULL_BOOL = {"type": ["boolean", "null"]}
REF = {"type": "string", "pattern": r"^[A-Z][A-Z0-9-]{0,15}$"}
NULL_REF = {"anyOf": [REF, {"type": "null"}]}
OU = {"type": "string", "pattern": r"^[A-Z0-9]{7}$"}


def _obj(required: list[str], **props) -> dict:
    return {"type": "object", "additionalProperties": False, "required": required,
            "properties": props}


def _text(max_length: int) -> dict:
    return {"type": "string", "maxLength": max_length}


@cache
def casefile_schema() -> dict:
    person = {"anyOf": [
        _obj(["username"],
             username={"type": "string", "minLength": 1, "maxLength": 150},
             name=_text(300), rank=_text(40), collar_number=_text(20),
             email=_text(254), phone=_text(40)),
        {"type": "null"},
    ]}
    offence = _obj(
        ["ref", "code", "status"],
        ref=REF,
        code={"type": "string", "pattern": r"^[A-Z0-9]{7,8}$",
              "description": "CJS offence code, upper case"},
        title=_text(500),
        mode_of_trial=_enum(c.ModeOfTrial, nullable=True),
        wording=STR,
        date_code={"enum": [int(v) for v in c.OffenceDateCode.values]},
        date_from=NULL_DATE, date_to=NULL_DATE, location=_text(300),
        status=_enum(c.ChargeStatus), charge_date=NULL_DATE,
        charging_authority=_enum(c.ChargingAuthority, nullable=True),
        code_test=_enum(c.CodeTest, nullable=True),
        plea=_enum(c.Plea, nullable=True), plea_date=NULL_DATE,
    )
    defendant = _obj(
        ["ref", "surname", "status"],
        ref=REF, forenames=_text(100), surname={"type": "string", "minLength": 1, "maxLength": 100},
        date_of_birth=NULL_DATE, gender=_enum(c.Gender), ethnicity_code=_text(4),
        interpreter_language=_text(60), asn=_text(21), pnc_id=_text(13), cro=_text(12),
        custody_record_number=_text(30), status=_enum(c.DefendantStatus),
        arrested_at=NULL_DATETIME, pace_relevant_time=NULL_DATETIME,
        previous_convictions_checked_on=NULL_DATE, previous_convictions_summary=STR,
        interviews={"type": "array", "items": _obj(
            ["type"], date=NULL_DATE, type=_enum(c.InterviewType),
            account=_enum(c.InterviewAccount, nullable=True), summary=STR)},
        custody_episodes={"type": "array", "items": _obj(
            ["kind", "started_at"], kind=_enum(c.CustodyKind), started_at=DATETIME,
            ended_at=NULL_DATETIME, court_code={"anyOf": [OU, {"type": "null"}]})},
        bail_periods={"type": "array", "items": _obj(
            ["kind", "start_date"], kind=_enum(c.BailKind), start_date=DATE, end_date=NULL_DATE,
            authority=_enum(c.BailAuthority, nullable=True), conditions=STR)},
        offences={"type": "array", "items": offence},
    )
    witness = _obj(
        ["ref", "surname", "role"],
        ref=REF, forenames=_text(100), surname={"type": "string", "minLength": 1, "maxLength": 100},
        role=_enum(c.WitnessRole), key_witness={"type": "boolean"}, date_of_birth=NULL_DATE,
        vulnerability_grounds={"type": "array", "uniqueItems": True,
                               "items": _enum(c.VulnerabilityGround)},
        enhanced_rights={"type": "boolean"},
        enhanced_rights_category=_enum(c.EnhancedRightsCategory, nullable=True),
        special_measures_sought={"type": "array", "uniqueItems": True,
                                 "items": _enum(c.SpecialMeasure)},
        vps_offered=NULL_BOOL, vps_made=NULL_BOOL,
        dates_to_avoid={"type": "array", "items": _obj(["from", "to"], **{
            "from": DATE, "to": DATE, "reason": _text(200)})},
        consent_witness_service=NULL_BOOL, consent_medical_records=NULL_BOOL,
        contact_preference=_enum(c.ContactPreference, nullable=True),
        phone=_text(40), email=_text(254), address=STR, postcode=_text(10),
        previous_convictions_checked=NULL_BOOL, has_previous_convictions=NULL_BOOL, needs=STR,
        last_update_at={**NULL_DATETIME, "description": "when last told of a decision or result"},
    )
    material = _obj(
        ["ref", "type", "status", "disclosure_class"],
        ref=REF, type=_enum(c.MaterialType), title=_text(300), status=_enum(c.MaterialStatus),
        defendant=NULL_REF, witness=NULL_REF, key_evidence={"type": "boolean"},
        disclosure_class=_enum(c.DisclosureClass), signed=NULL_BOOL, signed_date=NULL_DATE,
        supervisor_certified=NULL_BOOL, clipped=NULL_BOOL, playable=NULL_BOOL,
        exhibit_ref=_text(20),
        exhibits_referred={"type": "array", "items": _text(20),
                           "description": "exhibit references a statement refers to"},
        items_described=NULL_BOOL, producer=_text(100), target_date=NULL_DATE,
        provided_at=NULL_DATETIME,
        attachment={"anyOf": [{"type": "null"}, _obj(
            ["name"], name=_text(255), size={"type": "integer", "minimum": 0},
            sha256={"type": "string", "pattern": "^[0-9a-f]{64}$"})]},
        notes=STR,
    )
    hearing = _obj(
        ["ref", "court_code", "type", "starts_at"],
        ref=REF, court_code=OU, type=_enum(c.HearingType), starts_at=DATETIME,
        outcome=_enum(c.HearingOutcome, nullable=True), notes=STR,
    )
    submission = _obj(
        ["ref", "file_type", "submitted_at", "outcome"],
        ref=REF, file_type=_enum(c.FileType),
        charging_category=_enum(c.ChargingCategory, nullable=True),
        submitted_at=DATETIME, due_at=NULL_DATETIME, submitted_by=person,
        supervisor_certified=NULL_BOOL, outcome=_enum(c.SubmissionOutcome),
        reasons={"type": "array", "uniqueItems": True, "items": _enum(c.TriageReason)},
        respond_by=NULL_DATE, supervisor_comments=STR, notes=STR,
    )
    decision = _obj(
        ["ref", "decided_at", "kind"],
        ref=REF, submission=NULL_REF, decided_at=DATETIME, kind=_enum(c.CPSDecisionKind),
        code_test=_enum(c.CodeTest, nullable=True), prosecutor=_text(100), rationale=STR,
        charges={"type": "array", "uniqueItems": True, "items": REF,
                 "description": "refs of the offences the decision authorised"},
    )
    action_plan = _obj(
        ["ref", "source", "created_on"],
        ref=REF, decision=NULL_REF, source=_enum(c.ActionPlanSource), created_on=DATE,
        respond_by=NULL_DATE,
        items={"type": "array", "items": _obj(
            ["ref", "text", "status"], ref=REF, text={"type": "string", "minLength": 1},
            owner=person, due_date=NULL_DATE, status=_enum(c.ItemStatus),
            completed_at=NULL_DATETIME, evidence=STR, escalated={"type": "boolean"})},
    )
    task = _obj(
        ["ref", "title", "status", "created_at"],
        ref=REF, title={"type": "string", "minLength": 1, "maxLength": 200}, description=STR,
        assignee=person, due_date=NULL_DATE, status=_enum(c.ItemStatus),
        source=_enum(c.ActionPlanSource), created_at=DATETIME, completed_at=NULL_DATETIME,
        kind=_enum(c.TaskKind), witness=NULL_REF, hearing=NULL_REF,
        outcome={"anyOf": [_enum(c.TaskOutcome), {"const": ""}]}, outcome_note=STR,
    )
    override = _obj(
        ["rule_id", "reason", "at"],
        rule_id={"type": "string", "pattern": r"^[A-Z][A-Z0-9_.]+$"},
        item={"anyOf": [REF, {"type": "null"}]},
        reason={"type": "string", "minLength": 1},
        by=person, at=DATETIME,
    )
    contact = _obj(
        ["ref", "at", "party", "direction", "channel", "summary"],
        ref=REF, at=DATETIME, by=person,
        party={"enum": ["victim", "witness", "defendant", "cps", "court", "witness_care", "other"]},
        witness=NULL_REF, direction={"enum": ["in", "out"]},
        channel={"enum": ["phone", "email", "letter", "in_person", "text"]},
        summary={"type": "string", "minLength": 1}, told_of_progress={"type": "boolean"},
    )
    file_return = _obj(
        ["cycle", "returned_at", "feedback"],
        cycle={"type": "integer", "minimum": 1}, returned_at=DATETIME, returned_by=person,
        feedback={"type": "string", "minLength": 1},
        rule_ids={"type": "array", "uniqueItems": True, "items": {"type": "string"}},
        resubmitted_at=NULL_DATETIME, resubmitted_by=person, officer_note=STR,
    )
    case = _obj(
        ["urn", "force_code", "hub", "stage"],
        urn={"type": "string", "pattern": r"^[0-9]{2}[A-Z]{2}([0-9]{5}|[0-9]{7})[0-9]{2}$",
             "description": "URN without slashes, upper case"},
        force_code={"type": "string", "pattern": r"^[0-9]{2}$"},
        hub={"type": "string", "minLength": 1, "description": "code of the hub (Criminal Justice Unit)"},
        lpa={"type": ["string", "null"], "description": "code of the local policing area"},
        crime_reference=_text(40), cps_unit_code={"type": "string", "maxLength": 7},
        summary=STR, restricted={"type": "boolean"}, restriction_reason=_text(200),
        flags={"type": "array", "uniqueItems": True, "items": _enum(c.CaseFlag)},
        charging_route=_enum(c.ChargingRoute, nullable=True),
        charging_category=_enum(c.ChargingCategory, nullable=True),
        anticipated_plea=_enum(c.AnticipatedPlea, nullable=True),
        venue=_enum(c.Venue, nullable=True),
        initiation=_enum(c.Initiation, nullable=True),
        compensation_sought={"type": "boolean"},
        devices_seized={"type": "boolean", "description": "digital devices seized"},
        initial_disclosure_on={**NULL_DATE, "description": "day the prosecutor complied with s.3 CPIA 1996"},
        file_stage={**_enum(c.FileType, nullable=True),
                    "description": "the reviewer's choice of file stage; null: worked out from the facts"},
        stage=_enum(c.Stage),
        outcome=_enum(c.CaseOutcome, nullable=True), finalised_on=NULL_DATE,
        received_at=NULL_DATETIME, oic=person, supervisor=person, caseworker=person,
        named_users={"type": "array", "items": person,
                     "description": "others allowed to see the case (for a restricted case, the only others)"},
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Casework case file",
        "description": (
            "One case as it moves between Casework and other systems. Dates are ISO 8601 "
            "Europe/London calendar dates; date-times are UTC with a trailing Z. Parts refer to "
            "each other by `ref`, unique within the case."
        ),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version", "case"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "case": case,
            "defendants": {"type": "array", "items": defendant},
            "witnesses": {"type": "array", "items": witness},
            "materials": {"type": "array", "items": material},
            "hearings": {"type": "array", "items": hearing},
            "submissions": {"type": "array", "items": submission},
            "decisions": {"type": "array", "items": decision},
            "action_plans": {"type": "array", "items": action_plan},
            "tasks": {"type": "array", "items": task},
            "finding_overrides": {"type": "array", "items": override,
                                  "description": "file-quality findings a reviewer set aside"},
            "contacts": {"type": "array", "items": contact,
                         "description": "the contact log: queries from and updates to victims, witnesses and partners"},
            "file_returns": {"type": "array", "items": file_return,
                             "description": "each time the file went back to the officer with feedback (review cycles)"},
        },
    }


def casefile_schema_text() -> str:
    return json.dumps(casefile_schema(), indent=2, ensure_ascii=False) + "\n"
