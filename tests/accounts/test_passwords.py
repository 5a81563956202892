"""Strong passwords: Django's rules (12 characters, not common, not all numbers, not like the
user's details) and ours (no user name or name inside it, more than one kind of character), and
the page for changing a password."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from casework.people.constants import Role
from casework.people.models import User

from .helpers import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def sam():
    return User(username="sam.patel", first_name="Sam", last_name="Patel",
                email="sam.patel@west-midlands.police.uk", role=Role.ADMINISTRATOR)


def _problems(password, user):
    try:
        validate_password(password, user)
    except ValidationError as e:
        return e.messages
    return []


@pytest.mark.parametrize("password,message", [
    ("short-9A", "This password is too short. It must contain at least 12 characters."),
    ("password1234", "This password is too common."),
    ("839201748392017", "This password is entirely numeric."),
    ("Sam.Patel-2025-x", "Your password must not contain your user name or your name (it contains “sam.patel”)."),
    ("river-patel-lamp-9", "Your password must not contain your user name or your name (it contains “patel”)."),
    ("correcthorsebatterystaple", "Your password must mix at least 2 kinds of character: small "
     "letters, capital letters, numbers, or spaces and symbols. For example, 3 random words with a "
     "hyphen between each."),
    ("CORRECTHORSEBATTERY", "Your password must mix at least 2 kinds of character"),
    ("!!!!----????####", "Your password must mix at least 2 kinds of character"),
])
def test_weak_passwords_are_refused_with_a_clear_message(sam, password, message):
    assert any(m.startswith(message) for m in _problems(password, sam)), _problems(password, sam)


@pytest.mark.parametrize("password", ["correct-horse-battery-9", "correct horse battery staple",
                                      "Tramline Oxbow Quiver", "blue-Kettle-7-orbit"])
def test_strong_passwords_are_accepted(sam, password):
    assert _problems(password, sam) == []


def test_a_short_name_is_not_treated_as_a_word_to_avoid(sam):
    # "sam" is 3 letters: "samples" must not be refused because of it.
    assert _problems("samples-of-river-clay", sam) == []


def test_the_password_page_changes_the_password_and_keeps_you_signed_in(client, make_user):
    make_user("cpo")
    sign_in(client, "cpo")
    page = client.get("/account/password/").content.decode()
    assert "Change your password" in page and "at least 12 characters" in page
    assert "must not contain your user name or your name" in page

    weak = client.post("/account/password/", {"old_password": PASSWORD, "new_password1": "cpo-cpo-cpo-cpo",
                                              "new_password2": "cpo-cpo-cpo-cpo"})
    html = weak.content.decode()
    assert weak.status_code == 200 and "govuk-error-summary" in html
    assert "Your password must not contain your user name or your name" in html

    done = client.post("/account/password/", {"old_password": PASSWORD,
                                              "new_password1": "Tramline Oxbow Quiver",
                                              "new_password2": "Tramline Oxbow Quiver"}, follow=True)
    assert done.redirect_chain[-1][0] == "/account/"
    assert "Your password has been changed." in done.content.decode()
    assert client.get("/cases/").status_code == 200  # still signed in
    client.post("/logout/")
    assert sign_in(client, "cpo", "Tramline Oxbow Quiver").status_code == 302
