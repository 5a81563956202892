"""Loading the shipped reference data files into the reference tables.

Each file is loaded in one transaction and only when its SHA-256 differs from the one recorded,
so running the loader on every start costs a few milliseconds. Administrator overrides (bank
holidays added by hand) are never touched.
"""

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from django.db import transaction

from .models import (
    BankHoliday,
    BankHolidaySource,
    CodeListEntry,
    Force,
    OffenceCode,
    OrganisationUnit,
    OUKind,
    ReferenceDataset,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

CODE_LISTS = [
    "remand-status", "plea-status", "verdict", "mode-of-trial-reason", "offence-initiation",
    "court-type", "type-of-hearing", "gender", "result-code",
]


def _read(*names: str) -> tuple[str, list]:
    digest = hashlib.sha256()
    loaded = []
    for name in names:
        raw = (DATA_DIR / name).read_bytes()
        digest.update(raw)
        loaded.append(json.loads(raw))
    return digest.hexdigest(), loaded


def _load(name: str, files: list[str], replace: Callable[[list], int], force: bool) -> str:
    sha, payloads = _read(*files)
    existing = ReferenceDataset.objects.filter(name=name).first()
    if existing and existing.sha256 == sha and not force:
        return f"{name}: unchanged ({existing.rows} rows)"
    with transaction.atomic():
        rows = replace(payloads)
        ReferenceDataset.objects.update_or_create(name=name, defaults={"sha256": sha, "rows": rows})
    return f"{name}: loaded {rows} rows"


def _bulk_replace(model, objects: Iterable) -> int:
    objects = list(objects)
    model.objects.all().delete()
    model.objects.bulk_create(objects, batch_size=2000)
    return len(objects)


def _offences(payloads: list) -> int:
    current, pnc = payloads
    rows = {
        o["cjsCode"].strip().upper(): OffenceCode(
            code=o["cjsCode"].strip().upper(),
            title=o["offenceTitle"].strip(),
            category=o["offenceCategory"] or "",
            recordable_on_pnc=o.get("recordableOnPnc"),
            current=True,
        )
        for o in current
    }
    for o in pnc:
        code = o["cjsCode"].strip().upper()
        if code and code not in rows:
            rows[code] = OffenceCode(
                code=code,
                title=o["offenceTitle"].strip().capitalize(),
                category="",
                recordable_on_pnc=o.get("recordableOnPnc"),
                current=False,
            )
    # Charges refer to offence codes, so existing rows are updated rather than deleted.
    existing = set(OffenceCode.objects.values_list("code", flat=True))
    OffenceCode.objects.bulk_create([r for c, r in rows.items() if c not in existing], 2000)
    OffenceCode.objects.bulk_update(
        [r for c, r in rows.items() if c in existing],
        ["title", "category", "recordable_on_pnc", "current"],
        batch_size=2000,
    )
    return len(rows)


def _ou_code(o: dict) -> str:
    top = o["topLevelCode"] or "1"
    return f"{top}{o['secondLevelCode']}{o['thirdLevelCode']}{o['bottomLevelCode']}"


def _organisation_units(payloads: list) -> int:
    courts, everything = payloads
    rows: dict[str, OrganisationUnit] = {}
    kinds = {"B": OUKind.MAGISTRATES, "C": OUKind.CROWN, "": OUKind.POLICE}
    for o in everything + courts:  # the court file is newer, so it wins
        if o["thirdLevelCode"] == "00":
            continue  # area headings, not units
        code = _ou_code(o)
        rows[code] = OrganisationUnit(
            code=code,
            kind=kinds.get(o["topLevelCode"], OUKind.OTHER),
            name=(o["thirdLevelName"] or o["bottomLevelName"] or code).strip(),
            area=o["secondLevelName"].strip(),
            psa_code=o.get("thirdLevelPsaCode") or "",
        )
    existing = set(OrganisationUnit.objects.values_list("code", flat=True))
    OrganisationUnit.objects.bulk_create([r for c, r in rows.items() if c not in existing], 2000)
    OrganisationUnit.objects.bulk_update(
        [r for c, r in rows.items() if c in existing], ["kind", "name", "area", "psa_code"], 2000
    )
    return len(rows)


def _forces(payloads: list) -> int:
    (forces,) = payloads
    # Force codes are two digits; the source also holds one OU-style row ("B01DU", City of
    # London), which is not a force code and is left out.
    seen: dict[str, Force] = {
        f["code"]: Force(code=f["code"], name=f["name"])
        for f in forces
        if len(f["code"]) == 2 and f["code"].isdigit()
    }
    existing = set(Force.objects.values_list("code", flat=True))
    Force.objects.bulk_create([f for c, f in seen.items() if c not in existing])
    Force.objects.bulk_update([f for c, f in seen.items() if c in existing], ["name"])
    return len(seen)


def _code_lists(payloads: list) -> int:
    entries = []
    for name, rows in zip(CODE_LISTS, payloads, strict=True):
        for row in rows:
            entries.append(
                CodeListEntry(
                    list_name=name,
                    code=str(row.get("cjsCode", "")),
                    description=str(row.get("description", "")),
                    data=row,
                )
            )
    return _bulk_replace(CodeListEntry, entries)


def _bank_holidays(payloads: list) -> int:
    (data,) = payloads
    events = govuk_bank_holidays(data)
    BankHoliday.objects.filter(source=BankHolidaySource.GOVUK).delete()
    admin_dates = set(BankHoliday.objects.values_list("date", flat=True))
    BankHoliday.objects.bulk_create(
        BankHoliday(date=d, title=t, source=BankHolidaySource.GOVUK, notes=n)
        for d, t, n in events
        if d not in admin_dates
    )
    return len(events)


# GOV.UK's frontend repo stores translation keys; these are the English titles it shows.
GOVUK_TITLES = {
    "new_year": "New Year’s Day",
    "good_friday": "Good Friday",
    "easter_monday": "Easter Monday",
    "early_may": "Early May bank holiday",
    "early_may_ve": "Early May bank holiday (VE day)",
    "spring": "Spring bank holiday",
    "late_august": "Summer bank holiday",
    "christmas": "Christmas Day",
    "boxing_day": "Boxing Day",
    "queen_platinum": "Platinum Jubilee bank holiday",
    "queens_bank_holiday": "Bank holiday for the State Funeral of Queen Elizabeth II",
    "kings_coronation": "Bank holiday for the coronation of King Charles III",
}


def govuk_bank_holidays(data: dict) -> list[tuple]:
    """England and Wales dates from either GOV.UK shape: the frontend repo's or the live API's."""
    if "england-and-wales" in data:  # live API: {"england-and-wales": {"events": [...]}}
        return [
            (datetime.strptime(e["date"], "%Y-%m-%d").date(), e["title"], e.get("notes", ""))
            for e in data["england-and-wales"]["events"]
        ]
    division = next(v for k, v in data["divisions"].items() if "england-and-wales" in k)
    out = []
    for year_events in division.values():
        if not isinstance(year_events, list):
            continue  # "slug" and "title" keys sit beside the years
        for e in year_events:
            key = e["title"].split(".")[-1]
            title = GOVUK_TITLES.get(key, key.replace("_", " ").capitalize())
            notes = "Substitute day" if "substitute" in (e.get("notes") or "") else ""
            out.append((datetime.strptime(e["date"], "%d/%m/%Y").date(), title, notes))
    return out


def reference_data_load(*, force: bool = False) -> list[str]:
    """Load every shipped reference file that changed; returns one line per dataset."""
    return [
        _load("offence-codes", ["cjs-offences.json", "pnc-ccjs-cjs-offences.json"], _offences, force),
        _load(
            "organisation-units",
            ["court-organisation-units.json", "organisation-unit.json"],
            _organisation_units,
            force,
        ),
        _load("forces", ["forces.json"], _forces, force),
        _load("code-lists", [f"code-lists/{n}.json" for n in CODE_LISTS], _code_lists, force),
        _load("bank-holidays", ["bank-holidays.json"], _bank_holidays, force),
    ]
