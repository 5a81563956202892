"""Impossible facts: dates out of order, custody past a limit nobody extended, ages that contradict
dates of birth. Each is a record that cannot be true, so every date worked out from it is suspect;
the finding names both facts and asks for the wrong one to be corrected. Pure.

Only contradictions are raised, never a merely unusual record: a statement before *every* offence
of the case (a statement can predate a later offence), a charge before the arrest day (a
summons case has no arrest and is not checked)."""

from __future__ import annotations

from datetime import timedelta

from ..findings import SECONDARY, VERIFIED, Finding, Severity
from ..text import day
from .context import Context, age_on
from .registry import check

FAMILY = "Case facts"
CTL_SOURCE = "Prosecution of Offences (Custody Time Limits) Regulations 1987 reg. 4 and reg. 2(4)–(5); s.22(3) POA 1985 [CTLR][CPR14]"
MAGISTRATES_LIMIT = {"summary": 56, "either_way": 70}


def _day(ctx: Context, when):
    return when.date() if when is not None else None


@check("FACTS.DATES.STATEMENT_BEFORE_OFFENCE", title="Victim's statement dated after the offence", severity=Severity.MAJOR,
       source="Criminal Justice Act 1967 s.9 (a statement records what the witness saw); s.39A CJA 1988 counts from it [S39A]",
       confidence=VERIFIED, family=FAMILY,
       explanation="A victim's statement about the offence cannot be made before the offence; the statement date or the "
                   "offence date is wrong, and the s.39A time limit is counted from the statement.")
def statement_before_offence(ctx: Context, rule):
    starts = [o.date_from for d in ctx.case.defendants for o in d.offences if o.date_from]
    if not starts:
        return
    earliest = min(starts)
    victims = {w.ref: w for w in ctx.case.witnesses if w.role == "victim"}
    for m in ctx.case.materials:
        if m.witness in victims and m.type in ("MG11", "MG15") and m.signed_date and m.signed_date < earliest:
            w = victims[m.witness]
            yield Finding(rule, f"The statement {m.ref} of {w.display_name} ({w.ref}) is dated {day(m.signed_date)}, before the "
                                f"earliest offence on the case ({day(earliest)}).",
                          "Check the statement date and the offence dates, and correct whichever is wrong.", m.ref)


@check("FACTS.DATES.CHARGE_BEFORE_ARREST", title="Charged on or after the day of arrest", severity=Severity.MAJOR,
       source="PACE 1984 s.37 (a person arrested is charged after arrest)", confidence=SECONDARY, family=FAMILY,
       explanation="A person arrested for an offence is charged after the arrest; a charge date before it means one of the two dates is wrong.")
def charge_before_arrest(ctx: Context, rule):
    for d in ctx.case.defendants:
        arrested = _day(ctx, d.arrested_at)
        if arrested is None or arrested > ctx.today:
            continue  # an arrest in the future is COURT.DATE_IN_FUTURE's finding, not a second one
        for o in d.offences:
            if o.charge_date and o.charge_date < arrested:
                yield Finding(rule, f"{o.code} ({o.ref}) against {d.display_name} is recorded as charged on {day(o.charge_date)}, "
                                    f"before the arrest on {day(arrested)}.",
                              "Correct the charge date or the arrest time.", o.ref)


@check("FACTS.DATES.REMAND_BEFORE_ARREST", title="Remanded in custody after the arrest", severity=Severity.MAJOR,
       source="Magistrates' Courts Act 1980 s.128 (a court remands a person brought before it)", confidence=SECONDARY, family=FAMILY,
       explanation="A court remands a defendant after arrest and charge; a remand that starts before the arrest is a wrong date, "
                   "and every custody time limit counts from the remand.")
def remand_before_arrest(ctx: Context, rule):
    for d in ctx.case.defendants:
        if d.arrested_at is None:
            continue
        for e in d.custody_episodes:
            if e.kind == "remand" and e.started_at is not None and e.started_at < d.arrested_at:
                yield Finding(rule, f"{d.display_name} ({d.ref}) is recorded as remanded in custody on {day(_day(ctx, e.started_at))}, "
                                    f"before the arrest on {day(_day(ctx, d.arrested_at))}.",
                              "Correct the remand start or the arrest time: the custody time limit counts from the remand.", d.ref)


@check("FACTS.DATES.SENT_BEFORE_FIRST_APPEARANCE", title="Sent to the Crown Court on or after the first appearance",
       severity=Severity.MAJOR, source="Crime and Disorder Act 1998 s.51 (sending at or after the first appearance)",
       confidence=SECONDARY, family=FAMILY,
       explanation="A case is sent to the Crown Court at or after the defendant's first appearance; sending recorded before it is a wrong hearing date.")
def sent_before_first(ctx: Context, rule):
    firsts = [_day(ctx, h.starts_at) for h in ctx.case.hearings if h.type == "first" and h.starts_at]
    if not firsts:
        return
    first = min(firsts)
    for h in ctx.case.hearings:
        if h.outcome == "sent_to_crown" and h.starts_at and _day(ctx, h.starts_at) < first:
            yield Finding(rule, f"Hearing {h.ref} sent the case to the Crown Court on {day(_day(ctx, h.starts_at))}, before the first "
                                f"appearance on {day(first)}.", "Correct the hearing dates.", h.ref)


@check("FACTS.CUSTODY.LIMIT_PASSED", title="Custody past the magistrates' court limit has an extension",
       severity=Severity.BLOCKER, source=CTL_SOURCE, confidence=VERIFIED, family=FAMILY,
       explanation="A defendant may be held in the magistrates' court's custody only up to its custody time limit (56 days summary, "
                   "70 either way) unless the court extended it before it expired; past it with no extension recorded, the "
                   "defendant is entitled to bail or the record is wrong.")
def custody_past_limit(ctx: Context, rule):
    case = ctx.case
    sent = min((_day(ctx, h.starts_at) for h in case.hearings if h.outcome == "sent_to_crown"), default=None)
    extended = any(h.type == "ctl_extension" and h.outcome not in (None, "", "vacated") for h in case.hearings)
    if extended or any(h.outcome in ("convicted", "acquitted", "dismissed", "sentenced", "committed_for_sentence")
                       for h in case.hearings):
        return
    for d in case.defendants:
        remands = sorted((e for e in d.custody_episodes if e.kind == "remand" and e.started_at), key=lambda e: e.started_at)
        if not remands:
            continue
        first = _day(ctx, remands[0].started_at)
        for o in d.offences:
            limit = MAGISTRATES_LIMIT.get(o.mode_of_trial or "")
            if limit is None or o.status != "charged" or o.plea == "guilty":
                continue
            end = sent if sent and sent > first else (ctx.today if d.status == "remanded_in_custody" and not sent else None)
            if end is None or (end - first).days <= limit:
                continue
            expired = first + timedelta(days=limit)
            where = f"until sending on {day(sent)}" if sent else "to today"
            yield Finding(rule, f"{d.display_name} ({d.ref}) has been in the magistrates' court's custody for {(end - first).days} days "
                                f"{where} on {o.code} ({o.ref}), past its {limit}-day custody time limit ({day(expired)}), "
                                "and no extension is recorded: the limit must already have been extended, or it expired.",
                          "Record the court's extension order (a CTL extension hearing); if there was none, tell the CPS and "
                          "the court at once — the defendant is entitled to bail.", o.ref)
            break


@check("FACTS.AGE.YOUTH_FLAG_ADULTS", title="A youth case has a defendant under 18", severity=Severity.MINOR,
       source="Children and Young Persons Act 1933 s.46; Crime and Disorder Act 1998 s.117 (a youth is under 18)", confidence=SECONDARY,
       family=FAMILY, explanation="A case flagged as a youth case must have a defendant who was under 18; when every date of birth says "
                                  "otherwise, the flag or a date of birth is wrong, and the case may be listed in the wrong court.")
def youth_flag_adults(ctx: Context, rule):
    if "youth" not in ctx.case.flags or not ctx.case.defendants:
        return
    ages = []
    for d in ctx.case.defendants:
        offence_day = min((o.date_from for o in d.offences if o.date_from), default=None)
        age = age_on(d.date_of_birth, offence_day)
        if age is None:
            return  # a date of birth or an offence date unknown: no contradiction can be shown
        ages.append(f"{d.display_name} {age}")
    if all(int(a.rsplit(" ", 1)[1]) >= 18 for a in ages):
        yield Finding(rule, f"The case is flagged as a youth case, but every defendant was 18 or over at the offence ({', '.join(ages)}).",
                      "Remove the youth flag, or correct the date of birth.")


@check("FACTS.AGE.UNDER_18_GROUND_ADULT", title="A witness eligible as under 18 is under 18", severity=Severity.MINOR,
       source="Youth Justice and Criminal Evidence Act 1999 s.16(1)(a) (under 18 at the time of the hearing), s.22", confidence=VERIFIED,
       family=FAMILY, explanation="Special measures eligibility as a child witness needs the witness to be under 18 at the hearing "
                                  "(s.22 keeps some measures for a witness who turns 18 after a video-recorded interview).")
def under_18_ground_adult(ctx: Context, rule):
    for w in ctx.case.witnesses:
        age = age_on(w.date_of_birth, ctx.today)
        if "under_18" in w.vulnerability_grounds and age is not None and age >= 18:
            yield Finding(rule, f"{w.display_name} ({w.ref}) is recorded as vulnerable for being under 18, but the date of birth makes them {age} today.",
                          "Correct the date of birth or the vulnerability ground; if they turned 18 after a video-recorded interview, "
                          "say so (s.22 YJCEA 1999) and record the grounds that still apply.", w.ref)
