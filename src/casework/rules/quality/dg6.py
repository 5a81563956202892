"""Charging-authority findings (DG6 Annex 1): who may charge, and charges outside the remit. Pure."""

from __future__ import annotations

from ..charging import SOURCE
from ..findings import VERIFIED, Finding, Severity
from .context import Context
from .registry import check


@check("DG6.CHARGING.AUTHORITY", title="Who may charge this case", severity=Severity.ADVICE, source=SOURCE,
       confidence=VERIFIED, family="Charging",
       explanation="DG6 Annex 1 divides charging between the police and the CPS by offence, plea, sentence and case type.")
def who_may_charge(ctx: Context, rule):
    if ctx.file_type.startswith("PC"):
        decision = ctx.charging
        remedy = ("Refer the case to the CPS for a charging decision (MG3)." if decision.authority == "cps"
                  else "A police charging decision may be made; record the rationale on the MG6.")
        yield Finding(rule, decision.reason, remedy)


@check("DG6.CHARGING.ROUTE_WRONG", title="Charging route matches DG6 Annex 1", severity=Severity.MAJOR,
       source=SOURCE, confidence=VERIFIED, family="Charging",
       explanation="A case that DG6 reserves to the CPS must not be routed for a police charging decision.")
def route_wrong(ctx: Context, rule):
    if ctx.file_type.startswith("PC") and ctx.case.charging_route == "police":
        decision = ctx.charging
        if decision.authority == "cps":
            yield Finding(rule, f"The case is routed for a police charging decision, but {decision.reason[0].lower()}{decision.reason[1:]}",
                          "Change the route to a CPS charging decision and submit an MG3.")


@check("DG6.CHARGING.BREACH", title="Charged by police within the Director's Guidance", severity=Severity.BLOCKER,
       source=SOURCE + "; CPS DGA 'Breach' [CPSDGA]", confidence=VERIFIED,
       dga="Charged by police in breach of the Director's Guidance", family="Charging",
       explanation="Police may only charge the offences DG6 Annex 1 allows them to; a charge outside the remit must be referred to the CPS.")
def breach(ctx: Context, rule):
    decision = ctx.charging
    if decision.authority != "cps":
        return
    by_ref = {p.ref: p for p in decision.offences}
    for d in ctx.case.defendants:
        for o in d.offences:
            if o.status in ("charged", "concluded") and o.charging_authority == "police":
                reason = by_ref[o.ref].reason if by_ref[o.ref].authority == "cps" else decision.reason
                yield Finding(rule, f"{o.code} against {d.display_name} ({o.ref}) was charged by the police, but {reason[0].lower()}{reason[1:].rstrip('.')}.",
                              "Refer the case to the CPS at once for a charging decision to review the charge (MG3), and tell your supervisor.",
                              o.ref)

