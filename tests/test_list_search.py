"""A list search finds what was typed, character for character: `%` and `_` are no wildcards."""

from __future__ import annotations

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
        return page.count(">Membre de ")  # in its cell; the row also names it to screen readers

    assert people(contains, "%") == 1 and people(contains, "_") == 1
    assert people(excludes, "%") == len(NAMES) - 1 and people(excludes, "_") == len(NAMES) - 1


def _named(name: str) -> Organisation:
    return db.session.scalar(select(Organisation).where(Organisation.name == name))
