"""Published yearly reports: what was sent to the funders, kept as it was sent.

Publishing a closed year's report stores its figures (by key, with their kind), their labels
in each language, and the PDF and workbook in each language, with checksums. A published
version is never changed nor deleted: publishing again makes the next version.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    LargeBinary,
    String,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import db


class PublishedReport(db.Model):
    """One published version of a year's report."""

    __tablename__ = "published_report"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(index=True)
    number: Mapped[int]  # 1 for the first version of the year, then 2, 3...
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    published_by: Mapped[str] = mapped_column(String(80))
    # {key: {"kind": ..., "number": ...}}: the figures as sent, whatever the language.
    figures: Mapped[dict] = mapped_column(JSON)
    # {language: {key: label}}: how each language named them.
    labels: Mapped[dict] = mapped_column(JSON)
    # SHA-256 of the figures and of every file, in hexadecimal.
    checksum: Mapped[str] = mapped_column(String(64))

    files: Mapped[list[PublishedFile]] = relationship(
        back_populates="report", order_by="(PublishedFile.language, PublishedFile.kind)"
    )

    def __str__(self) -> str:
        return f"{self.year} v{self.number}"


class PublishedFile(db.Model):
    """The PDF or the workbook of a published version, in one language, byte for byte."""

    __tablename__ = "published_file"
    __table_args__ = (UniqueConstraint("report_id", "language", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("published_report.id", ondelete="RESTRICT"), index=True
    )
    language: Mapped[str] = mapped_column(String(8))
    kind: Mapped[str] = mapped_column(String(8))  # "pdf" or "xlsx"
    content: Mapped[bytes] = mapped_column(LargeBinary)
    checksum: Mapped[str] = mapped_column(String(64))

    report: Mapped[PublishedReport] = relationship(back_populates="files")


class PublishedReportChanged(RuntimeError):
    """A published report was about to be changed or deleted: it never is."""


@event.listens_for(PublishedReport, "before_update")
@event.listens_for(PublishedReport, "before_delete")
@event.listens_for(PublishedFile, "before_update")
@event.listens_for(PublishedFile, "before_delete")
def _never_changed(mapper, connection, target) -> None:
    raise PublishedReportChanged(f"{target.__tablename__} {target.id} is published: never changed")
