"""The secretariat keeps the network's records: organisations, referents, platform meetings."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login, shown

THIS_YEAR = date.today().year


def test_secretariat_keeps_organisations(page):
    def fill(page):
        field(page, "Nom").fill("Maison de quartier de Fraipont")
        field(page, "Sigle").fill("MQF")
        choose(page, "Type", "Association")
        choose(page, "Commune", "Trooz")
        field(page, "Téléphone").fill("04 380 11 22")
        field(page, "E-mail").fill("accueil@mq-fraipont.example")

    def change(page):
        field(page, "Téléphone").fill("04 380 99 00")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Réseau",
            screen="Organisations",
            fill=fill,
            key="Maison de quartier de Fraipont",
            search="Fraipont",
            filter=("Type", "Association"),
            change=change,
            changed="04 380 99 00",
            exported={
                "Nom": "Maison de quartier de Fraipont",
                "Sigle": "MQF",
                "Téléphone": "04 380 99 00",
                "E-mail": "accueil@mq-fraipont.example",
                "Actif": "oui",  # a yes or no in the reader's language
            },
        ),
    )


def test_secretariat_keeps_referent_appointments(page):
    starts = date(THIS_YEAR, 2, 1)

    def fill(page):
        choose(page, "Référent", "Kinet")
        choose(page, "Commune", "Sprimont")
        choose(page, "Désigné par", "Conseil de l'action sociale")
        enter_date(page, "Du", starts)

    def change(page):
        enter_date(page, "Au", date(THIS_YEAR, 12, 31))

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Réseau",
            screen="Référents",
            fill=fill,
            key="Sophie Kinet",
            search="Kinet",
            filter=("Du", starts.isoformat()),
            change=change,
            changed=shown(date(THIS_YEAR, 12, 31)),
            exported={
                "Référent": "Sophie Kinet",
                "Commune": "Sprimont",
                "Du": starts,
                "Au": date(THIS_YEAR, 12, 31),
            },
            language="de",
        ),
    )


def test_secretariat_keeps_platform_meetings_with_attendees(page):
    held_on = date(THIS_YEAR, 10, 15)

    def fill(page):
        enter_date(page, "Date", held_on)
        field(page, "Lieu").fill("Salle du conseil de Trooz")
        field(page, "Ordre du jour").fill("Bilan des orientations du trimestre")
        choose(page, "Participants", "Lemaire", "Marechal")

    def change(page):
        choose(page, "Participants", "Pirard")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Réseau",
            screen="Réunions de plateforme",
            fill=fill,
            key="Salle du conseil de Trooz",
            search="conseil de Trooz",
            filter=("Date", held_on.isoformat()),
            change=change,
            changed="3",
            exported={
                "Lieu": "Salle du conseil de Trooz",
                "Date": held_on,
                "Ordre du jour": "Bilan des orientations du trimestre",
                "Participants": 3,
            },
            language="en",
        ),
    )
