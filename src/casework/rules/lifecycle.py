"""The case lifecycle: stages, the transitions allowed between them, and their guards.

A guard looks at a `CaseSnapshot` and returns the reasons a transition is refused, in words a
caseworker can read to an officer; an empty list means the transition may go ahead. Pure: no
Django, no clock, no I/O. Source: the case progression stages of brief §2.3 and §10
(practitioner usage, confidence: secondary); the guards are Casework's own product rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .snapshot import CaseSnapshot


class Stage(str, Enum):  # noqa: UP042 — labels ride on the members
    label: str

    def __new__(cls, value: str, label: str) -> Stage:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    PRE_CHARGE = "pre_charge", "Pre-charge"
    CHARGED = "charged", "Charged – awaiting first hearing"
    AWAITING_TRIAL = "awaiting_trial", "Awaiting trial (magistrates' court)"
    SENT_TO_CROWN = "sent_to_crown", "Sent to the Crown Court"
    AWAITING_SENTENCE = "awaiting_sentence", "Convicted – awaiting sentence"
    FINALISED = "finalised", "Finalised"


# Outcomes that may close a case, and the stages they may close it from.
PRE_CHARGE_OUTCOMES = {"no_further_action", "out_of_court_disposal"}
COURT_OUTCOMES = {"convicted", "acquitted", "discontinued", "withdrawn", "dismissed"}


@dataclass(frozen=True)
class Transition:
    source: Stage
    target: Stage
    guard: Callable[[CaseSnapshot, str | None], list[str]]
    description: str


def _held(snapshot: CaseSnapshot, *outcomes: str) -> bool:
    return any(h.outcome in outcomes for h in snapshot.hearings)


def _guard_charge(snapshot: CaseSnapshot, outcome: str | None) -> list[str]:
    reasons = []
    if not snapshot.defendants:
        reasons.append("The case has no suspect recorded, so nobody can have been charged.")
    for d in snapshot.defendants:
        charged = [o for o in d.offences if o.status == "charged"]
        if not charged:
            reasons.append(f"{d.display_name} ({d.ref}) has no offence recorded as charged.")
        for o in charged:
            if o.charge_date is None:
                reasons.append(f"Charge {o.ref} ({o.code}) has no charge date.")
            if not o.charging_authority:
                reasons.append(f"Charge {o.ref} ({o.code}) does not say who authorised it.")
    cps_charges = [
        o for d in snapshot.defendants for o in d.offences
        if o.status == "charged" and o.charging_authority == "cps"
    ]
    if (snapshot.charging_route == "cps" or cps_charges) and not any(
        dec.kind == "charge" for dec in snapshot.decisions
    ):
        reasons.append(
            "The CPS must decide the charge in this case, but no CPS decision to charge is "
            "recorded (DG6 Annex 1)."
        )
    return reasons


def _guard_pre_charge_close(snapshot: CaseSnapshot, outcome: str | None) -> list[str]:
    if outcome not in PRE_CHARGE_OUTCOMES:
        return [
            "Before charge a case can only be finalised as no further action or an "
            "out-of-court disposal."
        ]
    return []


def _needs_hearing(*outcomes: str, words: str) -> Callable[[CaseSnapshot, str | None], list[str]]:
    def guard(snapshot: CaseSnapshot, outcome: str | None) -> list[str]:
        if _held(snapshot, *outcomes):
            return []
        return [f"No hearing is recorded with the outcome {words}."]

    return guard


def _guard_court_close(snapshot: CaseSnapshot, outcome: str | None) -> list[str]:
    if outcome not in COURT_OUTCOMES:
        return [
            "Say how the case ended: convicted, acquitted, discontinued, withdrawn or dismissed."
        ]
    needed = {
        "convicted": ("sentenced",),
        "acquitted": ("acquitted", "dismissed"),
        "dismissed": ("dismissed", "acquitted"),
        "discontinued": ("discontinued",),
        "withdrawn": ("discontinued",),
    }[outcome]
    if outcome == "convicted" and snapshot.stage not in (Stage.AWAITING_SENTENCE, Stage.CHARGED,
                                                         Stage.AWAITING_TRIAL, Stage.SENT_TO_CROWN):
        return ["Only a case before the court can be finalised as convicted."]
    if _held(snapshot, *needed):
        return []
    return [f"No hearing is recorded with the outcome {' or '.join(n.replace('_', ' ') for n in needed)}."]


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Stage.PRE_CHARGE, Stage.CHARGED, _guard_charge, "Suspect charged"),
    Transition(Stage.PRE_CHARGE, Stage.FINALISED, _guard_pre_charge_close,
               "No further action or out-of-court disposal"),
    Transition(Stage.CHARGED, Stage.AWAITING_TRIAL,
               _needs_hearing("not_guilty_plea", words="'not guilty plea entered'"),
               "Not guilty plea entered in the magistrates' court"),
    Transition(Stage.CHARGED, Stage.SENT_TO_CROWN,
               _needs_hearing("sent_to_crown", words="'sent to the Crown Court'"),
               "Sent to the Crown Court"),
    Transition(Stage.CHARGED, Stage.AWAITING_SENTENCE,
               _needs_hearing("guilty_plea", "committed_for_sentence",
                              words="'guilty plea entered' or 'committed for sentence'"),
               "Guilty plea entered; sentence adjourned"),
    Transition(Stage.CHARGED, Stage.FINALISED, _guard_court_close, "Case concluded"),
    Transition(Stage.AWAITING_TRIAL, Stage.AWAITING_SENTENCE,
               _needs_hearing("convicted", "guilty_plea", "cracked",
                              words="'convicted after trial', 'guilty plea entered' or 'cracked'"),
               "Convicted; sentence adjourned"),
    Transition(Stage.AWAITING_TRIAL, Stage.SENT_TO_CROWN,
               _needs_hearing("sent_to_crown", "committed_for_sentence",
                              words="'sent to the Crown Court' or 'committed for sentence'"),
               "Sent or committed to the Crown Court"),
    Transition(Stage.AWAITING_TRIAL, Stage.FINALISED, _guard_court_close, "Case concluded"),
    Transition(Stage.SENT_TO_CROWN, Stage.AWAITING_SENTENCE,
               _needs_hearing("convicted", "guilty_plea",
                              words="'convicted after trial' or 'guilty plea entered'"),
               "Convicted in the Crown Court; sentence adjourned"),
    Transition(Stage.SENT_TO_CROWN, Stage.FINALISED, _guard_court_close, "Case concluded"),
    Transition(Stage.AWAITING_SENTENCE, Stage.FINALISED, _guard_court_close, "Sentenced"),
)


def transitions_from(stage: Stage | str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == Stage(stage)]


def transition_refusals(
    snapshot: CaseSnapshot, target: Stage | str, outcome: str | None = None
) -> list[str]:
    """Why the case may not move to `target` now (empty when it may)."""
    target = Stage(target)
    current = Stage(snapshot.stage)
    if target == current:
        return [f"The case is already at the stage '{current.label}'."]
    match = [t for t in transitions_from(current) if t.target == target]
    if not match:
        allowed = ", ".join(f"'{t.target.label}'" for t in transitions_from(current)) or "none"
        return [
            f"A case cannot move from '{current.label}' to '{target.label}'. "
            f"From here it can move to: {allowed}."
        ]
    return match[0].guard(snapshot, outcome)
