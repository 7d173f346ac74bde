"""Screens of awareness raising: awareness actions and communication materials."""

from flask_admin.contrib.sqla.filters import FilterEqual
from flask_admin.form import Select2Widget
from flask_babel import gettext
from flask_babel import lazy_gettext as _
from wtforms import SelectMultipleField

from models.awareness import (
    AwarenessAction,
    CommunicationMaterial,
    Language,
    MaterialKind,
    MaterialLanguage,
    Occasion,
)

from .base import BackofficeModelView, not_negative
from .fields import choices
from .network import ORGANISATION_LOOKUP


class AwarenessView(BackofficeModelView):
    """A screen of awareness raising."""

    area = "awareness"
    menu_category = _("Awareness and communication")


class LanguageFilter(FilterEqual):
    """Materials written in a language, among others."""

    def apply(self, query, value, alias=None):
        return query.filter(CommunicationMaterial.language_rows.any(language=value))


def _language_names(view, context, model, name) -> str:
    return ", ".join(str(MATERIAL_LANGUAGES[code]) for code in model.languages)


def _municipality_or_zone(view, context, model, name) -> str:
    return str(model.municipality) if model.municipality else gettext("Whole police zone")


OCCASIONS = {
    Occasion.LOCAL_EVENT: _("Local event"),
    Occasion.CAMPAIGN_25_NOVEMBER: _("25 November campaign"),
    Occasion.SCHOOL: _("School"),
    Occasion.MARKET_OR_FAIR: _("Market or fair"),
    Occasion.PRESS_OR_MEDIA: _("Press or media"),
    Occasion.ONLINE: _("Online"),
    Occasion.OTHER: _("Other"),
}


class AwarenessActionView(AwarenessView):
    record_names = {
        "awareness_action": _("awareness actions"),
        "awareness_action_material": _("awareness actions (materials used)"),
        "awareness_action_partner": _("awareness actions (partners)"),
    }
    column_list = ("held_on", "title", "municipality", "occasion", "public_reached")
    column_details_list = (*column_list, "materials", "partners", "notes")
    column_searchable_list = ("title",)
    column_filters = ("held_on", "municipality.name", "occasion")
    column_default_sort = ("held_on", True)
    column_sortable_list = column_list
    field_choices = {"occasion": OCCASIONS}
    column_formatters = {"municipality": _municipality_or_zone}
    # The form asks what the details show, in the same order.
    form_columns = column_details_list
    form_args = {
        "municipality": {"description": _("Leave empty for an action across the whole zone.")},
        "public_reached": not_negative(description=_("Estimated number of people.")),
    }
    form_ajax_refs = {"partners": ORGANISATION_LOOKUP}


MATERIAL_KINDS = {
    MaterialKind.FLYER: _("Flyer"),
    MaterialKind.POSTER: _("Poster"),
    MaterialKind.CARD: _("Card"),
    MaterialKind.WEB_PAGE: _("Web page"),
    MaterialKind.VIDEO: _("Video"),
    MaterialKind.BOOKLET: _("Booklet"),
    MaterialKind.GOODIES: _("Promotional items"),
    MaterialKind.OTHER: _("Other"),
}


MATERIAL_LANGUAGES = {
    Language.FR: _("French"),
    Language.NL: _("Dutch"),
    Language.DE: _("German"),
    Language.EN: _("English"),
}


class CommunicationMaterialView(AwarenessView):
    record_names = {"communication_material": _("communication materials")}
    column_list = ("title", "kind", "languages", "quantity", "issued_on")
    column_details_list = (*column_list, "description")
    column_searchable_list = ("title",)
    column_filters = (
        "kind",
        "issued_on",
        LanguageFilter(MaterialLanguage.language, _("Languages"), choices(MATERIAL_LANGUAGES)),
    )
    column_default_sort = "title"
    field_choices = {"kind": MATERIAL_KINDS}
    column_formatters = {"languages": _language_names}
    column_labels = {"languages": _("Languages")}
    form_columns = column_details_list
    form_extra_fields = {
        "languages": SelectMultipleField(
            _("Languages"), choices=choices(MATERIAL_LANGUAGES), widget=Select2Widget(multiple=True)
        )
    }
    form_args = {
        "quantity": not_negative(
            description=_("Copies printed or made; leave empty for web pages and videos.")
        ),
    }


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(AwarenessActionView(AwarenessAction, _("Awareness actions")))
    admin.add_view(CommunicationMaterialView(CommunicationMaterial, _("Communication materials")))
