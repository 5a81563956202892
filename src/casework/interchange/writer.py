"""Writing case-file documents into the database.

`casefiles_bulk_create` inserts new cases in bulk (the demo seeder, first imports);
`casefile_apply` updates one existing case in place, matching every part by its ref so that
database ids, and anything that points at them, survive a re-import. Documents must already be
valid (see `validate.py`); this module trusts them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model

from casework.cases import models as m
from casework.cases.constants import CaseFlag
from casework.people.constants import Role
from casework.people.models import Unit


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def parse_datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


class Resolver:
    """Looks up units and users by their codes, caching; creates unknown users as inactive.

    An officer named in a case file who has no Casework account yet is still a real person the
    case must name (OIC contact details are a file-quality check), so the importer records them as
    an inactive user who cannot log in until an administrator activates them.
    """

    def __init__(self) -> None:
        self._units = {u.code: u for u in Unit.objects.all()}
        self._users: dict[str, object] = {}

    def forget_users(self) -> None:
        """Drop cached users (after a rollback, users created inside it no longer exist)."""
        self._users.clear()

    def unit(self, code: str | None) -> Unit | None:
        return self._units.get(code) if code else None

    def has_unit(self, code: str) -> bool:
        return code in self._units

    def user(self, person: dict | None, *, role: str = Role.OIC):
        if not person:
            return None
        username = person["username"]
        if username in self._users:
            return self._users[username]
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = (person.get("name") or "").partition(" ")
            user = User(
                username=username, first_name=first[:150], last_name=last[:150],
                email=person.get("email") or "", rank=person.get("rank") or "",
                collar_number=person.get("collar_number") or "",
                phone=person.get("phone") or "", role=role, is_active=False,
            )
            user.set_unusable_password()
            user.save()
        self._users[username] = user
        return user


@dataclass
class BuiltDefendant:
    obj: m.Defendant
    offences: list[m.Offence] = field(default_factory=list)
    interviews: list[m.Interview] = field(default_factory=list)
    custody: list[m.CustodyEpisode] = field(default_factory=list)
    bail: list[m.BailPeriod] = field(default_factory=list)


@dataclass
class BuiltPlan:
    obj: m.ActionPlan
    decision_ref: str | None
    items: list[m.ActionPlanItem] = field(default_factory=list)


@dataclass
class BuiltCase:
    """Unsaved model objects for one document, linked by ref until they have ids."""

    case: m.Case
    defendants: list[BuiltDefendant]
    witnesses: list[m.Witness]
    materials: list[tuple[m.Material, str | None, str | None]]  # material, defendant ref, witness ref
    hearings: list[m.Hearing]
    submissions: list[m.FileSubmission]
    decisions: list[tuple[m.CPSDecision, str | None, list[str]]]  # decision, submission ref, charges
    plans: list[BuiltPlan]
    tasks: list[m.Task]
    overrides: list[m.FindingOverride]
    named_users: list = field(default_factory=list)
    returns: list = field(default_factory=list)
    contacts: list = field(default_factory=list)  # (entry, witness ref)


def _case_fields(c: dict, resolver: Resolver) -> dict:
    flags = set(c.get("flags", ()))
    fields = {
        "urn": c["urn"],
        "force_code": c["force_code"],
        "hub": resolver.unit(c["hub"]),
        "lpa": resolver.unit(c.get("lpa")),
        "crime_reference": c.get("crime_reference", ""),
        "cps_unit_code": c.get("cps_unit_code", ""),
        "summary": c.get("summary", ""),
        "restricted": c.get("restricted", False),
        "restriction_reason": c.get("restriction_reason", ""),
        "charging_route": c.get("charging_route") or "",
        "charging_category": c.get("charging_category") or "",
        "anticipated_plea": c.get("anticipated_plea") or "",
        "venue": c.get("venue") or "",
        "initiation": c.get("initiation") or "",
        "compensation_sought": c.get("compensation_sought", False),
        "devices_seized": c.get("devices_seized", False),
        "initial_disclosure_on": parse_date(c.get("initial_disclosure_on")),
        "file_stage": c.get("file_stage") or "",
        "stage": c["stage"],
        "outcome": c.get("outcome") or "",
        "finalised_on": parse_date(c.get("finalised_on")),
        "received_at": parse_datetime(c.get("received_at")),
        "oic": resolver.user(c.get("oic"), role=Role.OIC),
        "supervisor": resolver.user(c.get("supervisor"), role=Role.SUPERVISOR),
        "caseworker": resolver.user(c.get("caseworker"), role=Role.CASEWORKER),
    }
    for flag in CaseFlag.values:
        fields[f"flag_{flag}"] = flag in flags
    return fields


def casefile_build_objects(doc: dict, resolver: Resolver) -> BuiltCase:
    case = m.Case(**_case_fields(doc["case"], resolver))
    defendants = []
    for d in doc.get("defendants", ()):
        dobj = m.Defendant(
            case=case, ref=d["ref"], forenames=d.get("forenames", ""), surname=d["surname"],
            date_of_birth=parse_date(d.get("date_of_birth")),
            gender=d.get("gender", "not_known"), ethnicity_code=d.get("ethnicity_code", ""),
            interpreter_language=d.get("interpreter_language", ""), asn=d.get("asn", ""),
            pnc_id=d.get("pnc_id", ""), cro=d.get("cro", ""),
            custody_record_number=d.get("custody_record_number", ""), status=d["status"],
            arrested_at=parse_datetime(d.get("arrested_at")),
            pace_relevant_time=parse_datetime(d.get("pace_relevant_time")),
            previous_convictions_checked_on=parse_date(d.get("previous_convictions_checked_on")),
            previous_convictions_summary=d.get("previous_convictions_summary", ""),
        )
        built = BuiltDefendant(dobj)
        built.offences = [
            m.Offence(
                defendant=dobj, ref=o["ref"], offence_code_id=o["code"],
                mode_of_trial=o.get("mode_of_trial") or "", wording=o.get("wording", ""),
                date_code=o.get("date_code", 1), date_from=parse_date(o.get("date_from")),
                date_to=parse_date(o.get("date_to")), location=o.get("location", ""),
                status=o["status"], charge_date=parse_date(o.get("charge_date")),
                charging_authority=o.get("charging_authority") or "",
                code_test=o.get("code_test") or "", plea=o.get("plea") or "",
                plea_date=parse_date(o.get("plea_date")),
            )
            for o in d.get("offences", ())
        ]
        built.interviews = [
            m.Interview(defendant=dobj, date=parse_date(i.get("date")), type=i["type"],
                        account=i.get("account") or "", summary=i.get("summary", ""))
            for i in d.get("interviews", ())
        ]
        built.custody = [
            m.CustodyEpisode(defendant=dobj, kind=e["kind"],
                             started_at=parse_datetime(e["started_at"]),
                             ended_at=parse_datetime(e.get("ended_at")),
                             court_code=e.get("court_code") or "")
            for e in d.get("custody_episodes", ())
        ]
        built.bail = [
            m.BailPeriod(defendant=dobj, kind=b["kind"], start_date=parse_date(b["start_date"]),
                         end_date=parse_date(b.get("end_date")),
                         authority=b.get("authority") or "", conditions=b.get("conditions", ""))
            for b in d.get("bail_periods", ())
        ]
        defendants.append(built)

    witnesses = [
        m.Witness(
            case=case, ref=w["ref"], forenames=w.get("forenames", ""), surname=w["surname"],
            role=w["role"], key_witness=w.get("key_witness", False),
            date_of_birth=parse_date(w.get("date_of_birth")),
            vulnerability_grounds=list(w.get("vulnerability_grounds", [])),
            enhanced_rights=w.get("enhanced_rights", False),
            enhanced_rights_category=w.get("enhanced_rights_category") or "",
            special_measures_sought=list(w.get("special_measures_sought", [])),
            vps_offered=w.get("vps_offered"), vps_made=w.get("vps_made"),
            dates_to_avoid=list(w.get("dates_to_avoid", [])),
            consent_witness_service=w.get("consent_witness_service"),
            consent_medical_records=w.get("consent_medical_records"),
            contact_preference=w.get("contact_preference") or "", phone=w.get("phone", ""),
            email=w.get("email", ""), address=w.get("address", ""),
            postcode=w.get("postcode", ""),
            previous_convictions_checked=w.get("previous_convictions_checked"),
            has_previous_convictions=w.get("has_previous_convictions"), needs=w.get("needs", ""),
            last_update_at=parse_datetime(w.get("last_update_at")),
        )
        for w in doc.get("witnesses", ())
    ]
    materials = [
        (
            m.Material(
                case=case, ref=x["ref"], type=x["type"], title=x.get("title", ""),
                status=x["status"], key_evidence=x.get("key_evidence", False),
                disclosure_class=x["disclosure_class"], signed=x.get("signed"),
                signed_date=parse_date(x.get("signed_date")),
                supervisor_certified=x.get("supervisor_certified"), clipped=x.get("clipped"),
                playable=x.get("playable"), exhibit_ref=x.get("exhibit_ref", ""),
                exhibits_referred=list(x.get("exhibits_referred", [])),
                items_described=x.get("items_described"),
                producer=x.get("producer", ""), target_date=parse_date(x.get("target_date")),
                provided_at=parse_datetime(x.get("provided_at")), notes=x.get("notes", ""),
            ),
            x.get("defendant"),
            x.get("witness"),
        )
        for x in doc.get("materials", ())
    ]
    hearings = [
        m.Hearing(case=case, ref=h["ref"], court_id=h["court_code"], type=h["type"],
                  starts_at=parse_datetime(h["starts_at"]), outcome=h.get("outcome") or "",
                  notes=h.get("notes", ""))
        for h in doc.get("hearings", ())
    ]
    submissions = [
        m.FileSubmission(
            case=case, ref=s["ref"], file_type=s["file_type"],
            charging_category=s.get("charging_category") or "",
            submitted_at=parse_datetime(s["submitted_at"]),
            due_at=parse_datetime(s.get("due_at")),
            submitted_by=resolver.user(s.get("submitted_by"), role=Role.OIC),
            supervisor_certified=s.get("supervisor_certified"), outcome=s["outcome"],
            reasons=list(s.get("reasons", [])), respond_by=parse_date(s.get("respond_by")),
            supervisor_comments=s.get("supervisor_comments", ""), notes=s.get("notes", ""),
        )
        for s in doc.get("submissions", ())
    ]
    decisions = [
        (
            m.CPSDecision(case=case, ref=x["ref"], decided_at=parse_datetime(x["decided_at"]),
                          kind=x["kind"], code_test=x.get("code_test") or "",
                          prosecutor=x.get("prosecutor", ""), rationale=x.get("rationale", "")),
            x.get("submission"),
            list(x.get("charges", [])),
        )
        for x in doc.get("decisions", ())
    ]
    plans = []
    for a in doc.get("action_plans", ()):
        plan = m.ActionPlan(case=case, ref=a["ref"], source=a["source"],
                            created_on=parse_date(a["created_on"]),
                            respond_by=parse_date(a.get("respond_by")))
        built = BuiltPlan(plan, a.get("decision"))
        built.items = [
            m.ActionPlanItem(
                plan=plan, ref=i["ref"], text=i["text"],
                owner=resolver.user(i.get("owner"), role=Role.OIC),
                due_date=parse_date(i.get("due_date")), status=i["status"],
                completed_at=parse_datetime(i.get("completed_at")),
                evidence=i.get("evidence", ""), escalated=i.get("escalated", False),
            )
            for i in a.get("items", ())
        ]
        plans.append(built)
    witnesses_by_ref = {w.ref: w for w in witnesses}
    hearings_by_ref = {h.ref: h for h in hearings}
    tasks = [
        m.Task(case=case, ref=t["ref"], title=t["title"], description=t.get("description", ""),
               assignee=resolver.user(t.get("assignee"), role=Role.CASEWORKER),
               due_date=parse_date(t.get("due_date")), status=t["status"],
               source=t.get("source", "internal"), created_at=parse_datetime(t["created_at"]),
               completed_at=parse_datetime(t.get("completed_at")), kind=t.get("kind", "general"),
               witness=witnesses_by_ref.get(t.get("witness")), hearing=hearings_by_ref.get(t.get("hearing")),
               outcome=t.get("outcome", ""), outcome_note=t.get("outcome_note", ""))
        for t in doc.get("tasks", ())
    ]
    overrides = [
        m.FindingOverride(case=case, rule_id=o["rule_id"], item=o.get("item") or "",
                          reason=o["reason"], by=resolver.user(o.get("by"), role=Role.CASEWORKER),
                          at=parse_datetime(o["at"]))
        for o in doc.get("finding_overrides", ())
    ]
    named = [resolver.user(p, role=Role.OIC) for p in doc["case"].get("named_users", ())]
    returns = [
        m.FileReturn(case=case, cycle=r["cycle"], returned_at=parse_datetime(r["returned_at"]),
                     returned_by=resolver.user(r.get("returned_by"), role=Role.CASEWORKER), feedback=r["feedback"],
                     rule_ids=list(r.get("rule_ids", [])), resubmitted_at=parse_datetime(r.get("resubmitted_at")),
                     resubmitted_by=resolver.user(r.get("resubmitted_by"), role=Role.OIC),
                     officer_note=r.get("officer_note", ""))
        for r in doc.get("file_returns", ())
    ]
    contacts = [
        (m.ContactEntry(case=case, ref=x["ref"], at=parse_datetime(x["at"]), by=resolver.user(x.get("by"), role=Role.CASEWORKER),
                        party=x["party"], direction=x["direction"], channel=x["channel"], summary=x["summary"],
                        told_of_progress=x.get("told_of_progress", False)), x.get("witness"))
        for x in doc.get("contacts", ())
    ]
    return BuiltCase(case, defendants, witnesses, materials, hearings, submissions, decisions,
                     plans, tasks, overrides, named, returns, contacts)


def _relink(objs, attr: str) -> None:
    """After a parent's bulk insert, point children at the parent's new id."""
    for o in objs:
        setattr(o, attr, getattr(o, attr))


def casefiles_bulk_create(docs: list[dict], *, resolver: Resolver, via: str = "") -> int:
    """Insert new cases (their URNs must not exist yet). Call inside a transaction."""
    built = [casefile_build_objects(doc, resolver) for doc in docs]
    m.Case.objects.bulk_create([b.case for b in built], batch_size=500)

    defendants = [d for b in built for d in b.defendants]
    _relink([d.obj for d in defendants], "case")
    m.Defendant.objects.bulk_create([d.obj for d in defendants], batch_size=1000)
    for model, attr in (
        (m.Offence, "offences"), (m.Interview, "interviews"),
        (m.CustodyEpisode, "custody"), (m.BailPeriod, "bail"),
    ):
        rows = [o for d in defendants for o in getattr(d, attr)]
        _relink(rows, "defendant")
        model.objects.bulk_create(rows, batch_size=1000)

    for model, attr in ((m.Witness, "witnesses"), (m.Hearing, "hearings"),
                        (m.FileSubmission, "submissions"), (m.Task, "tasks"),
                        (m.FindingOverride, "overrides"), (m.FileReturn, "returns")):
        rows = [o for b in built for o in getattr(b, attr)]
        _relink(rows, "case")
        model.objects.bulk_create(rows, batch_size=1000)

    materials = []
    decisions = []
    through = []
    plans = []
    for b in built:
        dmap = {d.obj.ref: d.obj for d in b.defendants}
        wmap = {w.ref: w for w in b.witnesses}
        smap = {s.ref: s for s in b.submissions}
        for mat, dref, wref in b.materials:
            mat.case = b.case
            mat.defendant = dmap.get(dref) if dref else None
            mat.witness = wmap.get(wref) if wref else None
            materials.append(mat)
        for dec, sref, _ in b.decisions:
            dec.case = b.case
            dec.submission = smap.get(sref) if sref else None
            decisions.append(dec)
    m.Material.objects.bulk_create(materials, batch_size=1000)
    m.CPSDecision.objects.bulk_create(decisions, batch_size=1000)

    item_rows = []
    for b in built:
        omap = {o.ref: o for d in b.defendants for o in d.offences}
        decmap = {dec.ref: dec for dec, _, _ in b.decisions}
        for dec, _, charges in b.decisions:
            through.extend(
                m.CPSDecision.charges.through(cpsdecision_id=dec.pk, offence_id=omap[r].pk)
                for r in charges
            )
        for p in b.plans:
            p.obj.case = b.case
            p.obj.decision = decmap.get(p.decision_ref) if p.decision_ref else None
            plans.append(p)
    m.CPSDecision.charges.through.objects.bulk_create(through, batch_size=2000)
    m.ActionPlan.objects.bulk_create([p.obj for p in plans], batch_size=1000)
    for p in plans:
        _relink(p.items, "plan")
        item_rows.extend(p.items)
    m.ActionPlanItem.objects.bulk_create(item_rows, batch_size=1000)
    contact_rows = []
    for b in built:
        wmap = {w.ref: w for w in b.witnesses}
        for entry, wref in b.contacts:
            entry.case = b.case
            entry.witness = wmap.get(wref) if wref else None
            contact_rows.append(entry)
    m.ContactEntry.objects.bulk_create(contact_rows, batch_size=1000)
    m.Case.named_users.through.objects.bulk_create(
        [m.Case.named_users.through(case_id=b.case.pk, user_id=u.pk) for b in built for u in b.named_users],
        batch_size=1000)

    how = f" from {via}" if via else ""
    m.CaseEvent.objects.bulk_create(
        [
            m.CaseEvent(case=b.case, occurred_at=b.case.received_at or b.case.created_at,
                        kind="case.created", summary=f"Case {b.case.urn_display} created{how}.")
            for b in built
        ],
        batch_size=1000,
    )
    return len(built)


def _sync(existing, incoming, *, save) -> None:
    """Match incoming objects to existing rows by ref: update, insert, and delete the rest."""
    by_ref = {o.ref: o for o in existing}
    seen = set()
    for obj in incoming:
        old = by_ref.get(obj.ref)
        if old is not None:
            obj.pk = old.pk
        save(obj)
        seen.add(obj.ref)
    for ref, old in by_ref.items():
        if ref not in seen:
            old.delete()


def casefile_apply(case: m.Case, doc: dict, *, resolver: Resolver) -> m.Case:
    """Update an existing case in place from a document. Call inside a transaction."""
    b = casefile_build_objects(doc, resolver)
    b.case.pk = case.pk
    b.case.created_at = case.created_at
    b.case.revision = case.revision  # not in the file: the import's change record advances it
    b.case.save()
    case = b.case
    case.named_users.set(b.named_users)

    for d in b.defendants:
        d.obj.case = case
    _sync(case.defendants.all(), [d.obj for d in b.defendants], save=lambda o: o.save())
    for d in b.defendants:
        dobj = d.obj
        for o in d.offences:
            o.defendant = dobj
        _sync(dobj.offences.all(), d.offences, save=lambda o: o.save())
        # Leaf rows without refs of their own are replaced as a whole.
        for model, rows in ((m.Interview, d.interviews), (m.CustodyEpisode, d.custody),
                            (m.BailPeriod, d.bail)):
            model.objects.filter(defendant=dobj).delete()
            for r in rows:
                r.defendant = dobj
            model.objects.bulk_create(rows)

    _sync(case.witnesses.all(), b.witnesses, save=lambda o: o.save())
    _sync(case.hearings.all(), b.hearings, save=lambda o: o.save())
    _sync(case.submissions.all(), b.submissions, save=lambda o: o.save())
    _sync(case.tasks.all(), b.tasks, save=lambda o: o.save())
    # Overrides have no refs: they are keyed by rule and item, and replaced as a whole.
    case.finding_overrides.all().delete()
    m.FindingOverride.objects.bulk_create(b.overrides)
    # Review cycles are keyed by their number and replaced as a whole.
    case.file_returns.all().delete()
    m.FileReturn.objects.bulk_create(b.returns)
    wmap_all = {w.ref: w for w in b.witnesses}
    entries = []
    for entry, wref in b.contacts:
        entry.case, entry.witness = case, wmap_all.get(wref) if wref else None
        entries.append(entry)
    _sync(case.contacts.all(), entries, save=lambda o: o.save())

    dmap = {d.obj.ref: d.obj for d in b.defendants}
    wmap = {w.ref: w for w in b.witnesses}
    smap = {s.ref: s for s in b.submissions}
    omap = {o.ref: o for d in b.defendants for o in d.offences}
    existing_attachments = {x.ref: x.attachment for x in case.materials.all()}
    mats = []
    for mat, dref, wref in b.materials:
        mat.case = case
        mat.defendant = dmap.get(dref) if dref else None
        mat.witness = wmap.get(wref) if wref else None
        # The file itself never travels in a case file; keep the one already stored.
        mat.attachment = existing_attachments.get(mat.ref) or ""
        mats.append(mat)
    _sync(case.materials.all(), mats, save=lambda o: o.save())

    decs = []
    for dec, sref, _ in b.decisions:
        dec.case = case
        dec.submission = smap.get(sref) if sref else None
        decs.append(dec)
    _sync(case.decisions.all(), decs, save=lambda o: o.save())
    for dec, _, charges in b.decisions:
        dec.charges.set([omap[r] for r in charges])

    decmap = {dec.ref: dec for dec, _, _ in b.decisions}
    for p in b.plans:
        p.obj.case = case
        p.obj.decision = decmap.get(p.decision_ref) if p.decision_ref else None
    _sync(case.action_plans.all(), [p.obj for p in b.plans], save=lambda o: o.save())
    for p in b.plans:
        for i in p.items:
            i.plan = p.obj
        _sync(p.obj.items.all(), p.items, save=lambda o: o.save())
    return case


__all__ = ["Resolver", "casefiles_bulk_create", "casefile_apply", "casefile_build_objects"]
