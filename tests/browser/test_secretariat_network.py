"""The secretariat keeps the network's records: organisations, referents, platform meetings."""

from .journey import Area, keep_records
from .screens import choose, field, login


def test_secretariat_keeps_organisations(page):
    def fill(page):
        field(page, "Nom").fill("Maison des Zébulons")
        field(page, "Sigle").fill("MZ")
        choose(page, "Type", "Association")
        choose(page, "Commune", "Esneux")
        field(page, "Téléphone").fill("04 380 11 22")
        field(page, "E-mail").fill("accueil@zebulons.example")

    def change(page):
        field(page, "Téléphone").fill("04 380 99 00")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Réseau",
            screen="Organisations",
            fill=fill,
            key="Maison des Zébulons",
            search="Zébulons",
            filter=("Type", "Association"),
            change=change,
            changed="04 380 99 00",
            exported={"Nom": "Maison des Zébulons", "Sigle": "MZ", "Téléphone": "04 380 99 00"},
        ),
    )
