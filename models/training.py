"""Training of professionals: trainings, their sessions and who took part."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from sqlalchemy import Column, ForeignKey, Numeric, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, db, not_negative, one_of
from .network import Organisation, Person


class TrainingAudience(enum.StrEnum):
    REFERENTS = "referents"
    FIRST_LINE = "first_line"
    MIXED = "mixed"


class Training(Record, db.Model):
    """A training of the plan, given to referents, first-line professionals or both."""

    __tablename__ = "training"
    __table_args__ = (one_of("audience", TrainingAudience),)

    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = mapped_column(String(20))
    trainer_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="RESTRICT"), index=True
    )
    description: Mapped[str | None] = mapped_column(Text)

    trainer: Mapped[Organisation | None] = relationship()

    def __str__(self) -> str:
        return self.title


# Deleting a session removes its attendance list; deleting a person who took part is refused.
training_participant = Table(
    "training_participant",
    db.metadata,
    Column("session_id", ForeignKey("training_session.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("person.id", ondelete="RESTRICT"), primary_key=True),
)


class TrainingSession(Record, db.Model):
    """One day of a training: its length, and the recorded and external participants."""

    __tablename__ = "training_session"
    __table_args__ = tuple(not_negative("hours", "external_participants"))

    training_id: Mapped[int] = mapped_column(
        ForeignKey("training.id", ondelete="RESTRICT"), index=True
    )
    held_on: Mapped[date] = mapped_column(index=True)
    hours: Mapped[Decimal] = mapped_column(Numeric(5, 1))
    place: Mapped[str | None] = mapped_column(String(200))
    # People who attended but are not recorded as professionals of the network.
    external_participants: Mapped[int] = mapped_column(default=0, server_default=text("0"))

    training: Mapped[Training] = relationship()
    participants: Mapped[list[Person]] = relationship(
        secondary=training_participant, order_by="Person.last_name"
    )

    @property
    def participant_count(self) -> int:
        return len(self.participants) + (self.external_participants or 0)

    def __str__(self) -> str:
        return f"{self.training} – {self.held_on.isoformat()}"
