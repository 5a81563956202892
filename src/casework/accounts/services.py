"""Sign-in security: throttling and lockout, two-factor authentication (TOTP), and the session
markers the middleware reads.

Throttling: a user name is locked for CASEWORK_LOGIN_LOCKOUT_MINUTES after
CASEWORK_LOGIN_USER_FAILURES failed attempts within CASEWORK_LOGIN_WINDOW_MINUTES; an IP address
likewise after CASEWORK_LOGIN_IP_FAILURES. Locks are worked out from `LoginAttempt` rows every
time, so they hold across processes. Attempts made while locked are refused without checking the
password and are not counted, so a lock ends when it says it will. A successful sign-in clears the
user name's count (not the address's: one good account must not reset a password-spraying count).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from .models import LoginAttempt, SignInStep, TOTPDevice

log = logging.getLogger("casework.accounts")

# Session keys
SESSION_AUTH_AT = "casework_auth_at"  # when this session signed in (epoch seconds)
SESSION_LAST_SEEN = "casework_last_seen"  # last request (epoch seconds), for the idle timeout
# True once the second factor is done for this session (a code given, or an app set up). Tests
# about other things may set it directly (see tests/accounts/helpers.py: verify_session).
SESSION_VERIFIED = "casework_2fa_verified"
SESSION_NEEDS_CODE = "casework_2fa_needed"  # the user had an authenticator app when signing in
SESSION_NOTICE = "casework_signin_notice"  # a message for the sign-in page (e.g. signed out when idle)
SESSION_PENDING_SECRET = "casework_totp_pending"  # the secret being set up, until confirmed

VERIFIED, NEEDED, NOT_NEEDED = "verified", "needed", "not_needed"


def _setting(name: str, default):
    return getattr(settings, name, default)


def user_failures_limit() -> int:
    return _setting("CASEWORK_LOGIN_USER_FAILURES", 5)


def ip_failures_limit() -> int:
    return _setting("CASEWORK_LOGIN_IP_FAILURES", 20)


def window() -> timedelta:
    return timedelta(minutes=_setting("CASEWORK_LOGIN_WINDOW_MINUTES", 15))


def lockout() -> timedelta:
    return timedelta(minutes=_setting("CASEWORK_LOGIN_LOCKOUT_MINUTES", 15))


def idle_minutes() -> int:
    return _setting("CASEWORK_SESSION_IDLE_MINUTES", 30)


def duration_text(seconds: int) -> str:
    """8 hours, 30 minutes."""
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    minutes = seconds // 60
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


# --------------------------------------------------------------------------------------------
# Who is asking
# --------------------------------------------------------------------------------------------

def username_normalise(username: str | None) -> str:
    return (username or "").strip().casefold()[:150]


def _valid_ip(value: str | None) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address the request came from. Behind CASEWORK_TRUSTED_PROXIES reverse proxies, the
    address the nearest trusted proxy saw (the Nth entry from the right of X-Forwarded-For);
    entries further left are written by the client and are not trusted."""
    if request is None:
        return None
    proxies = _setting("CASEWORK_TRUSTED_PROXIES", 0)
    if proxies:
        chain = [p for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if p.strip()]
        if len(chain) >= proxies and (ip := _valid_ip(chain[-proxies])):
            return ip
    return _valid_ip(request.META.get("REMOTE_ADDR"))


# --------------------------------------------------------------------------------------------
# Throttling and lockout
# --------------------------------------------------------------------------------------------

def _clock(at: datetime) -> str:
    """2:45pm, as GOV.UK writes times (Europe/London)."""
    local = timezone.localtime(at)
    hour = local.hour % 12 or 12
    return f"{hour}:{local.minute:02d}{'am' if local.hour < 12 else 'pm'}"


@dataclass(frozen=True)
class Lock:
    scope: str  # "user" (this user name) or "ip" (this address)
    until: datetime

    @property
    def message(self) -> str:
        minutes = int(lockout().total_seconds() // 60)
        if self.scope == "ip":
            return (f"There have been too many failed attempts to sign in from this device or network. "
                    f"Signing in from here is locked for {minutes} minutes, until {_clock(self.until)}. "
                    f"An administrator can unlock it sooner.")
        return (f"There have been too many failed attempts to sign in with this user name. "
                f"Signing in with it is locked for {minutes} minutes, until {_clock(self.until)}. "
                f"An administrator can unlock it sooner.")


def _lock_until(times: list[datetime], limit: int) -> datetime | None:
    """Replay the failures in time order: `limit` of them within the window starts a lock that
    lasts `lockout()`; failures during a lock (only possible in a race) are ignored."""
    until, recent = None, []
    for at in sorted(times):
        if until is not None and at < until:
            continue
        recent = [t for t in recent if t > at - window()] + [at]
        if len(recent) >= limit:
            until, recent = at + lockout(), []
    return until


def _user_lock(username: str, now: datetime) -> datetime | None:
    attempts = LoginAttempt.objects.filter(username=username, at__gt=now - window() - lockout(),
                                           cleared_by="")
    last_ok = attempts.filter(succeeded=True).aggregate(at=Max("at"))["at"]
    failures = attempts.filter(succeeded=False)
    if last_ok is not None:
        failures = failures.filter(at__gt=last_ok)
    return _lock_until(list(failures.values_list("at", flat=True)), user_failures_limit())


def _ip_lock(ip: str, now: datetime) -> datetime | None:
    failures = LoginAttempt.objects.filter(ip=ip, succeeded=False, cleared_by="",
                                           at__gt=now - window() - lockout())
    return _lock_until(list(failures.values_list("at", flat=True)), ip_failures_limit())


def login_lock(username: str | None, ip: str | None, *, now: datetime | None = None) -> Lock | None:
    """The lock in force for this user name or this address, if any (the user name's first)."""
    now = now or timezone.now()
    name = username_normalise(username)
    if name and (until := _user_lock(name, now)) and until > now:
        return Lock("user", until)
    if ip and (until := _ip_lock(ip, now)) and until > now:
        return Lock("ip", until)
    return None


def login_failure_record(username: str | None, ip: str | None, *, step: str = SignInStep.PASSWORD,
                         now: datetime | None = None) -> Lock | None:
    """Record a failed attempt; returns the lock it leaves in force, if any. A lock this attempt
    starts is written on the attempt and logged (logger `casework.accounts`, WARNING)."""
    now = now or timezone.now()
    name = username_normalise(username)
    attempt = LoginAttempt.objects.create(username=name, ip=ip, at=now, succeeded=False, step=step)
    lock = login_lock(name, ip, now=now)
    if lock is not None and lock.until == now + lockout():
        minutes = int(lockout().total_seconds() // 60)
        if lock.scope == "user":
            note = (f"Locked the user name for {minutes} minutes, until {timezone.localtime(lock.until):%H:%M}, "
                    f"after {user_failures_limit()} failed attempts")
        else:
            note = (f"Locked the address {ip} for {minutes} minutes, until {timezone.localtime(lock.until):%H:%M}, "
                    f"after {ip_failures_limit()} failed attempts")
        LoginAttempt.objects.filter(pk=attempt.pk).update(note=note)
        log.warning("Sign-in lock: %s (user name %r, address %s, last failed step: %s).",
                    note, name, ip or "unknown", step)
    return lock


def login_success_record(username: str | None, ip: str | None, *, step: str = SignInStep.PASSWORD,
                         now: datetime | None = None) -> None:
    """Record a completed sign-in; it clears the user name's count of failures."""
    LoginAttempt.objects.create(username=username_normalise(username), ip=ip,
                                at=now or timezone.now(), succeeded=True, step=step)


def login_attempts_clear(*, usernames=(), ips=(), by: str) -> int:
    """Unlock: mark the failed attempts of these user names and addresses as cleared."""
    which = Q(pk__in=[])
    if usernames:
        which |= Q(username__in=[username_normalise(u) for u in usernames])
    if ips:
        which |= Q(ip__in=[ip for ip in ips if ip])
    cleared = LoginAttempt.objects.filter(which, succeeded=False, cleared_by="").update(
        cleared_by=by[:150] or "administrator")
    if cleared:
        log.warning("Sign-in unlocked by %s: user names %s, addresses %s (%d failed attempts cleared).",
                    by, sorted(set(usernames)), sorted(set(ips) - {None}), cleared)
    return cleared


# --------------------------------------------------------------------------------------------
# Two-factor authentication (TOTP, RFC 6238)
# --------------------------------------------------------------------------------------------

def two_factor_required(user) -> bool:
    """Administrators and auditors (CASEWORK_TWO_FACTOR_ROLES), and anyone who can use the admin
    site, must use an authenticator app."""
    if not getattr(user, "is_authenticated", False):
        return False
    roles = _setting("CASEWORK_TWO_FACTOR_ROLES", ("administrator", "auditor"))
    return user.role in roles or user.is_staff or user.is_superuser


def two_factor_enrolled(user) -> bool:
    return getattr(user, "pk", None) is not None and TOTPDevice.objects.filter(user_id=user.pk).exists()


def totp_issuer() -> str:
    return f"Casework ({_setting('CASEWORK_FORCE_NAME', 'police')})".replace(":", "")


def totp_new_secret() -> str:
    return pyotp.random_base32()  # 32 base32 characters: 160 bits, as RFC 4226 recommends


def totp_uri(user, secret: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=totp_issuer())


def totp_qr_svg(uri: str) -> str:
    """The QR code as inline SVG, made here (segno): the secret never leaves the server."""
    import segno

    return segno.make(uri, error="m").svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", border=4, svgclass="cw-totp-qr",
        title="QR code for your authenticator app")


def secret_grouped(secret: str) -> str:
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _code_normalise(code: str | None) -> str:
    return re.sub(r"[\s-]", "", code or "")


def code_well_formed(code: str | None) -> bool:
    return re.fullmatch(r"\d{6}", _code_normalise(code)) is not None


def _code_step(secret: str, code: str | None, now: datetime, after_step: int | None = None) -> int | None:
    """The time step (30 s) whose code this is, allowing one step either side for clock drift;
    None if it matches none, or only steps at or before `after_step` (already used)."""
    code = _code_normalise(code)
    if not re.fullmatch(r"\d{6}", code):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current, current - 1, current + 1):
        if after_step is not None and step <= after_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def totp_code_matches(secret: str, code: str | None, *, now: datetime | None = None) -> bool:
    """For setting up: does this code match a secret not yet saved?"""
    return _code_step(secret, code, now or timezone.now()) is not None


def totp_verify(user, code: str | None, *, now: datetime | None = None) -> bool:
    """Check a code against the user's authenticator app; each code works once."""
    now = now or timezone.now()
    device = TOTPDevice.objects.filter(user_id=user.pk).first()
    if device is None:
        return False
    step = _code_step(device.secret, code, now, after_step=device.last_used_step)
    if step is None:
        return False
    # Conditional update: two requests racing with the same code cannot both succeed.
    used = TOTPDevice.objects.filter(pk=device.pk).filter(
        Q(last_used_step__isnull=True) | Q(last_used_step__lt=step)
    ).update(last_used_step=step, last_used_at=now)
    return used == 1


@transaction.atomic
def totp_device_save(user, secret: str, code: str | None, *, now: datetime | None = None) -> bool:
    """Finish setting up: save the secret as the user's app if the code matches it."""
    now = now or timezone.now()
    step = _code_step(secret, code, now)
    if step is None:
        return False
    TOTPDevice.objects.update_or_create(user=user, defaults={
        "secret": secret, "confirmed_at": now, "last_used_step": step, "last_used_at": now})
    log.warning("Two-factor authentication set up for %s.", user.username)
    return True


def totp_enrol(user, *, replace: bool = False) -> str:
    """Give the user an authenticator app secret without the confirming step, and return it
    (base32). For the demo logins and tests, which have no phone to scan a QR code with.

    Keeps (and returns) the existing secret if the user already has one, unless replace=True, so
    a demo re-seed does not break an authenticator app already set up with it.
    """
    device = TOTPDevice.objects.filter(user_id=user.pk).first()
    if device is not None and not replace:
        return device.secret
    secret = totp_new_secret()
    TOTPDevice.objects.update_or_create(user=user, defaults={
        "secret": secret, "confirmed_at": timezone.now(), "last_used_step": None, "last_used_at": None})
    return secret


def totp_current_code(user, *, now: datetime | None = None) -> str:
    """The code the user's app shows now (demo and test use only: see `casework totp-code`)."""
    device = TOTPDevice.objects.get(user_id=user.pk)
    return pyotp.TOTP(device.secret).at(now or timezone.now())


def totp_device_remove(user, *, by: str) -> bool:
    deleted, _ = TOTPDevice.objects.filter(user_id=user.pk).delete()
    if deleted:
        log.warning("Two-factor authentication removed for %s by %s.", user.username, by)
    return bool(deleted)


# --------------------------------------------------------------------------------------------
# The session
# --------------------------------------------------------------------------------------------

def session_two_factor_status(request) -> str:
    """verified / needed (has an app, has not given a code) / not_needed for this signed-in
    session. Whether the user has an app is looked up once per session (at sign-in), so ordinary
    page views cost no extra query."""
    session = request.session
    if session.get(SESSION_VERIFIED) is True:
        return VERIFIED
    needs_code = session.get(SESSION_NEEDS_CODE)
    if not isinstance(needs_code, bool):
        needs_code = session[SESSION_NEEDS_CODE] = two_factor_enrolled(request.user)
    return NEEDED if needs_code else NOT_NEEDED


def session_two_factor_reset(request, user) -> None:
    """At each sign-in: the code is owed again, even by a browser whose session gave it before."""
    request.session.pop(SESSION_VERIFIED, None)
    request.session[SESSION_NEEDS_CODE] = two_factor_enrolled(user)


def session_verified_set(request) -> None:
    """The second factor is done for this session: new session key (no fixation), marked verified."""
    request.session.cycle_key()
    request.session[SESSION_VERIFIED] = True
    request.session.pop(SESSION_PENDING_SECRET, None)


def session_notice_set(request, text: str) -> None:
    """Leave a message for the sign-in page (call after logout(), which empties the session)."""
    request.session[SESSION_NOTICE] = text
