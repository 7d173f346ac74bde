"""Every route, for every role, against the network's "who sees what" table.

The table below is written by hand from the network's rules, not derived from the code:
a route that appears without being listed here fails the test.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from models import db
from models.accounts import User
from tests.helpers import login

ROLES = ("administrator", "secretariat", "coordinator", "partner")
ALL_EDIT_PARTNER_VIEW = {
    "administrator": "edit",
    "secretariat": "edit",
    "coordinator": "edit",
    "partner": "view",
}

# Admin screen (blueprint) -> role -> "edit", "view" or absent (no access at all).
SCREENS = {
    "admin": {role: "view" for role in ROLES},  # the home page: the dashboard
    "report": {"administrator": "view", "secretariat": "view", "coordinator": "edit"},
    "organisation": ALL_EDIT_PARTNER_VIEW,
    "person": ALL_EDIT_PARTNER_VIEW,
    "referentappointment": ALL_EDIT_PARTNER_VIEW,
    "platformmembership": ALL_EDIT_PARTNER_VIEW,
    "platformmeeting": ALL_EDIT_PARTNER_VIEW,
    "municipality": ALL_EDIT_PARTNER_VIEW,
    "agreement": ALL_EDIT_PARTNER_VIEW,
    "workshop": ALL_EDIT_PARTNER_VIEW,
    "workshopsession": ALL_EDIT_PARTNER_VIEW,
    "training": ALL_EDIT_PARTNER_VIEW,
    "trainingsession": ALL_EDIT_PARTNER_VIEW,
    "awarenessaction": ALL_EDIT_PARTNER_VIEW,
    "communicationmaterial": ALL_EDIT_PARTNER_VIEW,
    "interventionprotocol": ALL_EDIT_PARTNER_VIEW,
    "housingunit": {"administrator": "edit", "secretariat": "edit", "coordinator": "view"},
    "housingstay": {"administrator": "edit", "secretariat": "edit", "coordinator": "view"},
    "user": {"administrator": "edit"},
    # Nobody edits the audit log, not even the administrator.
    "auditentry": {"administrator": "view", "coordinator": "view"},
}
# Refused to every role: accounts are deactivated, never deleted.
# Accounts are never deleted: what refers to one is never asked either.
NEVER = {("user", "delete_view"), ("user", "dependents_view")}
READING = {"index", "index_view", "details_view", "export", "pdf", "xlsx", "published"}

# Routes outside the admin screens: endpoint -> who may open it.
PAGES = {
    "static": "public",
    "admin.static": "public",
    "auth.login": "public",
    "language.choose": "public",
    "health.healthz": "public",
    "root": "logged in",
    "auth.logout": "logged in",
    "auth.change_password": "logged in",
    "overview.index": "logged in",
    "overview.export": "logged in",
}

# Counted before and after every refused write; these tables record the refusals themselves.
BOOKKEEPING = {"audit_entry", "login_attempt", "user_session", "submitted_form", "kept_form"}


def rows_in_all_tables() -> dict[str, int]:
    return {
        t.name: db.session.scalar(select(func.count()).select_from(t))
        for t in db.metadata.sorted_tables
        if t.name not in BOOKKEEPING
    }


def routes(app):
    """Yield (endpoint, screen, view method, url, methods) for every route of the app."""
    for rule in app.url_map.iter_rules():
        screen, _, method = rule.endpoint.partition(".")
        url = rule.rule.replace("<export_type>", "csv").replace("<path:filename>", "x.css")
        url = url.replace("<filename>", "x.css")
        url = re.sub(r"<(?:any\([^)]*\):)?fmt>", "csv", url)
        yield rule.endpoint, screen, method, url, rule.methods - {"HEAD", "OPTIONS"}


def with_record_id(url: str, screen: str, app) -> str:
    view = next((v for v in app.extensions["admin"][0]._views if v.endpoint == screen), None)
    if view is None or not hasattr(view, "model"):
        return url
    record_id = db.session.scalar(select(view.model.id).limit(1))
    if record_id is None:  # no such record: the screen is asked without an id
        return f"{url}?name=organisation&query=a"
    return f"{url}?id={record_id}&name=organisation&query=a"


def test_every_route_is_in_the_table(app):
    unlisted = [
        endpoint
        for endpoint, screen, *_ in routes(app)
        if endpoint not in PAGES and screen not in SCREENS
    ]
    assert unlisted == []


def test_every_admin_screen_asks_the_access_rules(app):
    from backoffice.admin.guard import AccessControlled

    views = app.extensions["admin"][0]._views
    assert all(isinstance(view, AccessControlled) for view in views)


def expected_status(role: str | None, endpoint: str, screen: str, method: str, verb: str) -> set:
    if endpoint in PAGES:
        if PAGES[endpoint] == "public":
            return {200, 404, 302}
        return {302} if role is None else {200, 302}
    if role is None:
        return {302}
    level = SCREENS[screen].get(role)
    if (screen, method) in NEVER or level is None or (level == "view" and method not in READING):
        return {403}
    if method in ("ajax_lookup", "ajax_update"):
        return {200, 400, 404}  # 404: this screen has no such look-up or inline field
    # Writes themselves are tested in each area's tests; here: let in, no error.
    return {200, 302} if verb == "POST" else {200}


@pytest.mark.parametrize("role", [None, *ROLES])
def test_role_gets_exactly_what_the_table_grants(app, demo_network, role):
    browser = app.test_client()
    if role:
        assert login(browser, role).status_code == 302
    failures = []
    # Every GET first, then every POST: an editor's POST may delete what a GET needs.
    for verb in ("GET", "POST"):
        for endpoint, screen, method, url, methods in routes(app):
            if endpoint == "auth.logout" or (endpoint == "auth.login" and role):
                continue  # logging out would end the walk; both are tested in test_auth
            if verb not in methods:
                continue
            expected = expected_status(role, endpoint, screen, method, verb)
            refused_write = verb == "POST" and expected <= {302, 403}
            before = rows_in_all_tables() if refused_write else None
            response = browser.open(with_record_id(url, screen, app), method=verb, data={})
            if response.status_code not in expected:
                failures.append((verb, url, response.status_code, sorted(expected)))
            if refused_write and rows_in_all_tables() != before:
                failures.append((verb, url, "changed rows"))
            if role is None and response.status_code == 302 and PAGES.get(endpoint) != "public":
                assert "/login" in response.headers["Location"], url
    assert failures == [], "\n".join(map(str, failures))
    assert db.session.scalar(select(func.count()).select_from(User)) == 4
