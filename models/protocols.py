"""Intervention protocols: the common ways of working the partner organisations sign up to."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, column, labelled, link_table
from .network import Organisation

# Deleting a protocol removes its signatures; deleting an organisation that signed is refused.
protocol_signatory = link_table(
    "protocol_signatory",
    ("protocol_id", "intervention_protocol"),
    ("organisation_id", "organisation"),
    index_linked=True,
)


class InterventionProtocol(Record):
    """One version of a common intervention protocol and the organisations that signed it."""

    __tablename__ = "intervention_protocol"
    __table_args__ = (UniqueConstraint("title", "revision"),)

    title: Mapped[str] = mapped_column(String(200))
    # The protocol's version ("1.0"); `version` itself is the row's edit counter (Record).
    revision: Mapped[str] = column(String(20), label=_("Version"))
    adopted_on: Mapped[date | None] = column(index=True, label=_("Adopted on"))
    summary: Mapped[str | None] = column(Text, label=_("Summary"))
    # Where the signed original is filed; uploading the document itself comes later.
    document_reference: Mapped[str | None] = mapped_column(String(200))

    signatories: Mapped[list[Organisation]] = relationship(
        secondary=protocol_signatory,
        order_by="Organisation.name",
        info=labelled(_("Signatories")),
    )

    def __str__(self) -> str:
        return f"{self.title} (v{self.revision})"
