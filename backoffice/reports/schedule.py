"""A workshop's schedule written in the active language from its structured rule."""

from __future__ import annotations

from datetime import time

from babel.dates import get_day_names
from flask_babel import get_locale, gettext, pgettext

from models.children import LAST_WEEK, Workshop


def week_name(week_of_month: int) -> str:
    """The week of the month as it reads before a weekday: "first" in "every first Wednesday"."""
    return {
        1: pgettext("week of the month", "first"),
        2: pgettext("week of the month", "second"),
        3: pgettext("week of the month", "third"),
        4: pgettext("week of the month", "fourth"),
        LAST_WEEK: pgettext("week of the month", "last"),
    }[week_of_month]


def weekday_name(weekday: int) -> str:
    """The weekday's name in the active language (0 is Monday)."""
    return get_day_names("wide", locale=get_locale())[weekday]


def hour(moment: time) -> str:
    """A time of day as the language says it: "14 h", "14 h 30" in French."""
    if moment.minute:
        return gettext("%(hour)d:%(minute)02d", hour=moment.hour, minute=moment.minute)
    return gettext("%(hour)d:00", hour=moment.hour)


def describe(workshop: Workshop) -> str:
    """Say when the workshop meets: "every first Wednesday of the month, from 14:00 to 16:00"."""
    rule = gettext(
        "every %(week)s %(weekday)s of the month",
        week=week_name(workshop.week_of_month),
        weekday=weekday_name(workshop.weekday),
    )
    if workshop.starts_at is None or workshop.ends_at is None:
        return rule
    return gettext(
        "%(rule)s, from %(start)s to %(end)s",
        rule=rule,
        start=hour(workshop.starts_at),
        end=hour(workshop.ends_at),
    )
