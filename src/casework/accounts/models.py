"""Sign-in security records: every sign-in attempt (for throttling and lockout) and each user's
authenticator app (TOTP two-factor authentication).

Attempts live in the database, not a per-process cache, so the counts hold across every web
server process and are visible to administrators.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SignInStep(models.TextChoices):
    PASSWORD = "password", "Password"
    CODE = "code", "Security code"


class LoginAttempt(models.Model):
    """One attempt to sign in: a password checked, or a security code checked.

    A lock is worked out from these rows (see `casework.accounts.services.login_lock`); nothing
    else holds lock state, so an administrator unlocks by clearing the failed attempts.
    """

    username = models.CharField(max_length=150, help_text="as typed, in lower case; may not be a real user")
    ip = models.GenericIPAddressField(null=True, blank=True, verbose_name="IP address")
    at = models.DateTimeField(default=timezone.now)
    succeeded = models.BooleanField(default=False)
    step = models.CharField(max_length=10, choices=SignInStep.choices, default=SignInStep.PASSWORD)
    note = models.CharField(max_length=300, blank=True, help_text="e.g. the lock this attempt caused")
    cleared_by = models.CharField(
        max_length=150, blank=True,
        help_text="set when an administrator unlocks: a cleared failure no longer counts")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["username", "at"], name="accounts_attempt_user_at"),
            models.Index(fields=["ip", "at"], name="accounts_attempt_ip_at"),
        ]
        verbose_name = "sign-in attempt"

    def __str__(self) -> str:
        outcome = "succeeded" if self.succeeded else "failed"
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.username} from {self.ip or 'unknown'}: {outcome}"


class TOTPDevice(models.Model):
    """A user's authenticator app, confirmed with a code at enrolment (RFC 6238, 6 digits, 30 s).

    Only confirmed devices are stored: the secret being set up waits in the session until the
    user proves their app has it. `last_used_step` stops a code being used twice.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="totp_device")
    secret = models.CharField(max_length=64, help_text="base32")
    confirmed_at = models.DateTimeField(default=timezone.now)
    last_used_step = models.BigIntegerField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "two-factor authentication (authenticator app)"
        verbose_name_plural = "two-factor authentication (authenticator apps)"

    def __str__(self) -> str:
        return f"Authenticator app for {self.user.username}"
