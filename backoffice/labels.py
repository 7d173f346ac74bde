"""Human names, in the user's language, for the values the domain stores as codes."""

from flask_babel import lazy_gettext as _

from models.accounts import Role
from models.agreements import AgreementKind, AgreementStatus
from models.audit import AuditAction
from models.awareness import Language, MaterialKind, Occasion
from models.housing import ExitDestination
from models.network import AppointingBody, OrganisationKind
from models.training import TrainingAudience

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

TRAINING_AUDIENCES = {
    TrainingAudience.REFERENTS: _("Intrafamily-violence referents"),
    TrainingAudience.FIRST_LINE: _("First-line professionals"),
    TrainingAudience.MIXED: _("Mixed audience"),
}

OCCASIONS = {
    Occasion.LOCAL_EVENT: _("Local event"),
    Occasion.CAMPAIGN_25_NOVEMBER: _("25 November campaign"),
    Occasion.SCHOOL: _("School"),
    Occasion.MARKET_OR_FAIR: _("Market or fair"),
    Occasion.PRESS_OR_MEDIA: _("Press or media"),
    Occasion.ONLINE: _("Online"),
    Occasion.OTHER: _("Other"),
}

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

LANGUAGES = {
    Language.FR: _("French"),
    Language.NL: _("Dutch"),
    Language.DE: _("German"),
    Language.EN: _("English"),
}

AGREEMENT_KINDS = {
    AgreementKind.PARTNERSHIP: _("Partnership agreement"),
    AgreementKind.COLLABORATION: _("Collaboration agreement"),
    AgreementKind.HOUSING_PROVISION: _("Provision of housing"),
    AgreementKind.SERVICE: _("Service agreement"),
    AgreementKind.OTHER: _("Other"),
}

AGREEMENT_STATUSES = {
    AgreementStatus.UPCOMING: _("Upcoming"),
    AgreementStatus.ACTIVE: _("In force"),
    AgreementStatus.ENDED: _("Expired"),
}

EXIT_DESTINATIONS = {
    ExitDestination.OWN_HOUSING: _("Own housing"),
    ExitDestination.FAMILY_OR_FRIENDS: _("Family or friends"),
    ExitDestination.OTHER_SHELTER: _("Other emergency accommodation"),
    ExitDestination.SOCIAL_HOUSING: _("Social housing"),
    ExitDestination.RETURN_HOME: _("Return home"),
    ExitDestination.OTHER: _("Other"),
    ExitDestination.UNKNOWN: _("Unknown"),
}

# Plural names of the tables that can hold a record back from deletion.
ROLES = {
    Role.ADMINISTRATOR: _("Administrator"),
    Role.SECRETARIAT: _("Secretariat"),
    Role.COORDINATOR: _("Coordinator"),
    Role.PARTNER: _("Partner (read only)"),
}

AUDIT_ACTIONS = {
    AuditAction.CREATE: _("Created"),
    AuditAction.UPDATE: _("Changed"),
    AuditAction.DELETE: _("Deleted"),
    AuditAction.EXPORT: _("Exported"),
    AuditAction.LOGIN: _("Logged in"),
    AuditAction.LOGIN_FAILED: _("Login failed"),
    AuditAction.LOGOUT: _("Logged out"),
    AuditAction.DENIED: _("Access refused"),
}

TABLE_LABELS = {
    "user_account": _("user accounts"),
    "agreement": _("agreements"),
    "housing_unit": _("emergency housing units"),
    "housing_stay": _("housing stays"),
    "intervention_protocol": _("intervention protocols"),
    "protocol_signatory": _("intervention protocol signatures"),
    "municipality": _("municipalities"),
    "organisation": _("organisations"),
    "person": _("persons"),
    "referent_appointment": _("referent appointments"),
    "platform_membership": _("platform memberships"),
    "platform_meeting": _("platform meetings"),
    "platform_meeting_attendee": _("platform meeting attendances"),
    "awareness_action": _("awareness actions"),
    "awareness_action_material": _("awareness actions (materials used)"),
    "awareness_action_partner": _("awareness actions (partners)"),
    "communication_material": _("communication materials"),
    "workshop": _("workshops"),
    "workshop_facilitator": _("workshop facilitations"),
    "workshop_session": _("workshop sessions"),
    "training": _("trainings"),
    "training_session": _("training sessions"),
    "training_participant": _("training participations"),
}


def choices(labels: dict) -> list[tuple[str, object]]:
    """Form choices from a label mapping, in its order."""
    return [(str(value), label) for value, label in labels.items()]
