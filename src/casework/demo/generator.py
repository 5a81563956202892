"""Deterministic, realistic demo case files for a large metropolitan force.

Responsible for: turning (seed, anchor date, roster, organisation) into case-file documents in
exactly the shape `interchange.export.casefile_build` writes (format v1, every key present, in
its order), telling each case's story from the incident to where it stands on the anchor date:
pre-charge requests to the CPS and their triage, decisions and action plans; charge; hearings at
the real West Midlands courts; pleas, trials, sentences and other outcomes; custody and bail;
witnesses and their care; the file's material — with the file-quality defects a CJU really sees.

Must not: read the clock (the anchor `today` comes in; "now" is 09:00 on that day, Europe/London,
and nothing after it has happened), use any randomness but `random.Random(seed)`, query the
database (reference data is read once from the shipped files), or write anything.

The first N documents of a larger run equal an N-document run with the same seed and anchor, so
seeding more cases later adds to what is there. Time rules used (brief §4): GAP bail cases listed
14 days after charge and NGAP 28 (TSJ); custody cases at the next court sitting; PTPH 28 days
after sending (BCM); custody trials inside the CTL (56/70 days magistrates', 182 Crown); pre-charge
bail 3 months (custody officer), extended to 6 (inspector) and 9 (superintendent).

`FileSubmission.due_at`: for a pre-charge request, when the CPS decision is due (3 hours red,
5 days green priority, 28 days green or early advice); for a post-charge file, when the file was
due (48 hours after charge; before the first hearing when the defendant is kept in custody).
"""

from __future__ import annotations

import calendar
import json
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from casework.cases.constants import CaseFlag
from casework.rules.identifiers import CHECK_ALPHABET, asn_check_character

from .names import (
    AREA_MIX,
    COMMUNITIES,
    DRAMA_LANDLINE,
    DRAMA_MOBILE,
    EMAIL_DOMAINS,
    RESIDENTIAL,
    ROADS,
    STREETS,
    person_name,
)
from .scenarios import SCENARIOS, Incident, PersonDraft

LONDON = ZoneInfo("Europe/London")
FORMAT, VERSION = "casework.casefile", 1
FLAG_ORDER = [f.value for f in CaseFlag]
MODE_OF_TRIAL = {"CS": "summary", "CM": "summary", "CE": "either_way", "CI": "indictable_only"}

# DG6 Annex 1: cases the police may never charge, whatever the offence (brief §3.2).
CPS_ONLY_FLAGS = ("domestic_abuse", "hate_crime", "death", "terrorism", "consent_required",
                  "harassment_stalking", "violent_disorder_affray", "gbh_abh_wounding",
                  "soa_under_18", "licensing", "rasso")


@cache
def offence_reference() -> dict[str, tuple[str, str]]:
    """Current CJS offence codes from the shipped reference file: code -> (title, category)."""
    from casework.reference.services import DATA_DIR

    rows = json.loads((DATA_DIR / "cjs-offences.json").read_bytes())
    return {o["cjsCode"].strip().upper(): (o["offenceTitle"].strip(), o["offenceCategory"] or "")
            for o in rows}


@cache
def _bank_holidays() -> frozenset[date]:
    from casework.reference.services import DATA_DIR, govuk_bank_holidays

    data = json.loads((DATA_DIR / "bank-holidays.json").read_bytes())
    return frozenset(d for d, _, _ in govuk_bank_holidays(data))


def _z(dt: datetime | None) -> str | None:
    """A Europe/London wall-clock time as the format's UTC string."""
    if dt is None:
        return None
    return dt.replace(tzinfo=LONDON).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _d(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _uk(day: date) -> str:
    return day.strftime("%d/%m/%Y")


# --------------------------------------------------------------------------------------------
# People on the roster
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Officer:
    doc: dict
    rank: str
    forenames: str
    surname: str
    collar: str

    @property
    def initials(self) -> str:
        return (self.forenames[:1] + self.surname[:1]).upper()

    @property
    def label(self) -> str:
        collar = f" {self.collar}" if self.collar else ""
        return f"{self.rank}{collar} {self.forenames} {self.surname}".strip()


class _Staff:
    def __init__(self, officers) -> None:
        self.oic: dict[str, list[_Officer]] = {}
        self.detectives: dict[str, list[_Officer]] = {}
        self.supervisors: dict[str, list[_Officer]] = {}
        self.caseworkers: dict[str, list[_Officer]] = {}
        self.witness_care: dict[str, list[_Officer]] = {}
        everyone = []
        # Sorted, so the same people give the same cases whichever order they come in.
        for u in sorted(officers, key=lambda user: user.username):
            unit = getattr(u, "unit", None)
            code = unit.code if unit is not None else ""
            person = _Officer(
                {"username": u.username,
                 "name": f"{u.first_name} {u.last_name}".strip(),
                 "rank": u.rank, "collar_number": u.collar_number, "email": u.email,
                 "phone": u.phone},
                u.rank, u.first_name, u.last_name, u.collar_number)
            everyone.append(person)
            group = {"oic": self.oic, "supervisor": self.supervisors,
                     "caseworker": self.caseworkers, "witness_care": self.witness_care}.get(u.role)
            if group is not None:
                group.setdefault(code, []).append(person)
            if u.role == "oic" and u.rank == "DC":
                self.detectives.setdefault(code, []).append(person)
        if not everyone:
            raise ValueError("The demo generator needs officers: run officers_ensure() first.")
        self.any_oic = [p for ps in self.oic.values() for p in ps] or everyone
        self.any_supervisor = [p for ps in self.supervisors.values() for p in ps] or everyone
        self.any_caseworker = [p for ps in self.caseworkers.values() for p in ps] or everyone

    def pick(self, rng, group: dict, key: str, fallback: list) -> _Officer:
        return rng.choice(group.get(key) or fallback)


# --------------------------------------------------------------------------------------------
# Per-case context handed to the scenarios
# --------------------------------------------------------------------------------------------

_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class _Ctx:
    def __init__(self, rng: random.Random, lpa, day: date) -> None:
        self.rng, self.lpa, self.day = rng, lpa, day
        self.mix = AREA_MIX[lpa.code]
        self.mix_keys = list(self.mix)
        self.mix_weights = [self.mix[k] for k in self.mix_keys]

    def community(self) -> str:
        return self.rng.choices(self.mix_keys, self.mix_weights)[0]

    def person(self, *, age: tuple[int, int], female: bool | None = None, relation: str = "",
               community: str | None = None) -> PersonDraft:
        rng = self.rng
        female = rng.random() < 0.5 if female is None else female
        community = community or self.community()
        forename, surname = person_name(rng, community, female)
        years = rng.randint(*age)
        dob = self.day - timedelta(days=365 * years + rng.randint(5, 360) + years // 4)
        return PersonDraft(forename, surname, female, dob, community, relation)

    def street(self) -> tuple[str, str, str]:
        return self.rng.choice(STREETS[self.lpa.code])

    def place(self, street: tuple[str, str, str]) -> str:
        return f"{street[0]}, {street[1]}"

    def house(self, street: tuple[str, str, str]) -> str:
        return f"{self.rng.randint(1, 240)} {self.rng.choice(RESIDENTIAL)}, {street[1]}"

    def postcode(self, outward: str) -> str:
        rng = self.rng
        return (f"{outward} {rng.randint(1, 9)}{rng.choice(_INWARD_LETTERS)}"
                f"{rng.choice(_INWARD_LETTERS)}")

    def road(self) -> str:
        return self.rng.choice(ROADS[self.lpa.code])

    def money(self, lo: float, hi: float) -> float:
        return round(self.rng.uniform(lo, hi), 2)

    def vrm(self) -> str:
        rng = self.rng
        letters = "ABCDEFGHJKLMNOPRSTUVWXY"
        age = rng.choice(["19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "15", "65"])
        return (f"{rng.choice('BFGHKLNOVWY')}{rng.choice(letters)}{age} "
                f"{''.join(rng.choice(letters) for _ in range(3))}")

    @staticmethod
    def d(day: date) -> str:
        return _uk(day)


# --------------------------------------------------------------------------------------------
# The per-case story
# --------------------------------------------------------------------------------------------

@dataclass
class _Suspect:
    person: PersonDraft
    account: str | None  # interview account, None when not interviewed
    gap: bool
    previous: int  # previous convictions
    ref: str = ""
    pnc_missing: bool = False  # no PNC print on the file yet (a file-quality defect)
    doc: dict = field(default_factory=dict)


TRIAGE_REASONS_COMMON = [
    ("missing_mg11s", 24), ("missing_exhibits", 16), ("suspect_previous_convictions", 10),
    ("supervisor_comments", 10), ("no_interview_summary", 8), ("hard_media", 7),
    ("witness_previous_convictions", 8), ("no_disclosure_schedule", 8),
    ("oic_contact_details", 3), ("material_not_received", 4), ("no_mg3", 2),
]

ACTION_ITEMS = {
    "any": [
        "Obtain a statement from the independent witness identified on BWV",
        "Provide clipped CCTV covering the incident (playable format)",
        "Provide the victim's and witnesses' previous convictions",
        "Provide a full summary of the suspect's interview",
        "Complete the MG6C schedule of unused material and MG6D",
        "Obtain the 999 call recording and transcript",
        "Conduct house-to-house enquiries and record the results",
        "Confirm the victim's willingness to attend court and any special measures needs",
    ],
    "domestic_abuse": [
        "Complete the DA evidence-gathering checklist",
        "Provide the incident history between the suspect and victim (bad character)",
        "Obtain a statement from the neighbour who called police",
    ],
    "gbh_abh_wounding": [
        "Obtain medical evidence of the injuries (with the victim's consent)",
        "Provide photographs of the injuries taken at hospital",
    ],
    "rasso": [
        "Complete the digital strategy and download the complainant's phone within its terms",
        "Request third-party material (school, health and social care records)",
        "Provide the ABE interview and a summary (MG15)",
    ],
    "drugs": ["Submit the seized drugs for identification and provide the SFR1"],
    "harassment_stalking": ["Provide screenshots of all messages with dates and times"],
}

PROSECUTORS = [
    "Sarah Khan", "James Whitehouse", "Priya Sharma", "David Okafor", "Helen Carter",
    "Mohammed Iqbal", "Claire Evans", "Gurpreet Sandhu", "Rebecca Lloyd", "Tom Hingley",
    "Amina Hussain", "Mark Bennett", "Nicola Grant", "Richard Dhillon",
]


class _CaseBuilder:
    def __init__(self, *, seed: int, today: date, officers, organisation: dict) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.now = datetime.combine(today, time(9, 0))
        self.lpas = sorted(organisation["lpas"].values(), key=lambda lpa: lpa.code)
        self.lpa_weights = [lpa.weight for lpa in self.lpas]
        self.staff = _Staff(officers)
        self.scenarios = [s for s, _ in SCENARIOS]
        self.scenario_weights = [w for _, w in SCENARIOS]
        self.serials: dict[tuple[str, str], int] = {}
        self.holidays = _bank_holidays()
        self.offences = offence_reference()

    # ---- small helpers ---------------------------------------------------------------------

    def at(self, day: date, lo: float = 7, hi: float = 20) -> datetime:
        """A time on `day` between `lo` and `hi` o'clock, never after now."""
        rng = self.rng
        minutes = rng.randint(int(lo * 60), int(hi * 60) - 1)
        dt = datetime.combine(day, time(minutes // 60, minutes % 60, rng.randint(0, 59)))
        if dt > self.now:
            if day == self.today:
                dt = datetime.combine(day, time(rng.randint(5, 8), rng.randint(0, 59)))
            else:
                dt = self.now - timedelta(minutes=rng.randint(10, 180))
        return dt

    def court_day(self, day: date, saturday: bool = False) -> date:
        """The first day on or after `day` that courts sit (Saturday for custody remand courts)."""
        while (day.weekday() == 6 or (day.weekday() == 5 and not saturday)
               or day in self.holidays):
            day += timedelta(days=1)
        return day

    def hearing_at(self, day: date) -> datetime:
        return datetime.combine(day, time(10, 0))

    def urn(self, lpa, received: date) -> str:
        yy = f"{received.year % 100:02d}"
        key = (lpa.letters, yy)
        serial = self.serials.get(key)
        serial = self.rng.randint(1000, 9000) if serial is None else serial + self.rng.randint(1, 4)
        self.serials[key] = serial
        # A 5-digit serial, or the 7-digit form a URN also allows for a very large run.
        return f"20{lpa.letters}{serial:05d}{yy}" if serial < 100_000 else \
            f"20{lpa.letters}{serial:07d}{yy}"

    # ---- the case --------------------------------------------------------------------------

    def build(self) -> dict:
        rng = self.rng
        lpa = rng.choices(self.lpas, self.lpa_weights)[0]
        # When the incident came to police: spread over 18 months, denser recently.
        u = rng.random()
        age = (rng.randint(0, 40) if u < 0.24 else rng.randint(41, 150) if u < 0.56
               else rng.randint(151, 540))
        day = self.today - timedelta(days=age)
        ctx = _Ctx(rng, lpa, day)
        inc: Incident = rng.choices(self.scenarios, self.scenario_weights)[0](ctx)
        return _Story(self, ctx, lpa, inc).document()


class _Story:
    """One case, told from the incident to the anchor date."""

    def __init__(self, b: _CaseBuilder, ctx: _Ctx, lpa, inc: Incident) -> None:
        self.b, self.ctx, self.rng, self.lpa, self.inc = b, ctx, b.rng, lpa, inc
        self.today, self.now, self.day = b.today, b.now, ctx.day
        self.hub = lpa.hub
        self.flags = set(inc.flags)
        self.hearings: list[dict] = []
        self.submissions: list[dict] = []
        self.decisions: list[dict] = []
        self.plans: list[dict] = []
        self.tasks: list[dict] = []
        self.stage = "pre_charge"
        self.outcome: str | None = None
        self.finalised_on: date | None = None
        self.charge_dt: datetime | None = None
        self.charging_authority: str | None = None
        self.code_test: str | None = None
        self.fh_dt: datetime | None = None
        self.ng_day: date | None = None  # not guilty plea (upgrade file trigger)
        self.sent_day: date | None = None
        self.trial_day: date | None = None
        self.sentence_day: date | None = None
        self.plea: str | None = None
        self.plea_day: date | None = None
        self.withdrawn_extra = False
        self.first_pcd: datetime | None = None
        self.remanded_at: datetime | None = None
        self.custody_end: datetime | None = None  # end of police detention
        self.remand_end: datetime | None = None
        self.kept_for_court = False
        self.bail_kind: str | None = None  # post-charge: "conditional"/"unconditional"/None
        self.pre_status = "not_arrested"
        self.pre_bail_start: date | None = None
        self.pre_bail_end: date | None = None  # when pre-charge bail ended (charge, NFA …)
        self.requisition = False

    # ---- parties ---------------------------------------------------------------------------

    def suspects(self) -> list[_Suspect]:
        rng, inc = self.rng, self.inc
        count = rng.choices([1, 2, 3], inc.suspects)[0]
        youth_case = rng.random() < inc.youth_rate
        # In domestic abuse the suspect is the victim's partner, ex-partner or relative.
        da_victim = inc.victims[0] if "domestic_abuse" in self.flags and inc.victims else None
        out = []
        for k in range(count):
            female = rng.random() < inc.female_rate
            community = (inc.suspect_community if inc.suspect_community and rng.random() < 0.8
                         else None)
            youth = youth_case and (k == 0 or rng.random() < 0.7)
            if youth:
                years = (12, 17)
            else:
                years = rng.choices([(18, 24), (25, 34), (35, 44), (45, 59), (60, 78)],
                                    [28, 34, 21, 13, 4])[0]
            if da_victim is not None and k == 0:
                age = da_victim.age_on(self.day)
                if da_victim.relation in ("mother", "father"):
                    age -= rng.randint(18, 34)
                    female = rng.random() < 0.2
                elif da_victim.relation in ("sister", "brother"):
                    age += rng.randint(-8, 8)
                    female = rng.random() < 0.3
                else:
                    age += rng.randint(-3, 9) if not da_victim.female else rng.randint(-2, 8)
                    female = not da_victim.female if rng.random() < 0.95 else da_victim.female
                age = max(18, min(80, age))
                years = (age, age)
                youth = False
            person = self.ctx.person(age=years, female=female, community=community)
            if inc.interview == "none":
                account = None
                gap = rng.random() < inc.admit_rate
            else:
                r = rng.random()
                if r < inc.admit_rate:
                    account = "full_admission"
                else:
                    account = rng.choices(
                        ["no_comment", "denial", "prepared_statement", "partial_admission"],
                        [42, 30, 14, 14])[0]
                gap = (account == "full_admission"
                       or (account == "partial_admission" and rng.random() < 0.4)
                       or (account == "no_comment" and rng.random() < 0.2))
            previous = 0 if rng.random() < (0.5 if youth else 0.38) else rng.choices(
                [rng.randint(1, 3), rng.randint(4, 12), rng.randint(13, 40)], [55, 32, 13])[0]
            out.append(_Suspect(person, account, gap, previous))
        return out

    # ---- charging --------------------------------------------------------------------------

    def decide_route(self, suspects: list[_Suspect]) -> None:
        inc, rng = self.inc, self.rng
        # Youth: a defendant under 18 on the (latest) offence date. SOA offences by or upon a
        # person under 18 are for the CPS to charge (DG6 Annex 1).
        latest = max(o.date_to or o.date_from for o in inc.offences)
        earliest = min(o.date_from for o in inc.offences)
        if any(s.person.age_on(latest) < 18 for s in suspects):
            self.flags.add("youth")
        if inc.key.startswith("sexual") and any(s.person.age_on(earliest) < 18 for s in suspects):
            self.flags.add("soa_under_18")
        if inc.key in ("common_assault", "public_order", "criminal_damage") and rng.random() < 0.02:
            self.flags.add("hate_crime")  # hostility on grounds of disability or sexuality
            self.inc.summary += " Hostility towards the victim's disability or sexuality."
        self.modes = [MODE_OF_TRIAL.get(self.b.offences[o.code][1], "either_way")
                      for o in inc.offences]
        self.gap = all(s.gap for s in suspects)
        self.anticipated_plea = "GAP" if self.gap else "NGAP"
        excluded = any(f in self.flags for f in CPS_ONLY_FLAGS)
        if excluded or "indictable_only" in self.modes:
            route = "cps"
        elif all(m == "summary" for m in self.modes):
            route = "police"
        elif "retail_theft" in self.flags and all(
                o.code == "TH68010" or m == "summary" for o, m in zip(inc.offences, self.modes, strict=True)):
            route = "police"  # DG6: any retail theft, whatever the plea
        elif self.gap and inc.mags_sentence:
            route = "police"
        else:
            route = "cps"
        self.route = route
        # Where the case will be tried or sentenced.
        self.committal = False
        if "indictable_only" in self.modes:
            self.venue = "crown"
        elif all(m == "summary" for m in self.modes):
            self.venue = "magistrates"
        elif not self.gap and rng.random() < inc.crown_rate:
            self.venue = "crown"
        elif self.gap and not inc.mags_sentence and rng.random() < 0.6:
            self.venue, self.committal = "crown", True
        else:
            self.venue = "magistrates"

    # ---- timeline --------------------------------------------------------------------------

    def arrest(self) -> None:
        rng, inc = self.rng, self.inc
        self.arrested = rng.random() < inc.arrest_rate
        hour = rng.choices([(0, 6), (6, 12), (12, 18), (18, 24)], [18, 22, 30, 30])[0]
        arrest = datetime.combine(self.day, time()) + timedelta(
            minutes=rng.randint(hour[0] * 60, hour[1] * 60 - 1))
        if arrest > self.now - timedelta(hours=3):
            arrest = self.now - timedelta(minutes=rng.randint(180, 540))
        self.arrest_dt = arrest if self.arrested else None
        self.custody_flow = self.arrested and rng.random() < inc.custody_rate
        # A voluntary interview some days after the incident, for suspects not arrested.
        self.va_day = min(self.today, self.day + timedelta(days=rng.randint(0, 10)))
        self.incident_dt = arrest if self.arrested else datetime.combine(self.day, time(0, 1))
        if self.arrested:
            self.pace_rt = arrest + timedelta(minutes=rng.randint(15, 80))
            # Released the same night unless kept for a charge decision.
            self.release_dt = self.clamp(self.pace_rt + timedelta(hours=rng.uniform(3, 14)),
                                         self.pace_rt + timedelta(minutes=30))
        if not self.arrested:
            self.pre_status = "not_arrested"
        else:
            on_bail = any(f in self.flags for f in ("domestic_abuse", "rasso",
                                                    "harassment_stalking"))
            self.pre_status = ("pre_charge_bail" if rng.random() < (0.7 if on_bail else 0.3)
                               else "released_under_investigation")

    def clamp(self, dt: datetime, earliest: datetime) -> datetime:
        """Events that would fall after now happen, in the demo, between `earliest` and now."""
        if dt <= self.now:
            return dt
        if earliest >= self.now:
            return self.now - timedelta(minutes=self.rng.randint(5, 60))
        span = (self.now - earliest).total_seconds()
        return earliest + timedelta(seconds=self.rng.uniform(0.3, 0.95) * span)

    def office(self, day: date) -> datetime:
        """A time in office hours (08:00–18:00) on `day`."""
        return datetime.combine(day, time(self.rng.randint(8, 17), self.rng.randint(0, 59),
                                          self.rng.randint(0, 59)))

    def soon(self, dt: datetime, lo: int, hi: int) -> datetime:
        """`lo`–`hi` minutes after `dt`, but not after now."""
        later = dt + timedelta(minutes=self.rng.randint(lo, hi))
        return later if later <= self.now else dt + (self.now - dt) * 0.9

    def police_charge(self) -> None:
        rng, inc = self.rng, self.inc
        if self.custody_flow:
            self.charge_dt = self.clamp(self.pace_rt + timedelta(hours=rng.uniform(2.5, 14)),
                                        self.pace_rt)
            self.kept_for_court = rng.random() < inc.remand_rate * 1.3
            self.custody_end = None if self.kept_for_court else self.soon(self.charge_dt, 20, 90)
        else:
            if self.arrested:
                self.custody_end = self.release_dt
                self.pre_bail_start = self.release_dt.date()
            start = self.release_dt if self.arrested else datetime.combine(
                self.va_day, time(10))
            lag = timedelta(days=rng.randint(*inc.investigation_days))
            self.charge_dt = self.clamp(start + lag + timedelta(hours=rng.uniform(0, 6)),
                                        start + timedelta(hours=1))
            # Suspects on bail answer it and are charged; others get a postal requisition.
            self.requisition = self.pre_status != "pre_charge_bail"
            self.pre_bail_end = self.charge_dt.date()
        self.charging_authority, self.code_test = "police", "full_code"
        self.received = self.charge_dt

    def pcd(self, suspects: list[_Suspect]) -> None:
        """Pre-charge decision requests to the CPS, triage, decisions and action plans."""
        rng, inc = self.rng, self.inc
        if self.custody_flow:
            category = "red"
            first = self.pace_rt + timedelta(hours=rng.uniform(3, 12))
        else:
            if self.arrested:
                self.custody_end = self.release_dt
                if self.pre_status == "pre_charge_bail":
                    self.pre_bail_start = self.release_dt.date()
            base = self.release_dt if self.arrested else datetime.combine(self.va_day, time(11))
            if rng.random() < inc.early_advice_rate:
                category = "early_advice"
                first = self.office(base.date() + timedelta(days=rng.randint(3, 30)))
            else:
                vulnerable = any(f in self.flags for f in ("domestic_abuse", "rasso", "youth",
                                                           "hate_crime"))
                category = "green_priority" if rng.random() < (0.6 if vulnerable else 0.2) \
                    else "green"
                first = self.office(base.date() + timedelta(days=rng.randint(
                    *inc.investigation_days)))
        start = self.pace_rt if self.arrested else datetime.combine(self.va_day, time(11))
        first = self.clamp(first, start + timedelta(hours=1))
        self.first_pcd = self.received = first
        self.category = category
        self.charging_category = category
        cur, n, fi_count, in_custody = first, 0, 0, category == "red"
        resubmit_note = ""
        oic = self.oic.doc
        while n < 6:
            n += 1
            file_type = {"red": "PC-EXP", "early_advice": "PC-EA"}.get(category, "PC-STD")
            due = {"red": timedelta(hours=3), "green_priority": timedelta(days=5)}.get(
                category, timedelta(days=28))
            sub = {
                "ref": f"S{len(self.submissions) + 1}", "file_type": file_type,
                "charging_category": category, "submitted_at": _z(cur), "due_at": _z(cur + due),
                "submitted_by": dict(oic), "supervisor_certified": rng.random() > 0.08,
                "outcome": "pending", "reasons": [], "respond_by": None,
                "notes": resubmit_note,
            }
            self.submissions.append(sub)
            triage = cur + (timedelta(minutes=rng.randint(15, 80)) if category == "red"
                            else timedelta(days=rng.uniform(0.3, 4)))
            if triage > self.now:
                self.pending = ("triage", sub)
                return
            r = rng.random()
            da_missing = "domestic_abuse" in self.flags and self.da_checklist_missing
            if category == "red" and r < 0.07:
                sub["outcome"] = "red_rejected"
                sub["reasons"] = [rng.choice(["check_custody_status", "insufficient_information"])]
                sub["respond_by"] = _d(triage.date())
                sub["notes"] = "Priority rejection: suspect released on pre-charge bail."
                self.custody_end = self.soon(triage, 30, 120)
                self.pre_status = "pre_charge_bail"
                self.pre_bail_start = self.custody_end.date()
                in_custody = False
                category = "green_priority"
                nxt = self.office(triage.date() + timedelta(days=rng.randint(5, 35)))
                resubmit_note = "Resubmitted as a bail case after priority rejection."
            elif r < (0.45 if da_missing else 0.22) and n < 4:
                sub["outcome"] = "non_compliant"
                reasons = []
                if da_missing:
                    reasons.append("no_dv_checklist")
                keys = [k for k, _ in TRIAGE_REASONS_COMMON]
                weights = [w for _, w in TRIAGE_REASONS_COMMON]
                if not sub["supervisor_certified"]:
                    reasons.append("supervisor_comments")
                while len(reasons) < rng.choice([1, 1, 2, 3]):
                    reason = rng.choices(keys, weights)[0]
                    if reason not in reasons:
                        reasons.append(reason)
                if "rasso" in self.flags and rng.random() < 0.3 and \
                        "third_party_material" not in reasons:
                    reasons.append("third_party_material")
                sub["reasons"] = reasons
                window = 1 if category == "red" else rng.randint(5, 14)
                respond_by = triage.date() + timedelta(days=window)
                sub["respond_by"] = _d(respond_by)
                resubmit_note = "Resubmitted after NFS non-compliant triage."
                if category == "red":
                    nxt = triage + timedelta(hours=rng.uniform(1, 5))
                else:
                    late = rng.random() < 0.25
                    nxt = datetime.combine(
                        triage.date() + timedelta(days=rng.randint(1, window) + (
                            rng.randint(1, 10) if late else 0)), time(rng.randint(8, 17)))
            else:
                sub["outcome"] = "compliant"
                lag = {"red": timedelta(hours=rng.uniform(0.5, 2.5)),
                       "green_priority": timedelta(days=rng.uniform(0.5, 10)),
                       "early_advice": timedelta(days=rng.uniform(5, 35))}.get(
                    category, timedelta(days=rng.uniform(4, 56)))
                decided = triage + lag
                if decided > self.now:
                    self.pending = ("decision", sub)
                    return
                kind = self.decision_kind(category, fi_count)
                dec = self.decision(sub, decided, kind, category)
                if kind == "early_advice":
                    category = "green_priority" if rng.random() < 0.5 else "green"
                    nxt = self.office(decided.date() + timedelta(days=rng.randint(14, 75)))
                    resubmit_note = "Full file after early advice."
                elif kind == "further_information":
                    fi_count += 1
                    done_at = self.action_plan(dec, decided, days=(14, 35))
                    if in_custody:
                        # No charge within the PACE clock: released on bail meanwhile.
                        self.custody_end = self.soon(decided, 20, 90)
                        self.pre_status = "pre_charge_bail"
                        self.pre_bail_start = self.custody_end.date()
                        in_custody = False
                    category = "green_priority" if category == "red" else category
                    if done_at is None:
                        self.pending = ("action_plan", sub)
                        return
                    nxt = self.office(done_at.date() + timedelta(days=rng.randint(1, 4)))
                    resubmit_note = "MG3A further report: action plan completed."
                elif kind in ("no_further_action", "out_of_court_disposal"):
                    if in_custody:
                        self.custody_end = self.soon(decided, 20, 90)
                    self.pre_bail_end = decided.date()
                    when = decided.date() if kind == "no_further_action" else \
                        decided.date() + timedelta(days=rng.randint(1, 14))
                    if when > self.today:
                        self.pending = ("oocd", sub)
                        return
                    self.stage, self.finalised_on, self.outcome = "finalised", when, kind
                    return
                else:  # charge
                    if in_custody:
                        charge = self.soon(decided, 30, 150)
                        self.kept_for_court = rng.random() < min(0.95, inc.remand_rate * 1.6)
                        self.custody_end = None if self.kept_for_court else self.soon(
                            charge, 20, 90)
                    else:
                        # Answers bail and is charged, or is sent a postal requisition.
                        self.requisition = self.pre_status != "pre_charge_bail"
                        charge = decided + timedelta(days=rng.randint(1, 21),
                                                     hours=rng.uniform(0, 5))
                        if charge > self.now:
                            self.pending = ("charge", sub)
                            return
                        self.pre_bail_end = charge.date()
                    self.charge_dt = charge
                    self.charging_authority, self.code_test = "cps", dec["code_test"]
                    return
            if nxt > self.now:
                self.pending = ("response", sub)
                return
            cur = nxt
            if not in_custody and category == "red":
                category = "green_priority"
        self.pending = ("response", self.submissions[-1])

    def decision_kind(self, category: str, fi_count: int) -> str:
        rng = self.rng
        if category == "early_advice":
            return "early_advice"
        if category == "red":
            weights = {"charge": 82, "further_information": 9, "no_further_action": 9}
        else:
            oocd_ok = not any(f in self.flags for f in ("domestic_abuse", "rasso", "hate_crime")) \
                and "indictable_only" not in self.modes
            weights = {"charge": 62, "further_information": 22 if fi_count < 2 else 2,
                       "no_further_action": 11, "out_of_court_disposal": 5 if oocd_ok else 0}
        keys = list(weights)
        return rng.choices(keys, [weights[k] for k in keys])[0]

    def decision(self, sub: dict, decided: datetime, kind: str, category: str) -> dict:
        rng = self.rng
        offence_refs = self.offence_refs
        threshold = kind == "charge" and category == "red" and rng.random() < 0.3
        unit = "CPS Direct" if category == "red" or decided.hour >= 18 else "CPS West Midlands"
        rationale = {
            "charge": ("Threshold Test applied: further evidence (forensic results) expected; "
                       "substantial grounds to object to bail." if threshold else
                       "Full Code Test met: the evidence gives a realistic prospect of "
                       "conviction and a prosecution is required in the public interest."),
            "further_information": "Further information is needed before a decision can be "
                                   "made: see the action plan.",
            "no_further_action": rng.choice([
                "Evidential stage not met: identification evidence is weak and the victim no "
                "longer supports a prosecution.",
                "Evidential stage not met: no independent evidence and conflicting accounts.",
                "Public interest stage not met: minor offence, suspect of previous good "
                "character, victim content with no further action.",
            ]),
            "out_of_court_disposal": "Public interest met by a conditional caution: admission "
                                     "made, low-level offence, victim consulted.",
            "early_advice": "Early advice given on reasonable lines of enquiry, the digital "
                            "strategy and third-party material before a full file is submitted.",
        }[kind]
        dec = {
            "ref": f"C{len(self.decisions) + 1}", "submission": sub["ref"],
            "decided_at": _z(decided), "kind": kind,
            "code_test": ("threshold" if threshold else "full_code") if kind in (
                "charge", "no_further_action", "out_of_court_disposal") else None,
            "prosecutor": f"{rng.choice(PROSECUTORS)} ({unit})", "rationale": rationale,
            "charges": list(offence_refs) if kind == "charge" else [],
        }
        self.decisions.append(dec)
        return dec

    def action_plan(self, dec: dict | None, created: datetime, *, source: str = "cps_pre_charge",
                    items: list[str] | None = None, owner=None, days=(14, 28),
                    respond_by: date | None = None):
        """An action plan; returns when its last item was done, or None if any is still open."""
        rng = self.rng
        ref = f"AP{len(self.plans) + 1}"
        respond_by = respond_by or created.date() + timedelta(days=rng.randint(*days))
        if items is None:
            pool = list(ACTION_ITEMS["any"])
            for flag in ("domestic_abuse", "gbh_abh_wounding", "rasso", "harassment_stalking"):
                if flag in self.flags:
                    pool += ACTION_ITEMS[flag]
            if self.inc.key.startswith("drugs"):
                pool += ACTION_ITEMS["drugs"]
            items = rng.sample(pool, min(len(pool), rng.choice([1, 2, 2, 3, 4])))
        out, last_done, all_done = [], created, True
        owner = owner or self.oic
        for k, text in enumerate(items, 1):
            due = max(created.date(), respond_by - timedelta(days=rng.choice([0, 0, 0, 3, 7])))
            done_day = created.date() + timedelta(
                days=rng.randint(1, max(1, int((respond_by - created.date()).days * 1.5))))
            done = done_day < self.today or (done_day == self.today and rng.random() < 0.3)
            completed = self.b.at(done_day, 8, 18) if done else None
            if done:
                last_done = max(last_done, completed)
            else:
                all_done = False
            overdue = not done and due < self.today
            out.append({
                "ref": f"{ref}-{k}", "text": text, "owner": dict(owner.doc),
                "due_date": _d(due), "status": "done" if done else "open",
                "completed_at": _z(completed),
                "evidence": rng.choice(["Uploaded to the case file.", "MG11 obtained and attached.",
                                        "Sent to CPS by email.", "Added to MG6 and resubmitted."])
                if done else "",
                "escalated": overdue and (self.today - due).days > 5 and rng.random() < 0.6,
            })
        self.plans.append({"ref": ref, "decision": dec["ref"] if dec else None, "source": source,
                           "created_on": _d(created.date()), "respond_by": _d(respond_by),
                           "items": out})
        return last_done if all_done else None

    # ---- after charge ----------------------------------------------------------------------

    def hearing(self, court: str, kind: str, day: date, outcome: str | None = None,
                notes: str = "") -> dict:
        dt = self.b.hearing_at(day)
        held = dt <= self.now
        h = {"ref": f"H{len(self.hearings) + 1}", "court_code": court, "type": kind,
             "starts_at": _z(dt), "outcome": outcome if held else None,
             "notes": notes if held or not outcome else ""}
        self.hearings.append(h)
        return h

    def post_charge(self, suspects: list[_Suspect]) -> None:
        rng, b = self.rng, self.b
        charge = self.charge_dt
        self.stage = "charged"
        youth = "youth" in self.flags
        mags = self.lpa.youth if youth else rng.choice(self.lpa.magistrates)
        crown = rng.choice(self.lpa.crown)
        if self.kept_for_court:
            fh = b.court_day(charge.date() + timedelta(days=1), saturday=True)
        elif self.requisition:
            fh = b.court_day(charge.date() + timedelta(days=rng.randint(28, 42)))
        else:
            days = 14 if self.gap and self.venue == "magistrates" else 28
            if self.venue == "crown" and not self.committal:
                days = rng.choice([14, 21, 28])
            fh = b.court_day(charge.date() + timedelta(days=days))
            self.bail_kind = "conditional" if rng.random() < (
                0.7 if any(f in self.flags for f in ("domestic_abuse", "harassment_stalking",
                                                     "rasso")) else 0.3) else "unconditional"
        self.fh_dt = b.hearing_at(fh)
        # The post-charge file to the CPS.
        file_type = "FH-CC" if self.venue == "crown" and not self.committal else (
            "FH-GAP" if self.gap else "FH-NGAP")
        if self.kept_for_court:
            submitted = charge + timedelta(hours=rng.uniform(1, 4))
            due = charge + timedelta(hours=6)
        else:
            submitted = charge + (timedelta(hours=rng.uniform(2, 48)) if rng.random() < 0.85
                                  else timedelta(days=rng.uniform(3, 9)))
            due = charge + timedelta(hours=48)
        if submitted <= self.now:
            sub = {"ref": f"S{len(self.submissions) + 1}", "file_type": file_type,
                   "charging_category": None, "submitted_at": _z(submitted), "due_at": _z(due),
                   "submitted_by": dict(self.caseworker.doc),
                   "supervisor_certified": rng.random() > 0.1, "outcome": "pending",
                   "reasons": [], "respond_by": None, "notes": ""}
            self.submissions.append(sub)
            reviewed = submitted + timedelta(hours=rng.uniform(2, 72))
            if reviewed >= self.fh_dt - timedelta(minutes=30):
                reviewed = max(submitted + timedelta(minutes=10),
                               self.fh_dt - timedelta(hours=rng.uniform(1, 3)))
            if reviewed <= self.now:
                if rng.random() < 0.16:
                    sub["outcome"] = "non_compliant"
                    keys = [k for k, _ in TRIAGE_REASONS_COMMON]
                    weights = [w for _, w in TRIAGE_REASONS_COMMON]
                    reasons = []
                    if "domestic_abuse" in self.flags and self.da_checklist_missing:
                        reasons.append("no_dv_checklist")
                    while len(reasons) < rng.choice([1, 1, 2]):
                        reason = rng.choices(keys, weights)[0]
                        if reason not in reasons:
                            reasons.append(reason)
                    sub["reasons"] = reasons
                    respond_by = min(reviewed.date() + timedelta(days=rng.randint(2, 5)), fh)
                    sub["respond_by"] = _d(respond_by)
                    self.action_plan(None, reviewed, source="cps_dga", respond_by=respond_by,
                                     items=[
                        {"missing_mg11s": "Provide the outstanding key MG11 statements",
                         "missing_exhibits": "Provide the key exhibits referred to in the MG5",
                         "suspect_previous_convictions": "Attach the suspect's PNC print",
                         "supervisor_comments": "Supervisor to review and certify the MG5",
                         "no_interview_summary": "Add the interview summary to the MG5",
                         "hard_media": "Upload the CCTV/BWV clips in a playable format",
                         "witness_previous_convictions": "Provide witnesses' previous "
                                                         "convictions",
                         "no_disclosure_schedule": "Complete and sign the MG6C",
                         "oic_contact_details": "Complete the OIC's contact details",
                         "material_not_received": "Resend the file: material was not received",
                         "no_mg3": "Attach the charging decision (MG3)",
                         "no_dv_checklist": "Complete the DA evidence-gathering checklist",
                         }[r] for r in reasons])
                else:
                    sub["outcome"] = "compliant"
        if self.fh_dt > self.now:
            self.hearing(mags, "first", fh)
            return
        self.court(suspects, mags, crown, fh)

    def court(self, suspects, mags: str, crown: str, fh: date) -> None:
        rng, b = self.rng, self.b
        remand_rate = self.inc.remand_rate
        remanded = (self.kept_for_court and rng.random() < 0.75) or (
            not self.kept_for_court and rng.random() < remand_rate * 0.2)
        if not remanded:
            self.bail_kind = self.bail_kind or ("conditional" if rng.random() < 0.5
                                                else "unconditional")
        if remanded:
            self.remanded_at = self.b.hearing_at(fh) + timedelta(hours=rng.uniform(1, 5))
        crown_case = self.venue == "crown" and not self.committal
        if crown_case:
            note = ("Sent to the Crown Court under s.51 Crime and Disorder Act 1998."
                    if "indictable_only" in self.modes else
                    rng.choice(["Magistrates declined jurisdiction; sent to the Crown Court.",
                                "Defendant elected Crown Court trial; sent."]))
            if remanded:
                note += " Remanded in custody."
            self.hearing(mags, "first", fh, "sent_to_crown", note)
            self.stage, self.sent_day = "sent_to_crown", fh
            ptph = b.court_day(fh + timedelta(days=28))
            if b.hearing_at(ptph) > self.now:
                self.hearing(crown, "ptph", ptph)
                return
            guilty = rng.random() < (0.8 if self.gap else 0.33)
            if guilty:
                self.plea, self.plea_day = "guilty", ptph
                self.hearing(crown, "ptph", ptph, "guilty_plea",
                             "Guilty plea; adjourned for a pre-sentence report.")
                self.sentence(crown, ptph + timedelta(days=rng.randint(28, 49)), remanded)
                return
            self.plea, self.plea_day, self.ng_day = "not_guilty", ptph, ptph
            if remanded:
                trial = fh + timedelta(days=rng.randint(110, 176))
                if rng.random() < 0.15:
                    ext = b.court_day(fh + timedelta(days=rng.randint(150, 170)))
                    trial = fh + timedelta(days=rng.randint(200, 260))
                    self.hearing(crown, "ctl_extension", ext, "adjourned",
                                 "Custody time limit extended (s.22(3) POA 1985); trial date "
                                 "kept.")
            else:
                trial = ptph + timedelta(days=rng.randint(180, 400))
            self.hearing(crown, "ptph", ptph, "not_guilty_plea",
                         "Not guilty plea; trial fixed and stage dates set (BCM).")
            if rng.random() < 0.3:
                mention = b.court_day(ptph + timedelta(days=rng.randint(40, 90)))
                if mention < trial:
                    self.hearing(crown, "mention", mention, "adjourned",
                                 "Further case management hearing.")
            self.trial(crown, b.court_day(trial), remanded)
            return
        # Magistrates' court.
        if self.gap or rng.random() < 0.12:
            self.plea, self.plea_day = "guilty", fh
            if self.committal:
                self.hearing(mags, "first", fh, "committed_for_sentence",
                             "Guilty plea; committed to the Crown Court for sentence.")
                self.stage = "awaiting_sentence"
                self.sentence(crown, fh + timedelta(days=rng.randint(28, 42)), remanded)
                return
            if rng.random() < 0.55 and not remanded:
                self.hearing(mags, "first", fh, "sentenced", "Guilty plea; sentenced.")
                self.finish("convicted", fh)
                self.withdrawn_extra = rng.random() < 0.12
                return
            self.hearing(mags, "first", fh, "guilty_plea",
                         "Guilty plea; adjourned for a pre-sentence report.")
            self.stage = "awaiting_sentence"
            self.sentence(mags, fh + timedelta(days=rng.randint(21, 35)), remanded)
            return
        self.plea, self.plea_day, self.ng_day = "not_guilty", fh, fh
        note = "Not guilty plea; trial listed (PET form completed)."
        if remanded:
            note += " Remanded in custody."
        self.hearing(mags, "first", fh, "not_guilty_plea", note)
        self.stage = "awaiting_trial"
        if remanded:
            trial = fh + timedelta(days=rng.randint(30, 52))
        else:
            trial = fh + timedelta(days=rng.randint(70, 170))
        trial = b.court_day(trial)
        if rng.random() < 0.06:
            mention = b.court_day(fh + timedelta(days=rng.randint(14, 40)))
            if mention < trial and b.hearing_at(mention) <= self.now:
                self.hearing(mags, "mention", mention, "discontinued",
                             "CPS discontinued: the victim withdrew support (s.23 POA 1985).")
                self.finish("discontinued", mention, remanded)
                return
        self.trial(mags, trial, remanded)

    def trial(self, court: str, day: date, remanded: bool, attempt: int = 1) -> None:
        rng, b = self.rng, self.b
        self.trial_day = day
        if b.hearing_at(day) > self.now:
            self.hearing(court, "trial", day)
            return
        r = rng.random()
        crown = court.startswith("C")
        if r < 0.40:
            if not crown and not remanded and rng.random() < 0.5:
                self.hearing(court, "trial", day, "sentenced", "Convicted after trial; sentenced.")
                self.finish("convicted", day)
                return
            self.hearing(court, "trial", day, "convicted",
                         "Convicted after trial; adjourned for sentence.")
            self.stage = "awaiting_sentence"
            self.sentence(court, day + timedelta(days=rng.randint(21, 42)), remanded)
        elif r < 0.62:
            self.hearing(court, "trial", day, "acquitted", "Found not guilty.")
            self.finish("acquitted", day, remanded)
        elif r < 0.78:
            self.plea, self.plea_day = "guilty", day
            self.hearing(court, "trial", day, "cracked",
                         "Guilty plea on the day of trial (cracked trial).")
            self.stage = "awaiting_sentence"
            self.sentence(court, day + timedelta(days=rng.randint(14, 35)), remanded)
        elif r < 0.88 or attempt > 1:
            self.hearing(court, "trial", day, "discontinued",
                         rng.choice(["Prosecution offered no evidence: key witness did not "
                                     "attend.", "Discontinued: CCTV not available in a playable "
                                     "format.", "Prosecution offered no evidence."]))
            self.finish("discontinued", day, remanded)
        else:
            self.hearing(court, "trial", day, "ineffective",
                         rng.choice(["Ineffective: prosecution witness absent.",
                                     "Ineffective: defence not ready.",
                                     "Ineffective: insufficient court time."]))
            self.trial(court, b.court_day(day + timedelta(days=rng.randint(42, 100))), remanded,
                       attempt + 1)

    def sentence(self, court: str, day: date, remanded: bool) -> None:
        day = self.b.court_day(day)
        self.stage = "awaiting_sentence"
        self.sentence_day = day
        if self.b.hearing_at(day) > self.now:
            self.hearing(court, "sentence", day)
            return
        self.hearing(court, "sentence", day, "sentenced", self.rng.choice([
            "Community order with unpaid work.", "Fine, costs and victim surcharge.",
            "Suspended sentence order.", "Immediate custody.", "Conditional discharge.",
            "Community order with a rehabilitation activity requirement.",
            "Referral order." if "youth" in self.flags else "Driving disqualification and fine.",
        ]))
        self.finish("convicted", day, remanded)

    def finish(self, outcome: str, day: date, remanded: bool = False) -> None:
        self.stage, self.outcome, self.finalised_on = "finalised", outcome, day
        if remanded and self.remanded_at:
            self.remand_end = self.b.hearing_at(day) + timedelta(hours=self.rng.uniform(2, 6))

    # ---- the document ----------------------------------------------------------------------

    def document(self) -> dict:
        rng, b, inc, lpa = self.rng, self.b, self.inc, self.lpa
        self.oic = (b.staff.pick(rng, b.staff.detectives, lpa.code, b.staff.any_oic)
                    if inc.key in ("gbh", "robbery", "burglary", "coercive_control", "fraud",
                                   "drugs_supply", "death_by_driving")
                    or inc.key.startswith("sexual") else
                    b.staff.pick(rng, b.staff.oic, lpa.code, b.staff.any_oic))
        self.supervisor = b.staff.pick(rng, b.staff.supervisors, lpa.code, b.staff.any_supervisor)
        self.caseworker = b.staff.pick(rng, b.staff.caseworkers, self.hub, b.staff.any_caseworker)
        self.wco = b.staff.pick(rng, b.staff.witness_care, self.hub, [self.caseworker])
        suspects = self.suspects()
        self.decide_route(suspects)
        self.da_checklist_missing = "domestic_abuse" in self.flags and rng.random() < 0.15
        self.offence_refs = [f"D{k}-{j}" for k in range(1, len(suspects) + 1)
                             for j in range(1, len(inc.offences) + 1)]
        self.pending = None
        self.arrest()
        if self.route == "police":
            self.police_charge()
        else:
            self.pcd(suspects)
        if self.charge_dt is not None and self.stage == "pre_charge":
            self.post_charge(suspects)
        received = self.received
        yy_day = received.date()
        urn = b.urn(lpa, yy_day)
        witnesses = self.witnesses()
        defendants = [self.defendant(s, k) for k, s in enumerate(suspects, 1)]
        materials = self.materials(suspects, witnesses)
        self.make_tasks(materials, witnesses)
        restricted = rng.random() < 0.01
        case = {
            "urn": urn, "force_code": "20", "hub": self.hub, "lpa": lpa.code,
            "crime_reference": f"20/{rng.randint(100000, 999999)}/{yy_day.year % 100:02d}",
            "cps_unit_code": "",
            "summary": inc.summary,
            "restricted": restricted,
            "restriction_reason": rng.choice([
                "Suspect is a serving West Midlands Police officer.",
                "Suspect is a member of West Midlands Police staff.",
                "High-profile suspect (elected councillor).",
                "Victim is a West Midlands Police employee.",
            ]) if restricted else "",
            "flags": [f for f in FLAG_ORDER if f in self.flags],
            "charging_route": self.route,
            "charging_category": getattr(self, "charging_category", None),
            "anticipated_plea": self.anticipated_plea,
            "venue": self.venue,
            "stage": self.stage,
            "outcome": self.outcome,
            "finalised_on": _d(self.finalised_on),
            "received_at": _z(received),
            "oic": dict(self.oic.doc), "supervisor": dict(self.supervisor.doc),
            "caseworker": dict(self.caseworker.doc),
            "named_users": [],
        }
        doc = {
            "format": FORMAT, "version": VERSION, "case": case,
            "defendants": defendants, "witnesses": witnesses, "materials": materials,
            "hearings": self.hearings, "submissions": self.submissions,
            "decisions": self.decisions, "action_plans": self.plans, "tasks": self.tasks,
            "finding_overrides": [],
            "contacts": [],
            "file_returns": [],
        }
        _add_quality_facts(doc, rng)
        # Last, and from a stream of its own (seeded by the run's seed and the URN): drawing from
        # `rng` here would shift every later case, so every other part of every case stays as it
        # was before the contact log, returns and set-aside findings were added.
        _add_casework_history(doc, random.Random(f"casework-history/{b.seed}/{urn}"),
                              now=self.now, today=self.today, charge_dt=self.charge_dt,
                              caseworker=self.caseworker.doc, wco=self.wco.doc, oic=self.oic.doc)
        return doc

    # ---- defendants ------------------------------------------------------------------------

    def defendant(self, s: _Suspect, k: int) -> dict:
        rng, b, inc = self.rng, self.b, self.inc
        p = s.person
        ref = f"D{k}"
        s.ref = ref
        pool = COMMUNITIES[p.community]
        ethnicity = "NS" if rng.random() < 0.07 else rng.choice(pool["ethnicity"])
        interpreter = _interpreter_language(p.community, rng)
        arrested = self.arrested
        suite = rng.choice(self.lpa.custody)
        stamp = self.arrest_dt if arrested else self.charge_dt
        asn = ""
        if stamp is not None:
            body = (f"{stamp.year % 100:02d}20{suite}01"
                    f"{rng.randint(100000, 999999):011d}")
            asn = body + asn_check_character(body)
        pnc_id = cro = ""
        # The PNC record starts with the first arrest; a long record goes back further.
        earliest = min(p.date_of_birth.year + 12, self.day.year)
        first_year = max(earliest, self.day.year - rng.randint(0, 2 + s.previous)) \
            if s.previous else self.day.year
        if arrested or s.previous:
            serial = rng.randint(10000, 9999999)
            pnc_id = (f"{first_year}/{serial:07d}"
                      f"{CHECK_ALPHABET[int(f'{first_year % 100:02d}{serial:07d}') % 23]}")
            if s.previous:
                cro_serial = rng.randint(1000, 999999)
                yy = f"{first_year % 100:02d}"
                cro = f"{cro_serial:06d}/{yy}{CHECK_ALPHABET[int(yy + f'{cro_serial:06d}') % 23]}"
        s.pnc_missing = rng.random() < 0.1 and self.stage != "finalised"
        checked = None if s.pnc_missing else (stamp or self.received).date()
        if s.pnc_missing:
            summary = ""
        elif s.previous:
            kinds = rng.sample(["theft (shoplifting)", "common assault", "possession of cannabis",
                                "criminal damage", "public order (s.5)", "drink driving",
                                "burglary", "possession of a bladed article", "fraud",
                                "breach of a community order", "failing to surrender"],
                               min(3, s.previous))
            listed = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
            offences = s.previous + rng.randint(0, s.previous)
            last = rng.randint(first_year, self.day.year)
            years = str(first_year) if last == first_year else f"{first_year}–{last}"
            summary = (f"{s.previous} conviction{'s' if s.previous > 1 else ''} for {offences} "
                       f"offence{'s' if offences > 1 else ''} ({years}): {listed}.")
        else:
            summary = "No previous convictions or cautions recorded on PNC."
        interviews = []
        if inc.interview == "none" or s.account is None:
            if arrested or self.charge_dt:
                interviews.append({"date": _d(self.day), "type": "not_interviewed",
                                   "account": None, "summary": "Not interviewed: procedure "
                                   "recorded on the MGDD forms."})
        else:
            iday = self.day if arrested else self.va_day
            itype = inc.interview if inc.interview == "SDN" and s.gap else "ROTI"
            interviews.append({
                "date": _d(iday), "type": itype, "account": s.account,
                "summary": {
                    "full_admission": "Full and frank admission to the offence.",
                    "partial_admission": "Admitted being present but denied the offence.",
                    "denial": "Denied the offence; claimed self-defence / mistaken identity.",
                    "no_comment": "No comment to all questions on legal advice.",
                    "prepared_statement": "Prepared statement read by the solicitor; no "
                                          "comment thereafter.",
                }[s.account]})
        custody, bail = self.custody_and_bail(p)
        status = self.status()
        offences = []
        for j, o in enumerate(inc.offences, 1):
            title, category = b.offences[o.code]
            extra_withdrawn = self.withdrawn_extra and j > 1
            offences.append({
                "ref": f"{ref}-{j}", "code": o.code, "title": title,
                "mode_of_trial": MODE_OF_TRIAL.get(category),
                "wording": o.wording, "date_code": o.date_code,
                "date_from": _d(o.date_from), "date_to": _d(o.date_to), "location": o.location,
                "status": self.offence_status(extra_withdrawn),
                "charge_date": _d(self.charge_dt.date()) if self.charge_dt else None,
                "charging_authority": self.charging_authority if self.charge_dt else None,
                "code_test": self.code_test if self.charge_dt else None,
                "plea": None if extra_withdrawn else self.plea,
                "plea_date": None if extra_withdrawn else _d(self.plea_day),
            })
        s.doc = {
            "ref": ref, "forenames": p.forenames, "surname": p.surname,
            "date_of_birth": _d(p.date_of_birth), "gender": "female" if p.female else "male",
            "ethnicity_code": ethnicity, "interpreter_language": interpreter, "asn": asn,
            "pnc_id": pnc_id, "cro": cro,
            "custody_record_number": (f"{suite}/{rng.randint(1, 99999):05d}/"
                                      f"{self.arrest_dt.year % 100:02d}") if arrested else "",
            "status": status,
            "arrested_at": _z(self.arrest_dt) if arrested else None,
            "pace_relevant_time": _z(self.pace_rt) if arrested else None,
            "previous_convictions_checked_on": _d(checked),
            "previous_convictions_summary": summary,
            "interviews": interviews, "custody_episodes": custody, "bail_periods": bail,
            "offences": offences,
        }
        return s.doc

    def offence_status(self, extra_withdrawn: bool) -> str:
        if self.charge_dt is None:
            if self.outcome == "no_further_action":
                return "no_further_action"
            if self.outcome == "out_of_court_disposal":
                return "concluded"
            return "proposed"
        if extra_withdrawn:
            return "withdrawn"
        if self.stage != "finalised":
            return "charged"
        return "withdrawn" if self.outcome in ("discontinued", "withdrawn") else "concluded"

    def status(self) -> str:
        if self.stage == "finalised":
            return "not_applicable"
        if self.charge_dt is None:
            if self.arrested and self.custody_end is None and self.category == "red":
                return "police_custody"
            return self.pre_status
        if self.stage == "charged":
            if self.kept_for_court:
                return "police_custody"
            if self.requisition:
                return "not_arrested"
            return f"{self.bail_kind}_bail"
        if self.remanded_at is not None:
            return "remanded_in_custody"
        return f"{self.bail_kind or 'unconditional'}_bail"

    def custody_and_bail(self, p: PersonDraft) -> tuple[list[dict], list[dict]]:
        custody, bail = [], []
        if self.arrested:
            end = self.custody_end
            if end is None and self.kept_for_court and self.fh_dt is not None \
                    and self.fh_dt <= self.now:
                end = self.fh_dt
            custody.append({"kind": "police_detention", "started_at": _z(self.arrest_dt),
                            "ended_at": _z(end), "court_code": None})
        if self.remanded_at is not None:
            custody.append({"kind": "remand", "started_at": _z(self.remanded_at),
                            "ended_at": _z(self.remand_end),
                            "court_code": self.hearings[0]["court_code"]})
        # Pre-charge bail: 3 months, then extensions (PACE s.47ZB–47ZG as amended 2022).
        if self.pre_bail_start is not None and self.pre_status == "pre_charge_bail":
            start = self.pre_bail_start
            ended = self.pre_bail_end or (self.finalised_on if self.stage == "finalised" else None)
            if ended is not None and ended < start:
                ended = start
            conditions = self.bail_conditions(p)
            for months, authority in ((3, "custody_officer"), (6, "inspector"),
                                      (9, "superintendent"), (12, "court")):
                expiry = _add_months(self.pre_bail_start, months)
                if ended is not None and ended <= expiry:
                    bail.append({"kind": "pre_charge", "start_date": _d(start),
                                 "end_date": _d(ended), "authority": authority,
                                 "conditions": conditions})
                    break
                bail.append({"kind": "pre_charge", "start_date": _d(start),
                             "end_date": _d(expiry), "authority": authority,
                             "conditions": conditions})
                if ended is None and expiry >= self.today:
                    break
                start = expiry
        if self.charge_dt is not None and self.fh_dt is not None and not self.kept_for_court \
                and not self.requisition:
            conditional = self.bail_kind == "conditional"
            bail.append({"kind": "post_charge", "start_date": _d(self.charge_dt.date()),
                         "end_date": _d(self.fh_dt.date()), "authority": None,
                         "conditions": self.bail_conditions(p) if conditional else ""})
        if (self.fh_dt is not None and self.fh_dt <= self.now and self.remanded_at is None
                and len(self.hearings) > 0 and (self.stage != "finalised"
                                                or self.finalised_on != self.fh_dt.date())):
            conditional = self.bail_kind == "conditional"
            bail.append({"kind": "court", "start_date": _d(self.fh_dt.date()),
                         "end_date": _d(self.finalised_on), "authority": None,
                         "conditions": self.bail_conditions(p) if conditional else ""})
        return custody, bail

    def bail_conditions(self, p: PersonDraft) -> str:
        victims = self.inc.victims
        if "domestic_abuse" in self.flags and victims:
            v = victims[0]
            return (f"Not to contact {v.forenames} {v.surname} directly or indirectly; not to "
                    f"attend their address; to live and sleep at an address in {self.lpa.name}.")
        if "retail_theft" in self.flags:
            return "Not to enter any shop in the West Midlands unless accompanied by a parent."\
                if "youth" in self.flags else \
                "Not to enter the store where the offence took place; curfew 21:00–06:00."
        if victims:
            v = victims[0]
            return f"Not to contact {v.forenames} {v.surname}; to reside at home address."
        return "To reside at home address."

    # ---- witnesses -------------------------------------------------------------------------

    def witness_contact(self, p: PersonDraft) -> dict:
        rng, ctx = self.rng, self.ctx
        street = ctx.street()
        pref = rng.choices(["phone", "text", "email", "letter", None], [40, 25, 20, 10, 5])[0]
        landline = DRAMA_LANDLINE[self.lpa.code].format(rng.randint(0, 999))
        phone = DRAMA_MOBILE.format(rng.randint(0, 999)) if rng.random() < 0.85 else landline
        domain = rng.choice(EMAIL_DOMAINS)
        email = (f"{p.forenames.lower()}.{p.surname.lower().replace(chr(39), '')}"
                 f"{rng.randint(1, 99)}@{domain}") if rng.random() < 0.7 else ""
        return {"contact_preference": pref, "phone": phone, "email": email,
                "address": f"{rng.randint(1, 240)} {rng.choice(RESIDENTIAL)}, {street[1]}",
                "postcode": ctx.postcode(street[2])}

    def witnesses(self) -> list[dict]:
        rng, inc = self.rng, self.inc
        out: list[dict] = []
        charged = self.charge_dt is not None
        trial_bound = self.ng_day is not None or (charged and not self.gap)

        def add(doc: dict) -> None:
            doc["ref"] = f"W{len(out) + 1}"
            out.append(doc)

        def civilian(p: PersonDraft, role: str, key: bool) -> dict:
            age = p.age_on(self.today)
            grounds = list(dict.fromkeys(p.grounds))
            if age < 18 and "under_18" not in grounds:
                grounds.append("under_18")
            if role == "victim" and not grounds and rng.random() < 0.06:
                grounds.append(rng.choice(["mental_disorder", "learning_disability",
                                           "physical_disability", "fear_or_distress"]))
            serious = any(f in self.flags for f in ("domestic_abuse", "hate_crime", "rasso",
                                                    "soa_under_18", "death"))
            if role == "victim" and serious:
                enhanced, category = True, "most_serious_crime"
            elif role == "victim" and "harassment_stalking" in self.flags:
                enhanced, category = True, "persistently_targeted"
            elif role == "victim" and grounds:
                enhanced, category = True, "vulnerable_intimidated"
            else:
                enhanced, category = False, None
            measures: list[str] = []
            if grounds and trial_bound and rng.random() < 0.7:
                if "sexual_offence_complainant" in grounds or "under_18" in grounds:
                    measures = ["s27_video_eic", rng.choice(["s24_live_link", "s23_screens"])]
                    if "under_18" in grounds and rng.random() < 0.3:
                        measures.append("s28_video_xx")
                elif "learning_disability" in grounds:
                    measures = ["s29_intermediary", "s24_live_link"]
                else:
                    measures = [rng.choice(["s23_screens", "s24_live_link"])]
            if role == "victim":
                vps_offered = rng.choices([True, None, False], [72, 20, 8])[0]
                vps_made = (rng.random() < 0.55) if vps_offered else None
            else:
                vps_offered = vps_made = None
            avoid = []
            if trial_bound and rng.random() < 0.6:
                for _ in range(rng.choice([1, 1, 2])):
                    start = (self.charge_dt.date() if charged else self.today) + timedelta(
                        days=rng.randint(7, 200))
                    avoid.append({"from": _d(start),
                                  "to": _d(start + timedelta(days=rng.choice([0, 6, 13]))),
                                  "reason": rng.choice(["Holiday abroad", "Hospital appointment",
                                                        "Work commitment", "Childcare",
                                                        "Family wedding"])})
            needs = ""
            if rng.random() < 0.12:
                needs = rng.choice(["Requires step-free access.", "Childcare needed on trial "
                                    "dates.", "Anxious about seeing the defendant; pre-trial "
                                    "visit requested.", "Shift worker: needs notice of dates.",
                                    "Needs transport to court."])
            lang = _interpreter_language(p.community, rng, 0.6)
            if lang:
                needs = (needs + f" Needs a {lang} interpreter.").strip()
            ws = rng.choices([True, False, None], [60, 10, 30])[0] if charged else None
            injury = any(f in self.flags for f in ("gbh_abh_wounding", "rasso"))
            doc = {
                "ref": "", "forenames": p.forenames, "surname": p.surname, "role": role,
                "key_witness": key, "date_of_birth": _d(p.date_of_birth),
                "vulnerability_grounds": grounds, "enhanced_rights": enhanced,
                "enhanced_rights_category": category, "special_measures_sought": measures,
                "vps_offered": vps_offered, "vps_made": vps_made, "dates_to_avoid": avoid,
                "consent_witness_service": ws,
                "consent_medical_records": (rng.choices([True, False, None], [70, 10, 20])[0]
                                            if role == "victim" and injury else None),
                **self.witness_contact(p),
                "previous_convictions_checked": rng.choices([True, None, False], [86, 11, 3])[0],
                "has_previous_convictions": None, "needs": needs,
            }
            if doc["previous_convictions_checked"]:
                doc["has_previous_convictions"] = rng.random() < 0.12
            # Key order as the exporter writes it.
            return {k: doc[k] for k in _WITNESS_KEYS}

        for v in inc.victims:
            add(civilian(v, "victim", True))
        for k, c in enumerate(inc.civilians):
            add(civilian(c, "civilian", not inc.victims and k == 0))
        officers = [self.oic]
        pool = self.b.staff.oic.get(self.lpa.code) or self.b.staff.any_oic
        for _ in range(max(0, inc.police_witnesses - 1)):
            other = rng.choice(pool)
            if other not in officers:
                officers.append(other)
        for k, o in enumerate(officers):
            avoid = []
            if trial_bound and rng.random() < 0.5:
                base = self.charge_dt.date() if charged else self.today
                start = base + timedelta(days=rng.randint(7, 150))
                avoid.append({"from": _d(start), "to": _d(start + timedelta(days=13)),
                              "reason": "Annual leave"})
            add({
                "ref": "", "forenames": o.forenames, "surname": o.surname, "role": "police",
                "key_witness": not inc.victims and not inc.civilians and k == 0,
                "date_of_birth": None, "vulnerability_grounds": [], "enhanced_rights": False,
                "enhanced_rights_category": None, "special_measures_sought": [],
                "vps_offered": None, "vps_made": None, "dates_to_avoid": avoid,
                "consent_witness_service": None, "consent_medical_records": None,
                "contact_preference": "email", "phone": o.doc["phone"], "email": o.doc["email"],
                "address": f"West Midlands Police, {self.lpa.name} Local Policing Area",
                "postcode": "", "previous_convictions_checked": None,
                "has_previous_convictions": None, "needs": "",
            })
        for title in inc.professionals:
            p = self.ctx.person(age=(32, 62))
            expert = any(w in title.lower() for w in ("scientist", "examiner", "investigator",
                                                       "toxicologist"))
            add({
                "ref": "", "forenames": p.forenames, "surname": p.surname,
                "role": "expert" if expert else "professional",
                "key_witness": False, "date_of_birth": None, "vulnerability_grounds": [],
                "enhanced_rights": False, "enhanced_rights_category": None,
                "special_measures_sought": [], "vps_offered": None, "vps_made": None,
                "dates_to_avoid": [], "consent_witness_service": None,
                "consent_medical_records": None, "contact_preference": "email",
                "phone": DRAMA_LANDLINE["LPA-BIRM"].format(rng.randint(0, 999)),
                "email": f"{p.forenames.lower()}.{p.surname.lower()}@example.org",
                "address": title, "postcode": "", "previous_convictions_checked": None,
                "has_previous_convictions": None, "needs": "",
            })
        return out

    # ---- materials -------------------------------------------------------------------------

    def materials(self, suspects: list[_Suspect], witnesses: list[dict]) -> list[dict]:
        rng, inc = self.rng, self.inc
        out: list[dict] = []
        open_case = self.stage != "finalised"
        now = self.now
        seq: dict[str, int] = {}

        def exhibit(initials: str) -> str:
            seq[initials] = seq.get(initials, 0) + 1
            return f"{initials}/{seq[initials]}"

        def mat(mtype: str, title: str, *, due: datetime, lag_h: tuple[float, float] = (0, 6),
                defect: float = 0.0, witness: str | None = None, defendant: str | None = None,
                key: bool = False, dclass: str = "served", signed: bool | None = None,
                certified: bool | None = None, multimedia: bool = False, producer: str = "",
                exhibit_ref: str = "", notes: str = "", target_days: tuple[int, int] = (3, 21),
                keep_outstanding: bool = False) -> dict:
            """One item, provided at `due` + lag if that is before now, else outstanding."""
            provided = max(due + timedelta(hours=rng.uniform(*lag_h)),
                           self.incident_dt + timedelta(minutes=rng.randint(30, 240)))
            outstanding = provided > now or rng.random() < defect
            status = "provided"
            target = None
            if outstanding:
                if open_case or keep_outstanding:
                    status = "outstanding"
                    base = max(due.date(), (self.received.date()))
                    target = base + timedelta(days=rng.randint(*target_days))
                else:
                    status = "not_applicable"
            if not 7 <= provided.hour < 22 and lag_h[1] - lag_h[0] >= 6:
                # Work done overnight lands on the file the next morning.
                day = provided.date() + timedelta(days=1 if provided.hour >= 22 else 0)
                provided = datetime.combine(day, time(rng.randint(7, 10), rng.randint(0, 59)))
            m = {
                "ref": f"M{len(out) + 1}", "type": mtype, "title": title[:300], "status": status,
                "defendant": defendant, "witness": witness, "key_evidence": key,
                "disclosure_class": dclass, "signed": None, "signed_date": None,
                "supervisor_certified": None, "clipped": None, "playable": None,
                "exhibit_ref": exhibit_ref, "producer": producer[:100],
                "target_date": _d(target), "provided_at": None, "attachment": None,
                "notes": notes,
            }
            if status == "provided":
                if provided > now:
                    provided = now - timedelta(minutes=rng.randint(5, 120))
                m["provided_at"] = _z(provided)
                if signed is not None:
                    m["signed"] = signed
                    m["signed_date"] = _d(provided.date()) if signed else None
                if certified is not None:
                    m["supervisor_certified"] = certified
                if multimedia:
                    m["clipped"] = rng.random() > (0.15 if mtype in ("CCTV", "BWV") else 0.05)
                    m["playable"] = rng.random() > 0.05
            out.append(m)
            return m

        first_file = self.first_pcd or self.charge_dt or self.received
        cps = self.route == "cps"
        # Pre-charge report (MG3) for CPS decisions.
        if cps:
            mat("MG3", "MG3 Report to CPS for a charging decision", due=first_file,
                lag_h=(-3, 0), dclass="police_cps_only",
                certified=self.submissions[0]["supervisor_certified"] if self.submissions
                else True)
            for sub in self.submissions[1:]:
                if sub["file_type"].startswith("PC") and sub["notes"].startswith("MG3A"):
                    mat("MG3A", "MG3A Further report to CPS", due=_parse(sub["submitted_at"]),
                        lag_h=(-2, 0), dclass="police_cps_only")
        # Statements: key witnesses by the first file, the rest by the upgrade file.
        upgrade = None
        if self.ng_day:
            upgrade = datetime.combine(self.ng_day + timedelta(days=rng.randint(10, 28)),
                                       time(rng.randint(8, 18)))
        elif self.sent_day:
            upgrade = datetime.combine(self.sent_day + timedelta(days=50), time(12))
        first_police = next((w["ref"] for w in witnesses if w["role"] == "police"), None)
        for w in witnesses:
            key = w["key_witness"] or w["role"] == "victim"
            if w["role"] == "police":
                due = first_file if key or w["ref"] == first_police \
                    else (upgrade or first_file + timedelta(days=rng.randint(1, 10)))
            elif key:
                due = first_file - timedelta(hours=rng.uniform(2, 48))
            else:
                due = upgrade or (first_file + timedelta(days=rng.randint(1, 14)))
            title = (f"MG11 statement of {w['forenames']} {w['surname'].upper()} "
                     f"({w['role']})")
            if "sexual_offence_complainant" in w["vulnerability_grounds"]:
                title = f"ABE interview transcript and MG11 of {w['forenames']} {w['surname'].upper()}"
            mat("MG11", title, due=due, lag_h=(0, 12), defect=0.1, witness=w["ref"], key=key,
                dclass="served" if key or rng.random() < 0.7 else "unused_non_sensitive",
                signed=rng.random() > 0.05, producer=f"{w['forenames']} {w['surname']}")
        # Interviews and previous convictions.
        for s in suspects:
            iv = s.doc["interviews"]
            if iv and iv[0]["type"] not in ("not_interviewed",):
                mat("MG15", f"{'SDN' if iv[0]['type'] == 'SDN' else 'ROTI'} interview record: "
                    f"{s.person.forenames} {s.person.surname.upper()}",
                    due=datetime.combine(date.fromisoformat(iv[0]["date"]), time(20)),
                    lag_h=(2, 72), defendant=s.ref, key=True)
            pnc = mat("PNC_PRINT", f"PNC print (antecedents): {s.person.forenames} "
                      f"{s.person.surname.upper()}", due=first_file, lag_h=(-6, 0),
                      defendant=s.ref, keep_outstanding=True)
            if s.pnc_missing:
                pnc.update(status="outstanding", provided_at=None,
                           target_date=_d(first_file.date() + timedelta(days=rng.randint(1, 7))))
        # Exhibits.
        civilians = [w for w in witnesses if w["role"] == "civilian"]
        for e in inc.exhibits:
            if e.producer == "civilian" and civilians:
                who = civilians[0]
                producer = f"{who['forenames']} {who['surname']}"
                initials = (who["forenames"][:1] + who["surname"][:1]).upper()
            else:
                producer, initials = self.oic.label, self.oic.initials
            multimedia = e.type in ("CCTV", "BWV", "CALL_999", "OTHER_MULTIMEDIA")
            slow = e.type in ("FORENSIC", "MEDICAL", "THIRD_PARTY")
            due = first_file - timedelta(hours=rng.uniform(1, 24)) if not slow else \
                first_file + timedelta(days=rng.randint(7, 75))
            mat(e.type, e.title, due=due, lag_h=(0, 8), defect=0.06 if not slow else 0.0,
                key=e.key, multimedia=multimedia, producer=producer,
                exhibit_ref=exhibit(initials) if e.type not in (
                    "DIGITAL_STRATEGY", "THIRD_PARTY") else "",
                dclass=("police_cps_only" if e.type == "DIGITAL_STRATEGY" else
                        "unused_sensitive" if e.type == "THIRD_PARTY" else
                        "served" if e.key else "unused_non_sensitive"),
                target_days=(7, 60) if slow else (3, 21),
                notes="Requested; result awaited." if slow else "")
            if out[-1]["status"] != "outstanding":
                out[-1]["notes"] = ""
        if "domestic_abuse" in self.flags:
            da = mat("DA_CHECKLIST", "Domestic abuse evidence-gathering checklist",
                     due=first_file, lag_h=(-4, 0), dclass="police_cps_only",
                     keep_outstanding=True)
            if self.da_checklist_missing:
                da.update(status="outstanding", provided_at=None,
                          target_date=_d(first_file.date() + timedelta(days=rng.randint(1, 10))))
        # Post-charge file.
        if self.charge_dt is not None:
            charge = self.charge_dt
            mat("MG4", "MG4 Charge sheet", due=charge, lag_h=(0, 1))
            mat("MG5", "MG5 Case summary", due=charge, lag_h=(1, 40),
                certified=rng.random() > 0.1, key=True)
            mat("MG6", "MG6 Case file information", due=charge, lag_h=(1, 40),
                dclass="police_cps_only")
            if self.kept_for_court:
                mat("MG7", "MG7 Remand application", due=charge, lag_h=(0, 3))
            for w in witnesses:
                if w["vps_made"]:
                    mat("VPS", f"Victim Personal Statement of {w['forenames']} "
                        f"{w['surname'].upper()}", due=charge, lag_h=(6, 240), witness=w["ref"],
                        signed=True)
            if any(s.previous > 3 for s in suspects) and not self.gap and rng.random() < 0.5:
                mat("MG16", "MG16 Bad character information", due=charge, lag_h=(24, 200),
                    dclass="police_cps_only")
            if inc.key in ("criminal_damage", "burglary", "shop_theft", "theft_vehicle",
                           "fraud") and rng.random() < 0.5:
                mat("MG19", "MG19 Compensation claim", due=charge, lag_h=(24, 300))
            if not self.gap or self.venue == "crown":
                mat("MG9", "MG9 Witness list", due=charge, lag_h=(1, 40), dclass="police_cps_only")
                mat("MG10", "MG10 Witness non-availability", due=charge, lag_h=(1, 40),
                    dclass="police_cps_only")
                mat("MG6C", "MG6C Schedule of non-sensitive unused material", due=charge,
                    lag_h=(2, 60), signed=rng.random() > 0.1, defect=0.05)
                mat("MG6D", "MG6D Schedule of sensitive unused material", due=charge,
                    lag_h=(2, 60), signed=rng.random() > 0.08, dclass="police_cps_only")
                for w in witnesses:
                    if w["vulnerability_grounds"] and w["role"] != "police":
                        mat("MG2", f"MG2 Special measures assessment: {w['forenames']} "
                            f"{w['surname'].upper()}", due=charge, lag_h=(2, 96),
                            witness=w["ref"], dclass="police_cps_only", defect=0.08)
        if upgrade is not None:
            mat("MG12", "MG12 Exhibit list", due=upgrade, lag_h=(0, 48))
            mat("MG6E", "MG6E Disclosure officer's report", due=upgrade, lag_h=(0, 48),
                dclass="police_cps_only", signed=rng.random() > 0.1)
        return out

    # ---- tasks -----------------------------------------------------------------------------

    def make_tasks(self, materials: list[dict], witnesses: list[dict]) -> None:
        rng, today = self.rng, self.today
        cw, wco = self.caseworker, self.wco

        def task(title: str, due: date, *, created: datetime, assignee=None, source="internal",
                 description: str = "", force_open: bool = False) -> None:
            created = min(created, self.now - timedelta(minutes=rng.randint(5, 600)))
            if force_open:
                done = False
            elif self.stage == "finalised":
                done = due < today - timedelta(days=2) or rng.random() < 0.6
            else:
                done = due < today and rng.random() < 0.75
            completed = None
            if done:
                day = min(today, max(created.date(), due - timedelta(days=rng.randint(0, 5))))
                completed = max(created + timedelta(minutes=30), self.b.at(day, 8, 18))
                if completed > self.now:
                    completed = self.now - timedelta(minutes=rng.randint(1, 4))
                    if completed < created:
                        created = completed - timedelta(minutes=5)
            self.tasks.append({
                "ref": f"T{len(self.tasks) + 1}", "title": title[:200],
                "description": description, "assignee": dict((assignee or cw).doc),
                "due_date": _d(due), "status": "done" if done else "open", "source": source,
                "created_at": _z(created), "completed_at": _z(completed),
                "kind": "general", "witness": None, "hearing": None, "outcome": "", "outcome_note": "",
            })

        received = self.received
        stage = self.stage
        outstanding = [m for m in materials if m["status"] == "outstanding" and m["target_date"]]
        if self.pending and stage == "pre_charge":
            what, sub = self.pending
            submitted = _parse(sub["submitted_at"])
            if what in ("response",) and sub["respond_by"]:
                task("Resubmit pre-charge file after CPS triage: "
                     + ", ".join(r.replace("_", " ") for r in sub["reasons"]),
                     date.fromisoformat(sub["respond_by"]), created=submitted + timedelta(
                         hours=6), source="cps_pre_charge", force_open=True)
            elif what == "action_plan":
                plan = self.plans[-1]
                task("Chase OIC on CPS action plan " + plan["ref"],
                     date.fromisoformat(plan["respond_by"]) - timedelta(days=3),
                     created=datetime.combine(date.fromisoformat(plan["created_on"]), time(11)),
                     source="cps_pre_charge", force_open=True)
            elif what in ("decision", "triage"):
                task("Check CPS decision on pre-charge request " + sub["ref"],
                     _parse(sub["due_at"]).date(), created=submitted + timedelta(hours=1))
            elif what == "charge":
                task("Arrange charge or postal requisition (CPS decision to charge)",
                     _parse(self.decisions[-1]["decided_at"]).date() + timedelta(days=7),
                     created=_parse(self.decisions[-1]["decided_at"]), force_open=True)
        if stage == "charged" and self.fh_dt is not None:
            fh = self.fh_dt.date()
            task("Serve IDPC on the CPS and defence before the first hearing",
                 fh - timedelta(days=0 if self.kept_for_court else 2),
                 created=self.charge_dt + timedelta(hours=1), force_open=True,
                 description=f"First hearing {_uk(fh)} at 10:00.")
        if stage in ("awaiting_trial", "sent_to_crown") and self.trial_day:
            if self.ng_day and stage == "awaiting_trial":
                task("Serve upgrade file (UP-MC): outstanding statements and schedules",
                     self.ng_day + timedelta(days=28), created=self.b.at(self.ng_day, 12, 17),
                     source="court_direction")
            if self.sent_day:
                task("Serve BCM Stage 1 material (prosecution case and initial disclosure)",
                     self.sent_day + timedelta(days=50 if self.remanded_at else 70),
                     created=self.b.at(self.sent_day, 12, 17), source="court_direction")
            if self.trial_day > today:
                task("Warn witnesses for trial", self.trial_day - timedelta(days=28),
                     created=self.b.at(self.ng_day or self.sent_day or today, 12, 17),
                     assignee=wco, description=f"Trial {_uk(self.trial_day)}.")
        if stage == "awaiting_sentence" and self.sentence_day:
            task("Provide updated PNC print and antecedents for sentence",
                 self.sentence_day - timedelta(days=3),
                 created=self.b.at(self.plea_day or today, 12, 17))
        if outstanding and stage != "finalised":
            m = min(outstanding, key=lambda x: x["target_date"])
            task(f"Chase OIC for outstanding material: {m['title']}",
                 date.fromisoformat(m["target_date"]), created=received + timedelta(days=1),
                 description=f"{len(outstanding)} item(s) outstanding on the file.")
        if stage != "finalised" and rng.random() < 0.05:
            task("Call back the OIC about a file query", today,
                 created=self.office(today - timedelta(days=1)), force_open=True)
        if stage == "finalised" and self.finalised_on:
            fin = self.finalised_on
            victims = [w for w in witnesses if w["role"] == "victim"]
            enhanced = any(v["enhanced_rights"] for v in victims)
            if victims:
                task("Tell the victim the outcome (Victims' Code)",
                     fin + timedelta(days=1 if enhanced else 5),
                     created=self.b.at(fin, 12, 18), assignee=wco)
            task("Update PNC with the result and close the file", fin + timedelta(days=7),
                 created=self.b.at(fin, 12, 18))


def _interpreter_language(community: str, rng: random.Random, scale: float = 1.0) -> str:
    """The language someone needs an interpreter for, if any (`scale` adjusts the rate)."""
    pool = COMMUNITIES[community]
    langs = pool.get("languages")
    if langs and rng.random() < pool.get("interpreter_rate", 0) * scale:
        return rng.choices([lang for lang, _ in langs], [w for _, w in langs])[0]
    return ""


_WITNESS_KEYS = [
    "ref", "forenames", "surname", "role", "key_witness", "date_of_birth",
    "vulnerability_grounds", "enhanced_rights", "enhanced_rights_category",
    "special_measures_sought", "vps_offered", "vps_made", "dates_to_avoid",
    "consent_witness_service", "consent_medical_records", "contact_preference", "phone",
    "email", "address", "postcode", "previous_convictions_checked", "has_previous_convictions",
    "needs",
]


def _parse(value: str) -> datetime:
    """A format UTC string back to a Europe/London wall-clock time."""
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(LONDON).replace(
        tzinfo=None)


def generate_casefiles(*, count: int, seed: int, today: date, officers, organisation) -> list[dict]:
    """`count` schema-valid case-file documents, the same for the same seed and anchor date.

    `officers`: the roster (users with username, names, rank, collar number, e-mail, phone,
    role and unit), e.g. from `officers_ensure()`. `organisation`: `organisation_ensure()` or
    `organisation_spec()`. URNs are unique within the run.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    builder = _CaseBuilder(seed=seed, today=today, officers=officers, organisation=organisation)
    return [builder.build() for _ in range(count)]


def _add_quality_facts(doc: dict, rng: random.Random) -> None:
    """Facts the file-quality review reads, derived from the case as generated, in the key order
    the exporter writes: how proceedings began, compensation, devices, exhibits referred to in
    statements, schedule descriptions and supervisors' comments on pre-charge submissions."""
    case = doc["case"]
    flags = set(case["flags"])
    codes = [o["code"] for d in doc["defendants"] for o in d["offences"]]
    charged = any(o["status"] in ("charged", "concluded") for d in doc["defendants"] for o in d["offences"])
    initiation = None
    if charged:
        # Summary motoring offences by people not kept in custody usually start by post.
        by_post = ("road_traffic" in flags and all(
            d["status"] not in ("remanded_in_custody", "police_custody") for d in doc["defendants"])
            and rng.random() < 0.5)
        initiation = "postal_requisition" if by_post else "charge"
    ordered = {}
    for key, value in case.items():
        ordered[key] = value
        if key == "venue":
            ordered["initiation"] = initiation
            ordered["compensation_sought"] = bool(
                flags & {"retail_theft"} or any(c.startswith(("CD71", "TH68")) for c in codes))
            ordered["devices_seized"] = bool(flags & {"harassment_stalking", "rasso", "soa_under_18"})
            ordered["initial_disclosure_on"] = _initial_disclosure(doc)
            ordered["file_stage"] = None
    doc["case"] = ordered
    _add_last_updates(doc, rng)

    exhibits_by_producer: dict[str, list[str]] = {}
    for m in doc["materials"]:
        if m["exhibit_ref"] and m["producer"]:
            exhibits_by_producer.setdefault(m["producer"].split(" ", 1)[-1], []).append(m["exhibit_ref"])
    names = {w["ref"]: f"{w['forenames']} {w['surname']}" for w in doc["witnesses"]}
    for i, m in enumerate(doc["materials"]):
        referred: list[str] = []
        described = None
        if m["type"] == "MG11" and m["status"] == "provided" and m["witness"]:
            name = names.get(m["witness"], "")
            referred = [r for producer, refs in exhibits_by_producer.items() if producer in name for r in refs]
            if referred and rng.random() < 0.06:
                # A statement that mentions an exhibit nobody put on the list: a real defect.
                referred.append(f"{referred[0].split('/')[0]}/{len(referred) + 9}")
        if m["type"] in ("MG6C", "MG6D") and m["status"] == "provided":
            described = rng.random() > 0.06
        ordered_m = {}
        for key, value in m.items():
            ordered_m[key] = value
            if key == "exhibit_ref":
                ordered_m["exhibits_referred"] = referred
                ordered_m["items_described"] = described
        doc["materials"][i] = ordered_m

    _add_missing_material(doc, rng)

    for i, sub in enumerate(doc["submissions"]):
        comments = ""
        if sub["file_type"].startswith("PC") and sub["supervisor_certified"] and rng.random() > 0.05:
            comments = "Reviewed: evidential and public interest stages addressed; file complete for a charging decision."
        ordered_s = {}
        for key, value in sub.items():
            if key == "notes":
                ordered_s["supervisor_comments"] = comments
            ordered_s[key] = value
        doc["submissions"][i] = ordered_s


def _add_missing_material(doc: dict, rng: random.Random) -> None:
    """Material DG6 expects that the scenarios do not make: the pre-charge unused schedule, the
    compensation claim (MG19) and the exhibit list (MG12) for contested files — each provided at
    realistic rates, so some files lack them."""
    case, mats = doc["case"], doc["materials"]
    stage = case["stage"]
    have = {m["type"] for m in mats}
    stamps = [m["provided_at"] for m in mats if m["provided_at"]] or [case["received_at"]]
    when = max(stamps)
    received = date.fromisoformat(case["received_at"][:10])
    contested = (case["anticipated_plea"] == "NGAP" or stage in ("awaiting_trial", "sent_to_crown")
                 or any(h["outcome"] in ("not_guilty_plea", "sent_to_crown") for h in doc["hearings"]))

    def add(mtype, title, *, rate, witness=None, dclass="served", schedule=False):
        provided = rng.random() < rate
        status = "provided" if provided else ("outstanding" if stage != "finalised" else "not_applicable")
        signed = (rng.random() > 0.08) if schedule and provided else None
        mats.append({
            "ref": f"M{len(mats) + 1}", "type": mtype, "title": title, "status": status,
            "defendant": None, "witness": witness, "key_evidence": False, "disclosure_class": dclass,
            "signed": signed, "signed_date": when[:10] if signed else None,
            "supervisor_certified": None, "clipped": None, "playable": None, "exhibit_ref": "",
            "exhibits_referred": [], "items_described": (rng.random() > 0.06) if schedule and provided else None,
            "producer": "", "target_date": None if provided else _d(received + timedelta(days=rng.randint(7, 21))),
            "provided_at": when if provided else None, "attachment": None, "notes": "",
        })

    charged = any(o["status"] in ("charged", "concluded") for d in doc["defendants"] for o in d["offences"])
    if (stage == "pre_charge" or not charged) and "MG6C" not in have:
        add("MG6C", "MG6C Schedule of non-sensitive unused material", rate=0.88,
            dclass="police_cps_only", schedule=True)
    if case["compensation_sought"] and stage != "pre_charge" and "MG19" not in have:
        victim = next((w["ref"] for w in doc["witnesses"] if w["role"] == "victim"), None)
        add("MG19", "MG19 Compensation claim", rate=0.85, witness=victim)
    if contested and stage != "pre_charge" and "MG12" not in have and any(m["exhibit_ref"] for m in mats):
        add("MG12", "MG12 Exhibit list", rate=0.88)
    if stage == "pre_charge" or contested:
        with_mg2 = {m["witness"] for m in mats if m["type"] == "MG2"}
        for w in doc["witnesses"]:
            if w["vulnerability_grounds"] and not w["special_measures_sought"] and w["ref"] not in with_mg2:
                add("MG2", f"MG2 Special measures assessment: {w['forenames']} {w['surname']}", rate=0.8,
                    witness=w["ref"], dclass="police_cps_only")


def _initial_disclosure(doc: dict) -> str | None:
    """When the prosecutor served initial disclosure (s.3 CPIA): once a not guilty plea is entered
    in the magistrates' court (TSJ), at BCM Stage 1 (sending + 50 days in custody, 70 on bail) in
    the Crown Court; only if that day has passed."""
    latest = max((h["starts_at"][:10] for h in doc["hearings"] if h["outcome"]), default=None)
    for h in sorted(doc["hearings"], key=lambda h: h["starts_at"]):
        if h["outcome"] == "not_guilty_plea":
            return h["starts_at"][:10]
        if h["outcome"] == "sent_to_crown":
            custody = any(d["status"] == "remanded_in_custody" for d in doc["defendants"])
            served = date.fromisoformat(h["starts_at"][:10]) + timedelta(days=50 if custody else 70)
            return _d(served) if latest and _d(served) <= latest else None
    return None


def _add_last_updates(doc: dict, rng: random.Random) -> None:
    """When each victim and civilian witness was last told of a decision or result: usually just
    after the latest one, sometimes not yet (so Victims' Code updates are due or overdue).

    A victim's value is replaced at the end by their latest update in the contact log
    (`_add_victim_contacts`); it is still drawn here so that the draws after it are unchanged."""
    events = [f"{o['charge_date']}T17:00:00Z" for d in doc["defendants"] for o in d["offences"] if o["charge_date"]]
    events += [h["starts_at"] for h in doc["hearings"] if h["outcome"]]
    events += [c["decided_at"] for c in doc["decisions"]]
    latest = max(events, default=None)
    for i, w in enumerate(doc["witnesses"]):
        update = None
        if latest and w["role"] in ("victim", "civilian"):
            if rng.random() < 0.88:
                told = datetime.fromisoformat(latest) + timedelta(hours=rng.uniform(1, 20))
                update = _z(min(told, datetime.fromisoformat(latest) + timedelta(hours=6)))
            elif len(events) > 1:
                update = _z(datetime.fromisoformat(sorted(events)[-2]) + timedelta(hours=3))
        doc["witnesses"][i] = {**w, "last_update_at": update}


# --------------------------------------------------------------------------------------------
# Casework on the file: returns to the officer, findings set aside, the victims' contact log
# --------------------------------------------------------------------------------------------

# Of the cases whose file could have gone back to the officer before a submission (about 40% of
# cases with a submission: the rest went to the CPS within hours), this share did: about 17% of
# all cases with a submission, in line with the 15–20% a CJU gatekeeper sends back.
RETURN_RATE = 0.42
# Of returned files with room for two cycles before the submission (two and a quarter days or
# more: about half of them), how many went back a second time: about a quarter of all returns.
SECOND_CYCLE_RATE = 0.5
# Of files awaited now (the charged file not yet sent, or a pre-charge file the CPS found
# non-compliant), how many the officer has back with feedback.
OPEN_RETURN_RATE = 0.25
# Open cases a reviewer looked at for something to set aside; a little over half have a finding a
# reviewer would set aside, so 3–5% of open cases end up with one.
SET_ASIDE_TRY_RATE = 0.06
VC_LATE_RATE = 0.12  # updates given after the Victims' Code period
# Of victims whose latest decision or result came in the last three weeks, how many have not been
# told of it at all yet (older news has always been passed on, if late).
VC_NOT_TOLD_RATE = 0.25
VC_NOT_TOLD_WITHIN = timedelta(days=21)

_OFFICE_START, _OFFICE_END = time(8, 30), time(17, 45)


def _add_casework_history(doc: dict, rng: random.Random, *, now: datetime, today: date,
                          charge_dt: datetime | None, caseworker: dict, wco: dict, oic: dict) -> None:
    """What the case progression unit did with the file, drawn from `rng` only, after everything
    else is built: the contact log with each victim (and `last_update_at` from it), the files
    returned to the officer with feedback before they went to the CPS, and a finding set aside."""
    holidays = _bank_holidays()
    _add_victim_contacts(doc, rng, now=now, charge_dt=charge_dt, caseworker=caseworker, wco=wco,
                         holidays=holidays)
    _add_file_returns(doc, rng, now=now, charge_dt=charge_dt, caseworker=caseworker, oic=oic,
                      holidays=holidays)
    _add_finding_override(doc, rng, now=now, today=today, caseworker=caseworker)


def _working(day: date, holidays: frozenset[date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def _add_working_days(day: date, n: int, holidays: frozenset[date]) -> date:
    """The nth working day after `day` (not counting `day`), as the deadlines engine counts."""
    while n > 0:
        day += timedelta(days=1)
        if _working(day, holidays):
            n -= 1
    return day


def _between(rng: random.Random, lo: datetime, hi: datetime) -> datetime:
    return (lo + (hi - lo) * rng.uniform(0.05, 0.95)).replace(microsecond=0)


def _office_time(rng: random.Random, target: datetime, lo: datetime, hi: datetime,
                 holidays: frozenset[date]) -> datetime:
    """A time between `lo` and `hi` in office hours on the working day nearest `target`; failing
    that, in office hours on a weekend or bank holiday; failing that, any time between them."""
    target = min(max(target, lo), hi)
    span = (hi.date() - lo.date()).days
    for working_only in (True, False):
        for step in range(span + 1):
            for day in ((target.date() - timedelta(days=step), target.date() + timedelta(days=step))
                        if step else (target.date(),)):
                if not lo.date() <= day <= hi.date() or (working_only and not _working(day, holidays)):
                    continue
                start = max(lo, datetime.combine(day, _OFFICE_START))
                end = min(hi, datetime.combine(day, _OFFICE_END))
                if end > start:
                    return _between(rng, start, end)
    return _between(rng, lo, hi)


def _waking(rng: random.Random, at: datetime, holidays: frozenset[date]) -> datetime:
    """`at`, or office hours on the next working day if `at` is late in the evening or at night."""
    if time(8, 0) <= at.time() <= time(19, 30):
        return at
    target = at + timedelta(hours=10) if at.hour >= 8 else at
    return _office_time(rng, target, at, at + timedelta(days=6), holidays)


def _long(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _who(w: dict) -> str:
    return f"{w['forenames']} {w['surname'].upper()}"


# ---- the contact log -------------------------------------------------------------------------

_CHANNEL = {"phone": "phone", "text": "text", "email": "email", "letter": "letter", None: "phone"}
_NO_REPLY = {
    "phone": "Rang to give an update: no answer; voicemail left asking them to call back.",
    "text": "Text sent asking them to call for an update on the case; no reply.",
    "email": "Emailed asking for a good time to call with an update; no reply yet.",
}
_RESULT = {
    "not_guilty_plea": "the not guilty plea and what happens next{trial}",
    "guilty_plea": "the guilty plea{sentence}",
    "sent_to_crown": "the case being sent to the Crown Court{ptph}",
    "committed_for_sentence": "the guilty plea and the committal to the Crown Court for "
                              "sentence{sentence}",
    "convicted": "the conviction after trial{sentence}",
    "acquitted": "the not guilty verdict; offered referral to Victim Support",
    "cracked": "the guilty plea on the day of trial{sentence}",
    "discontinued": "the case being stopped and why, and of the right to ask for a review (VRR)",
    "dismissed": "the case being dismissed, and of the right to ask for a review (VRR)",
    "ineffective": "the trial not going ahead{trial}",
    "adjourned": "the hearing being adjourned{next}",
    "vacated": "the hearing being vacated{next}",
}


def _victims_code_events(doc: dict, charge_dt: datetime | None) -> list[tuple]:
    """What a victim must be told of, as the deadlines engine sees it: each charge day (taken as
    17:00), CPS no-further-action and out-of-court decisions, and hearing results. Each is
    (when, ready, kind, part): `ready` is when the news can first be passed on."""
    events = []
    days = sorted({o["charge_date"] for d in doc["defendants"] for o in d["offences"]
                   if o["charge_date"]})
    for day in days:
        when = datetime.combine(date.fromisoformat(day), time(17, 0))
        ready = when + timedelta(minutes=5)
        if charge_dt is not None and charge_dt.date() == when.date():
            ready = max(ready, charge_dt + timedelta(minutes=30))
        events.append((when, ready, "charge", None))
    for c in doc["decisions"]:
        if c["kind"] in ("no_further_action", "out_of_court_disposal"):
            when = _parse(c["decided_at"])
            events.append((when, when + timedelta(minutes=45), c["kind"], c))
    for h in doc["hearings"]:
        if h["outcome"]:
            when = _parse(h["starts_at"])
            events.append((when, when + timedelta(hours=2), "hearing", h))
    events.sort(key=lambda e: (e[0], e[2]))
    return events


def _next_hearing(doc: dict, after: str, *types: str) -> date | None:
    later = sorted(h["starts_at"] for h in doc["hearings"]
                   if h["starts_at"] > after and (not types or h["type"] in types))
    return _parse(later[0]).date() if later else None


def _told_of(doc: dict, kind: str, part: dict | None) -> str:
    if kind == "charge":
        first = next((h for h in doc["hearings"] if h["type"] == "first"), None)
        return ("the charge and the first hearing date (" + _long(_parse(first["starts_at"]).date())
                + ")") if first else "the charge"
    if kind == "no_further_action":
        return ("the CPS decision to take no further action, and of the right to ask for a "
                "review (VRR)")
    if kind == "out_of_court_disposal":
        return "the decision to deal with the case by a conditional caution, and its conditions"
    h = part
    if h["outcome"] == "sentenced":
        if h["type"] == "sentence" and h["notes"]:
            return f"the sentence ({h['notes'].rstrip('.').lower()}) and what it means"
        return "the conviction and the sentence, and what it means"

    def on(day: date | None, what: str) -> str:
        return f"; {what} {_long(day)}" if day else ""

    return _RESULT.get(h["outcome"], "the result of the hearing").format(
        trial=on(_next_hearing(doc, h["starts_at"], "trial"), "trial on"),
        sentence=on(_next_hearing(doc, h["starts_at"], "sentence"), "sentence on"),
        ptph=on(_next_hearing(doc, h["starts_at"], "ptph"), "first Crown Court hearing on"),
        next=on(_next_hearing(doc, h["starts_at"]), "next hearing on"))


def _vc_time(rng: random.Random, ready: datetime, due: date, late: bool,
             holidays: frozenset[date]) -> datetime:
    """When a victim was told: within the Victims' Code period (usually the same or the next
    working day), or, when `late`, one to seven working days after it."""
    if late:
        day = _add_working_days(due, rng.randint(1, 7), holidays)
        return _between(rng, datetime.combine(day, _OFFICE_START),
                        datetime.combine(day, _OFFICE_END))
    days = []
    if _working(ready.date(), holidays) and ready.time() < time(19, 0):
        days.append(ready.date())
    day = ready.date()
    while day < due:
        day = _add_working_days(day, 1, holidays)
        days.append(day)
    if not days:
        days = [due]
    day = rng.choices(days, [6, 3, 2, 1, 1, 1][:len(days)] + [1] * (len(days) - 6))[0]
    if day == ready.date():
        start = max(ready, datetime.combine(day, _OFFICE_START))
        end = min(start + timedelta(hours=3), datetime.combine(day, time(19, 30)))
        return _between(rng, start, max(end, start + timedelta(minutes=20)))
    return _between(rng, datetime.combine(day, _OFFICE_START), datetime.combine(day, _OFFICE_END))


def _add_victim_contacts(doc: dict, rng: random.Random, *, now: datetime,
                         charge_dt: datetime | None, caseworker: dict, wco: dict,
                         holidays: frozenset[date]) -> None:
    """Each victim told of each decision and result, mostly within the Victims' Code period (one
    working day with enhanced rights, five otherwise), some late, and the latest sometimes not yet;
    unanswered calls along the way. Each victim's `last_update_at` is their latest update."""
    victims = [w for w in doc["witnesses"] if w["role"] == "victim"]
    events = _victims_code_events(doc, charge_dt) if victims else []
    # A finalised case's "tell the victim the outcome" task says whether, and when, they were told
    # of the final result.
    final_task = None
    if doc["case"]["stage"] == "finalised":
        final_task = next((t for t in doc["tasks"]
                           if t["title"].startswith("Tell the victim the outcome")), None)
    rows: list[tuple] = []
    for w in victims:
        rows += _victim_contacts(doc, rng, w, events, now=now, final_task=final_task,
                                 caseworker=caseworker, wco=wco, holidays=holidays)
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    contacts, latest = [], {}
    for n, (at, wref, _, by, direction, channel, summary, told) in enumerate(rows, 1):
        contacts.append({"ref": f"CT{n}", "at": _z(at), "by": dict(by), "party": "victim",
                         "witness": wref, "direction": direction, "channel": channel,
                         "summary": summary, "told_of_progress": told})
        if told:
            latest[wref] = at
    doc["contacts"] = contacts
    for w in victims:
        # Replaces the estimate `_add_last_updates` made: the contact log says when.
        w["last_update_at"] = _z(latest.get(w["ref"]))


def _victim_contacts(doc, rng, w, events, *, now, final_task, caseworker, wco, holidays) -> list:
    enhanced = w["enhanced_rights"]
    period = 1 if enhanced else 5
    preferred = _CHANNEL[w["contact_preference"]]
    minor = w["date_of_birth"] and _add_months(date.fromisoformat(w["date_of_birth"]), 216) > now.date()
    out: list[tuple] = []
    seq = iter(range(1000))

    def log(at, by, direction, channel, summary, told):
        out.append((at, w["ref"], next(seq), by, direction, channel, summary, told))

    # Contacts about earlier events come before the final result when a task stands for it.
    horizon, final = now, None
    if final_task is not None and events:
        final = len(events) - 1
        horizon = min(now, events[final][0] - timedelta(minutes=1))
    i = 0
    while i < len(events):
        when, ready, kind, part = events[i]
        due = _add_working_days(when.date(), period, holidays)
        latest = i == len(events) - 1
        by = wco if kind == "hearing" else caseworker
        if i == final:
            if final_task["status"] != "done" or not final_task["completed_at"]:
                break
            at = max(_parse(final_task["completed_at"]), ready + timedelta(minutes=rng.randint(5, 50)))
            at = _waking(rng, at, holidays)
            if at > now:
                break
            by = final_task["assignee"] or wco
            covered = [i]
        else:
            if latest and now - when <= VC_NOT_TOLD_WITHIN and rng.random() < VC_NOT_TOLD_RATE:
                if preferred in _NO_REPLY and horizon - ready > timedelta(hours=1) \
                        and rng.random() < 0.5:
                    attempt = _office_time(rng, ready + timedelta(hours=rng.uniform(0.5, 30)), ready,
                                           horizon, holidays)
                    log(attempt, by, "out", preferred, _NO_REPLY[preferred], False)
                break
            late = rng.random() < VC_LATE_RATE
            at = _vc_time(rng, ready, due, late, holidays)
            covered = [i]
            j = i + 1
            # News that has come in by the time of the call is passed on in the same call.
            while j < len(events) and j != final and events[j][0] < at:
                at = _waking(rng, max(at, events[j][1] + timedelta(minutes=rng.randint(5, 60))),
                             holidays)
                covered.append(j)
                if events[j][2] == "hearing":
                    by = wco
                j += 1
            if at > horizon:
                break
            if late and preferred in _NO_REPLY and rng.random() < 0.5:
                # Tried in time, and no answer.
                attempt = _office_time(rng, datetime.combine(due, time(12)), ready,
                                       min(at, datetime.combine(due, _OFFICE_END)), holidays)
                if ready < attempt < at:
                    log(attempt, by, "out", preferred, _NO_REPLY[preferred], False)
            if late and rng.random() < 0.3:
                asked = _office_time(rng, at - timedelta(days=rng.uniform(0, 3)), ready, at, holidays)
                if ready < asked < at:
                    log(asked, by, "in", "phone",
                        "Victim rang asking for news of the case; said we would call back.", False)
        channel = preferred
        at_court = (len(covered) == 1 and kind == "hearing" and part["type"] == "trial"
                    and at.date() == when.date() and rng.random() < 0.35)
        if at_court:
            channel = "in_person"
        told = "; and of ".join(_told_of(doc, events[k][2], events[k][3]) for k in covered)
        summary = ("At court: told" if at_court else "Told") + f" of {told}."
        if minor and not at_court:
            summary = "Through a parent: t" + summary[1:]
        log(at.replace(microsecond=0), by, "out", channel, summary, True)
        i = covered[-1] + 1
    return out


# ---- files returned to the officer -----------------------------------------------------------

@dataclass(frozen=True)
class _ReturnRule:
    """A file-quality rule a case progression officer returns files for: when it makes sense for
    the case, how often, what the feedback says and what the officer says they did."""
    weight: int
    applies: object  # (facts) -> bool
    ask: str  # feedback point; {victim}, {witness}, {suspect}, {vulnerable} are filled in
    done: str  # the officer's note on resubmitting


def _facts(doc: dict, sub: dict | None) -> dict:
    """What the feedback rules need to know about a case and the file in question."""
    ws = doc["witnesses"]
    mats = doc["materials"]
    types = {m["type"] for m in mats}
    victim = next((w for w in ws if w["role"] == "victim"), None)
    key = next((w for w in ws if w["role"] in ("victim", "civilian") and w["key_witness"]), victim)
    vulnerable = next((w for w in ws if w["role"] in ("victim", "civilian")
                       and w["vulnerability_grounds"]), None)
    interviewed = next((d for d in doc["defendants"]
                        if any(i["type"] != "not_interviewed" for i in d["interviews"])), None)
    file_type = sub["file_type"] if sub else "FH-NGAP"
    return {
        "pre_charge": file_type.startswith("PC"), "post_charge": not file_type.startswith("PC"),
        "contested": file_type in ("FH-NGAP", "FH-CC") or file_type.startswith("PC"),
        "flags": set(doc["case"]["flags"]), "types": types,
        "compensation": doc["case"]["compensation_sought"],
        "devices": doc["case"]["devices_seized"],
        "victim": _who(victim) if victim else "", "witness": _who(key) if key else "",
        "vulnerable": _who(vulnerable) if vulnerable else "",
        "suspect": f"{doc['defendants'][0]['forenames']} {doc['defendants'][0]['surname'].upper()}",
        "interviewed": f"{interviewed['forenames']} {interviewed['surname'].upper()}"
        if interviewed else "",
    }


_RETURN_RULES: dict[str, _ReturnRule] = {
    "NFS.MATERIAL.KEY_STATEMENTS": _ReturnRule(
        6, lambda f: bool(f["witness"]),
        "There is no statement from {witness}: please provide their signed MG11.",
        "MG11 of {witness} attached"),
    "NFS.STATEMENT.UNSIGNED": _ReturnRule(
        3, lambda f: bool(f["witness"]),
        "The statement of {witness} is not signed: please get the declaration of truth signed "
        "and upload the signed copy.", "signed MG11 uploaded"),
    "NFS.MATERIAL.SUSPECT_PREVIOUS_CONVICTIONS": _ReturnRule(
        4, lambda f: True,
        "Please attach the PNC print for {suspect} (or record that the check found nothing).",
        "PNC print added"),
    "NFS.WITNESS.PREVIOUS_CONVICTIONS": _ReturnRule(
        3, lambda f: bool(f["witness"]),
        "Please check the PNC for {witness} and record the result; any convictions go on the MG6.",
        "PNC check on {witness} recorded"),
    "NFS.MATERIAL.INTERVIEW": _ReturnRule(
        3, lambda f: bool(f["interviewed"]),
        "Please provide the interview record or a summary (MG15) for {interviewed}.",
        "ROTI summary attached"),
    "NFS.PRECHARGE.SUPERVISOR_COMMENTS": _ReturnRule(
        4, lambda f: f["pre_charge"],
        "Please ask your supervisor to review the file and add their comments before it goes "
        "to the CPS.", "supervisor's comments added"),
    "NFS.MATERIAL.MG3": _ReturnRule(
        1, lambda f: f["pre_charge"],
        "Please attach the MG3: the CPS cannot give a charging decision without it.",
        "MG3 attached"),
    "NFS.MATERIAL.UNUSED_SCHEDULES": _ReturnRule(
        3, lambda f: f["contested"],
        "Please provide the MG6C schedule of non-sensitive unused material, signed and dated "
        "(and the MG6D, or a nil return).", "MG6C and MG6D done"),
    "NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED": _ReturnRule(
        2, lambda f: f["contested"] and "MG6C" in f["types"],
        "The MG6C is not signed and dated: please have the disclosure officer sign it.",
        "MG6C signed and dated"),
    "NFS.DISCLOSURE.ITEMS_NOT_DESCRIBED": _ReturnRule(
        1, lambda f: f["contested"] and "MG6C" in f["types"],
        "Please describe each item on the MG6C well enough for the prosecutor to judge it: what "
        "it is, its date and where it is kept.", "MG6C descriptions completed"),
    "NFS.MATERIAL.MG5": _ReturnRule(
        2, lambda f: f["post_charge"],
        "Please provide the MG5 case summary, with the key evidence and the interview summary.",
        "MG5 written"),
    "NFS.MG5.NOT_CERTIFIED": _ReturnRule(
        3, lambda f: f["post_charge"],
        "Please ask your supervisor to review and certify the MG5.", "MG5 certified by my sergeant"),
    "NFS.MATERIAL.MG6": _ReturnRule(
        1, lambda f: f["post_charge"],
        "Please complete the MG6 with the background, outstanding evidence and target dates.",
        "MG6 completed"),
    "NFS.WITNESS.VPS_NOT_RECORDED": _ReturnRule(
        3, lambda f: bool(f["victim"]),
        "Please record whether {victim} was offered a Victim Personal Statement, and provide it if "
        "they made one.", "VPS offer recorded"),
    "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED": _ReturnRule(
        4, lambda f: bool(f["vulnerable"]),
        "{vulnerable} is eligible for special measures: please discuss them and complete an MG2 "
        "with their views.", "MG2 completed after speaking to {vulnerable}"),
    "NFS.MATERIAL.CCTV": _ReturnRule(
        3, lambda f: "CCTV" in f["types"],
        "Please provide the CCTV, clipped to the relevant part and in a playable format.",
        "CCTV uploaded"),
    "NFS.MULTIMEDIA.CCTV_NOT_CLIPPED": _ReturnRule(
        2, lambda f: "CCTV" in f["types"],
        "The CCTV is not clipped: please clip it to the incident and note the start and end times.",
        "CCTV clipped"),
    "NFS.MATERIAL.BWV": _ReturnRule(
        2, lambda f: "BWV" in f["types"],
        "Please provide the body-worn video, clipped to the relevant part and in a playable format.",
        "BWV uploaded"),
    "NFS.MULTIMEDIA.BWV_NOT_CLIPPED": _ReturnRule(
        2, lambda f: "BWV" in f["types"],
        "The body-worn video is not clipped: please clip it to the relevant part.", "BWV clipped"),
    "NFS.OIC.CONTACT_INCOMPLETE": _ReturnRule(
        1, lambda f: True,
        "Please complete your contact details on the file so the CPS can reach you.",
        "contact details updated"),
    "NFS.MATERIAL.DA_CHECKLIST": _ReturnRule(
        6, lambda f: "domestic_abuse" in f["flags"],
        "Please complete the domestic abuse evidence-gathering checklist and submit it with the "
        "file.", "DA checklist completed"),
    "NFS.MATERIAL.MEDICAL": _ReturnRule(
        2, lambda f: "gbh_abh_wounding" in f["flags"],
        "Please provide the medical evidence of the injuries (with the victim's consent), or the "
        "date it is expected.", "medical statement requested; date on the MG6"),
    "NFS.MATERIAL.COMPENSATION_MG19": _ReturnRule(
        2, lambda f: f["post_charge"] and f["compensation"],
        "Please provide the MG19 compensation claim, or put an estimate of the loss in the MG5.",
        "MG19 attached"),
    "NFS.MATERIAL.MG10": _ReturnRule(
        2, lambda f: f["post_charge"] and f["contested"],
        "Please provide the MG10 with every witness's dates to avoid so a trial date can be fixed.",
        "MG10 done"),
    "NFS.MATERIAL.DIGITAL_STRATEGY": _ReturnRule(
        2, lambda f: f["devices"],
        "Please record the digital strategy for the seized devices: what will be examined and why.",
        "digital strategy recorded"),
    "NFS.MATERIAL.OTHER_EXHIBITS": _ReturnRule(
        1, lambda f: bool(f["types"] & {"PHOTOGRAPHS", "CALL_999"}),
        "Please provide the photographs and the 999 call referred to in the statements.",
        "exhibits uploaded"),
}

# Triage reasons no file-quality rule carries as its CPS reason, read as the rules a gatekeeper
# would have returned the file for.
_TRIAGE_EXTRA = {"hard_media": ("NFS.MATERIAL.CCTV", "NFS.MATERIAL.BWV"),
                 "third_party_material": ("NFS.MATERIAL.DIGITAL_STRATEGY",)}


@cache
def _rules_for_triage() -> dict[str, tuple[str, ...]]:
    """CPS triage reason code -> the file-quality rules whose CPS reason it is."""
    from casework.rules.quality import catalogue
    from casework.rules.reporting import TRIAGE_REASONS

    by_label: dict[str, list[str]] = {}
    for rule in catalogue():
        if rule.cps_triage_reason:
            by_label.setdefault(rule.cps_triage_reason, []).append(rule.id)
    return {t.code: tuple(by_label.get(t.label, ())) + _TRIAGE_EXTRA.get(t.code, ())
            for t in TRIAGE_REASONS}


def _return_points(rng: random.Random, facts: dict, reasons: list[str], count: int,
                   exclude: tuple[str, ...] = ()) -> list[str]:
    """Rule ids for one return: first those behind the CPS's later triage reasons, then others
    that make sense for the case."""
    usable = {rid: r for rid, r in _RETURN_RULES.items() if rid not in exclude and r.applies(facts)}
    chosen: list[str] = []
    mapped = _rules_for_triage()
    for reason in reasons:
        options = [rid for rid in mapped.get(reason, ()) if rid in usable and rid not in chosen]
        if options and len(chosen) < count and rng.random() < 0.8:
            chosen.append(rng.choice(options))
    rest = [rid for rid in usable if rid not in chosen]
    while len(chosen) < count and rest:
        rid = rng.choices(rest, [usable[r].weight for r in rest])[0]
        chosen.append(rid)
        rest.remove(rid)
    return sorted(chosen)


def _feedback(rule_ids: list[str], facts: dict, cycle: int, again: bool = False) -> str:
    """Numbered points in plain words, as `reviews.services.feedback_draft` lays them out."""
    points = [_RETURN_RULES[rid].ask.format(**facts) for rid in rule_ids]
    if cycle > 1 and again:
        head = ("Thank you for the changes. " + ("This is still to put right"
                if len(points) == 1 else "These are still to put right")
                + " before the file can go to the CPS:")
    elif cycle > 1:
        head = ("Thank you for the changes. " + ("One more thing" if len(points) == 1
                else "A few more things") + " before the file can go to the CPS:")
    else:
        head = "Please put these right and resubmit the file:"
    return "\n".join([head, ""] + [f"{n}. {p}" for n, p in enumerate(points, 1)])


def _officer_note(rng: random.Random, rule_ids: list[str], facts: dict) -> str:
    if rng.random() < 0.15:
        return ""
    done = "; ".join(_RETURN_RULES[rid].done.format(**facts) for rid in rule_ids)
    return done[:1].upper() + done[1:] + "."


def _return_window(doc: dict, k: int, received: datetime, charge_dt: datetime | None) -> datetime:
    """The earliest a file could have gone back to the officer before submission `k`: after the
    case was received, after the CPS dealt with the previous submission (triage takes up to four
    days, 80 minutes for a custody case) and, for a charged file, after the charge."""
    subs = doc["submissions"]
    at = _parse(subs[k]["submitted_at"])
    start = received
    for prev in subs[:k]:
        sent = _parse(prev["submitted_at"])
        start = max(start, sent + (timedelta(hours=2) if prev["charging_category"] == "red"
                                   else timedelta(days=4)))
    for c in doc["decisions"]:
        decided = _parse(c["decided_at"])
        if decided < at:
            start = max(start, decided)
    for plan in doc["action_plans"]:
        for item in plan["items"]:
            if item["completed_at"] and _parse(item["completed_at"]) < at:
                start = max(start, _parse(item["completed_at"]))
    if not subs[k]["file_type"].startswith("PC") and charge_dt is not None:
        start = max(start, charge_dt)
    return start


def _add_file_returns(doc: dict, rng: random.Random, *, now: datetime, charge_dt: datetime | None,
                      caseworker: dict, oic: dict, holidays: frozenset[date]) -> None:
    """Files the case progression officer sent back to the officer with feedback before they went
    to the CPS (one to four days before; a quarter of them twice), and a few files that are with
    the officer now."""
    subs = doc["submissions"]
    received = _parse(doc["case"]["received_at"])
    returns: list[dict] = []

    def add(returned, rule_ids, facts, resubmitted=None):
        cycle = len(returns) + 1
        again = bool(returns) and set(rule_ids) <= set(returns[-1]["rule_ids"])
        returns.append({
            "cycle": cycle, "returned_at": _z(returned), "returned_by": dict(caseworker),
            "feedback": _feedback(rule_ids, facts, cycle, again), "rule_ids": rule_ids,
            "resubmitted_at": _z(resubmitted), "resubmitted_by": dict(oic) if resubmitted else None,
            "officer_note": _officer_note(rng, rule_ids, facts) if resubmitted else "",
        })

    # The first submission with room before it for a return (the case was received, or the CPS
    # dealt with the previous one, at least 30 hours earlier): most files go within hours.
    target = None
    for k, sub in enumerate(subs if subs and rng.random() < RETURN_RATE else ()):
        at = _parse(sub["submitted_at"])
        start = _return_window(doc, k, received, charge_dt)
        if at - start >= timedelta(hours=30):
            target = (k, sub, start + timedelta(minutes=30), at)
            break
    if target is not None:
        k, sub, start, at = target
        facts = _facts(doc, sub)
        reasons = [r for s in subs[k:] if s["outcome"] == "non_compliant" for r in s["reasons"]]
        first = _return_points(rng, facts, reasons, rng.choice([1, 1, 2, 2, 3]))
        twice = at - start >= timedelta(days=2.25) and rng.random() < SECOND_CYCLE_RATE
        lo = max(start, at - timedelta(days=4))
        if twice:
            returned = _office_time(rng, at - timedelta(days=rng.uniform(2, 4)), lo,
                                    at - timedelta(days=2), holidays)
            again = _office_time(rng, returned + timedelta(days=rng.uniform(1, 2)),
                                 returned + timedelta(hours=20), at - timedelta(hours=8), holidays)
            back = _between(rng, returned + timedelta(hours=2), again - timedelta(hours=1))
            add(returned, first, facts, back)
            if rng.random() < 0.6:
                second = sorted(rng.sample(first, rng.randint(1, len(first))))
            else:
                second = _return_points(rng, facts, [], 1, exclude=tuple(first))
            returned = again
            first = second or first
        else:
            returned = _office_time(rng, at - timedelta(days=rng.uniform(1, 4)), lo,
                                    at - timedelta(days=1), holidays)
        back = max(returned + timedelta(hours=1), at - timedelta(hours=rng.uniform(1, 6)))
        add(returned, first, facts, back.replace(microsecond=0))

    # A file awaited now that the officer has back: the charged file not yet sent, or a pre-charge
    # file the CPS found non-compliant that the officer is reworking.
    stage, last = doc["case"]["stage"], subs[-1] if subs else None
    awaited = start = None
    if stage == "charged" and charge_dt is not None and not any(
            not s["file_type"].startswith("PC") for s in subs):
        case = doc["case"]
        awaited = {"file_type": "FH-CC" if case["venue"] == "crown" else
                   "FH-GAP" if case["anticipated_plea"] == "GAP" else "FH-NGAP", "reasons": []}
        start = charge_dt + timedelta(hours=3)
    elif stage == "pre_charge" and last is not None and last["outcome"] == "non_compliant":
        awaited = last
        start = _parse(last["submitted_at"]) + timedelta(days=4)
    if start is not None and now - start >= timedelta(hours=20) and rng.random() < OPEN_RETURN_RATE:
        facts = _facts(doc, awaited)
        reasons = list(awaited["reasons"])
        rule_ids = _return_points(rng, facts, reasons, rng.choice([1, 2, 2, 3]))
        returned = _office_time(rng, now - timedelta(days=rng.uniform(0.3, 3)), start,
                                now - timedelta(minutes=30), holidays)
        add(returned, rule_ids, facts)
    doc["file_returns"] = returns


# ---- findings set aside ------------------------------------------------------------------------

@dataclass(frozen=True)
class _SetAside:
    weight: int
    reasons: tuple[str, ...]
    flags: tuple[str, ...] = ()  # only in cases with one of these flags


_SET_ASIDE: dict[str, _SetAside] = {
    "NFS.WITNESS.VPS_NOT_RECORDED": _SetAside(6, (
        "Victim declined a VPS; recorded on the MG6.",
        "VPS offered by the OIC when the statement was taken and declined; confirmed with the "
        "victim by phone and noted on the MG6.")),
    "NFS.WITNESS.VPS_MADE_NOT_PROVIDED": _SetAside(4, (
        "The victim wants to make the VPS nearer sentence; the OIC will take it then (noted on the "
        "MG6).",
        "The victim has withdrawn the VPS and does not want it read to the court; recorded on the "
        "MG6.")),
    "NFS.DA.PREVIOUS_INCIDENTS": _SetAside(4, (
        "No previous incidents between the parties on force systems (checked by the OIC; recorded "
        "on the MG6).",)),
    "NFS.WITNESS.PREVIOUS_CONVICTIONS": _SetAside(3, (
        "PNC checked by the OIC: no trace for this witness; the result is on the MG6.",)),
    "NFS.MATERIAL.CCTV": _SetAside(3, (
        "CCTV viewed by the OIC: the camera does not cover the incident; listed on the MG6C as "
        "unused.",
        "CCTV not relied on: the footage only shows the street after the incident; on the MG6C.")),
    "NFS.MATERIAL.BWV": _SetAside(2, (
        "BWV not relied on: the officers arrived after the incident and it shows nothing of "
        "evidential value; on the MG6C.",)),
    "NFS.MULTIMEDIA.CCTV_NOT_CLIPPED": _SetAside(3, (
        "The whole clip is needed: the incident runs across all of it (agreed with the CPS "
        "lawyer).",)),
    "NFS.MULTIMEDIA.BWV_NOT_CLIPPED": _SetAside(3, (
        "Full BWV needed: the CPS asked for the whole recording, not a clip.",)),
    "NFS.MULTIMEDIA.OTHER_NOT_CLIPPED": _SetAside(1, (
        "The recording is short and all of it is relevant: there is nothing to clip.",)),
    "NFS.MATERIAL.COMPENSATION_MG19": _SetAside(3, (
        "No compensation claimed: the property was recovered undamaged (victim confirmed).",
        "The victim does not want compensation; recorded on the MG6.")),
    "NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED": _SetAside(2, (
        "The witness wants to give evidence in the courtroom without special measures; their "
        "views are on the MG6.",)),
    "NFS.MATERIAL.MG2": _SetAside(2, (
        "The witness does not want special measures; their views are on the MG6 and the CPS "
        "agrees no MG2 is needed.",)),
    "NFS.MATERIAL.OVERDUE": _SetAside(1, (
        "New target date agreed with the CPS lawyer by phone; the MG6 is being updated.",)),
    "NFS.MATERIAL.ALL_STATEMENTS": _SetAside(2, (
        "Evidence agreed by the defence under s.10 CJA 1967; no statement needed for trial.",)),
    "NFS.MATERIAL.KEY_STATEMENTS": _SetAside(3, (
        "Victim declined to make a statement; evidence-led prosecution on the BWV and the 999 "
        "call, agreed with the CPS.",), flags=("domestic_abuse",)),
    "NFS.EXHIBIT.NOT_ON_LIST": _SetAside(2, (
        "The item in the statement was not retained (not relevant to the case); explained on the "
        "MG6.",)),
}


# Reasons that depend on what the finding is about: (rule id, material type or witness role).
_SET_ASIDE_FOR = {
    ("NFS.MATERIAL.OVERDUE", "MG11"): "The witness is away until next week; a new date for the "
                                      "statement is agreed with the CPS (noted on the MG6).",
    ("NFS.MATERIAL.OVERDUE", "FORENSIC"): "Lab backlog: a revised date for the results is agreed "
                                          "with the CPS by email.",
    ("NFS.MATERIAL.OVERDUE", "MEDICAL"): "Hospital records requested again; a revised date is "
                                         "agreed with the CPS.",
    ("NFS.MULTIMEDIA.OTHER_NOT_CLIPPED", "CALL_999"): "The 999 call is under two minutes: there "
                                                      "is nothing to clip.",
    ("NFS.MATERIAL.ALL_STATEMENTS", "police"): "Not needed for trial: this officer's evidence is "
                                               "covered by the OIC's statement (agreed with the "
                                               "CPS).",
}


def _set_aside_reason(rng: random.Random, doc: dict, rule_id: str, item: str) -> str:
    kinds = {m["ref"]: m["type"] for m in doc["materials"]}
    kinds.update((w["ref"], w["role"]) for w in doc["witnesses"])
    special = _SET_ASIDE_FOR.get((rule_id, kinds.get(item)))
    reasons = (special,) if special else _SET_ASIDE[rule_id].reasons
    return rng.choice(reasons)


@cache
def _review_reference():
    """The reference data the file-quality review needs, from the files shipped with Casework."""
    from casework.reference.services import DATA_DIR
    from casework.rules.quality import CourtInfo, FakeReference, OffenceInfo

    offences = {code: OffenceInfo(code, title, category, True)
                for code, (title, category) in offence_reference().items()}
    courts = {}
    for o in json.loads((DATA_DIR / "court-organisation-units.json").read_bytes()):
        if o["thirdLevelCode"] != "00":
            code = f"{o['topLevelCode']}{o['secondLevelCode']}{o['thirdLevelCode']}{o['bottomLevelCode']}"
            courts[code] = CourtInfo(code, o["thirdLevelName"].strip(),
                                     "magistrates" if o["topLevelCode"] == "B" else "crown")
    forces = {f["code"] for f in json.loads((DATA_DIR / "forces.json").read_bytes())
              if f["code"].isdigit()}
    return FakeReference(offences, courts, forces)


def _add_finding_override(doc: dict, rng: random.Random, *, now: datetime, today: date,
                          caseworker: dict) -> None:
    """In a few open cases, a finding the file-quality review raises today that the reviewer set
    aside with a reason (the finding then shows as set aside, not as a failing)."""
    if doc["case"]["stage"] == "finalised" or rng.random() >= SET_ASIDE_TRY_RATE:
        return
    from casework.rules.quality import review_case
    from casework.rules.quality.context import ref_key
    from casework.rules.snapshot import snapshot_from_casefile

    review = review_case(snapshot_from_casefile(doc), today=today, reference=_review_reference())
    flags = set(doc["case"]["flags"])
    options = sorted(
        {(f.rule.id, f.item or "") for f in review.findings
         if f.rule.id in _SET_ASIDE and (not _SET_ASIDE[f.rule.id].flags
                                          or flags & set(_SET_ASIDE[f.rule.id].flags))},
        key=lambda o: (o[0], ref_key(o[1])))
    if not options:
        return
    rule_id, item = rng.choices(options, [_SET_ASIDE[r].weight for r, _ in options])[0]
    # Set aside at a review since the file last moved on.
    stamps = [doc["case"]["received_at"]] + [s["submitted_at"] for s in doc["submissions"]] + [
        h["starts_at"] for h in doc["hearings"] if h["outcome"]]
    lo = max(_parse(s) for s in stamps) + timedelta(hours=2)
    if lo >= now - timedelta(minutes=20):
        return
    at = _office_time(rng, now - timedelta(days=rng.uniform(0.2, 30)), lo,
                      now - timedelta(minutes=10), _bank_holidays())
    doc["finding_overrides"] = [{"rule_id": rule_id, "item": item or None,
                                 "reason": _set_aside_reason(rng, doc, rule_id, item),
                                 "by": dict(caseworker), "at": _z(at)}]
