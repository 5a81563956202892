"""Stored deadlines: written when a case is imported, replaced when its facts change, the same rows
every time the facts are the same, gone once the case is finalised, and moved by the figures
administrators hold (a one-off bank holiday, a service level). The sample case (tests/interchange)
is a domestic abuse ABH charged on Fri 21 Feb 2025, the victim with enhanced rights, first hearing
listed Fri 21 Mar 2025, no charged file sent yet."""

import copy
import json
from datetime import date

import pytest
from holidays import country_holidays

from casework.cases.models import Case
from casework.cases.services import case_transition
from casework.deadlines.models import CaseDeadline, ServiceLevel
from casework.deadlines.services import (
    LONDON,
    case_deadlines_recompute,
    deadlines_recompute_open,
    service_levels_ensure,
    settings_load,
)
from casework.deadlines.tasks import deadlines_recompute_all
from casework.interchange.services import Importer
from casework.reference.models import BankHoliday, BankHolidaySource
from casework.rules.calendar import Calendar
from casework.rules.deadlines import DEFAULT_SETTINGS, DeadlineSettings, deadlines_for
from casework.rules.snapshot import snapshot_from_casefile

pytestmark = pytest.mark.django_db

FILE = "DEADLINE.FILE.POST_CHARGE_SUBMISSION"
VICTIMS_CODE = "DEADLINE.VICTIMS_CODE.UPDATE"
SPECIAL_MEASURES = "DEADLINE.APPLICATIONS.SPECIAL_MEASURES"
TSJ = "DEADLINE.TSJ.FIRST_HEARING"

# What a caseworker sees on the sample case: (kind, subject_ref, due, done, statutory)
SAMPLE_DEADLINES = {
    (VICTIMS_CODE, "W1", date(2025, 2, 24), False, False),  # charged Fri 21 Feb: 1 working day
    (FILE, "", date(2025, 2, 25), False, False),  # 2 working days after charge
    ("DEADLINE.ACTION_PLAN.ITEM", "A1-1", date(2025, 3, 7), False, False),
    ("DEADLINE.ACTION_PLAN.ITEM", "A1-2", date(2025, 3, 7), True, False),
    ("DEADLINE.TASK", "T1", date(2025, 3, 7), False, False),
    (TSJ, "", date(2025, 3, 21), True, False),  # NGAP: 28 days after charge, listed in time
}


def _import(doc, today, name="a.json"):
    outcome = Importer(today=today).import_bytes(json.dumps(doc).encode(), name)
    assert outcome.status in ("created", "updated"), outcome.problems
    return Case.objects.get(urn=doc["case"]["urn"])


def _stored(case):
    return {(r.kind, r.subject_ref, r.due, r.done, r.hard) for r in CaseDeadline.objects.filter(case=case)}


def _due(case, kind, ref=""):
    return CaseDeadline.objects.get(case=case, kind=kind, subject_ref=ref).due


def _rows(case):
    """Everything stored about each deadline except when it was computed."""
    return sorted(
        tuple(v for k, v in row.items() if k not in ("id", "computed_at"))
        for row in CaseDeadline.objects.filter(case=case).values()
    )


def test_importing_a_case_stores_its_deadlines(units, sample_doc, today):
    case = _import(sample_doc, today)
    assert _stored(case) == SAMPLE_DEADLINES
    vc = CaseDeadline.objects.get(case=case, kind=VICTIMS_CODE)
    assert vc.basis == ("Not yet told of: Liam CARTER charged on Fri 21 Feb 2025; 1 working day (enhanced rights) "
                        "→ Mon 24 Feb 2025.")
    assert vc.source.startswith("Code of Practice for Victims of Crime") and vc.confidence == "secondary"
    file_row = CaseDeadline.objects.get(case=case, kind=FILE)
    assert file_row.configurable and not file_row.hard and file_row.title.startswith("Charged file to the CPS")


def test_stored_deadlines_are_what_the_engine_says_about_the_file(units, sample_doc, today):
    case = _import(sample_doc, today)
    calendar = Calendar(dict(country_holidays("GB", subdiv="ENG", years=range(2024, 2027)).items()))
    pure = deadlines_for(snapshot_from_casefile(sample_doc), today=today, calendar=calendar, tz=LONDON)
    assert sorted((d.kind, d.subject_ref or "", d.due, d.basis) for d in pure) == sorted(
        CaseDeadline.objects.filter(case=case).values_list("kind", "subject_ref", "due", "basis"))


def test_recompute_is_idempotent(units, sample_doc, today):
    case = _import(sample_doc, today)
    before = _rows(case)
    # Nothing changed since the import computed them: no case is rewritten, the rows stay the same.
    assert case_deadlines_recompute(case_ids=[case.pk], today=today) == 0
    assert _rows(case) == before
    assert case_deadlines_recompute(case_ids=[case.pk], today=today) == 0
    assert _rows(case) == before
    deadlines_recompute_open()
    deadlines_recompute_open()
    assert _rows(case) == before
    assert CaseDeadline.objects.count() == len(SAMPLE_DEADLINES)


def test_reimporting_with_a_later_charge_date_moves_the_deadlines(units, sample_doc, today):
    case = _import(sample_doc, today)
    changed = copy.deepcopy(sample_doc)
    changed["defendants"][0]["offences"][0]["charge_date"] = "2025-02-24"  # Monday instead of Friday
    _import(changed, today, "b.json")
    assert _due(case, FILE) == date(2025, 2, 26)  # Mon + 2 working days
    assert _due(case, VICTIMS_CODE, "W1") == date(2025, 2, 25)
    assert _due(case, TSJ) == date(2025, 3, 24)
    assert CaseDeadline.objects.filter(case=case).count() == len(SAMPLE_DEADLINES)
    assert "charged on Mon 24 Feb 2025" in CaseDeadline.objects.get(case=case, kind=VICTIMS_CODE).basis


def test_reimporting_with_a_new_hearing_adds_its_deadlines(units, sample_doc, today):
    case = _import(sample_doc, today)
    assert not CaseDeadline.objects.filter(case=case, kind=SPECIAL_MEASURES).exists()
    changed = copy.deepcopy(sample_doc)
    changed["hearings"][0].update(starts_at="2025-03-07T10:00:00Z", outcome="not_guilty_plea")
    changed["hearings"].append({"ref": "H2", "court_code": "B20BL00", "type": "trial",
                                "starts_at": "2025-04-14T10:00:00Z", "outcome": None, "notes": ""})
    _import(changed, today, "b.json")
    # NG plea Fri 7 Mar 2025; the complainant is vulnerable: 20 business days → Fri 4 Apr 2025.
    sm = CaseDeadline.objects.get(case=case, kind=SPECIAL_MEASURES)
    assert sm.due == date(2025, 4, 4) and sm.hard
    assert "Not guilty plea on Fri 7 Mar 2025" in sm.basis


def test_a_finalised_case_has_no_live_deadlines(units, sample_doc, today):
    other = copy.deepcopy(sample_doc)
    other["case"]["urn"] = "20BH0456825"
    other_case = _import(other, today, "other.json")
    sample_doc["hearings"][0].update(starts_at="2025-03-07T10:00:00Z", outcome="discontinued")
    case = _import(sample_doc, today)
    assert CaseDeadline.objects.filter(case=case).exists()

    case_transition(case=case, to="finalised", outcome="discontinued", reason="CPS discontinued.")
    deadlines_recompute_open()
    assert not CaseDeadline.objects.filter(case=case).exists()
    assert _stored(other_case) == SAMPLE_DEADLINES

    # Left-over rows on a finalised case (say from before it was closed) are cleared nightly.
    CaseDeadline.objects.create(case=case, kind=FILE, title="t", subject="s", due=date(2025, 2, 25), hard=False,
                                basis="b", source="s", confidence="unverified", computed_at=case.updated_at)
    result = deadlines_recompute_open()
    assert not CaseDeadline.objects.filter(case=case).exists()
    assert result["cases"] == 1 and result["deadlines"] == len(SAMPLE_DEADLINES)


def test_an_administrators_one_off_bank_holiday_moves_a_working_day_deadline(units, sample_doc, today):
    case = _import(sample_doc, today)
    assert _due(case, FILE) == date(2025, 2, 25)
    BankHoliday.objects.create(date=date(2025, 2, 24), title="One-off holiday", source=BankHolidaySource.ADMIN)
    deadlines_recompute_open()
    # Fri 21 Feb charge: Mon 24 is now a holiday, so the 2 working days are Tue 25 and Wed 26.
    assert _due(case, FILE) == date(2025, 2, 26)
    assert _due(case, VICTIMS_CODE, "W1") == date(2025, 2, 25)
    assert _due(case, "DEADLINE.TASK", "T1") == date(2025, 3, 7)  # calendar days: unmoved


def test_a_govuk_row_is_not_an_override(units, sample_doc, today):
    """Only administrators' rows are added to `holidays`: a GOV.UK row is already in it."""
    case = _import(sample_doc, today)
    assert BankHoliday.objects.filter(source=BankHolidaySource.GOVUK).exists()  # loaded reference data
    BankHoliday.objects.create(date=date(2025, 2, 24), title="Not really", source=BankHolidaySource.GOVUK)
    deadlines_recompute_open()
    assert _due(case, FILE) == date(2025, 2, 25)


def test_changing_a_service_level_changes_the_stored_due_date(units, sample_doc, today):
    case = _import(sample_doc, today)
    service_levels_ensure()
    assert settings_load() == DEFAULT_SETTINGS
    level = ServiceLevel.objects.get(key="file_submission_working_days")
    assert level.value == 2 and level.unit == "working days"
    level.value = 3
    level.save()
    assert settings_load() == DeadlineSettings(file_submission_working_days=3)
    deadlines_recompute_open()
    row = CaseDeadline.objects.get(case=case, kind=FILE)
    assert row.due == date(2025, 2, 26)
    assert "3 working days later, Wed 26 Feb 2025" in row.basis


def test_service_levels_ensure_creates_every_figure_once(db):
    service_levels_ensure()
    service_levels_ensure()
    assert ServiceLevel.objects.count() == len(DeadlineSettings.__dataclass_fields__)
    assert ServiceLevel.objects.get(key="ctl_coronavirus_days").value == 238


def test_the_nightly_task_recomputes_every_open_case(units, sample_doc, today):
    case = _import(sample_doc, today)
    CaseDeadline.objects.filter(case=case).delete()
    result = deadlines_recompute_all.enqueue()
    assert result.status == "SUCCESSFUL", result.errors
    counts = result.return_value
    assert counts["cases"] == 1 and counts["deadlines"] == len(SAMPLE_DEADLINES) and "seconds" in counts
    assert _stored(case) == SAMPLE_DEADLINES


def test_the_case_page_orders_a_clock_ending_after_midnight_bst_after_a_limit_due_the_day_before(units, sample_doc,
                                                                                                 today):
    """23:30 UTC on Tue 10 Jun is 00:30 BST on Wed 11 Jun: a limit due on Tuesday comes first."""
    from datetime import UTC, datetime

    from casework.deadlines.selectors import case_deadlines

    case = _import(sample_doc, today)
    CaseDeadline.objects.filter(case=case).delete()
    common = {"case": case, "subject": "D1", "hard": True, "basis": "b", "source": "s", "confidence": "high",
              "computed_at": datetime(2025, 5, 1, tzinfo=UTC)}
    CaseDeadline.objects.create(kind="CLOCK", title="Clock", due=date(2025, 6, 11),
                                due_at=datetime(2025, 6, 10, 23, 30, tzinfo=UTC), **common)
    CaseDeadline.objects.create(kind="LIMIT", title="Limit", due=date(2025, 6, 10), **common)
    order = [row["deadline"].kind for row in case_deadlines(case, today=date(2025, 5, 1))]
    assert order == ["LIMIT", "CLOCK"]


def test_a_limit_past_the_calendars_years_is_stored_as_cannot_compute_and_shown_on_the_case(units, sample_doc, today):
    """A case whose dates run past the calendar's last year: the run gives that case a 'cannot
    compute' deadline due today, keeps every other deadline, and the case page says so."""
    case = _import(sample_doc, today)
    short = Calendar.of(((d, n) for d, n in country_holidays("GB", subdiv="ENG", years=[2024]).items()), years=[2024])
    case_deadlines_recompute(case_ids=[case.pk], today=today, calendar=short)
    problems = CaseDeadline.objects.filter(case=case, kind="DEADLINE.CANNOT_COMPUTE")
    assert problems.exists() and all(p.due == today and p.hard for p in problems)
    assert all("bank holidays of 2025 are not known" in p.basis for p in problems)
    assert CaseDeadline.objects.filter(case=case, kind="DEADLINE.TASK").exists()  # the others still there


def test_an_assumed_fact_is_stored_with_the_deadline(units, sample_doc, today):
    doc = copy.deepcopy(sample_doc)
    for o in doc["defendants"][0]["offences"]:
        o["mode_of_trial"] = None
    case = _import(doc, today)
    stl = CaseDeadline.objects.filter(case=case, kind="DEADLINE.STL.SUMMARY")
    assert stl.exists() and all("treated as summary only" in r.assumption for r in stl)
