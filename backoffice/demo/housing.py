"""Demo emergency apartment: provided by AISOVA for a test phase, occupied 7.5 months in its
first year.

Three stays fill 228 of the 365 nights of the demo year (62.5 %), that is 7.5 months of 12:
January and February, March to mid-June, July and August. The phase goes on this year, whose
stays so far are recorded too (one may be ongoing). Households are pseudonymous.
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
        available_until=date(year + 1, 12, 31),
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
    # This year's stays up to today: a stay not ended yet is ongoing (no exit, no destination).
    today, this = date.today(), year + 1
    dest = ExitDestination
    this_year = [
        (date(this, 1, 12), date(this, 3, 23), 1, 2, orgs["sapv"], dest.SOCIAL_HOUSING),
        (date(this, 4, 6), date(this, 7, 3), 2, 3, orgs["cpas:Esneux"], dest.OWN_HOUSING),
        (date(this, 8, 17), date(this, 11, 2), 1, 1, orgs["sapv"], dest.FAMILY_OR_FRIENDS),
        (date(this, 11, 16), date(this, 12, 28), 1, 0, orgs["cpas:Aywaille"], dest.OWN_HOUSING),
    ]
    for entry, exit_, adults, children, referrer, destination in this_year:
        if entry < today:
            ended = exit_ <= today
            exit_, destination = (exit_, destination) if ended else (None, None)
            stays.append((entry, exit_, adults, children, referrer, destination))
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
