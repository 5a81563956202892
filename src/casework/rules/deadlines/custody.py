"""Custody time limits (s.22 POA 1985; CTL Regulations 1987, SI 1987/299; CrimPR Part 14).

One CTL per charge per defendant while remanded in custody. The period does not count the day
custody began; an expiry on a Saturday, Sunday, Christmas Day, Good Friday or bank holiday is
treated as expiring on the preceding day that is none of those (reg. 2(4)–(5)). Pure.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..findings import SECONDARY, UNVERIFIED, VERIFIED
from ..text import weekday
from .base import Deadline
from .registry import DeadlineContext, rule, rule_only

CTLR = "Prosecution of Offences (Custody Time Limits) Regulations 1987 (SI 1987/299) reg. 4–5 and reg. 2(4)–(5); s.22 POA 1985 [CTLR][CPR14]"
COMMON = dict(family="Custody time limits", unit="calendar days", start_day_counted=False,
              excluded="Saturdays, Sundays, Christmas Day, Good Friday and bank holidays", roll="back", hard=True)
COVID_FROM, COVID_TO = date(2020, 9, 28), date(2021, 6, 27)
CONVICTED_OR_TRIED = ("convicted", "acquitted", "dismissed", "committed_for_sentence", "sentenced")

MAGS_SUMMARY = rule_only("DEADLINE.CTL.MAGISTRATES_SUMMARY", title="Custody time limit: summary offence (56 days)",
                         source=CTLR, confidence=VERIFIED, **COMMON,
                         explanation="56 days from first appearance to the start of a summary trial.")
MAGS_EITHER_WAY = rule_only("DEADLINE.CTL.MAGISTRATES_EITHER_WAY",
                            title="Custody time limit: either-way offence (70 days, or 56 after a summary-trial decision)",
                            source=CTLR, confidence=VERIFIED, **COMMON,
                            explanation="70 days from first appearance to summary trial, reduced to 56 if the court decides on summary trial within 56 days.")
CROWN = rule_only("DEADLINE.CTL.CROWN_COURT", title="Custody time limit: Crown Court (182 days less days already spent)",
                  source=CTLR + " [INBRIEF]", confidence=VERIFIED, **COMMON,
                  explanation="182 days from sending to the Crown Court, less any days already spent in custody for the offence in the magistrates' court.")
CROWN_COVID = rule_only("DEADLINE.CTL.CROWN_COURT_2020", title="Custody time limit: Crown Court, sent 28 Sep 2020 – 27 Jun 2021 (238 days)",
                        source="Prosecution of Offences (Custody Time Limits) (Coronavirus) (Amendment) Regulations 2020 (SI 2020/953) [CTLCOV]",
                        confidence=UNVERIFIED, setting="ctl_coronavirus_days", **COMMON,
                        explanation="For custody periods in the Crown Court beginning between 28 Sep 2020 and 27 Jun 2021 the limit was extended (to 238 days; the figure is unverified and configurable).")


@rule("DEADLINE.CTL.EXTENSION_NOTICE", title="Last day to give notice of a CTL extension application", family="Custody time limits",
      unit="calendar days", start_day_counted=False, excluded="none", roll="none", hard=True,
      source="CrimPR 2020 r.14.18(2) (the court hears the application after the expiry of 2 days from the giving of notice in the magistrates' court, 5 in the Crown Court; the court may shorten this); reg. 7 CTL Regulations 1987 [CPR14]",
      confidence=SECONDARY,
      explanation="The court can extend a CTL only before it expires and the prosecution must give notice of the application first.")
def ctl(ctx: DeadlineContext, extension_rule):
    case = ctx.case
    sent = min((ctx.day(h.starts_at) for h in case.hearings if h.outcome == "sent_to_crown"), default=None)
    # A vacated or ineffective allocation hearing decided nothing.
    summary_trial = min((ctx.day(h.starts_at) for h in case.hearings if h.type == "allocation" and h.outcome
                         and h.outcome not in ("sent_to_crown", "vacated", "ineffective")), default=None)
    # Once the trial has begun or the defendant is convicted no CTL runs (s.22(11A)–(11B) POA 1985).
    if case.stage == "awaiting_sentence" or any(h.outcome in CONVICTED_OR_TRIED for h in case.hearings):
        return
    for d in case.defendants:
        remands = sorted((e for e in d.custody_episodes if e.kind == "remand"), key=lambda e: e.started_at)
        if not remands or d.status != "remanded_in_custody":
            continue
        first = ctx.day(remands[0].started_at)
        for o in d.offences:
            # A guilty plea accepted is the start of the trial, which ends the CTL (s.22(11A)–(11B) POA 1985).
            if o.status != "charged" or o.plea == "guilty":
                continue
            subject = f"{d.display_name} ({d.ref}), charge {o.ref} {o.code}"
            crown_sent = sent if sent else (first if o.mode_of_trial == "indictable_only" else None)
            if crown_sent:
                spent = max(0, (crown_sent - first).days)
                covid = COVID_FROM <= crown_sent <= COVID_TO
                r = CROWN_COVID if covid else CROWN
                days = (ctx.settings.ctl_coronavirus_days if covid else 182) - spent
                how = (f"{days + spent} days from sending on {weekday(crown_sent)}"
                       + (f", less {spent} days already spent in custody in the magistrates' court" if spent else "")
                       + ("" if sent else " (indictable only: sent at first appearance)"))
                start, notice_days = crown_sent, 5
                if first > crown_sent:  # sent on bail, remanded later: the period runs from the remand
                    start = first
                    how = f"{days} days from the remand in custody on {weekday(first)} (sent on {weekday(crown_sent)} on bail)"
            elif o.mode_of_trial == "summary":
                r, days, start, notice_days = MAGS_SUMMARY, 56, first, 2
                how = f"56 days from first appearance on {weekday(first)}"
            else:
                r, start, notice_days = MAGS_EITHER_WAY, first, 2
                if summary_trial and (summary_trial - first).days <= 56:
                    days = 56
                    how = f"56 days from first appearance on {weekday(first)} (summary trial decided on {weekday(summary_trial)})"
                else:
                    days = 70
                    how = f"70 days from first appearance on {weekday(first)}"
            raw = start + timedelta(days=days)
            expiry = ctx.calendar.roll_back(raw, ctx.calendar.is_ctl_excluded)
            if expiry != raw:
                how += (f"; the expiry fell on {ctx.calendar.why_excluded(raw)} ({weekday(raw)}), so it is treated as expiring "
                        f"on the preceding working day, {weekday(expiry)}")
            else:
                how += f": expires on {weekday(expiry)}"
            yield Deadline(r, subject, o.ref, expiry, how + " — reg. 2(4)–(5) CTL Regulations 1987.", custody=True)
            # The hearing comes only after the expiry of N days from the day notice is given (r.14.18(2)),
            # so the latest hearing, on the expiry day, needs notice N + 1 days before it.
            notice = expiry - timedelta(days=notice_days + 1)
            court = "Crown Court" if crown_sent else "magistrates' court"
            yield Deadline(extension_rule, subject, o.ref, notice,
                           f"The CTL expires on {weekday(expiry)}; the {court} hears an application to extend only after "
                           f"{notice_days} days from the day notice is given, and must hear it before the CTL expires — "
                           f"so give notice by {weekday(notice)} (the court may shorten the notice).",
                           custody=True)
