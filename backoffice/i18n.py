"""Language selection for Flask-Babel (and through it for Flask-Admin and WTForms)."""

from flask import Flask, current_app
from flask_babel import get_locale

from .extensions import babel


def select_locale() -> str:
    """Return the language of the current request: French until users can choose."""
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.globals["get_locale"] = get_locale
