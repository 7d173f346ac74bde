"""Awareness and agreement figures."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    and_,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from models.agreements import Agreement, AgreementStatus
from models.awareness import AwarenessAction, CommunicationMaterial
from models.network import (
    Municipality,
    Organisation,
)

from ..period import Period
from .conditions import (
    EXPIRY_NOTICE_DAYS,
    _by_municipality,
    _of_municipality,
    _within,
)
from .results import AgreementFigures, AwarenessFigures, ExpiringAgreement


def awareness(session: Session, period: Period, today: date) -> AwarenessFigures:
    """Count awareness actions, the public reached and the materials issued.

    With a municipality: its actions and the zone-wide ones, listed under None.
    """
    in_period = _within(AwarenessAction.held_on, period)
    actions, public = session.execute(
        select(func.count(), func.coalesce(func.sum(AwarenessAction.public_reached), 0)).where(
            in_period,
            _of_municipality(AwarenessAction.municipality_id, period, or_regional=True),
        )
    ).one()
    by_municipality: list[tuple[str | None, int]] = list(
        _by_municipality(
            session,
            period,
            AwarenessAction,
            and_(AwarenessAction.municipality_id == Municipality.id, in_period),
        )
    )
    zone_wide = actions - sum(count for _, count in by_municipality)
    if zone_wide:
        by_municipality.append((None, zone_wide))
    materials, copies = session.execute(
        select(func.count(), func.coalesce(func.sum(CommunicationMaterial.quantity), 0)).where(
            _within(CommunicationMaterial.issued_on, period)
        )
    ).one()
    return AwarenessFigures(
        actions=actions,
        actions_by_municipality=by_municipality,
        public_reached=int(public),
        materials_issued=materials,
        copies_issued=int(copies),
    )


def agreements(session: Session, period: Period, today: date) -> AgreementFigures:
    """Count the agreements in force and ended, and list those about to expire."""
    with_organisation = (
        select()
        .join_from(Agreement, Organisation, Organisation.id == Agreement.organisation_id)
        .where(_of_municipality(Organisation.municipality_id, period, or_regional=True))
    )
    active, ended = session.execute(
        with_organisation.add_columns(
            func.sum(case((Agreement.in_status(AgreementStatus.ACTIVE, period.end), 1), else_=0)),
            func.sum(case((_within(Agreement.valid_until, period), 1), else_=0)),
        )
    ).one()
    expiring = session.execute(
        with_organisation.add_columns(
            Agreement.id,
            Agreement.title,
            func.coalesce(Organisation.short_name, Organisation.name),
            Agreement.valid_until,
        )
        .where(Agreement.expiring_within(EXPIRY_NOTICE_DAYS, today))
        .order_by(Agreement.valid_until, Agreement.title, Agreement.id)
    )
    return AgreementFigures(
        active=active or 0,
        expiring=[ExpiringAgreement(*row) for row in expiring],
        ended=ended or 0,
    )
