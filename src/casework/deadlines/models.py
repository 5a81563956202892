"""Service levels (figures a force sets, or the brief marks unverified) and each case's deadlines.

Deadlines are stored per case so worklists can sort thousands of cases by them; they are
recomputed whenever a case's facts change and nightly for every open case. Their status bucket
(expired, today …) is worked out when read, from the due date.
"""

from django.conf import settings
from django.db import models


class ServiceLevel(models.Model):
    """One configurable figure of the deadlines engine (a field of DeadlineSettings)."""

    key = models.CharField(max_length=60, unique=True)
    value = models.PositiveIntegerField()
    unit = models.CharField(max_length=30)
    description = models.CharField(max_length=300)
    source = models.CharField(max_length=300)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.description}: {self.value} {self.unit}"


class CaseDeadline(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="deadlines")
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    subject = models.CharField(max_length=300)
    subject_ref = models.CharField(max_length=20, blank=True)
    due = models.DateField()
    due_at = models.DateTimeField(null=True, blank=True)
    hard = models.BooleanField()
    custody = models.BooleanField(default=False)
    done = models.BooleanField(default=False)
    basis = models.TextField()
    source = models.CharField(max_length=400)
    confidence = models.CharField(max_length=12)
    configurable = models.BooleanField(default=False)
    # What the date assumed because the file lacks a fact (shown beside it); blank when nothing was.
    assumption = models.TextField(blank=True, default="")
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "due"]
        indexes = [
            models.Index(fields=["done", "due"]),
            models.Index(fields=["case", "done"]),
            # Each case's open deadlines in worklist order, so its most urgent is read, not sorted for.
            models.Index(fields=["case", "due", "-hard", "-custody", "kind"], condition=models.Q(done=False),
                         name="deadlines_next_idx"),
            # The hard time limits not yet met (a few per cent of all deadlines), for the reports.
            models.Index(fields=["kind", "due", "case"], condition=models.Q(hard=True, done=False),
                         name="deadlines_hard_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due}"
