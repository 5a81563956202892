"""The access log (Data Protection Act 2018 s.62: who consulted or disclosed personal data, when
and why) and the change history (before and after, who and when). Both are append-only: the
product never edits or deletes them, and on PostgreSQL a trigger refuses UPDATE and DELETE.

They refer to cases by id and URN as plain values, not foreign keys, so no deletion elsewhere can
cascade into them.
"""

from django.conf import settings
from django.db import models


class AccessAction(models.TextChoices):
    CONSULT = "consult", "Consulted"
    DISCLOSE = "disclose", "Disclosed"
    EXPORT = "export", "Exported"
    LIST = "list", "Listed"
    BREAK_GLASS = "break_glass", "Break-glass access"
    REFUSED = "refused", "Refused"


class AccessLogEntry(models.Model):
    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    username = models.CharField(max_length=150, help_text="kept as text so the entry outlives the account")
    action = models.CharField(max_length=20, choices=AccessAction.choices)
    case_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    urn = models.CharField(max_length=13, blank=True, db_index=True)
    what = models.CharField(max_length=300, help_text="the page, report or export")
    purpose = models.CharField(max_length=300)
    recipient = models.CharField(max_length=300, blank=True, help_text="for a disclosure: to whom")
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "access log entry"
        verbose_name_plural = "access log"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.urn or self.what}"


class CaseChange(models.Model):
    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    username = models.CharField(max_length=150, blank=True)
    case_id = models.BigIntegerField(db_index=True)
    urn = models.CharField(max_length=13, db_index=True)
    change = models.CharField(max_length=80, help_text="the service that made it, e.g. case.stage.changed")
    part = models.CharField(max_length=120, help_text="what changed, e.g. 'case' or 'materials M4'")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    summary = models.CharField(max_length=500)
    revision = models.PositiveIntegerField(default=0, help_text="the case's revision this change made")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.urn} {self.summary}"


class BreakGlass(models.Model):
    """A user's stated reason for opening a restricted case they are not named on."""

    at = models.DateTimeField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case_id = models.BigIntegerField(db_index=True)
    urn = models.CharField(max_length=13)
    hub_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    reason = models.TextField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-at"]
        verbose_name = "break-glass access"
        verbose_name_plural = "break-glass access"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user} {self.urn}"
