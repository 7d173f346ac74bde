"""Demo awareness actions in each municipality, and the network's communication materials."""

from __future__ import annotations

from datetime import date

from models import db
from models.awareness import AwarenessAction, CommunicationMaterial, MaterialKind, Occasion

from .network import DemoNetwork

# (municipality, title, occasion, month, day, public reached)
ACTIONS = [
    ("Aywaille", "Stand STOPP VIF à la foire de printemps", Occasion.MARKET_OR_FAIR, 4, 12, 350),
    ("Chaudfontaine", "Stand au marché de Chaudfontaine", Occasion.MARKET_OR_FAIR, 5, 17, 220),
    ("Esneux", "Animation à la fête de l'Ourthe", Occasion.LOCAL_EVENT, 6, 21, 400),
    ("Sprimont", "Rencontre avec les élèves de l'école communale", Occasion.SCHOOL, 10, 9, 120),
    ("Trooz", "Ciné-débat sur les violences intrafamiliales", Occasion.LOCAL_EVENT, 10, 23, 80),
    (
        "Chaudfontaine",
        "Campagne du 25 novembre : ruban blanc",
        Occasion.CAMPAIGN_25_NOVEMBER,
        11,
        25,
        600,
    ),
    (
        "Aywaille",
        "Campagne du 25 novembre : marche symbolique",
        Occasion.CAMPAIGN_25_NOVEMBER,
        11,
        25,
        250,
    ),
]


# (title, kind, languages, copies or None, month issued)
MATERIALS = {
    "flyer": (
        "Dépliant « Violences intrafamiliales : où trouver de l'aide ? »",
        MaterialKind.FLYER,
        ["fr", "nl", "de"],
        5000,
        3,
    ),
    "poster": ("Affiche STOPP VIF", MaterialKind.POSTER, ["fr"], 300, 3),
    "card": (
        "Carte de poche des numéros utiles",
        MaterialKind.CARD,
        ["fr", "nl", "de", "en"],
        10000,
        9,
    ),
    "page": ("Page web du réseau STOPP VIF", MaterialKind.WEB_PAGE, ["fr"], None, 2),
}


def load(year: int, net: DemoNetwork) -> None:
    materials = {
        key: CommunicationMaterial(
            title=title,
            kind=kind,
            languages=languages,
            quantity=quantity,
            issued_on=date(year, month, 1),
        )
        for key, (title, kind, languages, quantity, month) in MATERIALS.items()
    }
    db.session.add_all(materials.values())
    flyer, card = materials["flyer"], materials["card"]
    # The same round of actions this year, up to today, each reaching a few more people.
    today = date.today()
    done = [
        (town, title, occasion, year, month, day, public)
        for town, title, occasion, month, day, public in ACTIONS
    ]
    done += [
        (town, title, occasion, year + 1, month, day, public + 30)
        for town, title, occasion, month, day, public in ACTIONS
        if date(year + 1, month, day) < today
    ]  # fmt: skip
    for town, title, occasion, held_year, month, day, public in done:
        db.session.add(
            AwarenessAction(
                title=title,
                municipality=net.municipalities[town],
                occasion=occasion,
                held_on=date(held_year, month, day),
                public_reached=public,
                materials=[flyer, card] if occasion != Occasion.SCHOOL else [card],
                partners=[net.organisations["sapv"], net.organisations[f"social:{town}"]],
            )
        )
