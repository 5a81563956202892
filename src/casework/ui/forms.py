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


def back_to(request, case, anchor: str):
    """Where a list's form returns: the page it came from (its `back` field, if on this site),
    else the case page at `anchor`."""
    from django.shortcuts import redirect
    from django.urls import reverse
    from django.utils.http import url_has_allowed_host_and_scheme

    back = request.POST.get("back", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()},
                                                require_https=request.is_secure()):
        return redirect(back)
    return redirect(reverse("ui:case_detail", args=[case.urn]) + anchor)


def form_date(value: str | None, *, strict: bool = True):
    """A YYYY-MM-DD date from a form field; blank is None. A date that cannot be read is refused
    with a message (CaseRefused), or with `strict=False` treated as blank for the service to say
    what it needs."""
    from datetime import date

    from casework.cases.services import CaseRefused

    value = (value or "").strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        if not strict:
            return None
        raise CaseRefused(f"{value!r} is not a date like 2025-03-31.") from None
