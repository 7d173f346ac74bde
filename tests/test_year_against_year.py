"""The report and the dashboard show each key figure beside the previous year's, with the change."""

from __future__ import annotations

from datetime import date

from tests import factories
from tests.test_report import visible


def three_referents_in_2025_two_in_2024() -> None:
    town = factories.municipality("Esneux")
    factories.referent(municipality=town, starts_on=date(2024, 3, 1))
    factories.referent(municipality=town, starts_on=date(2024, 9, 1))
    factories.referent(municipality=town, starts_on=date(2025, 2, 1))


def test_dashboard_shows_a_figure_beside_the_previous_years_with_the_change(as_role):
    three_referents_in_2025_two_in_2024()

    page = visible(as_role("coordinator").get("/admin/?year=2025").get_data(as_text=True))

    assert "3 référents actifs 2024 : 2 (+1)" in page


def test_a_quarter_is_compared_with_the_same_quarter_a_year_earlier(as_role):
    three_referents_in_2025_two_in_2024()

    page = visible(as_role("coordinator").get("/admin/?year=2025&quarter=1").get_data(as_text=True))

    assert "3 référents actifs T1 2024 : 1 (+2)" in page


def test_report_tables_show_the_year_the_year_before_and_the_change(as_role):
    three_referents_in_2025_two_in_2024()

    page = visible(
        as_role("coordinator").get("/admin/report/?year=2025&lang=en").get_data(as_text=True)
    )

    assert "Figure 2025 2024 Change" in page
    assert "Active referents 3 2 +1" in page
    assert "Esneux 3 2 +1" in page
