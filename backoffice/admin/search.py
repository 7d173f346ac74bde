"""List searches and "contains" filters that take what people type literally, `%` and `_` too.

Flask-Admin turns a search term into `ILIKE '%term%'` as it is, so `%` matched anything
and `_` any character. The same search, with LIKE's wildcards and the escape character
escaped; Flask-Admin's prefixes keep their meaning (`^x` starts with x, `=x` is exactly x).
"""

from __future__ import annotations

import re

from flask_admin.contrib.sqla import filters
from sqlalchemy import Unicode, and_, cast, or_

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


# The characters of a generated code, in the order both databases sort them.
CODE_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_CODE_TERM = re.compile(r"[0-9A-Z]+")


def code_range(column, prefix: str, term: str):
    """The codes of `column` that start with `term`, as a range its index reads; None when
    `term` is not the start of a code ("M-7K3", or "7K3" without the prefix, any case).

    Codes are upper-case letters and digits after `prefix`: the range ends at the next
    possible start ("M-7K4" after "M-7K3").
    """
    text = term.strip().upper()
    text = text.removeprefix(prefix)
    if not _CODE_TERM.fullmatch(text):
        return None
    start = prefix + text
    while text and text[-1] == CODE_CHARACTERS[-1]:
        text = text[:-1]
    if not text:
        return column >= start
    following = CODE_CHARACTERS[CODE_CHARACTERS.index(text[-1]) + 1]
    return and_(column >= start, column < prefix + text[:-1] + following)


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
    """Flask-Admin's `_apply_search`, with every term escaped (contrib/sqla/view.py, 2.x).

    A view's `code_search` names a column of generated codes and their prefix: a term that
    is the start of a code finds the codes starting with it, through the column's index.
    """

    code_search: tuple[str, str] | None = None

    def _apply_search(self, query, count_query, joins, count_joins, search):
        for term in search.split(" "):
            if not term:
                continue
            if self.code_search is not None:
                name, prefix = self.code_search
                codes = code_range(getattr(self.model, name), prefix, term)
                if codes is not None:
                    query = query.filter(codes)
                    count_query = None if count_query is None else count_query.filter(codes)
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
