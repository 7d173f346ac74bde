"""Network and training figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    and_,
    case,
    func,
    select,
)
from sqlalchemy.orm import Session

from models.network import (
    AppointingBody,
    Municipality,
    Organisation,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
    meeting_attendee,
)
from models.training import TrainingSession, training_participant

from ..period import Period
from .conditions import (
    _active_on,
    _by_municipality,
    _of_municipality,
    _ratio,
    _within,
)
from .results import NetworkFigures, TrainingFigures


def network(session: Session, period: Period, today: date) -> NetworkFigures:
    """Count referents, platform members, meetings and partner organisations."""
    referent_active = _active_on(ReferentAppointment, period.end)
    by_municipality = _by_municipality(
        session,
        period,
        ReferentAppointment,
        and_(ReferentAppointment.municipality_id == Municipality.id, referent_active),
    )
    by_body = session.execute(
        select(ReferentAppointment.appointed_by, func.count())
        .where(referent_active, _of_municipality(ReferentAppointment.municipality_id, period))
        .group_by(ReferentAppointment.appointed_by)
    )
    members = session.scalar(select(func.count()).where(_active_on(PlatformMembership, period.end)))
    meetings, attendances = session.execute(
        select(
            func.count(func.distinct(PlatformMeeting.id)), func.count(meeting_attendee.c.person_id)
        )
        .outerjoin(meeting_attendee, meeting_attendee.c.meeting_id == PlatformMeeting.id)
        .where(_within(PlatformMeeting.held_on, period))
    ).one()
    kinds = func.count(Organisation.id)
    by_kind = session.execute(
        select(Organisation.kind, kinds)
        .where(
            Organisation.active,
            _of_municipality(Organisation.municipality_id, period, or_regional=True),
        )
        .group_by(Organisation.kind)
        .order_by(kinds.desc(), Organisation.kind)
    )
    return NetworkFigures(
        referents=sum(count for _, count in by_municipality),
        referents_by_municipality=by_municipality,
        referents_by_body={body.value: 0 for body in AppointingBody} | dict(by_body.all()),
        platform_members=members,
        meetings_held=meetings,
        meetings_expected=period.quarters(),
        attendance_rate=_ratio(_ratio(attendances, meetings), members),
        organisations_by_kind=[(kind, count) for kind, count in by_kind],
    )


def training(session: Session, period: Period, today: date) -> TrainingFigures:
    """Count training sessions, hours and participations, and the referents trained."""
    in_period = _within(TrainingSession.held_on, period)
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
            _active_on(ReferentAppointment, period.end),
            _of_municipality(ReferentAppointment.municipality_id, period),
        )
    ).one()
    return TrainingFigures(
        sessions=sessions,
        hours=Decimal(hours),
        participations=recorded + int(external),
        distinct_participants=distinct,
        referents_trained_share=_ratio(trained_referents, active_referents),
    )
