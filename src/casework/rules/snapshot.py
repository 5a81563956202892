"""Immutable snapshots of a case: everything the rules need, and nothing else.

A snapshot is built from a case-file document (the versioned interchange format, see
`docs/casefile.schema.json`), so the rules see exactly what an exported file carries. The
Django side builds that document from the database in one selector; this module only parses it.
Pure: no Django, no clock, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .errors import RuleInputError


def _fast(cls, **fields):
    """Build a frozen dataclass without its per-field frozen __setattr__ (four times faster for
    the many-field records parsed on every review); the result is as immutable as any other."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _datetime(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None  # 3.11 reads the trailing Z


@dataclass(frozen=True)
class Person:
    username: str
    name: str = ""
    rank: str = ""
    collar_number: str = ""
    email: str = ""
    phone: str = ""

    @classmethod
    def parse(cls, doc: dict | None) -> Person | None:
        if not doc:
            return None
        return cls(**{k: doc.get(k) or "" for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Offence:
    ref: str
    code: str
    title: str
    mode_of_trial: str | None
    wording: str
    date_code: int
    date_from: date | None
    date_to: date | None
    location: str
    status: str
    charge_date: date | None
    charging_authority: str | None
    code_test: str | None
    plea: str | None
    plea_date: date | None


@dataclass(frozen=True)
class Interview:
    date: date | None
    type: str
    account: str | None
    summary: str


@dataclass(frozen=True)
class CustodyEpisode:
    kind: str
    started_at: datetime
    ended_at: datetime | None
    court_code: str | None


@dataclass(frozen=True)
class BailPeriod:
    kind: str
    start_date: date
    end_date: date | None
    authority: str | None
    conditions: str


@dataclass(frozen=True)
class Defendant:
    ref: str
    forenames: str
    surname: str
    date_of_birth: date | None
    gender: str
    asn: str
    pnc_id: str
    cro: str
    status: str
    arrested_at: datetime | None
    pace_relevant_time: datetime | None
    previous_convictions_checked_on: date | None
    offences: tuple[Offence, ...]
    interviews: tuple[Interview, ...]
    custody_episodes: tuple[CustodyEpisode, ...]
    bail_periods: tuple[BailPeriod, ...]

    @property
    def display_name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}".strip()

    def age_on(self, day: date) -> int | None:
        """Age in whole years on `day` (None when the date of birth is not known)."""
        if self.date_of_birth is None:
            return None
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    reason: str


@dataclass(frozen=True)
class Witness:
    ref: str
    forenames: str
    surname: str
    role: str
    key_witness: bool
    date_of_birth: date | None
    vulnerability_grounds: frozenset[str]
    enhanced_rights: bool
    enhanced_rights_category: str | None
    special_measures_sought: frozenset[str]
    vps_offered: bool | None
    vps_made: bool | None
    dates_to_avoid: tuple[DateRange, ...]
    consent_witness_service: bool | None
    consent_medical_records: bool | None
    contact_preference: str | None
    previous_convictions_checked: bool | None
    has_previous_convictions: bool | None
    last_update_at: datetime | None = None

    @property
    def display_name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}".strip()


@dataclass(frozen=True)
class Material:
    ref: str
    type: str
    title: str
    status: str
    defendant: str | None
    witness: str | None
    key_evidence: bool
    disclosure_class: str
    signed: bool | None
    signed_date: date | None
    supervisor_certified: bool | None
    clipped: bool | None
    playable: bool | None
    exhibit_ref: str
    exhibits_referred: tuple[str, ...]
    items_described: bool | None
    producer: str
    target_date: date | None
    provided_at: datetime | None

    @property
    def provided(self) -> bool:
        return self.status == "provided"


@dataclass(frozen=True)
class Hearing:
    ref: str
    court_code: str
    type: str
    starts_at: datetime
    outcome: str | None


@dataclass(frozen=True)
class Submission:
    ref: str
    file_type: str
    charging_category: str | None
    submitted_at: datetime
    due_at: datetime | None
    supervisor_certified: bool | None
    outcome: str
    reasons: tuple[str, ...]
    respond_by: date | None
    supervisor_comments: str


@dataclass(frozen=True)
class Decision:
    ref: str
    submission: str | None
    decided_at: datetime
    kind: str
    code_test: str | None
    charges: tuple[str, ...]


@dataclass(frozen=True)
class ActionItem:
    ref: str
    text: str
    due_date: date | None
    status: str
    completed_at: datetime | None


@dataclass(frozen=True)
class ActionPlan:
    ref: str
    decision: str | None
    source: str
    created_on: date
    respond_by: date | None
    items: tuple[ActionItem, ...]


@dataclass(frozen=True)
class Task:
    ref: str
    title: str
    due_date: date | None
    status: str
    source: str
    kind: str = "general"
    witness: str | None = None  # ref of the victim or witness a witness care task is for
    hearing: str | None = None  # ref of the hearing a warning is for
    outcome: str = ""


@dataclass(frozen=True)
class Override:
    rule_id: str
    item: str | None
    reason: str


@dataclass(frozen=True)
class CaseSnapshot:
    urn: str
    force_code: str
    stage: str
    outcome: str | None
    flags: frozenset[str]
    charging_route: str | None
    charging_category: str | None
    anticipated_plea: str | None
    venue: str | None
    initiation: str | None
    compensation_sought: bool
    devices_seized: bool
    file_stage: str | None
    initial_disclosure_on: date | None
    received_at: datetime | None
    oic: Person | None
    supervisor: Person | None
    caseworker: Person | None
    defendants: tuple[Defendant, ...]
    witnesses: tuple[Witness, ...]
    materials: tuple[Material, ...]
    hearings: tuple[Hearing, ...]
    submissions: tuple[Submission, ...]
    decisions: tuple[Decision, ...]
    action_plans: tuple[ActionPlan, ...]
    tasks: tuple[Task, ...]
    overrides: tuple[Override, ...] = ()

    def has_flag(self, flag: str) -> bool:
        return flag in self.flags


def snapshot_from_casefile(doc: dict[str, Any]) -> CaseSnapshot:
    """Parse a case-file document (already validated against the schema) into a snapshot.

    A document that does not fit (a missing field, a date that is not a date) raises
    `RuleInputError` naming what is wrong, never a raw KeyError or AttributeError."""
    try:
        return _snapshot(doc)
    except KeyError as error:
        raise RuleInputError("case file", f"the field {error.args[0]!r} is missing") from error
    except (TypeError, ValueError, AttributeError) as error:
        raise RuleInputError("case file", f"a field does not have the form the schema gives it ({error})") from error


def _snapshot(doc: dict[str, Any]) -> CaseSnapshot:
    case = doc["case"]
    return _fast(
        CaseSnapshot,
        urn=case["urn"],
        force_code=case["force_code"],
        stage=case["stage"],
        outcome=case.get("outcome"),
        flags=frozenset(case.get("flags", ())),
        charging_route=case.get("charging_route"),
        charging_category=case.get("charging_category"),
        anticipated_plea=case.get("anticipated_plea"),
        venue=case.get("venue"),
        initiation=case.get("initiation"),
        compensation_sought=bool(case.get("compensation_sought")),
        devices_seized=bool(case.get("devices_seized")),
        file_stage=case.get("file_stage"),
        initial_disclosure_on=_date(case.get("initial_disclosure_on")),
        received_at=_datetime(case.get("received_at")),
        oic=Person.parse(case.get("oic")),
        supervisor=Person.parse(case.get("supervisor")),
        caseworker=Person.parse(case.get("caseworker")),
        defendants=tuple(_defendant(d) for d in doc.get("defendants", ())),
        witnesses=tuple(_witness(w) for w in doc.get("witnesses", ())),
        materials=tuple(_material(m) for m in doc.get("materials", ())),
        hearings=tuple(
            Hearing(h["ref"], h["court_code"], h["type"], _datetime(h["starts_at"]), h.get("outcome"))
            for h in doc.get("hearings", ())
        ),
        submissions=tuple(
            Submission(
                s["ref"], s["file_type"], s.get("charging_category"), _datetime(s["submitted_at"]),
                _datetime(s.get("due_at")), s.get("supervisor_certified"), s["outcome"],
                tuple(s.get("reasons", ())), _date(s.get("respond_by")),
                s.get("supervisor_comments", ""),
            )
            for s in doc.get("submissions", ())
        ),
        decisions=tuple(
            Decision(c["ref"], c.get("submission"), _datetime(c["decided_at"]), c["kind"],
                     c.get("code_test"), tuple(c.get("charges", ())))
            for c in doc.get("decisions", ())
        ),
        action_plans=tuple(
            ActionPlan(
                a["ref"], a.get("decision"), a["source"], _date(a["created_on"]),
                _date(a.get("respond_by")),
                tuple(
                    ActionItem(i["ref"], i["text"], _date(i.get("due_date")), i["status"],
                               _datetime(i.get("completed_at")))
                    for i in a.get("items", ())
                ),
            )
            for a in doc.get("action_plans", ())
        ),
        tasks=tuple(
            Task(t["ref"], t["title"], _date(t.get("due_date")), t["status"], t.get("source", "internal"),
                 t.get("kind", "general"), t.get("witness"), t.get("hearing"), t.get("outcome", ""))
            for t in doc.get("tasks", ())
        ),
        overrides=tuple(
            Override(o["rule_id"], o.get("item"), o["reason"])
            for o in doc.get("finding_overrides", ())
        ),
    )


def _defendant(d: dict) -> Defendant:
    return _fast(
        Defendant,
        ref=d["ref"],
        forenames=d.get("forenames", ""),
        surname=d["surname"],
        date_of_birth=_date(d.get("date_of_birth")),
        gender=d.get("gender") or "not_known",
        asn=d.get("asn") or "",
        pnc_id=d.get("pnc_id") or "",
        cro=d.get("cro") or "",
        status=d["status"],
        arrested_at=_datetime(d.get("arrested_at")),
        pace_relevant_time=_datetime(d.get("pace_relevant_time")),
        previous_convictions_checked_on=_date(d.get("previous_convictions_checked_on")),
        offences=tuple(
            _fast(
                Offence,
                ref=o["ref"], code=o["code"], title=o.get("title", ""),
                mode_of_trial=o.get("mode_of_trial"), wording=o.get("wording", ""),
                date_code=o.get("date_code", 1), date_from=_date(o.get("date_from")),
                date_to=_date(o.get("date_to")), location=o.get("location", ""),
                status=o["status"], charge_date=_date(o.get("charge_date")),
                charging_authority=o.get("charging_authority"), code_test=o.get("code_test"),
                plea=o.get("plea"), plea_date=_date(o.get("plea_date")),
            )
            for o in d.get("offences", ())
        ),
        interviews=tuple(
            Interview(_date(i.get("date")), i["type"], i.get("account"), i.get("summary", ""))
            for i in d.get("interviews", ())
        ),
        custody_episodes=tuple(
            CustodyEpisode(c["kind"], _datetime(c["started_at"]), _datetime(c.get("ended_at")),
                           c.get("court_code"))
            for c in d.get("custody_episodes", ())
        ),
        bail_periods=tuple(
            BailPeriod(b["kind"], _date(b["start_date"]), _date(b.get("end_date")),
                       b.get("authority"), b.get("conditions", ""))
            for b in d.get("bail_periods", ())
        ),
    )


def _witness(w: dict) -> Witness:
    return _fast(
        Witness,
        ref=w["ref"],
        forenames=w.get("forenames", ""),
        surname=w["surname"],
        role=w["role"],
        key_witness=bool(w.get("key_witness")),
        date_of_birth=_date(w.get("date_of_birth")),
        vulnerability_grounds=frozenset(w.get("vulnerability_grounds", ())),
        enhanced_rights=bool(w.get("enhanced_rights")),
        enhanced_rights_category=w.get("enhanced_rights_category"),
        special_measures_sought=frozenset(w.get("special_measures_sought", ())),
        vps_offered=w.get("vps_offered"),
        vps_made=w.get("vps_made"),
        dates_to_avoid=tuple(
            DateRange(_date(r["from"]), _date(r["to"]), r.get("reason", ""))
            for r in w.get("dates_to_avoid", ())
        ),
        consent_witness_service=w.get("consent_witness_service"),
        consent_medical_records=w.get("consent_medical_records"),
        contact_preference=w.get("contact_preference"),
        previous_convictions_checked=w.get("previous_convictions_checked"),
        has_previous_convictions=w.get("has_previous_convictions"),
        last_update_at=_datetime(w.get("last_update_at")),
    )


def _material(m: dict) -> Material:
    return _fast(
        Material,
        ref=m["ref"], type=m["type"], title=m.get("title", ""), status=m["status"],
        defendant=m.get("defendant"), witness=m.get("witness"),
        key_evidence=bool(m.get("key_evidence")), disclosure_class=m["disclosure_class"],
        signed=m.get("signed"), signed_date=_date(m.get("signed_date")),
        supervisor_certified=m.get("supervisor_certified"), clipped=m.get("clipped"),
        playable=m.get("playable"), exhibit_ref=m.get("exhibit_ref", ""),
        exhibits_referred=tuple(m.get("exhibits_referred", ())),
        items_described=m.get("items_described"), producer=m.get("producer", ""),
        target_date=_date(m.get("target_date")), provided_at=_datetime(m.get("provided_at")),
    )
