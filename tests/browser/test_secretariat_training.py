"""The secretariat records training sessions and who took part."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login, shown

HELD_ON = date(date.today().year, 11, 20)


def test_secretariat_keeps_training_sessions_with_participants(page):
    def fill(page):
        choose(page, "Formation", "Formation de base des référents VIF")
        enter_date(page, "Date", HELD_ON)
        field(page, "Heures").fill("3.5")
        field(page, "Lieu").fill("Maison communale d'Esneux")
        choose(page, "Participants enregistrés", "Noël", "Simon")
        field(page, "Participants externes").fill("4")

    def change(page):
        field(page, "Participants externes").fill("5")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Formation",
            screen="Séances de formation",
            fill=fill,
            key=shown(HELD_ON),
            search="Maison communale d'Esneux",
            filter=("Date", HELD_ON.isoformat()),
            change=change,
            changed="7",
            exported={
                "Date": HELD_ON,
                "Heures": 3.5,
                "Lieu": "Maison communale d'Esneux",
                "Participants externes": 5,
                "Participants": 7,
            },
        ),
    )
