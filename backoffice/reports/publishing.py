"""Publishing a closed year's report: an immutable version, compared figure by figure.

A published version keeps the figures by key with their kind, their labels in each
language, the PDF and the workbook in each language as they were sent, a checksum, who
published it and when. Its figures are compared with the previous version's, and with the
live figures of its year: a correction made since shows as a difference.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask_babel import force_locale
from sqlalchemy import func, select

from models import db
from models.audit import AuditAction
from models.reports import PublishedFile, PublishedReport

from .. import audit
from ..dashboard import figures as axes
from ..dashboard.period import Period
from ..dashboard.values import Value
from . import content, tables

KINDS = ("pdf", "xlsx")


class NotClosed(ValueError):
    """Only the report of a year that has ended is published."""


@dataclass(frozen=True)
class Difference:
    key: str
    label: str
    before: Value | None  # None: the figure did not exist then
    after: Value | None

    @property
    def change(self) -> Value | None:
        if self.before is None or self.after is None:
            return None
        return self.after.minus(self.before)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def versions(year: int) -> list[PublishedReport]:
    """The published versions of a year's report, the first one first."""
    statement = select(PublishedReport).where(PublishedReport.year == year)
    return list(db.session.scalars(statement.order_by(PublishedReport.number)))


def figures_of(version: PublishedReport) -> dict[str, Value]:
    return {key: Value.from_json(value) for key, value in version.figures.items()}


def live_figures(year: int, today: date) -> dict[str, Value]:
    """The figures of `year` as the records tell them now."""
    period_figures = axes.of_period(db.session, Period.year(year), today)
    return {key: value for key, _, value in tables.figures(period_figures)}


def differences(
    before: dict[str, Value], after: dict[str, Value], labels: dict[str, str]
) -> list[Difference]:
    """The figures whose value changed, appeared or disappeared, in the report's order."""
    keys = [*after, *(key for key in before if key not in after)]
    return [
        Difference(key, labels.get(key, key), before.get(key), after.get(key))
        for key in keys
        if before.get(key) != after.get(key)
    ]


def labels_of(version: PublishedReport, language: str) -> dict[str, str]:
    return version.labels.get(language) or next(iter(version.labels.values()), {})


def drift(year: int, today: date, language: str) -> tuple[PublishedReport, list[Difference]] | None:
    """The latest published version of `year` and how the live figures differ from it."""
    published = versions(year)
    if not published:
        return None
    latest = published[-1]
    live = live_figures(year, today)
    return latest, differences(figures_of(latest), live, labels_of(latest, language))


def publish(year: int, languages: tuple[str, ...], today: date, username: str) -> PublishedReport:
    """Publish the report of `year` in every language as its next version, and audit it."""
    from .pdf import render_pdf
    from .workbook import render_xlsx

    if year >= today.year:
        raise NotClosed(year)
    labels: dict[str, dict[str, str]] = {}
    files: list[PublishedFile] = []
    figures: dict[str, Value] = {}
    for language in languages:
        with force_locale(language):
            report = content.build(year, today)
            documents = {"pdf": render_pdf(report), "xlsx": render_xlsx(report)}
        figures, labels[language] = report.figures(), report.labels()
        files += [
            PublishedFile(language=language, kind=kind, content=data, checksum=sha256(data))
            for kind, data in documents.items()
        ]
    stored = {key: value.as_json() for key, value in figures.items()}
    summary = json.dumps({"year": year, "figures": stored}, sort_keys=True).encode()
    checksum = sha256(summary + "".join(sorted(f.checksum for f in files)).encode())
    number = db.session.scalar(
        select(func.coalesce(func.max(PublishedReport.number), 0)).where(
            PublishedReport.year == year
        )
    )
    version = PublishedReport(
        year=year,
        number=number + 1,
        published_at=datetime.now(UTC),
        published_by=username,
        figures=stored,
        labels=labels,
        checksum=checksum,
        files=files,
    )
    db.session.add(version)
    db.session.flush()
    audit.record_event(
        AuditAction.PUBLISH,
        table_name=PublishedReport.__tablename__,
        record_id=version.id,
        record_label=str(version),
        detail=f"report {year} version {version.number} sha256 {checksum}",
    )
    return version
