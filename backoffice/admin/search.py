"""List searches and "contains" filters that take what people type literally, `%` and `_` too.

Flask-Admin turns a search term into `ILIKE '%term%'` as it is, so `%` matched anything
and `_` any character. The same search, with LIKE's wildcards and the escape character
escaped; Flask-Admin's prefixes keep their meaning (`^x` starts with x, `=x` is exactly x).
"""

from __future__ import annotations

from flask_admin.contrib.sqla import filters
from sqlalchemy import Unicode, cast, or_

ESCAPE = "\\"


def literal(text: str) -> str:
    """Escape LIKE's wildcards in `text`, so that it matches only itself."""
    return text.replace(ESCAPE, ESCAPE * 2).replace("%", ESCAPE + "%").replace("_", ESCAPE + "_")


def like_pattern(term: str) -> str:
    """The LIKE pattern of one search term."""
    if term.startswith("^"):
        return f"{literal(term[1:])}%"
    if term.startswith("="):
        return literal(term[1:])
    return f"%{literal(term)}%"


class Contains(filters.FilterLike):
    def apply(self, query, value, alias=None):
        return query.filter(self.get_column(alias).ilike(like_pattern(value), escape=ESCAPE))


class DoesNotContain(filters.FilterNotLike):
    def apply(self, query, value, alias=None):
        return query.filter(~self.get_column(alias).ilike(like_pattern(value), escape=ESCAPE))


class LiteralFilters(filters.FilterConverter):
    """Flask-Admin's filters of text columns, in the same order, "contains" taken literally."""

    strings = (Contains, DoesNotContain, *filters.FilterConverter.strings[2:])


class LiteralSearch:
    """Flask-Admin's `_apply_search`, with every term escaped (contrib/sqla/view.py, 2.x)."""

    def _apply_search(self, query, count_query, joins, count_joins, search):
        for term in search.split(" "):
            if not term:
                continue
            pattern = like_pattern(term)
            matches, count_matches = [], []
            for field, path in self._search_fields:
                query, joins, alias = self._apply_path_joins(query, joins, path, inner_join=False)
                column = field if alias is None else getattr(alias, field.key)
                matches.append(cast(column, Unicode).ilike(pattern, escape=ESCAPE))
                if count_query is not None:
                    count_query, count_joins, count_alias = self._apply_path_joins(
                        count_query, count_joins, path, inner_join=False
                    )
                    column = field if count_alias is None else getattr(count_alias, field.key)
                    count_matches.append(cast(column, Unicode).ilike(pattern, escape=ESCAPE))
            query = query.filter(or_(*matches))
            if count_query is not None:
                count_query = count_query.filter(or_(*count_matches))
        return query, count_query, joins, count_joins
