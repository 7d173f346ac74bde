"""Values drawn as icons of the page's sprite (templates/icons.html), each with its words for
screen readers: a yes or no in a list or a details page."""

from __future__ import annotations

from flask_babel import gettext
from markupsafe import Markup


def boolean(view, value, name) -> Markup:
    """Yes as a tick, no as a dash; the word itself for screen readers and copying."""
    icon, word = ("check", gettext("Yes")) if value else ("dash", gettext("No"))
    return Markup(
        '<svg class="icon bool-{0}" aria-hidden="true" focusable="false"><use href="#i-{0}"/></svg>'
        '<span class="sr-only">{1}</span>'
    ).format(Markup(icon), word)
