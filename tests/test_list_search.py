"""A list search finds what was typed, character for character: `%` and `_` are no wildcards."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from models import db
from models.network import Organisation
from tests import factories
from tests.admin.crud import filter_arg

NAMES = ["Taux 100% garanti", "Taux 1000 garanti", "Plan_B Esneux", "PlanXB Esneux", "Dossier a\\b"]


@pytest.fixture
def organisations():
    for name in NAMES:
        factories.organisation(name)


def found(client, search: str) -> set[str]:
    """The organisations the list shows for a search."""
    body = client.get("/admin/organisation/", query_string={"search": search}).get_data(
        as_text=True
    )
    return {name for name in NAMES if name.replace("\\", "&#92;") in body or name in body}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("%", {"Taux 100% garanti"}),
        ("100%", {"Taux 100% garanti"}),
        ("_", {"Plan_B Esneux"}),
        ("Plan_B", {"Plan_B Esneux"}),
        ("^Plan_", {"Plan_B Esneux"}),
        ("=Plan_ Esneux", set()),  # "=" asks for the whole value
        ("\\", {"Dossier a\\b"}),
        ("Esneux", {"Plan_B Esneux", "PlanXB Esneux"}),
        ("taux garanti", {"Taux 100% garanti", "Taux 1000 garanti"}),
    ],
)
def test_search_takes_wildcards_literally(client, organisations, search, expected):
    assert found(client, search) == expected


def test_contains_filters_take_wildcards_literally(client, organisations):
    for name in NAMES:
        factories.person(f"Membre de {name.split()[0]}{len(name)}", organisation=_named(name))
    contains = filter_arg(client, "person", "Organisation / Name", "contient")
    excludes = filter_arg(client, "person", "Organisation / Name", "ne contient pas")

    def people(arg: str, value: str) -> int:
        page = client.get("/admin/person/", query_string={arg: value}).get_data(as_text=True)
        # In its cell; the row's check box and bin also name it to screen readers.
        return len(re.findall(r">\s*Membre de ", page))

    assert people(contains, "%") == 1 and people(contains, "_") == 1
    assert people(excludes, "%") == len(NAMES) - 1 and people(excludes, "_") == len(NAMES) - 1


def _named(name: str) -> Organisation:
    return db.session.scalar(select(Organisation).where(Organisation.name == name))


CODES = ["M-7K3F9Q", "M-7K3G22", "M-7KZZZZ", "M-7L2222", "M-A7K3F9"]


@pytest.fixture
def stays():
    from datetime import date, timedelta

    unit = factories.housing_unit()
    for n, code in enumerate(CODES):
        entry = date(2025, 1, 1) + timedelta(days=10 * n)
        factories.housing_stay(unit, entry, entry + timedelta(days=5), household_code=code)


def codes_found(client, search: str) -> set[str]:
    body = client.get("/admin/housingstay/", query_string={"search": search}).get_data(as_text=True)
    return {code for code in CODES if code in body}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("M-7K3F9Q", {"M-7K3F9Q"}),  # the whole code
        ("m-7k3f9q", {"M-7K3F9Q"}),  # as read aloud and typed in lower case
        ("M-7K3", {"M-7K3F9Q", "M-7K3G22"}),  # its first characters
        ("7K3", {"M-7K3F9Q", "M-7K3G22"}),  # without the prefix
        ("M-7K", {"M-7K3F9Q", "M-7K3G22", "M-7KZZZZ"}),
        ("M-7KZ", {"M-7KZZZZ"}),
        ("M-7L", {"M-7L2222"}),
        ("M-Z", set()),
    ],
)
def test_a_household_code_is_found_by_its_first_characters(client, stays, search, expected):
    assert codes_found(client, search) == expected


def test_a_list_sorted_on_a_column_with_ties_keeps_each_record_on_one_page(client):
    for n in range(7):
        factories.organisation(f"Même nom {n}", kind="association")
    pages = [
        client.get(
            "/admin/organisation/", query_string={"sort": 2, "page_size": 3, "page": page}
        ).get_data(as_text=True)
        for page in range(3)
    ]
    names = [f"Même nom {n}" for n in range(7)]
    assert [sum(name in page for page in pages) for name in names] == [1] * 7
