"""Case progression targets and periods: charging decisions, listing (TSJ), Better Case Management,
defence statements, applications after a not guilty plea, Victims' Code updates, action plans,
tasks and the post-charge file service level. Pure."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from ..findings import SECONDARY, UNVERIFIED, VERIFIED
from ..text import weekday
from .base import Deadline
from .registry import DeadlineContext, rule

CAL = dict(unit="calendar days", start_day_counted=False, excluded="none", roll="none")


@rule("DEADLINE.PCD.DECISION", title="CPS charging decision target", family="Charging decisions", hard=False,
      source="CPS design history: priority PCD reviews within 3 hours; triage to '5 day' and '28 day' reviews [CPSDH][CPSTASK]",
      confidence=SECONDARY, setting="pcd_green_days", **CAL,
      explanation="Red (priority) requests: 3 hours; green priority: 5 calendar days; green and early advice: 28 calendar days (brief §3.3; the green definitions are unverified and configurable).")
def pcd(ctx: DeadlineContext, r):
    s = ctx.settings
    for sub in ctx.case.submissions:
        if not sub.file_type.startswith("PC") or sub.outcome != "pending":
            continue
        cat = sub.charging_category or ("red" if sub.file_type == "PC-EXP" else "green")
        if cat == "red":
            due_at = sub.submitted_at + timedelta(hours=s.pcd_red_hours)
            start, end = sub.submitted_at.astimezone(ctx.tz), due_at.astimezone(ctx.tz)
            yield Deadline(r, f"Submission {sub.ref} (red)", sub.ref, end.date(),
                           f"Priority request submitted at {start:%H:%M} on {weekday(start.date())}: "
                           f"the CPS aims to decide within {s.pcd_red_hours} hours, by {end:%H:%M}.", due_at=due_at, custody=True)
        else:
            days = s.pcd_green_priority_days if cat == "green_priority" else s.pcd_green_days
            submitted = ctx.day(sub.submitted_at)
            due = submitted + timedelta(days=days)
            yield Deadline(r, f"Submission {sub.ref} ({cat.replace('_', ' ')})", sub.ref, due,
                           f"Submitted on {weekday(submitted)}: a {days}-day review, due {weekday(due)}.")


@rule("DEADLINE.PCD.POLICE_RESPONSE", title="Police response to a CPS triage rejection", family="Charging decisions", hard=False,
      source="CPS triage records a 'date the police should respond by' [CPSDH]", confidence=VERIFIED, **CAL,
      explanation="When the CPS rejects a charging request as not compliant it sets the date the police must respond by.")
def pcd_response(ctx: DeadlineContext, r):
    latest = {}
    for sub in ctx.case.submissions:
        latest[sub.file_type[:2]] = sub
    for sub in ctx.case.submissions:
        if sub.outcome in ("non_compliant", "red_rejected") and sub.respond_by:
            answered = any(o.submitted_at > sub.submitted_at for o in ctx.case.submissions if o.file_type.startswith("PC"))
            yield Deadline(r, f"Submission {sub.ref} ({sub.outcome.replace('_', ' ')})", sub.ref, sub.respond_by,
                           f"The CPS asked for a response by {weekday(sub.respond_by)}.", done=answered)


def _charge_date(case):
    return min((o.charge_date for d in case.defendants for o in d.offences if o.charge_date), default=None)


@rule("DEADLINE.TSJ.FIRST_HEARING", title="First hearing listing target (Transforming Summary Justice)", family="Listing",
      hard=False, source="Transforming Summary Justice (2015): GAP bail cases 14 days, NGAP 28 days after charge [GAZTSJ][BSFH]",
      confidence=SECONDARY, setting="tsj_gap_days", **CAL,
      explanation="Bail cases are listed 14 days after charge when a guilty plea is anticipated and 28 days when not.")
def tsj(ctx: DeadlineContext, r):
    case = ctx.case
    if case.venue == "crown" or not any(d.status in ("conditional_bail", "unconditional_bail") for d in case.defendants):
        return
    charged = _charge_date(case)
    if charged is None:
        return
    ngap = case.anticipated_plea == "NGAP"
    days = ctx.settings.tsj_ngap_days if ngap else ctx.settings.tsj_gap_days
    due = charged + timedelta(days=days)
    first = min((ctx.day(h.starts_at) for h in case.hearings if h.type == "first"), default=None)
    basis = f"Charged on {weekday(charged)}: a {'not guilty' if ngap else 'guilty'} plea bail case is listed {days} days after charge, by {weekday(due)}."
    if first:
        basis += f" First hearing listed for {weekday(first)}" + (" — later than the target." if first > due else ".")
    yield Deadline(r, "First hearing", None, due, basis, done=first is not None and first <= due)


BCM_SOURCE = "Better Case Management (national from 5 Jan 2016); Criminal Practice Directions [OLLBCM][BSCM]"


@rule("DEADLINE.BCM.STAGES", title="Better Case Management: PTPH and Stages 1–4", family="Crown Court (BCM)", hard=False,
      source=BCM_SOURCE, confidence=SECONDARY, setting="bcm_ptph_days", **CAL,
      explanation="PTPH about 28 days after sending; Stage 1 (prosecution case and initial disclosure) 50 days after sending in custody cases, 70 on bail; Stage 2 28 days after Stage 1; Stages 3 and 4 14 days apart (unverified, configurable). The court sets the real dates at PTPH.")
def bcm(ctx: DeadlineContext, r):
    case = ctx.case
    sent = min((ctx.day(h.starts_at) for h in case.hearings if h.outcome == "sent_to_crown"), default=None)
    if sent is None or case.stage == "finalised":
        return
    s = ctx.settings
    custody = any(d.status == "remanded_in_custody" for d in case.defendants)
    ptph_held = any(h.type == "ptph" and h.outcome for h in case.hearings)
    ptph = sent + timedelta(days=s.bcm_ptph_days)
    yield Deadline(r, "PTPH", "PTPH", ptph, f"Sent on {weekday(sent)}: PTPH about {s.bcm_ptph_days} days later, {weekday(ptph)}.",
                   done=ptph_held, custody=custody)
    stage1 = sent + timedelta(days=s.bcm_stage1_custody_days if custody else s.bcm_stage1_bail_days)
    stage2 = stage1 + timedelta(days=s.bcm_stage2_days)
    stage3 = stage2 + timedelta(days=s.bcm_stage3_days)
    stage4 = stage3 + timedelta(days=s.bcm_stage4_days)
    served = case.initial_disclosure_on
    for name, due, what in (
        ("Stage 1", stage1, f"prosecution serves its case and initial disclosure, {'50' if custody else '70'} days after sending ({'custody' if custody else 'bail'})"),
        ("Stage 2", stage2, "defence response including the defence statement, 28 days after Stage 1"),
        ("Stage 3", stage3, "prosecution response (further disclosure), 14 days after Stage 2 [unverified]"),
        ("Stage 4", stage4, "defence applications, 14 days after Stage 3 [unverified]"),
    ):
        done = name == "Stage 1" and served is not None and served <= due
        yield Deadline(r, name, name.replace(" ", ""), due, f"{name}: {what} — {weekday(due)}.", done=done, custody=custody)


@rule("DEADLINE.DISCLOSURE.DEFENCE_STATEMENT", title="Defence statement due", family="Disclosure", hard=True,
      unit="calendar days", start_day_counted=True, excluded="none", roll="none",
      source="CPIA 1996 (Defence Disclosure Time Limits) Regulations 2011 (SI 2011/209) reg. 2 [DDTL]", confidence=VERIFIED,
      explanation="28 days in the Crown Court, 14 in the magistrates' court, beginning with the day the prosecutor complied with s.3 CPIA.")
def defence_statement(ctx: DeadlineContext, r):
    served = ctx.case.initial_disclosure_on
    if served is None or ctx.case.stage == "finalised":
        return
    crown = ctx.case.venue == "crown" or any(h.outcome == "sent_to_crown" for h in ctx.case.hearings)
    days = 28 if crown else 14
    due = served + timedelta(days=days - 1)
    yield Deadline(r, "Defence statement", None, due,
                   f"{days} days beginning with {weekday(served)}, the day initial disclosure was served ({'Crown Court' if crown else 'magistrates’ court'}): due {weekday(due)}.")


def _ng_plea(ctx):
    pleas = sorted((h for h in ctx.case.hearings if h.outcome == "not_guilty_plea"), key=lambda h: (h.starts_at, h.ref))
    return (ctx.day(pleas[0].starts_at), pleas[0]) if pleas else (None, None)


@rule("DEADLINE.APPLICATIONS.SPECIAL_MEASURES", title="Special measures application after a not guilty plea", family="Applications",
      hard=True, unit="business days", start_day_counted=False, excluded="non-business days (CrimPR r.2.2)", roll="forward",
      source="CrimPR Part 18 (YJCEA 1999 ss.23–30) [CPR18]; the 20/10 business-day periods are unverified [SM2002]",
      confidence=UNVERIFIED, setting="sm_magistrates_business_days",
      explanation="A special measures application is due within 20 business days of a not guilty plea in the magistrates' court, 10 in the Crown Court (unverified, configurable).")
def special_measures(ctx: DeadlineContext, r):
    yield from _after_ng(ctx, r, "special measures", ctx.settings.sm_magistrates_business_days, ctx.settings.sm_crown_business_days,
                         lambda c: any(w.vulnerability_grounds for w in c.witnesses))


@rule("DEADLINE.APPLICATIONS.BAD_CHARACTER", title="Bad character notice after a not guilty plea", family="Applications",
      hard=True, unit="business days", start_day_counted=False, excluded="non-business days (CrimPR r.2.2)", roll="forward",
      source="CrimPR r.21.4 [LHL] (DG6 still quotes 28/14 days)", confidence=SECONDARY, setting="bc_magistrates_business_days",
      explanation="The prosecution's notice of a defendant's bad character is due within 20 business days of a not guilty plea in the magistrates' court, 10 in the Crown Court.")
def bad_character(ctx: DeadlineContext, r):
    yield from _after_ng(ctx, r, "bad character", ctx.settings.bc_magistrates_business_days, ctx.settings.bc_crown_business_days,
                         lambda c: any(m.type == "MG16" for m in c.materials))


def _after_ng(ctx, r, what, mags_days, crown_days, applies):
    case = ctx.case
    plea_day, hearing = _ng_plea(ctx)
    if plea_day is None or case.stage == "finalised" or not applies(case):
        return
    crown = hearing.type == "ptph" or case.venue == "crown"
    days = crown_days if crown else mags_days
    due = ctx.calendar.add_business_days(plea_day, days)
    yield Deadline(r, f"{what.capitalize()} application", None, due,
                   f"Not guilty plea on {weekday(plea_day)}: {days} business days in the {'Crown Court' if crown else 'magistrates’ court'}, so by {weekday(due)}.")


def _events(ctx):
    """Decisions and results a victim or witness must be told of: (when, what), earliest first.
    A charge has a date but no time: it is taken as made at 17:00 that day where the case is worked."""
    case = ctx.case
    out = []
    for d in case.defendants:
        for o in d.offences:
            if o.charge_date:
                out.append((datetime.combine(o.charge_date, time(17, 0), tzinfo=ctx.tz), f"{d.display_name} charged"))
    for c in case.decisions:
        if c.kind in ("no_further_action", "out_of_court_disposal"):
            out.append((c.decided_at, f"CPS decision: {c.kind.replace('_', ' ')}"))
    for h in case.hearings:
        if h.outcome:
            out.append((h.starts_at, f"hearing result: {h.outcome.replace('_', ' ')}"))
    return sorted(out)


@rule("DEADLINE.VICTIMS_CODE.UPDATE", title="Victims' Code: tell the victim of a decision or result", family="Victims and witnesses",
      hard=False, unit="working days", start_day_counted=False, excluded="weekends and bank holidays", roll="forward",
      source="Code of Practice for Victims of Crime (2021) [CPSTC][LANCS]; exact clauses unverified", confidence=SECONDARY,
      setting="vc_enhanced_working_days",
      explanation="Victims entitled to enhanced rights must be told within 1 working day, others within 5 (a statutory code: breach gives a right to complain, not a bar to the case).")
def victims_code(ctx: DeadlineContext, r):
    events = None
    for w in ctx.case.witnesses:
        if w.role != "victim":
            continue
        if events is None:
            events = _events(ctx)
        pending = [(when, what) for when, what in events if w.last_update_at is None or when > w.last_update_at]
        if not pending:
            continue
        when, what = pending[0]
        days = ctx.settings.vc_enhanced_working_days if w.enhanced_rights else ctx.settings.vc_other_working_days
        due = ctx.calendar.add_working_days(ctx.day(when), days)
        yield Deadline(r, f"{w.display_name} ({w.ref}, victim{', enhanced rights' if w.enhanced_rights else ''})", w.ref, due,
                       f"Not yet told of: {what} on {weekday(ctx.day(when))}; {days} working day{'s' if days > 1 else ''} "
                       f"{'(enhanced rights)' if w.enhanced_rights else ''} → {weekday(due)}.".replace("  ", " "))


@rule("DEADLINE.WITNESS_CARE.RESULT", title="Witness care: tell a witness the result", family="Victims and witnesses",
      hard=False, unit="working days", start_day_counted=False, excluded="weekends and bank holidays", roll="forward",
      source="CPS fact sheet 'Witness Care Units' (results and sentences explained within one day) [CPSWCU]", confidence=VERIFIED,
      setting="results_working_days",
      explanation="Witness Care Units tell victims and witnesses the result, and explain any sentence, within one day of receiving it.")
def witness_result(ctx: DeadlineContext, r):
    results = [(h.starts_at, h.outcome) for h in ctx.case.hearings if h.outcome]
    if not results:
        return
    for w in ctx.case.witnesses:
        if w.role != "civilian":
            continue
        pending = [(when, what) for when, what in sorted(results) if w.last_update_at is None or when > w.last_update_at]
        if pending:
            when, what = pending[0]
            due = ctx.calendar.add_working_days(ctx.day(when), ctx.settings.results_working_days)
            yield Deadline(r, f"{w.display_name} ({w.ref}, witness)", w.ref, due,
                           f"Result on {weekday(ctx.day(when))} ({what.replace('_', ' ')}) not yet passed on: by {weekday(due)}.")


@rule("DEADLINE.ACTION_PLAN.ITEM", title="CPS action plan item due", family="Action plans", hard=False, **CAL,
      source="DG6 4.26–4.28: the prosecutor's action plan with review dates [LHL]; CPS 'police should respond by' [CPSDH]",
      confidence=SECONDARY, explanation="Each action the CPS asks of the police has the date set in the action plan; timescales are set case by case.")
def action_items(ctx: DeadlineContext, r):
    for plan in ctx.case.action_plans:
        for item in plan.items:
            due = item.due_date or plan.respond_by
            if due and item.status != "cancelled":
                yield Deadline(r, f"Action {item.ref}: {item.text[:80]}", item.ref, due,
                               f"Set by the CPS action plan {plan.ref}: due {weekday(due)}.", done=item.status == "done")


@rule("DEADLINE.TASK", title="Task due", family="Tasks", hard=False, **CAL, source="Casework task", confidence=VERIFIED,
      explanation="A task set on the case, with the date it is due.")
def tasks(ctx: DeadlineContext, r):
    for t in ctx.case.tasks:
        if t.due_date and t.status != "cancelled":
            yield Deadline(r, f"Task {t.ref}: {t.title}", t.ref, t.due_date, f"Due {weekday(t.due_date)}.", done=t.status == "done")


@rule("DEADLINE.FILE.POST_CHARGE_SUBMISSION", title="Charged file to the CPS (local service level)", family="File submission",
      hard=False, unit="working days", start_day_counted=False, excluded="weekends and bank holidays", roll="forward",
      source="Force service level; College of Policing practice: charged files 'within the required 24–48 hour timescales' [COPCPT]",
      confidence=UNVERIFIED, setting="file_submission_working_days",
      explanation="The charged file goes to the CPS within a set number of working days of charge (a local service level, set by administrators).")
def file_submission(ctx: DeadlineContext, r):
    charged = _charge_date(ctx.case)
    if charged is None:
        return
    n = ctx.settings.file_submission_working_days
    due = ctx.calendar.add_working_days(charged, n)
    sent = min((s.submitted_at for s in ctx.case.submissions if s.file_type.startswith(("FH", "UP"))), default=None)
    basis = f"Charged on {weekday(charged)}: the file is due {n} working day{'s' if n != 1 else ''} later, {weekday(due)}."
    if sent:
        basis += f" Submitted on {weekday(ctx.day(sent))}" + (" — late." if ctx.day(sent) > due else ".")
    yield Deadline(r, "First hearing file", None, due, basis, done=sent is not None)





WITNESS_CARE_ROLES = ("victim", "civilian", "expert", "professional")  # police witnesses are warned through duty rosters


def _witness_care_done(case, kind: str, witness: str, hearing: str | None = None) -> bool:
    """A witness care task recorded as done for this person (and hearing); an attempt that made no
    contact does not count."""
    return any(t.kind == kind and t.witness == witness and (hearing is None or t.hearing == hearing)
               and t.status == "done" and t.outcome not in ("", "no_contact") for t in case.tasks)


@rule("DEADLINE.WITNESS_CARE.NEEDS_ASSESSMENT", title="Witness care: full needs assessment after a not guilty plea",
      family="Victims and witnesses", hard=False, unit="working days", start_day_counted=False,
      excluded="weekends and bank holidays", roll="forward",
      source="Witness Care Unit duties: a full needs assessment for all victims and witnesses once a not guilty plea is entered [CPSWCU][STAFFWCU]; the timescale is a local figure",
      confidence=UNVERIFIED, setting="wcu_needs_assessment_working_days",
      explanation="After a not guilty plea the Witness Care Unit contacts each victim and civilian witness to assess their needs (childcare, transport, language, medical, intimidation) and availability. No national timescale was found: 5 working days is a local figure, configurable.")
def needs_assessment(ctx: DeadlineContext, r):
    case = ctx.case
    plea_day, _ = _ng_plea(ctx)
    if plea_day is None or case.stage == "finalised":
        return
    days = ctx.settings.wcu_needs_assessment_working_days
    due = ctx.calendar.add_working_days(plea_day, days)
    for w in case.witnesses:
        if w.role in ("victim", "civilian") and not _witness_care_done(case, "needs_assessment", w.ref):
            yield Deadline(r, f"{w.display_name} ({w.ref}, {'victim' if w.role == 'victim' else 'witness'})", w.ref, due,
                           f"Not guilty plea on {weekday(plea_day)}: needs assessment within {days} working days "
                           f"(local figure), by {weekday(due)}.")


@rule("DEADLINE.WITNESS_CARE.WARNING", title="Witness care: warn for trial", family="Victims and witnesses",
      hard=False, unit="working days", start_day_counted=False, excluded="weekends and bank holidays", roll="back",
      source="Witness Care Units warn witnesses for trial on receipt of the CPS List of Witnesses to Attend Court [STAFFWCU][DURJOB]; the timescale is a local figure",
      confidence=UNVERIFIED, setting="wcu_warning_working_days_before_trial",
      explanation="Every victim and witness needed at a trial is warned: told the date, time and court, and asked about needs and attendance. No national timescale was found: 10 working days before the trial is a local figure, configurable.")
def warn_for_trial(ctx: DeadlineContext, r):
    case = ctx.case
    if case.stage == "finalised":
        return
    days = ctx.settings.wcu_warning_working_days_before_trial
    for h in case.hearings:
        if h.type != "trial" or h.outcome or ctx.day(h.starts_at) < ctx.today:
            continue
        trial = ctx.day(h.starts_at)
        due = ctx.calendar.working_days_before(trial, days)
        for w in case.witnesses:
            if w.role in WITNESS_CARE_ROLES and not _witness_care_done(case, "warn_for_trial", w.ref, h.ref):
                yield Deadline(r, f"{w.display_name} ({w.ref}) for the trial {h.ref} on {weekday(trial)}", f"{w.ref}/{h.ref}",
                               due, f"Trial {h.ref} on {weekday(trial)}: warn {days} working days before (local figure), "
                                    f"by {weekday(due)}.")
