"""What a form tells the person filling it: its fields grouped under headings, a help text
under each field whose meaning is not obvious, and sensible values to start a new record
with (today, the only unit, the only workshop).

Declared here by table, apart from the screens: a screen's own `column_descriptions` win
over the help texts below.
"""

from __future__ import annotations

from datetime import date

from flask import request
from flask_babel import lazy_gettext as _

IDENTITY = _("Identity")
CONTACT = _("Contact details")
PERIOD = _("Period")
DATES = _("Dates")
FILING = _("Documents and notes")
HOUSEHOLD = _("Household")
ATTENDANCE = _("Attendance")
CONTENT = _("Content")
REACH = _("Reach")

# Table → [(heading, fields)]. Fields not named fall under a last heading, "Other".
SECTIONS = {
    "organisation": [
        (IDENTITY, ("name", "short_name", "kind", "active")),
        (CONTACT, ("municipality", "address", "phone", "email", "website")),
        (PERIOD, ("joined_on", "left_on")),
    ],
    "person": [
        (IDENTITY, ("first_name", "last_name", "job_title", "organisation")),
        (CONTACT, ("email", "phone")),
    ],
    "referent_appointment": [
        (IDENTITY, ("person", "municipality", "appointed_by")),
        (PERIOD, ("starts_on", "ends_on")),
    ],
    "platform_meeting": [
        (DATES, ("held_on", "place")),
        (ATTENDANCE, ("attendees",)),
        (CONTENT, ("agenda", "minutes")),
    ],
    "agreement": [
        (IDENTITY, ("organisation", "kind", "title", "reference")),
        (DATES, ("signed_on", "valid_from", "valid_until")),
        (FILING, ("document_reference", "notes")),
    ],
    "housing_stay": [
        (PERIOD, ("unit", "referring_organisation", "entry_date", "exit_date", "destination")),
        (HOUSEHOLD, ("adults", "children")),
        (FILING, ("notes",)),
    ],
    "housing_unit": [
        (IDENTITY, ("label", "provider", "municipality", "capacity")),
        (PERIOD, ("available_from", "available_until")),
        (FILING, ("address", "notes")),
    ],
    "workshop": [
        (IDENTITY, ("name", "min_age", "max_age", "place", "municipality", "active")),
        (DATES, ("week_of_month", "weekday", "starts_at", "ends_at", "schedule")),
        (PERIOD, ("starts_on", "ends_on")),
        (ATTENDANCE, ("parents_reception", "facilitators")),
    ],
    "workshop_session": [
        (DATES, ("workshop", "held_on")),
        (ATTENDANCE, ("children_present", "parents_present")),
        (FILING, ("notes",)),
    ],
    "training_session": [
        (DATES, ("training", "held_on", "hours", "place")),
        (ATTENDANCE, ("participants", "external_participants")),
    ],
    "awareness_action": [
        (IDENTITY, ("title", "held_on", "municipality", "occasion")),
        (REACH, ("public_reached", "materials", "partners", "notes")),
    ],
    "intervention_protocol": [
        (IDENTITY, ("title", "revision", "adopted_on", "signatories")),
        (FILING, ("summary", "document_reference")),
    ],
}

STILL_RUNNING = _("Leave empty while it is in force.")

# Table → {field: help}, for the fields whose meaning is not obvious.
HELP = {
    "organisation": {
        "short_name": _("The short name lists and messages use, such as SAPV."),
        "municipality": _("Leave empty for a regional body serving the whole zone."),
        "active": _("Untick when the organisation leaves the network: its records are kept."),
    },
    "referent_appointment": {
        "appointed_by": _(
            "The body that appointed the referent: the municipal executive or the social action "
            "council (CPAS)."
        ),
        "ends_on": STILL_RUNNING,
    },
    "platform_membership": {"ends_on": STILL_RUNNING},
    "agreement": {
        "valid_until": _("Leave empty for an agreement without end. Its status follows the dates."),
    },
    "housing_unit": {
        "capacity": _("How many people the unit can shelter at once."),
        "available_until": _("Leave empty while the unit stays available."),
    },
    "housing_stay": {
        "referring_organisation": _("The organisation that asked for the household's stay."),
    },
    "workshop_session": {
        "children_present": _("A count only: never a child's name."),
    },
    "training_session": {
        "hours": _("The session's length in hours, such as 3.5."),
    },
    "awareness_action": {
        "public_reached": _("An estimate of the people the action reached."),
    },
    "communication_material": {
        "languages": _("Language codes separated by commas, such as fr,nl,de."),
    },
    "intervention_protocol": {
        "revision": _("The version of the protocol, such as 2 or 2025-1."),
    },
}

# Table → date fields a new record starts at today.
TODAY = {
    "housing_stay": ("entry_date",),
    "workshop_session": ("held_on",),
    "training_session": ("held_on",),
    "awareness_action": ("held_on",),
    "platform_meeting": ("held_on",),
    "referent_appointment": ("starts_on",),
    "platform_membership": ("starts_on",),
}

# Table → choice fields a new record starts at the only record there is to choose.
ONLY_CHOICE = {
    "housing_stay": ("unit",),
    "workshop_session": ("workshop",),
}


def sections(table: str, form) -> list[tuple[str, list]]:
    """The form's visible fields under their headings; [] when the form is not grouped."""
    declared = SECTIONS.get(table)
    if not declared:
        return []
    visible = [f for f in form if getattr(f.widget, "input_type", None) != "hidden"]
    placed: set[str] = set()
    grouped = []
    for heading, names in declared:
        fields = [f for f in visible if f.short_name in names]
        fields.sort(key=lambda f: names.index(f.short_name))
        placed.update(f.short_name for f in fields)
        if fields:
            grouped.append((heading, fields))
    rest = [f for f in visible if f.short_name not in placed]
    if rest:
        grouped.append((_("Other"), rest))
    return grouped


def guide(form, table: str, creating: bool):
    """Give the form its help texts and, for a new record not yet sent, its first values."""
    for name, text in HELP.get(table, {}).items():
        if name in form and not form[name].description:
            form[name].description = text
    if creating and request.method == "GET":
        for name in TODAY.get(table, ()):
            if name in form and form[name].data is None:
                form[name].data = date.today()
        for name in ONLY_CHOICE.get(table, ()):
            if name in form and form[name].data is None:
                form[name].data = _only(form[name])
    return form


def _only(field):
    """The one record a choice field offers, if it offers exactly one."""
    offered = getattr(field, "_get_object_list", None)
    if offered is None:
        return None
    found = offered()
    return found[0][1] if len(found) == 1 else None
