"""The language of each request: the user's choice, else the browser's, else French.

Flask-Babel asks `select_locale`; Flask-Admin's chrome and WTForms' messages follow it
through their own shipped catalogues.
"""

from __future__ import annotations

import os

from flask import Blueprint, Flask, current_app, has_request_context, redirect, request, session
from flask_babel import get_locale
from flask_login import current_user

from .auth.redirects import local_target
from .config import LANGUAGES
from .extensions import babel

bp = Blueprint("language", __name__)


def select_locale() -> str:
    """Return the account's language, the session's, the browser's best match, or French."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # command line: LANG picks among ours, else French
        language = os.environ.get("LANG", "")[:2]
        return language if language in languages else current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user and current_user.is_authenticated and current_user.language in languages:
        return current_user.language
    if session.get("language") in languages:
        return session["language"]
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


@bp.post("/language")
def choose():
    """Keep the chosen language in the session and, once logged in, in the account."""
    language = request.form.get("language")
    if language in current_app.config["LANGUAGES"]:
        session["language"] = language
        if current_user.is_authenticated:
            current_user.account.language = language
    return redirect(local_target(request.form.get("next")))


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    # A language is offered in its own name, readable whatever the page's language.
    own_names = {code: language.own_name for code, language in LANGUAGES.items()}
    app.jinja_env.globals.update(get_locale=get_locale, language_names=own_names)
