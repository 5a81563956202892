"""Custody time limits (s.22 POA 1985; CTL Regulations 1987, SI 1987/299; CrimPR Part 14).

One CTL per charge per defendant while remanded in custody. The period does not count the day
custody began; an expiry on a Saturday, Sunday, Christmas Day, Good Friday or bank holiday is
treated as expiring on the preceding day that is none of those (reg. 2(4)–(5)). Pure.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import RuleInputError
from ..findings import SECONDARY, UNVERIFIED, VERIFIED
from ..text import weekday
from .base import Deadline
from .registry import DeadlineContext, rule, rule_only

CTLR = "Prosecution of Offences (Custody Time Limits) Regulations 1987 (SI 1987/299) reg. 4–5 and reg. 2(4)–(5); s.22 POA 1985 [CTLR][CPR14]"
COMMON = dict(family="Custody time limits", unit="calendar days", start_day_counted=False,
              excluded="Saturdays, Sundays, Christmas Day, Good Friday and bank holidays", roll="back", hard=True)
COVID_FROM, COVID_TO = date(2020, 9, 28), date(2021, 6, 27)
CONVICTED_OR_TRIED = ("convicted", "acquitted", "dismissed", "committed_for_sentence", "sentenced")
MODES = ("summary", "either_way", "indictable_only")
MAGISTRATES_LIMIT = {"summary": 56, "either_way": 70}


def _remands(d, what: str):
    """A defendant's remands in custody, earliest first; a remand with no start time is refused by
    name, since every custody limit counts from it."""
    remands = [e for e in d.custody_episodes if e.kind == "remand"]
    for e in remands:
        if e.started_at is None:
            raise RuleInputError(f"remand of {d.display_name} ({d.ref})", f"the remand has no start time, so the {what} cannot be counted")
    return sorted(remands, key=lambda e: e.started_at)


def _mode_assumed(o) -> str:
    """Why a charge's mode of trial is taken as summary (the shortest limit), or "" when known."""
    if o.mode_of_trial in MODES:
        return ""
    what = "is not recorded" if not o.mode_of_trial else f"'{o.mode_of_trial}' is not a mode of trial"
    return (f"The mode of trial of {o.code} {what}, so the shortest limit that could apply (summary only, 56 days) "
            "is shown; record the mode of trial to get the right limit.")

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
        if d.status != "remanded_in_custody":
            continue
        remands = _remands(d, "custody time limit")
        if not remands:
            continue
        first = ctx.day(remands[0].started_at)
        for o in d.offences:
            # A guilty plea accepted is the start of the trial, which ends the CTL (s.22(11A)–(11B) POA 1985).
            if o.status != "charged" or o.plea == "guilty":
                continue
            subject = f"{d.display_name} ({d.ref}), charge {o.ref} {o.code}"
            assumed = ""
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
                mags_limit = MAGISTRATES_LIMIT.get(o.mode_of_trial or "summary", 56)
                if spent > mags_limit:
                    # More days in the magistrates' court's custody than its limit allows: that limit
                    # must have been extended, or it expired and the defendant had a right to bail.
                    assumed = (f"{d.display_name} spent {spent} days in custody before sending, more than the "
                               f"{mags_limit}-day magistrates' court limit: that limit must already have been extended "
                               "(or it expired). Check the extension order; the Crown Court limit is counted as the "
                               "regulations say, less every day already spent.")
                    if start + timedelta(days=days) <= crown_sent:
                        assumed += " On these facts the Crown Court limit had run out before the case was sent."
            elif o.mode_of_trial == "summary" or (assumed := _mode_assumed(o)):
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
            yield Deadline(r, subject, o.ref, expiry, how + " — reg. 2(4)–(5) CTL Regulations 1987.", custody=True,
                           assumption=assumed)
            # The hearing comes only after the expiry of N days from the day notice is given (r.14.18(2)),
            # so the latest hearing, on the expiry day, needs notice N + 1 days before it.
            notice = expiry - timedelta(days=notice_days + 1)
            court = "Crown Court" if crown_sent else "magistrates' court"
            yield Deadline(extension_rule, subject, o.ref, notice,
                           f"The CTL expires on {weekday(expiry)}; the {court} hears an application to extend only after "
                           f"{notice_days} days from the day notice is given, and must hear it before the CTL expires — "
                           f"so give notice by {weekday(notice)} (the court may shorten the notice).",
                           custody=True, assumption=assumed)


REMAND_SOURCE = "Magistrates' Courts Act 1980 s.128(6) (8 clear days) and s.128A (up to 28 days for a later remand) [BSTIM]"
ENDED_REMAND = ("sent_to_crown", *CONVICTED_OR_TRIED, "discontinued", "cracked")


@rule("DEADLINE.REMAND.MAGISTRATES", title="Remand in custody: next appearance before the magistrates' court",
      family="Custody time limits", unit="calendar days", start_day_counted=False,
      excluded="none", roll="none", hard=True, source=REMAND_SOURCE, confidence=SECONDARY,
      explanation="Before conviction a magistrates' court may remand a defendant in custody for at most 8 clear days "
                  "(neither the day of the remand nor the day of the return counted). A later remand may be for up to "
                  "28 days where s.128A allows (the defendant was remanded before for the offence and the court has "
                  "set the date of the next stage). The defendant must be brought back before the court by then.")
def remand(ctx: DeadlineContext, r):
    case = ctx.case
    if any(h.outcome in ENDED_REMAND for h in case.hearings) or case.venue == "crown":
        return  # sent (the Crown Court's own remands) or convicted: s.128 no longer governs
    for d in case.defendants:
        if d.status != "remanded_in_custody":
            continue
        remands = _remands(d, "remand limit")
        if not remands:
            continue
        first = ctx.day(remands[0].started_at)
        # Each hearing held since the first remand, with the defendant kept in custody, remanded
        # them again: the current remand runs from the latest of those held up to today.
        held = sorted(ctx.day(h.starts_at) for h in case.hearings
                      if first < ctx.day(h.starts_at) <= ctx.today and h.outcome not in ("vacated",))
        start = held[-1] if held else first
        later = bool(held)
        listed = min((ctx.day(h.starts_at) for h in case.hearings
                      if ctx.day(h.starts_at) > start and h.outcome in (None, "")), default=None)
        first_limit = start + timedelta(days=9)  # 8 clear days: return on the 9th day after
        subject = f"{d.display_name} ({d.ref})"
        assumed = ""
        if later and listed and first_limit < listed <= start + timedelta(days=28):
            due = start + timedelta(days=28)
            how = (f"Remanded again on {weekday(start)}: a later remand may be for up to 28 days under s.128A, so the "
                   f"defendant must be back before the court by {weekday(due)}; next hearing listed {weekday(listed)}.")
            assumed = ("The next hearing is more than 8 clear days away: this is lawful only if the court remanded "
                       "under s.128A (a later remand, with the date of the next stage set). Check the remand order.")
        else:
            due = first_limit
            how = (f"{'Remanded again' if later else 'Remanded in custody'} on {weekday(start)}: at most 8 clear days, "
                   f"so the defendant must be back before the court by {weekday(due)}")
            if listed:
                how += f"; next hearing listed {weekday(listed)}" + (" — after the limit." if listed > due else ".")
            else:
                how += "; no next hearing is listed."
                if later:
                    assumed = ("A later remand may be for up to 28 days under s.128A; with no next hearing recorded "
                               "the shortest limit, 8 clear days, is shown.")
        yield Deadline(r, subject, d.ref, due, how + " — s.128(6), s.128A MCA 1980.", done=listed is not None and listed <= due,
                       custody=True, assumption=assumed)
