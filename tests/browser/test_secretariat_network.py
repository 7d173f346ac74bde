"""The secretariat keeps the network's records: organisations, referents, platform meetings."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps

THIS_YEAR = date.today().year
STARTS, ENDS = date(THIS_YEAR, 2, 1), date(THIS_YEAR, 12, 31)
MEETING = date(THIS_YEAR, 10, 15)

ORGANISATIONS = Area(
    menu=("Réseau", "Organisations"),
    typed={
        "Nom": "Maison de quartier de Fraipont",
        "Sigle": "MQF",
        "Type": chosen("Association"),
        "Commune": chosen("Trooz"),
        "Téléphone": "04 380 11 22",
        "E-mail": "accueil@mq-fraipont.example",
    },
    key="Maison de quartier de Fraipont",
    retyped={"Téléphone": "04 380 99 00"},
    exported={
        "Nom": "Maison de quartier de Fraipont",
        "Sigle": "MQF",
        "Téléphone": "04 380 99 00",
        "E-mail": "accueil@mq-fraipont.example",
        "Actif": "oui",  # a yes or no in the reader's language
    },
    search="Fraipont",
    filter=("Type", "Association"),
)

REFERENTS = Area(
    menu=("Réseau", "Référents"),
    typed={
        "Référent": chosen("Kinet"),
        "Commune": chosen("Sprimont"),
        "Désigné par": chosen("Conseil de l'action sociale"),
        "Du": STARTS,
    },
    key="Sophie Kinet",
    retyped={"Au": ENDS},
    exported={"Référent": "Sophie Kinet", "Commune": "Sprimont", "Du": STARTS, "Au": ENDS},
    search="Kinet",
    filter=("Du", STARTS.isoformat()),
    language="de",
)

PLATFORM_MEETINGS = Area(
    menu=("Réseau", "Réunions de plateforme"),
    typed={
        "Date": MEETING,
        "Lieu": "Salle du conseil de Trooz",
        "Ordre du jour": "Bilan des orientations du trimestre",
        "Participants": chosen("Lemaire", "Marechal"),
    },
    key="Salle du conseil de Trooz",
    retyped={"Participants": chosen("Pirard")},
    changed="3",  # the list counts the participants
    exported={
        "Lieu": "Salle du conseil de Trooz",
        "Date": MEETING,
        "Ordre du jour": "Bilan des orientations du trimestre",
        "Participants": 3,
    },
    search="conseil de Trooz",
    filter=("Date", MEETING.isoformat()),
    language="en",
)


def test_secretariat_keeps_organisations(page):
    secretariat_keeps(page, ORGANISATIONS)


def test_secretariat_keeps_referent_appointments(page):
    secretariat_keeps(page, REFERENTS)


def test_secretariat_keeps_platform_meetings_with_attendees(page):
    secretariat_keeps(page, PLATFORM_MEETINGS)
