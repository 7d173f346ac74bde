"""The figures each axis returns: their definitions are the comments of each field."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class NetworkFigures:
    # Referent appointments active on the period's last day (starts_on <= end and
    # (ends_on is null or ends_on >= end)), in the municipality if one is chosen.
    referents: int
    # (municipality name, count) for every municipality (0 included), by name.
    referents_by_municipality: list[tuple[str, int]]
    # appointing body code ("municipal_college", "social_action_council") -> count.
    referents_by_body: dict[str, int]
    # Platform memberships active on the period's last day (not filtered by municipality).
    platform_members: int
    # Platform meetings held within the period, and the expected number: one per quarter
    # the period touches (Period.quarters()).
    meetings_held: int
    meetings_expected: int
    # Average attendees per meeting held / platform members, as a fraction 0..1;
    # None when no meeting was held or nobody is a member.
    attendance_rate: float | None
    # (organisation kind code, count) of the organisations in the network on the period's
    # last day (joined_on <= end and (left_on is null or left_on >= end)), most numerous
    # first; with a municipality: that municipality's plus those of none (regional).
    organisations_by_kind: list[tuple[str, int]]
    # Intervention protocols adopted on or before the period's last day.
    protocols_adopted: int = 0

    @property
    def organisations(self) -> int:
        return sum(count for _, count in self.organisations_by_kind)


@dataclass(frozen=True)
class TrainingFigures:
    # Training sessions held within the period.
    sessions: int
    # Sum of their hours.
    hours: Decimal
    # Persons recorded as participants (each session counts each person once) plus the
    # sessions' external participants: "participations".
    participations: int
    # Distinct persons who took part in at least one session of the period.
    distinct_participants: int
    # Share of the referents active on the period's last day who took part in at least one
    # session within the period (0..1), None when there is no active referent. With a
    # municipality: that municipality's referents.
    referents_trained_share: float | None


@dataclass(frozen=True)
class AwarenessFigures:
    # Awareness actions held within the period.
    actions: int
    # (municipality name, count) for every municipality (0 included), by name, plus actions
    # without municipality counted under the key None at the end when there are any.
    actions_by_municipality: list[tuple[str | None, int]]
    # Sum of public_reached of those actions (missing values count as 0).
    public_reached: int
    # Communication materials issued (issued_on) within the period, and their copies
    # (sum of quantity, missing as 0). Not filtered by municipality.
    materials_issued: int
    copies_issued: int


@dataclass(frozen=True)
class MonthlyOccupancy:
    month: date  # first day of the month
    nights_occupied: int
    nights_available: int


@dataclass(frozen=True)
class Occupancy:
    """The occupancy of a period and nothing else: what partners read of a whole year."""

    nights_occupied: int
    nights_available: int
    occupancy_rate: float | None
    months_in_period: int
    months_occupied: float | None


@dataclass(frozen=True)
class HousingFigures:
    # Nights occupied / available within the period (see models.housing.occupied_nights and
    # available_nights), units of the municipality if one is chosen; ongoing stays count up
    # to today.
    nights_occupied: int
    nights_available: int
    # nights_occupied / nights_available (0..1), None when nothing was available.
    occupancy_rate: float | None
    # Months of the period (calendar months it touches, e.g. 12 for a year, 3 for a
    # quarter) and occupied months = occupancy_rate * months_in_period: "7,5 mois sur 12".
    months_in_period: int
    months_occupied: float | None
    # Stays whose entry_date / exit_date falls within the period.
    stays_started: int
    stays_ended: int
    # Stays with at least one night in the period ("households sheltered"), and the sum of
    # their adults and of their children.
    households: int
    adults: int
    children: int
    # Average length in nights (exit - entry) of the stays ended within the period; None
    # when none ended.
    average_stay_nights: float | None
    # (destination code, count) of the stays ended within the period, most frequent first;
    # stays without destination under None.
    destinations: list[tuple[str | None, int]]
    # One entry per month of the period (Period.months / month_bounds).
    monthly: list[MonthlyOccupancy] = field(default_factory=list)

    def occupancy(self) -> Occupancy:
        """The occupancy alone, without counts of stays or households, nor months."""
        return Occupancy(
            self.nights_occupied,
            self.nights_available,
            self.occupancy_rate,
            self.months_in_period,
            self.months_occupied,
        )


@dataclass(frozen=True)
class MonthlyAttendance:
    month: date
    sessions: int
    children: int
    parents: int


@dataclass(frozen=True)
class ChildrenFigures:
    # Workshop sessions held within the period (workshops of the municipality if chosen).
    sessions_held: int
    # Sessions planned by each workshop's rule (e.g. the first Wednesday of every month,
    # Workshop.meeting_days) on the days of the period it was held (starts_on..ends_on).
    sessions_planned: int
    children_present: int
    parents_present: int
    # Averages per session held; None when no session was held.
    children_per_session: float | None
    parents_per_session: float | None
    monthly: list[MonthlyAttendance] = field(default_factory=list)


@dataclass(frozen=True)
class ExpiringAgreement:
    id: int
    title: str
    organisation: str
    valid_until: date


@dataclass(frozen=True)
class AgreementFigures:
    # Agreements active on the period's last day (models.agreements status "active" then),
    # organisation of the municipality (or regional) if one is chosen.
    active: int
    # Agreements active today whose valid_until is within 90 days from today, soonest first.
    expiring: list[ExpiringAgreement]
    # Agreements whose valid_until falls within the period.
    ended: int


@dataclass(frozen=True)
class PeriodFigures:
    """Every axis' figures of one period, as the yearly report reads them."""

    network: NetworkFigures
    training: TrainingFigures
    awareness: AwarenessFigures
    housing: HousingFigures
    children: ChildrenFigures
    agreements: AgreementFigures
