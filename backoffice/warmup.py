"""Everything a first request would otherwise wait for, done when the server starts.

The production server loads the application once and then forks its workers
(gunicorn.conf.py): what is prepared here is shared by every worker, and the first person
to open a page after a restart waits no longer than the next one.
"""

from __future__ import annotations

import logging
from datetime import date

from flask import Flask
from flask_babel import force_locale, format_date, format_decimal, gettext
from jinja2 import TemplateError
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import configure_mappers

app_log = logging.getLogger(__name__)
# Flask-Admin ships templates for several themes; the backoffice uses Bootstrap 4.
UNUSED_THEMES = ("admin/bootstrap2/", "admin/bootstrap3/")


def warm_up(app: Flask) -> None:
    """Compile the templates, set up the mappers, load each language's catalogue and formats."""
    configure_mappers()
    for name in app.jinja_env.list_templates(extensions=["html"]):
        if not name.startswith(UNUSED_THEMES):
            try:
                app.jinja_env.get_template(name)
            except TemplateError:
                app_log.debug("template %s not compiled ahead", name)
    with app.test_request_context():
        for language in app.config["LANGUAGES"]:
            with force_locale(language):
                gettext("Dashboard")
                format_date(date.today(), "medium")
                format_decimal(1234.5)
        _last_year_figures()


def _last_year_figures() -> None:
    """Compute the figures of the year that ended last: the page most people open first."""
    from models import db

    from .dashboard import figures
    from .dashboard.period import Period

    today = date.today()
    period = Period.year(today.year - 1)
    try:
        for axis in (figures.network, figures.training, figures.awareness, figures.children):
            axis(db.session, period, today)
        figures.agreements(db.session, period, today)
        figures.housing(db.session, period, today)
    except SQLAlchemyError as error:  # a database not migrated yet: the first request will
        app_log.warning("figures not computed ahead: %s", error.__class__.__name__)
    finally:
        db.session.remove()
