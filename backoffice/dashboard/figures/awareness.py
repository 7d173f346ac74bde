"""Awareness figures: actions, public reached, communication materials."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from models.awareness import AwarenessAction, CommunicationMaterial
from models.network import Municipality

from ..period import Period
from .conditions import by_municipality, of_municipality, within
from .results import AwarenessFigures


def awareness(session: Session, period: Period, today: date) -> AwarenessFigures:
    """Count awareness actions, the public reached and the materials issued.

    With a municipality: its actions and the zone-wide ones, listed under None.
    """
    in_period = within(AwarenessAction.held_on, period)
    actions, public = session.execute(
        select(func.count(), func.coalesce(func.sum(AwarenessAction.public_reached), 0)).where(
            in_period,
            of_municipality(AwarenessAction.municipality_id, period, or_regional=True),
        )
    ).one()
    per_municipality: list[tuple[str | None, int]] = list(
        by_municipality(
            session,
            period,
            AwarenessAction,
            and_(AwarenessAction.municipality_id == Municipality.id, in_period),
        )
    )
    zone_wide = actions - sum(count for _, count in per_municipality)
    if zone_wide:
        per_municipality.append((None, zone_wide))
    materials, copies = session.execute(
        select(func.count(), func.coalesce(func.sum(CommunicationMaterial.quantity), 0)).where(
            within(CommunicationMaterial.issued_on, period)
        )
    ).one()
    return AwarenessFigures(
        actions=actions,
        actions_by_municipality=per_municipality,
        public_reached=int(public),
        materials_issued=materials,
        copies_issued=int(copies),
    )
