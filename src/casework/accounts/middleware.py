"""Middleware: the Content Security Policy, signing out idle and over-long sessions, and the
two-factor gate.

Order in settings.MIDDLEWARE: ContentSecurityPolicyMiddleware straight after SecurityMiddleware
(so static files carry the header too); SessionTimeoutMiddleware then TwoFactorMiddleware after
AuthenticationMiddleware and MessageMiddleware.
"""

from __future__ import annotations

import secrets
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import Resolver404, resolve, reverse

from .services import (
    NEEDED,
    SESSION_AUTH_AT,
    SESSION_LAST_SEEN,
    VERIFIED,
    duration_text,
    idle_minutes,
    session_notice_set,
    session_two_factor_status,
    two_factor_enrolled,
    two_factor_required,
)

# --------------------------------------------------------------------------------------------
# Content Security Policy
# --------------------------------------------------------------------------------------------

CSP_DIRECTIVES = {
    "default-src": "'self'",
    # Scripts: our own files, and the two inline scripts in ui/base.html, which carry the nonce.
    "script-src": "'self' 'nonce-{nonce}'",
    # Styles: our own files; the nonce is for htmx's indicator <style> (its inlineStyleNonce).
    "style-src": "'self' 'nonce-{nonce}'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
}


def csp_header(nonce: str) -> str:
    return "; ".join(f"{name} {value.format(nonce=nonce)}" for name, value in CSP_DIRECTIVES.items())


class ContentSecurityPolicyMiddleware:
    """Sets Content-Security-Policy on every response; `request.csp_nonce` is a fresh random value
    per request for templates' inline <script nonce="{{ request.csp_nonce }}">."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        # Django's own debug pages (DEBUG only) are inline-styled: leave them readable.
        debug_page = settings.DEBUG and response.status_code in (404, 500)
        if "Content-Security-Policy" not in response and not debug_page:
            response["Content-Security-Policy"] = csp_header(request.csp_nonce)
        return response


# --------------------------------------------------------------------------------------------
# Sessions: idle timeout and absolute limit
# --------------------------------------------------------------------------------------------

# The last-activity time is written at most this often (seconds), not on every request.
LAST_SEEN_RESOLUTION = 60


def _redirect(request, url: str) -> HttpResponse:
    if request.headers.get("HX-Request"):  # htmx: load the page whole, not into a fragment
        return HttpResponse(status=200, headers={"HX-Redirect": url})
    return HttpResponseRedirect(url)


class SessionTimeoutMiddleware:
    """Signs a user out after CASEWORK_SESSION_IDLE_MINUTES without a request, and
    SESSION_COOKIE_AGE after signing in whatever they do (Django alone would extend the session
    each time it is saved), and sends them to the sign-in page saying why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response = self._check(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _check(self, request):
        session, now = request.session, int(time.time())
        auth_at, last_seen = session.get(SESSION_AUTH_AT), session.get(SESSION_LAST_SEEN)
        idle, longest = idle_minutes() * 60, settings.SESSION_COOKIE_AGE
        reason = None
        if isinstance(auth_at, int | float) and now - auth_at > longest:
            reason = (f"You were signed out because you had been signed in for {duration_text(longest)}. "
                      f"Sign in again to carry on.")
        elif isinstance(last_seen, int | float) and now - last_seen > idle:
            reason = f"You were signed out after {duration_text(idle)} without activity."
        if reason:
            logout(request)
            session_notice_set(request, reason)
            if request.method in ("GET", "HEAD"):
                return _redirect(request, redirect_to_login(request.get_full_path())["Location"])
            return _redirect(request, resolve_url(settings.LOGIN_URL))
        if not isinstance(auth_at, int | float):
            session[SESSION_AUTH_AT] = now
        if not isinstance(last_seen, int | float) or now - last_seen >= LAST_SEEN_RESOLUTION:
            session[SESSION_LAST_SEEN] = now
        return None


# --------------------------------------------------------------------------------------------
# Two-factor gate
# --------------------------------------------------------------------------------------------

# What a signed-in user who still owes a security code (or must set up an app) may open.
GATE_OPEN = {
    ("accounts", "two_factor_verify"),
    ("accounts", "two_factor_setup"),
    ("ui", "logout"),
    ("ui", "healthz"),
}


class TwoFactorMiddleware:
    """Until the session is verified, a user with an authenticator app can open only the page
    asking for its code, and an administrator or auditor without one only the page setting one up
    (and sign out). A session is verified by giving a code, or by setting up an app."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            status = session_two_factor_status(request)
            if status != VERIFIED and (status == NEEDED or two_factor_required(user)):
                response = self._gate(request, user)
                if response is not None:
                    return response
        return self.get_response(request)

    def _gate(self, request, user):
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None  # a 404 page shows nothing
        if (match.namespace, match.url_name) in GATE_OPEN:
            return None
        name = "two_factor_verify" if two_factor_enrolled(user) else "two_factor_setup"
        url = reverse(f"accounts:{name}")
        if request.method in ("GET", "HEAD") and match.url_name != "home":
            url += "?" + urlencode({"next": request.get_full_path()})
        return _redirect(request, url)
