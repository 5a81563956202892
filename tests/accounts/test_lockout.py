"""Sign-in throttling: a user name locks after 5 failures in 15 minutes, for 15 minutes; an
address after 20. Unknown user names behave exactly like real ones."""

import logging
import re
from datetime import timedelta

import pytest
from django.test import Client

from casework.accounts.models import LoginAttempt
from casework.accounts.services import client_ip, login_lock
from casework.people.constants import Role

from .helpers import PASSWORD, error_text, sign_in, totp_code, verify_session

pytestmark = pytest.mark.django_db

INVALID = "Enter a correct user name and password. Both are case-sensitive."
LOCKED = re.compile(r"There have been too many failed attempts to sign in with this user name\. "
                    r"Signing in with it is locked for 15 minutes, until \d{1,2}:\d\d(am|pm)\. "
                    r"An administrator can unlock it sooner\.")


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _fail(client, username, times, **extra):
    return [sign_in(client, username, "wrong-password", **extra) for _ in range(times)]


def _time_travel(minutes):
    """Move every recorded attempt into the past."""
    for attempt in LoginAttempt.objects.all():
        attempt.at -= timedelta(minutes=minutes)
        attempt.save()


def test_five_failures_lock_the_account_even_against_the_right_password(client, make_user):
    make_user("cpo")
    responses = _fail(client, "cpo", 5)
    assert [error_text(r) for r in responses[:4]] == [INVALID] * 4
    assert LOCKED.fullmatch(error_text(responses[4])), error_text(responses[4])

    response = sign_in(client, "cpo", PASSWORD)
    assert response.status_code == 200 and LOCKED.fullmatch(error_text(response))
    assert not _signed_in(client)
    # Refused attempts are not counted: the lock ends 15 minutes after it began.
    assert LoginAttempt.objects.filter(username="cpo").count() == 5


def test_an_unknown_user_name_gets_the_same_messages(client, make_user):
    make_user("cpo")
    real = [error_text(r) for r in _fail(client, "cpo", 6)]
    unknown = [error_text(r) for r in _fail(client, "nobody", 6)]
    assert real == unknown  # same wording, same lock (same minute in this test)
    assert real[:4] == [INVALID] * 4 and LOCKED.fullmatch(real[4]) and real[4] == real[5]


def test_the_lock_ends_after_15_minutes(client, make_user):
    make_user("cpo")
    _fail(client, "cpo", 5)
    _time_travel(14)
    assert LOCKED.fullmatch(error_text(sign_in(client, "cpo", PASSWORD)))
    _time_travel(2)  # the fifth failure is now 16 minutes ago
    assert sign_in(client, "cpo", PASSWORD).status_code == 302 and _signed_in(client)


def test_failures_older_than_15_minutes_do_not_count(client, make_user):
    make_user("cpo")
    _fail(client, "cpo", 4)
    _time_travel(16)
    _fail(client, "cpo", 4)  # 8 failures, never 5 within 15 minutes
    assert sign_in(client, "cpo", PASSWORD).status_code == 302


def test_signing_in_clears_the_count(client, make_user):
    make_user("cpo")
    _fail(client, "cpo", 4)
    assert sign_in(client, "cpo", PASSWORD).status_code == 302
    client.post("/logout/")
    responses = _fail(client, "cpo", 4)
    assert error_text(responses[-1]) == INVALID
    assert sign_in(client, "cpo", PASSWORD).status_code == 302


def test_user_names_are_counted_whatever_their_case(client, make_user):
    make_user("cpo")
    _fail(client, "CPO", 3)
    _fail(client, " cpo", 2)
    assert LOCKED.fullmatch(error_text(sign_in(client, "cpo", PASSWORD)))


def test_twenty_failures_from_one_address_lock_that_address(make_user):
    make_user("cpo")
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for n in range(20):  # password spraying: 4 tries at each of 5 names stays under the user limit
        response = sign_in(attacker, f"user{n % 5}", "Spring2025!!")
    assert error_text(response).startswith("There have been too many failed attempts to sign in "
                                            "from this device or network.")
    assert not _signed_in(attacker) and sign_in(attacker, "cpo", PASSWORD).status_code == 200
    # Another address is not affected, and the user name itself is not locked.
    colleague = Client(REMOTE_ADDR="198.51.100.8")
    assert sign_in(colleague, "cpo", PASSWORD).status_code == 302


def test_a_lock_is_noted_on_the_attempt_and_logged(client, make_user, caplog):
    make_user("cpo")
    with caplog.at_level(logging.WARNING, logger="casework.accounts"):
        _fail(client, "cpo", 5)
    locking = LoginAttempt.objects.filter(note__startswith="Locked the user name for 15 minutes")
    assert locking.count() == 1 and "after 5 failed attempts" in locking.get().note
    assert any("Sign-in lock" in r.getMessage() and "'cpo'" in r.getMessage() for r in caplog.records)


def test_an_administrator_unlocks_a_user_name_in_the_admin(client, make_user):
    make_user("cpo")
    _fail(client, "cpo", 5)
    assert login_lock("cpo", None) is not None

    admin = Client()
    make_user("admin", Role.ADMINISTRATOR)
    admin.login(username="admin", password=PASSWORD)
    verify_session(admin)
    changelist = admin.get("/admin/accounts/loginattempt/?q=cpo")
    assert changelist.status_code == 200 and "Locked the user name" in changelist.content.decode()
    attempt = LoginAttempt.objects.filter(username="cpo").first()
    response = admin.post("/admin/accounts/loginattempt/", {
        "action": "unlock_usernames", "_selected_action": [attempt.pk]}, follow=True)
    assert "Unlocked cpo: 5 failed attempts cleared." in response.content.decode()

    assert login_lock("cpo", None) is None
    assert set(LoginAttempt.objects.filter(username="cpo").values_list("cleared_by", flat=True)) == {"admin"}
    assert sign_in(client, "cpo", PASSWORD).status_code == 302


def test_wrong_security_codes_count_towards_the_lock(client, make_user):
    from casework.accounts.services import totp_enrol

    user = make_user("cpo")
    totp_enrol(user)
    _fail(client, "cpo", 2)
    assert sign_in(client, "cpo", PASSWORD).status_code == 302  # password right: code still owed
    for _ in range(2):
        response = client.post("/login/code/", {"code": "000000"})
        assert "The security code is not right" in response.content.decode()
    response = client.post("/login/code/", {"code": "000000"})  # the fifth failure
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert not _signed_in(client)
    page = client.get("/login/").content.decode()
    assert "too many failed attempts to sign in with this user name" in page
    # Even the right password and code are refused until the lock ends.
    assert LOCKED.fullmatch(error_text(sign_in(client, "cpo", PASSWORD)))
    _time_travel(16)
    assert sign_in(client, "cpo", PASSWORD).status_code == 302
    assert client.post("/login/code/", {"code": totp_code(user)}).status_code == 302
    assert client.get("/cases/").status_code == 200


def test_the_address_is_the_proxy_s_view_only_when_proxies_are_trusted(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.5", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    settings.CASEWORK_TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.5"
    settings.CASEWORK_TRUSTED_PROXIES = 1
    assert client_ip(request) == "203.0.113.9"  # the client-written 1.2.3.4 is not believed
    settings.CASEWORK_TRUSTED_PROXIES = 3  # fewer entries than proxies: fall back
    assert client_ip(request) == "10.0.0.5"
    assert client_ip(rf.get("/", REMOTE_ADDR="not an address")) is None


def test_wrong_passwords_typed_while_signed_in_count_too(client, make_user):
    make_user("cpo")
    sign_in(client, "cpo")
    for _ in range(4):
        response = client.post("/account/password/", {"old_password": "guess", "new_password1": "x",
                                                      "new_password2": "x"})
        assert "Your current password is not right." in response.content.decode()
    response = client.post("/account/password/", {"old_password": "guess", "new_password1": "x",
                                                  "new_password2": "x"})
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert not _signed_in(client)
    assert "too many failed attempts" in client.get("/login/").content.decode()
