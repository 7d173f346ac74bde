"""The STOPP VIF backoffice: a Flask application built by create_app().

One owner per transaction. Domain functions (`audit.record_event`, `auth.sessions`,
`auth.throttle`, `auth.accounts`, ...) add, change and flush, and never commit: their caller
decides. A web request commits when its answer is ready, before it is sent (`_commit_request`):
a refused request too, so that its audit entry, a failed login or a throttled one is kept; an
answer of 500 or more, or an exception, rolls back everything it wrote. A command line command
commits when it ends without error (`cli.Commands`). Admin screens commit on saving a record,
to tell a refused write from a saved one and say why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, Response, redirect, url_for
from werkzeug.middleware.proxy_fix import ProxyFix

from models import db

from . import (
    audit,
    auth,
    cli,
    config,
    dashboard,
    errors,
    health,
    i18n,
    overview,
    parameters,
    security,
)
from .admin import init_admin
from .extensions import csrf, migrate

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")
TRANSLATIONS = str(Path(__file__).resolve().parent / "translations")


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the application: settings, extensions, admin screens and commands."""
    app = Flask(__name__, instance_relative_config=True)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(config.defaults(app.instance_path))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = TRANSLATIONS
    if test_config:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = config.secret_key(app.instance_path)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {
        **config.ENGINE_OPTIONS,
        **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
    }
    if proxies := app.config["TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    db.init_app(app)
    app.after_request(_commit_request)  # registered first, so run after every other one
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)
    i18n.init_app(app)
    csrf.init_app(app)
    parameters.init_app(app)  # before the gate: a malformed URL is refused before anything
    init_admin(app)
    auth.init_app(app)  # after the admin: the gate needs to know its screens
    app.register_blueprint(overview.bp)
    app.register_blueprint(health.bp)
    dashboard.init_app(app)
    audit.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    cli.init_app(app)

    @app.get("/")
    def root():
        return redirect(url_for("admin.index"))

    return app


def _commit_request(response: Response) -> Response:
    """Commit what the request wrote, or roll it back when the request failed.

    Run before the answer is sent: a failed commit becomes an error page, never a false "saved".
    """
    if response.status_code >= 500:
        db.session.rollback()
    else:
        db.session.commit()
    return response
