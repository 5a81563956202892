"""Worklists: cases ordered by their most urgent open deadline, with that deadline as the reason.

Works on any queryset of cases (already scoped by the access module), so "my cases", the team
worklist and filtered views share one ordering: earliest open deadline first (expired, then
today, tomorrow …), statutory before target on the same day, custody first; cases with no open
deadline last.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery

from casework.cases.models import Case

from .models import CaseDeadline


def bucket_q(bucket: str, today: date, field: str = "next_due") -> Q | None:
    """The filter for dates in a status bucket (None for an unknown bucket)."""
    end_of_week = today + timedelta(days=6 - today.weekday())
    ranges = {
        "expired": {f"{field}__lt": today},
        "today": {field: today},
        "tomorrow": {field: today + timedelta(days=1)},
        "this_week": {f"{field}__gte": today, f"{field}__lte": end_of_week},
        "next_week": {f"{field}__gt": end_of_week, f"{field}__lte": end_of_week + timedelta(days=7)},
        "later": {f"{field}__gt": end_of_week + timedelta(days=7)},
    }
    return Q(**ranges[bucket]) if bucket in ranges else None


def with_next_deadline(cases: QuerySet[Case]) -> QuerySet[Case]:
    """Annotate each case with its most urgent open deadline and order by it."""
    nxt = CaseDeadline.objects.filter(case=OuterRef("pk"), done=False).order_by("due", "-hard", "-custody", "kind")
    return cases.annotate(
        next_due=Subquery(nxt.values("due")[:1]),
        next_title=Subquery(nxt.values("title")[:1]),
        next_subject=Subquery(nxt.values("subject")[:1]),
        next_basis=Subquery(nxt.values("basis")[:1]),
        next_hard=Subquery(nxt.values("hard")[:1]),
        next_custody=Subquery(nxt.values("custody")[:1]),
    ).order_by("next_due", "-next_hard", "-next_custody", "urn")


def in_bucket(cases: QuerySet[Case], bucket: str, today: date) -> QuerySet[Case]:
    """Cases whose most urgent open deadline falls in a status bucket (annotated queryset)."""
    q = bucket_q(bucket, today)
    return cases if q is None else cases.filter(q)


def workload(cases: QuerySet[Case], today: date) -> list[dict]:
    """Per case progression officer: open cases, cases with a deadline due today or tomorrow, and
    cases with an expired one."""
    open_cases = cases.open().exclude(caseworker=None)
    # One index look-up per case and question, not a join of every deadline of every case.
    open_deadlines = CaseDeadline.objects.filter(case=OuterRef("pk"), done=False)
    soon = Exists(open_deadlines.filter(due__gte=today, due__lte=today + timedelta(days=1)))
    late = Exists(open_deadlines.filter(due__lt=today))
    rows = (open_cases.values("caseworker", "caseworker__first_name", "caseworker__last_name")
            .annotate(open=Count("pk", distinct=True), urgent=Count("pk", filter=soon, distinct=True),
                      overdue=Count("pk", filter=late, distinct=True))
            .order_by("-overdue", "-urgent", "caseworker__last_name"))
    return [{"caseworker_id": r["caseworker"], "name": f"{r['caseworker__first_name']} {r['caseworker__last_name']}".strip(),
             "open": r["open"], "urgent": r["urgent"], "overdue": r["overdue"]} for r in rows]
