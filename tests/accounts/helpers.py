"""Helpers for tests that sign in users who must use two-factor authentication.

`client.login()` and `client.force_login()` sign a user in without the security code, so an
administrator's or auditor's session (or that of anyone with an authenticator app) is held at
the two-factor pages until it is verified. Tests about something else mark it verified:

    from tests.accounts.helpers import verify_session

    client.login(username="admin", password=PASSWORD)
    verify_session(client)
"""

import html
from datetime import timedelta

import pyotp
from django.utils import timezone

from casework.accounts.models import TOTPDevice
from casework.accounts.services import SESSION_VERIFIED

PASSWORD = "correct-horse-battery-9"


def verify_session(client):
    """Mark the test client's signed-in session as having given its second factor."""
    session = client.session
    session[SESSION_VERIFIED] = True
    session.save()
    return client


def totp_code(user, *, steps_ahead: int = 0) -> str:
    """The code the user's authenticator app shows now (or `steps_ahead` 30-second steps later:
    each code works once, so a second sign-in in the same test uses the next one)."""
    device = TOTPDevice.objects.get(user=user)
    return pyotp.TOTP(device.secret).at(timezone.now() + timedelta(seconds=30 * steps_ahead))


def sign_in(client, username, password=PASSWORD, **extra):
    return client.post("/login/", {"username": username, "password": password}, **extra)


def error_text(response) -> str:
    """The text of the error summary's first entry."""
    page = response.content.decode()
    start = page.index("govuk-error-summary__list")
    item = page[page.index("<a", start):page.index("</a>", start)]
    return html.unescape(item[item.index(">") + 1:].strip())
