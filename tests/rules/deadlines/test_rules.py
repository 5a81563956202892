"""Every deadline rule, one row per legal situation (brief §4): the date a caseworker would diary,
whether it is a statutory limit (hard) or a target or local service level (soft), and the words of
the basis that say why. The row id starts with the source key ([CTLR], [S127], [PCBSG] …).

Dates are worked out by hand in the comments against the real England and Wales calendar; the
engine is run exactly as at the edge (real bank holidays, clock times shown in Europe/London).
Pure: no database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casework.rules.deadlines import DEFAULT_SETTINGS, Deadline, DeadlineSettings, catalogue
from casework.rules.findings import SECONDARY, UNVERIFIED, VERIFIED

from ..quality.builders import baseline, hearing
from .builders import (
    LONDON,
    allocation,
    charged_on_bail,
    charging_request,
    d,
    eng,
    ng_plea,
    of_kind,
    on_precharge_bail,
    police_custody,
    remanded,
    run,
    sent_case,
    sent_on,
    summary_offence,
    triage_rejection,
    victim_case,
    witness_result,
)

SAMPLE = Path(__file__).parents[2] / "interchange" / "files" / "20BH0456725.json"

CTL_SUMMARY = "DEADLINE.CTL.MAGISTRATES_SUMMARY"
REMAND = "DEADLINE.REMAND.MAGISTRATES"
CTL_EW = "DEADLINE.CTL.MAGISTRATES_EITHER_WAY"
CTL_CROWN = "DEADLINE.CTL.CROWN_COURT"
CTL_COVID = "DEADLINE.CTL.CROWN_COURT_2020"
CTL_NOTICE = "DEADLINE.CTL.EXTENSION_NOTICE"
STL = "DEADLINE.STL.SUMMARY"
PACE = "DEADLINE.PACE.DETENTION"
BAIL = "DEADLINE.BAIL.PRE_CHARGE"
PCD = "DEADLINE.PCD.DECISION"
PCD_RESPONSE = "DEADLINE.PCD.POLICE_RESPONSE"
TSJ = "DEADLINE.TSJ.FIRST_HEARING"
BCM = "DEADLINE.BCM.STAGES"
DEFENCE_STATEMENT = "DEADLINE.DISCLOSURE.DEFENCE_STATEMENT"
SPECIAL_MEASURES = "DEADLINE.APPLICATIONS.SPECIAL_MEASURES"
BAD_CHARACTER = "DEADLINE.APPLICATIONS.BAD_CHARACTER"
VICTIMS_CODE = "DEADLINE.VICTIMS_CODE.UPDATE"
WITNESS_RESULT = "DEADLINE.WITNESS_CARE.RESULT"
ACTION = "DEADLINE.ACTION_PLAN.ITEM"
TASK = "DEADLINE.TASK"
FILE = "DEADLINE.FILE.POST_CHARGE_SUBMISSION"
NEEDS = "DEADLINE.WITNESS_CARE.NEEDS_ASSESSMENT"
WARN = "DEADLINE.WITNESS_CARE.WARNING"


def sample() -> dict:
    return json.loads(SAMPLE.read_text())


def changed(make: Callable[[], dict], change: Callable[[dict], object]) -> Callable[[], dict]:
    def build() -> dict:
        doc = make()
        change(doc)
        return doc
    return build


@dataclass(frozen=True)
class Row:
    id: str
    doc: Callable[[], dict]
    kind: str
    due: str | None  # None: the rule gives nothing in this situation
    hard: bool | None = None
    words: tuple[str, ...] = ()
    done: bool = False
    ref: str | None = None  # which deadline of the kind, by subject_ref, when there are several
    settings: DeadlineSettings = DEFAULT_SETTINGS
    tz: object = LONDON
    custody: bool | None = None


def _nfa_before_charge() -> dict:
    """PC-STD: the CPS decides no further action on Thu 6 Mar 2025 at 15:00; the victim (no
    enhanced rights) was last told anything on 1 Mar."""
    doc = baseline("PC-STD")
    doc["decisions"] = [{"ref": "C1", "submission": "S1", "decided_at": "2025-03-06T15:00:00Z",
                         "kind": "no_further_action", "code_test": None, "prosecutor": "CPS Direct",
                         "rationale": "Evidential stage not met.", "charges": []}]
    doc["submissions"][0]["outcome"] = "compliant"
    doc["witnesses"][0]["last_update_at"] = "2025-03-01T12:00:00Z"
    doc["witnesses"][1]["role"] = "police"
    return doc


def _set_offence(**kw):
    return lambda doc: doc["defendants"][0]["offences"][0].update(**kw)


def _item(ref, **kw):
    return lambda doc: next(i for p in doc["action_plans"] for i in p["items"] if i["ref"] == ref).update(**kw)


def _task(**kw):
    return lambda doc: doc["tasks"][0].update(**kw)


def _wc_task(kind, witness, outcome="done", hearing=None, status="done"):
    return lambda doc: doc["tasks"].append({
        "ref": f"T{len(doc['tasks']) + 9}", "title": "Witness care", "due_date": None, "status": status,
        "source": "internal", "created_at": "2025-03-08T10:00:00Z", "completed_at": "2025-03-08T10:00:00Z",
        "kind": kind, "witness": witness, "hearing": hearing, "outcome": outcome})


def trial_listed(trial_day: str) -> dict:
    """The UP-MC shop theft after a not guilty plea on Fri 7 Mar 2025, its trial listed on `trial_day`:
    the civilian witness W1 and the police witness W2."""
    doc = ng_plea("2025-03-07")
    doc["hearings"].append(hearing("H2", "B20BL00", "trial", f"{trial_day}T10:00:00Z"))
    return doc


ROWS: list[Row] = [
    # ---- Custody time limits [CTLR][CPR14]: one per charge while remanded ---------------------
    # Remanded Mon 3 Mar 2025 at first appearance; the day custody began is not counted.
    Row("CTLR-summary-only-56-days", lambda: remanded("summary", "2025-03-03"), CTL_SUMMARY, "2025-04-28", True,
        ("56 days from first appearance on Mon 3 Mar 2025", "expires on Mon 28 Apr 2025", "reg. 2(4)–(5)"),
        custody=True),
    Row("CTLR-either-way-70-days", lambda: remanded("either_way", "2025-03-03"), CTL_EW, "2025-05-12", True,
        ("70 days from first appearance on Mon 3 Mar 2025", "expires on Mon 12 May 2025")),
    Row("CTLR-either-way-56-after-summary-trial-decision",
        lambda: remanded("either_way", "2025-03-03", hearings=[allocation("2025-03-17")]), CTL_EW, "2025-04-28", True,
        ("56 days from first appearance on Mon 3 Mar 2025", "summary trial decided on Mon 17 Mar 2025")),
    Row("CTLR-either-way-summary-trial-decided-on-day-57-stays-70",
        lambda: remanded("either_way", "2025-03-03", hearings=[allocation("2025-04-29")]), CTL_EW, "2025-05-12", True,
        ("70 days from first appearance",)),
    Row("CTLR-either-way-vacated-allocation-decided-nothing",
        lambda: remanded("either_way", "2025-03-03", hearings=[allocation("2025-03-17", "vacated")]), CTL_EW,
        "2025-05-12", True, ("70 days from first appearance",)),
    # Sent Mon 17 Mar after 14 days in the magistrates' court: 182 − 14 = 168 days from sending.
    Row("CPR14-crown-182-less-days-in-the-magistrates-court",
        lambda: remanded("either_way", "2025-03-03", hearings=[sent_on("2025-03-17")]), CTL_CROWN, "2025-09-01", True,
        ("182 days from sending on Mon 17 Mar 2025, less 14 days already spent in custody in the magistrates' court",
         "expires on Mon 1 Sep 2025")),
    Row("CPR14-crown-indictable-only-sent-at-first-appearance", lambda: remanded("indictable_only", "2025-02-11"),
        CTL_CROWN, "2025-08-12", True,
        ("182 days from sending on Tue 11 Feb 2025 (indictable only: sent at first appearance)",
         "expires on Tue 12 Aug 2025")),
    Row("CPR14-crown-sent-on-bail-then-remanded-runs-from-the-remand",
        lambda: remanded("either_way", "2025-04-01", hearings=[sent_on("2025-03-17")]), CTL_CROWN, "2025-09-30", True,
        ("182 days from the remand in custody on Tue 1 Apr 2025 (sent on Mon 17 Mar 2025 on bail)",)),
    # ---- Remands in custody before conviction (s.128(6), s.128A MCA 1980) ----------------------
    # Remanded Mon 3 Mar 2025: 8 clear days (4–11 Mar), so back before the court by Wed 12 Mar.
    Row("BSTIM-first-remand-eight-clear-days", lambda: remanded("summary", "2025-03-03"), REMAND, "2025-03-12", True,
        ("Remanded in custody on Mon 3 Mar 2025", "at most 8 clear days", "no next hearing is listed"), custody=True),
    Row("BSTIM-first-remand-next-hearing-within-the-limit",
        lambda: remanded("summary", "2025-03-03", hearings=[hearing("HR", "B20BL00", "remand", "2025-03-11T10:00:00Z")]),
        REMAND, "2025-03-12", True, ("next hearing listed Tue 11 Mar 2025.",), done=True),
    # Remanded again on Fri 7 Mar and the next stage listed for Tue 1 Apr: a s.128A remand of up to 28 days.
    Row("BSTIM-later-remand-up-to-28-days-under-s128A",
        lambda: remanded("summary", "2025-03-03", hearings=[
            hearing("H1", "B20BL00", "remand", "2025-03-07T10:00:00Z", "adjourned"),
            hearing("H2", "B20BL00", "remand", "2025-04-01T10:00:00Z")]),
        REMAND, "2025-04-04", True, ("Remanded again on Fri 7 Mar 2025", "up to 28 days under s.128A"), done=True),
    Row("BSTIM-no-remand-limit-once-sent", lambda: remanded("either_way", "2025-03-03", hearings=[sent_on("2025-03-05")]),
        REMAND, None),
    Row("CPR14-crown-not-the-magistrates-limit-once-sent",
        lambda: remanded("either_way", "2025-03-03", hearings=[sent_on("2025-03-17")]), CTL_EW, None),
    # The 2020–21 coronavirus extension, by sending date: 28 Sep 2020 – 27 Jun 2021 inclusive.
    Row("CTLCOV-238-days-sent-on-the-first-day-28-Sep-2020",
        lambda: remanded("indictable_only", "2020-09-28", hearings=[sent_on("2020-09-28")]), CTL_COVID, "2021-05-24",
        True, ("238 days from sending on Mon 28 Sep 2020", "expires on Mon 24 May 2021")),
    Row("CTLCOV-not-the-182-day-rule-inside-the-window",
        lambda: remanded("indictable_only", "2020-09-28", hearings=[sent_on("2020-09-28")]), CTL_CROWN, None),
    Row("CTLCOV-238-days-sent-25-Jun-2021",
        lambda: remanded("indictable_only", "2021-06-25", hearings=[sent_on("2021-06-25")]), CTL_COVID, "2022-02-18",
        True, ("238 days from sending on Fri 25 Jun 2021",)),
    Row("CTLCOV-outside-the-window-sent-25-Sep-2020-is-182",
        lambda: remanded("indictable_only", "2020-09-25", hearings=[sent_on("2020-09-25")]), CTL_CROWN, "2021-03-26",
        True, ("182 days from sending on Fri 25 Sep 2020",)),
    Row("CTLCOV-outside-the-window-sent-25-Sep-2020-no-238",
        lambda: remanded("indictable_only", "2020-09-25", hearings=[sent_on("2020-09-25")]), CTL_COVID, None),
    # Sent Mon 28 Jun 2021: 182 days is Mon 27 Dec 2021, the substitute Christmas Day → Fri 24 Dec.
    Row("CTLCOV-outside-the-window-sent-28-Jun-2021-is-182-rolled-back-over-christmas",
        lambda: remanded("indictable_only", "2021-06-28", hearings=[sent_on("2021-06-28")]), CTL_CROWN, "2021-12-24",
        True, ("182 days from sending on Mon 28 Jun 2021",
               "the expiry fell on the Christmas Day (observed) bank holiday (Mon 27 Dec 2021)",
               "treated as expiring on the preceding working day, Fri 24 Dec 2021")),
    # Expiry on an excluded day moves to the preceding day that is not one (reg. 2(5)).
    Row("CTLR-expiry-on-early-May-bank-holiday-2025-rolls-back-to-Fri-2-May",
        lambda: remanded("summary", "2025-03-10"), CTL_SUMMARY, "2025-05-02", True,
        ("the expiry fell on the May Day bank holiday (Mon 5 May 2025)",
         "so it is treated as expiring on the preceding working day, Fri 2 May 2025", "reg. 2(4)–(5)")),
    Row("CTLR-expiry-on-Good-Friday-rolls-back-to-Thursday",
        lambda: remanded("summary", "2025-02-21"), CTL_SUMMARY, "2025-04-17", True,
        ("the expiry fell on Good Friday (Fri 18 Apr 2025)", "preceding working day, Thu 17 Apr 2025")),
    Row("CTLR-expiry-on-Easter-Monday-rolls-back-over-the-whole-weekend",
        lambda: remanded("summary", "2025-02-24"), CTL_SUMMARY, "2025-04-17", True,
        ("the Easter Monday bank holiday (Mon 21 Apr 2025)", "Thu 17 Apr 2025")),
    Row("CTLR-expiry-on-Christmas-Day-rolls-back-to-Christmas-Eve",
        lambda: remanded("summary", "2025-10-30"), CTL_SUMMARY, "2025-12-24", True,
        ("the expiry fell on Christmas Day (Thu 25 Dec 2025)", "Wed 24 Dec 2025")),
    Row("CTLR-expiry-on-Christmas-Day-on-a-Saturday-2021",
        lambda: remanded("summary", "2021-10-30"), CTL_SUMMARY, "2021-12-24", True,
        ("the expiry fell on Christmas Day (Sat 25 Dec 2021)", "Fri 24 Dec 2021")),
    Row("CTLR-expiry-on-a-Saturday-rolls-back-to-Friday",
        lambda: remanded("summary", "2025-03-08"), CTL_SUMMARY, "2025-05-02", True,
        ("the expiry fell on a Saturday (Sat 3 May 2025)", "Fri 2 May 2025")),
    Row("CTLR-expiry-on-the-state-funeral-2022",
        lambda: remanded("summary", "2022-07-25"), CTL_SUMMARY, "2022-09-16", True,
        ("State Funeral of Queen Elizabeth II", "(Mon 19 Sep 2022)", "Fri 16 Sep 2022")),
    Row("CTLR-expiry-on-the-coronation-2023",
        lambda: remanded("summary", "2023-03-13"), CTL_SUMMARY, "2023-05-05", True,
        ("Coronation of Charles III", "(Mon 8 May 2023)", "Fri 5 May 2023")),
    Row("CTLR-expiry-on-the-jubilee-Friday-2022-skips-Thursday-too",
        lambda: remanded("summary", "2022-04-08"), CTL_SUMMARY, "2022-06-01", True,
        ("Platinum Jubilee", "(Fri 3 Jun 2022)", "Wed 1 Jun 2022")),
    Row("CTLR-no-ctl-when-not-remanded",
        lambda: remanded("summary", "2025-03-03", status="conditional_bail"), CTL_SUMMARY, None),
    Row("CTLR-no-extension-notice-when-not-remanded",
        lambda: remanded("summary", "2025-03-03", status="conditional_bail"), CTL_NOTICE, None),
    Row("CTLR-guilty-plea-starts-the-trial-and-ends-the-ctl",
        lambda: remanded("either_way", "2025-03-03", plea="guilty"), CTL_EW, None),
    Row("CTLR-no-ctl-for-a-concluded-charge",
        lambda: remanded("either_way", "2025-03-03", offence_status="concluded"), CTL_EW, None),
    # Notice of an application to extend: the court hears it only after the expiry of 2 days (magistrates')
    # or 5 days (Crown Court) from the day notice is given, and before the CTL expires. Expiry Mon 28 Apr:
    # notice Fri 25 Apr → 2 days from it expire at the end of Sun 27 → hearing Mon 28 at the latest.
    Row("CPR14-extension-notice-magistrates-after-2-days", lambda: remanded("summary", "2025-03-03"), CTL_NOTICE,
        "2025-04-25", True, ("The CTL expires on Mon 28 Apr 2025", "the magistrates' court hears an application to "
                             "extend only after 2 days from the day notice is given", "so give notice by Fri 25 Apr 2025"),
        custody=True),
    Row("CPR14-extension-notice-crown-after-5-days", lambda: remanded("indictable_only", "2025-02-11"), CTL_NOTICE,
        "2025-08-06", True, ("The CTL expires on Tue 12 Aug 2025", "the Crown Court hears an application to extend "
                             "only after 5 days", "so give notice by Wed 6 Aug 2025")),
    Row("CPR14-extension-notice-counts-back-from-the-rolled-back-expiry",
        lambda: remanded("summary", "2025-03-10"), CTL_NOTICE, "2025-04-29", True,
        ("The CTL expires on Fri 2 May 2025", "so give notice by Tue 29 Apr 2025")),
    Row("CTLR-no-ctl-once-convicted",
        lambda: remanded("either_way", "2025-03-03", hearings=[hearing("HT", "B20BL00", "trial", "2025-04-14T10:00:00Z",
                                                                       "convicted")]), CTL_EW, None),
    Row("CTLR-no-ctl-awaiting-sentence",
        changed(lambda: remanded("either_way", "2025-03-03"), lambda doc: doc["case"].update(stage="awaiting_sentence")),
        CTL_EW, None),
    Row("CTLR-an-ineffective-trial-leaves-the-ctl-running",
        lambda: remanded("either_way", "2025-03-03", hearings=[hearing("HT", "B20BL00", "trial", "2025-04-14T10:00:00Z",
                                                                       "ineffective")]), CTL_EW, "2025-05-12", True),

    # ---- Statutory time limit for summary offences [S127][S39A] -------------------------------
    Row("S127-six-months-from-the-offence", lambda: summary_offence("2025-03-03"), STL, "2025-09-03", True,
        ("Last day to charge: Wed 3 Sep 2025", "six months from the offence on 3 Mar 2025",
         "s.127 MCA 1980 (day of the offence not counted)")),
    Row("S127-month-end-clamped-31-Aug-to-28-Feb", lambda: summary_offence("2024-08-31"), STL, "2025-02-28", True,
        ("Last day to charge: Fri 28 Feb 2025",)),
    Row("S127-month-end-clamped-to-29-Feb-in-a-leap-year", lambda: summary_offence("2023-08-31"), STL, "2024-02-29",
        True, ("Last day to charge: Thu 29 Feb 2024",)),
    Row("S127-done-once-charged", lambda: summary_offence("2025-03-03", charged="2025-03-04"), STL, "2025-09-03", True,
        ("Charged on Tue 4 Mar 2025.",), done=True),
    Row("S127-charged-after-the-limit-says-so", lambda: summary_offence("2024-08-31", charged="2025-03-03"), STL,
        "2025-02-28", True, ("Charged on Mon 3 Mar 2025 — after the time limit.",), done=True),
    Row("S127-common-assault-without-domestic-abuse", lambda: summary_offence("2025-01-01", code="CJ88001"), STL,
        "2025-07-01", True, ("six months from the offence on 1 Jan 2025",)),
    Row("S127-no-limit-for-an-either-way-offence", lambda: charged_on_bail("2025-03-03"), STL, None),
    Row("S39A-da-common-assault-6-months-from-the-statement",
        lambda: summary_offence("2025-01-01", da=True, statement_on="2025-03-01"), STL, "2025-09-01", True,
        ("domestic abuse common assault", "6 months from the complainant's first statement on 1 Mar 2025 (1 Sep 2025)",
         "s.39A CJA 1988")),
    Row("S39A-da-common-assault-capped-at-2-years",
        lambda: summary_offence("2025-01-01", da=True, statement_on="2026-11-20"), STL, "2027-01-01", True,
        ("2 years from the offence on 1 Jan 2025 (1 Jan 2027)",)),
    # Fail safe: with no statement yet, s.127's six months until one exists (not s.39A's two years).
    Row("S39A-da-common-assault-no-statement-yet-s127-six-months",
        lambda: summary_offence("2025-01-01", da=True), STL, "2025-07-01", True,
        ("no complainant's statement recorded: six months from the offence on 1 Jan 2025", "until a statement exists")),

    # ---- PACE detention clock [PACE ss.41–44]: times shown in Europe/London -------------------
    Row("PACE-24-hours-in-winter", lambda: police_custody("2025-03-09T20:15:00Z"), PACE, "2025-03-10", True,
        ("24 hours from the relevant time, 20:15 on Sun 9 Mar 2025", "by 20:15 on Mon 10 Mar 2025",
         "superintendent may extend to 36 hours"), custody=True),
    # 23:30 UTC on Tue 10 Jun is 00:30 BST on Wed 11 Jun: the clock ends at 00:30 on Thu 12 Jun.
    Row("PACE-24-hours-in-summer-shows-the-London-hour", lambda: police_custody("2025-06-10T23:30:00Z"), PACE,
        "2025-06-12", True, ("00:30 on Wed 11 Jun 2025", "by 00:30 on Thu 12 Jun 2025")),
    Row("PACE-the-same-clock-shown-in-UTC", lambda: police_custody("2025-06-10T23:30:00Z"), PACE, "2025-06-11", True,
        ("23:30 on Tue 10 Jun 2025", "by 23:30 on Wed 11 Jun 2025"), tz=UTC),
    Row("PACE-nothing-once-released-on-bail", lambda: on_precharge_bail(("2025-03-01", None)), PACE, None),

    # ---- Pre-charge bail [PCBSG][HALL][HOLB] ---------------------------------------------------
    Row("PCBSG-initial-3-months-beginning-with-the-start-day", lambda: on_precharge_bail(("2025-03-01", None)), BAIL,
        "2025-05-31", True,
        ("Bail started on Sat 1 Mar 2025", "the current period ends on Sat 31 May 2025 (3 months from the start)",
         "to extend to 6 months needs an inspector")),
    Row("HALL-extended-to-6-months-next-needs-a-superintendent",
        lambda: on_precharge_bail(("2025-03-01", "2025-06-01"), ("2025-06-01", "2025-09-01")), BAIL, "2025-09-01", True,
        ("(6 months from the start)", "to extend to 9 months needs a superintendent")),
    Row("HALL-extended-to-9-months-next-needs-a-court",
        lambda: on_precharge_bail(("2025-03-01", "2025-06-01"), ("2025-06-01", "2025-09-01"),
                                  ("2025-09-01", "2025-12-01")), BAIL, "2025-12-01", True,
        ("(9 months from the start)", "any further extension needs a magistrates' court")),
    Row("CHADLAW-court-extended-beyond-9-months",
        lambda: on_precharge_bail(("2025-03-01", "2025-06-01"), ("2025-06-01", "2025-09-01"),
                                  ("2025-09-01", "2025-12-01"), ("2025-12-01", "2026-03-01")), BAIL, "2026-03-01", True,
        ("more than 9 months from the start, extended by a magistrates' court",
         "any further extension needs a magistrates' court")),
    Row("PCBSG-3-months-clamped-at-month-end", lambda: on_precharge_bail(("2024-11-30", None)), BAIL, "2025-02-28",
        True, ("the current period ends on Fri 28 Feb 2025",)),
    Row("PCBSG-nothing-once-charged", lambda: charged_on_bail("2025-03-03"), BAIL, None),

    # ---- CPS charging decisions [CPSDH][CPSTASK] ----------------------------------------------
    Row("CPSDH-red-priority-3-hours",
        lambda: charging_request("2025-03-10T08:00:00Z", "red", file_type="PC-EXP"), PCD, "2025-03-10", False,
        ("submitted at 08:00 on Mon 10 Mar 2025", "within 3 hours, by 11:00"), custody=True),
    Row("CPSDH-red-across-midnight-BST",
        lambda: charging_request("2025-06-10T22:30:00Z", "red", file_type="PC-EXP"), PCD, "2025-06-11", False,
        ("submitted at 23:30 on Tue 10 Jun 2025", "by 02:30")),
    Row("CPSDH-expedite-file-without-category-is-red",
        lambda: charging_request("2025-03-10T08:00:00Z", None, file_type="PC-EXP"), PCD, "2025-03-10", False,
        ("within 3 hours",)),
    Row("CPSTASK-green-priority-5-days", lambda: charging_request("2025-03-05T11:00:00Z", "green_priority"), PCD,
        "2025-03-10", False, ("Submitted on Wed 5 Mar 2025: a 5-day review, due Mon 10 Mar 2025",)),
    Row("CPSTASK-green-28-days", lambda: charging_request("2025-03-05T11:00:00Z", "green"), PCD, "2025-04-02", False,
        ("a 28-day review, due Wed 2 Apr 2025",)),
    Row("CPSTASK-early-advice-28-days", lambda: charging_request("2025-03-05T11:00:00Z", "early_advice",
                                                                  file_type="PC-EA"),
        PCD, "2025-04-02", False, ("a 28-day review",)),
    # 23:30 UTC on Sun 1 Jun is 00:30 BST on Mon 2 Jun: the review is 28 days from Mon 2 Jun.
    Row("CPSTASK-green-submitted-after-midnight-BST-counts-from-the-London-day",
        lambda: charging_request("2025-06-01T23:30:00Z", "green"), PCD, "2025-06-30", False,
        ("Submitted on Mon 2 Jun 2025",)),
    Row("CPSTASK-nothing-once-decided", lambda: charging_request("2025-03-05T11:00:00Z", "green", outcome="compliant"),
        PCD, None),
    Row("CPSDH-police-response-to-a-triage-rejection", lambda: triage_rejection("2025-03-14"), PCD_RESPONSE,
        "2025-03-14", False, ("The CPS asked for a response by Fri 14 Mar 2025.",)),
    Row("CPSDH-police-response-done-when-resubmitted",
        lambda: triage_rejection("2025-03-14", answered_at="2025-03-12T09:00:00Z"), PCD_RESPONSE, "2025-03-14", False,
        done=True),

    # ---- Listing under Transforming Summary Justice [GAZTSJ] -----------------------------------
    Row("GAZTSJ-GAP-14-days-listed-in-time", lambda: charged_on_bail("2025-03-03", first_hearing="2025-03-17"), TSJ,
        "2025-03-17", False, ("a guilty plea bail case is listed 14 days after charge, by Mon 17 Mar 2025",
                              "First hearing listed for Mon 17 Mar 2025."), done=True),
    Row("GAZTSJ-GAP-listed-late", lambda: charged_on_bail("2025-03-03", first_hearing="2025-03-24"), TSJ,
        "2025-03-17", False, ("First hearing listed for Mon 24 Mar 2025 — later than the target.",)),
    Row("GAZTSJ-NGAP-28-days-not-yet-listed", lambda: charged_on_bail("2025-03-03", plea="NGAP"), TSJ, "2025-03-31",
        False, ("a not guilty plea bail case is listed 28 days after charge, by Mon 31 Mar 2025",)),
    Row("GAZTSJ-not-for-custody-cases", lambda: remanded("either_way", "2025-03-03"), TSJ, None),

    # ---- Better Case Management [OLLBCM]: sent Tue 11 Feb 2025 ----------------------------------
    Row("OLLBCM-PTPH-28-days", lambda: sent_case("2025-02-11", custody=True), BCM, "2025-03-11", False,
        ("Sent on Tue 11 Feb 2025: PTPH about 28 days later, Tue 11 Mar 2025.",), ref="PTPH", custody=True),
    Row("OLLBCM-PTPH-done-once-held", lambda: sent_case("2025-02-11", custody=True, ptph_outcome="adjourned"), BCM,
        "2025-03-11", False, ref="PTPH", done=True),
    Row("OLLBCM-stage-1-custody-50-days", lambda: sent_case("2025-02-11", custody=True), BCM, "2025-04-02", False,
        ("50 days after sending (custody)",), ref="Stage1"),
    Row("OLLBCM-stage-1-bail-70-days", lambda: sent_case("2025-02-11", custody=False), BCM, "2025-04-22", False,
        ("70 days after sending (bail)",), ref="Stage1", custody=False),
    Row("OLLBCM-stage-1-done-when-served-in-time",
        lambda: sent_case("2025-02-11", custody=True, disclosure_on="2025-03-31"), BCM, "2025-04-02", False,
        ref="Stage1", done=True),
    Row("OLLBCM-stage-1-served-late-is-not-done",
        lambda: sent_case("2025-02-11", custody=True, disclosure_on="2025-04-03"), BCM, "2025-04-02", False,
        ref="Stage1", done=False),
    Row("OLLBCM-stage-2-28-days-after-stage-1", lambda: sent_case("2025-02-11", custody=True), BCM, "2025-04-30",
        False, ("defence response including the defence statement, 28 days after Stage 1",), ref="Stage2"),
    Row("OLLBCM-stage-2-bail", lambda: sent_case("2025-02-11", custody=False), BCM, "2025-05-20", False, ref="Stage2"),
    Row("OLLBCM-stage-3-14-days-after-stage-2", lambda: sent_case("2025-02-11", custody=True), BCM, "2025-05-14",
        False, ("14 days after Stage 2 [unverified]",), ref="Stage3"),
    Row("OLLBCM-stage-4-14-days-after-stage-3", lambda: sent_case("2025-02-11", custody=True), BCM, "2025-05-28",
        False, ("14 days after Stage 3 [unverified]",), ref="Stage4"),
    Row("OLLBCM-stage-4-bail", lambda: sent_case("2025-02-11", custody=False), BCM, "2025-06-17", False, ref="Stage4"),
    Row("OLLBCM-nothing-until-sent", lambda: remanded("either_way", "2025-03-03"), BCM, None),

    # ---- Defence statement [DDTL]: N days *beginning with* the s.3 day ------------------------
    Row("DDTL-magistrates-14-days-counting-the-s3-day",
        changed(lambda: charged_on_bail("2025-03-03"), lambda doc: doc["case"].update(initial_disclosure_on="2025-03-10")),
        DEFENCE_STATEMENT, "2025-03-23", True,
        ("14 days beginning with Mon 10 Mar 2025, the day initial disclosure was served", "due Sun 23 Mar 2025")),
    Row("DDTL-crown-28-days-counting-the-s3-day",
        lambda: sent_case("2025-02-11", custody=True, disclosure_on="2025-03-31"), DEFENCE_STATEMENT, "2025-04-27",
        True, ("28 days beginning with Mon 31 Mar 2025", "(Crown Court)", "due Sun 27 Apr 2025")),
    Row("DDTL-nothing-before-initial-disclosure", lambda: charged_on_bail("2025-03-03"), DEFENCE_STATEMENT, None),

    # ---- Applications after a not guilty plea: CrimPR business days [CPR18][LHL] ---------------
    # NG plea Thu 3 Apr 2025: 20 business days skip Good Friday, Easter Monday and 5 May → Tue 6 May.
    Row("CPR18-special-measures-magistrates-20-business-days-over-Easter", lambda: ng_plea("2025-04-03"),
        SPECIAL_MEASURES, "2025-05-06", True,
        ("Not guilty plea on Thu 3 Apr 2025: 20 business days in the magistrates’ court, so by Tue 6 May 2025.",)),
    # NG plea at PTPH Thu 18 Dec 2025: 10 business days skip 25, 26 Dec and 1 Jan → Tue 6 Jan 2026.
    Row("CPR18-special-measures-crown-10-business-days-over-Christmas", lambda: ng_plea("2025-12-18", crown=True),
        SPECIAL_MEASURES, "2026-01-06", True, ("10 business days in the Crown Court, so by Tue 6 Jan 2026",)),
    Row("CPR18-no-special-measures-without-a-vulnerable-witness", lambda: ng_plea("2025-04-03", vulnerable=False),
        SPECIAL_MEASURES, None),
    Row("LHL-bad-character-magistrates-20-business-days",
        lambda: ng_plea("2025-04-03", vulnerable=False, bad_character=True), BAD_CHARACTER, "2025-05-06", True,
        ("20 business days in the magistrates’ court, so by Tue 6 May 2025",)),
    Row("LHL-bad-character-crown-10-business-days",
        lambda: ng_plea("2025-12-18", crown=True, vulnerable=False, bad_character=True), BAD_CHARACTER, "2026-01-06",
        True, ("10 business days in the Crown Court",)),
    Row("LHL-no-bad-character-notice-without-an-MG16", lambda: ng_plea("2025-04-03"), BAD_CHARACTER, None),
    Row("LHL-nothing-before-a-not-guilty-plea", lambda: charged_on_bail("2025-03-03"), BAD_CHARACTER, None),

    # ---- Victims' Code [CPSTC]: working days from the decision or result -----------------------
    Row("CPSTC-enhanced-rights-1-working-day-after-charge", lambda: victim_case("2025-02-21", enhanced=True),
        VICTIMS_CODE, "2025-02-24", False,
        ("Not yet told of: Liam CARTER charged on Fri 21 Feb 2025; 1 working day (enhanced rights) → Mon 24 Feb 2025",),
        ref="W1"),
    Row("CPSTC-other-victims-5-working-days", lambda: victim_case("2025-02-21", enhanced=False), VICTIMS_CODE,
        "2025-02-28", False, ("5 working days → Fri 28 Feb 2025",), ref="W1"),
    Row("CPSTC-enhanced-over-Christmas-2025", lambda: victim_case("2025-12-24", enhanced=True), VICTIMS_CODE,
        "2025-12-29", False, ("charged on Wed 24 Dec 2025", "→ Mon 29 Dec 2025"), ref="W1"),
    Row("CPSTC-others-over-Christmas-and-New-Year", lambda: victim_case("2025-12-24", enhanced=False), VICTIMS_CODE,
        "2026-01-05", False, ("5 working days → Mon 5 Jan 2026",), ref="W1"),
    Row("CPSTC-nothing-due-when-told-after-the-charge",
        lambda: victim_case("2025-02-21", enhanced=True, last_update_at="2025-02-21T18:00:00Z"), VICTIMS_CODE, None),
    Row("CPSTC-told-earlier-on-the-charge-day-is-not-told-of-the-charge",
        lambda: victim_case("2025-02-21", enhanced=True, last_update_at="2025-02-21T12:00:00Z"), VICTIMS_CODE,
        "2025-02-24", False, ("charged on Fri 21 Feb 2025",), ref="W1"),
    # In summer the charge is taken as 17:00 BST (16:00 UTC); told at 17:30 BST → nothing due.
    Row("CPSTC-told-at-17-30-BST-on-the-charge-day",
        lambda: victim_case("2025-06-20", enhanced=True, last_update_at="2025-06-20T16:30:00Z"), VICTIMS_CODE, None),
    Row("CPSTC-result-after-the-last-update",
        lambda: victim_case("2025-02-21", enhanced=True, last_update_at="2025-02-22T10:00:00Z",
                            hearings=[hearing("H1", "B20BL00", "first", "2025-03-07T10:00:00Z", "not_guilty_plea")]),
        VICTIMS_CODE, "2025-03-10", False, ("Not yet told of: hearing result: not guilty plea on Fri 7 Mar 2025",),
        ref="W1"),
    Row("CPSTC-result-with-no-received-time-on-the-case",
        changed(lambda: victim_case("2025-02-21", enhanced=False, hearings=[
            hearing("H1", "B20BL00", "first", "2025-03-07T10:00:00Z", "not_guilty_plea")]),
            lambda doc: doc["case"].update(received_at=None)),
        VICTIMS_CODE, "2025-02-28", False, ("Liam CARTER charged on Fri 21 Feb 2025",), ref="W1"),
    Row("CPSTC-decision-not-to-charge", _nfa_before_charge, VICTIMS_CODE, "2025-03-13", False,
        ("Not yet told of: CPS decision: no further action on Thu 6 Mar 2025; 5 working days → Thu 13 Mar 2025",),
        ref="W1"),

    # ---- Witness care: results within one working day [CPSWCU] ---------------------------------
    Row("CPSWCU-result-next-working-day", lambda: witness_result("2025-02-10T10:00:00Z"), WITNESS_RESULT,
        "2025-02-11", False, ("Result on Mon 10 Feb 2025 (not guilty plea) not yet passed on: by Tue 11 Feb 2025.",),
        ref="W1"),
    Row("CPSWCU-friday-result-by-monday", lambda: witness_result("2025-03-07T10:00:00Z", "convicted"),
        WITNESS_RESULT, "2025-03-10", False, ("(convicted)", "by Mon 10 Mar 2025"), ref="W1"),
    Row("CPSWCU-result-before-Easter", lambda: witness_result("2025-04-17T10:00:00Z"), WITNESS_RESULT,
        "2025-04-22", False, ("by Tue 22 Apr 2025",), ref="W1"),
    Row("CPSWCU-nothing-once-told",
        lambda: witness_result("2025-02-10T10:00:00Z", last_update_at="2025-02-10T16:00:00Z"), WITNESS_RESULT, None),

    # ---- Witness care: needs assessment after a NG plea, warning for trial (local figures) [U] ------
    Row("WCU-needs-assessment-5-working-days-after-NG-plea", lambda: ng_plea("2025-03-07"), NEEDS, "2025-03-14",
        False, ("Not guilty plea on Fri 7 Mar 2025: needs assessment within 5 working days (local figure), "
                "by Fri 14 Mar 2025.",), ref="W1"),
    Row("WCU-needs-assessment-over-Easter", lambda: ng_plea("2025-04-14"), NEEDS, "2025-04-23", False,
        ("by Wed 23 Apr 2025",), ref="W1"),
    Row("WCU-no-needs-assessment-for-police-witnesses", lambda: ng_plea("2025-03-07"), NEEDS, None, ref="W2"),
    Row("WCU-no-needs-assessment-before-a-plea", lambda: charged_on_bail("2025-03-03"), NEEDS, None),
    Row("WCU-needs-assessment-done", changed(lambda: ng_plea("2025-03-07"), _wc_task("needs_assessment", "W1")),
        NEEDS, None, ref="W1"),
    Row("WCU-needs-assessment-no-contact-is-still-due",
        changed(lambda: ng_plea("2025-03-07"), _wc_task("needs_assessment", "W1", outcome="no_contact")),
        NEEDS, "2025-03-14", False, ref="W1"),
    Row("WCU-warn-10-working-days-before-trial", lambda: trial_listed("2025-03-31"), WARN, "2025-03-17", False,
        ("Trial H2 on Mon 31 Mar 2025: warn 10 working days before (local figure), by Mon 17 Mar 2025.",),
        ref="W1/H2"),
    Row("WCU-warn-before-an-Easter-trial", lambda: trial_listed("2025-04-22"), WARN, "2025-04-04", False,
        ("by Fri 4 Apr 2025",), ref="W1/H2"),
    Row("WCU-police-witnesses-are-warned-by-duty-rosters", lambda: trial_listed("2025-03-31"), WARN, None,
        ref="W2/H2"),
    Row("WCU-warned-for-this-trial", changed(lambda: trial_listed("2025-03-31"),
                                             _wc_task("warn_for_trial", "W1", hearing="H2")), WARN, None),
    Row("WCU-warned-for-another-trial-still-due", changed(lambda: trial_listed("2025-03-31"),
                                                          _wc_task("warn_for_trial", "W1", hearing="H9")),
        WARN, "2025-03-17", False, ref="W1/H2"),
    Row("WCU-no-warning-once-the-trial-has-passed", lambda: trial_listed("2025-03-07"), WARN, None),

    # ---- Action plans [LHL][CPSDH], tasks and the charged file ---------------------------------
    Row("LHL-action-plan-item-open", sample, ACTION, "2025-03-07", False,
        ("Set by the CPS action plan A1: due Fri 7 Mar 2025.",), ref="A1-1"),
    Row("LHL-action-plan-item-done-is-marked-done", sample, ACTION, "2025-03-07", False, ref="A1-2", done=True),
    Row("LHL-action-plan-item-without-a-date-takes-the-plan-date",
        changed(sample, lambda doc: (_item("A1-1", due_date=None)(doc), doc["action_plans"][0].update(
            respond_by="2025-03-14"))), ACTION, "2025-03-14", False, ("due Fri 14 Mar 2025",), ref="A1-1"),
    Row("LHL-action-plan-item-cancelled", changed(sample, _item("A1-1", status="cancelled")), ACTION, None,
        ref="A1-1"),
    Row("TASK-open-task", sample, TASK, "2025-03-07", False, ("Due Fri 7 Mar 2025.",), ref="T1"),
    Row("TASK-done-task-is-marked-done", changed(sample, _task(status="done")), TASK, "2025-03-07", False, ref="T1",
        done=True),
    Row("TASK-cancelled-task", changed(sample, _task(status="cancelled")), TASK, None),
    Row("TASK-no-due-date", changed(sample, _task(due_date=None)), TASK, None),
    Row("COPCPT-file-2-working-days-after-charge", lambda: charged_on_bail("2025-02-21"), FILE, "2025-02-25", False,
        ("Charged on Fri 21 Feb 2025: the file is due 2 working days later, Tue 25 Feb 2025.",)),
    Row("COPCPT-file-over-Christmas", lambda: charged_on_bail("2025-12-24"), FILE, "2025-12-30", False,
        ("Charged on Wed 24 Dec 2025", "Tue 30 Dec 2025")),
    Row("COPCPT-file-3-working-days-when-configured", lambda: charged_on_bail("2025-02-21"), FILE, "2025-02-26", False,
        ("3 working days later, Wed 26 Feb 2025",), settings=DeadlineSettings(file_submission_working_days=3)),
    Row("COPCPT-file-1-working-day-when-configured", lambda: charged_on_bail("2025-02-21"), FILE, "2025-02-24", False,
        ("1 working day later, Mon 24 Feb 2025",), settings=DeadlineSettings(file_submission_working_days=1)),
    Row("COPCPT-file-sent-in-time", lambda: charged_on_bail("2025-02-21", file_sent_at="2025-02-24T09:00:00Z"), FILE,
        "2025-02-25", False, ("Submitted on Mon 24 Feb 2025.",), done=True),
    Row("COPCPT-file-sent-late-is-done-but-says-late",
        lambda: charged_on_bail("2025-02-21", file_sent_at="2025-02-27T09:00:00Z"), FILE, "2025-02-25", False,
        ("Submitted on Thu 27 Feb 2025 — late.",), done=True),
    Row("COPCPT-nothing-before-charge", lambda: charging_request("2025-03-05T11:00:00Z", "green"), FILE, None),
    Row("COPCPT-sample-case", sample, FILE, "2025-02-25", False, ("Tue 25 Feb 2025",)),
]


def _pick(row: Row) -> list[Deadline]:
    found = of_kind(run(row.doc(), settings=row.settings, tz=row.tz), row.kind)
    if row.ref is not None:
        found = [x for x in found if x.subject_ref == row.ref]
    return found


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_rule(row: Row):
    found = _pick(row)
    if row.due is None:
        assert found == []
        return
    assert len(found) == 1, [(x.subject, x.due) for x in found]
    x = found[0]
    assert x.due == d(row.due), x.basis
    assert x.rule.hard is row.hard, "statutory limit vs target"
    for words in row.words:
        assert words in x.basis
    assert x.done is row.done
    if row.custody is not None:
        assert x.custody is row.custody


def test_row_ids_are_unique_and_start_with_a_source_key():
    ids = [r.id for r in ROWS]
    assert len(ids) == len(set(ids))
    for r in ROWS:
        key = r.id.split("-")[0]
        assert key.isupper() and len(key) >= 3, r.id


def test_every_rule_in_the_catalogue_has_a_row_that_finds_a_deadline():
    dated = {r.kind for r in ROWS if r.due is not None}
    assert sorted(r.id for r in catalogue() if r.id not in dated) == []


# --------------------------------------------------------------------------------------------
# More than one at a time
# --------------------------------------------------------------------------------------------

def test_each_charge_has_its_own_ctl():
    doc = remanded("either_way", "2025-03-03")
    second = dict(doc["defendants"][0]["offences"][0], ref="D1-2", code="CJ88116", mode_of_trial="summary")
    doc["defendants"][0]["offences"].append(second)
    found = run(doc)
    assert [(x.kind, x.subject_ref, x.due) for x in found if x.kind.startswith("DEADLINE.CTL.MAG")] == [
        (CTL_SUMMARY, "D1-2", d("2025-04-28")), (CTL_EW, "D1-1", d("2025-05-12"))]
    assert len(of_kind(found, CTL_NOTICE)) == 2


def test_bcm_gives_the_ptph_and_four_stages():
    found = of_kind(run(sent_case("2025-02-11", custody=True)), BCM)
    assert [x.subject_ref for x in found] == ["PTPH", "Stage1", "Stage2", "Stage3", "Stage4"]


def test_pace_clock_due_at_is_the_instant_in_utc():
    (x,) = of_kind(run(police_custody("2025-06-10T23:30:00Z")), PACE)
    assert x.as_dict(date(2025, 6, 11))["due_at"] == "2025-06-11T23:30:00Z"
    (y,) = of_kind(run(police_custody("2025-06-11T00:30:00+01:00")), PACE)  # the same instant, BST offset
    assert y.as_dict(date(2025, 6, 11))["due_at"] == "2025-06-11T23:30:00Z"
    assert y.due == x.due == d("2025-06-12")


def test_finalised_case_has_no_deadlines():
    doc = sample()
    doc["case"]["stage"] = "finalised"
    assert run(doc) == []


# --------------------------------------------------------------------------------------------
# Every configurable figure changes the date it configures
# --------------------------------------------------------------------------------------------

# (setting, value, case, kind, subject_ref, due with the default, due with the value)
SETTINGS_ROWS = [
    ("pcd_red_hours", 2, lambda: charging_request("2025-03-10T22:30:00Z", "red", file_type="PC-EXP"), PCD, "S1",
     "2025-03-11", "2025-03-11"),
    ("pcd_red_hours", 1, lambda: charging_request("2025-03-10T22:30:00Z", "red", file_type="PC-EXP"), PCD, "S1",
     "2025-03-11", "2025-03-10"),
    ("pcd_green_priority_days", 7, lambda: charging_request("2025-03-05T11:00:00Z", "green_priority"), PCD, "S1",
     "2025-03-10", "2025-03-12"),
    ("pcd_green_days", 21, lambda: charging_request("2025-03-05T11:00:00Z", "green"), PCD, "S1",
     "2025-04-02", "2025-03-26"),
    ("tsj_gap_days", 10, lambda: charged_on_bail("2025-03-03"), TSJ, None, "2025-03-17", "2025-03-13"),
    ("tsj_ngap_days", 21, lambda: charged_on_bail("2025-03-03", plea="NGAP"), TSJ, None, "2025-03-31", "2025-03-24"),
    ("bcm_ptph_days", 20, lambda: sent_case("2025-02-11", custody=True), BCM, "PTPH", "2025-03-11", "2025-03-03"),
    ("bcm_stage1_custody_days", 40, lambda: sent_case("2025-02-11", custody=True), BCM, "Stage1", "2025-04-02",
     "2025-03-23"),
    ("bcm_stage1_bail_days", 60, lambda: sent_case("2025-02-11", custody=False), BCM, "Stage1", "2025-04-22",
     "2025-04-12"),
    ("bcm_stage2_days", 21, lambda: sent_case("2025-02-11", custody=True), BCM, "Stage2", "2025-04-30", "2025-04-23"),
    ("bcm_stage3_days", 7, lambda: sent_case("2025-02-11", custody=True), BCM, "Stage3", "2025-05-14", "2025-05-07"),
    ("bcm_stage4_days", 7, lambda: sent_case("2025-02-11", custody=True), BCM, "Stage4", "2025-05-28", "2025-05-21"),
    ("sm_magistrates_business_days", 10, lambda: ng_plea("2025-04-03"), SPECIAL_MEASURES, None, "2025-05-06",
     "2025-04-17"),
    ("sm_crown_business_days", 5, lambda: ng_plea("2025-12-18", crown=True), SPECIAL_MEASURES, None, "2026-01-06",
     "2025-12-29"),
    ("bc_magistrates_business_days", 10, lambda: ng_plea("2025-04-03", bad_character=True), BAD_CHARACTER, None,
     "2025-05-06", "2025-04-17"),
    ("bc_crown_business_days", 5, lambda: ng_plea("2025-12-18", crown=True, bad_character=True), BAD_CHARACTER, None,
     "2026-01-06", "2025-12-29"),
    ("vc_enhanced_working_days", 2, lambda: victim_case("2025-02-21", enhanced=True), VICTIMS_CODE, "W1",
     "2025-02-24", "2025-02-25"),
    ("vc_other_working_days", 10, lambda: victim_case("2025-02-21", enhanced=False), VICTIMS_CODE, "W1",
     "2025-02-28", "2025-03-07"),
    ("wcu_needs_assessment_working_days", 2, lambda: ng_plea("2025-03-07"), NEEDS, "W1", "2025-03-14",
     "2025-03-11"),
    ("wcu_warning_working_days_before_trial", 5, lambda: trial_listed("2025-03-31"), WARN, "W1/H2", "2025-03-17",
     "2025-03-24"),
    ("results_working_days", 2, lambda: witness_result("2025-03-07T10:00:00Z"), WITNESS_RESULT, "W1",
     "2025-03-10", "2025-03-11"),
    ("file_submission_working_days", 5, lambda: charged_on_bail("2025-12-24"), FILE, None, "2025-12-30",
     "2026-01-05"),
    ("ctl_coronavirus_days", 230, lambda: remanded("indictable_only", "2020-09-28", hearings=[sent_on("2020-09-28")]),
     CTL_COVID, "D1-1", "2021-05-24", "2021-05-14"),
]


@pytest.mark.parametrize("setting,value,make,kind,ref,default_due,due", SETTINGS_ROWS,
                         ids=[f"{r[0]}={r[1]}" for r in SETTINGS_ROWS])
def test_configurable_figure_changes_the_date(setting, value, make, kind, ref, default_due, due):
    def pick(settings):
        found = [x for x in of_kind(run(make(), settings=settings), kind) if ref is None or x.subject_ref == ref]
        assert len(found) == 1
        return found[0].due

    assert pick(DEFAULT_SETTINGS) == d(default_due)
    assert pick(DeadlineSettings(**{setting: value})) == d(due)


def test_configurable_rules_say_which_figure_in_as_dict():
    (x,) = of_kind(run(charged_on_bail("2025-02-21")), FILE)
    out = x.as_dict(date(2025, 3, 10))
    assert (out["configurable"], out["setting"]) == (True, "file_submission_working_days")
    (y,) = of_kind(run(remanded("summary", "2025-03-03")), CTL_SUMMARY)
    out = y.as_dict(date(2025, 3, 10))
    assert (out["configurable"], out["setting"]) == (False, None)


def test_every_configurable_figure_has_a_row():
    assert {f.name for f in fields(DeadlineSettings)} == {r[0] for r in SETTINGS_ROWS}


def test_settings_from_values_ignores_unknown_keys_and_reads_numbers():
    s = DeadlineSettings.from_values({"file_submission_working_days": "3", "no_such_figure": 9})
    assert s.file_submission_working_days == 3 and s.pcd_red_hours == DEFAULT_SETTINGS.pcd_red_hours


# --------------------------------------------------------------------------------------------
# What every rule declares
# --------------------------------------------------------------------------------------------

UNITS = {"hours", "calendar days", "working days", "business days", "calendar months"}


@pytest.mark.parametrize("rule", catalogue(), ids=[r.id for r in catalogue()])
def test_rule_declares_source_confidence_unit_and_roll(rule):
    assert rule.source.strip() and rule.title.strip() and rule.explanation.strip() and rule.family.strip()
    assert rule.confidence in (VERIFIED, SECONDARY, UNVERIFIED)
    assert rule.unit in UNITS
    assert rule.roll in ("back", "forward", "none")
    assert rule.excluded.strip()
    if rule.roll != "none":
        assert rule.excluded != "none"
    if rule.setting is not None:
        assert rule.setting in {f.name for f in fields(DeadlineSettings)}
        assert rule.configurable
    else:
        assert not rule.configurable


def test_ctl_rules_are_statutory_roll_back_and_exclude_the_reg_2_5_days():
    ctl = [r for r in catalogue() if r.id.startswith("DEADLINE.CTL.") and r.id != CTL_NOTICE]
    assert len(ctl) == 4
    for r in ctl:
        assert r.hard and r.roll == "back" and not r.start_day_counted
        assert r.excluded == "Saturdays, Sundays, Christmas Day, Good Friday and bank holidays"


def test_catalogue_ids_are_unique_and_sorted():
    ids = [r.id for r in catalogue()]
    assert ids == sorted(set(ids))


@pytest.mark.parametrize("row", [r for r in ROWS if r.due is not None and r.words], ids=lambda r: r.id)
def test_as_dict_carries_what_the_worklist_shows(row):
    x = _pick(row)[0]
    out = x.as_dict(date(2025, 3, 10))
    assert out["kind"] == row.kind and out["due"] == row.due and out["basis"] == x.basis
    assert out["hard"] is row.hard
    assert out["source"] == x.rule.source and out["confidence"] == x.rule.confidence
    assert out["configurable"] is (x.rule.setting is not None)
    assert out["setting"] == x.rule.setting
    assert out["status"] == ("done" if row.done else x.status(date(2025, 3, 10)))
    assert json.loads(json.dumps(out)) == out


LIMITS = {"summary": (CTL_SUMMARY, 56, 2), "either_way": (CTL_EW, 70, 2), "indictable_only": (CTL_CROWN, 182, 5)}


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(2019, 1, 1), max_value=date(2028, 5, 31)), st.sampled_from(sorted(LIMITS)))
def test_ctl_expiry_is_the_last_permitted_day_on_or_before_the_limit(remanded_on, mode):
    """Any remand date, any mode: the expiry is the limit rolled back over reg. 2(5) days and no
    further; notice of an extension is due N + 1 days before it. (The 2020–21 window is left out:
    its own rows are above.)"""
    assume(not date(2020, 9, 28) <= remanded_on <= date(2021, 6, 27))
    kind, days, notice_days = LIMITS[mode]
    found = run(remanded(mode, remanded_on.isoformat()))
    (ctl,) = of_kind(found, kind)
    (notice,) = of_kind(found, CTL_NOTICE)
    raw = remanded_on + timedelta(days=days)
    c = eng()
    assert ctl.due <= raw and not c.is_ctl_excluded(ctl.due)
    assert all(c.is_ctl_excluded(ctl.due + timedelta(days=i)) for i in range(1, (raw - ctl.due).days + 1))
    assert (raw - ctl.due).days <= 4  # at worst Easter Monday back to Maundy Thursday
    assert notice.due == ctl.due - timedelta(days=notice_days + 1)
    assert ("the expiry fell on" in ctl.basis) is (ctl.due != raw)
