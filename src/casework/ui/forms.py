from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct user name and password. Both are case-sensitive.",
        "inactive": "This account cannot sign in. Ask an administrator to activate it.",
    }


class CaseFilterForm(forms.Form):
    q = forms.CharField(required=False, label="Search by URN, name or ASN")
    stage = forms.ChoiceField(required=False)

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "All stages"), *stages]
