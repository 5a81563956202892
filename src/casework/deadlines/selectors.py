"""Reads of stored deadlines, with their status worked out for today and in urgency order."""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from casework.rules.deadlines import BUCKET_LABELS, bucket, urgency_order

from .models import CaseDeadline

TAGS = {"expired": "red", "today": "orange", "tomorrow": "yellow", "this_week": "yellow", "next_week": "blue",
        "later": "grey", "done": "green"}


def _key(d: CaseDeadline, today: date) -> tuple:
    return (*urgency_order(done=d.done, due=d.due, due_at=d.due_at, hard=d.hard, custody=d.custody, today=today),
            d.kind, d.subject_ref)


def case_deadlines(case, *, today: date | None = None) -> list[dict]:
    """The case's deadlines, most urgent first, each with its status for today."""
    today = today or timezone.localdate()
    rows = sorted(CaseDeadline.objects.filter(case=case), key=lambda d: _key(d, today))
    out = []
    for d in rows:
        status = "done" if d.done else bucket(d.due, today)
        out.append({"deadline": d, "status": status, "label": BUCKET_LABELS[status], "tag": TAGS[status]})
    return out
