"""The secretariat records the intervention protocols and who signed them."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps

ADOPTED_ON = date(date.today().year, 6, 10)

PROTOCOLS = Area(
    menu=("Protocoles d'intervention", "Protocoles d'intervention"),
    typed={
        "Titre": "Protocole d'hébergement en urgence",
        "Version": "1.0",
        "Date d'adoption": ADOPTED_ON,
        "Signataires": chosen("AISOVA", "GREOVA"),
    },
    key="Protocole d'hébergement en urgence",
    retyped={"Version": "1.1"},
    exported={
        "Titre": "Protocole d'hébergement en urgence",
        "Version": "1.1",
        "Date d'adoption": ADOPTED_ON,
        "Signataires": "AISOVA, GREOVA",
    },
    search="hébergement en urgence",
    filter=("Titre", "hébergement"),
)


def test_secretariat_keeps_intervention_protocols(page):
    secretariat_keeps(page, PROTOCOLS)
