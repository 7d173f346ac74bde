"""Demo emergency apartment: provided by AISOVA for a one-year test phase, occupied 7.5 months.

Three stays fill 228 of the 365 nights of the demo year (62.5 %), that is 7.5 months of 12:
January and February, March to mid-June, July and August. Households are pseudonymous.
"""

from __future__ import annotations

from datetime import date

from models import db
from models.housing import ExitDestination, HousingStay, HousingUnit

from .network import DemoNetwork


def load(year: int, net: DemoNetwork) -> None:
    orgs = net.organisations
    apartment = HousingUnit(
        label="Appartement d'urgence STOPP VIF",
        provider=orgs["aisova"],
        municipality=net.municipalities["Aywaille"],
        capacity=4,
        available_from=date(year, 1, 1),
        available_until=date(year, 12, 31),
        address="Adresse fictive de démonstration",
        notes="Clés au SAPV; état des lieux à chaque sortie.",
    )
    db.session.add(apartment)
    stays = [
        (date(year, 1, 1), date(year, 3, 1), 1, 2, orgs["sapv"], ExitDestination.FAMILY_OR_FRIENDS),
        (
            date(year, 3, 1),
            date(year, 6, 16),
            1,
            1,
            orgs["cpas:Aywaille"],
            ExitDestination.SOCIAL_HOUSING,
        ),
        (date(year, 7, 1), date(year, 9, 1), 1, 0, orgs["sapv"], ExitDestination.OWN_HOUSING),
    ]
    for entry, exit_, adults, children, referrer, destination in stays:
        db.session.add(
            HousingStay(
                unit=apartment,
                entry_date=entry,
                exit_date=exit_,
                adults=adults,
                children=children,
                referring_organisation=referrer,
                destination=destination,
            )
        )
