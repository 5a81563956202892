"""Which file is being reviewed: the DG6 / National File Standard file stage (brief §2.3).

Worked out from the case's facts (lifecycle stage, charging category, anticipated plea, venue,
offences, custody) unless the reviewer has chosen the stage. Source: brief §2.3, from DG6 and
practitioner guides [REDW] (secondary). Pure.
"""

from __future__ import annotations

from ..findings import StageDecision
from ..snapshot import CaseSnapshot

FILE_TYPES = {
    "PC-EXP": "Pre-charge, expedited (red)",
    "PC-STD": "Pre-charge, standard (green / green priority)",
    "PC-EA": "Early advice",
    "FH-GAP": "First hearing, guilty anticipated plea",
    "FH-NGAP": "First hearing, not guilty anticipated plea",
    "FH-CC": "First hearing, Crown Court",
    "UP-MC": "Upgrade after a not guilty plea (magistrates')",
    "UP-OTH": "Other post-first-hearing file",
    "UP-CC": "Crown Court file after sending",
    "BOB": "Breach of bail",
}
IN_CUSTODY = {"remanded_in_custody", "police_custody"}


def file_stage(case: CaseSnapshot, chosen: str | None = None) -> StageDecision:
    remand = any(d.status in IN_CUSTODY for d in case.defendants) and case.stage in (
        "charged", "pre_charge")
    chosen = chosen or case.file_stage
    if chosen:
        return StageDecision(chosen, remand and chosen.startswith("FH"),
                             f"{FILE_TYPES.get(chosen, chosen)}: chosen by the reviewer.", True)
    stage = case.stage
    if stage == "pre_charge":
        if case.charging_category == "red":
            return StageDecision("PC-EXP", False, "Pre-charge and categorised red (suspect in custody): expedited file.")
        if case.charging_category == "early_advice":
            return StageDecision("PC-EA", False, "Pre-charge and the CPS is asked for early advice.")
        return StageDecision("PC-STD", False, "Pre-charge, suspect on bail or released under investigation: standard file.")
    pending_breach = any(h.type == "breach" and not h.outcome for h in case.hearings)
    if pending_breach:
        return StageDecision("BOB", False, "A breach of bail hearing is listed.")
    if stage == "charged":
        if case.venue == "crown" or any(
            o.mode_of_trial == "indictable_only" for d in case.defendants for o in d.offences
        ):
            basis = "Charged with an offence going to the Crown Court"
            return StageDecision("FH-CC", remand, _remand(basis, remand))
        if case.anticipated_plea == "NGAP":
            return StageDecision("FH-NGAP", remand, _remand("Charged; not guilty plea anticipated", remand))
        return StageDecision("FH-GAP", remand, _remand("Charged; guilty plea anticipated", remand))
    if stage == "awaiting_trial":
        return StageDecision("UP-MC", False, "Not guilty plea entered in the magistrates' court: trial (upgrade) file.")
    if stage == "sent_to_crown":
        return StageDecision("UP-CC", False, "Sent to the Crown Court: full file for PTPH and BCM Stage 1.")
    if stage == "awaiting_sentence":
        return StageDecision("UP-OTH", False, "Convicted; awaiting sentence.")
    # Finalised: review the last file the case needed.
    outcomes = {h.outcome for h in case.hearings}
    if "sent_to_crown" in outcomes:
        return StageDecision("UP-CC", False, "Finalised; reviewed as the Crown Court file it last needed.")
    if "not_guilty_plea" in outcomes:
        return StageDecision("UP-MC", False, "Finalised; reviewed as the trial file it last needed.")
    if any(o.status in ("charged", "concluded") for d in case.defendants for o in d.offences):
        plea = "FH-NGAP" if case.anticipated_plea == "NGAP" else "FH-GAP"
        return StageDecision(plea, False, "Finalised; reviewed as its first hearing file.")
    return StageDecision("PC-STD", False, "Finalised before charge; reviewed as its pre-charge file.")


def _remand(basis: str, remand: bool) -> str:
    if remand:
        return f"{basis}; kept in custody for court, so the remand file is added."
    return f"{basis}."
