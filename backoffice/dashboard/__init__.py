"""The dashboard: the figures of a period, shaped for the role that reads them."""

from __future__ import annotations

from datetime import date

from babel import numbers
from flask import Flask
from flask_babel import format_decimal, get_locale, gettext

from models import db

from .. import access
from . import charts, figures
from .period import Period

SMALL = 5  # counts about victims below this are not shown to everyone for short periods


def build(period: Period, today: date) -> dict:
    """Compute the figures the current user may read for `period`."""
    session = db.session
    full = access.sees_full_dashboard()
    data = {
        "network": figures.network(session, period, today),
        "training": figures.training(session, period, today),
        "awareness": figures.awareness(session, period, today),
        "children": figures.children(session, period, today),
        "agreements": figures.agreements(session, period, today) if full else None,
        "partner": not full,
    }
    data.update(_housing(period, today, full))
    data["hide_small"] = not (period.covers_a_year_or_more or access.sees_small_victim_counts())
    # Children and parents present, month by month: not for partners, nor small and short.
    data["show_attendance"] = full and not data["hide_small"]
    data["charts"] = charts.for_dashboard(data)
    return data


def _housing(period: Period, today: date, full: bool) -> dict:
    """The housing figures of the one period the reader may know about, and that period."""
    allowed = access.housing_period(period, today)
    if allowed is None:
        return {"housing": None, "housing_period": None}
    housing = figures.housing(db.session, allowed, today)
    # Partners: the occupancy alone, never the months, stays or households behind it.
    return {"housing": housing if full else housing.occupancy(), "housing_period": allowed}


def small_count(value: int | None, hide: bool) -> str:
    """Show a count about victims, or "< 5" when it is small and the reader may not see it."""
    if value is None:
        return "–"
    if hide and 0 < value < SMALL:
        return gettext("< %(n)d", n=SMALL)
    return format_decimal(value)


def number(value: int | None) -> str:
    return "–" if value is None else format_decimal(value)


def percent(value: float | None) -> str:
    """A share as the language writes percentages, to one decimal at most ("62,5 %")."""
    if value is None:
        return "–"
    return numbers.format_percent(round(value, 3), locale=get_locale(), decimal_quantization=False)


def one_decimal(value: float | None) -> str:
    return "–" if value is None else format_decimal(round(value, 1), "#,##0.#")


def init_app(app: Flask) -> None:
    app.add_template_filter(small_count)
    app.add_template_filter(number)
    app.add_template_filter(percent)
    app.add_template_filter(one_decimal)
