"""Who may charge: DG6 Annex 1, the division of charging responsibility (brief §3.2).

Police may charge (1) any summary-only offence, (2) any retail theft or attempted retail theft
suitable for sentence in the magistrates' court, and (3) any either-way offence anticipated as a
guilty plea and suitable for sentence in the magistrates' court — unless the case falls in an
excluded category (DPP/Law Officer consent, a death, terrorism or official secrets, hate crime,
domestic abuse, harassment or stalking, violent disorder or affray, GBH/ABH/wounding, a Sexual
Offences Act offence by or upon a person under 18, a Licensing Act 2003 offence). Everything else
needs a CPS decision; a case mixing the two goes to the CPS whole.
Sources: DG6 Desktop Guide [DG6DG] (verified), r/policeuk quoting DG6 Annex 1 [REDDG6]
(secondary), mixed cases [BSMG] (secondary). Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .snapshot import CaseSnapshot, Offence

SOURCE = "Director's Guidance on Charging, 6th ed. (Dec 2020), Annex 1 [DG6DG][REDDG6]"

EXCLUDED = {
    "consent_required": "it needs the consent of the DPP or a Law Officer",
    "death": "it involves a death",
    "terrorism": "it is connected with terrorism or official secrets",
    "hate_crime": "it is a hate crime under CPS policy",
    "domestic_abuse": "it is domestic abuse under CPS policy",
    "harassment_stalking": "it is harassment or stalking",
    "violent_disorder_affray": "it is violent disorder or affray",
    "gbh_abh_wounding": "it involves GBH, ABH or wounding",
    "soa_under_18": "it is a Sexual Offences Act offence by or upon a person under 18",
    "licensing": "it is a Licensing Act 2003 offence",
    "rasso": "it is a rape or serious sexual offence (RASSO)",
}


@dataclass(frozen=True)
class OffenceCharging:
    ref: str
    code: str
    authority: str  # "police" | "cps"
    reason: str


@dataclass(frozen=True)
class ChargingDecision:
    authority: str  # "police" | "cps"
    reason: str
    offences: tuple[OffenceCharging, ...]

    @property
    def police_may_charge(self) -> bool:
        return self.authority == "police"


def _is_retail_theft(case: CaseSnapshot, o: Offence) -> bool:
    """Theft from a shop (TH68010, with or without the attempt qualifier) is retail theft whether
    or not the case is flagged; another offence counts when the case is flagged and its title
    says so."""
    if o.code.startswith("TH68010"):
        return True
    return "retail_theft" in case.flags and "shop" in o.title.lower()


# Offences that put a case outside police charging whatever its flags say (DG6 Annex 1): found by
# title words, and harassment by the Protection from Harassment Act 1997 code family.
EXCLUDED_OFFENCE_WORDS = {
    "actual bodily harm": EXCLUDED["gbh_abh_wounding"], "grievous bodily harm": EXCLUDED["gbh_abh_wounding"],
    "wound": EXCLUDED["gbh_abh_wounding"], "affray": EXCLUDED["violent_disorder_affray"],
    "violent disorder": EXCLUDED["violent_disorder_affray"], "stalk": EXCLUDED["harassment_stalking"],
}
# Not "harass": Public Order Act s.4A/s.5 titles say "harassment, alarm or distress" and are not
# the harassment offence, which is found by its Act (PH97, Protection from Harassment Act 1997).
LIVE = ("proposed", "charged", "concluded")


def _offence_exclusion(o: Offence) -> str | None:
    if o.code.startswith("PH97"):
        return EXCLUDED["harassment_stalking"]
    title = o.title.lower()
    return next((why for word, why in EXCLUDED_OFFENCE_WORDS.items() if word in title), None)


def charging_authority(case: CaseSnapshot) -> ChargingDecision:
    excluded = [EXCLUDED[f] for f in EXCLUDED if f in case.flags]
    # Suitable for sentence in the magistrates' court unless the case is headed for the Crown Court.
    magistrates_sentence = case.venue != "crown"
    per_offence: list[OffenceCharging] = []
    for d in case.defendants:
        for o in d.offences:
            if o.status not in LIVE:
                continue  # an offence dropped (no further action, withdrawn) has no charging decision to make
            offence_excluded = _offence_exclusion(o)
            if excluded:
                per_offence.append(OffenceCharging(o.ref, o.code, "cps", f"{excluded[0]}, which DG6 reserves to the CPS"))
            elif o.mode_of_trial == "indictable_only":
                per_offence.append(OffenceCharging(o.ref, o.code, "cps", "it is indictable only"))
            elif offence_excluded:
                per_offence.append(OffenceCharging(o.ref, o.code, "cps", f"{offence_excluded}, which DG6 reserves to the CPS"))
            elif o.mode_of_trial == "summary":
                per_offence.append(OffenceCharging(o.ref, o.code, "police", "it is a summary-only offence"))
            elif _is_retail_theft(case, o) and magistrates_sentence:
                per_offence.append(OffenceCharging(o.ref, o.code, "police", "it is a retail theft suitable for sentence in the magistrates' court"))
            elif o.mode_of_trial == "either_way" and case.anticipated_plea == "GAP" and magistrates_sentence:
                per_offence.append(OffenceCharging(o.ref, o.code, "police", "it is an either-way offence with a guilty plea anticipated, suitable for sentence in the magistrates' court"))
            elif o.mode_of_trial == "either_way":
                why = "a not guilty plea is anticipated" if case.anticipated_plea == "NGAP" else (
                    "it is not suitable for sentence in the magistrates' court" if not magistrates_sentence
                    else "no guilty plea is anticipated")
                per_offence.append(OffenceCharging(o.ref, o.code, "cps", f"it is an either-way offence and {why}"))
            else:
                per_offence.append(OffenceCharging(o.ref, o.code, "cps", "its mode of trial is not recorded, so it must go to the CPS"))
    if not per_offence:
        return ChargingDecision("cps", "No offence is recorded, so the case cannot be assessed for police charging.", ())
    cps = [p for p in per_offence if p.authority == "cps"]
    if not cps:
        return ChargingDecision("police", f"Police may charge: {per_offence[0].reason}" + (
            "; every other offence is within the police remit too." if len(per_offence) > 1 else "."), tuple(per_offence))
    if len(cps) < len(per_offence):
        return ChargingDecision("cps", f"A CPS decision is required for the whole case: {cps[0].code} ({cps[0].ref}) needs one because {cps[0].reason}, and a case mixing police and CPS offences goes to the CPS whole.", tuple(per_offence))
    return ChargingDecision("cps", f"A CPS decision is required because {cps[0].reason}.", tuple(per_offence))
