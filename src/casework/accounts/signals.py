"""Stamp each new signed-in session: when it signed in (for the 8-hour limit), when it was last
active (for the idle timeout), and whether it still owes a security code.

Runs for every login() — the sign-in page, and also the test client's login()/force_login().
"""

import time

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import SESSION_AUTH_AT, SESSION_LAST_SEEN, session_two_factor_reset


@receiver(user_logged_in, dispatch_uid="casework.accounts.session_stamp")
def session_stamp(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    now = int(time.time())
    session[SESSION_AUTH_AT] = now
    session[SESSION_LAST_SEEN] = now
    session_two_factor_reset(request, user)
