"""The dashboard: the figures of a period, shaped for the role that reads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask import Flask
from flask_babel import format_decimal, get_locale, gettext

from models import db

from .. import access
from . import charts, figures, values
from .charts import Chart
from .period import Period

SMALL = 5  # counts about victims below this are not shown to everyone for short periods


@dataclass(frozen=True)
class Dashboard:
    """The figures of a period as the current reader may read them."""

    period: Period
    network: figures.NetworkFigures
    training: figures.TrainingFigures
    awareness: figures.AwarenessFigures
    children: figures.ChildrenFigures
    agreements: figures.AgreementFigures | None  # not for partners
    # Housing of the one period the reader may know about (partners: a whole ended year, the
    # occupancy alone), and that period; None when there is none.
    housing: figures.HousingFigures | figures.Occupancy | None
    housing_period: Period | None
    partner: bool
    hide_small: bool  # counts about victims below SMALL shown as "< 5"
    show_attendance: bool  # children and parents month by month
    charts: list[Chart] = field(default_factory=list)
    # A published year whose live figures differ: its latest version and the differences.
    drift: tuple | None = None
    # The same figures a year earlier, to show each key figure beside it with the change.
    previous: Earlier | None = None


@dataclass(frozen=True)
class Earlier:
    """The key figures of the same period one year earlier."""

    period: Period
    network: figures.NetworkFigures
    training: figures.TrainingFigures
    awareness: figures.AwarenessFigures
    children: figures.ChildrenFigures
    agreements: figures.AgreementFigures | None
    housing: figures.HousingFigures | figures.Occupancy | None


@dataclass(frozen=True)
class Comparison:
    """A figure's value a year earlier and the change since: "2024: 15 (+2)"."""

    label: str
    before: values.Value
    change: values.Value | None


def versus(now, before, kind: str = "count", label: str = "") -> Comparison | None:
    """Compare a figure with its value a year earlier, both of `kind`; None when unknown."""
    if before is None:
        return None
    earlier = values.Value(before, values.Kind(kind))
    now_value = values.Value(now, values.Kind(kind))
    return Comparison(label, earlier, now_value.minus(earlier))


def build(period: Period, today: date) -> Dashboard:
    """Compute the figures the current user may read for `period`."""
    session = db.session
    full = access.sees_full_dashboard()
    housing, housing_period = _housing(period, today, full)
    hide_small = not (period.covers_a_year_or_more or access.sees_small_victim_counts())
    children = figures.children(session, period, today)
    awareness = figures.awareness(session, period, today)
    # Children and parents present, month by month: not for partners, nor small and short.
    show_attendance = full and not hide_small
    return Dashboard(
        period=period,
        network=figures.network(session, period, today),
        training=figures.training(session, period, today),
        awareness=awareness,
        children=children,
        agreements=figures.agreements(session, period, today) if full else None,
        housing=housing,
        housing_period=housing_period,
        partner=not full,
        hide_small=hide_small,
        show_attendance=show_attendance,
        charts=charts.charts(housing, children, awareness, show_attendance=show_attendance),
        drift=_drift(period, today) if full else None,
        previous=_earlier(period.a_year_earlier(), today, full),
    )


def _earlier(period: Period, today: date, full: bool) -> Earlier:
    session = db.session
    housing, _ = _housing(period, today, full)
    return Earlier(
        period=period,
        network=figures.network(session, period, today),
        training=figures.training(session, period, today),
        awareness=figures.awareness(session, period, today),
        children=figures.children(session, period, today),
        agreements=figures.agreements(session, period, today) if full else None,
        housing=housing,
    )


def _drift(period: Period, today: date):
    """How a whole published year's live figures differ from its latest published version."""
    from ..reports import publishing

    if period != Period.year(period.start.year):
        return None
    return publishing.drift(period.start.year, today, str(get_locale()))


def _housing(period: Period, today: date, full: bool):
    """The housing figures of the one period the reader may know about, and that period."""
    allowed = access.housing_period(period, today)
    if allowed is None:
        return None, None
    housing = figures.housing(db.session, allowed, today)
    # Partners: the occupancy alone, never the months, stays or households behind it.
    return (housing if full else housing.occupancy()), allowed


def small_count(value: int | None, hide: bool) -> str:
    """Show a count about victims, or "< 5" when it is small and the reader may not see it."""
    if value is None:
        return "–"
    if hide and 0 < value < SMALL:
        return gettext("< %(n)d", n=SMALL)
    return format_decimal(value)


def number(value: int | None) -> str:
    return values.format_value(values.count(value))


def percent(value: float | None) -> str:
    """A share as the language writes percentages, to one decimal at most ("62,5 %")."""
    return values.format_value(values.share(value))


def one_decimal(value: float | None) -> str:
    return values.format_value(values.decimal(value))


def init_app(app: Flask) -> None:
    app.add_template_filter(small_count)
    app.add_template_filter(number)
    app.add_template_filter(percent)
    app.add_template_filter(one_decimal)
    app.add_template_filter(values.format_value, "value")
    app.add_template_filter(values.format_category, "category")
    app.add_template_global(versus)
