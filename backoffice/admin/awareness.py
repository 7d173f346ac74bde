"""Screens of awareness raising: awareness actions and communication materials."""

from flask_admin.contrib.sqla.filters import FilterEqual
from flask_admin.form import Select2Widget
from flask_babel import gettext
from flask_babel import lazy_gettext as _
from wtforms import SelectMultipleField

from models.awareness import AwarenessAction, CommunicationMaterial, MaterialLanguage

from ..labels import LANGUAGES, MATERIAL_KINDS, OCCASIONS, choices
from .base import BackofficeModelView, not_negative
from .network import ORGANISATION_LOOKUP

CATEGORY = _("Awareness and communication")


class LanguageFilter(FilterEqual):
    """Materials written in a language, among others."""

    def apply(self, query, value, alias=None):
        return query.filter(CommunicationMaterial.language_rows.any(language=value))


def _language_names(view, context, model, name) -> str:
    return ", ".join(str(LANGUAGES[code]) for code in model.languages)


def _municipality_or_zone(view, context, model, name) -> str:
    return str(model.municipality) if model.municipality else gettext("Whole police zone")


class AwarenessActionView(BackofficeModelView):
    area = "awareness"
    column_list = ("held_on", "title", "municipality", "occasion", "public_reached")
    column_details_list = (
        "held_on",
        "title",
        "municipality",
        "occasion",
        "public_reached",
        "materials",
        "partners",
        "notes",
    )
    column_export_list = column_details_list
    column_searchable_list = ("title",)
    column_filters = ("held_on", "municipality.name", "occasion")
    column_default_sort = ("held_on", True)
    column_sortable_list = (
        "held_on",
        "title",
        ("municipality", "municipality.name"),
        "occasion",
        "public_reached",
    )
    column_choices = {"occasion": choices(OCCASIONS)}
    column_formatters = {"municipality": _municipality_or_zone}
    column_labels = {
        "held_on": _("Date"),
        "title": _("Title"),
        "municipality": _("Municipality"),
        "municipality.name": _("Municipality"),
        "occasion": _("Occasion"),
        "public_reached": _("Public reached"),
        "materials": _("Materials used"),
        "partners": _("Partners"),
        "notes": _("Notes"),
    }
    form_columns = (
        "title",
        "held_on",
        "municipality",
        "occasion",
        "public_reached",
        "materials",
        "partners",
        "notes",
    )
    form_choices = {"occasion": choices(OCCASIONS)}
    form_args = {
        "municipality": {"description": _("Leave empty for an action across the whole zone.")},
        "public_reached": not_negative(description=_("Estimated number of people.")),
    }
    form_ajax_refs = {"partners": ORGANISATION_LOOKUP}


class CommunicationMaterialView(BackofficeModelView):
    area = "awareness"
    column_list = ("title", "kind", "languages", "quantity", "issued_on")
    column_details_list = ("title", "kind", "languages", "quantity", "issued_on", "description")
    column_export_list = column_details_list
    column_searchable_list = ("title",)
    column_filters = (
        "kind",
        "issued_on",
        LanguageFilter(MaterialLanguage.language, _("Languages"), choices(LANGUAGES)),
    )
    column_default_sort = "title"
    column_choices = {"kind": choices(MATERIAL_KINDS)}
    column_formatters = {"languages": _language_names}
    column_labels = {
        "title": _("Title"),
        "kind": _("Kind"),
        "languages": _("Languages"),
        "quantity": _("Quantity"),
        "issued_on": _("Issued on"),
        "description": _("Description"),
    }
    form_columns = column_details_list
    form_choices = {"kind": choices(MATERIAL_KINDS)}
    form_extra_fields = {
        "languages": SelectMultipleField(
            _("Languages"), choices=choices(LANGUAGES), widget=Select2Widget(multiple=True)
        )
    }
    form_args = {
        "quantity": not_negative(
            description=_("Copies printed or made; leave empty for web pages and videos.")
        ),
    }


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(AwarenessActionView(AwarenessAction, _("Awareness actions"), CATEGORY))
    admin.add_view(
        CommunicationMaterialView(CommunicationMaterial, _("Communication materials"), CATEGORY)
    )
