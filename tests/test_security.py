"""CSRF, response headers, error pages and output escaping."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from models import db
from models.audit import AuditEntry
from models.network import Organisation
from tests import factories
from tests.helpers import login, organisation_writes


@pytest.fixture
def csrf_app(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield app
    app.config["WTF_CSRF_ENABLED"] = False


def token(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def organisations() -> int:
    return db.session.scalar(select(func.count()).select_from(Organisation))


def test_login_without_token_is_refused(csrf_app, users):
    browser = csrf_app.test_client()
    response = browser.post("/login", data={"username": "secretariat", "password": "x" * 20})
    assert response.status_code == 400
    assert "Le formulaire a expiré" in response.get_data(as_text=True)


@pytest.fixture
def logged_in_with_csrf(csrf_app, users):
    browser = csrf_app.test_client()
    page = browser.get("/login").get_data(as_text=True)
    data = {"username": "secretariat", "password": "correct horse battery staple"}
    assert browser.post("/login", data={**data, "csrf_token": token(page)}).status_code == 302
    return browser


@pytest.mark.parametrize(
    ("path", "data"),
    [*organisation_writes("Sans jeton"), ("/logout", {})],
)
def test_writes_without_token_are_refused_and_change_nothing(logged_in_with_csrf, path, data):
    org = factories.organisation("Intacte")
    data = {k: v.format(org=org.id) for k, v in data.items()}
    response = logged_in_with_csrf.post(path.format(org=org.id), data=data)
    assert response.status_code == 400
    db.session.refresh(org)
    assert (org.name, organisations()) == ("Intacte", 1)
    refusal = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "denied")).one()
    assert (refusal.username, refusal.detail) == ("secretariat", f"CSRF POST {path.split('?')[0]}")
    assert logged_in_with_csrf.get("/admin/").status_code == 200  # still logged in


def test_write_with_token_goes_through(logged_in_with_csrf):
    page = logged_in_with_csrf.get("/admin/organisation/new/").get_data(as_text=True)
    response = logged_in_with_csrf.post(
        "/admin/organisation/new/",
        data={"name": "Avec jeton", "kind": "association", "csrf_token": token(page)},
    )
    assert response.status_code == 302 and organisations() == 1


def test_pages_carry_protective_headers(client):
    response = client.get("/admin/organisation/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "http" not in csp  # no external origin
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get("/admin/organisation/export/csv/").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/admin/organisation/", "/admin/organisation/new/", "/admin/"])
def test_no_script_runs_outside_the_policy(client, path):
    factories.organisation("Avec actions")
    response = client.get(path)
    nonce = re.search(r"'nonce-([^']+)'", response.headers["Content-Security-Policy"]).group(1)
    page = response.get_data(as_text=True)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert [a for a in inline if f'nonce="{nonce}"' not in a] == []
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handler


def test_pages_load_nothing_from_another_origin(client):
    page = client.get("/admin/organisation/new/").get_data(as_text=True)
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)


def test_unknown_page_is_a_404_in_the_backoffice_look(client):
    response = client.get("/admin/does-not-exist/")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page introuvable" in page and "bootstrap.min.css" in page


def test_forbidden_page_explains_without_detail(as_role):
    response = as_role("partner").get("/admin/user/")
    assert response.status_code == 403
    assert "Votre compte ne donne pas accès à cette page." in response.get_data(as_text=True)


def test_unexpected_error_shows_no_trace(app, client, monkeypatch):
    from backoffice.admin.network import OrganisationView

    def explode(self, *args, **kwargs):
        raise RuntimeError("SELECT secret FROM housing_stay")

    monkeypatch.setattr(OrganisationView, "get_list", explode)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    try:
        response = client.get("/admin/organisation/")
    finally:
        app.config["PROPAGATE_EXCEPTIONS"] = None
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Une erreur s&#39;est produite" in page or "Une erreur s'est produite" in page
    assert "SELECT" not in page and "Traceback" not in page


def test_stored_markup_renders_inert(client):
    factories.organisation('<script>alert("x")</script>', short_name="<b>gras</b>")
    for url in ("/admin/organisation/", "/admin/organisation/details/?id=1"):
        page = client.get(url).get_data(as_text=True)
        assert '<script>alert("x")</script>' not in page and "<b>gras</b>" not in page


def test_debug_is_off_by_default(app):
    from backoffice import create_app

    assert create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"}).debug is False


def test_secret_key_is_generated_once_and_private(tmp_path, monkeypatch):
    from backoffice.config import secret_key

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(str(tmp_path))
    assert len(first) >= 64 and secret_key(str(tmp_path)) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_login_page_itself_needs_no_session(anonymous):
    assert anonymous.get("/login").status_code == 200
    assert login(anonymous, "nobody", "wrong password here").status_code == 401
