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


def load(year: int, net: DemoNetwork) -> None:
    flyer = CommunicationMaterial(
        title="Dépliant « Violences intrafamiliales : où trouver de l'aide ? »",
        kind=MaterialKind.FLYER,
        languages=["fr", "nl", "de"],
        quantity=5000,
        issued_on=date(year, 3, 1),
    )
    poster = CommunicationMaterial(
        title="Affiche STOPP VIF",
        kind=MaterialKind.POSTER,
        languages=["fr"],
        quantity=300,
        issued_on=date(year, 3, 1),
    )
    card = CommunicationMaterial(
        title="Carte de poche des numéros utiles",
        kind=MaterialKind.CARD,
        languages=["fr", "nl", "de", "en"],
        quantity=10000,
        issued_on=date(year, 9, 1),
    )
    page = CommunicationMaterial(
        title="Page web du réseau STOPP VIF",
        kind=MaterialKind.WEB_PAGE,
        languages=["fr"],
        issued_on=date(year, 2, 1),
    )
    db.session.add_all([flyer, poster, card, page])
    for town, title, occasion, month, day, public in ACTIONS:
        db.session.add(
            AwarenessAction(
                title=title,
                municipality=net.municipalities[town],
                occasion=occasion,
                held_on=date(year, month, day),
                public_reached=public,
                materials=[flyer, card] if occasion != Occasion.SCHOOL else [card],
                partners=[net.organisations["sapv"], net.organisations[f"social:{town}"]],
            )
        )
