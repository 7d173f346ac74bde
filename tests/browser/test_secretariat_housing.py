"""The secretariat records the stays of the emergency apartment, which partners never see."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps
from .screens import rows, shown

# The demo apartment is available for the demo year, the year before this one, and free
# from September on; this year's stays follow, so a stay of the demo year has its exit date.
DEMO_YEAR = date.today().year - 1
ENTRY = date(DEMO_YEAR, 10, 6)
EXIT = date(DEMO_YEAR, 11, 14)
NOTES = "Clés remises par le SAPV; pas de visite sans accord"


def household_code(page) -> str:
    """The code the backoffice gave the new stay, read in its row."""
    return rows(page, shown(ENTRY)).locator("td.col-household_code").inner_text().strip()


STAYS = Area(
    menu=("Logement d'urgence", "Séjours"),
    typed={
        "Logement": chosen("Appartement d'urgence STOPP VIF"),
        "Orienté par": chosen("SAPV"),
        "Date d'entrée": ENTRY,
        "Date de sortie": EXIT,
        "Adultes": 1,
        "Enfants": 2,
        "Notes": NOTES,
    },
    key=shown(ENTRY),
    retyped={"Destination à la sortie": chosen("Famille ou proches")},
    exported={
        "Date d'entrée": ENTRY,
        "Date de sortie": EXIT,
        "Adultes": 1,
        "Enfants": 2,
        "Destination à la sortie": "Famille ou proches",
    },
    never_exported=(NOTES,),
    search=household_code,
    filter=("Date d'entrée", ENTRY.isoformat()),
)


def test_secretariat_keeps_housing_stays(page):
    secretariat_keeps(page, STAYS)
