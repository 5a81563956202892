"""Building case-file documents from the database (the only database → format mapping).

Output is deterministic: parts are ordered by their ref (naturally: D2 before D10), keys in a
fixed order, date-times in UTC to the second, so export → import → export is byte-identical.
"""

import json
from collections import defaultdict
from datetime import UTC, date, datetime

from django.contrib.auth import get_user_model
from django.db.models import F

from casework.cases import models as m
from casework.cases.models import Case
from casework.rules.quality.context import ref_key

from .schema import FORMAT, VERSION


def _dt(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _blank_none(value: str) -> str | None:
    return value or None


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


def _person(row: dict | None) -> dict | None:
    if row is None:
        return None
    return {
        "username": row["username"],
        "name": f"{row['first_name']} {row['last_name']}".strip(),
        "rank": row["rank"],
        "collar_number": row["collar_number"],
        "email": row["email"],
        "phone": row["phone"],
    }


def casefile_build(case: Case) -> dict:
    """The case-file document for one case."""
    return casefile_docs([case.pk])[case.pk]


def _grouped(rows, key: str) -> dict:
    out: dict = defaultdict(list)
    for r in rows:
        out[r[key]].append(r)
    return out


def _by_ref_rows(rows) -> list:
    return sorted(rows, key=lambda r: ref_key(r["ref"]))


def casefile_docs(case_ids) -> dict[int, dict]:
    """Case-file documents for many cases at once, built from plain rows (one query per kind of
    part), keyed by case id. The only mapping from the database to the format."""
    ids = list(case_ids)
    cases = list(Case.objects.filter(pk__in=ids).values().annotate(hub_code=F("hub__code"), lpa_code=F("lpa__code")))
    defendants = _grouped(m.Defendant.objects.filter(case_id__in=ids).values(), "case_id")
    dids = [d["id"] for rows in defendants.values() for d in rows]
    offences = _grouped(m.Offence.objects.filter(defendant_id__in=dids).values().annotate(
        title=F("offence_code__title")), "defendant_id")
    interviews = _grouped(m.Interview.objects.filter(defendant_id__in=dids).values(), "defendant_id")
    custody = _grouped(m.CustodyEpisode.objects.filter(defendant_id__in=dids).values(), "defendant_id")
    bail = _grouped(m.BailPeriod.objects.filter(defendant_id__in=dids).values(), "defendant_id")
    witnesses = _grouped(m.Witness.objects.filter(case_id__in=ids).values(), "case_id")
    materials = _grouped(m.Material.objects.filter(case_id__in=ids).values().annotate(
        defendant_ref=F("defendant__ref"), witness_ref=F("witness__ref")), "case_id")
    hearings = _grouped(m.Hearing.objects.filter(case_id__in=ids).values(), "case_id")
    submissions = _grouped(m.FileSubmission.objects.filter(case_id__in=ids).values(), "case_id")
    decisions = _grouped(m.CPSDecision.objects.filter(case_id__in=ids).values().annotate(
        submission_ref=F("submission__ref")), "case_id")
    charges = _grouped(m.CPSDecision.charges.through.objects.filter(cpsdecision__case_id__in=ids).values(
        "cpsdecision_id", ref=F("offence__ref")), "cpsdecision_id")
    plans = _grouped(m.ActionPlan.objects.filter(case_id__in=ids).values().annotate(
        decision_ref=F("decision__ref")), "case_id")
    items = _grouped(m.ActionPlanItem.objects.filter(plan__case_id__in=ids).values(), "plan_id")
    tasks = _grouped(m.Task.objects.filter(case_id__in=ids).values().annotate(
        witness_ref=F("witness__ref"), hearing_ref=F("hearing__ref")), "case_id")
    overrides = _grouped(m.FindingOverride.objects.filter(case_id__in=ids).values(), "case_id")
    named = _grouped(Case.named_users.through.objects.filter(case_id__in=ids).values("case_id", "user_id"), "case_id")
    returns = _grouped(m.FileReturn.objects.filter(case_id__in=ids).values(), "case_id")
    contacts = _grouped(m.ContactEntry.objects.filter(case_id__in=ids).values().annotate(
        witness_ref=F("witness__ref")), "case_id")

    user_ids = {c[k] for c in cases for k in ("oic_id", "supervisor_id", "caseworker_id")}
    user_ids |= {r["submitted_by_id"] for rows in submissions.values() for r in rows}
    user_ids |= {r["owner_id"] for rows in items.values() for r in rows}
    user_ids |= {r["assignee_id"] for rows in tasks.values() for r in rows}
    user_ids |= {r["by_id"] for rows in overrides.values() for r in rows}
    user_ids |= {r["user_id"] for rows in named.values() for r in rows}
    user_ids |= {r[k] for rows in returns.values() for r in rows for k in ("returned_by_id", "resubmitted_by_id")}
    user_ids |= {r["by_id"] for rows in contacts.values() for r in rows}
    user_ids.discard(None)
    users = {u["id"]: u for u in get_user_model().objects.filter(pk__in=user_ids).values(
        "id", "username", "first_name", "last_name", "rank", "collar_number", "email", "phone")}

    def person(uid):
        return _person(users.get(uid)) if uid else None

    docs = {}
    for c in cases:
        cid = c["id"]
        docs[cid] = {
            "format": FORMAT,
            "version": VERSION,
            "case": {
                "urn": c["urn"],
                "force_code": c["force_code"],
                "hub": c["hub_code"],
                "lpa": c["lpa_code"],
                "crime_reference": c["crime_reference"],
                "cps_unit_code": c["cps_unit_code"],
                "summary": c["summary"],
                "restricted": c["restricted"],
                "restriction_reason": c["restriction_reason"],
                "flags": [f for f in Case.FLAGS if c[f"flag_{f}"]],
                "charging_route": _blank_none(c["charging_route"]),
                "charging_category": _blank_none(c["charging_category"]),
                "anticipated_plea": _blank_none(c["anticipated_plea"]),
                "venue": _blank_none(c["venue"]),
                "initiation": _blank_none(c["initiation"]),
                "compensation_sought": c["compensation_sought"],
                "devices_seized": c["devices_seized"],
                "initial_disclosure_on": _d(c["initial_disclosure_on"]),
                "file_stage": _blank_none(c["file_stage"]),
                "stage": c["stage"],
                "outcome": _blank_none(c["outcome"]),
                "finalised_on": _d(c["finalised_on"]),
                "received_at": _dt(c["received_at"]),
                "oic": person(c["oic_id"]),
                "supervisor": person(c["supervisor_id"]),
                "caseworker": person(c["caseworker_id"]),
                "named_users": sorted((person(r["user_id"]) for r in named.get(cid, ())), key=lambda p: p["username"]),
            },
            "defendants": [
                _defendant(d, offences.get(d["id"], ()), interviews.get(d["id"], ()), custody.get(d["id"], ()),
                           bail.get(d["id"], ()))
                for d in _by_ref_rows(defendants.get(cid, ()))
            ],
            "witnesses": [_witness(w) for w in _by_ref_rows(witnesses.get(cid, ()))],
            "materials": [_material(x) for x in _by_ref_rows(materials.get(cid, ()))],
            "hearings": [
                {
                    "ref": h["ref"],
                    "court_code": h["court_id"],
                    "type": h["type"],
                    "starts_at": _dt(h["starts_at"]),
                    "outcome": _blank_none(h["outcome"]),
                    "notes": h["notes"],
                }
                for h in _by_ref_rows(hearings.get(cid, ()))
            ],
            "submissions": [
                {
                    "ref": s["ref"],
                    "file_type": s["file_type"],
                    "charging_category": _blank_none(s["charging_category"]),
                    "submitted_at": _dt(s["submitted_at"]),
                    "due_at": _dt(s["due_at"]),
                    "submitted_by": person(s["submitted_by_id"]),
                    "supervisor_certified": s["supervisor_certified"],
                    "outcome": s["outcome"],
                    "reasons": list(s["reasons"]),
                    "respond_by": _d(s["respond_by"]),
                    "supervisor_comments": s["supervisor_comments"],
                    "notes": s["notes"],
                }
                for s in _by_ref_rows(submissions.get(cid, ()))
            ],
            "decisions": [
                {
                    "ref": x["ref"],
                    "submission": x["submission_ref"],
                    "decided_at": _dt(x["decided_at"]),
                    "kind": x["kind"],
                    "code_test": _blank_none(x["code_test"]),
                    "prosecutor": x["prosecutor"],
                    "rationale": x["rationale"],
                    "charges": sorted((r["ref"] for r in charges.get(x["id"], ())), key=ref_key),
                }
                for x in _by_ref_rows(decisions.get(cid, ()))
            ],
            "action_plans": [
                {
                    "ref": a["ref"],
                    "decision": a["decision_ref"],
                    "source": a["source"],
                    "created_on": _d(a["created_on"]),
                    "respond_by": _d(a["respond_by"]),
                    "items": [
                        {
                            "ref": i["ref"],
                            "text": i["text"],
                            "owner": person(i["owner_id"]),
                            "due_date": _d(i["due_date"]),
                            "status": i["status"],
                            "completed_at": _dt(i["completed_at"]),
                            "evidence": i["evidence"],
                            "escalated": i["escalated"],
                        }
                        for i in _by_ref_rows(items.get(a["id"], ()))
                    ],
                }
                for a in _by_ref_rows(plans.get(cid, ()))
            ],
            "tasks": [
                {
                    "ref": t["ref"],
                    "title": t["title"],
                    "description": t["description"],
                    "assignee": person(t["assignee_id"]),
                    "due_date": _d(t["due_date"]),
                    "status": t["status"],
                    "source": t["source"],
                    "created_at": _dt(t["created_at"]),
                    "completed_at": _dt(t["completed_at"]),
                    "kind": t["kind"],
                    "witness": t["witness_ref"],
                    "hearing": t["hearing_ref"],
                    "outcome": t["outcome"],
                    "outcome_note": t["outcome_note"],
                }
                for t in _by_ref_rows(tasks.get(cid, ()))
            ],
            "finding_overrides": [
                {"rule_id": o["rule_id"], "item": o["item"] or None, "reason": o["reason"],
                 "by": person(o["by_id"]), "at": _dt(o["at"])}
                for o in sorted(overrides.get(cid, ()), key=lambda o: (o["rule_id"], ref_key(o["item"])))
            ],
            "contacts": [
                {"ref": x["ref"], "at": _dt(x["at"]), "by": person(x["by_id"]), "party": x["party"],
                 "witness": x["witness_ref"], "direction": x["direction"], "channel": x["channel"],
                 "summary": x["summary"], "told_of_progress": x["told_of_progress"]}
                for x in _by_ref_rows(contacts.get(cid, ()))
            ],
            "file_returns": [
                {"cycle": r["cycle"], "returned_at": _dt(r["returned_at"]), "returned_by": person(r["returned_by_id"]),
                 "feedback": r["feedback"], "rule_ids": list(r["rule_ids"]), "resubmitted_at": _dt(r["resubmitted_at"]),
                 "resubmitted_by": person(r["resubmitted_by_id"]), "officer_note": r["officer_note"]}
                for r in sorted(returns.get(cid, ()), key=lambda r: r["cycle"])
            ],
        }
    return docs


def _defendant(d, offences, interviews, custody, bail) -> dict:
    return {
        "ref": d["ref"],
        "forenames": d["forenames"],
        "surname": d["surname"],
        "date_of_birth": _d(d["date_of_birth"]),
        "gender": d["gender"],
        "ethnicity_code": d["ethnicity_code"],
        "interpreter_language": d["interpreter_language"],
        "asn": d["asn"],
        "pnc_id": d["pnc_id"],
        "cro": d["cro"],
        "custody_record_number": d["custody_record_number"],
        "status": d["status"],
        "arrested_at": _dt(d["arrested_at"]),
        "pace_relevant_time": _dt(d["pace_relevant_time"]),
        "previous_convictions_checked_on": _d(d["previous_convictions_checked_on"]),
        "previous_convictions_summary": d["previous_convictions_summary"],
        "interviews": [
            {"date": _d(i["date"]), "type": i["type"], "account": _blank_none(i["account"]), "summary": i["summary"]}
            for i in interviews
        ],
        "custody_episodes": [
            {"kind": e["kind"], "started_at": _dt(e["started_at"]), "ended_at": _dt(e["ended_at"]),
             "court_code": _blank_none(e["court_code"])}
            for e in custody
        ],
        "bail_periods": [
            {"kind": b["kind"], "start_date": _d(b["start_date"]), "end_date": _d(b["end_date"]),
             "authority": _blank_none(b["authority"]), "conditions": b["conditions"]}
            for b in bail
        ],
        "offences": [
            {
                "ref": o["ref"],
                "code": o["offence_code_id"],
                "title": o["title"],
                "mode_of_trial": _blank_none(o["mode_of_trial"]),
                "wording": o["wording"],
                "date_code": o["date_code"],
                "date_from": _d(o["date_from"]),
                "date_to": _d(o["date_to"]),
                "location": o["location"],
                "status": o["status"],
                "charge_date": _d(o["charge_date"]),
                "charging_authority": _blank_none(o["charging_authority"]),
                "code_test": _blank_none(o["code_test"]),
                "plea": _blank_none(o["plea"]),
                "plea_date": _d(o["plea_date"]),
            }
            for o in _by_ref_rows(offences)
        ],
    }


def _witness(w) -> dict:
    return {
        "ref": w["ref"],
        "forenames": w["forenames"],
        "surname": w["surname"],
        "role": w["role"],
        "key_witness": w["key_witness"],
        "date_of_birth": _d(w["date_of_birth"]),
        "vulnerability_grounds": list(w["vulnerability_grounds"]),
        "enhanced_rights": w["enhanced_rights"],
        "enhanced_rights_category": _blank_none(w["enhanced_rights_category"]),
        "special_measures_sought": list(w["special_measures_sought"]),
        "vps_offered": w["vps_offered"],
        "vps_made": w["vps_made"],
        "dates_to_avoid": list(w["dates_to_avoid"]),
        "consent_witness_service": w["consent_witness_service"],
        "consent_medical_records": w["consent_medical_records"],
        "contact_preference": _blank_none(w["contact_preference"]),
        "phone": w["phone"],
        "email": w["email"],
        "address": w["address"],
        "postcode": w["postcode"],
        "previous_convictions_checked": w["previous_convictions_checked"],
        "has_previous_convictions": w["has_previous_convictions"],
        "needs": w["needs"],
        "last_update_at": _dt(w["last_update_at"]),
    }


def _material(x) -> dict:
    return {
        "ref": x["ref"],
        "type": x["type"],
        "title": x["title"],
        "status": x["status"],
        "defendant": x["defendant_ref"],
        "witness": x["witness_ref"],
        "key_evidence": x["key_evidence"],
        "disclosure_class": x["disclosure_class"],
        "signed": x["signed"],
        "signed_date": _d(x["signed_date"]),
        "supervisor_certified": x["supervisor_certified"],
        "clipped": x["clipped"],
        "playable": x["playable"],
        "exhibit_ref": x["exhibit_ref"],
        "exhibits_referred": list(x["exhibits_referred"]),
        "items_described": x["items_described"],
        "producer": x["producer"],
        "target_date": _d(x["target_date"]),
        "provided_at": _dt(x["provided_at"]),
        "attachment": {"name": x["attachment"].rsplit("/", 1)[-1]} if x["attachment"] else None,
        "notes": x["notes"],
    }


def casefile_dumps(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
