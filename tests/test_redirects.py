"""After login and after choosing a language, the browser goes back only to a page of ours."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from tests.helpers import PASSWORD

HOME = "/admin/"

# What an attacker writes in `next`, and how browsers would read it.
HOSTILE = [
    "https://evil.example/",
    "http://evil.example",
    "HTTPS://evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example",
    "///evil.example",
    "////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\\/evil.example",
    "%2F%2Fevil.example",
    "/%2F/evil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/%09/evil.example",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "/\r\n/evil.example",
    "/admin/\r\nSet-Cookie: stolen=1",
    "\x00//evil.example",
    "/\u2215evil.example",
    "\uff0f\uff0fevil.example",
    "evil.example",
    "@evil.example",
    "",
]
LOCAL = ["/admin/person/", "/admin/organisation/?search=GREOVA&page=1", "/network-overview/"]


def is_local_path(location: str) -> bool:
    """What the browser will do with a Location header: stay on this site."""
    return (
        location.startswith("/")
        and not location.startswith(("//", "/\\"))
        and all(0x21 <= ord(c) <= 0x7E and c != "\\" for c in location)
    )


def log_in(anonymous, next_url: str):
    return anonymous.post(
        "/login",
        query_string={"next": next_url},
        data={"username": "secretariat", "password": PASSWORD},
    )


@pytest.mark.parametrize("target", HOSTILE)
def test_login_never_sends_the_browser_elsewhere(anonymous, users, target):
    response = log_in(anonymous, target)
    if response.status_code == 400:
        # A control character in the URL: refused before anything is done (parameters.py).
        assert any(ord(c) < 32 or ord(c) == 127 for c in unquote(target))
        return
    assert response.status_code == 302
    assert response.headers["Location"] == HOME
    assert is_local_path(response.headers["Location"])


@pytest.mark.parametrize("target", HOSTILE)
def test_language_choice_never_sends_the_browser_elsewhere(anonymous, users, target):
    response = anonymous.post("/language", data={"language": "nl", "next": target})
    assert response.status_code == 302
    assert response.headers["Location"] == HOME


@pytest.mark.parametrize("target", LOCAL)
def test_pages_of_the_backoffice_are_followed(anonymous, users, target):
    assert log_in(anonymous, target).headers["Location"] == target
    response = anonymous.post("/language", data={"language": "de", "next": target})
    assert response.headers["Location"] == target


def test_logout_always_leads_to_the_login_page(client):
    response = client.post("/logout", query_string={"next": "//evil.example"})
    assert response.headers["Location"] == "/login"
