"""Building case-file documents from the database (the only ORM → format mapping).

Output is deterministic: parts are ordered by their ref (naturally: D2 before D10), keys in a
fixed order, date-times in UTC to the second, so export → import → export is byte-identical.
"""

import json
import re
from datetime import UTC, date, datetime

from casework.cases.models import Case

from .schema import FORMAT, VERSION


def _dt(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _blank_none(value: str) -> str | None:
    return value or None


def ref_key(ref: str) -> tuple:
    """Natural order of refs: W2 before W10, D1-2 before D1-10."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", ref))


def _by_ref(items):
    return sorted(items, key=lambda x: ref_key(x.ref))


def person_doc(user) -> dict | None:
    if user is None:
        return None
    return {
        "username": user.username,
        "name": user.get_full_name(),
        "rank": user.rank,
        "collar_number": user.collar_number,
        "email": user.email,
        "phone": user.phone,
    }


def casefile_build(case: Case) -> dict:
    """The case-file document for one case (prefetch with `cases_with_parts()` for many)."""
    defendants = _by_ref(case.defendants.all())
    return {
        "format": FORMAT,
        "version": VERSION,
        "case": {
            "urn": case.urn,
            "force_code": case.force_code,
            "hub": case.hub.code,
            "lpa": case.lpa.code if case.lpa else None,
            "crime_reference": case.crime_reference,
            "cps_unit_code": case.cps_unit_code,
            "summary": case.summary,
            "restricted": case.restricted,
            "restriction_reason": case.restriction_reason,
            "flags": case.flags,
            "charging_route": _blank_none(case.charging_route),
            "charging_category": _blank_none(case.charging_category),
            "anticipated_plea": _blank_none(case.anticipated_plea),
            "venue": _blank_none(case.venue),
            "initiation": _blank_none(case.initiation),
            "compensation_sought": case.compensation_sought,
            "devices_seized": case.devices_seized,
            "initial_disclosure_on": _d(case.initial_disclosure_on),
            "file_stage": _blank_none(case.file_stage),
            "stage": case.stage,
            "outcome": _blank_none(case.outcome),
            "finalised_on": _d(case.finalised_on),
            "received_at": _dt(case.received_at),
            "oic": person_doc(case.oic),
            "supervisor": person_doc(case.supervisor),
            "caseworker": person_doc(case.caseworker),
        },
        "defendants": [_defendant(d) for d in defendants],
        "witnesses": [_witness(w) for w in _by_ref(case.witnesses.all())],
        "materials": [_material(m) for m in _by_ref(case.materials.all())],
        "hearings": [
            {
                "ref": h.ref,
                "court_code": h.court_id,
                "type": h.type,
                "starts_at": _dt(h.starts_at),
                "outcome": _blank_none(h.outcome),
                "notes": h.notes,
            }
            for h in _by_ref(case.hearings.all())
        ],
        "submissions": [
            {
                "ref": s.ref,
                "file_type": s.file_type,
                "charging_category": _blank_none(s.charging_category),
                "submitted_at": _dt(s.submitted_at),
                "due_at": _dt(s.due_at),
                "submitted_by": person_doc(s.submitted_by),
                "supervisor_certified": s.supervisor_certified,
                "outcome": s.outcome,
                "reasons": list(s.reasons),
                "respond_by": _d(s.respond_by),
                "supervisor_comments": s.supervisor_comments,
                "notes": s.notes,
            }
            for s in _by_ref(case.submissions.all())
        ],
        "decisions": [
            {
                "ref": dec.ref,
                "submission": dec.submission.ref if dec.submission else None,
                "decided_at": _dt(dec.decided_at),
                "kind": dec.kind,
                "code_test": _blank_none(dec.code_test),
                "prosecutor": dec.prosecutor,
                "rationale": dec.rationale,
                "charges": sorted((o.ref for o in dec.charges.all()), key=ref_key),
            }
            for dec in _by_ref(case.decisions.all())
        ],
        "action_plans": [
            {
                "ref": a.ref,
                "decision": a.decision.ref if a.decision else None,
                "source": a.source,
                "created_on": _d(a.created_on),
                "respond_by": _d(a.respond_by),
                "items": [
                    {
                        "ref": i.ref,
                        "text": i.text,
                        "owner": person_doc(i.owner),
                        "due_date": _d(i.due_date),
                        "status": i.status,
                        "completed_at": _dt(i.completed_at),
                        "evidence": i.evidence,
                        "escalated": i.escalated,
                    }
                    for i in _by_ref(a.items.all())
                ],
            }
            for a in _by_ref(case.action_plans.all())
        ],
        "tasks": [
            {
                "ref": t.ref,
                "title": t.title,
                "description": t.description,
                "assignee": person_doc(t.assignee),
                "due_date": _d(t.due_date),
                "status": t.status,
                "source": t.source,
                "created_at": _dt(t.created_at),
                "completed_at": _dt(t.completed_at),
            }
            for t in _by_ref(case.tasks.all())
        ],
        "finding_overrides": [
            {"rule_id": o.rule_id, "item": o.item or None, "reason": o.reason,
             "by": person_doc(o.by), "at": _dt(o.at)}
            for o in sorted(case.finding_overrides.all(), key=lambda o: (o.rule_id, ref_key(o.item)))
        ],
    }


def _defendant(d) -> dict:
    return {
        "ref": d.ref,
        "forenames": d.forenames,
        "surname": d.surname,
        "date_of_birth": _d(d.date_of_birth),
        "gender": d.gender,
        "ethnicity_code": d.ethnicity_code,
        "interpreter_language": d.interpreter_language,
        "asn": d.asn,
        "pnc_id": d.pnc_id,
        "cro": d.cro,
        "custody_record_number": d.custody_record_number,
        "status": d.status,
        "arrested_at": _dt(d.arrested_at),
        "pace_relevant_time": _dt(d.pace_relevant_time),
        "previous_convictions_checked_on": _d(d.previous_convictions_checked_on),
        "previous_convictions_summary": d.previous_convictions_summary,
        "interviews": [
            {"date": _d(i.date), "type": i.type, "account": _blank_none(i.account),
             "summary": i.summary}
            for i in d.interviews.all()
        ],
        "custody_episodes": [
            {"kind": e.kind, "started_at": _dt(e.started_at), "ended_at": _dt(e.ended_at),
             "court_code": _blank_none(e.court_code)}
            for e in d.custody_episodes.all()
        ],
        "bail_periods": [
            {"kind": b.kind, "start_date": _d(b.start_date), "end_date": _d(b.end_date),
             "authority": _blank_none(b.authority), "conditions": b.conditions}
            for b in d.bail_periods.all()
        ],
        "offences": [
            {
                "ref": o.ref,
                "code": o.offence_code_id,
                "title": o.offence_code.title,
                "mode_of_trial": _blank_none(o.mode_of_trial),
                "wording": o.wording,
                "date_code": o.date_code,
                "date_from": _d(o.date_from),
                "date_to": _d(o.date_to),
                "location": o.location,
                "status": o.status,
                "charge_date": _d(o.charge_date),
                "charging_authority": _blank_none(o.charging_authority),
                "code_test": _blank_none(o.code_test),
                "plea": _blank_none(o.plea),
                "plea_date": _d(o.plea_date),
            }
            for o in _by_ref(d.offences.all())
        ],
    }


def _witness(w) -> dict:
    return {
        "ref": w.ref,
        "forenames": w.forenames,
        "surname": w.surname,
        "role": w.role,
        "key_witness": w.key_witness,
        "date_of_birth": _d(w.date_of_birth),
        "vulnerability_grounds": list(w.vulnerability_grounds),
        "enhanced_rights": w.enhanced_rights,
        "enhanced_rights_category": _blank_none(w.enhanced_rights_category),
        "special_measures_sought": list(w.special_measures_sought),
        "vps_offered": w.vps_offered,
        "vps_made": w.vps_made,
        "dates_to_avoid": list(w.dates_to_avoid),
        "consent_witness_service": w.consent_witness_service,
        "consent_medical_records": w.consent_medical_records,
        "contact_preference": _blank_none(w.contact_preference),
        "phone": w.phone,
        "email": w.email,
        "address": w.address,
        "postcode": w.postcode,
        "previous_convictions_checked": w.previous_convictions_checked,
        "has_previous_convictions": w.has_previous_convictions,
        "needs": w.needs,
        "last_update_at": _dt(w.last_update_at),
    }


def _material(m) -> dict:
    attachment = None
    if m.attachment:
        attachment = {"name": m.attachment.name.rsplit("/", 1)[-1]}
    return {
        "ref": m.ref,
        "type": m.type,
        "title": m.title,
        "status": m.status,
        "defendant": m.defendant.ref if m.defendant else None,
        "witness": m.witness.ref if m.witness else None,
        "key_evidence": m.key_evidence,
        "disclosure_class": m.disclosure_class,
        "signed": m.signed,
        "signed_date": _d(m.signed_date),
        "supervisor_certified": m.supervisor_certified,
        "clipped": m.clipped,
        "playable": m.playable,
        "exhibit_ref": m.exhibit_ref,
        "exhibits_referred": list(m.exhibits_referred),
        "items_described": m.items_described,
        "producer": m.producer,
        "target_date": _d(m.target_date),
        "provided_at": _dt(m.provided_at),
        "attachment": attachment,
        "notes": m.notes,
    }


def casefile_dumps(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
