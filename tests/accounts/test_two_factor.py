"""Two-factor authentication with an authenticator app (TOTP): setting it up, signing in with
it, and administrators and auditors being made to use it."""

import re
from io import StringIO

import pyotp
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from casework.accounts.models import TOTPDevice
from casework.accounts.services import SESSION_PENDING_SECRET, totp_enrol
from casework.people.constants import Role

from .helpers import PASSWORD, sign_in, totp_code, verify_session

pytestmark = pytest.mark.django_db


def _enrol_through_the_page(client, next_url=None):
    url = "/account/two-factor/set-up/" + (f"?next={next_url}" if next_url else "")
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    secret = client.session[SESSION_PENDING_SECRET]
    assert re.sub(r"\s", "", re.search(r'id="totp-secret">([^<]+)<', html).group(1)) == secret
    uri = re.search(r'id="totp-uri">([^<]+)<', html).group(1).replace("&amp;", "&")
    assert uri.startswith("otpauth://totp/") and f"secret={secret}" in uri
    assert "issuer=Casework%20%28West%20Midlands%20Police%29" in uri
    assert '<svg' in html and "QR code for your authenticator app" in html  # drawn here, inline
    return secret


# --------------------------------------------------------------------------------------------
# Setting up
# --------------------------------------------------------------------------------------------

def test_a_caseworker_sets_up_an_app_from_the_account_page(client, make_user):
    user = make_user("cpo")
    client.login(username="cpo", password=PASSWORD)
    account = client.get("/account/").content.decode()
    assert 'href="/account/two-factor/set-up/"' in account and 'href="/account/password/"' in account

    secret = _enrol_through_the_page(client)
    wrong = client.post("/account/two-factor/set-up/", {"code": "123456" if pyotp.TOTP(secret).now() != "123456" else "654321"})
    assert wrong.status_code == 200 and "The security code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    malformed = client.post("/account/two-factor/set-up/", {"code": "12345"})
    assert "The security code must be 6 digits" in malformed.content.decode()

    done = client.post("/account/two-factor/set-up/", {"code": pyotp.TOTP(secret).now()}, follow=True)
    assert done.redirect_chain[-1][0] == "/account/"
    html = done.content.decode()
    assert "Two-factor authentication is set up." in html and "govuk-tag--green" in html
    assert TOTPDevice.objects.get(user=user).secret == secret
    assert SESSION_PENDING_SECRET not in client.session
    assert client.get("/cases/").status_code == 200  # this session counts as verified


def test_the_secret_being_set_up_stays_the_same_until_confirmed(client, make_user):
    make_user("cpo")
    client.login(username="cpo", password=PASSWORD)
    assert _enrol_through_the_page(client) == _enrol_through_the_page(client)


# --------------------------------------------------------------------------------------------
# Signing in with a code
# --------------------------------------------------------------------------------------------

def test_signing_in_asks_for_the_code_after_the_password(client, make_user):
    user = make_user("cpo")
    totp_enrol(user)
    response = client.post("/login/?next=/cases/", {"username": "cpo", "password": PASSWORD,
                                                    "next": "/cases/"})
    assert response["Location"] == "/cases/"
    gated = client.get("/cases/")
    assert gated.status_code == 302 and gated["Location"] == "/login/code/?next=%2Fcases%2F"
    assert client.get("/account/").status_code == 302
    assert client.get("/account/two-factor/set-up/")["Location"] == "/login/code/"  # no second app

    page = client.get("/login/code/?next=/cases/").content.decode()
    assert "Enter your security code" in page and 'autocomplete="one-time-code"' in page

    wrong = client.post("/login/code/", {"code": "000000" if totp_code(user) != "000000" else "111111",
                                         "next": "/cases/"})
    assert wrong.status_code == 200 and "The security code is not right" in wrong.content.decode()
    assert client.get("/cases/").status_code == 302

    right = client.post("/login/code/", {"code": totp_code(user), "next": "/cases/"})
    assert right.status_code == 302 and right["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_a_code_works_only_once(client, make_user):
    user = make_user("cpo")
    totp_enrol(user)
    code = totp_code(user)
    sign_in(client, "cpo")
    assert client.post("/login/code/", {"code": code})["Location"] == "/"
    client.post("/logout/")
    sign_in(client, "cpo")
    replay = client.post("/login/code/", {"code": code})
    assert replay.status_code == 200 and "The security code is not right" in replay.content.decode()
    assert client.post("/login/code/", {"code": totp_code(user, steps_ahead=1)}).status_code == 302


def test_the_next_address_must_be_on_this_site(client, make_user):
    user = make_user("cpo")
    totp_enrol(user)
    sign_in(client, "cpo")
    response = client.post("/login/code/", {"code": totp_code(user), "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_signing_in_again_asks_for_the_code_again(client, make_user):
    user = make_user("cpo")
    totp_enrol(user)
    sign_in(client, "cpo")
    client.post("/login/code/", {"code": totp_code(user)})
    assert client.get("/cases/").status_code == 200
    client.login(username="cpo", password=PASSWORD)  # same browser, same user
    assert client.get("/cases/").status_code == 302


def test_users_without_an_app_sign_in_with_a_password_only(client, make_user):
    make_user("cpo")
    assert sign_in(client, "cpo").status_code == 302
    assert client.get("/cases/").status_code == 200


# --------------------------------------------------------------------------------------------
# Administrators and auditors must use it
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.AUDITOR])
def test_administrators_and_auditors_must_set_up_an_app_first(client, make_user, role):
    make_user("boss", role)
    assert sign_in(client, "boss").status_code == 302
    for url in ("/cases/", "/admin/", "/admin/accounts/loginattempt/", "/account/", "/account/password/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/account/two-factor/set-up/"), url
    assert client.post("/cases/20BH0456725/file-stage/", {})["Location"] == "/account/two-factor/set-up/"

    page = client.get("/account/two-factor/set-up/?next=/cases/").content.decode()
    assert "Administrators and auditors must set up two-factor authentication" in page
    secret = client.session[SESSION_PENDING_SECRET]
    done = client.post("/account/two-factor/set-up/", {"code": pyotp.TOTP(secret).now(), "next": "/cases/"})
    assert done["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200
    assert client.get("/admin/").status_code == (200 if role == Role.ADMINISTRATOR else 302)


def test_staff_need_it_whatever_their_role(client, make_user):
    make_user("helpdesk", Role.CASEWORKER, is_staff=True)
    sign_in(client, "helpdesk")
    assert client.get("/cases/")["Location"].startswith("/account/two-factor/set-up/")


def test_an_administrator_cannot_turn_it_off_but_a_caseworker_can(client, make_user):
    admin = make_user("admin", Role.ADMINISTRATOR)
    totp_enrol(admin)
    client.login(username="admin", password=PASSWORD)
    verify_session(client)
    assert client.get("/account/two-factor/turn-off/").status_code == 403
    assert client.post("/account/two-factor/turn-off/", {"password": PASSWORD}).status_code == 403
    assert TOTPDevice.objects.filter(user=admin).exists()

    client.post("/logout/")
    cpo = make_user("cpo")
    totp_enrol(cpo)
    sign_in(client, "cpo")
    client.post("/login/code/", {"code": totp_code(cpo)})
    wrong = client.post("/account/two-factor/turn-off/", {"password": "not-my-password"})
    assert "The password is not right." in wrong.content.decode()
    done = client.post("/account/two-factor/turn-off/", {"password": PASSWORD}, follow=True)
    assert "Two-factor authentication is turned off." in done.content.decode()
    assert not TOTPDevice.objects.filter(user=cpo).exists()


def test_the_admin_site_uses_casework_sign_in(client, make_user):
    response = client.get("/admin/")
    assert response["Location"] == "/admin/login/?next=/admin/"
    response = client.get(response["Location"])
    assert response["Location"] == "/login/?next=/admin/"

    make_user("cpo")
    client.login(username="cpo", password=PASSWORD)
    forbidden = client.get("/admin/login/?next=/admin/")
    assert forbidden.status_code == 403 and "You cannot use administration" in forbidden.content.decode()


def test_verify_session_lets_tests_use_an_administrator_signed_in_with_client_login(client, make_user):
    make_user("admin", Role.ADMINISTRATOR)
    client.login(username="admin", password=PASSWORD)
    assert client.get("/admin/").status_code == 302
    verify_session(client)
    assert client.get("/admin/").status_code == 200
    assert client.get("/cases/").status_code == 200


# --------------------------------------------------------------------------------------------
# The demo: enrolling without a phone, and the code on the command line
# --------------------------------------------------------------------------------------------

def test_totp_enrol_keeps_the_secret_unless_told_to_replace_it(make_user):
    user = make_user("admin.demo", Role.ADMINISTRATOR)
    secret = totp_enrol(user)
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    assert totp_enrol(user) == secret
    assert totp_enrol(user, replace=True) != secret


def test_a_demo_administrator_signs_in_with_password_and_code(client, make_user):
    user = make_user("admin.demo", Role.ADMINISTRATOR)
    secret = totp_enrol(user)
    sign_in(client, "admin.demo")
    assert client.post("/login/code/", {"code": pyotp.TOTP(secret).now()}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_totp_code_command_is_refused_outside_demos(make_user, monkeypatch, settings):
    totp_enrol(make_user("admin.demo", Role.ADMINISTRATOR))
    monkeypatch.delenv("CASEWORK_DEMO", raising=False)
    settings.DEBUG = False
    with pytest.raises(CommandError) as refused:
        call_command("totp_code", "admin.demo")
    assert refused.value.returncode == 1 and "demos and tests only" in str(refused.value)


def test_totp_code_command_prints_the_current_code_for_a_demo(make_user, monkeypatch):
    user = make_user("admin.demo", Role.ADMINISTRATOR)
    totp_enrol(user)
    monkeypatch.setenv("CASEWORK_DEMO", "1")
    out = StringIO()
    call_command("totp_code", "admin.demo", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() in {totp_code(user), totp_code(user, steps_ahead=1)}
    with pytest.raises(CommandError) as unknown:
        call_command("totp_code", "nobody")
    assert unknown.value.returncode == 2
    make_user("cpo")
    with pytest.raises(CommandError) as no_app:
        call_command("totp_code", "cpo")
    assert no_app.value.returncode == 2 and "has not set up" in str(no_app.value)
