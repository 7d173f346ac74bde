"""Screens of the network: municipalities, organisations, persons, referents, platform."""

from flask_babel import lazy_gettext as _

from models.network import (
    Municipality,
    Organisation,
    Person,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
)

from ..labels import APPOINTING_BODIES, ORGANISATION_KINDS, choices
from .base import BackofficeModelView

CATEGORY = _("Network")

ORGANISATION_LOOKUP = {"fields": ("name", "short_name"), "page_size": 20}
PERSON_LOOKUP = {"fields": ("last_name", "first_name"), "page_size": 20}

PERIOD_LABELS = {"starts_on": _("From"), "ends_on": _("Until")}


class MunicipalityView(BackofficeModelView):
    area = "network"
    column_list = ("name", "postal_code")
    column_searchable_list = ("name", "postal_code")
    column_default_sort = "name"
    column_labels = {"name": _("Name"), "postal_code": _("Postal code")}
    form_columns = ("name", "postal_code")


class OrganisationView(BackofficeModelView):
    area = "network"
    column_list = ("name", "short_name", "kind", "municipality", "phone", "email", "active")
    column_details_list = (
        "name",
        "short_name",
        "kind",
        "municipality",
        "address",
        "phone",
        "email",
        "website",
        "joined_on",
        "left_on",
        "active",
    )
    column_export_list = column_details_list
    column_searchable_list = ("name", "short_name", "email")
    column_filters = ("kind", "municipality", "active")
    column_default_sort = "name"
    column_choices = {"kind": choices(ORGANISATION_KINDS)}
    column_labels = {
        "name": _("Name"),
        "short_name": _("Short name"),
        "kind": _("Kind"),
        "municipality": _("Municipality"),
        "municipality.name": _("Municipality"),
        "address": _("Address"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "website": _("Website"),
        "active": _("Active"),
        "joined_on": _("In the network from"),
        "left_on": _("In the network until"),
    }
    form_columns = column_details_list
    form_choices = {"kind": choices(ORGANISATION_KINDS)}


class PersonView(BackofficeModelView):
    area = "network"
    column_list = ("last_name", "first_name", "job_title", "organisation", "email", "phone")
    column_export_list = column_list
    column_searchable_list = ("last_name", "first_name", "job_title", "email")
    column_filters = ("organisation",)
    column_default_sort = "last_name"
    column_labels = {
        "first_name": _("First name"),
        "last_name": _("Last name"),
        "job_title": _("Job title"),
        "organisation": _("Organisation"),
        "email": _("Work e-mail"),
        "phone": _("Work phone"),
    }
    form_columns = ("first_name", "last_name", "job_title", "organisation", "email", "phone")
    form_ajax_refs = {"organisation": ORGANISATION_LOOKUP}


class ReferentAppointmentView(BackofficeModelView):
    area = "network"
    column_list = ("person", "municipality", "appointed_by", "starts_on", "ends_on")
    column_export_list = column_list
    column_searchable_list = ("person.last_name", "person.first_name")
    column_filters = ("municipality", "appointed_by", "starts_on", "ends_on")
    column_default_sort = [("municipality.name", False), ("starts_on", True)]
    column_sortable_list = (
        ("person", "person.last_name"),
        ("municipality", "municipality.name"),
        "appointed_by",
        "starts_on",
        "ends_on",
    )
    column_choices = {"appointed_by": choices(APPOINTING_BODIES)}
    column_labels = {
        "person": _("Referent"),
        "person.last_name": _("Last name"),
        "person.first_name": _("First name"),
        "municipality": _("Municipality"),
        "appointed_by": _("Appointed by"),
        **PERIOD_LABELS,
    }
    form_columns = ("person", "municipality", "appointed_by", "starts_on", "ends_on")
    form_choices = {"appointed_by": choices(APPOINTING_BODIES)}
    form_ajax_refs = {"person": PERSON_LOOKUP}
    date_order = (("starts_on", "ends_on"),)


class PlatformMembershipView(BackofficeModelView):
    area = "network"
    column_list = ("person", "person.organisation", "starts_on", "ends_on")
    column_export_list = column_list
    column_searchable_list = ("person.last_name", "person.first_name")
    column_filters = ("starts_on", "ends_on")
    column_default_sort = ("starts_on", True)
    column_labels = {
        "person": _("Member"),
        "person.organisation": _("Organisation"),
        "person.last_name": _("Last name"),
        "person.first_name": _("First name"),
        **PERIOD_LABELS,
    }
    form_columns = ("person", "starts_on", "ends_on")
    form_ajax_refs = {"person": PERSON_LOOKUP}
    date_order = (("starts_on", "ends_on"),)


class PlatformMeetingView(BackofficeModelView):
    area = "network"
    column_list = ("held_on", "place", "attendees")
    column_details_list = ("held_on", "place", "agenda", "minutes", "attendees")
    column_export_list = column_details_list
    column_searchable_list = ("place", "agenda")
    column_filters = ("held_on",)
    column_default_sort = ("held_on", True)
    column_labels = {
        "held_on": _("Date"),
        "place": _("Place"),
        "agenda": _("Agenda"),
        "minutes": _("Minutes"),
        "attendees": _("Attendees"),
    }
    column_formatters = {"attendees": lambda v, c, m, n: len(m.attendees)}
    form_columns = ("held_on", "place", "agenda", "minutes", "attendees")
    form_ajax_refs = {"attendees": PERSON_LOOKUP}


def add_views(admin) -> None:
    """Add the network's screens to the admin, in menu order."""
    admin.add_view(OrganisationView(Organisation, _("Organisations"), CATEGORY))
    admin.add_view(PersonView(Person, _("Professionals"), CATEGORY))
    admin.add_view(ReferentAppointmentView(ReferentAppointment, _("Referents"), CATEGORY))
    admin.add_view(PlatformMembershipView(PlatformMembership, _("Platform members"), CATEGORY))
    admin.add_view(PlatformMeetingView(PlatformMeeting, _("Platform meetings"), CATEGORY))
    admin.add_view(MunicipalityView(Municipality, _("Municipalities"), CATEGORY))
