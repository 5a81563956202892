"""The demo force: West Midlands Police, its seven local policing areas, two CJU hubs and staff.

Responsible for: creating (idempotently) the `people.Unit` structure and a deterministic roster
of officers and staff for the demo, and describing which real courts and custody suites serve
each area, so generated cases are listed where West Midlands cases are really heard.
Must not: create cases (see `generator.py` and `services.py`) or give anyone a usable password.

Codes come from the shipped reference data (`reference/data/organisation-unit.json` for police
units, `court-organisation-units.json` for courts, area 20 = West Midlands). Sandwell has no
magistrates' court of its own in the court list, so its cases go to Wolverhampton and
Birmingham; Walsall and Dudley cases go to Wolverhampton Crown Court, Solihull's to Birmingham.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from casework.people.constants import Role, UnitKind
from casework.people.models import Unit

from .names import DRAMA_MOBILE, POLICE_EMAIL_DOMAIN, WORKFORCE_MIX, person_name

FORCE_CODE = "20"
FORCE_UNIT = ("WMP", "West Midlands Police", "20")


@dataclass(frozen=True)
class LpaSpec:
    code: str  # Unit.code
    name: str
    letters: str  # police unit letters (OU third level), used in URNs: 20 + BH + serial + year
    hub: str
    weight: int  # share of the force's prosecutions
    oics: int  # officers in the case on the demo roster
    supervisors: int
    magistrates: tuple[str, ...]  # court OU codes, first = main court
    youth: str  # youth court OU code
    crown: tuple[str, ...]
    custody: tuple[str, ...]  # police unit letters of the custody suites the area uses

    @property
    def ou_code(self) -> str:
        return FORCE_CODE + self.letters


LPAS: tuple[LpaSpec, ...] = (
    # Birmingham LPA 20BH; Birmingham magistrates' (Corporation St) B20BL00, youth court
    # (Steelhouse Lane) B20BN00, Birmingham Crown C20BI00; custody Perry Barr (CC), Bournville
    # Lane (EA), Stechford (DC), Sutton Coldfield (DB).
    LpaSpec("LPA-BIRM", "Birmingham", "BH", "HUB-BS", 42, 46, 7,
            ("B20BL00",), "B20BN00", ("C20BI00",), ("CC", "CC", "EA", "DC", "DB")),
    LpaSpec("LPA-SOLI", "Solihull", "SH", "HUB-BS", 7, 10, 2,
            ("B20BL00",), "B20BN00", ("C20BI00",), ("LA",)),
    LpaSpec("LPA-COV", "Coventry", "CV", "HUB-BCC", 13, 15, 3,
            ("B20EB00",), "B20EB00", ("C20CO00",), ("MA",)),
    LpaSpec("LPA-WOLV", "Wolverhampton", "WV", "HUB-BCC", 10, 12, 2,
            ("B20OQ00",), "B20OQ00", ("C20WO00",), ("GA", "GB")),
    LpaSpec("LPA-SAND", "Sandwell", "SW", "HUB-BCC", 11, 14, 2,
            ("B20OQ00", "B20BL00"), "B20OQ00", ("C20WO00",), ("CW", "KD")),
    LpaSpec("LPA-WALS", "Walsall", "WS", "HUB-BCC", 8, 11, 2,
            ("B20NQ00",), "B20NQ00", ("C20WO00",), ("HE",)),
    LpaSpec("LPA-DUD", "Dudley", "DY", "HUB-BCC", 9, 12, 2,
            ("B20EY00",), "B20EY00", ("C20WO00",), ("JA", "JC")),
)

# Hub code, name, caseworkers, witness care officers.
HUBS: tuple[tuple[str, str, int, int], ...] = (
    ("HUB-BS", "Birmingham and Solihull Criminal Justice Hub", 9, 2),
    ("HUB-BCC", "Black Country and Coventry Criminal Justice Hub", 7, 2),
)


def organisation_spec() -> dict:
    """The demo organisation as plain data (no database): what the generator needs."""
    return {
        "force_code": FORCE_CODE,
        "force": FORCE_UNIT[0],
        "hubs": {code: name for code, name, _, _ in HUBS},
        "lpas": {lpa.code: lpa for lpa in LPAS},
        "lpa_hub": {lpa.code: lpa.hub for lpa in LPAS},
        "lpa_courts": {
            lpa.code: {"magistrates": list(lpa.magistrates), "youth": lpa.youth,
                       "crown": list(lpa.crown)}
            for lpa in LPAS
        },
    }


@transaction.atomic
def organisation_ensure() -> dict:
    """Create or update the force, LPA and hub units; returns `organisation_spec()` plus units."""
    code, name, ou = FORCE_UNIT
    force, _ = Unit.objects.update_or_create(
        code=code, defaults={"name": name, "kind": UnitKind.FORCE, "ou_code": ou, "parent": None})
    units = {code: force}
    for lpa in LPAS:
        units[lpa.code], _ = Unit.objects.update_or_create(
            code=lpa.code,
            defaults={"name": f"{lpa.name} Local Policing Area", "kind": UnitKind.LPA,
                      "parent": force, "ou_code": lpa.ou_code},
        )
    for hub_code, hub_name, _, _ in HUBS:
        units[hub_code], _ = Unit.objects.update_or_create(
            code=hub_code,
            defaults={"name": hub_name, "kind": UnitKind.HUB, "parent": force, "ou_code": ""},
        )
    return {**organisation_spec(), "units": units}


# --------------------------------------------------------------------------------------------
# The roster
# --------------------------------------------------------------------------------------------

_RANK_PREFIX = {"PC": "pc", "DC": "dc", "PS": "ps", "DS": "ds", "Insp": "insp", "DI": "di"}


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def roster_build(rng: random.Random, units: dict[str, Unit] | None = None) -> list:
    """The demo roster as unsaved users, deterministic for a given `rng` state.

    About 120 officers in the case (PCs and DCs in the LPAs), 20 sergeants and inspectors,
    16 case progression officers, 2 hub managers and 4 witness care officers. Without `units`
    the users point at unsaved units (enough for generating documents without a database).
    """
    User = get_user_model()
    if units is None:
        units = {lpa.code: Unit(code=lpa.code, name=lpa.name, kind=UnitKind.LPA) for lpa in LPAS}
        units.update({code: Unit(code=code, name=name, kind=UnitKind.HUB)
                      for code, name, _, _ in HUBS})
    collars = iter(rng.sample(range(1200, 9999), 400))
    staff_numbers = iter(rng.sample(range(20000, 69999), 100))
    users = []
    emails: set[str] = set()

    def add(role: str, unit: Unit, rank: str, *, detective_rate: float = 0.0) -> None:
        female = rng.random() < (0.36 if rank in ("PC", "DC", "PS", "Insp") else 0.7)
        forename, surname = person_name(rng, _weighted(rng, WORKFORCE_MIX), female)
        if rank:
            if rank == "PC" and rng.random() < detective_rate:
                rank = "DC"
            elif rank == "PS" and rng.random() < 0.3:
                rank = "DS"
            elif rank == "Insp" and rng.random() < 0.3:
                rank = "DI"
            number = str(next(collars))
            prefix, collar = _RANK_PREFIX[rank], number
        else:
            number = str(next(staff_numbers))
            prefix = {Role.CASEWORKER: "cw", Role.HUB_MANAGER: "hm",
                      Role.WITNESS_CARE: "wco"}[role]
            collar = ""
        email = f"{_slug(forename)}.{_slug(surname)}"
        if email in emails:
            email = f"{email}{number[-2:]}"
        emails.add(email)
        user = User(
            username=f"{prefix}.{_slug(forename)[0]}{_slug(surname)}{number}",
            first_name=forename, last_name=surname, email=f"{email}@{POLICE_EMAIL_DOMAIN}",
            role=role, unit=unit, rank=rank, collar_number=collar,
            phone=DRAMA_MOBILE.format(len(users)), is_active=role in UNIT_STAFF,
        )
        user.set_unusable_password()
        users.append(user)

    for lpa in LPAS:
        for _ in range(lpa.oics):
            add(Role.OIC, units[lpa.code], "PC", detective_rate=0.28)
        for i in range(lpa.supervisors):
            add(Role.SUPERVISOR, units[lpa.code], "Insp" if i % 3 == 2 else "PS")
    for hub_code, _, caseworkers, witness_care in HUBS:
        for _ in range(caseworkers):
            add(Role.CASEWORKER, units[hub_code], "")
        add(Role.HUB_MANAGER, units[hub_code], "")
        for _ in range(witness_care):
            add(Role.WITNESS_CARE, units[hub_code], "")
    return users


UNIT_STAFF = (Role.CASEWORKER, Role.HUB_MANAGER, Role.WITNESS_CARE)  # the unit's own staff: active, so work can be
# assigned to them and cover arranged, though none of them can sign in to the demo (unusable passwords)
ROSTER_SEED = 2020  # one force, one roster, whatever seed the cases use


def officers_ensure(rng: random.Random | None = None) -> list:
    """Create the demo roster's users that do not exist yet; returns the whole roster.

    Idempotent: users are matched by username and never changed. Rostered people have unusable
    passwords: they appear on cases but cannot sign in. Officers are inactive, like officers an
    import names who have no account yet; the unit's own staff are active, so cases can be
    assigned to them (`users.py` gives the demo logins their caseloads). The result is
    ordered by username, with units loaded, so the generator needs no further queries.
    """
    User = get_user_model()
    units = {u.code: u for u in Unit.objects.all()}
    roster = roster_build(rng or random.Random(ROSTER_SEED), units)
    usernames = [u.username for u in roster]
    existing = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    User.objects.bulk_create([u for u in roster if u.username not in existing], batch_size=500)
    return list(User.objects.filter(username__in=usernames).select_related("unit")
                .order_by("username"))
