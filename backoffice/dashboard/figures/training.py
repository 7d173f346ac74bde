"""Training figures: sessions, hours, participations, referents trained."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from models.network import ReferentAppointment
from models.training import TrainingSession, training_participant

from ..period import Period
from .conditions import active_on, of_municipality, ratio, within
from .results import TrainingFigures


def training(session: Session, period: Period, today: date) -> TrainingFigures:
    """Count training sessions, hours and participations, and the referents trained."""
    in_period = within(TrainingSession.held_on, period)
    sessions, hours, external = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(TrainingSession.hours), 0),
            func.coalesce(func.sum(TrainingSession.external_participants), 0),
        ).where(in_period)
    ).one()
    participant = training_participant.c.person_id
    participants = (
        select(participant)
        .join_from(training_participant, TrainingSession)
        .where(in_period)
        .subquery()
    )
    recorded, distinct = session.execute(
        select(func.count(), func.count(func.distinct(participants.c.person_id)))
    ).one()
    referent = ReferentAppointment.person_id
    trained = case((referent.in_(select(participants.c.person_id)), referent))
    active_referents, trained_referents = session.execute(
        select(func.count(func.distinct(referent)), func.count(func.distinct(trained))).where(
            active_on(ReferentAppointment.starts_on, ReferentAppointment.ends_on, period.end),
            of_municipality(ReferentAppointment.municipality_id, period),
        )
    ).one()
    return TrainingFigures(
        sessions=sessions,
        hours=Decimal(hours),
        participations=recorded + int(external),
        distinct_participants=distinct,
        referents_trained_share=ratio(trained_referents, active_referents),
    )
