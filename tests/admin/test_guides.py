"""Forms people fill without help: headings, required marks, help texts, first values."""

import re
from datetime import date

from flask_babel import format_date

from tests import factories


def test_a_form_groups_its_fields_under_headings_and_marks_the_required(client):
    page = client.get("/admin/organisation/new/").get_data(as_text=True)
    headings = re.findall(r'<h2 id="form-section-\d+">(.*?)</h2>', page)
    assert headings == ["Identité", "Coordonnées", "Période"]
    assert page.index('name="short_name"') < page.index("Coordonnées") < page.index('name="phone"')
    assert "Les champs marqués d'un * sont obligatoires." in page


def test_fields_whose_meaning_is_not_obvious_are_explained(client):
    page = client.get("/admin/organisation/new/").get_data(as_text=True)
    assert "Laisser vide pour un organisme régional" in page
    page = client.get("/admin/trainingsession/new/").get_data(as_text=True)
    assert "La durée de la séance en heures" in page


def test_a_new_stay_starts_today_in_the_only_unit(client):
    unit = factories.housing_unit(label="Appartement du village")
    page = client.get("/admin/housingstay/new/").get_data(as_text=True)
    option = r'<option (?:selected )?value="(\d+)"(?: selected)?>Appartement du village'
    selected = re.search(option, page)
    assert selected and int(selected.group(1)) == unit.id
    typed = re.search(r'name="entry_date"[^>]*value="([^"]*)"', page) or re.search(
        r'value="([^"]*)"[^>]*name="entry_date"', page
    )
    assert typed and typed.group(1) in {
        date.today().isoformat(),
        date.today().strftime("%d/%m/%Y"),
        format_date(date.today(), "short"),
    }


def test_with_two_units_none_is_chosen_for_the_person(client):
    factories.housing_unit(label="Appartement A")
    factories.housing_unit(label="Appartement B")
    page = client.get("/admin/housingstay/new/").get_data(as_text=True)
    assert not re.search(r"<option[^>]*selected[^>]*>Appartement", page)
