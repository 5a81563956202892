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
