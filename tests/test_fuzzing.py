"""Fuzzing: hostile values in every form field and query parameter, for every role.

Whatever is sent, the answer is never a 5xx, and a write that is refused (or that the
role may not make) changes nothing. Examples are derandomised so that every run tries the
same values, and bounded so that the whole file stays within about a minute.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    IntegerField,
    PasswordField,
    SelectFieldBase,
    StringField,
    TextAreaField,
)

from backoffice import access, demo
from models import db
from models.network import Municipality, Organisation
from tests.admin.crud import create_forms
from tests.helpers import login, make_user

ROLES = ("administrator", "secretariat", "coordinator", "partner")
BOOKKEEPING = {"audit_entry", "login_attempt", "user_session"}
YEAR = date.today().year - 1


def fuzz_settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,  # the database and browsers live per test
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


# --- hostile values ----------------------------------------------------------------------
FORMULAS = [
    '=HYPERLINK("http://evil.example","x")',
    "=1+1",
    "+33 4 12",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "=cmd|' /C calc'!A0",
]
NUMBERS = [
    "0",
    "-1",
    "-0",
    "1.5",
    "1e308",
    "-1e308",
    "NaN",
    "Infinity",
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "99999999999999999999",
    "0x1F",
    "١٢٣",
    "1_000",
    "1e400",
    "9" * 400,
    "-" + "9" * 400,
]
DATES = [
    "2025-02-30",
    "31/12/2026",
    "31.12.2026",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "2025-13-01",
    "20250101",
    "2025-1-1",
    "2025-01-01T10:00:00",
    "tomorrow",
]
MARKUP = ["<script>alert(1)</script>", "' OR 1=1 --", "%", "_", "\\", "../../etc/passwd"]

hostile = st.one_of(
    st.sampled_from(FORMULAS + NUMBERS + DATES + MARKUP + ["", " "]),
    st.text(max_size=30),  # any unicode, control characters and NUL included
    st.integers().map(str),
    st.builds(
        lambda piece, times: piece * times,
        st.sampled_from(["a", "é", "😀", "\x00", "9", "%_"]),
        st.integers(200, 3000),
    ),
)
plain_text = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=40
)


# --- what a form field may receive ----------------------------------------------------------
def plausible(field):
    """A value a person might well type in `field`."""
    if isinstance(field, DateField):
        return st.dates(date(2020, 1, 1), date(2027, 12, 31)).map(date.isoformat)
    if isinstance(field, IntegerField):
        return st.integers(0, 60).map(str)
    if isinstance(field, DecimalField):
        return st.sampled_from(["1", "2.5", "3,5", "0.5"])
    if isinstance(field, BooleanField):
        return st.sampled_from(["y", ""])
    if isinstance(field, PasswordField):
        return st.sampled_from(["", "a quiet orchard at dusk 42"])
    if isinstance(field, TextAreaField):
        return st.one_of(plain_text, plain_text.map(lambda t: f"{t}\r\n\t{t}"))
    if isinstance(field, StringField):
        return plain_text.filter(str.strip)
    return one_of_the(choices(field) or [""])


def one_of_the(values: list[str]):
    """One of `values`, which the database gives: the draw's shape must not depend on it,
    or Hypothesis takes the growing list of records for a flaky strategy."""
    return st.integers(0, 19).map(lambda i: values[i % len(values)])


def choices(field) -> list[str]:
    """The values a choice or relationship field offers (record ids for relationships)."""
    if hasattr(field, "loader"):  # Ajax look-up: any record of the related model
        model = field.loader.model
        return [str(i) for i in db.session.scalars(select(model.id).limit(20))]
    if hasattr(field, "_get_object_list"):
        return [str(pk) for pk, _ in field._get_object_list()][:20]
    if isinstance(field, SelectFieldBase) and getattr(field, "choices", None):
        return [str(c[0]) for c in field.choices if c[0] not in (None, "", "__None")]
    return []


def mostly(data, usual, label: str) -> str:
    """Draw a usual value, or one time in four a hostile one."""
    if data.draw(st.integers(0, 3), label=f"{label} hostile?") == 0:
        return data.draw(hostile, label=label)
    return data.draw(usual, label=label)


def form_data(data, form) -> dict:
    """Fill every field of `form`: mostly plausible values, a hostile one now and then."""
    values = {}
    for field in form:
        if field.type in ("HiddenField", "CSRFTokenField") and field.name != "seen_version":
            continue
        values[field.name] = mostly(data, plausible(field), field.name)
        if field.type.endswith("MultipleField") and values[field.name]:
            values[field.name] = [values[field.name]]
    return values


# --- the database as a user could change it ---------------------------------------------
def rows(model) -> list[tuple]:
    table = model.__table__
    return [tuple(row) for row in db.session.execute(select(table).order_by(*table.primary_key))]


def counts() -> dict[str, int]:
    return {
        t.name: db.session.scalar(select(func.count()).select_from(t))
        for t in db.metadata.sorted_tables
        if t.name not in BOOKKEEPING
    }


@pytest.fixture
def browsers(app, users):
    """The demo network, and a logged-in browser per role (the partner: GREOVA)."""
    demo.load()
    greova = db.session.scalar(select(Organisation).where(Organisation.short_name == "GREOVA"))
    make_user("partner", "partner", greova)
    clients = {}
    for role in ROLES:
        clients[role] = app.test_client()
        assert login(clients[role], role).status_code == 302
    return clients


def model_views(app) -> list:
    """Every list of the admin, the audit log's included."""
    return [view for view in app.extensions["admin"][0]._views if hasattr(view, "model")]


def may_edit(role: str, view) -> bool:
    return access.RULES.get(view.area, {}).get(role) == access.EDIT and not view.read_only


def record_ids(model) -> list[str]:
    return [str(i) for i in db.session.scalars(select(model.id).order_by(model.id).limit(20))]


# --- every field of every form ----------------------------------------------------------
@fuzz_settings(examples=240)
@given(data=st.data())
def test_forms_never_fail_and_refused_writes_change_nothing(app, browsers, data):
    forms = create_forms(app)
    view, form = data.draw(st.sampled_from(forms), label="screen")
    role = data.draw(st.sampled_from(ROLES), label="role")
    existing = record_ids(view.model)
    editing = data.draw(st.booleans(), label="edit?") and bool(existing)
    record_id = mostly(data, one_of_the(existing or ["1"]), "id")
    if editing:
        url = f"/admin/{view.endpoint}/edit/?id={record_id}"
    else:
        url = f"/admin/{view.endpoint}/new/"
    values = form_data(data, form)
    before, table_before = counts(), rows(view.model)

    response = browsers[role].post(url, data=values)

    assert response.status_code < 500, (url, values)
    saved = response.status_code == 302 and "/login" not in response.headers.get("Location", "")
    if saved:
        assert may_edit(role, view), (role, url)
        # What was stored shows: the list, and the record's page.
        assert browsers[role].get(f"/admin/{view.endpoint}/").status_code == 200
        shown = db.session.scalar(select(func.max(view.model.id)))
        details = browsers[role].get(f"/admin/{view.endpoint}/details/?id={shown}")
        assert details.status_code == 200, (url, values)
    if not saved or not may_edit(role, view):
        assert counts() == before, (role, url, response.status_code)
        assert rows(view.model) == table_before, (role, url, response.status_code)


# --- every query parameter of lists, details and look-ups ---------------------------------
LIST_PARAMETERS = ("page", "page_size", "sort", "desc", "search")


@fuzz_settings(examples=200)
@given(data=st.data())
def test_list_and_record_parameters_never_fail(app, browsers, data):
    views = model_views(app)
    view = data.draw(st.sampled_from(views), label="screen")
    role = data.draw(st.sampled_from(ROLES), label="role")
    page = data.draw(st.sampled_from(["", "details/", "edit/", "ajax/lookup/"]), label="page")
    query = {}
    for name in data.draw(st.lists(st.sampled_from(LIST_PARAMETERS), max_size=3), label="names"):
        query[name] = mostly(data, st.integers(0, 60).map(str), name)
    filters = len(view._filters or ())
    for position in range(data.draw(st.integers(0, 3), label="filters")):
        index = data.draw(st.integers(0, filters + 1), label="filter")
        values = st.sampled_from(["1", "0", "2", f"{YEAR}-03-01", f"{YEAR}-01-01 to {YEAR}-12-31"])
        query[f"flt{position}_{index}"] = mostly(data, values | plain_text, "value")
    if page in ("details/", "edit/"):
        query["id"] = mostly(data, one_of_the(record_ids(view.model) or ["1"]), "id")
    if page == "ajax/lookup/":
        query["name"] = data.draw(st.sampled_from([*view._form_ajax_refs, "x"]), label="name")
        query["query"] = mostly(data, plain_text, "query")
        query["offset"] = mostly(data, st.integers(0, 50).map(str), "offset")
    before = counts()

    response = browsers[role].get(f"/admin/{view.endpoint}/{page}", query_string=query)

    assert response.status_code < 500, (view.endpoint, page, query)
    assert counts() == before


# --- the dashboard, the yearly report and the network overview ------------------------------
PERIOD_PARAMETERS = ("year", "quarter", "start", "end", "municipality", "lang")


@fuzz_settings(examples=120)
@given(data=st.data())
def test_dashboard_report_and_overview_parameters_never_fail(browsers, data):
    role = data.draw(st.sampled_from(ROLES), label="role")
    path = data.draw(
        st.sampled_from(["/admin/", "/admin/report/", "/admin/report/xlsx", "/network-overview/"]),
        label="path",
    )
    towns = [str(i) for i in db.session.scalars(select(Municipality.id))]
    plausible_values = {
        "year": st.integers(YEAR - 3, YEAR + 1).map(str),
        "quarter": st.integers(0, 5).map(str),
        "start": st.dates(date(2019, 1, 1), date(2027, 12, 31)).map(date.isoformat),
        "end": st.dates(date(2019, 1, 1), date(2027, 12, 31)).map(date.isoformat),
        "municipality": one_of_the([*towns, ""]),
        "lang": st.sampled_from(["fr", "nl", "de", "en", "xx"]),
    }
    query = {}
    for name in data.draw(st.lists(st.sampled_from(PERIOD_PARAMETERS), max_size=4), label="names"):
        query[name] = mostly(data, plausible_values[name], name)

    response = browsers[role].get(path, query_string=query)

    assert response.status_code < 500, (role, path, query)


# --- the login form, as anyone on the internet can fill it --------------------------------
@fuzz_settings(examples=40)
@given(username=hostile, password=hostile, next_url=hostile)
def test_login_never_fails(app, users, username, password, next_url):
    browser = app.test_client()
    response = browser.post(
        "/login", query_string={"next": next_url}, data={"username": username, "password": password}
    )
    assert response.status_code < 500


# --- deletes and bulk actions naming records that cannot exist ----------------------------
@fuzz_settings(examples=60)
@given(data=st.data())
def test_deletes_of_ids_no_record_has_change_nothing(app, browsers, data):
    views = [view for view, _ in create_forms(app)]
    view = data.draw(st.sampled_from(views), label="screen")
    role = data.draw(st.sampled_from(ROLES), label="role")
    # Anything but a plain id of 1 to 2**31 - 1 ("+5" and "٣" too are none).
    record_id = data.draw(
        hostile.filter(lambda v: not (v.isascii() and v.isdigit()) or int(v) > 2**31), label="id"
    )
    bulk = data.draw(st.booleans(), label="bulk?")
    before = counts()

    if bulk:
        form = {"action": "delete", "rowid": [record_id, "-1"]}
        response = browsers[role].post(f"/admin/{view.endpoint}/action/", data=form)
    else:
        response = browsers[role].post(f"/admin/{view.endpoint}/delete/", data={"id": record_id})

    assert response.status_code < 500, (view.endpoint, record_id)
    assert counts() == before


def test_the_fuzzing_reaches_every_screen_that_creates(app):
    screens = {view.endpoint for view, _ in create_forms(app)}
    models = {view.endpoint for view in model_views(app)}
    assert screens == models - {"auditentry"}  # the log is written by the backoffice alone
