"""The secretariat records the stays of the emergency apartment, which partners never see."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login, rows, shown

# The demo apartment is available for the demo year, the year before this one, and free
# from September on; this year's stays follow, so a stay of the demo year has its exit date.
DEMO_YEAR = date.today().year - 1
ENTRY = date(DEMO_YEAR, 10, 6)
EXIT = date(DEMO_YEAR, 11, 14)
NOTES = "Clés remises par le SAPV; pas de visite sans accord"


def household_code(page) -> str:
    """The code the backoffice gave the new stay, read in its row."""
    return rows(page, shown(ENTRY)).locator("td.col-household_code").inner_text().strip()


def test_secretariat_keeps_housing_stays(page):
    def fill(page):
        choose(page, "Logement", "Appartement d'urgence STOPP VIF")
        choose(page, "Orienté par", "SAPV")
        enter_date(page, "Date d'entrée", ENTRY)
        enter_date(page, "Date de sortie", EXIT)
        field(page, "Adultes").fill("1")
        field(page, "Enfants").fill("2")
        field(page, "Notes").fill(NOTES)

    def change(page):
        choose(page, "Destination à la sortie", "Famille ou proches")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Logement d'urgence",
            screen="Séjours",
            fill=fill,
            key=shown(ENTRY),
            search=household_code,
            filter=("Date d'entrée", ENTRY.isoformat()),
            change=change,
            changed="Famille ou proches",
            exported={
                "Date d'entrée": ENTRY,
                "Date de sortie": EXIT,
                "Adultes": 1,
                "Enfants": 2,
                "Destination à la sortie": "Famille ou proches",
            },
            never_exported=(NOTES,),
        ),
    )
