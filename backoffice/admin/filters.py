"""List filters whose values the database can always compare.

Flask-Admin's integer filters accept any whole number, and SQLite and PostgreSQL fail
on one beyond their integers: such a value is an invalid filter, explained like any other.
"""

from __future__ import annotations

from flask_admin.contrib.sqla import filters
from flask_admin.model.filters import BaseIntFilter, BaseIntListFilter

from ..parameters import LARGEST_INTEGER


class _WithinIntegers:
    """A filter mixin: the value is valid only if every number fits an integer column."""

    def validate(self, value) -> bool:
        if not super().validate(value):
            return False
        cleaned = self.clean(value)
        numbers = cleaned if isinstance(cleaned, list) else [cleaned]
        return all(-LARGEST_INTEGER <= number <= LARGEST_INTEGER for number in numbers)


def _within_integers(filter_class: type) -> type:
    if not issubclass(filter_class, BaseIntFilter | BaseIntListFilter):
        return filter_class
    return type(filter_class.__name__, (_WithinIntegers, filter_class), {})


class FilterConverter(filters.FilterConverter):
    """Flask-Admin's filters, with integer filters bounded to what the database holds."""

    int_filters = tuple(_within_integers(f) for f in filters.FilterConverter.int_filters)
