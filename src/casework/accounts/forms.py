from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from .services import (
    client_ip,
    code_well_formed,
    login_failure_record,
    login_lock,
    login_success_record,
    two_factor_enrolled,
)


class SignInForm(AuthenticationForm):
    """The password step, throttled: a locked user name or address is refused before the password
    is checked (so a lock gives nothing away, even with the right password), and each failure is
    counted. Unknown user names are counted and locked the same way as real ones, with the same
    messages, so the page never says whether a user name exists."""

    error_messages = {
        "invalid_login": "Enter a correct user name and password. Both are case-sensitive.",
        "inactive": "This account cannot sign in. Ask an administrator to activate it.",
    }

    def clean(self):
        username, password = self.cleaned_data.get("username"), self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()  # a field is missing: nothing was tried
        ip = client_ip(self.request)
        if lock := login_lock(username, ip):
            raise ValidationError(lock.message, code="locked")
        try:
            cleaned = super().clean()
        except ValidationError:
            if lock := login_failure_record(username, ip):
                raise ValidationError(lock.message, code="locked") from None
            raise
        # With an authenticator app the sign-in is complete only when the code is right, so only
        # then is the count of failures cleared.
        if not two_factor_enrolled(self.user_cache):
            login_success_record(username, ip)
        return cleaned


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Security code", max_length=20, strip=True,
        error_messages={"required": "Enter the 6-digit security code from your authenticator app."})

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not code_well_formed(code):
            raise ValidationError("The security code must be 6 digits, like 123456.", code="malformed")
        return code


class PasswordConfirmForm(forms.Form):
    """Asks for the user's password again before a sensitive change."""

    password = forms.CharField(label="Your password", strip=False, widget=forms.PasswordInput,
                               error_messages={"required": "Enter your password."})

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("The password is not right.", code="wrong_password")
        return password


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    """Django's form, in plain words."""

    error_messages = {
        **auth_forms.PasswordChangeForm.error_messages,
        "password_incorrect": "Your current password is not right. Enter it again.",
        "password_mismatch": "The new passwords do not match. Type the same new password twice.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["new_password1"].label = "New password"
        self.fields["new_password2"].label = "Type the new password again"
