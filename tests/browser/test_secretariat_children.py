"""The secretariat counts the children and parents at each "La cabane" session."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps
from .screens import shown

# A Wednesday that is never the first of its month: no demo session falls on it.
HELD_ON = date(date.today().year, 12, 16)

WORKSHOP_SESSIONS = Area(
    menu=("Enfance et jeunesse", "Séances d'atelier"),
    typed={
        "Atelier": chosen("La cabane"),
        "Date": HELD_ON,
        "Enfants présents": 7,
        "Parents présents": 4,
        "Notes": "Séance supplémentaire de Saint-Nicolas",
    },
    key=shown(HELD_ON),
    retyped={"Enfants présents": 8},
    exported={"Date": HELD_ON, "Enfants présents": 8, "Parents présents": 4},
    search="Saint-Nicolas",
    filter=("Date", HELD_ON.isoformat()),
)


def test_secretariat_keeps_workshop_sessions(page):
    secretariat_keeps(page, WORKSHOP_SESSIONS)
