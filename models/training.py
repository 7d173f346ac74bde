"""Training of professionals: trainings, their sessions and who took part."""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _
from sqlalchemy import Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, labelled, link_table, not_negative, one_of, refers_to
from .network import Organisation, Person


class TrainingAudience(enum.StrEnum):
    REFERENTS = "referents"
    FIRST_LINE = "first_line"
    MIXED = "mixed"


class Training(Record):
    """A training of the plan, given to referents, first-line professionals or both."""

    __tablename__ = "training"

    title: Mapped[str] = mapped_column(String(200))
    audience: Mapped[str] = one_of(TrainingAudience, 20, label=_("Audience"))
    trainer_id: Mapped[int | None] = refers_to("organisation")
    description: Mapped[str | None] = mapped_column(Text)

    trainer: Mapped[Organisation | None] = relationship(info=labelled(_("Trainer")))

    def __str__(self) -> str:
        return self.title


# Deleting a session removes its attendance list; deleting a person who took part is refused.
training_participant = link_table(
    "training_participant", ("session_id", "training_session"), ("person_id", "person")
)


class TrainingSession(Record):
    """One day of a training: its length, and the recorded and external participants."""

    __tablename__ = "training_session"

    training_id: Mapped[int] = refers_to("training")
    held_on: Mapped[date] = mapped_column(index=True)
    hours: Mapped[Decimal] = not_negative(Numeric(5, 1), label=_("Hours"))
    place: Mapped[str | None] = mapped_column(String(200))
    # People who attended but are not recorded as professionals of the network.
    external_participants: Mapped[int] = not_negative(
        default=0, server_default=text("0"), label=_("External participants")
    )

    training: Mapped[Training] = relationship(info=labelled(_("Training")))
    participants: Mapped[list[Person]] = relationship(
        secondary=training_participant,
        order_by="Person.last_name",
        info=labelled(_("Recorded participants")),
    )

    @property
    def participant_count(self) -> int:
        return len(self.participants) + (self.external_participants or 0)

    def __str__(self) -> str:
        return f"{self.training} – {self.held_on.isoformat()}"
