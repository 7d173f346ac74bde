"""Every export downloads whole from a real server, opens with typed cells, and runs nothing.

The downloads go over HTTP to the app served by a WSGI server in a thread, as a browser
gets them: a CSV is streamed after the request has ended, which the test client (reading
the whole response before the request ends) cannot show.
"""

from __future__ import annotations

import csv
import io
import threading
import urllib.parse
import urllib.request
from datetime import UTC, date, datetime
from decimal import Decimal
from http.cookiejar import CookieJar

import openpyxl
import pytest
from flask_babel import force_locale
from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, String, Text, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.serving import make_server

from backoffice import demo
from backoffice.exports import csv_value, xlsx_cell
from backoffice.exports.cells import xlsx_value
from models import db
from models.accounts import User
from models.audit import AuditEntry
from models.network import Organisation, Person
from tests import factories
from tests.helpers import PASSWORD, make_user

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
NOT_XML = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\ufffe", "\uffff"}
# What a stored value becomes in a download: formulas quoted, control characters left out.
HOSTILE = {
    '=HYPERLINK("http://evil.example","x")': '\'=HYPERLINK("http://evil.example","x")',
    "+1+1": "'+1+1",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "\tx": "'\tx",
    "\rx": "'\rx",
    "Ctl\x01Town": "CtlTown",
    "\x01=1+1": "'=1+1",
}
# Columns holding codes, not free text: the database refuses anything else in most of them.
CODE_COLUMNS = {"languages", "household_code"}
# Who may export each list: the secretariat keeps the records, the administrator the rest.
ADMINISTRATOR_AREAS = {"accounts", "audit"}


# --- a real server, a browser with cookies ------------------------------------------------
@pytest.fixture
def server(app):
    """Serve the app on a free loopback port from a thread; yield its address."""
    httpd = make_server("127.0.0.1", 0, app)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join()
    httpd.server_close()


class Browser:
    """Downloads over HTTP with the session cookie of a logged-in account."""

    def __init__(self, base: str, username: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.post("/login", username=username, password=PASSWORD)

    def post(self, path: str, **form) -> int:
        db.session.commit()  # what the test stored is there; no write lock is held
        data = urllib.parse.urlencode(form).encode()
        with self.opener.open(self.base + path, data=data) as response:
            response.read()
            return response.status

    def get(self, path: str) -> tuple[int, str, bytes]:
        db.session.commit()  # what the test stored is there; no read lock is held
        with self.opener.open(self.base + path) as response:
            return response.status, response.headers["Content-Type"], response.read()


def csv_rows(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf")  # a byte order mark: Excel reads accents right
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def workbook(body: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(body))


# --- what every downloaded file must be ------------------------------------------------------
def assert_safe_csv(rows: list[list[str]]) -> None:
    for row in rows:
        for field in row:
            assert not NOT_XML & set(field), field
            if field.startswith(DANGEROUS_START):
                float(field)  # only a number of a numeric column may start so


def assert_safe_sheet(sheet) -> None:
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.value
            if isinstance(cell.value, str):
                assert not cell.value.startswith(DANGEROUS_START), cell.value
                assert not NOT_XML & set(cell.value), cell.value


# --- hostile records ---------------------------------------------------------------------------
def text_columns(model) -> list[str]:
    return [
        column.key
        for column in model.__table__.columns
        if isinstance(column.type, String | Text)
        and not column.foreign_keys
        and column.key not in CODE_COLUMNS
    ]


def store_hostile_text(model) -> dict[str, str]:
    """Put a hostile value in each text column of one record; return those the database took."""
    record = db.session.scalars(select(model).order_by(model.id.desc())).first()
    payloads = [*HOSTILE, *(["thr3\x00"] if db.engine.dialect.name == "sqlite" else [])]
    stored = {}
    for number, name in enumerate(text_columns(model)):
        value = payloads[number % len(payloads)]
        savepoint = db.session.begin_nested()
        try:
            setattr(record, name, value)
            db.session.flush()
        except (SQLAlchemyError, ValueError):
            savepoint.rollback()  # a check the column keeps (a code, a format): leave it
            continue
        savepoint.commit()
        stored[name] = value
    db.session.commit()
    return stored


def exported_as(value: str) -> str:
    return HOSTILE.get(value, value.replace("\x00", ""))


def exportable_views(app):
    return [view for view in app.extensions["admin"][0]._views if getattr(view, "can_export", 0)]


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def rows_listed(view) -> int:
    """The rows of a list when it was exported: the audit log has since recorded the export."""
    db.session.commit()
    return count(view.model) - (view.model is AuditEntry)


# --- every list of the admin -------------------------------------------------------------------
def test_every_list_downloads_whole_typed_and_safe_from_a_real_server(app, server, users):
    demo.load()
    make_user('=HYPERLINK("http://evil.example","x")', "coordinator")
    views = exportable_views(app)
    hostile = {view.endpoint: store_hostile_text(view.model) for view in views}
    browsers = {
        "secretariat": Browser(server, "secretariat"),
        "administrator": Browser(server, "administrator"),
    }
    seen_types: set[str] = set()

    for view in views:
        role = "administrator" if view.area in ADMINISTRATOR_AREAS else "secretariat"
        browser = browsers[role]
        columns = [name for name, _ in view._export_columns]
        with force_locale("fr"):
            title, labels = str(view.name), [str(label) for _, label in view._export_columns]

        status, kind, body = browser.get(f"/admin/{view.endpoint}/export/csv/")
        rows = csv_rows(body)
        assert (status, kind) == (200, "text/csv; charset=utf-8")
        assert rows[0] == labels
        assert len(rows) - 1 == rows_listed(view), view.endpoint
        assert_safe_csv(rows)

        status, kind, body = browser.get(f"/admin/{view.endpoint}/export/xlsx/")
        book = workbook(body)
        [sheet] = book.worksheets
        assert status == 200 and kind.startswith("application/vnd.openxmlformats")
        assert sheet.title == title[:31]
        assert [cell.value for cell in sheet[1]] == labels
        assert sheet.max_row - 1 == rows_listed(view), view.endpoint
        assert_safe_sheet(sheet)

        for name, value in hostile[view.endpoint].items():
            if name in columns:
                at = columns.index(name)
                assert exported_as(value) in [row[at] for row in rows[1:]], (view.endpoint, name)
                in_sheet = [row[at] for row in sheet.iter_rows(min_row=2, values_only=True)]
                # XML reads a carriage return as a line feed; the quote before it is what counts.
                assert exported_as(value).replace("\r", "\n") in [
                    (v or "").replace("\r", "\n") for v in in_sheet
                ], (view.endpoint, name)
        seen_types |= assert_typed(view, columns, sheet)

    assert seen_types == {"count", "date", "boolean", "datetime"}


def assert_typed(view, columns: list[str], sheet) -> set[str]:
    """Check each cell of a model's column has the column's type; return the types met."""
    met = set()
    table = view.model.__table__.columns
    for at, name in enumerate(columns):
        if name not in table or name in view._column_choices_map:
            continue
        kind = table[name].type
        for (cell,) in sheet.iter_rows(min_row=2, min_col=at + 1, max_col=at + 1):
            if cell.value is None:
                continue
            if isinstance(kind, Boolean):
                assert cell.value in ("oui", "non"), (view.endpoint, name, cell.value)
                met.add("boolean")
            elif isinstance(kind, DateTime):
                assert cell.is_date and cell.number_format.startswith("dd/mm/yyyy hh:mm")
                met.add("datetime")
            elif isinstance(kind, Date):
                assert cell.is_date and cell.number_format == "dd/mm/yyyy", (view.endpoint, name)
                assert isinstance(cell.value, datetime)
                met.add("date")
            elif isinstance(kind, Integer | Numeric):
                assert isinstance(cell.value, int | float), (view.endpoint, name, cell.value)
                met.add("count")
    return met


def test_a_thousand_rows_stream_whole_over_http_with_search_and_order_kept(server, users):
    organisation = factories.organisation("Maison de l'emploi")
    db.session.execute(
        insert(Person),
        [
            {"last_name": f"Nom{n:04d}", "first_name": "Alex", "organisation_id": organisation.id}
            for n in range(1000)
        ],
    )
    factories.person("Autre")

    _status, _kind, body = Browser(server, "secretariat").get(
        "/admin/person/export/csv/?search=Nom&sort=0&desc=1"
    )

    rows = csv_rows(body)
    assert len(rows) == 1 + 1000
    assert [row[0] for row in rows[1:3]] == ["Nom0999", "Nom0998"]
    assert rows[-1][:4] == ["Nom0000", "Alex", "", "Maison de l'emploi"]


def test_a_streamed_csv_is_read_after_the_request_has_ended(client):
    factories.person("Lambert", job_title="-2+3")

    response = client.get("/admin/person/export/csv/", buffered=False)
    body = b"".join(response.response)  # as a WSGI server does, once the view has returned
    response.close()

    assert csv_rows(body)[1][:3] == ["Lambert", "Alex", "'-2+3"]


def test_a_download_cut_short_leaves_the_next_one_whole(client):
    db.session.execute(
        insert(Person), [{"last_name": f"Nom{n:04d}", "first_name": "Alex"} for n in range(1500)]
    )
    db.session.commit()

    cut = client.get("/admin/person/export/csv/", buffered=False)
    first_lines = [next(cut.response) for _ in range(3)]  # the reader gives up here
    cut.close()
    whole = client.get("/admin/person/export/csv/").get_data()

    assert len(first_lines) == 3
    assert len(csv_rows(whole)) == 1 + 1500


def test_a_partner_exports_only_its_own_agreements_and_no_formula(as_role):
    from models.agreements import Agreement

    own = Organisation(name="Partenaire test", kind="association")
    other = factories.organisation("Autre partenaire")
    for organisation, reference in ((own, '=HYPERLINK("http://evil.example","x")'), (other, "B")):
        db.session.add(
            Agreement(
                organisation=organisation,
                kind="partnership",
                title="Convention",
                reference=reference,
                valid_from=date(2025, 1, 1),
            )
        )
    db.session.commit()
    partner = as_role("partner", own)

    rows = csv_rows(partner.get("/admin/agreement/export/csv/").get_data())
    sheet = workbook(partner.get("/admin/agreement/export/xlsx/").get_data()).active

    assert len(rows) == 2 and sheet.max_row == 2
    assert '\'=HYPERLINK("http://evil.example","x")' in rows[1]
    assert '\'=HYPERLINK("http://evil.example","x")' in [c.value for c in sheet[2]]
    assert_safe_sheet(sheet)


# --- the audit log: anyone can write a username into it ---------------------------------
def test_failed_logins_with_hostile_usernames_never_break_the_audit_export(
    anonymous, server, users
):
    for username in ('=HYPERLINK("http://evil.example","x")', "Ctl\x01Town", "@SUM(A1)"):
        anonymous.post("/login", data={"username": username, "password": "wrong password"})
    if db.engine.dialect.name == "sqlite":  # PostgreSQL stores no NUL in text at all
        db.session.execute(
            insert(AuditEntry),
            [{"at": datetime.now(UTC), "action": "login_failed", "username": "thr3\x00"}],
        )
    browser = Browser(server, "administrator")

    _status, _kind, csv_body = browser.get("/admin/auditentry/export/csv/")
    _status, _kind, xlsx_body = browser.get("/admin/auditentry/export/xlsx/")

    rows, sheet = csv_rows(csv_body), workbook(xlsx_body).active
    assert_safe_csv(rows)
    assert_safe_sheet(sheet)
    csv_users = {row[1] for row in rows[1:]}
    xlsx_users = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    for shown in ('\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"):
        assert shown in csv_users and shown in xlsx_users
    assert not any("Ctl\x01" in (name or "") for name in csv_users | xlsx_users)
    assert sheet.title == "Journal d'audit"
    assert sheet["A2"].is_date  # when: a date and time, not text


def test_an_export_is_audited_once_with_its_row_count(client):
    factories.person("Lambert")
    factories.person("Martin")

    client.get("/admin/person/export/csv/").get_data()
    client.get("/admin/person/export/xlsx/").get_data()
    client.get("/admin/person/export/json/")  # not offered: no export happens

    exports = select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)
    entries = db.session.scalars(exports).all()
    assert [(e.table_name, e.detail) for e in entries] == [
        ("person", "2 /admin/person/export/csv/"),
        ("person", "2 /admin/person/export/xlsx/"),
    ]


# --- in another language ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "yes", "date_format"),
    [("nl", "ja", "dd/mm/yyyy"), ("de", "ja", "dd.mm.yyyy"), ("en", "yes", "dd/mm/yyyy")],
)
def test_xlsx_cells_follow_the_readers_language(client, language, yes, date_format):
    client.post("/language", data={"language": language})
    factories.organisation("Maison de quartier", active=True)
    factories.referent(starts_on=date(2025, 3, 31))

    organisations = workbook(client.get("/admin/organisation/export/xlsx/").get_data()).active
    referents = workbook(client.get("/admin/referentappointment/export/xlsx/").get_data()).active
    csv_file = csv_rows(client.get("/admin/organisation/export/csv/").get_data())

    assert {row[-1].value for row in organisations.iter_rows(min_row=2)} == {yes}
    assert csv_file[1][-1] == yes
    starts = referents.cell(2, 4)
    assert (starts.value, starts.number_format) == (datetime(2025, 3, 31), date_format)


# --- the network overview and the yearly report --------------------------------------------
def test_network_overview_exports_are_safe_whatever_is_stored(server, users):
    factories.organisation("Ctl\x01Town", short_name="@SUM(A1)", phone="-2+3", website="\tx")
    browser = Browser(server, "secretariat")

    _status, _kind, csv_body = browser.get("/network-overview/export/csv")
    _status, _kind, xlsx_body = browser.get("/network-overview/export/xlsx")

    [row] = csv_rows(csv_body)[1:]
    book = workbook(xlsx_body)
    assert row[2:4] == ["CtlTown", "'@SUM(A1)"] and row[5] == "'-2+3" and row[7] == "'\tx"
    assert [c.value for c in book["Organisations"][2]][2:4] == ["CtlTown", "'@SUM(A1)"]
    for sheet in book.worksheets:
        assert_safe_sheet(sheet)


def test_yearly_report_workbook_holds_numbers_and_no_formula(client):
    demo.load()
    factories.municipality('=HYPERLINK("http://evil.example","x")')
    year = demo.demo_year()

    book = workbook(client.get(f"/admin/report/xlsx?year={year}").get_data())

    numbers = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, int | float)
    ]
    assert 17 in numbers and 32 in numbers  # referents and platform members, as numbers
    for sheet in book.worksheets:
        assert_safe_sheet(sheet)


# --- the rule, value by value ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "in_csv", "in_xlsx"),
    [
        *((text, shown, shown) for text, shown in HOSTILE.items()),
        ("thr3\x00", "thr3", "thr3"),
        ("a\ufffeb\ud800c", "abc", "abc"),
        ("tab\tand\nline", "tab\tand\nline", "tab\tand\nline"),
        (-3, "-3", -3),
        (Decimal("3.5"), "3.5", Decimal("3.5")),
        (True, "oui", "oui"),
        (None, "", None),
        (date(2025, 12, 31), "2025-12-31", date(2025, 12, 31)),
        (["a", "=b"], "a, =b", "a, =b"),
    ],
)
def test_each_value_becomes_a_safe_typed_cell(value, in_csv, in_xlsx):
    with force_locale("fr"):
        assert csv_value(value) == in_csv
        assert xlsx_value(value)[0] == in_xlsx


def test_text_is_never_a_formula_cell_even_when_written_directly():
    sheet = openpyxl.Workbook(write_only=True).create_sheet()

    cell = xlsx_cell(sheet, "=1+1")

    assert (cell.value, cell.data_type) == ("'=1+1", "s")


def test_accounts_export_has_no_password_hash(as_role):
    rows = csv_rows(as_role("administrator").get("/admin/user/export/csv/").get_data())

    assert len(rows) - 1 == count(User)
    assert not any("argon2" in field for row in rows for field in row)
