"""Content checks: not whether material is on the file, but whether it is fit to go.

Statements signed and dated, the MG5 certified and covering every charged defendant, exhibits
referred to in statements on the exhibit list, multimedia clipped and playable, VPS offer
recorded for every victim, special measures for vulnerable witnesses, schedules signed and
described, witness previous convictions, OIC contact details, supervisor comments on pre-charge
submissions, overdue outstanding material. Pure.
"""

from __future__ import annotations

from ..findings import SECONDARY, UNVERIFIED, VERIFIED, Finding, Severity
from ..materials import material_label
from ..snapshot import Material
from ..text import day
from .context import Context
from .registry import check

PC = {"PC-EXP", "PC-STD", "PC-EA"}
FH = {"FH-GAP", "FH-NGAP", "FH-CC"}
NG = {"FH-NGAP", "FH-CC", "UP-MC", "UP-CC"}
POST = FH | {"UP-MC", "UP-CC", "UP-OTH"}
DGA = "CPS Director's Guidance Assessment failure reasons [CPSDGA][CPSPROTO]"
TRIAGE = "CPS PCD triage reasons [CPSDH]"


def _who(ctx: Context, m: Material) -> str:
    if m.witness:
        w = next((w for w in ctx.case.witnesses if w.ref == m.witness), None)
        if w:
            return f" of {w.display_name} ({w.ref}, {m.ref})"
    return f" ({m.ref})"


@check("NFS.STATEMENT.UNSIGNED", title="Witness statements signed", severity=Severity.MAJOR,
       source="s.9 Criminal Justice Act 1967; CrimPR r.16.2 (declaration of truth, signature) [LHL]",
       confidence=SECONDARY, dga="Statement(s)", family="Statements",
       explanation="A section 9 statement is only admissible if the witness has signed the declaration of truth.")
def statement_unsigned(ctx: Context, rule):
    for m in ctx.by_type.get("MG11", ()):
        if m.status == "provided" and m.signed is not True:
            state = "is not signed" if m.signed is False else "has no record of being signed"
            yield Finding(rule, f"The statement{_who(ctx, m)} {state}.",
                          "Get the witness to sign the declaration of truth on the MG11 and resubmit it.", m.ref)


@check("NFS.STATEMENT.UNDATED", title="Witness statements dated", severity=Severity.MINOR,
       source="s.9 Criminal Justice Act 1967; CrimPR r.16.2 [LHL]", confidence=SECONDARY,
       dga="Statement(s)", family="Statements",
       explanation="A statement must carry the date it was made; the date matters for time limits and for disclosure.")
def statement_undated(ctx: Context, rule):
    for m in ctx.by_type.get("MG11", ()):
        if m.status == "provided" and m.signed is True and m.signed_date is None:
            yield Finding(rule, f"The statement{_who(ctx, m)} is signed but not dated.",
                          "Add the date the statement was made and signed.", m.ref)


@check("NFS.MG5.NOT_CERTIFIED", title="Case summary (MG5) certified by a supervisor", severity=Severity.MAJOR,
       source="CJU 'How to complete the MG5' (BCM) [BCMMG5]", confidence=SECONDARY, family="Case summary",
       explanation="A supervisor certifies that the MG5 accurately summarises the evidence before it goes to the CPS.")
def mg5_not_certified(ctx: Context, rule):
    for m in ctx.by_type.get("MG5", ()):
        if m.status == "provided" and m.supervisor_certified is not True:
            yield Finding(rule, f"The case summary (MG5, {m.ref}) has not been certified by a supervisor.",
                          "Ask your supervisor to review and certify the MG5.", m.ref)


@check("NFS.EXHIBIT.NOT_ON_LIST", title="Exhibits referred to in statements are on the exhibit list",
       severity=Severity.MAJOR, source="Prosecution Team Manual of Guidance 2011, MG12 notes [LHL]",
       confidence=SECONDARY, dga="Exhibit", family="Exhibits",
       explanation="Every exhibit a witness produces in a statement must be listed and available, or the court cannot see it.")
def exhibit_not_listed(ctx: Context, rule):
    for m in ctx.by_type.get("MG11", ()):
        if m.status != "provided":
            continue
        for ref in m.exhibits_referred:
            if ref.upper() not in ctx.exhibit_refs:
                yield Finding(rule, f"The statement{_who(ctx, m)} refers to exhibit {ref}, which is not on the file's exhibit list.",
                              f"Add exhibit {ref} to the exhibit list (MG12) and provide it, or correct the reference in the statement.",
                              m.ref)


# The CPS names the media type in its DGA reasons, so each type has its own rule.
_MEDIA = (("CCTV", ("CCTV",), "CCTV"), ("BWV", ("BWV",), "BWV"),
          ("OTHER", ("CALL_999", "OTHER_MULTIMEDIA"), "other"))


def _clipped_check(types, label):
    def fn(ctx: Context, rule):
        for t in types:
            for m in ctx.by_type.get(t, ()):
                if m.status == "provided" and m.clipped is False:
                    yield Finding(rule, f"The {m.type} recording ({m.title or m.ref}, {m.ref}) is not clipped to the relevant part.",
                                  "Clip the recording to the relevant part (note the start and end times) and resubmit it.", m.ref)
    return fn


def _playable_check(types, label):
    def fn(ctx: Context, rule):
        for t in types:
            for m in ctx.by_type.get(t, ()):
                if m.status == "provided" and m.playable is False:
                    yield Finding(rule, f"The {m.type} recording ({m.title or m.ref}, {m.ref}) is not in a playable format.",
                                  "Convert the recording to a standard playable format (with any player needed) and resubmit it.", m.ref)
    return fn


for _key, _types, _label in _MEDIA:
    check(f"NFS.MULTIMEDIA.{_key}_NOT_CLIPPED", title=f"Multimedia ({_label}) clipped to the relevant part",
          severity=Severity.MAJOR, source=f"{DGA}; AG annual disclosure review 2022 (send only relevant material) [PQ2022]",
          confidence=SECONDARY, dga=f"Multi-media {_label} not clipped", family="Multimedia",
          explanation="The prosecutor and the court need the relevant part of a recording, not hours of it.",
          )(_clipped_check(_types, _label))
    check(f"NFS.MULTIMEDIA.{_key}_NOT_PLAYABLE", title=f"Multimedia ({_label}) in a playable format",
          severity=Severity.MAJOR, source=DGA, confidence=SECONDARY,
          dga=f"Multi-media {_label} not in playable format", family="Multimedia",
          explanation="A recording the CPS and the court cannot play is a recording they do not have.",
          )(_playable_check(_types, _label))


@check("NFS.WITNESS.VPS_NOT_RECORDED", title="Whether each victim was offered a VPS is recorded",
       severity=Severity.MAJOR, source="Code of Practice for Victims of Crime 2021, Right 7 [LANCS]; " + DGA,
       confidence=VERIFIED, dga="VPS – no information on whether VPS offered/not provided", family="Victims and witnesses",
       explanation="Every victim has the right to make a Victim Personal Statement; the CPS fails files that do not say whether one was offered.")
def vps_not_recorded(ctx: Context, rule):
    if ctx.file_type not in POST:
        return
    for w in ctx.victims:
        if w.vps_offered is None:
            yield Finding(rule, f"The file does not say whether {w.display_name} (victim, {w.ref}) was offered a Victim Personal Statement.",
                          "Record whether the VPS was offered and, if the victim made one, provide it; if not, say why.", w.ref)


@check("NFS.WITNESS.VPS_MADE_NOT_PROVIDED", title="A VPS the victim made is on the file", severity=Severity.MAJOR,
       source="Code of Practice for Victims of Crime 2021, Right 7 [LANCS]; " + DGA, confidence=SECONDARY,
       dga="VPS – no information on whether VPS offered/not provided", family="Victims and witnesses",
       explanation="A VPS the victim made must reach the court if the defendant is convicted.")
def vps_made_missing(ctx: Context, rule):
    if ctx.file_type not in POST:
        return
    for w in ctx.victims:
        if w.vps_made and not ctx.provided("VPS", witness=w.ref):
            yield Finding(rule, f"{w.display_name} (victim, {w.ref}) made a Victim Personal Statement but it is not on the file.",
                              "Provide the VPS (usually an MG11 headed 'Victim Personal Statement').", w.ref)


@check("NFS.WITNESS.SPECIAL_MEASURES_NOT_CONSIDERED", title="Special measures considered for vulnerable or intimidated witnesses",
       severity=Severity.MAJOR, source="YJCEA 1999 ss.16–17, 19 [YJ16][YJ17]; CPS special measures guidance [LHL]; " + DGA,
       confidence=VERIFIED, dga="Special measures needs not considered or inadequate", family="Victims and witnesses",
       explanation="A vulnerable or intimidated witness (under 18, a complainant in a sexual or domestic abuse offence, or in fear) is eligible for special measures, and the file must show they were considered.")
def special_measures(ctx: Context, rule):
    if ctx.file_type not in NG:
        return
    for w in ctx.vulnerable_witnesses:
        if w.special_measures_sought:
            continue
        if any(m.type == "MG2" and m.status == "provided" for m in ctx.by_witness.get(w.ref, ())):
            continue
        grounds = ", ".join(g.replace("_", " ") for g in sorted(w.vulnerability_grounds)) or "under 18"
        yield Finding(rule, f"{w.display_name} ({w.ref}) is eligible for special measures ({grounds}) but none are recorded as considered.",
                      "Discuss special measures with the witness and complete an MG2 with their views and the measures sought.", w.ref)


@check("NFS.DISCLOSURE.SCHEDULE_NOT_SIGNED", title="Unused material schedules signed and dated", severity=Severity.MAJOR,
       source="CPIA 1996 Code of Practice 2020; Manual of Guidance MG6 series [MOG40]; " + DGA, confidence=SECONDARY,
       dga="Schedules of unused material not completed correctly", family="Disclosure",
       explanation="The disclosure officer certifies each schedule by signing and dating it.")
def schedule_unsigned(ctx: Context, rule):
    for t in ("MG6C", "MG6D"):
        for m in ctx.by_type.get(t, ()):
            if m.status == "provided" and m.signed is not True:
                yield Finding(rule, f"The {t} schedule ({m.ref}) is not signed and dated by the disclosure officer.",
                              f"Have the disclosure officer sign and date the {t}.", m.ref)


@check("NFS.DISCLOSURE.ITEMS_NOT_DESCRIBED", title="Unused material schedule items described", severity=Severity.MAJOR,
       source="CPIA 1996 Code of Practice 2020; Manual of Guidance MG6C notes [MOG40]; " + DGA, confidence=SECONDARY,
       dga="Schedules of unused material not completed correctly", family="Disclosure",
       explanation="Each item must be described clearly enough for the prosecutor to decide whether it meets the disclosure test.")
def schedule_items(ctx: Context, rule):
    for t in ("MG6C", "MG6D"):
        for m in ctx.by_type.get(t, ()):
            if m.status == "provided" and m.items_described is False:
                yield Finding(rule, f"Items on the {t} schedule ({m.ref}) are not described clearly enough to judge them.",
                              "Describe each item: what it is, its date, who made it and where it is kept.", m.ref)


@check("NFS.WITNESS.PREVIOUS_CONVICTIONS", title="Previous convictions of key witnesses checked", severity=Severity.MAJOR,
       source="National Disclosure Standards 2018 [LHL]; " + TRIAGE, confidence=VERIFIED,
       triage="Missing victim/witness previous convictions", family="Disclosure",
       explanation="A key witness's convictions may undermine the prosecution and must be disclosed; the CPS rejects files without them.")
def witness_previous_convictions(ctx: Context, rule):
    if ctx.file_type not in {"PC-STD"} | NG:
        return
    for w in ctx.key_witnesses:
        if w.role in ("police", "expert", "professional"):
            continue
        if w.previous_convictions_checked is not True:
            yield Finding(rule, f"The previous convictions of {w.display_name} ({w.ref}, key witness) have not been checked.",
                          "Check the PNC for this witness and record the result (disclose any convictions on the MG6).", w.ref)


@check("NFS.OIC.CONTACT_INCOMPLETE", title="Officer in the case contact details complete", severity=Severity.MAJOR,
       source=TRIAGE + "; DG6 Annex 4 (certification: OIC name, email, phone) [LHL]", confidence=VERIFIED,
       triage="Incomplete OIC contact details", family="Case",
       explanation="The CPS must be able to reach the officer in the case quickly.")
def oic_contact(ctx: Context, rule):
    oic = ctx.case.oic
    if oic is None:
        yield Finding(rule, "No officer in the case is named on the file.",
                      "Name the officer in the case with their email address and phone number.")
        return
    missing = [label for label, value in (("name", oic.name), ("email address", oic.email), ("phone number", oic.phone)) if not value]
    if missing:
        yield Finding(rule, f"The officer in the case ({oic.name or oic.username}) has no {' or '.join(missing)} on the file.",
                      f"Add the officer's {' and '.join(missing)}.")


@check("NFS.PRECHARGE.SUPERVISOR_COMMENTS", title="Supervisor's comments on the pre-charge submission",
       severity=Severity.MAJOR, source=TRIAGE + "; DG6 Annex 4 (supervisor quality assurance) [LHL]", confidence=VERIFIED,
       triage="No/incomplete supervisor's comments", family="Pre-charge",
       explanation="A supervisor must review and comment on a file before it is referred for a charging decision.")
def supervisor_comments(ctx: Context, rule):
    if ctx.file_type not in PC:
        return
    subs = [s for s in ctx.case.submissions if s.file_type.startswith("PC")]
    if not subs:
        return
    latest = max(subs, key=lambda s: s.submitted_at)
    if latest.supervisor_certified is not True or not latest.supervisor_comments.strip():
        yield Finding(rule, f"The pre-charge submission {latest.ref} has no supervisor's comments or authorisation.",
                      "Ask your supervisor to review the file and add their comments before it is referred.", latest.ref)


@check("NFS.MATERIAL.OVERDUE", title="Outstanding material within its target date", severity=Severity.MINOR,
       source="Manual of Guidance MG6 (target dates for outstanding evidence) [LHL]", confidence=SECONDARY,
       family="Case", explanation="The prosecutor plans around the target dates the police give; a missed date must be chased or reset.")
def overdue(ctx: Context, rule):
    for m in ctx.case.materials:
        if m.status == "outstanding" and m.target_date and m.target_date < ctx.today and m.type not in ("MEDICAL", "FORENSIC"):
            title = f": {m.title}" if m.title else ""
            yield Finding(rule, f"{material_label(m.type)} ({m.ref}{title}) was due on {day(m.target_date)} and is still outstanding.",
                          "Provide it now, or agree a new target date and record it on the MG6.", m.ref)


@check("NFS.DA.PREVIOUS_INCIDENTS", title="Domestic abuse: incident history considered", severity=Severity.ADVICE,
       source="DG6 Desktop Guide; DA checklist [DG6DG][BBP]", confidence=UNVERIFIED, family="Case type",
       explanation="In domestic abuse cases the incident history can be bad character evidence; the CPS expects it considered.")
def da_history(ctx: Context, rule):
    if "domestic_abuse" in ctx.case.flags and ctx.file_type in PC | FH:
        if not any(ctx.provided("MG16", defendant=d) for d in ctx.case.defendants):
            yield Finding(rule, "No bad character material (MG16) is on this domestic abuse file.",
                          "Check the incident history between the parties and, if relevant, provide it on an MG16.")
