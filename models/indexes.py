"""The indexes behind the lists: each list's default sort with its tie-breaker, and its filters.

Every list sorts by a column and then by id (see backoffice/admin/base.py), newest first where
dates are concerned: an index on (column, id) hands out a page without sorting the table, the
same rows on every visit. The filters of the large tables (stays, sessions, the audit log) read
their own indexes. Foreign keys and unique columns already have theirs (see each model).

Kept in one place, as migration a7c3e5f19b20 creates them; the trigram indexes of free-text
search exist on PostgreSQL only and are created by that migration alone.
"""

from __future__ import annotations

from sqlalchemy import Index

from .agreements import Agreement
from .audit import AuditEntry
from .awareness import AwarenessAction
from .children import WorkshopSession
from .housing import HousingStay
from .network import Person, PlatformMeeting, PlatformMembership
from .training import Training, TrainingSession

SORTED_LISTS = (
    Index("ix_housing_stay_entry_date_id", HousingStay.entry_date, HousingStay.id),
    Index("ix_housing_stay_unit_id_entry_date", HousingStay.unit_id, HousingStay.entry_date),
    Index("ix_agreement_valid_from_id", Agreement.valid_from, Agreement.id),
    Index("ix_awareness_action_held_on_id", AwarenessAction.held_on, AwarenessAction.id),
    Index("ix_workshop_session_held_on_id", WorkshopSession.held_on, WorkshopSession.id),
    Index("ix_person_last_name_id", Person.last_name, Person.id),
    Index(
        "ix_platform_membership_starts_on_id", PlatformMembership.starts_on, PlatformMembership.id
    ),
    Index("ix_platform_meeting_held_on_id", PlatformMeeting.held_on, PlatformMeeting.id),
    Index("ix_training_title_id", Training.title, Training.id),
    Index("ix_training_session_held_on_id", TrainingSession.held_on, TrainingSession.id),
    Index("ix_audit_entry_at_id", AuditEntry.at, AuditEntry.id),
)

FILTERED_LISTS = (
    Index("ix_housing_stay_exit_date", HousingStay.exit_date),
    Index("ix_housing_stay_destination", HousingStay.destination),
    Index("ix_workshop_session_workshop_id", WorkshopSession.workshop_id),
)


TRIGRAM_SUFFIX = "_trgm"


def described_by_models(obj, name, type_, reflected, compare_to) -> bool:
    """Whether Alembic compares this object with the models (its `include_object`).

    The trigram indexes of free-text search exist on PostgreSQL alone, made by the migration
    when the server has pg_trgm: the models do not describe them.
    """
    return not (type_ == "index" and reflected and (name or "").endswith(TRIGRAM_SUFFIX))
