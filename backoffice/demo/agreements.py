"""Demo agreements (GREOVA, AISOVA, the Pôle de ressources) and the common protocol."""

from __future__ import annotations

from datetime import date

from models import db
from models.agreements import Agreement, AgreementKind
from models.protocols import InterventionProtocol

from .network import DemoNetwork


def load(year: int, net: DemoNetwork) -> None:
    orgs = net.organisations
    db.session.add_all(
        [
            Agreement(
                organisation=orgs["greova"],
                kind=AgreementKind.PARTNERSHIP,
                title="Convention de partenariat STOPP VIF – GREOVA",
                reference=f"VIF-{year - 1}-01",
                signed_on=date(year - 1, 9, 15),
                valid_from=date(year - 1, 10, 1),
                notes="Soutien à la coordination et à la communication du réseau.",
            ),
            Agreement(
                organisation=orgs["aisova"],
                kind=AgreementKind.HOUSING_PROVISION,
                title="Mise à disposition d'un appartement d'urgence (phase test)",
                reference=f"VIF-{year}-02",
                signed_on=date(year - 1, 12, 10),
                valid_from=date(year, 1, 1),
                valid_until=date(year, 12, 31),
            ),
            Agreement(
                organisation=orgs["pole"],
                kind=AgreementKind.PARTNERSHIP,
                title="Convention de partenariat – formation et concertation",
                reference=f"VIF-{year}-03",
                signed_on=date(year, 1, 20),
                valid_from=date(year, 2, 1),
                valid_until=date(year + 1, 12, 31),
            ),
        ]
    )
    signatories = [
        orgs["sapv"],
        *(o for k, o in orgs.items() if k.startswith(("cpas:", "social:"))),
    ]
    db.session.add(
        InterventionProtocol(
            title="Protocole d'intervention commun en matière de violences intrafamiliales",
            revision="1.0",
            adopted_on=date(year, 6, 19),
            summary="Repérage, orientation et accompagnement des victimes entre la police, "
            "les CPAS et les services sociaux des cinq communes.",
            signatories=signatories,
        )
    )
