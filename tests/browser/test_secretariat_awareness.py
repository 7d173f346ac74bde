"""The secretariat records awareness actions and communication materials."""

from datetime import date

from .journey import Area, keep_records
from .screens import choose, enter_date, field, login

THIS_YEAR = date.today().year


def test_secretariat_keeps_awareness_actions(page):
    def fill(page):
        field(page, "Titre").fill("Stand au marché de Noël de Sprimont")
        enter_date(page, "Date", date(THIS_YEAR, 12, 12))
        choose(page, "Commune", "Sprimont")
        choose(page, "Occasion", "Marché ou foire")
        field(page, "Public atteint").fill("150")
        choose(page, "Partenaires", "GREOVA")

    def change(page):
        field(page, "Public atteint").fill("180")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Sensibilisation et communication",
            screen="Actions de sensibilisation",
            fill=fill,
            key="Stand au marché de Noël de Sprimont",
            search="marché de Noël",
            filter=("Commune", "Sprimont"),
            change=change,
            changed="180",
            exported={
                "Titre": "Stand au marché de Noël de Sprimont",
                "Date": date(THIS_YEAR, 12, 12),
                "Public atteint": 180,
            },
        ),
    )


def test_secretariat_keeps_communication_materials(page):
    def fill(page):
        field(page, "Titre").fill("Carte de poche 0800 30 030")
        choose(page, "Type", "Carte")
        choose(page, "Langues", "français", "néerlandais")
        field(page, "Quantité").fill("500")
        enter_date(page, "Date de parution", date(THIS_YEAR, 9, 1))

    def change(page):
        field(page, "Quantité").fill("750")

    login(page, "secretariat")
    keep_records(
        page,
        Area(
            category="Sensibilisation et communication",
            screen="Supports de communication",
            fill=fill,
            key="Carte de poche 0800 30 030",
            search="0800 30 030",
            filter=("Type", "Carte"),
            change=change,
            changed="750",
            exported={
                "Titre": "Carte de poche 0800 30 030",
                "Quantité": 750,
                "Date de parution": date(THIS_YEAR, 9, 1),
            },
        ),
    )
