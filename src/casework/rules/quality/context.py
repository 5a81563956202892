"""What every file-quality check needs to know about a case, worked out once per review.

The reference port (`Reference`) is how the pure core learns facts held in reference data
(offence codes, courts, forces) without importing Django: the web side passes an object that
reads the database, tests pass `FakeReference`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from ..findings import StageDecision
from ..snapshot import CaseSnapshot, Defendant, Material, Witness


@dataclass(frozen=True)
class OffenceInfo:
    code: str
    title: str
    category: str  # CI, CE, CS, CM … ("" for a retired PNC code)
    current: bool


@dataclass(frozen=True)
class CourtInfo:
    code: str
    name: str
    kind: str  # "magistrates" | "crown"


class Reference(Protocol):
    def offence(self, code: str) -> OffenceInfo | None: ...

    def court(self, code: str) -> CourtInfo | None: ...

    def is_force(self, code: str) -> bool: ...


@dataclass
class FakeReference:
    """A small in-memory reference port for tests and for checks run without a database."""

    offences: dict[str, OffenceInfo] = field(default_factory=dict)
    courts: dict[str, CourtInfo] = field(default_factory=dict)
    forces: set[str] = field(default_factory=set)

    def offence(self, code: str) -> OffenceInfo | None:
        return self.offences.get(code)

    def court(self, code: str) -> CourtInfo | None:
        return self.courts.get(code)

    def is_force(self, code: str) -> bool:
        return code in self.forces


AUTOMATIC_VULNERABILITY = {
    # YJCEA 1999 s.17(4), (4A), (5)–(7): automatic eligibility for special measures.
    "sexual_offence_complainant", "modern_slavery_complainant", "domestic_abuse_complainant",
    "weapons_offence_witness",
}


class Context:
    """A case under review: the snapshot, the file stage, today, reference data, and indexes."""

    __slots__ = ("case", "stage", "today", "reference", "by_type", "provided_types",
                 "by_witness", "by_defendant", "exhibit_refs", "charged_defendants",
                 "civilian_witnesses", "key_witnesses", "victims", "_vulnerable", "_charging")

    def __init__(self, case: CaseSnapshot, stage: StageDecision, today: date,
                 reference: Reference) -> None:
        self.case = case
        self.stage = stage
        self.today = today
        self.reference = reference
        by_type: dict[str, list[Material]] = defaultdict(list)
        by_witness: dict[str, list[Material]] = defaultdict(list)
        by_defendant: dict[str, list[Material]] = defaultdict(list)
        provided: set[str] = set()
        exhibit_refs: set[str] = set()
        for m in case.materials:
            by_type[m.type].append(m)
            if m.witness:
                by_witness[m.witness].append(m)
            if m.defendant:
                by_defendant[m.defendant].append(m)
            if m.status == "provided":
                provided.add(m.type)
            if m.exhibit_ref:
                exhibit_refs.add(m.exhibit_ref.upper())
        self.by_type = by_type
        self.by_witness = by_witness
        self.by_defendant = by_defendant
        self.provided_types = provided
        self.exhibit_refs = exhibit_refs
        self.charged_defendants = tuple(
            d for d in case.defendants if any(o.status in ("charged", "concluded") for o in d.offences)
        )
        self.civilian_witnesses = tuple(w for w in case.witnesses if w.role in ("victim", "civilian"))
        self.key_witnesses = tuple(w for w in case.witnesses if w.key_witness)
        self.victims = tuple(w for w in case.witnesses if w.role == "victim")
        self._vulnerable: tuple[Witness, ...] | None = None
        self._charging = None

    @property
    def charging(self):
        """The DG6 Annex 1 charging decision, worked out once per review."""
        if self._charging is None:
            from ..charging import charging_authority

            self._charging = charging_authority(self.case)
        return self._charging

    @property
    def file_type(self) -> str:
        return self.stage.file_type

    def provided(self, material_type: str, *, witness: str | None = None,
                 defendant: Defendant | None = None) -> list[Material]:
        """Provided items of a type, for a witness or a defendant (items linked to nobody count
        for every defendant)."""
        items = self.by_type.get(material_type, ())
        out = []
        for m in items:
            if m.status != "provided":
                continue
            if witness is not None and m.witness != witness:
                continue
            if defendant is not None and m.defendant not in (None, defendant.ref):
                continue
            out.append(m)
        return out

    def outstanding(self, material_type: str) -> list[Material]:
        return [m for m in self.by_type.get(material_type, ()) if m.status == "outstanding"]

    @property
    def vulnerable_witnesses(self) -> tuple[Witness, ...]:
        """Witnesses eligible for special measures: grounds recorded, or under 18 today."""
        if self._vulnerable is None:
            out = []
            for w in self.case.witnesses:
                if w.role in ("police", "expert", "professional"):
                    continue
                young = w.date_of_birth is not None and _age(w.date_of_birth, self.today) < 18
                if w.vulnerability_grounds or young:
                    out.append(w)
            self._vulnerable = tuple(out)
        return self._vulnerable


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def ref_key(ref: str) -> tuple:
    """Sort key for refs in their natural order (D2 before D10), so that which of two parts a
    finding names never depends on the order the file lists them in."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", ref) if part)


def age_on(born: date | None, on: date | None) -> int | None:
    if born is None or on is None:
        return None
    return _age(born, on)
