"""Statutory time limits for summary offences, the PACE detention clock and pre-charge bail. Pure."""

from __future__ import annotations

from datetime import timedelta

from ..calendar import add_months, add_years
from ..findings import SECONDARY, UNVERIFIED, VERIFIED
from ..text import day, weekday
from .base import Deadline
from .registry import DeadlineContext, rule

DA_COMMON_ASSAULT = {"CJ88001", "CJ88116"}  # common assault; assault by beating (s.39 CJA 1988)


def summary_time_limit(case, o, statements):
    """(last day to start proceedings, basis in words, confidence, assumption) for a summary-only
    offence, or None when the offence date is not recorded.

    `statements`: dates of the complainant's statements or video interviews (for s.39A). Each
    offence takes its own: the first made on or after the day it was committed (a statement made
    before an offence cannot be about it). With none yet, s.127's six months is given, and said to
    be an assumption: s.39A's longer period starts only once a statement exists."""
    committed = o.date_to or o.date_from
    if committed is None:
        return None
    if o.code[:7] in DA_COMMON_ASSAULT and "domestic_abuse" in case.flags:
        two_years = add_years(committed, 2)
        own = [s for s in statements if s >= (o.date_from or committed)]
        if own:
            first = min(own)
            limit = min(two_years, add_months(first, 6))
            return limit, (f"domestic abuse common assault: the earlier of 2 years from the offence on {day(committed)} ({day(two_years)}) "
                           f"and 6 months from the complainant's first statement on {day(first)} ({day(add_months(first, 6))}) — s.39A CJA 1988"), VERIFIED, ""
        six = add_months(committed, 6)
        return six, (f"domestic abuse common assault with no complainant's statement recorded: six months from the offence on "
                     f"{day(committed)} — s.127 MCA 1980, until a statement exists (s.39A CJA 1988)"), VERIFIED, (
            "No statement or video interview of the complainant is recorded, so s.127's six months is shown. Once one "
            "is recorded the limit becomes the earlier of 2 years from the offence and 6 months from that statement (s.39A).")
    return add_months(committed, 6), f"six months from the offence on {day(committed)} — s.127 MCA 1980 (day of the offence not counted)", SECONDARY, ""


def mode_unknown(o) -> bool:
    return o.mode_of_trial not in ("summary", "either_way", "indictable_only")


def complainant_statements(case, day=lambda when: when.date()):
    """Dates of the complainants' statements or video interviews; `day` gives the local date of an instant."""
    victims = {w.ref for w in case.witnesses if w.role == "victim"}
    out = []
    for m in case.materials:
        if m.witness in victims and m.type in ("MG11", "MG15") and m.status == "provided":
            when = m.signed_date or (day(m.provided_at) if m.provided_at else None)
            if when:
                out.append(when)
    return out


@rule("DEADLINE.STL.SUMMARY", title="Statutory time limit: summary offence", family="Statutory time limits",
      unit="calendar months", start_day_counted=False, excluded="none", roll="none", hard=True,
      source="s.127(1) Magistrates' Courts Act 1980; s.39A Criminal Justice Act 1988 (PCSC Act 2022 s.49) [S39A]",
      confidence=VERIFIED,
      explanation="A summary-only charge must be brought within six months of the offence (domestic abuse common assault: within two years, and six months of the complainant's first statement). Counting convention (day of the offence not counted): secondary source.")
def stl(ctx: DeadlineContext, r):
    statements = None
    for d in ctx.case.defendants:
        for o in d.offences:
            unknown = mode_unknown(o)
            if (o.mode_of_trial != "summary" and not unknown) or o.status in ("no_further_action", "withdrawn"):
                continue
            if statements is None:
                statements = complainant_statements(ctx.case, ctx.day)
            limit = summary_time_limit(ctx.case, o, statements)
            if limit is None:
                continue
            assumed = limit[3]
            if unknown:
                # The shortest limit that could apply: if the offence is summary only, six months.
                assumed = (f"The mode of trial of {o.code} is not recorded, so it is treated as summary only, which has "
                           "this time limit; an either-way or indictable offence has none. " + assumed).strip()
            charged = o.status in ("charged", "concluded")
            basis = f"Last day to charge: {weekday(limit[0])} ({limit[1]})."
            if charged and o.charge_date:
                basis += f" Charged on {weekday(o.charge_date)}" + (" — after the time limit." if o.charge_date > limit[0] else ".")
            yield Deadline(r, f"{d.display_name} ({d.ref}), {o.ref} {o.code}", o.ref, limit[0], basis, done=charged,
                           assumption=assumed)


@rule("DEADLINE.PACE.DETENTION", title="PACE detention clock (24 hours from the relevant time)", family="Police custody",
      unit="hours", start_day_counted=True, excluded="none", roll="none", hard=True,
      source="Police and Criminal Evidence Act 1984 ss.41–44 [U]; PCSC Act 2022 (3-hour pause on arrest for breach of bail) [CHADLAW]",
      confidence=UNVERIFIED,
      explanation="A suspect may be held 24 hours from the relevant time without charge; a superintendent may extend to 36 hours for an indictable offence, and magistrates to 96 hours in all.")
def pace(ctx: DeadlineContext, r):
    for d in ctx.case.defendants:
        if d.status == "police_custody" and d.pace_relevant_time:
            due_at = d.pace_relevant_time + timedelta(hours=24)
            start, end = d.pace_relevant_time.astimezone(ctx.tz), due_at.astimezone(ctx.tz)
            yield Deadline(r, f"{d.display_name} ({d.ref})", d.ref, end.date(),
                           f"24 hours from the relevant time, {start:%H:%M} on {weekday(start.date())}: "
                           f"charge, release or have detention extended by {end:%H:%M} on {weekday(end.date())} "
                           "(a superintendent may extend to 36 hours for an indictable offence).",
                           due_at=due_at, custody=True)


BAIL_STEPS = (
    (3, "an inspector", 6), (6, "a superintendent", 9), (9, "a magistrates' court", None),
)


def _three_months_beginning_with(start):
    """Last day of 3 months beginning with `start`: the day before the corresponding date, or the
    last day of the month when that month has no corresponding date (30 Nov → 28 Feb)."""
    anniversary = add_months(start, 3)
    return anniversary - timedelta(days=1) if anniversary.day == start.day else anniversary


@rule("DEADLINE.BAIL.PRE_CHARGE", title="Pre-charge bail: end of the applicable bail period", family="Pre-charge bail",
      unit="calendar months", start_day_counted=True, excluded="none", roll="none", hard=True,
      source="PACE 1984 s.47ZB ('3 months beginning with the bail start date') as amended by PCSC Act 2022 Sch.4 (from 28 Oct 2022); College of Policing pre-charge bail statutory guidance (9 Jun 2023) [PCBSG][HALL][HOLB]",
      confidence=SECONDARY,
      explanation="Pre-charge bail lasts 3 months beginning with the bail start date (so it ends the day before the three-month anniversary); an inspector may extend to 6 months, a superintendent to 9, and beyond that only a magistrates' court.")
def precharge_bail(ctx: DeadlineContext, r):
    for d in ctx.case.defendants:
        periods = sorted((b for b in d.bail_periods if b.kind == "pre_charge"),
                         key=lambda b: (b.start_date, b.end_date or add_months(b.start_date, 3)))
        if not periods or d.status != "pre_charge_bail":
            continue
        start = periods[0].start_date
        # s.47ZB PACE: "the period of 3 months beginning with the person's bail start date", so the
        # start day counts and the period ends the day before the three-month anniversary.
        current = periods[-1].end_date or _three_months_beginning_with(start)
        months = next((m for m, _, _ in BAIL_STEPS if current <= add_months(start, m)), None)
        who = next((w for m, w, _ in BAIL_STEPS if m == months), "a magistrates' court")
        nxt = next((n for m, _, n in BAIL_STEPS if m == months), None)
        extend = f"to extend to {nxt} months needs {who}" if nxt else "any further extension needs a magistrates' court (up to 24 months from the bail start)"
        length = f"{months} months from the start" if months else "more than 9 months from the start, extended by a magistrates' court"
        yield Deadline(r, f"{d.display_name} ({d.ref})", d.ref, current,
                       f"Bail started on {weekday(start)}; the current period ends on {weekday(current)} "
                       f"({length}); {extend}.")
