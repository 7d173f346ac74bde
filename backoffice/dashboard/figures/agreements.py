"""Agreement figures: in force, ended, about to expire."""

from __future__ import annotations

from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.agreements import Agreement, AgreementStatus
from models.network import Organisation

from ..period import Period
from .conditions import EXPIRY_NOTICE_DAYS, of_municipality, within
from .results import AgreementFigures, ExpiringAgreement


def agreements(session: Session, period: Period, today: date) -> AgreementFigures:
    """Count the agreements in force and ended, and list those about to expire."""
    with_organisation = (
        select()
        .join_from(Agreement, Organisation, Organisation.id == Agreement.organisation_id)
        .where(of_municipality(Organisation.municipality_id, period, or_regional=True))
    )
    active, ended = session.execute(
        with_organisation.add_columns(
            func.sum(case((Agreement.in_status(AgreementStatus.ACTIVE, period.end), 1), else_=0)),
            func.sum(case((within(Agreement.valid_until, period), 1), else_=0)),
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
