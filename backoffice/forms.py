"""The base of every form: input is clean at the door.

Control characters are invisible on screen, yet they break exports, headers and
PostgreSQL (which refuses NUL). Every text field of every form refuses them with a message
next to the field; multi-line fields keep tabs and line breaks. Every number field refuses
what the database cannot hold (huge integers, "NaN", "Infinity"), rather than failing to save.
"""

from __future__ import annotations

import re
from decimal import Decimal

from flask_admin.form import BaseForm
from flask_admin.model.fields import AjaxSelectField
from flask_babel import gettext
from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, StringField, TextAreaField
from wtforms.validators import StopValidation, ValidationError

from .parameters import CONTROL_CHARACTERS, LARGEST_INTEGER

# Multi-line text may also hold tab, line feed and carriage return.
CONTROL_CHARACTERS_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_control_characters(value: str | None) -> str | None:
    """Remove every control character (a filter, for what is looked up, never stored)."""
    return CONTROL_CHARACTERS.sub("", value) if isinstance(value, str) else value


def refuse_control_characters(form, field) -> None:
    """Refuse text holding a control character its kind of field cannot show."""
    pattern = CONTROL_CHARACTERS_IN_TEXT if isinstance(field, TextAreaField) else CONTROL_CHARACTERS
    if isinstance(field.data, str) and pattern.search(field.data):
        # Stop here: a uniqueness check would look the text up, and PostgreSQL refuses NUL.
        raise StopValidation(gettext("Remove the invisible control characters from this text."))


def refuse_numbers_out_of_range(form, field) -> None:
    """Refuse a whole number the database cannot hold, or a decimal that is no number."""
    data = field.data
    if isinstance(data, int) and not -LARGEST_INTEGER <= data <= LARGEST_INTEGER:
        # Stop here: further range checks would fail on it (WTForms turns it into a float).
        raise StopValidation(
            gettext(
                "Enter a number between %(min)s and %(max)s.",
                min=-LARGEST_INTEGER,
                max=LARGEST_INTEGER,
            )
        )
    if isinstance(data, Decimal) and not data.is_finite():
        raise StopValidation(gettext("Enter a number."))


def refuse_unknown_records(form, field) -> None:
    """Refuse a searchable choice naming no record (Flask-Admin would silently drop it)."""
    chosen = field.raw_data[0] if field.raw_data else ""
    if chosen not in ("", "__None") and field.data is None:
        raise ValidationError(gettext("Not a valid choice."))


class CleanInputMeta:
    """WTForms meta: text refuses control characters, numbers and records what cannot be."""

    def bind_field(self, form, unbound_field, options):
        field = super().bind_field(form, unbound_field, options)
        # First: `Optional` ends the chain on text it takes for blank, as "\x1f" is,
        # `Unique` queries the database, `NumberRange` fails on integers beyond a float.
        if isinstance(field, StringField):
            field.validators = [refuse_control_characters, *field.validators]
        elif isinstance(field, IntegerField | DecimalField):
            field.validators = [refuse_numbers_out_of_range, *field.validators]
        elif isinstance(field, AjaxSelectField):
            field.validators = [*field.validators, refuse_unknown_records]
        return field


class BackofficeForm(BaseForm):
    """The base of every admin screen's forms (Flask-Admin's `form_base_class`)."""

    Meta = CleanInputMeta


class SiteForm(FlaskForm):
    """The base of the forms outside the admin screens: login, password."""

    Meta = CleanInputMeta
