"""A list search finds what was typed, character for character: `%` and `_` are no wildcards."""

from __future__ import annotations

import pytest

from tests import factories

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
