"""Network figures: referents, platform members and meetings, organisations, protocols."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
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
from models.protocols import InterventionProtocol

from ..period import Period
from .conditions import active_on, by_municipality, of_municipality, ratio, within
from .results import NetworkFigures


def network(session: Session, period: Period, today: date) -> NetworkFigures:
    """Count referents, platform members, meetings and partner organisations."""
    referent_active = active_on(
        ReferentAppointment.starts_on, ReferentAppointment.ends_on, period.end
    )
    per_municipality = by_municipality(
        session,
        period,
        ReferentAppointment,
        and_(ReferentAppointment.municipality_id == Municipality.id, referent_active),
    )
    by_body = session.execute(
        select(ReferentAppointment.appointed_by, func.count())
        .where(referent_active, of_municipality(ReferentAppointment.municipality_id, period))
        .group_by(ReferentAppointment.appointed_by)
    )
    members = session.scalar(
        select(func.count()).where(
            active_on(PlatformMembership.starts_on, PlatformMembership.ends_on, period.end)
        )
    )
    meetings, attendances = session.execute(
        select(
            func.count(func.distinct(PlatformMeeting.id)), func.count(meeting_attendee.c.person_id)
        )
        .outerjoin(meeting_attendee, meeting_attendee.c.meeting_id == PlatformMeeting.id)
        .where(within(PlatformMeeting.held_on, period))
    ).one()
    kinds = func.count(Organisation.id)
    by_kind = session.execute(
        select(Organisation.kind, kinds)
        .where(
            active_on(Organisation.joined_on, Organisation.left_on, period.end),
            of_municipality(Organisation.municipality_id, period, or_regional=True),
        )
        .group_by(Organisation.kind)
        .order_by(kinds.desc(), Organisation.kind)
    )
    protocols = session.scalar(
        select(func.count()).where(InterventionProtocol.adopted_on <= period.end)
    )
    return NetworkFigures(
        referents=sum(count for _, count in per_municipality),
        referents_by_municipality=per_municipality,
        referents_by_body={body.value: 0 for body in AppointingBody} | dict(by_body.all()),
        platform_members=members,
        meetings_held=meetings,
        meetings_expected=period.quarters(),
        attendance_rate=ratio(ratio(attendances, meetings), members),
        organisations_by_kind=[(kind, count) for kind, count in by_kind],
        protocols_adopted=protocols,
    )
