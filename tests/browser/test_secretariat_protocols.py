"""The secretariat records the intervention protocols and who signed them."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login


def test_secretariat_keeps_intervention_protocols(page):
    def fill(page):
        field(page, "Titre").fill("Protocole d'hébergement en urgence")
        field(page, "Version").fill("1.0")
        enter_date(page, "Date d'adoption", date(date.today().year, 6, 10))
        choose(page, "Signataires", "AISOVA", "GREOVA")

    def change(page):
        field(page, "Version").fill("1.1")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Protocoles d'intervention",
            screen="Protocoles d'intervention",
            fill=fill,
            key="Protocole d'hébergement en urgence",
            search="hébergement en urgence",
            filter=("Titre", "hébergement"),
            change=change,
            changed="1.1",
            exported={
                "Titre": "Protocole d'hébergement en urgence",
                "Version": "1.1",
                "Date d'adoption": date(date.today().year, 6, 10),
                "Signataires": "AISOVA, GREOVA",
            },
        ),
    )
