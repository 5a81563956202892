from django import forms

from casework.accounts.forms import SignInForm


class LoginForm(SignInForm):
    """The sign-in form (throttled and lockout-aware: see casework.accounts.forms.SignInForm)."""


class CaseFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search by URN, name or ASN")
    stage = forms.ChoiceField(required=False)

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "All stages"), *stages]


def form_revision(request) -> int | None:
    """The case revision a form was rendered at (absent from old forms: then no check)."""
    try:
        return int(request.POST["revision"])
    except (KeyError, ValueError):
        return None
