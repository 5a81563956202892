"""Worklists: cases ordered by their most urgent open deadline, with that deadline as the reason.

Works on any queryset of cases (already scoped by the access module), so "my cases", the team
worklist and filtered views share one ordering: earliest open deadline first (expired, then
today, tomorrow …), statutory before target on the same day, custody first; cases with no open
deadline last.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from casework.cases.models import Case

from .models import CaseDeadline

BUCKET_RANGES = {
    "expired": lambda t: Q(next_due__lt=t),
    "today": lambda t: Q(next_due=t),
    "tomorrow": lambda t: Q(next_due=t + timedelta(days=1)),
    "this_week": lambda t: Q(next_due__gte=t, next_due__lte=t + timedelta(days=6 - t.weekday())),
    "next_week": lambda t: Q(next_due__gt=t + timedelta(days=6 - t.weekday()),
                             next_due__lte=t + timedelta(days=13 - t.weekday())),
    "later": lambda t: Q(next_due__gt=t + timedelta(days=13 - t.weekday())),
}


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
    return cases.filter(BUCKET_RANGES[bucket](today)) if bucket in BUCKET_RANGES else cases


def workload(cases: QuerySet[Case], today: date) -> list[dict]:
    """Per case progression officer: open cases, cases with a deadline due today or tomorrow, and
    cases with an expired one."""
    open_cases = cases.open().exclude(caseworker=None)
    soon = Q(deadlines__done=False, deadlines__due__gte=today, deadlines__due__lte=today + timedelta(days=1))
    late = Q(deadlines__done=False, deadlines__due__lt=today)
    rows = (open_cases.values("caseworker", "caseworker__first_name", "caseworker__last_name")
            .annotate(open=Count("pk", distinct=True), urgent=Count("pk", filter=soon, distinct=True),
                      overdue=Count("pk", filter=late, distinct=True))
            .order_by("-overdue", "-urgent", "caseworker__last_name"))
    return [{"caseworker_id": r["caseworker"], "name": f"{r['caseworker__first_name']} {r['caseworker__last_name']}".strip(),
             "open": r["open"], "urgent": r["urgent"], "overdue": r["overdue"]} for r in rows]
