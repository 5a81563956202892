"""Status buckets and the one urgency order every worklist uses [CPSDH]: weeks run Monday to Sunday;
open before done; by bucket; within a bucket statutory limits before targets, then the earliest,
then custody cases first among equals. And the order never depends on how a file lists its parts.
Pure: no database."""

from __future__ import annotations

import copy
import random
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casework.rules.deadlines import BUCKETS, Deadline, DeadlineRule, bucket, urgency_key

from ..quality.builders import hearing, material, submission, witness
from .builders import d, remanded, run, sent_on

# --------------------------------------------------------------------------------------------
# Buckets
# --------------------------------------------------------------------------------------------

# (today, due, bucket)
BUCKET_ROWS = [
    ("2025-03-12", "2025-03-11", "expired"),  # Wed: yesterday
    ("2025-03-12", "2024-12-31", "expired"),
    ("2025-03-12", "2025-03-12", "today"),
    ("2025-03-12", "2025-03-13", "tomorrow"),
    ("2025-03-12", "2025-03-14", "this_week"),
    ("2025-03-12", "2025-03-16", "this_week"),  # Sunday ends the week
    ("2025-03-12", "2025-03-17", "next_week"),  # Monday starts the next
    ("2025-03-12", "2025-03-23", "next_week"),
    ("2025-03-12", "2025-03-24", "later"),
    ("2025-03-14", "2025-03-15", "tomorrow"),  # Fri → Sat
    ("2025-03-14", "2025-03-16", "this_week"),
    ("2025-03-15", "2025-03-16", "tomorrow"),  # Sat → Sun
    ("2025-03-15", "2025-03-17", "next_week"),
    ("2025-03-16", "2025-03-17", "tomorrow"),  # Sunday → Monday: tomorrow, not next week
    ("2025-03-16", "2025-03-18", "next_week"),  # on a Sunday nothing is left of this week
    ("2025-03-16", "2025-03-23", "next_week"),
    ("2025-03-16", "2025-03-24", "later"),
    ("2025-03-10", "2025-03-16", "this_week"),  # Monday: the whole week ahead
    ("2025-03-10", "2025-03-23", "next_week"),
    ("2025-12-29", "2026-01-04", "this_week"),  # a week across the year end
    ("2025-12-29", "2026-01-05", "next_week"),
]


@pytest.mark.parametrize("today,due,expected", BUCKET_ROWS, ids=[f"{r[0]}:{r[1]}" for r in BUCKET_ROWS])
def test_bucket(today, due, expected):
    assert bucket(d(due), d(today)) == expected


# --------------------------------------------------------------------------------------------
# Urgency order
# --------------------------------------------------------------------------------------------

TODAY = date(2025, 3, 12)  # a Wednesday


def rule(rule_id: str, hard: bool) -> DeadlineRule:
    return DeadlineRule(id=rule_id, title=rule_id, family="Test", unit="calendar days", start_day_counted=False,
                        excluded="none", roll="none", hard=hard, source="test", confidence="verified",
                        explanation="")


HARD, SOFT = rule("T.HARD", True), rule("T.SOFT", False)


def dl(name: str, due: str, *, hard: bool = True, done: bool = False, custody: bool = False,
       due_at: datetime | None = None) -> Deadline:
    return Deadline(HARD if hard else SOFT, name, name, d(due), name, due_at=due_at, done=done, custody=custody)


def ordered(*items: Deadline) -> list[str]:
    return [x.subject for x in sorted(items, key=lambda x: urgency_key(x, TODAY))]


def test_open_before_done_even_when_the_done_one_is_older():
    assert ordered(dl("done-expired", "2025-03-01", done=True), dl("open-later", "2025-06-01", hard=False)) == [
        "open-later", "done-expired"]


def test_by_bucket_first_even_a_target_expired_before_a_statutory_limit_later():
    items = [dl("later-hard", "2025-05-01"), dl("next-week-hard", "2025-03-18"), dl("this-week-soft", "2025-03-14",
             hard=False), dl("tomorrow-soft", "2025-03-13", hard=False), dl("today-soft", "2025-03-12", hard=False),
             dl("expired-soft", "2025-03-11", hard=False)]
    assert ordered(*items) == ["expired-soft", "today-soft", "tomorrow-soft", "this-week-soft", "next-week-hard",
                               "later-hard"]
    assert [bucket(x.due, TODAY) for x in items][::-1] == list(BUCKETS)


def test_within_a_bucket_hard_before_soft_even_when_soft_is_earlier():
    assert ordered(dl("soft-fri", "2025-03-14", hard=False), dl("hard-sun", "2025-03-16")) == ["hard-sun", "soft-fri"]


def test_within_a_bucket_and_hardness_earliest_first():
    assert ordered(dl("sun", "2025-03-16"), dl("fri", "2025-03-14"), dl("sat", "2025-03-15")) == ["fri", "sat", "sun"]


def test_custody_first_among_equals():
    assert ordered(dl("bail", "2025-03-14"), dl("custody", "2025-03-14", custody=True)) == ["custody", "bail"]


def test_custody_does_not_jump_an_earlier_deadline():
    assert ordered(dl("custody-sun", "2025-03-16", custody=True), dl("bail-fri", "2025-03-14")) == [
        "bail-fri", "custody-sun"]


def test_clock_deadlines_by_their_instant_and_before_the_end_of_the_same_day():
    items = [dl("date-only-fri", "2025-03-14"),
             dl("clock-17:00-fri", "2025-03-14", due_at=datetime(2025, 3, 14, 17, 0, tzinfo=UTC)),
             dl("clock-09:00-fri", "2025-03-14", due_at=datetime(2025, 3, 14, 9, 0, tzinfo=UTC))]
    assert ordered(*items) == ["clock-09:00-fri", "clock-17:00-fri", "date-only-fri"]


def test_a_clock_ending_just_after_midnight_bst_is_not_before_the_previous_day():
    """00:30 BST on Thu 12 Jun is 23:30 UTC on Wed 11 Jun; the clock is due on the Thursday (London),
    so a limit due on the Wednesday comes first."""
    today = date(2025, 6, 9)  # Monday
    wed = dl("limit-wed", "2025-06-11")
    thu = dl("pace-thu-00:30", "2025-06-12", due_at=datetime(2025, 6, 11, 23, 30, tzinfo=UTC))
    assert [x.subject for x in sorted([thu, wed], key=lambda x: urgency_key(x, today))] == ["limit-wed",
                                                                                             "pace-thu-00:30"]


def test_status_is_done_or_the_bucket():
    assert dl("x", "2025-03-01", done=True).status(TODAY) == "done"
    assert dl("x", "2025-03-01").status(TODAY) == "expired"


def test_deadlines_for_returns_worklist_order():
    found = run(remanded("either_way", "2025-03-03", hearings=[sent_on("2025-03-17")]), today=TODAY)
    assert found == sorted(found, key=lambda x: urgency_key(x, TODAY))
    assert found[-1].done  # the file was sent: done sinks to the bottom


# --------------------------------------------------------------------------------------------
# The order of the input never changes the output
# --------------------------------------------------------------------------------------------

def busy_case() -> dict:
    """Two defendants charged the same day (one remanded on two charges and sent, one on bail);
    two victims and a witness, none yet told; results, a not guilty plea, an MG16, charging
    requests, an action plan and tasks: most rules fire, several on the same day."""
    doc = remanded("either_way", "2025-02-11", hearings=[
        sent_on("2025-02-25", "H1"),
        hearing("H2", "C20BI00", "ptph", "2025-03-25T10:00:00Z", "not_guilty_plea"),
        hearing("H3", "B20BL00", "first", "2025-02-11T10:00:00Z", "adjourned"),
    ])
    doc["case"].update(venue="crown", stage="sent_to_crown", initial_disclosure_on="2025-03-31")
    d1 = doc["defendants"][0]
    d1["offences"].append(dict(d1["offences"][0], ref="D1-2", code="CJ88116", mode_of_trial="summary"))
    d2 = copy.deepcopy(d1)
    d2.update(ref="D2", forenames="Kai", surname="Adams", status="conditional_bail", custody_episodes=[])
    for o, ref in zip(d2["offences"], ("D2-1", "D2-2"), strict=True):
        o["ref"] = ref
    doc["defendants"].append(d2)
    doc["witnesses"] = [
        witness("W1", "Aaron", "Grant", "victim", grounds=["fear_or_distress"]),
        witness("W2", "Bea", "Grant", "victim"),
        witness("W3", "Nadia", "Rahman", "civilian"),
        witness("W4", "Lewis", "Hall", "police"),
    ]
    doc["materials"] += [
        material("M90", "MG16", "MG16 Bad character", defendant="D1", dclass="police_cps_only"),
        material("M91", "MG11", "Statement of Bea Grant", witness="W2", signed=True, signed_date="2025-02-10"),
    ]
    doc["submissions"] = [
        submission("S1", "PC-EXP", "2025-02-10T04:00:00Z", category="red", outcome="compliant"),
        submission("S2", "PC-STD", "2025-03-05T11:00:00Z", category="green"),
        submission("S3", "PC-STD", "2025-03-05T11:00:00Z", category="green_priority"),
    ]
    doc["action_plans"] = [
        {"ref": "A1", "decision": None, "source": "cps_dga", "created_on": "2025-03-01", "respond_by": "2025-03-14",
         "items": [{"ref": "A1-1", "text": "Obtain CCTV", "due_date": "2025-03-14", "status": "open"},
                   {"ref": "A1-2", "text": "Statement", "due_date": None, "status": "open"},
                   {"ref": "A1-3", "text": "Done", "due_date": "2025-03-14", "status": "done"}]},
        {"ref": "A2", "decision": None, "source": "court_direction", "created_on": "2025-03-02", "respond_by": None,
         "items": [{"ref": "A2-1", "text": "Edit BWV", "due_date": "2025-03-14", "status": "open"}]},
    ]
    doc["tasks"] = [
        {"ref": f"T{i}", "title": f"Task {i}", "due_date": "2025-03-14", "status": "open", "source": "internal",
         "created_at": "2025-03-01T09:00:00Z"} for i in range(1, 4)
    ]
    return doc


BUSY = busy_case()
LISTS = ("defendants", "witnesses", "hearings", "materials", "submissions", "action_plans", "tasks")


def test_the_busy_case_exercises_most_rules():
    kinds = {x.kind for x in run(BUSY)}
    assert len(kinds) >= 13, sorted(kinds)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_order_never_depends_on_the_order_of_the_input_lists(rnd: random.Random):
    shuffled = copy.deepcopy(BUSY)
    for key in LISTS:
        rnd.shuffle(shuffled[key])
    for dfd in shuffled["defendants"]:
        rnd.shuffle(dfd["offences"])
        rnd.shuffle(dfd["custody_episodes"])
    for plan in shuffled["action_plans"]:
        rnd.shuffle(plan["items"])
    today = date(2025, 3, 12)
    assert [x.as_dict(today) for x in run(shuffled, today=today)] == [x.as_dict(today) for x in run(BUSY, today=today)]
