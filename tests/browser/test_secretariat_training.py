"""The secretariat records training sessions and who took part."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps
from .screens import shown

HELD_ON = date(date.today().year, 11, 20)
PLACE = "Maison communale d'Esneux"

TRAINING_SESSIONS = Area(
    menu=("Formation", "Séances de formation"),
    typed={
        "Formation": chosen("Formation de base des référents VIF"),
        "Date": HELD_ON,
        "Heures": "3.5",
        "Lieu": PLACE,
        "Participants enregistrés": chosen("Noël", "Simon"),
        "Participants externes": 4,
    },
    key=shown(HELD_ON),
    retyped={"Participants externes": 5},
    changed="7",  # the list counts recorded and external participants
    exported={
        "Date": HELD_ON,
        "Heures": 3.5,
        "Lieu": PLACE,
        "Participants externes": 5,
        "Participants": 7,
    },
    search=PLACE,
    filter=("Date", HELD_ON.isoformat()),
)


def test_secretariat_keeps_training_sessions_with_participants(page):
    secretariat_keeps(page, TRAINING_SESSIONS)
