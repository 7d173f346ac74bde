"""Screens of the network: municipalities, organisations, persons, referents, platform."""

from flask_babel import lazy_gettext as _
from sqlalchemy import func, select

from models import db
from models.network import (
    AppointingBody,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
    meeting_attendee,
)

from .base import BackofficeModelView


class NetworkView(BackofficeModelView):
    """A screen of the network."""

    area = "network"
    menu_category = _("Network")


ORGANISATION_LOOKUP = {"fields": ("name", "short_name"), "page_size": 20}
PERSON_LOOKUP = {"fields": ("last_name", "first_name"), "page_size": 20}


class MunicipalityView(NetworkView):
    record_names = {"municipality": _("municipalities")}
    column_list = ("name", "postal_code")
    column_searchable_list = ("name", "postal_code")
    column_default_sort = "name"
    form_columns = column_list


ORGANISATION_KINDS = {
    OrganisationKind.POLICE_VICTIM_ASSISTANCE: _("Police victim assistance"),
    OrganisationKind.MUNICIPAL_SOCIAL_SERVICE: _("Municipal social service"),
    OrganisationKind.CPAS: _("Public social welfare centre (CPAS)"),
    OrganisationKind.REGIONAL_BODY: _("Regional body"),
    OrganisationKind.SOCIAL_HOUSING_AGENCY: _("Social rental agency"),
    OrganisationKind.RESOURCE_CENTRE: _("Specialised resource centre"),
    OrganisationKind.MENTAL_HEALTH: _("Mental health service"),
    OrganisationKind.CHILD_AND_FAMILY: _("Child and family agency (ONE)"),
    OrganisationKind.YOUTH_AID: _("Youth aid service (SAJ)"),
    OrganisationKind.FAMILY_PLANNING: _("Family planning centre"),
    OrganisationKind.SCHOOL: _("School"),
    OrganisationKind.GENERAL_PRACTICE: _("General practice"),
    OrganisationKind.JUSTICE_HOUSE: _("Justice house"),
    OrganisationKind.ASSOCIATION: _("Association"),
    OrganisationKind.OTHER: _("Other"),
}


class OrganisationView(NetworkView):
    record_names = {"organisation": _("organisations")}
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
    column_searchable_list = ("name", "short_name", "email")
    column_filters = ("kind", "municipality", "active")
    column_default_sort = "name"
    field_choices = {"kind": ORGANISATION_KINDS}
    form_columns = column_details_list


class PersonView(NetworkView):
    record_names = {"person": _("persons")}
    column_list = ("last_name", "first_name", "job_title", "organisation", "email", "phone")
    column_searchable_list = ("last_name", "first_name", "job_title", "email")
    column_filters = ("organisation",)
    column_default_sort = "last_name"
    form_columns = ("first_name", "last_name", "job_title", "organisation", "email", "phone")
    form_ajax_refs = {"organisation": ORGANISATION_LOOKUP}


APPOINTING_BODIES = {
    AppointingBody.MUNICIPAL_COLLEGE: _("Municipal executive"),
    AppointingBody.SOCIAL_ACTION_COUNCIL: _("Social action council (CPAS)"),
}


class ReferentAppointmentView(NetworkView):
    record_names = {"referent_appointment": _("referent appointments")}
    column_list = ("person", "municipality", "appointed_by", "starts_on", "ends_on")
    column_searchable_list = ("person.last_name", "person.first_name")
    column_filters = ("municipality", "appointed_by", "starts_on", "ends_on")
    column_default_sort = [("municipality.name", False), ("starts_on", True)]
    column_sortable_list = (
        ("person", "person.last_name"),
        "municipality",
        "appointed_by",
        "starts_on",
        "ends_on",
    )
    field_choices = {"appointed_by": APPOINTING_BODIES}
    form_columns = column_list
    form_ajax_refs = {"person": PERSON_LOOKUP}
    date_order = (("starts_on", "ends_on"),)


class PlatformMembershipView(NetworkView):
    record_names = {"platform_membership": _("platform memberships")}
    column_list = ("person", "person.organisation", "starts_on", "ends_on")
    column_searchable_list = ("person.last_name", "person.first_name")
    column_filters = ("starts_on", "ends_on")
    column_default_sort = ("starts_on", True)
    form_columns = ("person", "starts_on", "ends_on")
    form_ajax_refs = {"person": PERSON_LOOKUP}
    date_order = (("starts_on", "ends_on"),)


class PlatformMeetingView(NetworkView):
    record_names = {
        "platform_meeting": _("platform meetings"),
        "platform_meeting_attendee": _("platform meeting attendances"),
    }
    # The list shows how many attended, counted by the database for the page's meetings
    # (see get_list), without loading every attendee of fifty meetings.
    column_list = ("held_on", "place", "attendee_count")
    column_details_list = ("held_on", "place", "agenda", "minutes", "attendees")
    column_searchable_list = ("place", "agenda")
    column_filters = ("held_on",)
    column_default_sort = ("held_on", True)
    column_labels = {"attendee_count": _("Attendees")}
    column_formatters = {"attendee_count": lambda v, c, m, n: m.attendee_count}
    # The export counts the attendees too; their names are on the meeting's page.
    column_formatters_export = {"attendees": lambda v, c, m, n: len(m.attendees)}

    def get_list(self, *args, **kwargs):
        count, meetings = super().get_list(*args, **kwargs)
        counted = select(meeting_attendee.c.meeting_id, func.count()).group_by(
            meeting_attendee.c.meeting_id
        )
        ids = [meeting.id for meeting in meetings]
        attendees = dict(
            db.session.execute(counted.where(meeting_attendee.c.meeting_id.in_(ids))).all()
        )
        for meeting in meetings:
            meeting.attendee_count = attendees.get(meeting.id, 0)
        return count, meetings

    form_columns = column_details_list
    form_ajax_refs = {"attendees": PERSON_LOOKUP}


def add_views(admin) -> None:
    """Add the network's screens to the admin, in menu order."""
    admin.add_view(OrganisationView(Organisation, _("Organisations")))
    admin.add_view(PersonView(Person, _("Professionals")))
    admin.add_view(ReferentAppointmentView(ReferentAppointment, _("Referents")))
    admin.add_view(PlatformMembershipView(PlatformMembership, _("Platform members")))
    admin.add_view(PlatformMeetingView(PlatformMeeting, _("Platform meetings")))
    admin.add_view(MunicipalityView(Municipality, _("Municipalities")))
