"""Human names, in the user's language, for the values the domain stores as codes."""

from flask_babel import lazy_gettext as _

from models.network import AppointingBody, OrganisationKind

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

APPOINTING_BODIES = {
    AppointingBody.MUNICIPAL_COLLEGE: _("Municipal executive"),
    AppointingBody.SOCIAL_ACTION_COUNCIL: _("Social action council (CPAS)"),
}

# Plural names of the tables that can hold a record back from deletion.
TABLE_LABELS = {
    "municipality": _("municipalities"),
    "organisation": _("organisations"),
    "person": _("persons"),
    "referent_appointment": _("referent appointments"),
    "platform_membership": _("platform memberships"),
    "platform_meeting": _("platform meetings"),
    "platform_meeting_attendee": _("platform meeting attendances"),
}


def choices(labels: dict) -> list[tuple[str, object]]:
    """Form choices from a label mapping, in its order."""
    return [(str(value), label) for value, label in labels.items()]
