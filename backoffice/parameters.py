"""Query parameters checked at the door: a bad one is a 400, never a database error.

No URL of the backoffice carries control characters or very long values, and the
parameters that are whole numbers (page, id, year...) must fit the database's integers:
SQLite and PostgreSQL refuse larger ones with an error, not with "nothing found".
"""

from __future__ import annotations

import re

from flask import Flask, abort, request

# PostgreSQL's INTEGER, the type of every key: the narrowest of the two databases.
LARGEST_INTEGER = 2**31 - 1
LONGEST_VALUE = 2000

# Control characters (C0, DEL, C1): CR/LF would split headers, NUL is refused by PostgreSQL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_WHOLE_NUMBER = re.compile(r"-?[0-9]{1,12}")

# Parameters that are whole numbers wherever they appear, with their smallest value (what
# each page accepts within that range, a year or a quarter, it checks and explains itself).
# Flask-Admin's list (page, page_size, sort, desc), record (id) and lookup (offset, limit)
# parameters; the dashboard's and the report's period (year, quarter, municipality).
WHOLE_NUMBERS = {
    "page": 0,
    "page_size": 0,
    "sort": 0,
    "desc": 0,
    "id": 1,
    "offset": 0,
    "limit": 0,
    "year": -LARGEST_INTEGER,
    "quarter": -LARGEST_INTEGER,
    "municipality": 1,
}


def whole_number(value: object, smallest: int = 1) -> int | None:
    """Read `value` as a whole number from `smallest` to LARGEST_INTEGER, else None."""
    text = "" if value is None else str(value)
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    number = int(text)
    return number if smallest <= number <= LARGEST_INTEGER else None


def check_query() -> None:
    """Refuse with 400 a URL no page of the backoffice can mean."""
    if CONTROL_CHARACTERS.search(request.path):
        abort(400)  # a refusal logs the path: PostgreSQL would refuse a NUL in it
    for name, value in request.args.items(multi=True):
        if CONTROL_CHARACTERS.search(name) or CONTROL_CHARACTERS.search(value):
            abort(400)
        if len(value) > LONGEST_VALUE:
            abort(400)
        # An empty value is an absent one: forms send `quarter=` for "the whole year".
        if name in WHOLE_NUMBERS and value and whole_number(value, WHOLE_NUMBERS[name]) is None:
            abort(400)


def init_app(app: Flask) -> None:
    app.before_request(check_query)
