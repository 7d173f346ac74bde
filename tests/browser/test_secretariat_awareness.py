"""The secretariat records awareness actions and communication materials."""

from datetime import date

from .journey import Area, chosen, secretariat_keeps

THIS_YEAR = date.today().year

ACTIONS = Area(
    menu=("Sensibilisation et communication", "Actions de sensibilisation"),
    typed={
        "Titre": "Stand au marché de Noël de Sprimont",
        "Date": date(THIS_YEAR, 12, 12),
        "Commune": chosen("Sprimont"),
        "Occasion": chosen("Marché ou foire"),
        "Public atteint": 150,
        "Partenaires": chosen("GREOVA"),
    },
    key="Stand au marché de Noël de Sprimont",
    retyped={"Public atteint": 180},
    exported={
        "Titre": "Stand au marché de Noël de Sprimont",
        "Date": date(THIS_YEAR, 12, 12),
        "Public atteint": 180,
    },
    search="marché de Noël",
    filter=("Commune", "Sprimont"),
)

MATERIALS = Area(
    menu=("Sensibilisation et communication", "Supports de communication"),
    typed={
        "Titre": "Carte de poche 0800 30 030",
        "Type": chosen("Carte"),
        "Langues": chosen("français", "néerlandais"),
        "Quantité": 500,
        "Date de parution": date(THIS_YEAR, 9, 1),
    },
    key="Carte de poche 0800 30 030",
    retyped={"Quantité": 750},
    exported={
        "Titre": "Carte de poche 0800 30 030",
        "Quantité": 750,
        "Date de parution": date(THIS_YEAR, 9, 1),
    },
    search="0800 30 030",
    filter=("Type", "Carte"),
)


def test_secretariat_keeps_awareness_actions(page):
    secretariat_keeps(page, ACTIONS)


def test_secretariat_keeps_communication_materials(page):
    secretariat_keeps(page, MATERIALS)
