"""The charts of the dashboard and the report: typed series, drawn by each renderer.

A chart holds its categories (months as dates, or names) and its series of `Value`s; the
page turns it into a Chart.js specification and a table, the PDF into a bar chart, the
workbook into a sheet of numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext

from . import values
from .figures import AwarenessFigures, ChildrenFigures, HousingFigures
from .figures.conditions import ratio
from .values import Value

COLOURS = ("#2c6e91", "#d08c2f", "#6a994e")


@dataclass(frozen=True)
class Series:
    label: str
    values: list[Value]


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    category: str  # what the categories are: "Month", "Municipality"
    categories: list[str | date]
    series: list[Series]
    stacked: bool = False
    maximum: float | None = None  # the value axis' top, when the values have one (100 %)
    counts: bool = False  # whole things: the axis counts 0, 1, 2, never 0.2 actions
    colours: tuple[str, ...] = field(default=COLOURS)

    @property
    def headers(self) -> list[str]:
        return [self.category, *(s.label for s in self.series)]

    def rows(self) -> list[tuple[str | date, list[Value]]]:
        """One row per category: the category and each series' value."""
        return [
            (category, [s.values[i] for s in self.series])
            for i, category in enumerate(self.categories)
        ]

    @staticmethod
    def plotted(value: Value) -> float:
        """The height of a bar: shares in percent, missing values as 0."""
        if value.number is None:
            return 0
        if value.kind is values.Kind.SHARE:
            return round(100 * float(value.number), 1)
        return float(value.number) if not isinstance(value.number, int) else value.number

    def colour(self, index: int) -> str:
        return self.colours[index % len(self.colours)]

    def spec(self) -> dict:
        """The Chart.js specification, labels in the active language."""
        spec = {
            "type": "bar",
            "labels": [values.format_category(c) for c in self.categories],
            "datasets": [
                {
                    "label": s.label,
                    "data": [self.plotted(v) for v in s.values],
                    "backgroundColor": self.colour(i),
                }
                for i, s in enumerate(self.series)
            ],
            "stacked": self.stacked,
        }
        if self.counts:
            spec["counts"] = True
        if self.maximum is not None:
            spec["max"] = self.maximum
        return spec


def housing_chart(housing: HousingFigures) -> Chart:
    occupancy = gettext("Occupancy (%)")
    return Chart(
        "housing",
        gettext("Monthly occupancy of emergency housing (%)"),
        gettext("Month"),
        [m.month for m in housing.monthly],
        [
            Series(
                occupancy,
                [
                    values.share(ratio(m.nights_occupied, m.nights_available) or 0)
                    for m in housing.monthly
                ],
            )
        ],
        maximum=100,
    )


def workshop_chart(children: ChildrenFigures, show_attendance: bool) -> Chart:
    series = [Series(gettext("Sessions"), [values.count(m.sessions) for m in children.monthly])]
    if show_attendance:
        series = [
            Series(gettext("Children"), [values.count(m.children) for m in children.monthly]),
            Series(gettext("Parents"), [values.count(m.parents) for m in children.monthly]),
        ]
    return Chart(
        "children",
        gettext("Monthly attendance of the workshops"),
        gettext("Month"),
        [m.month for m in children.monthly],
        series,
        stacked=show_attendance,
        counts=True,
    )


def awareness_chart(awareness: AwarenessFigures) -> Chart:
    pairs = [
        (name or gettext("Whole zone"), count) for name, count in awareness.actions_by_municipality
    ]
    return Chart(
        "awareness",
        gettext("Awareness actions per municipality"),
        gettext("Municipality"),
        [name for name, _ in pairs],
        [Series(gettext("Actions"), [values.count(n) for _, n in pairs])],
        counts=True,
    )


def charts(
    housing: HousingFigures | None,
    children: ChildrenFigures,
    awareness: AwarenessFigures,
    *,
    show_attendance: bool,
) -> list[Chart]:
    """The charts of a period: housing month by month only when its full figures are given."""
    drawn = [housing_chart(housing)] if isinstance(housing, HousingFigures) else []
    return [*drawn, workshop_chart(children, show_attendance), awareness_chart(awareness)]
