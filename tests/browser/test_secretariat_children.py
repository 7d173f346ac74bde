"""The secretariat counts the children and parents at each "La cabane" session."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login, shown

# A Wednesday that is never the first of its month: no demo session falls on it.
HELD_ON = date(date.today().year, 12, 16)


def test_secretariat_keeps_workshop_sessions(page):
    def fill(page):
        choose(page, "Atelier", "La cabane")
        enter_date(page, "Date", HELD_ON)
        field(page, "Enfants présents").fill("7")
        field(page, "Parents présents").fill("4")
        field(page, "Notes").fill("Séance supplémentaire de Saint-Nicolas")

    def change(page):
        field(page, "Enfants présents").fill("8")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Enfance et jeunesse",
            screen="Séances d'atelier",
            fill=fill,
            key=shown(HELD_ON),
            search="Saint-Nicolas",
            filter=("Date", HELD_ON.isoformat()),
            change=change,
            changed="8",
            exported={"Date": HELD_ON, "Enfants présents": 8, "Parents présents": 4},
        ),
    )
