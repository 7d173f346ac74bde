"""Chart specifications for the dashboard and the report: Chart.js data plus a table of it."""

from __future__ import annotations

from flask_babel import format_date, gettext

from .figures import HousingFigures

COLOURS = ("#2c6e91", "#d08c2f", "#6a994e")


def _chart(
    key, title, kind, labels, series, table_headers, stacked=False, maximum=None, counts=False
) -> dict:
    datasets = [
        {"label": label, "data": values, "backgroundColor": COLOURS[i % len(COLOURS)]}
        for i, (label, values) in enumerate(series)
    ]
    rows = [[labels[i], *(values[i] for _, values in series)] for i in range(len(labels))]
    spec = {"type": kind, "labels": labels, "datasets": datasets, "stacked": stacked}
    if counts:  # whole things: the axis counts 0, 1, 2, never 0.2 actions
        spec["counts"] = True
    if maximum is not None:
        spec["max"] = maximum
    return {"key": key, "title": title, "spec": spec, "headers": table_headers, "rows": rows}


def _month(first_of_month) -> str:
    return format_date(first_of_month, "MMM yyyy")


def housing_chart(housing) -> dict:
    labels = [_month(m.month) for m in housing.monthly]
    rates = [
        round(100 * m.nights_occupied / m.nights_available, 1) if m.nights_available else 0
        for m in housing.monthly
    ]
    return _chart(
        "housing",
        gettext("Monthly occupancy of emergency housing (%)"),
        "bar",
        labels,
        [(gettext("Occupancy (%)"), rates)],
        [gettext("Month"), gettext("Occupancy (%)")],
        maximum=100,
    )


def workshop_chart(children, show_attendance: bool) -> dict:
    labels = [_month(m.month) for m in children.monthly]
    series = [(gettext("Sessions"), [m.sessions for m in children.monthly])]
    if show_attendance:
        series = [
            (gettext("Children"), [m.children for m in children.monthly]),
            (gettext("Parents"), [m.parents for m in children.monthly]),
        ]
    return _chart(
        "children",
        gettext("Monthly attendance of the workshops"),
        "bar",
        labels,
        series,
        [gettext("Month"), *(label for label, _ in series)],
        stacked=show_attendance,
        counts=True,
    )


def awareness_chart(awareness) -> dict:
    pairs = [
        (name or gettext("Whole zone"), count) for name, count in awareness.actions_by_municipality
    ]
    return _chart(
        "awareness",
        gettext("Awareness actions per municipality"),
        "bar",
        [name for name, _ in pairs],
        [(gettext("Actions"), [count for _, count in pairs])],
        [gettext("Municipality"), gettext("Actions")],
        counts=True,
    )


def for_dashboard(data: dict) -> list[dict]:
    """The charts of the figures in `data`: housing month by month only for full readers."""
    charts = []
    if isinstance(data["housing"], HousingFigures):
        charts.append(housing_chart(data["housing"]))
    charts.append(workshop_chart(data["children"], data["show_attendance"]))
    charts.append(awareness_chart(data["awareness"]))
    return charts
