"""Court acceptance: the checks the HMCTS Common Platform makes when a police case arrives, so
the Criminal Justice Unit catches a file the court would reject (interfaces §3). Each rule maps to
the court's problem code. Also the statutory time limit for summary offences (s.127 MCA 1980 and
the domestic abuse exception in s.39A CJA 1988), which the court raises as OFFENCE_OUT_OF_TIME.
Pure.
"""

from __future__ import annotations

from ..calendar import add_years
from ..deadlines.statutory import complainant_statements
from ..deadlines.statutory import summary_time_limit as _summary_time_limit
from ..findings import SECONDARY, UNVERIFIED, VERIFIED, Finding, Severity
from ..identifiers import validate_asn, validate_cro, validate_pnc_id
from ..text import day
from .context import Context, age_on, ref_key
from .registry import check

CPP = "HMCTS Common Platform prosecution case file validation (problem codes) [interfaces §3]"
NON_OFFENCE_CATEGORIES = {"VP": "civil proceedings", "CR": "civil, related to criminal", "CB": "a non-offence breach",
                          "EF": "fine enforcement", "EM": "maintenance enforcement", "EX": "maintenance enforcement"}
COURT_STATUSES = {"conditional_bail", "unconditional_bail", "remanded_in_custody", "police_custody", "not_arrested",
                  "not_applicable"}


def _charged(ctx: Context):
    for d in ctx.charged_defendants:
        for o in d.offences:
            if o.status in ("charged", "concluded"):
                yield d, o


@check("COURT.OFFENCE_CODE_INVALID", title="Offence code is a CJS offence code", severity=Severity.BLOCKER,
       source=CPP + "; CJS Offence Index [CJSDS]", confidence=VERIFIED, court="OFFENCE_CODE_IS_INVALID", family="Court acceptance",
       explanation="The court only accepts codes from the CJS standard offence list.")
def offence_code_invalid(ctx: Context, rule):
    for d in ctx.case.defendants:
        for o in d.offences:
            info = ctx.reference.offence(o.code)
            if info is None:
                yield Finding(rule, f"{o.code} ({o.ref}, {d.display_name}) is not a CJS offence code.",
                              "Find the correct CJS offence code for the offence (PNLD) and correct the charge.", o.ref)
            elif info.category in NON_OFFENCE_CATEGORIES:
                yield Finding(rule, f"{o.code} ({o.ref}) is a code for {NON_OFFENCE_CATEGORIES[info.category]}, not a criminal offence.",
                              "Charge the criminal offence with its own CJS offence code.", o.ref)


@check("COURT.OFFENCE_CODE_NOT_CURRENT", title="Offence code is current", severity=Severity.MAJOR,
       source=CPP + "; CJS Offence Index vs PNC code list [CJSDS]", confidence=UNVERIFIED,
       court="OFFENCE_NOT_IN_EFFECT_ON_OFFENCE_COMMITTED_DATE", family="Court acceptance",
       explanation="A retired PNC code is not in the current CJS list. The reference data carries no start or end dates, so whether the code was in force on the offence date cannot be confirmed here.")
def offence_code_not_current(ctx: Context, rule):
    for d in ctx.case.defendants:
        for o in d.offences:
            info = ctx.reference.offence(o.code)
            if info is not None and not info.current:
                yield Finding(rule, f"{o.code} ({o.ref}) is a retired PNC code, not in the current CJS offence list; the court may reject it.",
                              "Check the offence wording in PNLD and use the current CJS code for the offence on its date.", o.ref)


@check("COURT.CHARGE_DATE_MISSING", title="Charge date present", severity=Severity.MAJOR, source=CPP, confidence=VERIFIED,
       court="CHARGE_DATE_IS_NOT_PRESENT", family="Court acceptance",
       explanation="Every charge sent to court must carry the date of charge.")
def charge_date_missing(ctx: Context, rule):
    for d in ctx.case.defendants:
        for o in d.offences:
            if o.status == "charged" and o.charge_date is None:
                yield Finding(rule, f"Charge {o.ref} ({o.code}, {d.display_name}) has no charge date.",
                              "Record the date and time of charge from the custody record or MG4.", o.ref)


@check("COURT.DATE_IN_FUTURE", title="No arrest or charge dated in the future", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="CHARGE_DATE_IN_FUTURE", family="Court acceptance",
       explanation="A charge or arrest dated after today is a typing error the court will reject (ARREST_DATE_IN_FUTURE, CHARGE_DATE_IN_FUTURE).")
def date_in_future(ctx: Context, rule):
    for d in ctx.case.defendants:
        if d.arrested_at and d.arrested_at.date() > ctx.today:
            yield Finding(rule, f"{d.display_name} ({d.ref}) is recorded as arrested on {day(d.arrested_at)}, which is in the future.",
                          "Correct the arrest date.", d.ref)
        for o in d.offences:
            if o.charge_date and o.charge_date > ctx.today:
                yield Finding(rule, f"Charge {o.ref} is dated {day(o.charge_date)}, which is in the future.",
                              "Correct the charge date.", o.ref)


@check("COURT.HEARING_BEFORE_OFFENCE", title="Hearing not before the offence date", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="DATE_OF_HEARING_EARLIER_THAN_OFFENCE_COMMITTED_DATE", family="Court acceptance",
       explanation="A hearing cannot come before the offence; one of the dates is wrong.")
def hearing_before_offence(ctx: Context, rule):
    dates = [o.date_from for d in ctx.case.defendants for o in d.offences if o.date_from]
    if not dates:
        return
    earliest = min(dates)
    for h in ctx.case.hearings:
        if h.starts_at.date() < earliest:
            yield Finding(rule, f"Hearing {h.ref} ({day(h.starts_at)}) is before the earliest offence date ({day(earliest)}).",
                          "Correct the hearing date or the offence date.", h.ref)


@check("COURT.HEARING_IN_PAST", title="First hearing not already past without a result", severity=Severity.MAJOR,
       source=CPP, confidence=SECONDARY, court="DATE_OF_HEARING_IN_THE_PAST", family="Court acceptance",
       explanation="A first-hearing file cannot be sent for a hearing date that has passed; either the result is missing or the listing is wrong.")
def hearing_in_past(ctx: Context, rule):
    if ctx.case.stage != "charged":
        return
    for h in ctx.case.hearings:
        if h.type == "first" and not h.outcome and h.starts_at.date() < ctx.today:
            yield Finding(rule, f"The first hearing {h.ref} on {day(h.starts_at)} has passed and no result is recorded.",
                          "Record the result of the hearing, or correct the listing date with the court.", h.ref)


@check("COURT.DEFENDANT_DOB", title="Defendant's date of birth present and plausible", severity=Severity.MAJOR,
       source=CPP, confidence=VERIFIED, court="DEFENDANT_DOB_NOT_PRESENT", family="Court acceptance",
       explanation="The court needs each defendant's date of birth (DEFENDANT_DOB_NOT_PRESENT, DEFENDANT_DOB_IN_FUTURE); below 10 or above 110 is almost certainly a typing error.")
def defendant_dob(ctx: Context, rule):
    for d in ctx.charged_defendants:
        if d.date_of_birth is None:
            yield Finding(rule, f"{d.display_name} ({d.ref}) has no date of birth.", "Record the defendant's date of birth.", d.ref)
            continue
        if d.date_of_birth > ctx.today:
            yield Finding(rule, f"{d.display_name} ({d.ref}) has a date of birth in the future ({day(d.date_of_birth)}).",
                          "Correct the date of birth.", d.ref)
            continue
        offence_day = min((o.date_from for o in d.offences if o.date_from), default=ctx.today)
        age = age_on(d.date_of_birth, offence_day)
        if age is not None and (age < 10 or age > 110):
            yield Finding(rule, f"{d.display_name} ({d.ref}) would have been {age} at the offence; the date of birth looks wrong.",
                          "Check and correct the date of birth.", d.ref)


@check("COURT.YOUTH_AT_CHARGE", title="A defendant under 18 at charge is flagged as a youth case", severity=Severity.MAJOR,
       source=CPP + "; youth court jurisdiction (Children and Young Persons Act 1933 s.46)", confidence=SECONDARY,
       court="DEFENDANT_UNDER_18_YEARS_AT_CHARGE_DATE", family="Court acceptance",
       explanation="A defendant under 18 on the date of charge is dealt with in the youth court; the case must be flagged so it is listed there.")
def youth_at_charge(ctx: Context, rule):
    for d in ctx.charged_defendants:
        charged_on = min((o.charge_date for o in d.offences if o.charge_date), default=None)
        age = age_on(d.date_of_birth, charged_on)
        # Below 10 (the age of criminal responsibility) the date of birth is wrong, which
        # COURT.DEFENDANT_DOB reports; it is not a youth case to flag.
        if age is not None and 10 <= age < 18 and "youth" not in ctx.case.flags:
            yield Finding(rule, f"{d.display_name} ({d.ref}) was {age} when charged, but the case is not flagged as a youth case.",
                          "Flag the case as a youth case and make sure the first hearing is in the youth court.", d.ref)


@check("COURT.CUSTODY_STATUS", title="Custody or bail status valid for court", severity=Severity.MAJOR, source=CPP,
       confidence=SECONDARY, court="DEFENDANT_CUSTODY_STATUS_INVALID", family="Court acceptance",
       explanation="After charge a defendant is on bail, in custody, or summonsed; a pre-charge status (pre-charge bail, released under investigation) is not valid for court.")
def custody_status(ctx: Context, rule):
    for d in ctx.charged_defendants:
        if d.status not in COURT_STATUSES:
            yield Finding(rule, f"{d.display_name} ({d.ref}) is charged but recorded as '{d.status.replace('_', ' ')}'.",
                          "Record the post-charge status: conditional or unconditional bail, or remanded in custody.", d.ref)


@check("COURT.BAIL_CONDITIONS", title="Bail conditions recorded for conditional bail", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="BAIL_CONDITIONS_REQUIRED", family="Court acceptance",
       explanation="Conditional bail must come with its conditions.")
def bail_conditions(ctx: Context, rule):
    for d in ctx.charged_defendants:
        if d.status == "conditional_bail" and not any(b.conditions.strip() for b in d.bail_periods):
            yield Finding(rule, f"{d.display_name} ({d.ref}) is on conditional bail but no conditions are recorded.",
                          "Record the bail conditions from the MG4A.", d.ref)


@check("COURT.PNC_ID_INVALID", title="PNC ID check letter correct", severity=Severity.MAJOR,
       source=CPP + "; PNC ID check letter [PNCID][PNCTEST]", confidence=VERIFIED, court="INVALID_PNC_ID", family="Court acceptance",
       explanation="The PNC ID's last letter is a check letter; a wrong one means the number was mistyped.")
def pnc_invalid(ctx: Context, rule):
    for d in ctx.case.defendants:
        if d.pnc_id and not (r := validate_pnc_id(d.pnc_id)).ok:
            yield Finding(rule, f"{d.display_name} ({d.ref}): {r.problem}", "Copy the PNC ID again from the PNC.", d.ref)


@check("COURT.CRO_INVALID", title="CRO number check letter correct", severity=Severity.MAJOR,
       source=CPP + "; CRO check letter [CROVAL]", confidence=SECONDARY, court="INVALID_CRO_NUMBER", family="Court acceptance",
       explanation="The CRO number's check letter must match the number.")
def cro_invalid(ctx: Context, rule):
    for d in ctx.case.defendants:
        if d.cro and not (r := validate_cro(d.cro)).ok:
            yield Finding(rule, f"{d.display_name} ({d.ref}): {r.problem}", "Copy the CRO number again from the PNC.", d.ref,
                          Severity.MINOR if r.confidence == UNVERIFIED else None)


@check("COURT.ASN", title="Arrest/Summons Number present and valid", severity=Severity.MAJOR,
       source="Bichard 7 exceptions HO100206 'Bad Arrest Summons Number', HO100321 [B7ASN][B7VAL]", confidence=VERIFIED,
       family="Court acceptance",
       explanation="Court results reach the PNC by ASN; a missing or mistyped ASN means the result is not recorded against the person.")
def asn(ctx: Context, rule):
    for d in ctx.charged_defendants:
        if not d.asn:
            yield Finding(rule, f"{d.display_name} ({d.ref}) is charged but has no ASN.", "Record the ASN from the custody record.", d.ref)
        elif not (r := validate_asn(d.asn)).ok:
            yield Finding(rule, f"{d.display_name} ({d.ref}): {r.problem}", "Copy the ASN again from the custody record.", d.ref)


@check("COURT.COURT_OU_INVALID", title="Hearing court is a known court", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="COURT_HEARING_LOCATION_OUCODE_INVALID", family="Court acceptance",
       explanation="The hearing location must be a court OU code the court system knows.")
def court_ou(ctx: Context, rule):
    for h in ctx.case.hearings:
        if ctx.reference.court(h.court_code) is None:
            yield Finding(rule, f"Hearing {h.ref} is at {h.court_code}, which is not a court OU code.",
                          "Correct the court OU code for the hearing.", h.ref)


@check("COURT.FORCE_CODE_INVALID", title="Police force code valid", severity=Severity.MAJOR, source=CPP, confidence=VERIFIED,
       court="POLICE_FORCE_CODE_INVALID", family="Court acceptance",
       explanation="The prosecuting force's code must be a police force code.")
def force_code(ctx: Context, rule):
    if not ctx.reference.is_force(ctx.case.force_code):
        yield Finding(rule, f"The force code {ctx.case.force_code} is not a police force code.", "Correct the URN and force code.")


@check("COURT.OFFENCE_LOCATION", title="Offence location recorded", severity=Severity.MAJOR, source=CPP, confidence=VERIFIED,
       court="OFFENCE_REQUIRES_A_LOCATION", family="Court acceptance",
       explanation="The charge must say where the offence was committed.")
def offence_location(ctx: Context, rule):
    for d, o in _charged(ctx):
        if not o.location.strip():
            yield Finding(rule, f"Charge {o.ref} ({o.code}, {d.display_name}) does not say where the offence took place.",
                          "Add the location of the offence to the charge.", o.ref)


@check("COURT.OFFENCE_DATE_CODE", title="Offence dates match the date code", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="OFFENCE_DATE_CODE_IS_INVALID", family="Court acceptance",
       explanation="Date code 4 ('between') needs a start and an end date; the other codes take a single date.")
def offence_date_code(ctx: Context, rule):
    for _d, o in _charged(ctx):
        if o.date_from is None:
            yield Finding(rule, f"Charge {o.ref} ({o.code}) has no offence date.", "Record when the offence was committed.", o.ref)
        elif o.date_code == 4 and o.date_to is None:
            yield Finding(rule, f"Charge {o.ref} says 'between' but gives no end date.", "Add the end date or change the date code.", o.ref)
        elif o.date_code != 4 and o.date_to is not None:
            yield Finding(rule, f"Charge {o.ref} gives an end date but its date code is not 'between'.",
                          "Set the date code to 4 (between) or remove the end date.", o.ref)


@check("COURT.STATEMENT_OF_FACTS", title="Statement of facts for a postal requisition or SJP case",
       severity=Severity.MAJOR, source=CPP + "; CJA 2003 s.29 written charge; MCA 1980 s.16A (SJP) [SJPLEG]",
       confidence=SECONDARY, court="STATEMENT_OF_FACTS_REQUIRED", family="Court acceptance",
       explanation="A written charge by post or a Single Justice Procedure notice must come with a statement of facts the defendant can plead to.")
def statement_of_facts(ctx: Context, rule):
    if ctx.case.initiation in ("postal_requisition", "sjp") and not ctx.provided("MG5"):
        how = "by postal requisition" if ctx.case.initiation == "postal_requisition" else "by Single Justice Procedure notice"
        yield Finding(rule, f"The case was started {how} but there is no statement of facts (MG5) on the file.",
                      "Write the statement of facts (MG5) to go with the requisition or notice.")


@check("COURT.INITIATION_MISSING", title="How proceedings began is recorded", severity=Severity.MINOR, source=CPP,
       confidence=SECONDARY, court="CASE_INITIATION_CODE_INVALID", family="Court acceptance",
       explanation="The court needs to know whether the case began by charge, requisition, summons or SJP notice.")
def initiation_missing(ctx: Context, rule):
    if ctx.charged_defendants and not ctx.case.initiation:
        yield Finding(rule, "The file does not say how proceedings began (charge, postal requisition, summons or SJP).",
                      "Record how proceedings began.")


@check("COURT.DUPLICATE_DEFENDANT", title="No defendant entered twice", severity=Severity.MAJOR, source=CPP,
       confidence=VERIFIED, court="DUPLICATE_DEFENDANT", family="Court acceptance",
       explanation="The same person entered twice creates two court records.")
def duplicate_defendant(ctx: Context, rule):
    seen = {}
    for d in sorted(ctx.case.defendants, key=lambda d: ref_key(d.ref)):
        key = (d.forenames.strip().lower(), d.surname.strip().lower(), d.date_of_birth)
        if key in seen:
            yield Finding(rule, f"{d.display_name} appears twice ({seen[key]} and {d.ref}) with the same date of birth.",
                          "Merge the two entries into one defendant.", d.ref)
        seen[key] = d.ref


def summary_time_limit(ctx: Context, d, o):
    """(last day to start proceedings, basis, confidence, assumption) — the deadlines engine's rule, so a
    finding and the deadline it belongs to always agree."""
    return _summary_time_limit(ctx.case, o, complainant_statements(ctx.case))


@check("STL.S127.OUT_OF_TIME", title="Summary offence charged within its time limit", severity=Severity.BLOCKER,
       source="s.127(1) Magistrates' Courts Act 1980; s.39A Criminal Justice Act 1988 (inserted by PCSC Act 2022 s.49) [S39A]; " + CPP,
       confidence=VERIFIED, court="OFFENCE_OUT_OF_TIME", family="Time limits",
       explanation="Proceedings for a summary-only offence must start within six months of the offence (s.127 MCA 1980); for domestic abuse common assault, within two years and six months of the complainant's first statement (s.39A CJA 1988). Counting convention (day of the offence not counted): secondary source.")
def out_of_time(ctx: Context, rule):
    for d in ctx.case.defendants:
        for o in d.offences:
            if o.mode_of_trial != "summary" or o.status in ("no_further_action", "withdrawn"):
                continue
            limit = summary_time_limit(ctx, d, o)
            if limit is None:
                continue
            last_day, basis, _, assumed = limit
            if assumed:
                # s.39A with no statement recorded: the court would refuse only past the two years
                # s.39A allows at most, never on the six months assumed until a statement exists.
                committed = o.date_to or o.date_from
                last_day = add_years(committed, 2)
                basis = (f"domestic abuse common assault: no complainant's statement is recorded, and in any case at most "
                         f"2 years from the offence on {day(committed)} — s.39A CJA 1988")
            started = o.charge_date if o.status in ("charged", "concluded") else None
            if started and started > last_day:
                yield Finding(rule, f"Charge {o.ref} ({o.code}, {d.display_name}) was brought on {day(started)}, after the time limit ended on {day(last_day)} ({basis}).",
                              "Tell the CPS at once: proceedings out of time are a nullity and the charge must be withdrawn.", o.ref)
            elif o.status == "proposed" and ctx.today > last_day:
                yield Finding(rule, f"{o.code} ({o.ref}, {d.display_name}) can no longer be prosecuted: the time limit ended on {day(last_day)} ({basis}).",
                              "Consider an alternative either-way offence with the CPS, or finalise this offence.", o.ref)


@check("STL.S127.EXPIRING", title="Summary offence time limit close", severity=Severity.ADVICE,
       source="s.127(1) Magistrates' Courts Act 1980; s.39A CJA 1988 [S39A]", confidence=SECONDARY, family="Time limits",
       explanation="A summary-only offence not yet charged within 28 days of its time limit needs a decision now.")
def expiring(ctx: Context, rule):
    for d in ctx.case.defendants:
        for o in d.offences:
            if o.mode_of_trial != "summary" or o.status != "proposed":
                continue
            limit = summary_time_limit(ctx, d, o)
            if limit and 0 <= (limit[0] - ctx.today).days <= 28:
                yield Finding(rule, f"{o.code} ({o.ref}, {d.display_name}) must be charged by {day(limit[0])} ({limit[1]}).",
                              "Get the charging decision before the time limit; escalate to the CPS if needed.", o.ref)
