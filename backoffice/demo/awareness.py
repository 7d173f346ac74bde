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
        languages="fr,nl,de",
        quantity=5000,
        issued_on=date(year, 3, 1),
    )
    poster = CommunicationMaterial(
        title="Affiche STOPP VIF",
        kind=MaterialKind.POSTER,
        languages="fr",
        quantity=300,
        issued_on=date(year, 3, 1),
    )
    card = CommunicationMaterial(
        title="Carte de poche des numéros utiles",
        kind=MaterialKind.CARD,
        languages="fr,nl,de,en",
        quantity=10000,
        issued_on=date(year, 9, 1),
    )
    page = CommunicationMaterial(
        title="Page web du réseau STOPP VIF",
        kind=MaterialKind.WEB_PAGE,
        languages="fr",
        issued_on=date(year, 2, 1),
    )
    db.session.add_all([flyer, poster, card, page])
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
