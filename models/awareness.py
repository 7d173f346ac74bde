"""Raising public awareness: awareness actions and the communication materials they use."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, check, column, db, labelled, link_table, not_negative, one_of, refers_to
from .network import Municipality, Organisation


class Occasion(enum.StrEnum):
    LOCAL_EVENT = "local_event"
    # International day for the elimination of violence against women.
    CAMPAIGN_25_NOVEMBER = "campaign_25_november"
    SCHOOL = "school"
    MARKET_OR_FAIR = "market_or_fair"
    PRESS_OR_MEDIA = "press_or_media"
    ONLINE = "online"
    OTHER = "other"


class MaterialKind(enum.StrEnum):
    FLYER = "flyer"
    POSTER = "poster"
    CARD = "card"
    WEB_PAGE = "web_page"
    VIDEO = "video"
    BOOKLET = "booklet"
    GOODIES = "goodies"
    OTHER = "other"


# Kinds that are not counted in copies: their quantity may stay empty.
UNCOUNTED_KINDS = (MaterialKind.WEB_PAGE, MaterialKind.VIDEO, MaterialKind.OTHER)


class Language(enum.StrEnum):
    """Languages of a material, in Belgian order (the national languages first)."""

    FR = "fr"
    NL = "nl"
    DE = "de"
    EN = "en"


class MaterialLanguage(db.Model):
    """A language a communication material is written in: one row per material and language."""

    __tablename__ = "communication_material_language"

    # Deleting a material removes its languages.
    material_id: Mapped[int] = mapped_column(
        ForeignKey("communication_material.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = one_of(Language, 2, primary_key=True)

    def __str__(self) -> str:
        return self.language


class CommunicationMaterial(Record):
    """A communication material of the network: flyer, poster, web page, video..."""

    __tablename__ = "communication_material"
    __table_args__ = (
        # Printed materials and goodies are counted in copies.
        check(
            "quantity_counted",
            "quantity IS NOT NULL OR kind IN ({})".format(
                ", ".join(f"'{kind}'" for kind in UNCOUNTED_KINDS)
            ),
            field="quantity",
            rule="not_null",
        ),
    )

    title: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = one_of(MaterialKind, 20)
    quantity: Mapped[int | None] = not_negative(label=_("Quantity"))
    issued_on: Mapped[date | None] = column(index=True, label=_("Issued on"))
    description: Mapped[str | None] = mapped_column(Text)

    # The audit log records a change of languages under the name the screens use.
    language_rows: Mapped[list[MaterialLanguage]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", info={"audited_as": "languages"}
    )

    @property
    def languages(self) -> list[Language]:
        """The material's languages, in Belgian order."""
        chosen = {row.language for row in self.language_rows}
        return [language for language in Language if language in chosen]

    @languages.setter
    def languages(self, codes: Iterable[str]) -> None:
        """Keep the rows of the languages still chosen, add the new ones.

        Raise ValueError on a code that is not a known language.
        """
        chosen = {Language(code) for code in codes}
        kept = [row for row in self.language_rows if row.language in chosen]
        new = chosen - {row.language for row in kept}
        self.language_rows = kept + [
            MaterialLanguage(language=code) for code in Language if code in new
        ]

    def __str__(self) -> str:
        return self.title


class AwarenessAction(Record):
    """An action raising public awareness; zone-wide actions belong to no municipality."""

    __tablename__ = "awareness_action"

    title: Mapped[str] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = refers_to("municipality")
    occasion: Mapped[str] = one_of(Occasion, 30, label=_("Occasion"))
    held_on: Mapped[date] = mapped_column(index=True)
    # Estimated number of people reached.
    public_reached: Mapped[int | None] = not_negative(label=_("Public reached"))
    notes: Mapped[str | None] = mapped_column(Text)

    municipality: Mapped[Municipality | None] = relationship()
    materials: Mapped[list[CommunicationMaterial]] = relationship(
        secondary="awareness_action_material",
        order_by=CommunicationMaterial.title,
        info=labelled(_("Materials used")),
    )
    partners: Mapped[list[Organisation]] = relationship(
        secondary="awareness_action_partner",
        order_by=Organisation.name,
        info=labelled(_("Partners")),
    )

    def __str__(self) -> str:
        return self.title


# Deleting an action removes its links; deleting a material or partner it used is refused.
action_material = link_table(
    "awareness_action_material",
    ("action_id", "awareness_action"),
    ("material_id", "communication_material"),
    index_linked=True,
)
action_partner = link_table(
    "awareness_action_partner",
    ("action_id", "awareness_action"),
    ("organisation_id", "organisation"),
    index_linked=True,
)
