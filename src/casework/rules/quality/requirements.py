"""Required material per file stage and case type, held as versioned data (brief §2.4, §2.5).

A table is a tuple of `Requirement` rows; a new edition of the standard is a new table, not an
edit scattered through code. Each row says which material types satisfy it, at which file stages
it is Required ("R") or required if applicable ("A", with the condition that makes it apply),
for whom (the case, each defendant, each key witness …), and carries its source, confidence and
the CPS's words for the failing.

Confidence: the brief marks the stage assignment of every cell as the author's reconstruction of
DG6 Annex 5, not yet checked against the Annex [U]. Rows whose wording is confirmed as a DG6
Annex 5 row are "secondary"; the rest "unverified". The table in force is chosen by name
(`CASEWORK_NFS_TABLE` on the web side), so a verified edition can replace this one without code
changes. Pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..findings import SECONDARY, UNVERIFIED, VERIFIED, Finding, Rule, Severity
from ..materials import material_label
from ..snapshot import Material
from ..text import day
from .context import Context, ref_key

R, A = "R", "A"
PC = ("PC-EXP", "PC-STD", "PC-EA")
FH = ("FH-GAP", "FH-NGAP", "FH-CC")
NG = ("FH-NGAP", "FH-CC", "UP-MC", "UP-CC")
UP = ("UP-MC", "UP-CC")
REM = "REM"  # the remand add-on (FH-REM), applied on top of a first hearing file


def _stages(level: str, *stages: str) -> dict[str, str]:
    return {s: level for s in stages}


@dataclass(frozen=True)
class Requirement:
    key: str  # rule id is NFS.MATERIAL.<key>
    title: str
    types: frozenset[str]
    stages: dict[str, str]
    scope: str  # case | defendant | charged_defendant | interviewed_defendant | key_witness | witness | vulnerable_witness | each
    when: str | None  # condition that must hold (for "A" cells, and case-type rows such as DA)
    severity: Severity
    source: str
    confidence: str
    remedy: str
    explanation: str
    triage: str | None = None
    dga: str | None = None
    target_date_ok: bool = False  # "R or target date": outstanding with a future target is fine

    @property
    def rule(self) -> Rule:
        return _rule(self)


_RULES: dict[str, Rule] = {}


def _rule(req: Requirement) -> Rule:
    rule = _RULES.get(req.key)
    if rule is None:
        rule = Rule(
            id=f"NFS.MATERIAL.{req.key}", title=f"{req.title} provided", severity=req.severity,
            source=req.source, confidence=req.confidence, explanation=req.explanation,
            cps_triage_reason=req.triage, dga_reason=req.dga, family="Required material",
        )
        _RULES[req.key] = rule
    return rule


# Conditions: (test, words used in the finding when it applies).
CONDITIONS: dict[str, tuple[Callable[[Context], bool], str]] = {
    "domestic_abuse": (lambda c: "domestic_abuse" in c.case.flags, "this is a domestic abuse case"),
    "interview_held": (lambda c: any(i.type != "not_interviewed" for d in c.case.defendants for i in d.interviews),
                       "the suspect was interviewed"),
    "vulnerable_witness": (lambda c: bool(c.vulnerable_witnesses), "a witness is vulnerable or intimidated"),
    "devices_seized": (lambda c: c.case.devices_seized, "digital devices were seized"),
    "compensation_sought": (lambda c: c.case.compensation_sought, "compensation is sought"),
    "exhibits_exist": (lambda c: bool(c.exhibit_refs), "the case has exhibits"),
    "drink_drug_driving": (lambda c: any(_drink_drug(c, o) for d in c.case.defendants for o in d.offences),
                           "a drink or drug driving offence is charged"),
    "remand": (lambda c: c.stage.remand, "the defendant is kept in custody for court"),
}

DRINK_DRUG_WORDS = ("alcohol", "specimen", "drug driving", "controlled drug", "unfit through drink")


def _drink_drug(c: Context, o) -> bool:
    if not o.code.startswith("RT"):
        return False
    title = o.title
    if not title:  # a file may leave titles to the reference list
        info = c.reference.offence(o.code)
        title = info.title if info else ""
    return any(w in title.lower() for w in DRINK_DRUG_WORDS)


DG6_A5 = "Director's Guidance on Charging, 6th ed. (31 Dec 2020), Annex 5 National File Standard"
DG6_A4 = "Director's Guidance on Charging, 6th ed. (31 Dec 2020), Annex 4 (information for a charging decision)"
TRIAGE = "CPS PCD triage reasons, CPS-Innovation design history [CPSDH]"
MOG = "Prosecution Team Manual of Guidance 2011 (incorporating NFS 2015)"
TABLE_NOTE = " (file stage reconstructed in the domain brief §2.4 [U]; configurable)"

NFS_DG6_2020: tuple[Requirement, ...] = (
    Requirement("MG3", "Report to the CPS for a charging decision (MG3 / CM01)", frozenset({"MG3", "MG3A"}),
                _stages(R, *PC), "case", None, Severity.BLOCKER,
                f"{DG6_A4}; {TRIAGE}", SECONDARY,
                "Complete the MG3 (digital CM01) with the case summary, the rationale and the decision sought, and submit it with the file.",
                "The CPS cannot make a charging decision without the police report; triage rejects the file as 'No MG3'.",
                triage="No MG3"),
    Requirement("MG4", "Charge sheet (MG4 / CM03)", frozenset({"MG4"}), _stages(R, *FH), "charged_defendant", None,
                Severity.MAJOR, f"{DG6_A5}: 'Charge details – provided digitally or MG4' [LHL]{TABLE_NOTE}", SECONDARY,
                "Provide the charge sheet (MG4) with every charge, its CJS offence code and wording.",
                "The first hearing file must show the charges for each defendant."),
    Requirement("MG5", "Case summary (MG5)", frozenset({"MG5"}), _stages(R, *FH), "charged_defendant", None,
                Severity.MAJOR, f"{DG6_A5}; {MOG} MG5 guidance [BCMMG5]{TABLE_NOTE}", UNVERIFIED,
                "Write the MG5 case summary (headline summary, chronology, what the key witnesses say, interview summary) and have it certified by a supervisor.",
                "The MG5 is the basis for the first hearing and for sentence on a guilty plea."),
    Requirement("MG6", "Information for the prosecutor (MG6)", frozenset({"MG6"}),
                {**_stages(R, *FH, *UP), REM: R}, "case", None, Severity.MAJOR,
                f"{DG6_A5}: 'Information – provided digitally or MG3/MG6' [LHL]{TABLE_NOTE}", SECONDARY,
                "Complete the MG6 with background information, outstanding evidence and target dates.",
                "The prosecutor needs the non-disclosable background and the target dates for outstanding evidence."),
    Requirement("KEY_STATEMENTS", "Key witness statement (MG11)", frozenset({"MG11"}),
                {**_stages(R, "PC-STD", "FH-NGAP", "FH-CC")}, "key_witness", None, Severity.MAJOR,
                f"{DG6_A5}: 'Key evidence including key statements/MG11s' [LHL]; {TRIAGE}{TABLE_NOTE}", SECONDARY,
                "Take and provide the signed MG11 statement of this key witness.",
                "Key evidence establishes each point to prove; a file without the key statements cannot be charged or tried.",
                triage="No/missing MG11s", dga="Statement(s)"),
    Requirement("ALL_STATEMENTS", "Witness statement (MG11) for the trial file", frozenset({"MG11"}), _stages(R, *UP),
                "witness", None, Severity.MAJOR, f"{DG6_A5} (trial and Crown Court files: all remaining statements){TABLE_NOTE}",
                UNVERIFIED, "Provide the signed MG11 statement of this witness for the trial file.",
                "After a not guilty plea or sending, the full file needs every witness's statement.",
                dga="Statement(s)"),
    Requirement("INTERVIEW", "Interview record or summary (MG15 / SDN / ROTI)", frozenset({"MG15"}),
                _stages(R, "PC-EXP", "PC-STD", "FH-NGAP", "FH-CC", "UP-CC"), "interviewed_defendant", "interview_held",
                Severity.MAJOR, f"{DG6_A5}{TABLE_NOTE}; {TRIAGE}", UNVERIFIED,
                "Provide the record of interview (SDN, ROTI or ROVI on an MG15) for this suspect.",
                "The prosecutor must see what the suspect said, including any defence raised.",
                triage="No summary of interview"),
    Requirement("SUSPECT_PREVIOUS_CONVICTIONS", "Suspect's previous convictions (PNC print, or a record that the check found none)", frozenset({"PNC_PRINT"}),
                {**_stages(R, "PC-EXP", "PC-STD", *FH), REM: R}, "defendant", None, Severity.MAJOR,
                f"{DG6_A5}{TABLE_NOTE}; {TRIAGE}", SECONDARY,
                "Attach the PNC print of previous convictions and cautions (or record that the check found none).",
                "Previous convictions bear on bail, bad character, venue and sentence; triage rejects files without them.",
                triage="Missing suspect's previous convictions"),
    Requirement("MG2", "Special measures assessment (MG2)", frozenset({"MG2"}),
                _stages(A, "PC-EXP", "PC-STD", *NG), "vulnerable_witness", "vulnerable_witness", Severity.MAJOR,
                f"{DG6_A5}: 'Any special measures assessment (MG2)' [LHL]; YJCEA 1999 ss.16–17 [YJ16][YJ17]{TABLE_NOTE}", SECONDARY,
                "Complete an MG2 for this witness: the grounds, the measures sought and the witness's own views.",
                "Every vulnerable or intimidated witness must have special measures considered; the CPS applies for them using the MG2.",
                dga="Special measures needs not considered or inadequate"),
    Requirement("MG9", "Witness list (MG9)", frozenset({"MG9"}), _stages(R, *NG), "case", None, Severity.MAJOR,
                f"{MOG} MG9 notes [MOGBB]{TABLE_NOTE}", UNVERIFIED,
                "Provide the MG9 witness list: victim first, civilian witnesses, experts, police, OIC last, with PNC check dates.",
                "The CPS warns witnesses for trial from the witness list.",
                dga="Victim and witness needs (not special measures related)"),
    Requirement("MG10", "Witness dates to avoid (MG10)", frozenset({"MG10"}), _stages(R, *NG), "case", None,
                Severity.MAJOR, f"Home Office Manual of Guidance (2000) s.4 [HOMOG00]{TABLE_NOTE}", UNVERIFIED,
                "Provide the MG10 with every witness's dates to avoid so the court can fix a trial date.",
                "A trial date is fixed at the first hearing in not guilty cases; without dates to avoid, witnesses cannot attend.",
                dga="Victim and witness needs (not special measures related)"),
    Requirement("UNUSED_SCHEDULES", "Schedule of non-sensitive unused material (MG6C)", frozenset({"MG6C"}),
                _stages(R, "PC-STD", *NG), "case", None, Severity.MAJOR,
                f"{DG6_A5}; CPIA 1996 Code of Practice 2020 and AG Guidelines on Disclosure{TABLE_NOTE}; {TRIAGE}", SECONDARY,
                "Complete, sign and date the MG6C schedule of relevant non-sensitive unused material (and the MG6D, or a nil return).",
                "Disclosure: DG6 and the AG Guidelines require unused material schedules before a charging decision in non-guilty cases.",
                triage="No/missing disclosure schedule", dga="Schedules of unused material not provided"),
    Requirement("MG6E", "Disclosure officer's report (MG6E)", frozenset({"MG6E"}), _stages(R, *UP), "case", None,
                Severity.MAJOR, f"{MOG} MG6 series [MOG40][BSCARD]{TABLE_NOTE}", UNVERIFIED,
                "Complete the MG6E disclosure officer's report, drawing attention to anything that may meet the disclosure test.",
                "The prosecutor relies on the disclosure officer's report for initial disclosure after a not guilty plea or sending.",
                dga="Disclosable unused material not provided"),
    Requirement("DA_CHECKLIST", "Domestic abuse evidence-gathering checklist", frozenset({"DA_CHECKLIST"}),
                _stages(R, *PC, *FH), "case", "domestic_abuse", Severity.MAJOR,
                f"Joint NPCC/CPS DA evidence-gathering checklist [BBP]; {TRIAGE}", VERIFIED,
                "Complete the joint NPCC/CPS domestic abuse evidence-gathering checklist and submit it with the file.",
                "The CPS rejects domestic abuse files without the checklist ('No DV checklist').",
                triage="No DV checklist"),
    Requirement("REMAND_MG7", "Remand application (MG7) and witness intimidation page", frozenset({"MG7"}),
                {REM: R}, "case", "remand", Severity.MAJOR, f"{DG6_A5}{TABLE_NOTE}; MG7 [REDW]", UNVERIFIED,
                "Provide the MG7 with the grounds for objecting to bail and the names of witnesses the defendant must not contact.",
                "A defendant kept in custody for court needs the police's grounds for objecting to bail.",
                dga="Relevant orders/applications, details not provided"),
    Requirement("COMPENSATION_MG19", "Compensation claim (MG19, or an estimate in the MG5)", frozenset({"MG19"}),
                _stages(A, *FH, *UP), "case", "compensation_sought", Severity.MAJOR,
                f"{MOG} MG18/MG19 notes [MOGTIC]{TABLE_NOTE}", SECONDARY,
                "Provide the victim's MG19 compensation claim, or put an estimate of the loss in the MG5 and send the MG19 later under an MG20.",
                "The court can only order compensation it has details of.",
                dga="Relevant orders/applications, details not provided"),
    Requirement("EXHIBIT_LIST_MG12", "Exhibit list (MG12)", frozenset({"MG12"}),
                {**_stages(R, *UP), **_stages(A, "FH-NGAP", "FH-CC")}, "case", "exhibits_exist", Severity.MAJOR,
                f"{MOG} MG12 [LHL]{TABLE_NOTE}", UNVERIFIED,
                "Provide the MG12 exhibit list in the order exhibits appear in the statements.",
                "Exhibits produced at trial must be listed with their references and where they are.",
                dga="Exhibit"),
    Requirement("DIGITAL_STRATEGY", "Digital device examination strategy", frozenset({"DIGITAL_STRATEGY"}),
                {**_stages(R, "PC-STD"), **_stages(A, "PC-EXP", "FH-NGAP", "FH-CC")}, "case", "devices_seized",
                Severity.MAJOR, f"{DG6_A4} (digital strategy) [LOSTOCK]{TABLE_NOTE}", SECONDARY,
                "Record the digital strategy: why examining each device is reasonable and proportionate, keywords and date ranges (or why a device was returned unexamined).",
                "Reasonable lines of enquiry include those on seized devices; the CPS needs the strategy to judge them.",
                dga="Information about reasonable lines of inquiry not provided"),
    Requirement("MGDD", "Drink/drug driving procedure forms (MGDD)", frozenset({"MGDD"}),
                _stages(A, *FH, *UP), "case", "drink_drug_driving", Severity.MAJOR,
                "Home Office Manual of Guidance Drink and Drug Driving (MGDD) [MGDD]", VERIFIED,
                "Provide the MGDD forms for the station or hospital procedure used (MGDD A–F as applicable).",
                "The procedure forms prove the specimen was taken lawfully.",
                dga="Exhibit"),
    Requirement("CCTV", "CCTV footage", frozenset({"CCTV"}), _stages(R, "PC-STD", *NG), "each", None,
                Severity.MAJOR, f"{DG6_A5}: key exhibits incl. CCTV [LHL]; CPS DGA reasons [CPSPROTO]{TABLE_NOTE}", SECONDARY,
                "Provide the CCTV, clipped to the relevant part and in a playable format.",
                "Seized CCTV is key evidence the prosecutor must see.",
                triage="No/missing exhibits", dga="Multi-media CCTV not provided"),
    Requirement("BWV", "Body-worn video", frozenset({"BWV"}), _stages(R, "PC-STD", *NG), "each", None,
                Severity.MAJOR, f"{DG6_A5}: key exhibits incl. BWV [LHL]; CPS DGA reasons [CPSPROTO]{TABLE_NOTE}", SECONDARY,
                "Provide the body-worn video, clipped to the relevant part and in a playable format.",
                "Body-worn video of the incident or first account is key evidence the prosecutor must see.",
                triage="No/missing exhibits", dga="Multi-media BWV not provided"),
    Requirement("OTHER_EXHIBITS", "Other key exhibits (999 call, photographs, other media)",
                frozenset({"CALL_999", "PHOTOGRAPHS", "OTHER_MULTIMEDIA"}), _stages(R, *NG), "each", None,
                Severity.MAJOR, f"{DG6_A5}: 'exhibits' [LHL]{TABLE_NOTE}", SECONDARY,
                "Provide this exhibit (clipped and playable if it is a recording).",
                "Exhibits relied on at trial must be served.", triage="No/missing exhibits", dga="Exhibit"),
    Requirement("MEDICAL", "Medical evidence (or a target date)", frozenset({"MEDICAL"}),
                _stages(R, "PC-STD", *NG), "each", None, Severity.MAJOR,
                f"{DG6_A5}: 'R or target date'{TABLE_NOTE}", UNVERIFIED,
                "Provide the medical evidence, or set a realistic target date for it on the MG6.",
                "Injuries must be proved; if the evidence is not back, the prosecutor needs to know when it will be.",
                dga="Medical evidence", target_date_ok=True),
    Requirement("FORENSIC", "Forensic evidence (SFR1, or a target date)", frozenset({"FORENSIC"}),
                _stages(R, "PC-STD", *NG), "each", None, Severity.MAJOR,
                f"{DG6_A5}; Streamlined Forensic Reporting guidance [SFRTK]{TABLE_NOTE}", UNVERIFIED,
                "Provide the forensic result (SFR1), or set a realistic target date for it on the MG6.",
                "Forensic results often prove identity; the prosecutor needs them or their date.",
                dga="Forensic", target_date_ok=True),
)

TABLES = {"DG6-2020": NFS_DG6_2020}
DEFAULT_TABLE = "DG6-2020"


def _level(req: Requirement, ctx: Context) -> str | None:
    level = req.stages.get(ctx.file_type)
    if level is None and ctx.stage.remand:
        level = req.stages.get(REM)
    return level


def _describe(m: Material) -> str:
    title = f": {m.title}" if m.title else ""
    return f"{material_label(m.type)} ({m.ref}{title})"


def _lower_first(title: str) -> str:
    # "Case summary (MG5)" -> "case summary (MG5)"; "CCTV footage" keeps its capitals.
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _missing_message(req: Requirement, whom: str, outstanding: list[Material], today) -> str:
    text = f"Missing{whom}: {_lower_first(req.title)}."
    if outstanding:
        m = outstanding[0]
        if m.target_date:
            due = "was due" if m.target_date < today else "is due"
            text += f" It is outstanding ({m.ref}) and {due} on {day(m.target_date)}."
        else:
            text += f" It is outstanding ({m.ref}) with no target date."
    return text


# "Not applicable" is the reviewer's or officer's statement that an item is not needed for this
# case; it satisfies the requirement (and is reported as such, not as missing).
SATISFIED = ("provided", "not_applicable")


def _waived(ctx: Context, types, *, defendant: str | None = None, witness: str | None = None) -> bool:
    for t in types:
        for m in ctx.by_type.get(t, ()):
            if m.status != "not_applicable":
                continue
            if witness is not None and m.witness == witness:
                return True
            if defendant is not None and m.defendant in (None, defendant):
                return True
    return False


def _applicable(ctx: Context, table: tuple[Requirement, ...]) -> Iterator[tuple[Requirement, str]]:
    """The requirements that apply to this case at its file stage, with their level (R or A)."""
    for req in table:
        level = _level(req, ctx)
        if level is None:
            continue
        if req.when is not None:
            test, words = CONDITIONS[req.when]
            if not test(ctx):
                continue
        elif level == A:
            continue  # an "if applicable" cell needs a condition to apply
        yield req, level


@dataclass(frozen=True)
class ChecklistLine:
    """One line of the materials checklist for the file stage: what is needed, and whether the
    file has it (for each defendant or witness it is needed for)."""

    title: str
    rule_id: str
    required: bool  # "R" in the table; False: needed because a condition holds ("A")
    missing: tuple[Finding, ...]  # empty when the file has it

    @property
    def met(self) -> bool:
        return not self.missing


def checklist(ctx: Context, table: tuple[Requirement, ...] = NFS_DG6_2020) -> list[ChecklistLine]:
    """The materials checklist for the case's file stage, in the table's order."""
    return [ChecklistLine(req.title, req.rule.id, level == R, tuple(_scope(req, ctx)))
            for req, level in _applicable(ctx, table)]


def _scope(req: Requirement, ctx: Context) -> Iterator[Finding]:
    rule = req.rule
    case = ctx.case
    types = req.types
    if req.scope == "case":
        if not any(m.status in SATISFIED for t in types for m in ctx.by_type.get(t, ())):
            outstanding = sorted((m for t in types for m in ctx.by_type.get(t, ()) if m.status == "outstanding"),
                                 key=lambda m: ref_key(m.ref))
            yield Finding(rule, _missing_message(req, "", outstanding, ctx.today), req.remedy,
                          outstanding[0].ref if outstanding else None)
        return
    if req.scope in ("defendant", "charged_defendant", "interviewed_defendant"):
        people = {
            "defendant": case.defendants,
            "charged_defendant": ctx.charged_defendants,
            "interviewed_defendant": tuple(d for d in case.defendants if any(i.type != "not_interviewed" for i in d.interviews)),
        }[req.scope]
        for d in people:
            if any(ctx.provided(t, defendant=d) for t in types) or _waived(ctx, types, defendant=d.ref):
                continue
            if req.key == "SUSPECT_PREVIOUS_CONVICTIONS" and d.previous_convictions_checked_on:
                continue
            outstanding = sorted((m for t in types for m in ctx.by_type.get(t, ())
                                  if m.status == "outstanding" and m.defendant in (None, d.ref)),
                                 key=lambda m: ref_key(m.ref))
            yield Finding(rule, _missing_message(req, f" for {d.display_name} ({d.ref})", outstanding, ctx.today),
                          req.remedy, d.ref)
        return
    if req.scope in ("key_witness", "witness", "vulnerable_witness"):
        people = {
            "key_witness": ctx.key_witnesses,
            "witness": tuple(w for w in case.witnesses if w.role != "expert"),
            "vulnerable_witness": ctx.vulnerable_witnesses,
        }[req.scope]
        for w in people:
            if any(ctx.provided(t, witness=w.ref) for t in types) or _waived(ctx, types, witness=w.ref):
                continue
            if req.scope == "vulnerable_witness" and w.special_measures_sought:
                continue  # measures considered and recorded
            outstanding = sorted((m for t in types for m in ctx.by_witness.get(w.ref, ())
                                  if m.type == t and m.status == "outstanding"), key=lambda m: ref_key(m.ref))
            role = "victim" if w.role == "victim" else f"{w.role} witness"
            yield Finding(rule, _missing_message(req, f" for {w.display_name} ({role}, {w.ref})", outstanding, ctx.today),
                          req.remedy, w.ref)
        return
    if req.scope == "each":
        for t in sorted(types):
            for m in ctx.by_type.get(t, ()):
                if m.status != "outstanding":
                    continue
                if req.target_date_ok and m.target_date and m.target_date >= ctx.today:
                    continue
                if req.target_date_ok and m.target_date:
                    text = f"{_describe(m)} is outstanding and its target date {day(m.target_date)} has passed."
                elif req.target_date_ok:
                    text = f"{_describe(m)} is outstanding with no target date."
                else:
                    text = f"{_describe(m)} has been seized but is not provided."
                yield Finding(rule, text, req.remedy, m.ref)
        return
    raise ValueError(f"unknown scope {req.scope}")


def catalogue(table: tuple[Requirement, ...] = NFS_DG6_2020) -> list[Rule]:
    return [req.rule for req in table]
