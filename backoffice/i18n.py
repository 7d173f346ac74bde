"""Language selection for Flask-Babel (and through it for Flask-Admin and WTForms)."""

from flask import current_app


def select_locale() -> str:
    """Return the language of the current request: French until users can choose."""
    return current_app.config["BABEL_DEFAULT_LOCALE"]
