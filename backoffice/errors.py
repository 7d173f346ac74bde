"""Error pages in the backoffice's look: a title and a sentence, never a trace or a value."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from flask_babel import lazy_gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from . import access

log = logging.getLogger(__name__)

PAGES = {
    400: (_("Bad request"), _("The request could not be understood.")),
    403: (_("Access refused"), _("Your account does not give access to this page.")),
    404: (_("Page not found"), _("This page does not exist or no longer exists.")),
    405: (_("Not allowed"), _("This page cannot be used that way.")),
    413: (_("Too large"), _("What you sent is too large.")),
    429: (_("Too many attempts"), _("Wait a few minutes, then try again.")),
    500: (
        _("Something went wrong"),
        _("The error was logged. Try again later or tell the administrator."),
    ),
}


def _page(code: int):
    title, explanation = PAGES.get(code, PAGES[500])
    return render_template("errors/error.html", title=title, explanation=explanation), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # A write without a valid token may be a forged request: a refusal like any other.
        access.log_refusal("CSRF")
        title = _("The form expired")
        explanation = _("Reload the page and try again; nothing was saved.")
        return render_template("errors/error.html", title=title, explanation=explanation), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _page(error.code) if error.code in PAGES else error

    @app.errorhandler(InternalServerError)
    def unexpected_error(error: InternalServerError):
        log.error("Unhandled error", exc_info=error.original_exception)
        return _page(InternalServerError.code)
