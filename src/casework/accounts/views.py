"""Signing in (password, then a security code for users with an authenticator app), the account
page, changing the password, and setting up or turning off two-factor authentication."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import password_validators_help_texts
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from .forms import CodeForm, PasswordChangeForm, PasswordConfirmForm, SignInForm
from .models import SignInStep, TOTPDevice
from .services import (
    SESSION_NEEDS_CODE,
    SESSION_NOTICE,
    SESSION_PENDING_SECRET,
    VERIFIED,
    client_ip,
    duration_text,
    idle_minutes,
    login_failure_record,
    login_lock,
    login_success_record,
    secret_grouped,
    session_notice_set,
    session_two_factor_status,
    session_verified_set,
    totp_device_remove,
    totp_device_save,
    totp_new_secret,
    totp_qr_svg,
    totp_uri,
    totp_verify,
    two_factor_enrolled,
    two_factor_required,
)


def _next_url(request, default: str | None = None) -> str:
    """The `next` parameter if it is a page on this site, else the default."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(candidate, allowed_hosts={request.get_host()},
                                                     require_https=request.is_secure()):
        return candidate
    return resolve_url(default or settings.LOGIN_REDIRECT_URL)


# --------------------------------------------------------------------------------------------
# Signing in
# --------------------------------------------------------------------------------------------

class SignInView(auth_views.LoginView):
    """The password step (ui/login.html). Throttling is in the form; the security code, when the
    user has an app, is asked for next by TwoFactorMiddleware."""

    template_name = "ui/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notice"] = self.request.session.pop(SESSION_NOTICE, None)
        return context


def _locked_out(request, lock):
    """Too many wrong codes or passwords: end the session and say why on the sign-in page."""
    logout(request)
    session_notice_set(request, lock.message)
    return redirect(settings.LOGIN_URL)


def _lock_in_force(request):
    return login_lock(request.user.username, client_ip(request))


def _wrong_password(request):
    """A wrong password typed while signed in (changing it, turning off two-factor) counts like
    one at sign-in, so a session left open cannot be used to guess the password."""
    return login_failure_record(request.user.username, client_ip(request))


@never_cache
@sensitive_post_parameters("code")
@login_required
def two_factor_verify(request):
    user = request.user
    next_url = _next_url(request)
    if session_two_factor_status(request) == VERIFIED:
        return redirect(next_url)
    if not two_factor_enrolled(user):
        if two_factor_required(user):
            return redirect(f"{reverse('accounts:two_factor_setup')}?{urlencode({'next': next_url})}")
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        ip = client_ip(request)
        if lock := login_lock(user.username, ip):
            return _locked_out(request, lock)
        if form.is_valid():
            if totp_verify(user, form.cleaned_data["code"]):
                login_success_record(user.username, ip, step=SignInStep.CODE)
                session_verified_set(request)
                return redirect(next_url)
            if lock := login_failure_record(user.username, ip, step=SignInStep.CODE):
                return _locked_out(request, lock)
            form.add_error("code", "The security code is not right. Enter the code your "
                                   "authenticator app shows now: it changes every 30 seconds.")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})


# --------------------------------------------------------------------------------------------
# The account page and what it links to
# --------------------------------------------------------------------------------------------

@never_cache
@login_required
def account(request):
    device = TOTPDevice.objects.filter(user_id=request.user.pk).first()
    return render(request, "accounts/account.html", {
        "device": device,
        "two_factor_required": two_factor_required(request.user),
        "idle_minutes": idle_minutes(),
        "session_limit": duration_text(settings.SESSION_COOKIE_AGE),
    })


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("accounts:account")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["password_rules"] = password_validators_help_texts()
        return context

    def post(self, request, *args, **kwargs):
        if lock := _lock_in_force(request):
            return _locked_out(request, lock)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if form.has_error("old_password", "password_incorrect") and (lock := _wrong_password(self.request)):
            return _locked_out(self.request, lock)
        return super().form_invalid(form)

    def form_valid(self, form):
        response = super().form_valid(form)  # keeps this session signed in
        messages.success(self.request, "Your password has been changed.")
        return response


@never_cache
@sensitive_post_parameters("code")
@login_required
def two_factor_setup(request):
    user = request.user
    if two_factor_enrolled(user):
        if session_two_factor_status(request) != VERIFIED:
            return redirect("accounts:two_factor_verify")
        messages.success(request, "Two-factor authentication is already set up for your account.")
        return redirect("accounts:account")
    secret = request.session.get(SESSION_PENDING_SECRET)
    if not secret:
        secret = request.session[SESSION_PENDING_SECRET] = totp_new_secret()
    next_url = _next_url(request, default="accounts:account")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if totp_device_save(user, secret, form.cleaned_data["code"]):
            session_verified_set(request)
            messages.success(request, "Two-factor authentication is set up. Each time you sign in, "
                                      "you will be asked for a code from your authenticator app.")
            return redirect(next_url)
        form.add_error("code", "The security code is not right. Check you added the key shown on "
                               "this page, then enter the code your app shows now.")
    uri = totp_uri(user, secret)
    return render(request, "accounts/two_factor_setup.html", {
        "form": form, "next": next_url, "required": two_factor_required(user),
        "secret": secret_grouped(secret), "uri": uri, "qr_svg": totp_qr_svg(uri),
    })


@never_cache
@sensitive_post_parameters("password")
@login_required
def two_factor_remove(request):
    user = request.user
    if not two_factor_enrolled(user):
        return redirect("accounts:account")
    if two_factor_required(user):
        return render(request, "accounts/two_factor_remove.html", {"required": True}, status=403)
    form = PasswordConfirmForm(request.POST or None, user=user)
    if request.method == "POST":
        if lock := _lock_in_force(request):
            return _locked_out(request, lock)
        if form.is_valid():
            totp_device_remove(user, by=user.username)
            request.session[SESSION_NEEDS_CODE] = False
            messages.success(request, "Two-factor authentication is turned off. You will sign in "
                                      "with your password only.")
            return redirect("accounts:account")
        if form.has_error("password", "wrong_password") and (lock := _wrong_password(request)):
            return _locked_out(request, lock)
    return render(request, "accounts/two_factor_remove.html", {"form": form})


# --------------------------------------------------------------------------------------------
# The admin site's sign-in, and CSRF failures
# --------------------------------------------------------------------------------------------

@never_cache
def admin_login(request):
    """/admin/login/ sends people to Casework's own sign-in page, so the admin site gets the same
    throttling and two-factor authentication (it has no separate way in)."""
    next_url = _next_url(request, default="admin:index")
    if request.user.is_authenticated:
        if request.user.is_active and request.user.is_staff:
            return redirect(next_url)
        return render(request, "accounts/admin_forbidden.html", status=403)
    return redirect_to_login(next_url, settings.LOGIN_URL)


def csrf_failure(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a plain page instead of Django's technical one."""
    return render(request, "accounts/csrf_failure.html", status=403)
