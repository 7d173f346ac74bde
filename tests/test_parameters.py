"""A bad URL parameter or posted id is a 400 or 404 in the backoffice's look, never a 500."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models import db
from models.network import Organisation, Person
from tests import factories
from tests.admin.crud import error_next_to, send
from tests.helpers import PASSWORD

HUGE = "99999999999999999999"
BEYOND_64_BITS = "9223372036854775808"
LARGEST_64_BITS = "9223372036854775807"
CRLF = "%0d%0aX-Injected:%201"


def organisations() -> int:
    return db.session.scalar(select(func.count()).select_from(Organisation))


@pytest.fixture
def org():
    return factories.organisation("Maison de quartier")


def looks_like_the_backoffice(response) -> bool:
    page = response.get_data(as_text=True)
    return "bootstrap.min.css" in page and "Traceback" not in page


@pytest.mark.parametrize(
    "query",
    [
        f"page={LARGEST_64_BITS}",
        f"page={HUGE}",
        "page=-1",
        "page=abc",
        f"page={CRLF}",
        f"page_size={HUGE}",
        "page_size=-5",
        "sort=-1",
        f"sort={HUGE}",
        "desc=yes",
        f"search={'a' * 100_000}",
        f"search=Maison{CRLF}",
        "search=%00",
        f"flt0_0={'x' * 5000}",
        f"flt0_0=Maison{CRLF}",
    ],
)
def test_list_parameters_no_page_can_mean_are_a_400(client, org, query):
    response = client.get(f"/admin/organisation/?{query}")
    assert response.status_code == 400
    assert looks_like_the_backoffice(response)
    assert "Requête incorrecte" in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["page=3", "page_size=999", "sort=999", "page=", "search="])
def test_list_parameters_within_range_still_list(client, org, query):
    assert client.get(f"/admin/organisation/?{query}").status_code == 200


@pytest.mark.parametrize("page", ["details", "edit"])
@pytest.mark.parametrize("record_id", [HUGE, BEYOND_64_BITS, "-1", "0", "abc", "1%0d%0a"])
def test_ids_no_record_can_have_are_refused(client, org, page, record_id):
    response = client.get(f"/admin/organisation/{page}/?id={record_id}")
    assert response.status_code == 400
    assert looks_like_the_backoffice(response)


@pytest.mark.parametrize("record_id", [HUGE, BEYOND_64_BITS, "-1", "abc"])
def test_deleting_an_id_no_record_can_have_is_a_404_and_deletes_nothing(client, org, record_id):
    response = client.post("/admin/organisation/delete/", data={"id": record_id})
    assert response.status_code == 404
    assert "Page introuvable" in response.get_data(as_text=True)
    assert organisations() == 1


def test_deleting_an_id_with_control_characters_is_refused_and_deletes_nothing(client, org):
    response = client.post(
        "/admin/organisation/delete/", data={"id": f"{org.id}\r\n"}, follow_redirects=True
    )
    assert "Retirez les caractères de contrôle invisibles" in response.get_data(as_text=True)
    assert organisations() == 1


def test_bulk_delete_ignores_ids_no_record_can_have(client, org):
    response = client.post(
        "/admin/organisation/action/",
        data={"action": "delete", "rowid": [HUGE, "-1", "abc", str(org.id)]},
    )
    assert response.status_code == 302
    assert organisations() == 0  # the real one was deleted, the others could not exist


@pytest.mark.parametrize("query", [f"offset={HUGE}", f"limit={HUGE}", "offset=-1"])
def test_lookup_paging_beyond_range_is_a_400(client, query):
    response = client.get(f"/admin/person/ajax/lookup/?name=organisation&query=a&{query}")
    assert response.status_code == 400


@pytest.mark.parametrize("municipality", [HUGE, "-1", "abc", f"1{CRLF}"])
def test_dashboard_municipality_that_is_no_id_is_a_400(client, municipality):
    response = client.get(f"/admin/?municipality={municipality}")
    assert response.status_code == 400
    assert looks_like_the_backoffice(response)


def test_dashboard_of_an_unknown_municipality_is_a_404(client):
    town = factories.municipality("Trooz")
    response = client.get(f"/admin/?municipality={town.id + 1000}")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page introuvable" in page and "Chiffres clés" not in page


def test_dashboard_of_a_known_municipality_is_shown(client):
    town = factories.municipality("Trooz")
    response = client.get(f"/admin/?municipality={town.id}")
    assert response.status_code == 200
    assert "Trooz" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("quarter=7", "Un trimestre vaut 1, 2, 3 ou 4."),
        ("quarter=-2", "Un trimestre vaut 1, 2, 3 ou 4."),
        ("year=99999", "Choisissez une année entre 1990 et"),
        ("year=1800", "Choisissez une année entre 1990 et"),
        ("start=2025-02-30&end=2025-03-01", "Indiquez les deux dates au format AAAA-MM-JJ."),
        ("start=x&end=y", "Indiquez les deux dates au format AAAA-MM-JJ."),
        ("start=9999-01-01&end=9999-12-31", "Choisissez une année entre 1990 et"),
        ("start=0001-01-01&end=0001-12-31", "Choisissez une année entre 1990 et"),
        ("start=2025-06-01&end=2025-01-01", "La fin de la période précède son début."),
    ],
)
def test_impossible_period_is_a_400_that_says_why(client, query, message):
    response = client.get(f"/admin/?{query}")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    # The figures shown are the current year's, under that year's title.
    assert f"Chiffres clés {date.today().year}" in page


@pytest.mark.parametrize("query", [f"year={HUGE}", "year=abc", f"year=2025{CRLF}"])
def test_report_year_that_is_no_number_is_a_400(client, query):
    assert client.get(f"/admin/report/?{query}").status_code == 400


def test_report_of_a_year_too_far_is_a_404(client):
    assert client.get("/admin/report/?year=999999").status_code == 404


def test_crlf_in_next_after_login_is_refused(app, users):
    browser = app.test_client()
    response = browser.post(
        f"/login?next=/admin/{CRLF}",
        data={"username": "secretariat", "password": PASSWORD},
    )
    assert response.status_code == 400
    assert "X-Injected" not in response.headers


def test_crlf_in_next_after_choosing_a_language_goes_home(client):
    response = client.post("/language", data={"language": "nl", "next": "/admin/\r\nX-Injected: 1"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/"
    assert "X-Injected" not in response.headers


@pytest.mark.parametrize("path", ["/login", "/network-overview/", "/admin/"])
def test_control_characters_in_any_query_are_a_400(client, path):
    assert client.get(f"{path}?anything=a%00b").status_code == 400


@pytest.mark.parametrize(
    "path", ["/admin/housingstay/export/%00/", "/network-overview/export/%0d%0a"]
)
def test_control_characters_in_a_path_are_a_400(as_role, path):
    assert as_role("partner").get(path).status_code == 400


@pytest.mark.parametrize("chosen", ["=HYPERLINK(1)", HUGE, "99999", "-1", "1.5", " 1"])
def test_a_searchable_choice_posted_with_no_record_id_is_a_field_error(client, chosen):
    person = {"last_name": "Dupont", "first_name": "Alex", "organisation": chosen}
    answer = send(client, Person, person)
    assert answer.status == 200 and answer.records == 0
    assert error_next_to(answer.page, "organisation", "Choix non valable.")


FILTER_VALUES = [HUGE, "-1e400", "2025-13-45 to 2025-01-01"]


def test_every_kind_of_list_filter_takes_any_value_without_failing(app, as_role):
    browser, failures = as_role("administrator"), []
    for view in [v for v in app.extensions["admin"][0]._views if hasattr(v, "model")]:
        kinds = {}  # one filter of each kind that parses its value, per list
        for index, found in enumerate(view._filters or ()):
            if type(found).__name__.startswith(("Int", "Float", "Date", "Time", "Boolean")):
                kinds.setdefault(type(found).__name__, index)
        for index in kinds.values():
            for value in FILTER_VALUES:
                query = {f"flt0_{index}": value}
                response = browser.get(f"/admin/{view.endpoint}/", query_string=query)
                if response.status_code != 200:
                    failures.append((view.endpoint, index, value, response.status_code))
    assert failures == []


def test_an_integer_filter_beyond_the_database_is_set_aside_with_a_message(app, as_role):
    view = next(v for v in app.extensions["admin"][0]._views if v.endpoint == "organisation")
    index = next(i for i, f in enumerate(view._filters) if type(f).__name__ == "IntEqualFilter")
    factories.organisation("Maison", municipality=factories.municipality("Trooz"))
    response = as_role("administrator").get(
        "/admin/organisation/", query_string={f"flt0_{index}": HUGE}
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert HUGE in page and "Maison" in page  # the value is named, the list unfiltered
