"""Logging in and out, passwords, throttling and sessions."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from backoffice.auth import accounts, passwords
from models import db
from models.accounts import User, UserSession
from models.audit import AuditEntry
from tests.helpers import PASSWORD, login


def test_anonymous_visitor_is_sent_to_the_login_page(anonymous):
    response = anonymous.get("/admin/organisation/")
    assert response.status_code == 302
    assert "/login?next=" in response.headers["Location"]


def test_login_page_is_in_french_and_in_the_backoffice_look(anonymous):
    page = anonymous.get("/login").get_data(as_text=True)
    assert "Se connecter" in page and "Nom d'utilisateur" in page
    assert "bootstrap.min.css" in page


def test_right_password_opens_a_session_and_follows_next(anonymous, users):
    response = login(anonymous, "secretariat", next_url="/admin/person/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/person/"
    assert anonymous.get("/admin/person/").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example"])
def test_next_pointing_to_another_host_is_ignored(anonymous, users, target):
    response = login(anonymous, "secretariat", next_url=target)
    assert response.headers["Location"] == "/admin/"


def test_wrong_password_is_refused_with_a_message_and_audited(anonymous, users):
    response = login(anonymous, "secretariat", password="not the password!")
    assert response.status_code == 401
    assert "Nom d&#39;utilisateur inconnu ou mot de passe erroné." in response.get_data(
        as_text=True
    )
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")).one()
    assert entry.username == "secretariat"
    assert "not the password" not in str(entry.changes) + str(entry.detail)


def test_deactivated_account_cannot_log_in(anonymous, users):
    accounts.deactivate(accounts.find("secretariat"))
    db.session.commit()  # as the command or the screen that deactivates it does
    assert login(anonymous, "secretariat").status_code == 401


def test_five_failures_lock_the_account_even_with_the_right_password(anonymous, users):
    for _ in range(5):
        login(anonymous, "coordinator", password="wrong password")
    response = login(anonymous, "coordinator")
    assert response.status_code == 429
    assert "Trop de tentatives échouées" in response.get_data(as_text=True)
    assert anonymous.get("/admin/person/").status_code == 302


def test_lock_ends_after_fifteen_minutes(app, anonymous, users):
    from models.accounts import LoginAttempt

    for _ in range(5):
        login(anonymous, "coordinator", password="wrong password")
    for attempt in db.session.scalars(select(LoginAttempt)):
        attempt.attempted_at = datetime.now(UTC) - timedelta(minutes=16)
    db.session.commit()
    assert login(anonymous, "coordinator").status_code == 302


def test_failures_from_one_address_lock_other_accounts_too(anonymous, users):
    for name in ("a", "b", "c", "d", "e"):
        login(anonymous, f"unknown-{name}", password="wrong password")
    assert login(anonymous, "secretariat").status_code == 429


def test_passwords_are_stored_as_argon2id_hashes_with_rfc_9106_parameters():
    from backoffice import create_app

    production = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with production.app_context():
        stored = passwords.hash_password(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert PASSWORD not in stored


def test_short_password_is_refused():
    with pytest.raises(accounts.AccountError, match="12"):
        accounts.create("shorty", "secretariat", "elevenchars")
    assert db.session.scalars(select(User)).all() == []


def test_login_gives_a_new_session_cookie(anonymous, users):
    anonymous.get("/login")
    before = anonymous.get_cookie("session")
    login(anonymous, "secretariat")
    after = anonymous.get_cookie("session")
    assert after is not None and (before is None or before.value != after.value)


def test_logout_ends_the_session_even_for_a_copied_cookie(app, anonymous, users):
    login(anonymous, "secretariat")
    copied = anonymous.get_cookie("session").value
    assert anonymous.post("/logout").status_code == 302
    assert db.session.scalars(select(UserSession)).all() == []
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/admin/person/").status_code == 302


def test_logout_by_get_is_not_possible(client):
    assert client.get("/logout").status_code == 405


def test_idle_session_expires(client):
    for row in db.session.scalars(select(UserSession)):
        row.last_seen_at = datetime.now(UTC) - timedelta(minutes=31)
    db.session.commit()
    response = client.get("/admin/person/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Votre session a expiré" in page


def test_session_cookie_is_httponly_and_samesite_lax(anonymous, users):
    response = login(anonymous, "secretariat")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_user_changes_own_password(client):
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "a brand new secret", "confirm": "a brand new secret"},
    )
    assert response.status_code == 302
    client.post("/logout")
    assert login(client, "secretariat", password="a brand new secret").status_code == 302


def test_password_change_refuses_short_password_next_to_the_field(client):
    response = client.post(
        "/account/password", data={"current": PASSWORD, "new": "short", "confirm": "short"}
    )
    assert response.status_code == 200
    assert "au moins 12 caractères" in response.get_data(as_text=True)


def test_unknown_and_known_usernames_cost_a_password_check_alike(
    app, monkeypatch, anonymous, users
):
    class CountingHasher:
        def __init__(self, real):
            self.real, self.hashes_checked = real, []

        def verify(self, password_hash, password):
            self.hashes_checked.append(password_hash)
            return self.real.verify(password_hash, password)

    spy = CountingHasher(app.extensions["password_hasher"])
    monkeypatch.setitem(app.extensions, "password_hasher", spy)
    login(anonymous, "nobody-at-all", password="wrong password")
    login(anonymous, "secretariat", password="wrong password")
    assert len(spy.hashes_checked) == 2
