"""Every page asks the database the same number of questions for 10 records as for 1,000.

A page that loaded each row's related records one by one (N+1) would ask more as the
network grows. Each page is opened on a small network and on one a hundred times larger,
logged in as the administrator (who sees every page), after one opening that warms it up;
the SQL statements are counted. The numbers are written down: a change that adds
statements to a page shows here.
"""

from __future__ import annotations

import random
from datetime import date

import pytest
from flask import url_for
from sqlalchemy import event, func, select

from backoffice.admin.base import BackofficeModelView
from benchmarks.generate import Sizes, generate
from models import db
from models.changes import DataVersion
from models.network import Municipality
from tests.conftest import login, make_user

SMALL = Sizes(stays=10, organisations=10, units=2, sessions=10, years=2)
LARGE = Sizes(stays=1000, organisations=1000, units=20, sessions=1000, years=2)
THIS_YEAR = date.today().year

_counted: dict[str, dict[str, int]] = {}


def model_views(app) -> list[BackofficeModelView]:
    return [v for v in app.extensions["admin"][0]._views if isinstance(v, BackofficeModelView)]


def pages(app) -> dict[str, str]:
    """Every list, details and edit page (of a record in the middle), the dashboard, the report."""
    found = {}
    with app.test_request_context():
        for view in model_views(app):
            found[f"{view.endpoint} list"] = url_for(f"{view.endpoint}.index_view")
            count = db.session.scalar(select(func.count()).select_from(view.model))
            record = db.session.scalar(
                select(view.model.id).order_by(view.model.id).offset(count // 2).limit(1)
            )
            if record is not None:
                for kind in ("details", "edit"):
                    found[f"{view.endpoint} {kind}"] = url_for(
                        f"{view.endpoint}.{kind}_view", id=record
                    )
    found["dashboard, the year in progress"] = f"/admin/?year={THIS_YEAR}"
    found["dashboard, last year"] = f"/admin/?year={THIS_YEAR - 1}"
    town = db.session.scalar(select(func.min(Municipality.id)))
    found["dashboard, a quarter of a municipality"] = (
        f"/admin/?year={THIS_YEAR}&quarter=1&municipality={town}"
    )
    found["yearly report"] = f"/admin/report/?year={THIS_YEAR - 1}"
    found["yearly report, the year in progress"] = f"/admin/report/?year={THIS_YEAR}"
    return found


def empty_database() -> None:
    db.session.rollback()
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(table.delete())
    db.session.commit()


def statements(app, sizes: Sizes) -> dict[str, int]:
    """Fill the database at `sizes`; count the statements of each page's second opening."""
    empty_database()
    db.session.add(DataVersion(id=1, number=random.randrange(10**9)))  # figures may be kept
    generate(db.session, sizes)
    make_user("administrator", "administrator")
    browser = app.test_client()
    assert login(browser, "administrator").status_code == 302
    counted = {}
    executed = []

    def count(*_args) -> None:
        executed.append(1)

    for name, path in pages(app).items():
        browser.get(path)  # warm-up: what is computed once per process
        executed.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            status = browser.get(path).status_code
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        counted[name] = len(executed) if status == 200 else -status
    return counted


@pytest.fixture
def counted(app) -> dict[str, dict[str, int]]:
    """The statements of every page on both networks, counted once for the module's tests."""
    if not _counted:
        _counted["small"] = statements(app, SMALL)
        _counted["large"] = statements(app, LARGE)
    return _counted


PAGES_AND_STATEMENTS = {
    # every page reads the account and the session first (2 statements); a list then counts
    # its rows and reads its page, with what its columns show of related records
    "agreement list": 4,
    "agreement details": 4,
    "agreement edit": 4,
    "auditentry list": 5,
    "auditentry details": 3,
    "awarenessaction list": 4,
    "awarenessaction details": 6,
    "awarenessaction edit": 9,
    "communicationmaterial list": 5,
    "communicationmaterial details": 4,
    "communicationmaterial edit": 4,
    "housingstay list": 4,
    "housingstay details": 5,
    "housingstay edit": 6,
    "housingunit list": 4,
    "housingunit details": 5,
    "housingunit edit": 6,
    "interventionprotocol list": 4,
    "municipality list": 4,
    "municipality details": 3,
    "municipality edit": 3,
    "organisation list": 4,
    "organisation details": 4,
    "organisation edit": 5,
    "person list": 4,
    "person details": 4,
    "person edit": 4,
    "platformmeeting list": 5,  # and the attendees of its meetings, counted
    "platformmeeting details": 4,
    "platformmeeting edit": 4,
    "platformmembership list": 5,
    "platformmembership details": 4,
    "platformmembership edit": 4,
    "referentappointment list": 4,
    "referentappointment details": 5,
    "referentappointment edit": 6,
    "training list": 4,
    "training details": 4,
    "training edit": 4,
    "trainingsession list": 5,
    "trainingsession details": 5,
    "trainingsession edit": 6,
    "user list": 4,
    "user details": 3,
    "user edit": 3,
    "workshop list": 4,
    "workshop details": 5,
    "workshop edit": 6,
    "workshopsession list": 4,
    "workshopsession details": 4,
    "workshopsession edit": 5,
    "dashboard, the year in progress": 26,
    "dashboard, last year": 5,  # its figures are kept (see dashboard/kept.py)
    "dashboard, a quarter of a municipality": 4,
    "yearly report": 9,
    "yearly report, the year in progress": 30,
}


def test_every_page_is_counted(counted):
    assert set(counted["small"]) - {"auditentry edit"} == set(PAGES_AND_STATEMENTS)
    assert set(counted["large"]) - {"auditentry edit"} == set(PAGES_AND_STATEMENTS)


@pytest.mark.parametrize(("page", "expected"), PAGES_AND_STATEMENTS.items())
def test_a_page_asks_as_much_for_1000_records_as_for_10(counted, page, expected):
    assert (counted["small"][page], counted["large"][page]) == (expected, expected)
