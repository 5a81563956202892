"""Offence scenarios for demo case files: what happened, to whom, and what evidence exists.

Responsible for: the offence mix of a large metropolitan force — real CJS offence codes (each
checked against `reference/data/cjs-offences.json` by the tests), charge wordings with their
statutory references, the case flags each scenario implies, the victims and witnesses it has,
its exhibits, and the tendencies that drive the case's life (arrest and custody rates, likely
plea, whether it goes to the Crown Court). Must not: decide dates beyond the incident, charging
routes or stages (the generator does that, from these tendencies and DG6).

Each scenario is a function `(ctx) -> Incident`; `ctx` is the generator's per-case context
(random source, area, incident day and helpers that make people and places).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .names import PUBS, SHOP_GOODS, SHOPS, VEHICLES


@dataclass
class PersonDraft:
    forenames: str
    surname: str
    female: bool
    date_of_birth: date
    community: str
    relation: str = ""  # how they fit in: "partner", "store security officer", "neighbour" …
    grounds: list[str] = field(default_factory=list)  # vulnerability grounds (YJCEA ss.16–17)

    @property
    def name(self) -> str:
        return f"{self.forenames} {self.surname.upper()}"

    def age_on(self, day: date) -> int:
        dob = self.date_of_birth
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


@dataclass
class OffenceDraft:
    code: str
    wording: str
    date_from: date
    date_to: date | None = None
    location: str = ""

    @property
    def date_code(self) -> int:
        return 4 if self.date_to else 1  # SPI: 4 between, 1 on or in


@dataclass
class ExhibitDraft:
    type: str  # MaterialType value
    title: str
    producer: str = "police"  # "police" or "civilian" (the first civilian witness)
    key: bool = True


@dataclass
class Incident:
    key: str
    offences: list[OffenceDraft]
    flags: set[str]
    summary: str
    victims: list[PersonDraft] = field(default_factory=list)
    civilians: list[PersonDraft] = field(default_factory=list)
    police_witnesses: int = 1
    professionals: list[str] = field(default_factory=list)  # e.g. "Forensic scientist"
    exhibits: list[ExhibitDraft] = field(default_factory=list)
    suspects: tuple[int, int, int] = (90, 8, 2)  # weights for one, two, three suspects
    female_rate: float = 0.15
    youth_rate: float = 0.05
    suspect_community: str | None = None
    arrest_rate: float = 0.9  # arrested (rather than interviewed voluntarily)
    custody_rate: float = 0.4  # kept in custody until charged or a decision made
    remand_rate: float = 0.05  # remanded in custody by the court if charged in custody
    admit_rate: float = 0.5  # full admission in interview
    crown_rate: float = 0.05  # either-way, not guilty: sent to or elected for the Crown Court
    mags_sentence: bool = True  # suitable for sentence in the magistrates' court (DG6)
    investigation_days: tuple[int, int] = (14, 60)  # arrest to charge or CPS file, on bail/RUI
    early_advice_rate: float = 0.0
    interview: str = "ROTI"  # or "SDN"; "none" for scenarios without an interview
    pre_charge_interview_days: tuple[int, int] = (0, 0)  # voluntary interview after the day


def _town(ctx) -> str:
    return ctx.lpa.name


def _at(ctx) -> str:
    return f"at {_town(ctx)} in the county of West Midlands"


# --------------------------------------------------------------------------------------------
# Acquisitive crime
# --------------------------------------------------------------------------------------------

def shop_theft(ctx) -> Incident:
    rng = ctx.rng
    kind = rng.choices(["grocery", "health_beauty", "clothing", "variety"], [55, 15, 15, 15])[0]
    shop = rng.choice(SHOPS[kind])
    street = ctx.street()
    counts = rng.choices([1, 2, 3], [75, 18, 7])[0]
    offences, total = [], 0.0
    for i in range(counts):
        goods, value = rng.choice(SHOP_GOODS[kind])
        amount = ctx.money(value * 0.4, value * 1.8)
        total += amount
        day = ctx.day - timedelta(days=0 if i == 0 else rng.randint(3, 40))
        offences.append(OffenceDraft(
            "TH68010",
            f"On {ctx.d(day)} {_at(ctx)} stole {goods} to the value of £{amount:,.2f} "
            f"belonging to {shop}. Contrary to sections 1(1) and 7 of the Theft Act 1968.",
            day, location=f"{shop}, {ctx.place(street)}",
        ))
    staff = ctx.person(age=(19, 60), relation=f"store security officer at {shop}")
    exhibits = [ExhibitDraft("CCTV", f"CCTV from {shop}, {street[0]}", "civilian")]
    if rng.random() < 0.6:
        exhibits.append(ExhibitDraft("BWV", "Body-worn video of arrest", key=False))
    detained = rng.random() < 0.55
    how = ("detained by store security and handed to police" if detained
           else "identified from CCTV and arrested later")
    return Incident(
        "shop_theft", offences, {"retail_theft"},
        f"Theft of goods worth £{total:,.2f} from {shop}, {street[0]} ({counts} "
        f"occasion{'s' if counts > 1 else ''}). Suspect {how}.",
        civilians=[staff], police_witnesses=1, exhibits=exhibits,
        suspects=(85, 13, 2), female_rate=0.32, youth_rate=0.08,
        arrest_rate=0.8, custody_rate=0.55, remand_rate=0.06, admit_rate=0.7,
        crown_rate=0.01, investigation_days=(5, 45), interview="SDN",
    )


def burglary(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    dwelling = rng.random() < 0.7
    victim = ctx.person(age=(22, 85), relation="householder" if dwelling else "business owner")
    stolen = rng.choice(["a television, jewellery and cash", "a laptop and car keys",
                         "power tools", "a mountain bike and a games console",
                         "jewellery and designer handbags", "cash and bank cards"])
    value = ctx.money(300, 6000)
    if dwelling:
        home = ctx.house(street)
        offence = OffenceDraft(
            "TH68036",
            f"On {ctx.d(ctx.day)} {_at(ctx)} having entered as a trespasser a building, namely "
            f"{home}, being a dwelling, stole therein {stolen} to the value of "
            f"£{value:,.2f} belonging to {victim.name}. Contrary to section 9(1)(b) of the Theft "
            "Act 1968.",
            ctx.day, location=home)
    else:
        premises = f"{rng.choice(['a garage', 'a shed', 'business premises', 'a lock-up'])}"
        offence = OffenceDraft(
            "TH68037",
            f"On {ctx.d(ctx.day)} {_at(ctx)} having entered as a trespasser a building, namely "
            f"{premises} at {ctx.place(street)}, stole therein {stolen} to the value of "
            f"£{value:,.2f} belonging to {victim.name}. Contrary to section 9(1)(b) of the Theft "
            "Act 1968.",
            ctx.day, location=ctx.place(street))
    offences = [offence]
    if rng.random() < 0.2:
        offences.append(OffenceDraft(
            "CD71039",
            f"On {ctx.d(ctx.day)} {_at(ctx)} without lawful excuse damaged a rear door to the "
            f"value of £{ctx.money(150, 900):,.2f} belonging to {victim.name}, intending to "
            "damage such property or being reckless as to whether such property would be "
            "damaged. Contrary to sections 1(1) and 4 of the Criminal Damage Act 1971.",
            ctx.day, location=offence.location))
    exhibits = [ExhibitDraft("PHOTOGRAPHS", "Scene photographs (point of entry)")]
    if rng.random() < 0.5:
        exhibits.append(ExhibitDraft("FORENSIC", "Fingerprint identification report"))
    if rng.random() < 0.5:
        exhibits.append(ExhibitDraft("CCTV", f"Doorbell camera footage, {street[0]}", "civilian"))
    civilians = [ctx.person(age=(25, 75), relation="neighbour")] if rng.random() < 0.4 else []
    return Incident(
        "burglary", offences, set(),
        f"{'Dwelling' if dwelling else 'Non-dwelling'} burglary at {street[0]}, {street[1]}: "
        f"{stolen} taken. Suspect identified by "
        f"{rng.choice(['fingerprints', 'doorbell footage', 'a neighbour', 'stolen property recovered'])}.",
        victims=[victim], civilians=civilians, police_witnesses=1,
        professionals=["Fingerprint examiner"] if any(e.type == "FORENSIC" for e in exhibits)
        else [],
        exhibits=exhibits, suspects=(75, 20, 5), youth_rate=0.12, female_rate=0.06,
        custody_rate=0.45, remand_rate=0.25, admit_rate=0.35, crown_rate=0.3,
        mags_sentence=not dwelling, investigation_days=(21, 90),
    )


def robbery(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    victim = ctx.person(age=(14, 70), relation="stranger")
    item = rng.choice(["a mobile phone", "a mobile phone and wallet", "a handbag", "a watch",
                       "a designer jacket", "cash"])
    knife = rng.random() < 0.35
    offences = [OffenceDraft(
        "TH68023",
        f"On {ctx.d(ctx.day)} {_at(ctx)} robbed {victim.name} of {item}. Contrary to section "
        "8(1) of the Theft Act 1968.",
        ctx.day, location=ctx.place(street))]
    if knife:
        offences.append(OffenceDraft(
            "CJ88144",
            f"On {ctx.d(ctx.day)} {_at(ctx)} without good reason or lawful authority had with "
            f"you in a public place, namely {street[0]}, an article which had a blade or was "
            "sharply pointed, namely a knife. Contrary to section 139(1) and (6) of the Criminal "
            "Justice Act 1988.",
            ctx.day, location=ctx.place(street)))
        victim.grounds.append("weapons_offence_witness")
    civilians = [ctx.person(age=(18, 70), relation="passer-by")] if rng.random() < 0.5 else []
    return Incident(
        "robbery", offences, set(),
        f"Street robbery on {street[0]}, {street[1]}: {item} taken"
        f"{' at knifepoint' if knife else ' by force'}.",
        victims=[victim], civilians=civilians, police_witnesses=2,
        exhibits=[ExhibitDraft("CCTV", f"Council CCTV, {street[0]}"),
                  ExhibitDraft("BWV", "Body-worn video of victim's first account"),
                  ExhibitDraft("CALL_999", "999 call by victim")],
        suspects=(60, 30, 10), youth_rate=0.3, female_rate=0.05, custody_rate=0.7,
        remand_rate=0.45, admit_rate=0.2, crown_rate=1.0, mags_sentence=False,
        investigation_days=(14, 90),
    )


def theft_other(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    kind = rng.choices(["person", "vehicle", "handling"], [40, 40, 20])[0]
    victim = ctx.person(age=(18, 80), relation="owner")
    if kind == "person":
        item = rng.choice(["a mobile phone", "a purse", "a wallet"])
        off = OffenceDraft(
            "TH68001",
            f"On {ctx.d(ctx.day)} {_at(ctx)} stole {item} from the person of {victim.name}. "
            "Contrary to sections 1(1) and 7 of the Theft Act 1968.",
            ctx.day, location=ctx.place(street))
        summary = f"Pickpocketing on {street[0]}: {item} taken from the victim's bag."
    elif kind == "vehicle":
        item = rng.choice(["a satnav", "a laptop bag", "tools", "a handbag", "sunglasses and cash"])
        off = OffenceDraft(
            "TH68007",
            f"On {ctx.d(ctx.day)} {_at(ctx)} stole {item} from a motor vehicle belonging to "
            f"{victim.name}. Contrary to sections 1(1) and 7 of the Theft Act 1968.",
            ctx.day, location=ctx.place(street))
        summary = f"Theft from a parked {rng.choice(VEHICLES)} on {street[0]}; window smashed."
    else:
        item = rng.choice(["a stolen e-scooter", "stolen power tools", "a stolen mobile phone"])
        off = OffenceDraft(
            "TH68073",
            f"On {ctx.d(ctx.day)} {_at(ctx)} dishonestly received {item}, knowing or believing "
            "the same to be stolen goods. Contrary to section 22(1) of the Theft Act 1968.",
            ctx.day, location=ctx.place(street))
        summary = f"Suspect found in possession of {item} during a stop on {street[0]}."
    return Incident(
        f"theft_{kind}", [off], set(), summary, victims=[victim], police_witnesses=1,
        exhibits=[ExhibitDraft("CCTV", f"CCTV, {street[0]}")] if kind != "handling" else
        [ExhibitDraft("PHOTOGRAPHS", "Photographs of recovered property")],
        suspects=(85, 13, 2), youth_rate=0.12, female_rate=0.15, custody_rate=0.4,
        remand_rate=0.05, admit_rate=0.45, crown_rate=0.06, investigation_days=(14, 60),
    )


def fraud(ctx) -> Incident:
    rng = ctx.rng
    victim = ctx.person(age=(30, 90), relation="account holder")
    amount = ctx.money(250, 9000)
    how = rng.choice([
        f"used a bank card belonging to {victim.name} to make contactless purchases",
        f"falsely represented to {victim.name} that roofing work was needed and took payment",
        f"posed as a bank official and persuaded {victim.name} to transfer money",
    ])
    start = ctx.day - timedelta(days=rng.randint(10, 120))
    off = OffenceDraft(
        "FA06001",
        f"Between {ctx.d(start)} and {ctx.d(ctx.day)} {_at(ctx)} dishonestly {how}, intending "
        f"to make a gain of £{amount:,.2f} for yourself. Contrary to sections 1 and 2 of the "
        "Fraud Act 2006.",
        start, ctx.day)
    return Incident(
        "fraud", [off], set(), f"Fraud: {how.split(' and ')[0]}; loss £{amount:,.2f}.",
        victims=[victim], police_witnesses=1,
        exhibits=[ExhibitDraft("THIRD_PARTY", "Bank statements (production order)"),
                  ExhibitDraft("CCTV", "CCTV of card use")],
        suspects=(85, 12, 3), female_rate=0.3, arrest_rate=0.6, custody_rate=0.1,
        admit_rate=0.3, crown_rate=0.2, investigation_days=(30, 150),
    )


# --------------------------------------------------------------------------------------------
# Violence and domestic abuse
# --------------------------------------------------------------------------------------------

def _domestic_pair(ctx, *, victim_female: bool | None = None):
    """A domestic abuse victim and the relation; the suspect is of the other sex mostly."""
    rng = ctx.rng
    female = rng.random() < 0.82 if victim_female is None else victim_female
    relation = rng.choice(["partner", "ex-partner", "ex-partner", "wife" if female else "husband",
                           "partner", "mother" if female else "father",
                           "sister" if female else "brother"])
    ages = {"mother": (40, 75), "father": (40, 75)}.get(relation, (18, 65))
    victim = ctx.person(age=ages, female=female, relation=relation)
    victim.grounds.append("domestic_abuse_complainant")
    if rng.random() < 0.35:
        victim.grounds.append("fear_or_distress")
    return victim


def _da_extras(ctx, victim) -> tuple[list[ExhibitDraft], list[PersonDraft]]:
    rng = ctx.rng
    exhibits = [ExhibitDraft("BWV", "Body-worn video of attending officers"),
                ExhibitDraft("CALL_999", f"999 call by {victim.forenames}")]
    civilians = []
    if rng.random() < 0.4:
        civilians.append(ctx.person(age=(20, 70), relation="neighbour who called police"))
    if rng.random() < 0.15:
        child = ctx.person(age=(10, 17), relation="child of the household")
        child.grounds.append("under_18")
        civilians.append(child)
    return exhibits, civilians


def assault(ctx, *, serious: bool = False) -> Incident:
    """Common assault / battery, or ABH; about 30 % are domestic abuse."""
    rng = ctx.rng
    da = rng.random() < 0.3
    flags = {"gbh_abh_wounding"} if serious else set()
    if da:
        victim = _domestic_pair(ctx)
        flags.add("domestic_abuse")
        place = ctx.house(ctx.street())
        exhibits, civilians = _da_extras(ctx, victim)
        setting = f"at the home address ({victim.relation})"
    else:
        victim = ctx.person(age=(16, 75), relation=rng.choice(
            ["stranger", "acquaintance", "door supervisor", "bus driver", "neighbour"]))
        if victim.age_on(ctx.day) < 18:
            victim.grounds.append("under_18")
        elif rng.random() < 0.08:
            victim.grounds.append("fear_or_distress")
        pub = rng.random() < 0.4
        street = ctx.street()
        place = f"{rng.choice(PUBS)}, {ctx.place(street)}" if pub else ctx.place(street)
        exhibits = [ExhibitDraft("CCTV", f"CCTV from {place}"),
                    ExhibitDraft("BWV", "Body-worn video of arrest", key=False)]
        civilians = [ctx.person(age=(18, 70), relation="eyewitness")
                     for _ in range(rng.choices([0, 1, 2], [30, 50, 20])[0])]
        setting = f"outside {place.split(',')[0]}" if pub else f"on {place.split(',')[0]}"
    pron = "her" if victim.female else "him"
    injury = rng.choice(["a fractured nose", "bruising and swelling to the face",
                         "a laceration requiring glue", "a broken tooth",
                         "bruising to the neck and arms"]) if serious else \
        rng.choice(["reddening to the cheek", "no visible injury", "a scratch to the arm",
                    "minor bruising"])
    if serious:
        code = "OF61102"
        wording = (f"On {ctx.d(ctx.day)} {_at(ctx)} assaulted {victim.name} thereby occasioning "
                   f"{pron} actual bodily harm. Contrary to section 47 of the Offences Against "
                   "the Person Act 1861.")
        exhibits.append(ExhibitDraft("PHOTOGRAPHS", "Photographs of injuries"))
        exhibits.append(ExhibitDraft("MEDICAL", "Hospital discharge summary"))
    else:
        code = "CJ88116"
        wording = (f"On {ctx.d(ctx.day)} {_at(ctx)} assaulted {victim.name} by beating {pron}. "
                   "Contrary to section 39 of the Criminal Justice Act 1988.")
    offences = [OffenceDraft(code, wording, ctx.day, location=place)]
    if da and rng.random() < 0.25:
        offences.append(OffenceDraft(
            "CD71039",
            f"On {ctx.d(ctx.day)} {_at(ctx)} without lawful excuse damaged a mobile phone to the "
            f"value of £{ctx.money(120, 700):,.2f} belonging to {victim.name}, intending to "
            "damage such property or being reckless as to whether such property would be "
            "damaged. Contrary to sections 1(1) and 4 of the Criminal Damage Act 1971.",
            ctx.day, location=place))
    if da and serious and rng.random() < 0.2:
        offences.append(OffenceDraft(
            "SC15005",
            f"On {ctx.d(ctx.day)} {_at(ctx)} intentionally strangled {victim.name}. Contrary to "
            "section 75A of the Serious Crime Act 2015.",
            ctx.day, location=place))
    what = "ABH" if serious else "Assault by beating"
    return Incident(
        "abh" if serious else "common_assault", offences, flags,
        f"{what} {setting}: victim suffered {injury}."
        + (" Victim reluctant to support a prosecution." if da and rng.random() < 0.3 else ""),
        victims=[victim], civilians=civilians, police_witnesses=rng.choice([1, 2]),
        exhibits=exhibits, suspects=(92, 7, 1) if not da else (100, 0, 0),
        female_rate=0.18, youth_rate=0.06 if not da else 0.01,
        suspect_community=victim.community if da else None,
        custody_rate=0.55 if da else 0.35, remand_rate=0.12 if da else 0.04,
        admit_rate=0.35, crown_rate=0.12 if serious else 0.0,
        mags_sentence=True, investigation_days=(7, 45),
    )


def gbh(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    victim = ctx.person(age=(16, 60), relation=rng.choice(["stranger", "acquaintance"]))
    intent = rng.random() < 0.45
    knife = rng.random() < 0.5
    if knife:
        victim.grounds.append("weapons_offence_witness")
    pron = "her" if victim.female else "him"
    if intent:
        off = OffenceDraft(
            "OF61016",
            f"On {ctx.d(ctx.day)} {_at(ctx)} unlawfully and maliciously wounded {victim.name} "
            f"with intent to do {pron} grievous bodily harm. Contrary to section 18 of the "
            "Offences Against the Person Act 1861.",
            ctx.day, location=ctx.place(street))
    else:
        off = OffenceDraft(
            "OF61131",
            f"On {ctx.d(ctx.day)} {_at(ctx)} unlawfully and maliciously wounded {victim.name}. "
            "Contrary to section 20 of the Offences Against the Person Act 1861.",
            ctx.day, location=ctx.place(street))
    civilians = [ctx.person(age=(18, 65), relation="eyewitness")
                 for _ in range(rng.choice([1, 2, 3]))]
    for c in civilians:
        if knife:
            c.grounds.append("weapons_offence_witness")
    return Incident(
        "gbh", [off], {"gbh_abh_wounding"},
        f"{'Stabbing' if knife else 'Serious assault'} on {street[0]}, {street[1]}: victim "
        f"treated at {rng.choice(['Queen Elizabeth Hospital', 'City Hospital', 'Heartlands Hospital', 'New Cross Hospital', 'University Hospital Coventry', 'Walsall Manor Hospital', 'Russells Hall Hospital'])}.",
        victims=[victim], civilians=civilians, police_witnesses=2,
        professionals=["Consultant surgeon"],
        exhibits=[ExhibitDraft("CCTV", f"Council CCTV, {street[0]}"),
                  ExhibitDraft("BWV", "Body-worn video of scene"),
                  ExhibitDraft("MEDICAL", "Medical statement and records"),
                  ExhibitDraft("FORENSIC", "Blood pattern / DNA report"),
                  ExhibitDraft("PHOTOGRAPHS", "Photographs of injuries")],
        suspects=(70, 22, 8), youth_rate=0.15, female_rate=0.06, custody_rate=0.85,
        remand_rate=0.6 if intent else 0.3, admit_rate=0.1, crown_rate=0.7,
        mags_sentence=False, investigation_days=(14, 90),
    )


def coercive_control(ctx) -> Incident:
    rng = ctx.rng
    victim = _domestic_pair(ctx, victim_female=rng.random() < 0.9)
    start = ctx.day - timedelta(days=rng.randint(120, 900))
    offences = [OffenceDraft(
        "SC15004",
        f"Between {ctx.d(start)} and {ctx.d(ctx.day)} {_at(ctx)} repeatedly or continuously "
        f"engaged in behaviour towards {victim.name}, to whom you were personally connected, "
        "that was controlling or coercive and had a serious effect on them, knowing or where "
        "you ought to have known that the behaviour would have a serious effect. Contrary to "
        "section 76(1) and (11) of the Serious Crime Act 2015.",
        start, ctx.day, location=ctx.house(ctx.street()))]
    exhibits, civilians = _da_extras(ctx, victim)
    exhibits += [ExhibitDraft("DIGITAL_STRATEGY", "Digital strategy: victim's and suspect's phones"),
                 ExhibitDraft("THIRD_PARTY", "Social services and GP records", key=False)]
    return Incident(
        "coercive_control", offences, {"domestic_abuse"},
        f"Controlling and coercive behaviour over {max(1, (ctx.day - start).days // 30)} months: "
        "monitoring of phone, control of finances, isolation from family.",
        victims=[victim], civilians=civilians + [ctx.person(age=(35, 70), relation="victim's mother")],
        police_witnesses=1, exhibits=exhibits, suspects=(100, 0, 0), female_rate=0.06,
        youth_rate=0.0, suspect_community=victim.community, custody_rate=0.5,
        remand_rate=0.25, admit_rate=0.05, crown_rate=0.45, mags_sentence=False,
        investigation_days=(30, 150),
    )


def harassment(ctx) -> Incident:
    rng = ctx.rng
    domestic = rng.random() < 0.6
    victim = _domestic_pair(ctx) if domestic else ctx.person(
        age=(18, 70), relation=rng.choice(["neighbour", "former colleague", "acquaintance"]))
    if not domestic and rng.random() < 0.3:
        victim.grounds.append("fear_or_distress")
    start = ctx.day - timedelta(days=rng.randint(21, 240))
    code, what, section = rng.choices([
        ("PH97004", "pursued a course of conduct which amounted to harassment of",
         "sections 2(1) and (2) of the Protection from Harassment Act 1997"),
        ("PH97009", "pursued a course of conduct which caused {v} to fear, on at least two "
         "occasions, that violence would be used against them,",
         "section 4(1) of the Protection from Harassment Act 1997"),
        ("PH97006", "pursued a course of conduct which amounted to stalking of",
         "sections 2A(1) and (4) of the Protection from Harassment Act 1997"),
        ("PH97011", "pursued a course of conduct amounting to stalking which caused serious "
         "alarm or distress having a substantial adverse effect on the usual day-to-day "
         "activities of", "section 4A(1)(b)(ii) and (5) of the Protection from Harassment Act 1997"),
    ], [40, 25, 20, 15])[0]
    if "{v}" in what:
        wording = (f"Between {ctx.d(start)} and {ctx.d(ctx.day)} {_at(ctx)} "
                   f"{what.format(v=victim.name)} knowing or having reason to know that it "
                   f"would. Contrary to {section}.")
    else:
        wording = (f"Between {ctx.d(start)} and {ctx.d(ctx.day)} {_at(ctx)} {what} "
                   f"{victim.name}, knowing or having reason to know that it amounted to "
                   f"harassment. Contrary to {section}.")
    flags = {"harassment_stalking"} | ({"domestic_abuse"} if domestic else set())
    exhibits = [ExhibitDraft("DIGITAL_STRATEGY", "Digital strategy: messages and call logs"),
                ExhibitDraft("PHOTOGRAPHS", "Screenshots of messages")]
    if domestic:
        exhibits.append(ExhibitDraft("BWV", "Body-worn video of victim's account"))
    return Incident(
        "harassment", [OffenceDraft(code, wording, start, ctx.day)], flags,
        f"{'Stalking' if code in ('PH97006', 'PH97011') else 'Harassment'} of "
        f"{'an ' + victim.relation if victim.relation.startswith('ex') else 'a ' + victim.relation}"
        f" over {max(1, (ctx.day - start).days // 7)} weeks: repeated calls, messages and "
        "visits to the victim's home.",
        victims=[victim], police_witnesses=1, exhibits=exhibits, suspects=(100, 0, 0),
        female_rate=0.15, suspect_community=victim.community if domestic else None,
        custody_rate=0.35, remand_rate=0.1, admit_rate=0.25, crown_rate=0.1,
        investigation_days=(14, 90),
    )


def breach_order(ctx) -> Incident:
    rng = ctx.rng
    victim = _domestic_pair(ctx)
    restraining = rng.random() < 0.7
    if restraining:
        code = "SE20002"
        wording = (f"On {ctx.d(ctx.day)} {_at(ctx)} without reasonable excuse did an act "
                   f"prohibited by a restraining order, namely contacted {victim.name}. "
                   "Contrary to section 363(1) and (2) of the Sentencing Act 2020.")
    else:
        code = "FL96001"
        wording = (f"On {ctx.d(ctx.day)} {_at(ctx)} without reasonable excuse did something "
                   "that you were prohibited from doing by a non-molestation order, namely "
                   f"attended the home of {victim.name}. Contrary to section 42A(1) and (5) "
                   "of the Family Law Act 1996.")
    exhibits, civilians = _da_extras(ctx, victim)
    return Incident(
        "breach_order", [OffenceDraft(code, wording, ctx.day,
                                      location=ctx.house(ctx.street()))],
        {"domestic_abuse"},
        f"Breach of a {'restraining' if restraining else 'non-molestation'} order by contacting "
        f"the protected person ({victim.relation}).",
        victims=[victim], civilians=civilians, police_witnesses=1, exhibits=exhibits,
        suspects=(100, 0, 0), female_rate=0.08, suspect_community=victim.community,
        custody_rate=0.7, remand_rate=0.2, admit_rate=0.45, crown_rate=0.02,
        investigation_days=(3, 30),
    )


def hate_crime(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    victim = ctx.person(age=(16, 70), relation=rng.choice(
        ["taxi driver", "shop worker", "bus passenger", "stranger", "neighbour"]))
    if rng.random() < 0.3:
        victim.grounds.append("fear_or_distress")
    pron = "her" if victim.female else "him"
    code, wording, what = rng.choices([
        ("CD98075",
         f"On {ctx.d(ctx.day)} {_at(ctx)} used threatening or abusive words or behaviour within "
         f"the hearing or sight of {victim.name} likely to cause harassment, alarm or distress, "
         "the offence being racially or religiously aggravated. Contrary to section 31(1)(c) "
         "and (5) of the Crime and Disorder Act 1998.", "Racially aggravated abuse"),
        ("CD98067",
         f"On {ctx.d(ctx.day)} {_at(ctx)} with intent to cause {victim.name} harassment, alarm "
         "or distress used threatening or abusive words or behaviour, thereby causing that "
         "harassment, alarm or distress, the offence being racially or religiously aggravated. "
         "Contrary to section 31(1)(b) and (4) of the Crime and Disorder Act 1998.",
         "Racially aggravated intentional harassment"),
        ("CD98070",
         f"On {ctx.d(ctx.day)} {_at(ctx)} assaulted {victim.name} by beating {pron}, the offence "
         "being racially or religiously aggravated. Contrary to section 29(1)(c) and (2) of the "
         "Crime and Disorder Act 1998.", "Racially aggravated assault"),
        ("CD98074",
         f"On {ctx.d(ctx.day)} {_at(ctx)} without lawful excuse damaged a vehicle belonging to "
         f"{victim.name}, the offence being racially or religiously aggravated. Contrary to "
         "section 30(1) and (2) of the Crime and Disorder Act 1998.",
         "Racially aggravated criminal damage"),
    ], [45, 20, 25, 10])[0]
    return Incident(
        "hate_crime", [OffenceDraft(code, wording, ctx.day, location=ctx.place(street))],
        {"hate_crime"},
        f"{what} on {street[0]}, {street[1]}: racist abuse directed at a {victim.relation}.",
        victims=[victim],
        civilians=[ctx.person(age=(18, 70), relation="eyewitness")] if rng.random() < 0.6 else [],
        police_witnesses=1,
        exhibits=[ExhibitDraft("BWV", "Body-worn video of arrest"),
                  ExhibitDraft("CCTV", f"CCTV, {street[0]}") if rng.random() < 0.5 else
                  ExhibitDraft("OTHER_MULTIMEDIA", "Mobile phone footage filmed by witness",
                               "civilian")],
        suspects=(90, 9, 1), female_rate=0.2, youth_rate=0.08, custody_rate=0.5,
        remand_rate=0.03, admit_rate=0.3, crown_rate=0.04, investigation_days=(7, 45),
    )


def public_order(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    pub = rng.random() < 0.5
    place = f"{rng.choice(PUBS)}, {ctx.place(street)}" if pub else ctx.place(street)
    code, wording = rng.choices([
        ("PU86149",
         f"On {ctx.d(ctx.day)} {_at(ctx)} used threatening or abusive words or behaviour within "
         "the hearing or sight of a person likely to be caused harassment, alarm or distress "
         "thereby. Contrary to section 5(1) and (6) of the Public Order Act 1986."),
        ("PU86116",
         f"On {ctx.d(ctx.day)} {_at(ctx)} with intent to cause a person harassment, alarm or "
         "distress used threatening or abusive words or behaviour, thereby causing that person "
         "harassment, alarm or distress. Contrary to section 4A(1) and (5) of the Public Order "
         "Act 1986."),
        ("PU86004",
         f"On {ctx.d(ctx.day)} {_at(ctx)} used towards another person threatening, abusive or "
         "insulting words or behaviour with intent to cause that person to believe that "
         "immediate unlawful violence would be used against them. Contrary to section 4(1) and "
         "(4) of the Public Order Act 1986."),
    ], [40, 40, 20])[0]
    offences = [OffenceDraft(code, wording, ctx.day, location=place)]
    if rng.random() < 0.3:
        offences.append(OffenceDraft(
            "PL96003",
            f"On {ctx.d(ctx.day)} {_at(ctx)} resisted a constable of West Midlands Police in the "
            "execution of their duty. Contrary to section 89(2) of the Police Act 1996.",
            ctx.day, location=place))
    civilians = [ctx.person(age=(18, 60), relation=rng.choice(["door supervisor", "bar staff",
                                                               "member of the public"]))]
    return Incident(
        "public_order", offences, set(),
        f"Disorder {'outside ' + place.split(',')[0] if pub else 'on ' + street[0]}: "
        "suspect shouting and threatening members of the public; arrested after refusing to "
        "leave.",
        civilians=civilians, police_witnesses=2,
        exhibits=[ExhibitDraft("BWV", "Body-worn video of incident and arrest")]
        + ([ExhibitDraft("CCTV", f"CCTV, {place.split(',')[0]}", "civilian")] if pub else []),
        suspects=(85, 12, 3), female_rate=0.15, youth_rate=0.1, custody_rate=0.5,
        remand_rate=0.02, admit_rate=0.5, crown_rate=0.0, investigation_days=(3, 30),
        interview="SDN",
    )


def affray(ctx) -> Incident:
    street = ctx.street()
    place = f"{ctx.rng.choice(PUBS)}, {ctx.place(street)}"
    return Incident(
        "affray", [OffenceDraft(
            "PU86003",
            f"On {ctx.d(ctx.day)} {_at(ctx)} used or threatened unlawful violence towards another "
            "and your conduct was such as would cause a person of reasonable firmness present at "
            "the scene to fear for their personal safety. Contrary to section 3(1) and (7) of "
            "the Public Order Act 1986.",
            ctx.day, location=place)],
        {"violent_disorder_affray"},
        f"Fight involving several people outside {place.split(',')[0]}, {street[0]}; glass "
        "thrown.",
        civilians=[ctx.person(age=(20, 55), relation="door supervisor"),
                   ctx.person(age=(18, 50), relation="eyewitness")],
        police_witnesses=2,
        exhibits=[ExhibitDraft("CCTV", f"CCTV from {place.split(',')[0]}", "civilian"),
                  ExhibitDraft("BWV", "Body-worn video of scene")],
        suspects=(45, 35, 20), female_rate=0.1, youth_rate=0.12, custody_rate=0.45,
        remand_rate=0.05, admit_rate=0.25, crown_rate=0.3, investigation_days=(14, 60),
    )


def emergency_worker(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    worker = rng.choice(["a police constable", "a paramedic", "a police constable",
                         "a custody detention officer"])
    offences = [OffenceDraft(
        "CJ88160",
        f"On {ctx.d(ctx.day)} {_at(ctx)} assaulted {worker}, an emergency worker acting in the "
        "exercise of functions as such a worker, by beating. Contrary to section 39 of the "
        "Criminal Justice Act 1988 and section 1 of the Assaults on Emergency Workers "
        "(Offences) Act 2018.",
        ctx.day, location=ctx.place(street))]
    if rng.random() < 0.5:
        offences.append(OffenceDraft(
            "CJ67002",
            f"On {ctx.d(ctx.day)} {_at(ctx)} were guilty while drunk of disorderly behaviour in a "
            f"public place, namely {street[0]}. Contrary to section 91(1) of the Criminal "
            "Justice Act 1967.",
            ctx.day, location=ctx.place(street)))
    civilians = ([ctx.person(age=(25, 55), relation="paramedic")]
                 if "paramedic" in worker else [])
    return Incident(
        "emergency_worker", offences, set(),
        f"Assault on {worker} on {street[0]} while being detained; spitting and kicking.",
        civilians=civilians, police_witnesses=2,
        exhibits=[ExhibitDraft("BWV", "Body-worn video of assault")],
        suspects=(100, 0, 0), female_rate=0.2, youth_rate=0.05, custody_rate=0.75,
        remand_rate=0.03, admit_rate=0.5, crown_rate=0.02, investigation_days=(3, 30),
    )


def knife(ctx) -> Incident:
    street = ctx.street()
    blade = ctx.rng.choice(["a kitchen knife", "a lock knife", "a machete", "a zombie knife",
                            "a Stanley knife"])
    return Incident(
        "knife", [OffenceDraft(
            "CJ88144",
            f"On {ctx.d(ctx.day)} {_at(ctx)} without good reason or lawful authority had with you "
            f"in a public place, namely {street[0]}, an article which had a blade or was sharply "
            f"pointed, namely {blade}. Contrary to section 139(1) and (6) of the Criminal Justice "
            "Act 1988.",
            ctx.day, location=ctx.place(street))],
        set(),
        f"Stop and search on {street[0]}, {street[1]}: {blade} found in waistband.",
        police_witnesses=2,
        exhibits=[ExhibitDraft("BWV", "Body-worn video of stop and search"),
                  ExhibitDraft("PHOTOGRAPHS", f"Photographs of {blade}")],
        suspects=(90, 9, 1), female_rate=0.05, youth_rate=0.3, custody_rate=0.6,
        remand_rate=0.08, admit_rate=0.45, crown_rate=0.15, investigation_days=(7, 45),
    )


def criminal_damage(ctx) -> Incident:
    rng = ctx.rng
    da = rng.random() < 0.2
    street = ctx.street()
    if da:
        victim = _domestic_pair(ctx)
        target, place = "a front door and windows", ctx.house(street)
    else:
        victim = ctx.person(age=(20, 80), relation=rng.choice(["car owner", "neighbour",
                                                               "business owner"]))
        target = rng.choice(["a car windscreen", "a shop window", "a front door",
                             "a bus shelter", "a parked car (keyed)"])
        place = ctx.place(street)
    value = ctx.money(80, 2500)
    return Incident(
        "criminal_damage", [OffenceDraft(
            "CD71039",
            f"On {ctx.d(ctx.day)} {_at(ctx)} without lawful excuse damaged {target} to the value "
            f"of £{value:,.2f} belonging to {victim.name}, intending to damage such property or "
            "being reckless as to whether such property would be damaged. Contrary to sections "
            "1(1) and 4 of the Criminal Damage Act 1971.",
            ctx.day, location=place)],
        {"domestic_abuse"} if da else set(),
        f"Criminal damage to {target} at {street[0]}, {street[1]} (£{value:,.2f}).",
        victims=[victim], police_witnesses=1,
        exhibits=[ExhibitDraft("PHOTOGRAPHS", "Photographs of damage"),
                  ExhibitDraft("CCTV", f"CCTV, {street[0]}", "civilian")]
        + ([ExhibitDraft("CALL_999", f"999 call by {victim.forenames}")] if da else []),
        suspects=(88, 10, 2), youth_rate=0.2 if not da else 0.0, female_rate=0.15,
        suspect_community=victim.community if da else None, custody_rate=0.35,
        remand_rate=0.02, admit_rate=0.5, crown_rate=0.01, investigation_days=(7, 45),
        interview="SDN",
    )


# --------------------------------------------------------------------------------------------
# Drugs
# --------------------------------------------------------------------------------------------

def drugs_possession(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    code, drug, section = rng.choices([
        ("MD71530", "cannabis, a controlled drug of Class B", "5(2)"),
        ("MD71210", "cocaine, a controlled drug of Class A", "5(2)"),
        ("MD71211", "diamorphine (heroin), a controlled drug of Class A", "5(2)"),
        ("MD71022", "a quantity of pregabalin, a controlled drug of Class C", "5(2)"),
    ], [60, 25, 10, 5])[0]
    return Incident(
        "drugs_possession", [OffenceDraft(
            code,
            f"On {ctx.d(ctx.day)} {_at(ctx)} had in your possession a quantity of {drug}. "
            f"Contrary to section {section} of the Misuse of Drugs Act 1971.",
            ctx.day, location=ctx.place(street))],
        set(), f"Drugs found on search on {street[0]}, {street[1]}: {drug.split(',')[0]}.",
        police_witnesses=1,
        exhibits=[ExhibitDraft("FORENSIC", "Drug identification (SFR1)"),
                  ExhibitDraft("BWV", "Body-worn video of search", key=False)],
        suspects=(90, 9, 1), female_rate=0.1, youth_rate=0.1, custody_rate=0.3,
        remand_rate=0.01, admit_rate=0.65, crown_rate=0.02, investigation_days=(21, 90),
        interview="SDN",
    )


def drugs_supply(ctx) -> Incident:
    rng = ctx.rng
    street = ctx.street()
    code, drug = rng.choices([
        ("MD71230", "cocaine, a controlled drug of Class A"),
        ("MD71231", "diamorphine (heroin), a controlled drug of Class A"),
        ("MD71234", "crack cocaine, a controlled drug of Class A"),
        ("MD71526", "cannabis, a controlled drug of Class B"),
    ], [35, 20, 20, 25])[0]
    offences = [OffenceDraft(
        code,
        f"On {ctx.d(ctx.day)} {_at(ctx)} had in your possession a quantity of {drug} with "
        "intent to supply it to another. Contrary to section 5(3) of the Misuse of Drugs Act "
        "1971.",
        ctx.day, location=ctx.place(street))]
    class_a = "Class A" in drug
    return Incident(
        "drugs_supply", offences, set(),
        f"{'County lines' if class_a and rng.random() < 0.5 else 'Street'} dealing: wraps of "
        f"{drug.split(',')[0]}, cash and two phones seized on {street[0]}, {street[1]}.",
        police_witnesses=2, professionals=["Forensic scientist"],
        exhibits=[ExhibitDraft("FORENSIC", "Drug identification and purity (SFR1)"),
                  ExhibitDraft("DIGITAL_STRATEGY", "Phone download strategy"),
                  ExhibitDraft("BWV", "Body-worn video of search and arrest"),
                  ExhibitDraft("PHOTOGRAPHS", "Photographs of drugs and cash")],
        suspects=(65, 28, 7), female_rate=0.06, youth_rate=0.2, custody_rate=0.75,
        remand_rate=0.4 if class_a else 0.1, admit_rate=0.15,
        crown_rate=0.9 if class_a else 0.3, mags_sentence=not class_a,
        investigation_days=(30, 150),
    )


# --------------------------------------------------------------------------------------------
# Road traffic
# --------------------------------------------------------------------------------------------

def drink_drive(ctx) -> Incident:
    rng = ctx.rng
    road = ctx.road()
    vehicle, vrm = rng.choice(VEHICLES), ctx.vrm()
    reading = rng.choices([rng.randint(40, 60), rng.randint(61, 90), rng.randint(91, 140)],
                          [50, 35, 15])[0]
    refuse = rng.random() < 0.08
    if refuse:
        offences = [OffenceDraft(
            "RT88010",
            f"On {ctx.d(ctx.day)} {_at(ctx)} being a person driving a motor vehicle, namely a "
            f"{vehicle}, registration {vrm}, on {road}, and having been required in the course "
            "of an investigation into whether you had committed an offence under section 5 of "
            "the Road Traffic Act 1988 to provide specimens of breath for analysis, failed "
            "without reasonable excuse to do so. Contrary to section 7(6) of the Road Traffic "
            "Act 1988 and Schedule 2 to the Road Traffic Offenders Act 1988.",
            ctx.day, location=road)]
        summary = f"Stopped on {road} driving a {vehicle}; refused to provide specimens."
    else:
        offences = [OffenceDraft(
            "RT88007",
            f"On {ctx.d(ctx.day)} {_at(ctx)} drove a motor vehicle, namely a {vehicle}, "
            f"registration {vrm}, on {road}, after consuming so much alcohol that the proportion "
            f"of it in your breath, namely {reading} microgrammes of alcohol in 100 millilitres "
            "of breath, exceeded the prescribed limit. Contrary to section 5(1)(a) of the Road "
            "Traffic Act 1988 and Schedule 2 to the Road Traffic Offenders Act 1988.",
            ctx.day, location=road)]
        summary = (f"Stopped on {road} driving a {vehicle} ({vrm}); evidential breath reading "
                   f"{reading} µg (limit 35).")
    if rng.random() < 0.12:
        offences.append(OffenceDraft(
            "RA88001",
            f"On {ctx.d(ctx.day)} {_at(ctx)} used a motor vehicle, namely a {vehicle}, "
            f"registration {vrm}, on {road} without there being in force in relation to that "
            "use a policy of insurance or security in respect of third party risks. Contrary to "
            "section 143(2) of the Road Traffic Act 1988 and Schedule 2 to the Road Traffic "
            "Offenders Act 1988.",
            ctx.day, location=road))
    return Incident(
        "drink_drive", offences, {"road_traffic"}, summary, police_witnesses=2,
        exhibits=[ExhibitDraft("MGDD", "MGDD/A drink drive procedure forms"),
                  ExhibitDraft("OTHER", "Intoximeter printout"),
                  ExhibitDraft("BWV", "Body-worn video of stop", key=False)],
        suspects=(100, 0, 0), female_rate=0.17, youth_rate=0.0, custody_rate=0.75,
        remand_rate=0.0, admit_rate=0.85, crown_rate=0.0, investigation_days=(1, 14),
        interview=rng.choice(["SDN", "none"]),
    )


def drug_drive(ctx) -> Incident:
    rng = ctx.rng
    road = ctx.road()
    vehicle, vrm = rng.choice(VEHICLES), ctx.vrm()
    drug, level, limit = rng.choice([
        ("delta-9-tetrahydrocannabinol", rng.randint(3, 12), 2),
        ("benzoylecgonine", rng.randint(60, 400), 50),
        ("cocaine", rng.randint(12, 80), 10),
    ])
    return Incident(
        "drug_drive", [OffenceDraft(
            "RT88584",
            f"On {ctx.d(ctx.day)} {_at(ctx)} drove a motor vehicle, namely a {vehicle}, "
            f"registration {vrm}, on {road}, when the proportion of a specified controlled drug, "
            f"namely {drug}, in your blood, namely {level} microgrammes per litre of blood, "
            f"exceeded the specified limit of {limit}. Contrary to section 5A(1)(a) and (2) of "
            "the Road Traffic Act 1988 and Schedule 2 to the Road Traffic Offenders Act 1988.",
            ctx.day, location=road)],
        {"road_traffic"},
        f"Stopped on {road}; positive roadside drug wipe; blood sample taken.",
        police_witnesses=1, professionals=["Forensic toxicologist"],
        exhibits=[ExhibitDraft("MGDD", "MGDD/B drug driving procedure forms"),
                  ExhibitDraft("FORENSIC", "Blood analysis (toxicology) report")],
        suspects=(100, 0, 0), female_rate=0.1, custody_rate=0.15, remand_rate=0.0,
        admit_rate=0.7, investigation_days=(30, 100), interview="none",
    )


def disqualified_driving(ctx) -> Incident:
    rng = ctx.rng
    road = ctx.road()
    vehicle, vrm = rng.choice(VEHICLES), ctx.vrm()
    return Incident(
        "disqualified_driving", [
            OffenceDraft(
                "RT88333",
                f"On {ctx.d(ctx.day)} {_at(ctx)} drove a motor vehicle, namely a {vehicle}, "
                f"registration {vrm}, on {road} while disqualified from holding or obtaining a "
                "driving licence. Contrary to section 103(1)(b) of the Road Traffic Act 1988 and "
                "Schedule 2 to the Road Traffic Offenders Act 1988.",
                ctx.day, location=road),
            OffenceDraft(
                "RA88001",
                f"On {ctx.d(ctx.day)} {_at(ctx)} used a motor vehicle, namely a {vehicle}, "
                f"registration {vrm}, on {road} without there being in force in relation to that "
                "use a policy of insurance or security in respect of third party risks. Contrary "
                "to section 143(2) of the Road Traffic Act 1988 and Schedule 2 to the Road "
                "Traffic Offenders Act 1988.",
                ctx.day, location=road),
        ],
        {"road_traffic"},
        f"ANPR activation on {road}: {vehicle} ({vrm}) driven by a disqualified driver.",
        police_witnesses=2,
        exhibits=[ExhibitDraft("OTHER", "DVLA driver record and certificate of conviction"),
                  ExhibitDraft("BWV", "Body-worn video of stop", key=False)],
        suspects=(100, 0, 0), female_rate=0.06, custody_rate=0.6, remand_rate=0.04,
        admit_rate=0.75, investigation_days=(3, 30), interview="SDN",
    )


def death_by_driving(ctx) -> Incident:
    rng = ctx.rng
    road = ctx.road()
    vehicle, vrm = rng.choice(VEHICLES), ctx.vrm()
    deceased = ctx.person(age=(18, 85), relation="deceased")
    family = ctx.person(age=(30, 80), relation="bereaved family member")
    dangerous = rng.random() < 0.5
    code = "RA88046" if dangerous else "RT88564"
    manner = "dangerously" if dangerous else "without due care and attention"
    section = "section 1" if dangerous else "section 2B"
    return Incident(
        "death_by_driving", [OffenceDraft(
            code,
            f"On {ctx.d(ctx.day)} {_at(ctx)} caused the death of {deceased.name} by driving a "
            f"mechanically propelled vehicle, namely a {vehicle}, registration {vrm}, {manner} "
            f"on {road}. Contrary to {section} of the Road Traffic Act 1988.",
            ctx.day, location=road)],
        {"road_traffic", "death"},
        f"Fatal collision on {road}; pedestrian killed. Collision investigation report awaited.",
        victims=[family], police_witnesses=2, professionals=["Forensic collision investigator"],
        exhibits=[ExhibitDraft("FORENSIC", "Forensic collision investigation report"),
                  ExhibitDraft("CCTV", f"Dash-cam and CCTV footage, {road}"),
                  ExhibitDraft("MEDICAL", "Post-mortem report")],
        suspects=(100, 0, 0), female_rate=0.15, custody_rate=0.3, remand_rate=0.1,
        admit_rate=0.2, crown_rate=1.0, mags_sentence=False, investigation_days=(60, 240),
        early_advice_rate=0.6,
    )


# --------------------------------------------------------------------------------------------
# Sexual offences (RASSO)
# --------------------------------------------------------------------------------------------

def sexual(ctx) -> Incident:
    rng = ctx.rng
    kind = rng.choices(["assault", "rape", "penetration", "exposure", "child_rape"],
                       [45, 22, 10, 13, 10])[0]
    # Non-recent allegations: an adult complainant reporting years later (still 16 or over at
    # the time, so the adult offence codes apply).
    historic = kind in ("rape", "penetration") and rng.random() < 0.35
    if kind == "child_rape":
        victim = ctx.person(age=(13, 15), female=True, relation="child complainant")
    elif kind == "exposure":
        victim = ctx.person(age=(16, 60), female=True, relation="stranger")
    else:
        victim = ctx.person(age=(24, 45) if historic else (16, 45), female=rng.random() < 0.9,
                            relation=rng.choice(["acquaintance", "ex-partner", "stranger",
                                                 "date met online"]))
    victim.grounds.append("sexual_offence_complainant")
    if victim.age_on(ctx.day) < 18:
        victim.grounds.append("under_18")
    start = ctx.day - timedelta(days=rng.randint(200, 2500)) if historic else ctx.day
    when = (f"Between {ctx.d(start)} and {ctx.d(start + timedelta(days=180))}" if historic
            else f"On {ctx.d(ctx.day)}")
    date_to = start + timedelta(days=180) if historic else None
    code, wording, what = {
        "assault": ("SX03007" if victim.female else "SX03008",
                    f"{when} {_at(ctx)} intentionally touched {victim.name}, that touching being "
                    f"sexual, when {victim.forenames} did not consent to the touching and you did "
                    "not reasonably believe that they consented. Contrary to section 3 of the "
                    "Sexual Offences Act 2003.", "Sexual assault"),
        "rape": ("SX03002" if victim.female else "SX03004",
                 f"{when} {_at(ctx)} intentionally penetrated the vagina of {victim.name} with "
                 f"your penis, when {victim.forenames} did not consent to the penetration and "
                 "you did not reasonably believe that they consented. Contrary to section 1 of "
                 "the Sexual Offences Act 2003." if victim.female else
                 f"{when} {_at(ctx)} intentionally penetrated the anus of {victim.name} with your "
                 f"penis, when {victim.forenames} did not consent and you did not reasonably "
                 "believe that he consented. Contrary to section 1 of the Sexual Offences Act "
                 "2003.", "Rape"),
        "penetration": ("SX03005" if victim.female else "SX03006",
                        f"{when} {_at(ctx)} intentionally penetrated {victim.name} sexually with "
                        f"a part of your body, when {victim.forenames} did not consent and you "
                        "did not reasonably believe that they consented. Contrary to section 2 "
                        "of the Sexual Offences Act 2003.", "Assault by penetration"),
        "exposure": ("SX03128",
                     f"{when} {_at(ctx)} intentionally exposed your genitals, intending that "
                     f"{victim.name} would see them and be caused alarm or distress. Contrary to "
                     "section 66 of the Sexual Offences Act 2003.", "Exposure"),
        "child_rape": ("SX03001",
                       f"{when} {_at(ctx)} intentionally penetrated the vagina of {victim.name}, "
                       f"a girl aged {victim.age_on(start)}, with your penis, when she did not "
                       "consent and you did not reasonably believe that she consented. Contrary "
                       "to section 1 of the Sexual Offences Act 2003.", "Rape of a child"),
    }[kind]
    flags = {"rasso"} if kind != "exposure" else set()
    if victim.age_on(start) < 18:
        flags.add("soa_under_18")
    exhibits = [ExhibitDraft("OTHER_MULTIMEDIA", f"ABE interview of {victim.forenames} (VRI)")]
    professionals = []
    if kind in ("rape", "penetration", "child_rape") and not historic:
        exhibits.append(ExhibitDraft("FORENSIC", "SARC forensic medical examination and DNA"))
        professionals.append("Forensic physician (SARC)")
    if kind != "exposure":
        exhibits += [ExhibitDraft("DIGITAL_STRATEGY", "Digital strategy: complainant and suspect phones"),
                     ExhibitDraft("THIRD_PARTY", "Third-party material (school, health, social care)",
                                  key=False)]
    first_complaint = ctx.person(age=(16, 60), relation="first complaint witness")
    return Incident(
        f"sexual_{kind}", [OffenceDraft(code, wording, start, date_to,
                                        location=ctx.place(ctx.street()))],
        flags,
        f"{what}{' (non-recent)' if historic else ''}: complainant is a {victim.relation}, aged "
        f"{victim.age_on(start)} at the time.",
        victims=[victim], civilians=[first_complaint] if kind != "exposure" else [],
        police_witnesses=1, professionals=professionals, exhibits=exhibits,
        suspects=(96, 4, 0), female_rate=0.02, youth_rate=0.08, custody_rate=0.35,
        remand_rate=0.35 if kind in ("rape", "child_rape") else 0.05, admit_rate=0.08,
        crown_rate=0.6, mags_sentence=False, investigation_days=(60, 300),
        early_advice_rate=0.45 if kind != "exposure" else 0.05,
    )


def licensing(ctx) -> Incident:
    street = ctx.street()
    shop = ctx.rng.choice(["an off-licence", "a convenience store"])
    return Incident(
        "licensing", [OffenceDraft(
            "LG03064",
            f"On {ctx.d(ctx.day)} {_at(ctx)} sold alcohol to an individual aged under 18 at "
            f"{shop} on {street[0]}. Contrary to section 146(1) of the Licensing Act 2003.",
            ctx.day, location=ctx.place(street))],
        {"licensing"},
        f"Test purchase operation: alcohol sold to a 16-year-old volunteer at {shop}, "
        f"{street[0]}.",
        police_witnesses=2, exhibits=[ExhibitDraft("BWV", "Body-worn video of test purchase")],
        suspects=(100, 0, 0), female_rate=0.3, arrest_rate=0.0, custody_rate=0.0,
        admit_rate=0.6, investigation_days=(20, 60),
    )


# Weights per 100 prosecutions: a big-city CJU's mix, with shop theft, assault (much of it
# domestic abuse), road traffic and drugs the bulk of the work.
SCENARIOS: list[tuple[object, float]] = [
    (shop_theft, 16), (lambda ctx: assault(ctx), 9.5), (lambda ctx: assault(ctx, serious=True), 7),
    (gbh, 1.5), (criminal_damage, 5), (drink_drive, 6), (drug_drive, 2),
    (disqualified_driving, 2), (drugs_possession, 5), (drugs_supply, 3.5), (public_order, 4),
    (affray, 1.5), (burglary, 4), (robbery, 2.5), (theft_other, 3), (sexual, 3.5),
    (harassment, 3), (coercive_control, 1.5), (knife, 2.5), (emergency_worker, 3),
    (hate_crime, 2), (fraud, 1.5), (breach_order, 1.5), (death_by_driving, 0.2),
    (licensing, 0.3),
]

# Every offence code a scenario may use (the tests check each is current in the CJS list).
OFFENCE_CODES = frozenset({
    "TH68010", "TH68036", "TH68037", "CD71039", "TH68023", "CJ88144", "TH68001", "TH68007",
    "TH68073", "FA06001", "OF61102", "CJ88116", "SC15005", "OF61016", "OF61131", "SC15004",
    "PH97004", "PH97009", "PH97006", "PH97011", "SE20002", "FL96001", "CD98075", "CD98067",
    "CD98070", "CD98074", "PU86149", "PU86116", "PU86004", "PL96003", "PU86003", "CJ88160",
    "CJ67002", "MD71530", "MD71210", "MD71211", "MD71022", "MD71230", "MD71231", "MD71234",
    "MD71526", "RT88010", "RT88007", "RA88001", "RT88584", "RT88333", "RA88046", "RT88564",
    "SX03007", "SX03008", "SX03002", "SX03004", "SX03005", "SX03006", "SX03128", "SX03001",
    "LG03064",
})
