"""The vocabulary and arithmetic of management reports: the CPS's reasons for failing a file (the
triage reasons and the Director's Guidance Assessment categories), the training area each failing
points to, offence groups, how a trial ended, and when a month's change is beyond normal variation.
Pure: no Django, no clock, no I/O; the reporting app counts the case data and asks this module
what the counts mean.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .findings import SECONDARY, UNVERIFIED, Rule

# --- The CPS's reasons --------------------------------------------------------------------------

# DGA categories and reasons, as seeded in the CPS prototype (brief §7.1, [CPSDGA][V], [CPSPROTO][S]).
DGA_REASONS: dict[str, str] = {
    "Charged by police in breach of the Director's Guidance": "Breach",
    "Disclosable unused material not provided": "Disclosure",
    "Information about reasonable lines of inquiry insufficient": "Disclosure",
    "Information about reasonable lines of inquiry not provided": "Disclosure",
    "Rebuttable presumption material not provided": "Disclosure",
    "Schedules of unused material not completed correctly": "Disclosure",
    "Schedules of unused material not provided": "Disclosure",
    "Exhibit": "Evidential",
    "Forensic": "Evidential",
    "Medical evidence": "Evidential",
    "Multi-media BWV not clipped": "Evidential",
    "Multi-media BWV not in playable format": "Evidential",
    "Multi-media BWV not provided": "Evidential",
    "Multi-media CCTV not clipped": "Evidential",
    "Multi-media CCTV not in playable format": "Evidential",
    "Multi-media CCTV not provided": "Evidential",
    "Multi-media other not clipped": "Evidential",
    "Multi-media other not in playable format": "Evidential",
    "Relevant orders/applications, details not provided": "Evidential",
    "Statement(s)": "Evidential",
    "Special measures needs not considered or inadequate": "Victim and witness",
    "Victim and witness needs (not special measures related)": "Victim and witness",
    "VPS – no information on whether VPS offered/not provided": "Victim and witness",
}
DGA_SOURCE = "CPS Director's Guidance Assessment failure reasons (brief §7.1) [CPSDGA][CPSPROTO]"


@dataclass(frozen=True)
class TriageReason:
    code: str  # stable: it appears in case files (a submission's `reasons`)
    label: str  # the CPS's words (brief §3.4, [CPSDH][V])
    dga_category: str | None  # the DGA category the same failing falls in (Casework's mapping, unverified)
    area: str  # the training area (TRAINING_AREAS)


TRIAGE_REASONS: tuple[TriageReason, ...] = (
    TriageReason("material_not_received", "Case material not correctly received", None, "file_build"),
    TriageReason("no_disclosure_schedule", "No/missing disclosure schedule", "Disclosure", "disclosure"),
    TriageReason("no_mg3", "No MG3", None, "charging"),
    TriageReason("supervisor_comments", "No/incomplete supervisor's comments", None, "supervision"),
    TriageReason("no_dv_checklist", "No DV checklist", "Evidential", "domestic_abuse"),
    TriageReason("missing_mg11s", "No/missing MG11s", "Evidential", "statements"),
    TriageReason("missing_exhibits", "No/missing exhibits", "Evidential", "exhibits"),
    TriageReason("no_interview_summary", "No summary of interview", "Evidential", "interview"),
    TriageReason("suspect_previous_convictions", "Missing suspect's previous convictions", "Evidential",
                 "previous_convictions"),
    TriageReason("witness_previous_convictions", "Missing victim/witness previous convictions", "Disclosure",
                 "previous_convictions"),
    TriageReason("hard_media", "Hard media not provided", "Evidential", "multimedia"),
    TriageReason("third_party_material", "Third-party material not provided", "Disclosure", "disclosure"),
    TriageReason("oic_contact_details", "Incomplete OIC contact details", None, "file_build"),
    TriageReason("check_custody_status", "Check custody status and resubmit", None, "file_build"),
    TriageReason("insufficient_information", "Insufficient information to determine a charging advice", None,
                 "charging"),
)
TRIAGE_BY_CODE = {t.code: t for t in TRIAGE_REASONS}
TRIAGE_BY_LABEL = {t.label: t for t in TRIAGE_REASONS}
TRIAGE_SOURCE = "CPS triage of a pre-charge decision request: 'NFS non-compliant' reasons (brief §3.4) [CPSDH]"


@dataclass(frozen=True)
class TrainingArea:
    key: str
    label: str
    topic: str  # what to train, in words a manager can put in a training plan
    source: str


TRAINING_AREAS: dict[str, TrainingArea] = {a.key: a for a in (
    TrainingArea("statements", "Witness statements",
                 "Taking and finishing MG11 statements: signed, dated, every key witness; telling key from "
                 "non-key witnesses so the file holds what the stage needs", "HMIC recommendation on file quality [HMICREC]; DG6 Annex 5"),
    TrainingArea("exhibits", "Exhibits, forensic and medical evidence",
                 "Exhibit handling: every exhibit a statement refers to on the MG12 and provided; forensic "
                 "and medical evidence with consent", "DG6 Annex 5; CPS DGA 'Evidential' reasons [CPSDGA]"),
    TrainingArea("multimedia", "Multimedia evidence",
                 "CCTV, body-worn video and 999 calls: clipping the relevant part, playable formats, "
                 "uploading with the file", "CPS DGA 'Multi-media' reasons [CPSDGA]"),
    TrainingArea("disclosure", "Disclosure",
                 "CPIA 1996 Code of Practice (2020): MG6 schedules signed, dated and described; unused "
                 "material; reasonable lines of inquiry; third-party material",
                 "CPIA Code of Practice 2020; AG Guidelines on Disclosure 2024; CPS DGA 'Disclosure' reasons [CPSDGA]"),
    TrainingArea("previous_convictions", "Previous convictions",
                 "PNC checks for the suspect, victims and key witnesses, and putting the prints on the file",
                 "CPS triage reasons (brief §3.4) [CPSDH]"),
    TrainingArea("interview", "Interview summaries",
                 "Summarising the suspect's interview (ROTI/SDN) for the MG3 and MG5",
                 "CPS triage reasons (brief §3.4) [CPSDH]"),
    TrainingArea("supervision", "Supervisory review",
                 "Supervisors' review of files before submission: comments on the MG3 and certifying the MG5 "
                 "(HMIC recommended supervisor training, jointly with the CPS)", "HMIC recommendation [HMICREC]; DG6"),
    TrainingArea("charging", "Charging decisions",
                 "The Director's Guidance on Charging (DG6): who may charge, the MG3, the Full Code and "
                 "Threshold Tests, enough information for a charging advice", "DG6 Annex 1; Code for Crown Prosecutors"),
    TrainingArea("victims_witnesses", "Victims and witnesses",
                 "Victim personal statements offered and recorded; needs assessments and special measures "
                 "(MG2) for vulnerable and intimidated witnesses", "Victims' Code 2021; YJCEA 1999 ss.16–19; CPS DGA [CPSDGA]"),
    TrainingArea("domestic_abuse", "Domestic abuse files",
                 "The domestic abuse evidence-gathering checklist and evidence-led prosecution",
                 "CPS triage reason 'No DV checklist' [CPSDH]"),
    TrainingArea("orders", "Orders and applications",
                 "Details of the orders and applications sought (bail conditions, restraining orders, "
                 "compensation) on the file", "CPS DGA 'Relevant orders/applications' [CPSDGA]"),
    TrainingArea("file_build", "File build and submission",
                 "Building and sending the file: every item attached and received, the OIC's contact "
                 "details complete, the suspect's custody status correct", "CPS triage reasons (brief §3.4) [CPSDH]"),
    TrainingArea("court", "Court requirements",
                 "What the court's systems refuse: offence codes current on the offence date, dates, "
                 "summary time limits", "Common Platform problem codes (interfaces §3)"),
)}

_DGA_AREA = {
    "Breach": "charging", "Disclosure": "disclosure", "Victim and witness": "victims_witnesses",
}
_FAMILY_AREA = {
    "Statements": "statements", "Exhibits": "exhibits", "Multimedia": "multimedia", "Disclosure": "disclosure",
    "Victims and witnesses": "victims_witnesses", "Charging": "charging", "Pre-charge": "supervision",
    "Case": "file_build", "Case summary": "file_build", "Case type": "file_build", "Required material": "file_build",
    "Court acceptance": "court", "Time limits": "court", "Case facts": "file_build",
}


def dga_area(reason: str) -> str:
    """The training area of a DGA reason."""
    if reason.startswith("Multi-media"):
        return "multimedia"
    if reason in ("Exhibit", "Forensic", "Medical evidence"):
        return "exhibits"
    if reason == "Statement(s)":
        return "statements"
    if reason.startswith("Relevant orders"):
        return "orders"
    return _DGA_AREA.get(DGA_REASONS.get(reason, ""), "file_build")


@dataclass(frozen=True)
class Failing:
    """One failing as the CPS would name it: its words, the DGA category it falls in and the
    training area it points to."""

    reason: str
    dga_category: str | None
    area: str


def failing_for_triage(code: str) -> Failing:
    t = TRIAGE_BY_CODE.get(code)
    if t is None:
        return Failing(code.replace("_", " ").capitalize(), None, "file_build")
    return Failing(t.label, t.dga_category, t.area)


# Rules whose family is broader than the skill they test.
_RULE_AREA = {"NFS.MG5.NOT_CERTIFIED": "supervision", "NFS.DA.PREVIOUS_INCIDENTS": "domestic_abuse"}


def failing_for_rule(rule: Rule) -> Failing:
    """A file-quality rule's failing in CPS terms: its triage reason, else its DGA reason, else
    "Not met: <the rule>". The training area follows the most specific CPS reason (the DGA reason
    names the media type where triage says only "exhibits"), else the rule's family."""
    area = _RULE_AREA.get(rule.id) or (dga_area(rule.dga_reason) if rule.dga_reason in DGA_REASONS else None)
    if rule.cps_triage_reason and rule.cps_triage_reason in TRIAGE_BY_LABEL:
        t = TRIAGE_BY_LABEL[rule.cps_triage_reason]
        category = DGA_REASONS.get(rule.dga_reason or "", t.dga_category)
        return Failing(t.label, category, area or t.area)
    if rule.dga_reason:
        return Failing(rule.dga_reason, DGA_REASONS.get(rule.dga_reason), area or dga_area(rule.dga_reason))
    return Failing(f"Not met: {rule.title}", None, area or _FAMILY_AREA.get(rule.family, "file_build"))


# --- Offence groups -----------------------------------------------------------------------------

@dataclass(frozen=True)
class OffenceGroup:
    key: str
    label: str
    prefixes: tuple[str, ...] = ()  # CJS offence code prefixes (the statute and year: TH68 = Theft Act 1968)
    codes: tuple[str, ...] = ()  # single codes that belong here whatever their prefix says


# Modelled on the headline offence groups of police recorded crime (ONS); the mapping from CJS codes
# is Casework's own, by statute and a few named codes, so it is marked unverified in the output.
OFFENCE_GROUPS: tuple[OffenceGroup, ...] = (
    OffenceGroup("robbery", "Robbery", codes=("TH68023", "TH68025")),
    OffenceGroup("burglary", "Burglary", codes=(
        "TH68026", "TH68027", "TH68028", "TH68029", "TH68032", "TH68033", "TH68036", "TH68037", "TH68038",
        "TH68039", "TH68040", "TH68041", "TH68044", "TH68045", "TH68046", "TH68047", "TH68048", "TH68081")),
    OffenceGroup("weapons", "Possession of weapons", prefixes=("FI68", "PC53"), codes=(
        "CJ88005", "CJ88016", "CJ88139", "CJ88140", "CJ88141", "CJ88142", "CJ88143", "CJ88144", "CJ88151",
        "CJ88152", "CJ88153", "CJ88154", "CJ88155", "CJ88156", "CJ88157", "CJ88158")),
    OffenceGroup("violence", "Violence against the person", prefixes=("OF61", "PH97", "FL96", "PL96"), codes=(
        "COML022", "COML025", "CJ88001", "CJ88116", "CJ88159", "CJ88160", "SC15004", "SC15005", "SE20002",
        "CD98069", "CD98070", "CD98072", "CD98073", "CD98076", "CD98077", "CD98078", "CD98079", "CD98080",
        "CD98081", "RA88046", "RT88564")),
    OffenceGroup("sexual", "Sexual offences", prefixes=("SX03", "SX56")),
    OffenceGroup("theft", "Theft and handling", prefixes=("TH68",)),
    OffenceGroup("fraud", "Fraud", prefixes=("FA06",)),
    OffenceGroup("damage", "Criminal damage and arson", prefixes=("CD71",), codes=("CD98074",)),
    OffenceGroup("drugs", "Drug offences", prefixes=("MD71", "PS16")),
    OffenceGroup("public_order", "Public order", prefixes=("PU86", "CJ67"), codes=("CD98066", "CD98067", "CD98075")),
    OffenceGroup("motoring", "Motoring", prefixes=("RT88", "RA88", "RT72", "VE94")),
)
OFFENCE_GROUP_OTHER = OffenceGroup("other", "Other offences")
OFFENCE_GROUP_SOURCE = ("Casework's grouping of CJS offence codes by statute, modelled on the ONS police recorded "
                        "crime offence groups")
OFFENCE_GROUP_CONFIDENCE = UNVERIFIED
OFFENCE_GROUPS_BY_KEY = {g.key: g for g in (*OFFENCE_GROUPS, OFFENCE_GROUP_OTHER)}


def offence_group(code: str) -> OffenceGroup:
    """The group of one CJS offence code: a named code first (an attempt, TH68023A, goes with the
    offence, TH68023), then the first group whose prefix fits."""
    code = code.upper()
    for g in OFFENCE_GROUPS:
        if code[:7] in g.codes:
            return g
    for g in OFFENCE_GROUPS:
        if code[:4] in g.prefixes:
            return g
    return OFFENCE_GROUP_OTHER


# --- Trials -------------------------------------------------------------------------------------

# HMCTS's trial effectiveness classes: an effective trial starts on the day; a cracked trial ends on
# the day without a trial and needs no new date (a late guilty plea, the prosecution offering no
# evidence); an ineffective trial does not go ahead and must be listed again. A vacated listing was
# taken out before the day and is not a trial.
TRIAL_CLASSES = {
    "convicted": "effective", "acquitted": "effective", "dismissed": "effective", "sentenced": "effective",
    "cracked": "cracked", "guilty_plea": "cracked", "discontinued": "cracked",
    "ineffective": "ineffective", "adjourned": "ineffective",
}
TRIAL_SOURCE = "HMCTS criminal court statistics: effective, cracked and ineffective trials [TSJ17]"


# --- Trends: when is a change more than normal variation? --------------------------------------

TREND_METHOD = (
    "A month is flagged when it lies outside the control limits of the months before it: a p-chart for "
    "rates (the pooled rate of the earlier months ± 3 standard errors for that month's number of cases) and a "
    "c-chart for counts (the mean ± 3 × its square root), the statistical process control charts NHS England's "
    "'Making Data Count' and many police forces use. At least 6 earlier months with data are needed; a change "
    "inside the limits is normal variation, however large it looks.")
TREND_SOURCE = "Shewhart control charts (p-chart, c-chart); NHS England 'Making Data Count' (2019)"
TREND_CONFIDENCE = SECONDARY
MIN_BASELINE_MONTHS = 6


@dataclass(frozen=True)
class TrendPoint:
    month: str  # YYYY-MM
    numerator: int
    denominator: int | None  # None for a count
    value: float | None  # the rate (0–1) or the count; None when a rate has no cases
    change: float | None  # from the month before (rate: points of 1.0; count: number)
    centre: float | None  # the baseline the limits are drawn around
    lower: float | None
    upper: float | None
    flag: str  # "" (normal variation or too little history), "high" or "low"

    @property
    def explanation(self) -> str:
        if self.value is None:
            return "No cases this month."
        if self.centre is None:
            return f"Fewer than {MIN_BASELINE_MONTHS} earlier months with data: no limits yet."
        word = {"high": "above the upper", "low": "below the lower"}.get(self.flag)
        rate = self.denominator is not None
        fmt = (lambda v: f"{v:.1%}") if rate else (lambda v: f"{v:.1f}")
        value = fmt(self.value) if rate else f"{self.value:.0f}"
        limits = f"limits {fmt(self.lower)} to {fmt(self.upper)} around {fmt(self.centre)}"
        if word:
            return f"{value} is {word} control limit ({limits}): more than normal variation."
        return f"{value} is within the control limits ({limits}): normal variation."


def trend(months: list[tuple[str, int, int | None]]) -> list[TrendPoint]:
    """Each month's value, change and flag. `months`: (YYYY-MM, numerator, denominator) in order;
    denominator None for a count series. The limits for a month come from the months before it."""
    out: list[TrendPoint] = []
    rate = bool(months) and months[0][2] is not None
    for i, (month, num, den) in enumerate(months):
        value = (num / den if den else None) if rate else float(num)
        prev = out[-1].value if out else None
        change = value - prev if value is not None and prev is not None else None
        earlier = [(n, d) for _, n, d in months[:i] if (d if rate else True)]
        centre = lower = upper = None
        flag = ""
        if value is not None and len(earlier) >= MIN_BASELINE_MONTHS:
            if rate:
                total = sum(d for _, d in earlier)
                centre = sum(n for n, _ in earlier) / total
                sigma = math.sqrt(centre * (1 - centre) / den)
                lower, upper = max(0.0, centre - 3 * sigma), min(1.0, centre + 3 * sigma)
            else:
                centre = sum(n for n, _ in earlier) / len(earlier)
                sigma = math.sqrt(centre)
                lower, upper = max(0.0, centre - 3 * sigma), centre + 3 * sigma
            flag = "high" if value > upper else "low" if value < lower else ""
        out.append(TrendPoint(month, num, den, value, change, centre, lower, upper, flag))
    return out


def median(values: list[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2

