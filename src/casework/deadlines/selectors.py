"""Reads of stored deadlines, with their status worked out for today and in urgency order."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from casework.rules.deadlines import BUCKET_LABELS, bucket, urgency_order

from .models import CaseDeadline

TAGS = {"expired": "red", "today": "orange", "tomorrow": "yellow", "this_week": "yellow", "next_week": "blue",
        "later": "grey", "done": "green"}


def status_of(due: date | None, today: date, *, done: bool = False) -> dict:
    """A due date's status bucket for today, with its words and tag colour (none without a date)."""
    if due is None and not done:
        return {"status": None, "label": "", "tag": "grey"}
    status = "done" if done else bucket(due, today)
    return {"status": status, "label": BUCKET_LABELS[status], "tag": TAGS[status]}


def _key(d: CaseDeadline, today: date) -> tuple:
    return (*urgency_order(done=d.done, due=d.due, due_at=d.due_at, hard=d.hard, custody=d.custody, today=today),
            d.kind, d.subject_ref)


def case_deadlines(case, *, today: date | None = None) -> list[dict]:
    """The case's deadlines, most urgent first, each with its status for today."""
    today = today or timezone.localdate()
    rows = sorted(CaseDeadline.objects.filter(case=case), key=lambda d: _key(d, today))
    out = []
    for d in rows:
        out.append({"deadline": d, **status_of(d.due, today, done=d.done)})
    return out
