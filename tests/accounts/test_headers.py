"""The Content Security Policy and the other protective headers, and CSRF."""

import re

import pytest
from django.test import Client

from casework.people.constants import Role

from .helpers import PASSWORD, verify_session

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {d.split(" ", 1)[0]: d.split(" ", 1)[1] for d in header.split("; ")}


def test_pages_carry_the_content_security_policy(client):
    policy = _policy(client.get("/login/"))
    nonce = re.fullmatch(r"'self' 'nonce-([\w-]+)'", policy["script-src"]).group(1)
    assert policy == {
        "default-src": "'self'",
        "script-src": f"'self' 'nonce-{nonce}'",
        "style-src": f"'self' 'nonce-{nonce}'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "frame-ancestors": "'none'",
        "form-action": "'self'",
        "base-uri": "'none'",
    }
    assert "unsafe-inline" not in str(policy) and "unsafe-eval" not in str(policy)


def test_each_inline_script_carries_this_response_s_nonce(client):
    first, second = client.get("/login/"), client.get("/login/")
    nonce = _policy(first)["script-src"].split("'nonce-")[1].rstrip("'")
    assert nonce != _policy(second)["script-src"].split("'nonce-")[1].rstrip("'")
    html = first.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    inline = [attrs for attrs, body in scripts if body.strip()]
    assert len(inline) == 2  # the govuk-frontend-supported class, and the module initialising it
    assert all(f'nonce="{nonce}"' in attrs for attrs in inline)
    assert f'"inlineStyleNonce": "{nonce}"' in html  # htmx's indicator style
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


@pytest.mark.parametrize("url", ["/cases/", "/account/", "/admin/", "/admin/accounts/loginattempt/",
                                 "/no-such-page/", "/static/ui/casework-app.css", "/healthz"])
def test_every_response_has_the_policy_and_protective_headers(client, make_user, url):
    make_user("admin", Role.ADMINISTRATOR)
    client.login(username="admin", password=PASSWORD)
    verify_session(client)
    response = client.get(url)
    assert response.status_code in (200, 404), url
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    if not url.startswith("/static/"):  # static files are served before XFrameOptionsMiddleware
        assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_a_form_without_its_csrf_token_is_refused_with_a_plain_page(make_user):
    make_user("cpo")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "cpo", "password": PASSWORD})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, there is a problem with this form" in html and "OFFICIAL-SENSITIVE" in html
    assert "_auth_user_id" not in client.session

    page = client.get("/login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    ok = client.post("/login/", {"username": "cpo", "password": PASSWORD, "csrfmiddlewaretoken": token})
    assert ok.status_code == 302


def test_session_and_csrf_cookies_are_not_readable_by_scripts(client, make_user, settings):
    make_user("cpo")
    client.get("/login/")
    response = client.post("/login/", {"username": "cpo", "password": PASSWORD})
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.CSRF_COOKIE_HTTPONLY
