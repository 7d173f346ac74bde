"""Accounts, passwords, sessions and login throttling; the gate in front of every page."""

from __future__ import annotations

from flask import Flask, current_app, flash, request, session
from flask_babel import gettext
from flask_login import current_user

from .. import access
from . import kept_forms, passwords
from .sessions import login_manager
from .views import bp


def _admin_endpoints(app: Flask) -> frozenset[str]:
    """Blueprint names of the admin screens: they check access themselves (see admin.guard)."""
    return frozenset(view.endpoint for view in app.extensions["admin"][0]._views)


def _is_record_form(endpoint: str) -> bool:
    return endpoint.endswith((".create_view", ".edit_view")) and (
        request.blueprint in current_app.extensions["admin_endpoints"]
    )


def gate():
    """Send anonymous visitors to the login page; refuse any page no rule grants."""
    endpoint = request.endpoint
    if endpoint is None or endpoint in access.PUBLIC_ENDPOINTS:
        return None  # 404 and 405 pages, login, static files
    if not current_user.is_authenticated:
        if request.method == "POST" and (user_id := session.get("expired_user")):
            if _is_record_form(endpoint) and kept_forms.keep(user_id):
                flash(gettext("What you typed is kept: log in again to get it back."))
        return access.refuse()  # to the login page
    if request.blueprint in current_app.extensions["admin_endpoints"]:
        return None
    if not access.allowed(access.ROUTE_AREAS.get(endpoint), access.VIEW):
        return access.refuse()
    return None


def init_app(app: Flask) -> None:
    passwords.init_app(app)
    login_manager.init_app(app)
    app.register_blueprint(bp)
    app.before_request(gate)
    app.extensions["admin_endpoints"] = _admin_endpoints(app)
