"""Agreements: the conventions the network signs with its partner organisations."""

from __future__ import annotations

import enum
from datetime import date, timedelta

from flask_babel import lazy_gettext as _
from sqlalchemy import ColumnElement, String, Text, and_, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, column, not_before, one_of, refers_to
from .network import Organisation


class AgreementStatus(enum.StrEnum):
    """Where an agreement stands on a given day; derived from its dates, never stored."""

    UPCOMING = "upcoming"
    ACTIVE = "active"
    ENDED = "ended"


class AgreementKind(enum.StrEnum):
    PARTNERSHIP = "partnership"
    COLLABORATION = "collaboration"
    HOUSING_PROVISION = "housing_provision"
    SERVICE = "service"
    OTHER = "other"


class Agreement(Record):
    """A convention with a partner organisation, in force from one date, perhaps until another."""

    __tablename__ = "agreement"

    organisation_id: Mapped[int] = refers_to("organisation")
    kind: Mapped[str] = one_of(AgreementKind, 30)
    title: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = column(String(60), label=_("Reference"))
    signed_on: Mapped[date | None] = column(label=_("Signed on"))
    valid_from: Mapped[date] = column(index=True, label=_("Valid from"))
    valid_until: Mapped[date | None] = not_before("valid_from", index=True, label=_("Valid until"))
    # Where the signed original is filed; uploading the document itself comes later.
    document_reference: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    organisation: Mapped[Organisation] = relationship()

    def status(self, on: date) -> AgreementStatus:
        """Tell whether the agreement is upcoming, active or ended on the given day."""
        if on < self.valid_from:
            return AgreementStatus.UPCOMING
        if self.valid_until is not None and self.valid_until < on:
            return AgreementStatus.ENDED
        return AgreementStatus.ACTIVE

    @classmethod
    def in_status(cls, status: AgreementStatus | str, on: date) -> ColumnElement[bool]:
        """An SQL condition selecting the agreements in `status` on the given day."""
        match AgreementStatus(status):
            case AgreementStatus.UPCOMING:
                return cls.valid_from > on
            case AgreementStatus.ENDED:
                return and_(cls.valid_until.is_not(None), cls.valid_until < on)
            case AgreementStatus.ACTIVE:
                return and_(
                    cls.valid_from <= on, or_(cls.valid_until.is_(None), cls.valid_until >= on)
                )

    @classmethod
    def expiring_within(cls, days: int, on: date) -> ColumnElement[bool]:
        """An SQL condition selecting active agreements whose last day is within `days` of `on`."""
        return and_(
            cls.in_status(AgreementStatus.ACTIVE, on), cls.valid_until <= on + timedelta(days=days)
        )

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})" if self.organisation else self.title
