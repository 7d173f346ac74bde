"""Dates are typed as each language writes them, or as ISO, in every form."""

import json
import re
from datetime import date

import pytest
from sqlalchemy import select

from models import db
from models.housing import HousingStay
from tests import factories
from tests.admin import crud

DATE_ERRORS = {
    "fr": "Date non valide : tapez-la comme 31/12/",
    "nl": "Geen geldige datum: typ hem als 31/12/",
    "de": "Kein gültiges Datum: Geben Sie es als 31.12.",
    "en": "Not a valid date: type it as 31/12/",
}


def speaking(client, language: str):
    """Switch the logged-in user's pages to `language`, as the language menu does."""
    client.post("/language", data={"language": language})
    return client


def stay_form(entry: str) -> dict:
    unit = factories.housing_unit(available_from=date(2020, 1, 1))
    return {"unit": unit.id, "entry_date": entry, "adults": "1", "children": "0"}


@pytest.mark.parametrize(
    ("language", "typed", "saved"),
    [
        ("fr", "31/12/2026", date(2026, 12, 31)),
        ("fr", "03/12/2026", date(2026, 12, 3)),
        ("fr", "3/2/2026", date(2026, 2, 3)),
        ("nl", "31/12/2026", date(2026, 12, 31)),
        ("de", "31.12.2026", date(2026, 12, 31)),
        ("de", " 1.2.2026 ", date(2026, 2, 1)),
        ("en", "31/12/2026", date(2026, 12, 31)),
        ("fr", "2026-12-31", date(2026, 12, 31)),
        ("nl", "2026-12-31", date(2026, 12, 31)),
        ("de", "2026-12-31", date(2026, 12, 31)),
        ("en", "2026-12-31", date(2026, 12, 31)),
    ],
)
def test_a_date_typed_in_the_pages_language_or_iso_is_saved_as_that_day(
    client, language, typed, saved
):
    speaking(client, language)
    response = crud.create(client, "housingstay", stay_form(typed))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalars(select(HousingStay.entry_date)).one() == saved


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("fr", "31.12.2026"),  # the German way, in French
        ("fr", "31/12/26"),
        ("fr", "12/31/2026"),
        ("fr", "31/02/2026"),
        ("fr", "0000-01-013/12/2026"),
        ("fr", "2031-12-20x"),
        ("nl", "31-12-2026"),
        ("nl", "demain"),
        ("de", "31/12/2026"),
        ("de", "31.12.0226"),
        ("en", "12/31/2026"),
        ("en", "December 31, 2026"),
    ],
)
def test_any_other_date_is_refused_next_to_the_field_and_kept(client, language, typed):
    speaking(client, language)
    answer = crud.send(client, HousingStay, stay_form(typed))
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, "entry_date", DATE_ERRORS[language])
    assert f'value="{typed.strip()}"' in answer.page or f'value="{typed}"' in answer.page


@pytest.mark.parametrize(
    ("language", "shown", "hint"),
    [
        ("fr", "31/12/2025", "jj/mm/aaaa"),
        ("nl", "31/12/2025", "dd/mm/jjjj"),
        ("de", "31.12.2025", "TT.MM.JJJJ"),
        ("en", "31/12/2025", "dd/mm/yyyy"),
    ],
)
def test_a_saved_date_is_shown_back_in_the_pages_language(client, language, shown, hint):
    session = factories.workshop_session(date(2025, 12, 31))
    speaking(client, language)
    page = client.get(f"/admin/workshopsession/edit/?id={session.id}").get_data(as_text=True)
    assert f'value="{shown}"' in page
    assert f'placeholder="{hint}"' in page
    assert 'data-role="datepicker"' not in page  # no script rewrites what is typed


def test_an_unchanged_date_survives_an_edit_in_german(client):
    stay = factories.housing_stay(
        factories.housing_unit(available_from=date(2020, 1, 1)), date(2025, 3, 1)
    )
    speaking(client, "de")
    page = client.get(f"/admin/housingstay/edit/?id={stay.id}").get_data(as_text=True)
    assert 'value="01.03.2025"' in page
    form = {"unit": stay.unit_id, "entry_date": "01.03.2025", "exit_date": "15.04.2025"}
    response = crud.edit(client, "housingstay", stay.id, {**form, "adults": "1", "children": "0"})
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.refresh(stay)
    assert (stay.entry_date, stay.exit_date) == (date(2025, 3, 1), date(2025, 4, 15))


@pytest.mark.parametrize(
    ("operation", "typed", "exits_shown"),
    [
        ("plus grand que", "2025-05-01", ["10 juin 2025"]),
        ("plus grand que", "01/05/2025", ["10 juin 2025"]),
        ("vaut", "01/03/2025", ["10 mars 2025"]),
        ("vaut", "1/3/2025", ["10 mars 2025"]),
        ("entre", "01/02/2025 to 31/03/2025", ["10 mars 2025"]),
        ("entre", "2025-02-01 - 2025-06-30", ["10 mars 2025", "10 juin 2025"]),
        ("pas entre", "01/02/2025 – 31/03/2025", ["10 juin 2025"]),
    ],
)
def test_date_filters_of_lists_read_dates_as_typed(client, operation, typed, exits_shown):
    unit = factories.housing_unit(available_from=date(2020, 1, 1))
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 10))
    factories.housing_stay(unit, date(2025, 6, 1), date(2025, 6, 10))
    argument = crud.filter_arg(client, "housingstay", "Date d'entrée", operation)
    page = client.get(f"/admin/housingstay/?{argument}={typed}").get_data(as_text=True)
    assert [day for day in ("10 mars 2025", "10 juin 2025") if day in page] == exits_shown


@pytest.mark.parametrize(
    "typed", ["31.12.2025", "demain", "2025-13-01", "31/03/2025 to 01/02/2025"]
)
def test_a_date_filter_that_is_no_date_is_left_out_not_an_error(client, typed):
    unit = factories.housing_unit(available_from=date(2020, 1, 1))
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 10))
    argument = crud.filter_arg(client, "housingstay", "Date d'entrée", "vaut")
    response = client.get(f"/admin/housingstay/?{argument}={typed}")
    assert response.status_code == 200
    assert "10 mars 2025" in response.get_data(as_text=True)


def test_date_filters_are_plain_text_fields_without_picker(client):
    page = client.get("/admin/housingstay/").get_data(as_text=True)
    groups = json.loads(re.search(r'id="filter-groups-data"[^>]*>(.*?)</div>', page).group(1))
    assert {f["type"] for f in groups["Date d'entrée"]} == {None}
