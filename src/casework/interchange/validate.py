"""Checking a case-file document before anything is written.

Every problem names the field (as a path such as `defendants[0].offences[1].code`) and says what
is wrong in plain words. Checks run in three layers: the document's shape (JSON Schema), the
identifiers (URN, ASN, PNC ID, CRO with their check characters), and the facts that need the
database or the calendar (known offence codes and courts, refs that resolve, possible dates).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from jsonschema import Draft202012Validator

from casework.reference.models import Force, OffenceCode, OrganisationUnit
from casework.rules import identifiers as ids

from .schema import FORMAT, VERSION, casefile_schema
from .writer import Resolver, parse_date, parse_datetime


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(casefile_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _path(parts) -> str:
    out = ""
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _humanise(error) -> Problem:
    if error.validator == "anyOf" and error.context:
        # "A date or null": report why it is not a date rather than "not valid under anyOf".
        useful = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if useful:
            return _humanise(min(useful, key=lambda e: (e.validator == "type", len(e.message))))
    field = _path(error.absolute_path)
    v = error.validator
    if v == "required":
        missing = error.message.split("'")[1]
        return Problem(f"{field}.{missing}" if field else missing, "is required but missing")
    if v == "additionalProperties":
        return Problem(field or "(document)", f"has a field this format does not know: {error.message.split('(')[-1].rstrip(')')}")
    if v == "enum":
        allowed = ", ".join("null" if x is None else str(x) for x in error.validator_value)
        return Problem(field, f"{error.instance!r} is not allowed; use one of: {allowed}")
    if v == "pattern":
        what = {"urn": "a URN such as 20BH1234525 (no slashes)", "code": "a CJS offence code such as TH68010",
                "court_code": "a 7-character OU code such as B20BL00",
                "force_code": "a two-digit force code such as 20"}.get(str(error.absolute_path[-1]) if error.absolute_path else "", None)
        if what is None and "T" in str(error.validator_value):
            what = "a UTC date-time like 2025-02-24T10:00:00Z"
        elif what is None and r"\d{4}-\d{2}-\d{2}$" in str(error.validator_value):
            what = "a date like 2025-02-24"
        return Problem(field, f"{error.instance!r} is not {what or 'in the expected form'}")
    if v == "type":
        return Problem(field, f"should be {error.validator_value}, not {type(error.instance).__name__} {error.instance!r}")
    if v == "format":
        return Problem(field, f"{error.instance!r} is not a real {error.validator_value.replace('-', ' ')}")
    if v == "const":
        return Problem(field, f"must be {error.validator_value!r}")
    if v == "maxLength":
        return Problem(field, f"is longer than {error.validator_value} characters")
    if v == "minLength":
        return Problem(field, "must not be empty")
    if v == "uniqueItems":
        return Problem(field, "lists the same value twice")
    return Problem(field, error.message)


def check_envelope(doc) -> list[Problem]:
    """The first look: is this a Casework case file, of a version this system reads?"""
    if not isinstance(doc, dict):
        return [Problem("(document)", "is not a JSON object, so it cannot be a Casework case file")]
    if doc.get("format") != FORMAT:
        return [Problem("format", f"is {doc.get('format')!r}; a Casework case file says {FORMAT!r}")]
    if doc.get("version") != VERSION:
        return [Problem("version", f"is {doc.get('version')!r}; this Casework reads version {VERSION}")]
    return []


def check_schema(doc: dict) -> list[Problem]:
    errors = sorted(_validator().iter_errors(doc), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [_humanise(e) for e in errors]


class _ReferenceCache:
    """Offence codes, courts and forces, loaded once per import run."""

    def __init__(self) -> None:
        self.offences = dict(OffenceCode.objects.values_list("code", "current"))
        self.courts = set(
            OrganisationUnit.objects.filter(kind__in=["magistrates", "crown"]).values_list("code", flat=True)
        )
        self.forces = set(Force.objects.values_list("code", flat=True))


def check_facts(doc: dict, *, today: date, resolver: Resolver,
                reference: _ReferenceCache) -> tuple[list[Problem], list[Problem]]:
    """Problems (refuse the file) and warnings (import, but say so) beyond the schema."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    add = problems.append
    case = doc["case"]

    urn = ids.validate_urn(case["urn"])
    if not urn.ok:
        add(Problem("case.urn", urn.problem))
    elif urn.normalised != case["urn"]:
        add(Problem("case.urn", f"must be written without slashes, in capitals: {urn.normalised}"))
    elif case["urn"][:2] != case["force_code"]:
        add(Problem("case.force_code", f"is {case['force_code']} but the URN starts with force code {case['urn'][:2]}"))
    if case["force_code"] not in reference.forces:
        add(Problem("case.force_code", f"{case['force_code']} is not a police force code in the reference list"))
    for key in ("hub", "lpa"):
        if case.get(key) and not resolver.has_unit(case[key]):
            add(Problem(f"case.{key}", f"no unit with the code {case[key]!r} exists in Casework"))
    if case.get("finalised_on") and case["stage"] != "finalised":
        add(Problem("case.finalised_on", "is set but the case's stage is not 'finalised'"))
    if case.get("outcome") and case["stage"] != "finalised":
        add(Problem("case.outcome", "is set but the case's stage is not 'finalised'"))
    _not_future(add, "case.received_at", parse_datetime(case.get("received_at")), today)
    _not_future(add, "case.finalised_on", parse_date(case.get("finalised_on")), today)

    refs: dict[str, str] = {}

    def claim(ref: str, where: str) -> None:
        if ref in refs:
            add(Problem(f"{where}.ref", f"{ref!r} is used twice in this case (also at {refs[ref]})"))
        refs[ref] = where

    offence_refs: set[str] = set()
    earliest_offence: date | None = None
    for di, d in enumerate(doc.get("defendants", ())):
        at = f"defendants[{di}]"
        claim(d["ref"], at)
        dob = parse_date(d.get("date_of_birth"))
        _not_future(add, f"{at}.date_of_birth", dob, today)
        if dob and dob.year < 1900:
            add(Problem(f"{at}.date_of_birth", f"{dob.isoformat()} is not a possible date of birth"))
        for field, check in (("asn", ids.validate_asn), ("pnc_id", ids.validate_pnc_id), ("cro", ids.validate_cro)):
            if d.get(field):
                r = check(d[field])
                if not r.ok:
                    target = warnings if r.confidence == "unverified" else problems
                    target.append(Problem(f"{at}.{field}", r.problem))
        _not_future(add, f"{at}.arrested_at", parse_datetime(d.get("arrested_at")), today)
        for oi, o in enumerate(d.get("offences", ())):
            oat = f"{at}.offences[{oi}]"
            claim(o["ref"], oat)
            offence_refs.add(o["ref"])
            current = reference.offences.get(o["code"])
            if current is None:
                add(Problem(f"{oat}.code", f"{o['code']} is not a CJS offence code: it is in neither the current CJS list nor the PNC list"))
            elif current is False:
                warnings.append(Problem(f"{oat}.code", f"{o['code']} is a retired PNC code, not in the current CJS standard list; the court may reject it"))
            start, end = parse_date(o.get("date_from")), parse_date(o.get("date_to"))
            charged = parse_date(o.get("charge_date"))
            _not_future(add, f"{oat}.date_from", start, today)
            _not_future(add, f"{oat}.charge_date", charged, today)
            if start and end and end < start:
                add(Problem(f"{oat}.date_to", f"{end.isoformat()} is before the offence start date {start.isoformat()}"))
            if o.get("date_code") == 4 and not end:
                add(Problem(f"{oat}.date_to", "is required when the date code is 4 (between two dates)"))
            if start and charged and charged < start:
                add(Problem(f"{oat}.charge_date", f"{charged.isoformat()} is before the offence was committed ({start.isoformat()})"))
            if dob and start and start < dob:
                add(Problem(f"{oat}.date_from", f"{start.isoformat()} is before the defendant was born ({dob.isoformat()})"))
            if o["status"] == "charged" and not charged:
                add(Problem(f"{oat}.charge_date", "is required for a charged offence"))
            plea_on = parse_date(o.get("plea_date"))
            if plea_on and charged and plea_on < charged:
                add(Problem(f"{oat}.plea_date", f"{plea_on.isoformat()} is before the charge date {charged.isoformat()}"))
            if start and (earliest_offence is None or start < earliest_offence):
                earliest_offence = start
        for ei, e in enumerate(d.get("custody_episodes", ())):
            eat = f"{at}.custody_episodes[{ei}]"
            s, f = parse_datetime(e["started_at"]), parse_datetime(e.get("ended_at"))
            _not_future(add, f"{eat}.started_at", s, today)
            if f and f < s:
                add(Problem(f"{eat}.ended_at", "is before the custody started"))
            if e.get("court_code") and e["court_code"] not in reference.courts:
                add(Problem(f"{eat}.court_code", f"{e['court_code']} is not a court OU code in the reference list"))
        for bi, b in enumerate(d.get("bail_periods", ())):
            s, f = parse_date(b["start_date"]), parse_date(b.get("end_date"))
            if f and f < s:
                add(Problem(f"{at}.bail_periods[{bi}].end_date", f"{f.isoformat()} is before the bail started ({s.isoformat()})"))

    witness_refs = set()
    for wi, w in enumerate(doc.get("witnesses", ())):
        at = f"witnesses[{wi}]"
        claim(w["ref"], at)
        witness_refs.add(w["ref"])
        _not_future(add, f"{at}.date_of_birth", parse_date(w.get("date_of_birth")), today)
        for ri, r in enumerate(w.get("dates_to_avoid", ())):
            if r["to"] < r["from"]:
                add(Problem(f"{at}.dates_to_avoid[{ri}].to", f"{r['to']} is before {r['from']}"))

    defendant_refs = {d["ref"] for d in doc.get("defendants", ())}
    for mi, x in enumerate(doc.get("materials", ())):
        at = f"materials[{mi}]"
        claim(x["ref"], at)
        if x.get("defendant") and x["defendant"] not in defendant_refs:
            add(Problem(f"{at}.defendant", f"no defendant with ref {x['defendant']!r} in this case"))
        if x.get("witness") and x["witness"] not in witness_refs:
            add(Problem(f"{at}.witness", f"no witness with ref {x['witness']!r} in this case"))
        _not_future(add, f"{at}.provided_at", parse_datetime(x.get("provided_at")), today)
        _not_future(add, f"{at}.signed_date", parse_date(x.get("signed_date")), today)

    hearing_refs = {h["ref"] for h in doc.get("hearings", ())}
    for hi, h in enumerate(doc.get("hearings", ())):
        at = f"hearings[{hi}]"
        claim(h["ref"], at)
        if h["court_code"] not in reference.courts:
            add(Problem(f"{at}.court_code", f"{h['court_code']} is not a court OU code in the reference list"))
        starts = parse_datetime(h["starts_at"])
        if earliest_offence and starts.date() < earliest_offence:
            add(Problem(f"{at}.starts_at", f"the hearing ({starts.date().isoformat()}) is before the offence was committed ({earliest_offence.isoformat()})"))
        if h.get("outcome") and starts.date() > today:
            add(Problem(f"{at}.outcome", "a hearing that has not happened yet cannot have an outcome"))

    submission_refs = set()
    for si, s in enumerate(doc.get("submissions", ())):
        claim(s["ref"], f"submissions[{si}]")
        submission_refs.add(s["ref"])
        _not_future(add, f"submissions[{si}].submitted_at", parse_datetime(s["submitted_at"]), today)
    submitted = {s["ref"]: parse_datetime(s["submitted_at"]) for s in doc.get("submissions", ())}
    decision_refs = set()
    for ci, c in enumerate(doc.get("decisions", ())):
        at = f"decisions[{ci}]"
        claim(c["ref"], at)
        decision_refs.add(c["ref"])
        decided = parse_datetime(c["decided_at"])
        _not_future(add, f"{at}.decided_at", decided, today)
        if c.get("submission"):
            if c["submission"] not in submission_refs:
                add(Problem(f"{at}.submission", f"no submission with ref {c['submission']!r} in this case"))
            elif decided < submitted[c["submission"]]:
                add(Problem(f"{at}.decided_at", "is before the file was submitted"))
        for ri, r in enumerate(c.get("charges", ())):
            if r not in offence_refs:
                add(Problem(f"{at}.charges[{ri}]", f"no offence with ref {r!r} in this case"))
    for ai, a in enumerate(doc.get("action_plans", ())):
        at = f"action_plans[{ai}]"
        claim(a["ref"], at)
        if a.get("decision") and a["decision"] not in decision_refs:
            add(Problem(f"{at}.decision", f"no CPS decision with ref {a['decision']!r} in this case"))
        for ii, i in enumerate(a.get("items", ())):
            claim(i["ref"], f"{at}.items[{ii}]")
            _not_future(add, f"{at}.items[{ii}].completed_at", parse_datetime(i.get("completed_at")), today)
    for ti, t in enumerate(doc.get("tasks", ())):
        claim(t["ref"], f"tasks[{ti}]")
        _not_future(add, f"tasks[{ti}].created_at", parse_datetime(t["created_at"]), today)
        _not_future(add, f"tasks[{ti}].completed_at", parse_datetime(t.get("completed_at")), today)
        if t.get("witness") and t["witness"] not in witness_refs:
            add(Problem(f"tasks[{ti}].witness", f"no witness with ref {t['witness']!r} in this case"))
        if t.get("hearing") and t["hearing"] not in hearing_refs:
            add(Problem(f"tasks[{ti}].hearing", f"no hearing with ref {t['hearing']!r} in this case"))
    seen_overrides = set()
    for oi, o in enumerate(doc.get("finding_overrides", ())):
        key = (o["rule_id"], o.get("item"))
        if key in seen_overrides:
            add(Problem(f"finding_overrides[{oi}]", f"sets aside {o['rule_id']} for {o.get('item') or 'the case'} twice"))
        seen_overrides.add(key)
        if o.get("item") and o["item"] not in refs:
            add(Problem(f"finding_overrides[{oi}].item", f"no part with ref {o['item']!r} in this case"))
        _not_future(add, f"finding_overrides[{oi}].at", parse_datetime(o["at"]), today)
    for ci, x in enumerate(doc.get("contacts", ())):
        claim(x["ref"], f"contacts[{ci}]")
        if x.get("witness") and x["witness"] not in witness_refs:
            add(Problem(f"contacts[{ci}].witness", f"no witness with ref {x['witness']!r} in this case"))
        _not_future(add, f"contacts[{ci}].at", parse_datetime(x["at"]), today)
    cycles = [r["cycle"] for r in doc.get("file_returns", ())]
    for ri, r in enumerate(doc.get("file_returns", ())):
        if cycles.count(r["cycle"]) > 1:
            add(Problem(f"file_returns[{ri}].cycle", f"cycle {r['cycle']} appears twice"))
        returned = parse_datetime(r["returned_at"])
        _not_future(add, f"file_returns[{ri}].returned_at", returned, today)
        back = parse_datetime(r.get("resubmitted_at"))
        if back and back < returned:
            add(Problem(f"file_returns[{ri}].resubmitted_at", "is before the file was returned"))
    return problems, warnings


def _not_future(add, field: str, value: date | datetime | None, today: date) -> None:
    if value is None:
        return
    day = value.date() if isinstance(value, datetime) else value
    if day > today:
        add(Problem(field, f"{day.isoformat()} is in the future (today is {today.isoformat()})"))


ReferenceCache = _ReferenceCache
