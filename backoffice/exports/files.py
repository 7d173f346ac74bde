"""Writing exported files: CSV streamed row by row, XLSX through a temporary file.

Both take rows as an iterable and keep only one row (or one batch of rows, upstream) in
memory. A CSV stream runs after the view has returned, in an app context of its own with the
request's language, so that it never touches the request's database session, closed by then.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from flask import Response, current_app, request
from flask_babel import force_locale, get_locale
from werkzeug.utils import secure_filename
from werkzeug.wsgi import wrap_file

from . import xlsx
from .cells import csv_value, sheet_name

CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_LINES = 200


@dataclass
class Sheet:
    """One table of an export: its title, its column headers and its rows."""

    title: str
    headers: list[str]
    rows: Iterable[list]


class _Line:
    """A file-like object whose write returns the line, so that csv.writer yields it."""

    def write(self, line: str) -> str:
        return line


def csv_lines(headers: list[str], rows: Iterable[list]) -> Iterator[bytes]:
    """Yield the CSV, UTF-8 with a byte order mark (Excel then reads accents right).

    Lines are sent CSV_LINES at a time: a large export is not a hundred thousand writes.
    """
    writer = csv.writer(_Line())
    yield ("\ufeff" + writer.writerow([csv_value(h) for h in headers])).encode()
    try:
        lines = []
        for row in rows:
            lines.append(writer.writerow([csv_value(value) for value in row]))
            if len(lines) == CSV_LINES:
                yield "".join(lines).encode()
                lines.clear()
        if lines:
            yield "".join(lines).encode()
    finally:
        _close(rows)  # a download cut short closes this stream


def _close(rows: Iterable[list]) -> None:
    """Close a reader of rows now, so that it ends its app context and database session here,
    in the right order, rather than whenever the garbage collector finds it."""
    close = getattr(rows, "close", None)
    if close:
        close()


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f"attachment; filename={secure_filename(filename)}"}


def isolated(rows: Callable[[], Iterable[list]]) -> Iterator[list]:
    """Yield `rows()` read in an app context (and database session) of their own.

    The rows of a CSV are read while the response is sent, after the request's session has
    closed; those of an XLSX are read in the request, but batches of records are dropped
    from the session once written, and the request's own records must stay.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    locale = get_locale()  # taken now: the request may be gone when the rows are read

    def read() -> Iterator[list]:
        with app.app_context(), force_locale(locale):
            yield from rows()

    return read()


def csv_response(filename: str, headers: list[str], rows: Iterable[list]) -> Response:
    """Stream a CSV of `rows`, read as the response is sent."""
    return Response(
        csv_lines(headers, rows), content_type=CSV_MIMETYPE, headers=_attachment(filename)
    )


def write_xlsx(sheets: Iterable[Sheet], file) -> None:
    """Write `sheets` into `file` as a workbook, one row in memory at a time (see xlsx)."""
    workbook = xlsx.Workbook(file)
    taken: set[str] = set()
    try:
        for table in sheets:
            try:
                workbook.add_sheet(sheet_name(table.title, taken), table.headers, table.rows)
            finally:
                _close(table.rows)
    finally:
        workbook.close()


def xlsx_response(filename: str, sheets: Iterable[Sheet]) -> Response:
    """Build the workbook into a temporary file, then send that file."""
    file = tempfile.TemporaryFile()  # gone when closed, after the response is sent
    try:
        write_xlsx(sheets, file)
        size = file.tell()
        file.seek(0)
    except BaseException:
        file.close()
        raise
    response = Response(
        wrap_file(request.environ, file),
        mimetype=XLSX_MIMETYPE,
        headers=_attachment(filename),
        direct_passthrough=True,
    )
    response.content_length = size
    return response
