"""Sessions end after 30 minutes without activity and 8 hours after signing in."""

import time

import pytest

from casework.accounts.services import SESSION_AUTH_AT, SESSION_LAST_SEEN

from .helpers import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, make_user):
    make_user("cpo")
    assert sign_in(client, "cpo").status_code == 302
    return client


def _set(client, **values):
    session = client.session
    for key, value in values.items():
        session[key] = value
    session.save()


def _notice(client) -> str:
    page = client.get("/login/").content.decode()
    start = page.index("govuk-notification-banner__heading")
    return page[page.index(">", start) + 1:page.index("</p>", start)]


def test_signing_in_stamps_the_session(signed_in):
    session = signed_in.session
    assert abs(session[SESSION_AUTH_AT] - time.time()) < 5
    assert abs(session[SESSION_LAST_SEEN] - time.time()) < 5


def test_thirty_minutes_idle_signs_you_out(signed_in):
    assert signed_in.get("/cases/").status_code == 200
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 31 * 60})
    response = signed_in.get("/cases/?q=carter")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/cases/%3Fq%3Dcarter"
    assert "_auth_user_id" not in signed_in.session
    assert _notice(signed_in) == "You were signed out after 30 minutes without activity."
    # The message is shown once.
    assert "govuk-notification-banner" not in signed_in.get("/login/").content.decode()


def test_activity_keeps_the_session_alive(signed_in):
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 29 * 60})
    assert signed_in.get("/cases/").status_code == 200
    assert abs(signed_in.session[SESSION_LAST_SEEN] - time.time()) < 5  # the clock restarted
    assert signed_in.get("/cases/").status_code == 200


def test_the_idle_limit_is_a_setting(signed_in, settings):
    settings.CASEWORK_SESSION_IDLE_MINUTES = 10
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 11 * 60})
    assert signed_in.get("/cases/").status_code == 302
    assert _notice(signed_in) == "You were signed out after 10 minutes without activity."


def test_eight_hours_after_signing_in_you_are_signed_out_however_active(signed_in):
    _set(signed_in, **{SESSION_AUTH_AT: int(time.time()) - 8 * 3600 - 1})
    assert signed_in.get("/cases/").status_code == 302
    assert _notice(signed_in) == ("You were signed out because you had been signed in for 8 hours. "
                                  "Sign in again to carry on.")


def test_a_form_sent_after_the_timeout_goes_to_sign_in_without_next(signed_in):
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 31 * 60})
    response = signed_in.post("/cases/20BH0456725/file-stage/", {"stage": "anticipated_guilty"})
    assert response.status_code == 302 and response["Location"] == "/login/"


def test_htmx_requests_are_told_to_load_the_sign_in_page(signed_in):
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 31 * 60})
    response = signed_in.get("/cases/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and response["HX-Redirect"] == "/login/?next=/cases/"


def test_signing_in_again_after_a_timeout_works(signed_in):
    _set(signed_in, **{SESSION_LAST_SEEN: int(time.time()) - 31 * 60})
    signed_in.get("/cases/")
    response = signed_in.post("/login/?next=/cases/", {"username": "cpo", "password": PASSWORD,
                                                       "next": "/cases/"})
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert signed_in.get("/cases/").status_code == 200
