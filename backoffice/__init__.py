"""The STOPP VIF backoffice: a Flask application built by create_app()."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask, redirect, url_for

from models import db

from . import cli, config
from .admin import init_admin
from .extensions import babel, csrf, migrate
from .i18n import select_locale

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

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS, render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    init_admin(app)
    cli.init_app(app)

    @app.get("/")
    def root():
        return redirect(url_for("admin.index"))

    return app
