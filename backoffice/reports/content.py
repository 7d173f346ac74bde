"""The yearly report to the funders, as structured content: sentences, tables and charts.

The same content is rendered as a web page, a PDF and a workbook. Sentences are written in
the language active when `build` runs (see flask_babel.force_locale); figures stay typed
`Value`s, each beside the previous year's, and each renderer writes them its own way. Every
figure has a key that does not depend on the language: published versions are compared by it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext
from sqlalchemy import func, select

from models import db
from models.agreements import Agreement
from models.children import Workshop
from models.housing import HousingUnit
from models.network import Municipality, Organisation

from ..dashboard import charts, figures
from ..dashboard.charts import Chart
from ..dashboard.figures.conditions import overlaps
from ..dashboard.period import Period
from ..dashboard.values import Value
from . import sentences, tables


@dataclass(frozen=True)
class Row:
    key: str  # the same in every language: "training.sessions"
    label: str
    value: Value
    previous: Value | None = None  # the previous year's

    @property
    def change(self) -> Value | None:
        return None if self.previous is None else self.value.minus(self.previous)

    def cells(self) -> list[tuple[Value | None, bool]]:
        """The value, the previous year's and the change, each with whether it shows its sign."""
        return [(self.value, False), (self.previous, False), (self.change, True)]


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str | int]  # the rows' label, the year, the previous year, the change
    rows: list[Row]


@dataclass(frozen=True)
class Axis:
    title: str
    tables: list[Table] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    year: int
    title: str
    introduction: str
    key_figures: list[str]
    axes: list[Axis]
    charts: list[Chart]

    def rows(self) -> list[Row]:
        return [row for axis in self.axes for table in axis.tables for row in table.rows]

    def figures(self) -> dict[str, Value]:
        """Every figure of the report by its key: what a published version keeps."""
        return {row.key: row.value for row in self.rows()}

    def labels(self) -> dict[str, str]:
        return {row.key: row.label for row in self.rows()}


def _organisation_names(statement) -> list[str]:
    rows = db.session.execute(statement).all()
    return sorted({short or name for name, short in rows})


def build(year: int, today: date) -> Report:
    """Compute the report of `year`, beside the year before, in the active language."""
    period = Period.year(year)
    session = db.session
    this_year = figures.of_period(session, period, today)
    last_year = figures.of_period(session, Period.year(year - 1), today)
    partners = _organisation_names(
        select(Organisation.name, Organisation.short_name)
        .join(Agreement, Agreement.organisation_id == Organisation.id)
        .where(overlaps(Agreement.valid_from, Agreement.valid_until, period))
    )
    providers = _organisation_names(
        select(Organisation.name, Organisation.short_name)
        .join(HousingUnit, HousingUnit.provider_id == Organisation.id)
        .where(overlaps(HousingUnit.available_from, HousingUnit.available_until, period))
    )
    workshops = session.scalars(
        select(Workshop)
        .where(overlaps(Workshop.starts_on, Workshop.ends_on, period))
        .order_by(Workshop.name)
    ).all()
    towns = session.scalar(select(func.count()).select_from(Municipality))
    previous = {key: value for key, _, value in tables.figures(last_year)}
    return Report(
        year=year,
        title=gettext("STOPP VIF – yearly report %(year)d", year=year),
        introduction=gettext(
            "The five municipalities of police zone Secova built together an intercommunal, "
            "multidisciplinary network against intrafamily violence. Its action plan has five "
            "axes: training professionals, pooling resources for emergency housing, support "
            "groups for children and young people who are victims or witnesses, common "
            "intervention protocols and raising awareness of the general public."
        ),
        key_figures=sentences.key_figures(this_year, towns, providers, partners, list(workshops)),
        axes=[
            Axis(
                axis_title,
                [
                    Table(
                        title,
                        [first, year, year - 1, gettext("Change")],
                        [
                            Row(key, str(label), value, previous.get(key))
                            for key, label, value in rows
                        ],
                    )
                    for title, first, rows in axis_tables
                ],
            )
            for axis_title, axis_tables in tables.axes(this_year)
        ],
        charts=charts.charts(
            this_year.housing, this_year.children, this_year.awareness, show_attendance=True
        ),
    )
