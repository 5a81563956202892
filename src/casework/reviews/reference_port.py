"""The rules core's reference port, served from the reference tables (or, before they are
loaded, from the data files shipped with Casework, so `casework check` works on a bare install)."""

from __future__ import annotations

import json
from functools import lru_cache

from django.db import DatabaseError

from casework.reference.models import Force, OffenceCode, OrganisationUnit, ReferenceDataset
from casework.reference.services import DATA_DIR
from casework.rules.quality import CourtInfo, OffenceInfo


class TableReference:
    """Offence codes, courts and forces held in memory: a review makes thousands of lookups."""

    def __init__(self, offences: dict[str, OffenceInfo], courts: dict[str, CourtInfo],
                 forces: set[str], origin: str) -> None:
        self.offences, self.courts, self.forces, self.origin = offences, courts, forces, origin

    def offence(self, code: str) -> OffenceInfo | None:
        return self.offences.get(code)

    def court(self, code: str) -> CourtInfo | None:
        return self.courts.get(code)

    def is_force(self, code: str) -> bool:
        return code in self.forces


def _from_database() -> TableReference | None:
    try:
        if not OffenceCode.objects.exists():
            return None
        offences = {
            code: OffenceInfo(code, title, category, current)
            for code, title, category, current in OffenceCode.objects.values_list("code", "title", "category", "current")
        }
        courts = {
            code: CourtInfo(code, name, kind)
            for code, name, kind in OrganisationUnit.objects.filter(kind__in=["magistrates", "crown"]).values_list("code", "name", "kind")
        }
        forces = set(Force.objects.values_list("code", flat=True))
    except DatabaseError:
        return None
    return TableReference(offences, courts, forces, "database")


@lru_cache(maxsize=1)
def _from_files() -> TableReference:
    offences = {}
    for o in json.loads((DATA_DIR / "pnc-ccjs-cjs-offences.json").read_text()):
        code = o["cjsCode"].strip().upper()
        offences[code] = OffenceInfo(code, o["offenceTitle"].strip().capitalize(), "", False)
    for o in json.loads((DATA_DIR / "cjs-offences.json").read_text()):
        code = o["cjsCode"].strip().upper()
        offences[code] = OffenceInfo(code, o["offenceTitle"].strip(), o["offenceCategory"] or "", True)
    courts = {}
    for o in json.loads((DATA_DIR / "court-organisation-units.json").read_text()):
        if o["thirdLevelCode"] == "00":
            continue
        code = f"{o['topLevelCode']}{o['secondLevelCode']}{o['thirdLevelCode']}{o['bottomLevelCode']}"
        courts[code] = CourtInfo(code, o["thirdLevelName"].strip(), "magistrates" if o["topLevelCode"] == "B" else "crown")
    forces = {f["code"] for f in json.loads((DATA_DIR / "forces.json").read_text()) if f["code"].isdigit()}
    return TableReference(offences, courts, forces, "shipped files")


_cache: dict[str, TableReference] = {}


def reference_port() -> TableReference:
    """The reference data in force, reloaded when an administrator or the loader changes it."""
    try:
        stamp = str(ReferenceDataset.objects.order_by("-loaded_at").values_list("loaded_at", flat=True).first())
    except DatabaseError:
        stamp = "no database"
    if stamp not in _cache:
        _cache.clear()
        _cache[stamp] = _from_database() or _from_files()
    return _cache[stamp]
