"""Screens of emergency housing: the units and the households' stays.

Addresses and notes say where and how victims hide: they appear in the form and the
details of one record, never in a list, a search, a filter or an export.
"""

from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _
from wtforms import ValidationError
from wtforms.validators import NumberRange

from models import db
from models.housing import (
    CODE_PREFIX,
    ExitDestination,
    HousingStay,
    HousingUnit,
    overlapping_stay,
    stay_outside,
)

from .base import BackofficeModelView, not_negative
from .network import ORGANISATION_LOOKUP


class HousingView(BackofficeModelView):
    """A screen of emergency housing: lists and exports leave addresses and notes out."""

    area = "housing"
    menu_category = _("Emergency housing")


# Far above any real dwelling or household; stops typing slips before the database does.
MAX_PERSONS = 99


def persons(*checks, at_least: int = 0) -> dict:
    """Form arguments for a number of persons: from `at_least`, within reason, and `checks`."""
    if at_least == 0:
        lower = not_negative()["validators"]
    else:
        lower = [NumberRange(min=at_least, message=_("Must be at least %(min)s."))]
    upper = NumberRange(max=MAX_PERSONS, message=_("Must not exceed %(max)s."))
    return {"validators": [*lower, upper, *checks]}


# --- checks of a stay that span several fields ----------------------------------------
def household_not_empty(form, field) -> None:
    if field.data == 0 and form.children.data == 0:
        raise ValidationError(gettext("A stay houses at least one person."))


def destination_needs_exit(form, field) -> None:
    if field.data and not form.exit_date.data:
        raise ValidationError(gettext("Give the destination once the exit date is known."))


def unit_free(form, field) -> None:
    """Refuse a stay whose nights meet another stay's in the same unit."""
    unit, entry, exit_ = form.unit.data, field.data, form.exit_date.data
    if unit is None or entry is None or (exit_ is not None and exit_ < entry):
        return  # reported on their own fields
    current = getattr(form, "_obj", None)  # the stay being edited, as Flask-Admin sets it
    other = overlapping_stay(
        db.session, unit.id, entry, exit_, excluding=current.id if current else None
    )
    if other is not None:
        raise ValidationError(
            gettext(
                "This unit is already occupied at these dates (stay %(code)s, entered on "
                "%(entry)s).",
                code=other.household_code,
                entry=format_date(other.entry_date, "medium"),
            )
        )


def availability(unit: HousingUnit) -> str:
    """Say when a unit is available, in the user's language."""
    start = format_date(unit.available_from, "medium")
    if unit.available_until is None:
        return gettext("“%(unit)s” is available from %(start)s.", unit=unit.label, start=start)
    return gettext(
        "“%(unit)s” is available from %(start)s until the night of %(end)s.",
        unit=unit.label,
        start=start,
        end=format_date(unit.available_until, "medium"),
    )


def entry_within_availability(form, field) -> None:
    """Refuse an entry date on which the unit is not available."""
    unit = form.unit.data
    if unit is not None and field.data is not None and not unit.welcomes_entry(field.data):
        raise ValidationError(availability(unit))


def exit_within_availability(form, field) -> None:
    """Refuse an exit date after the unit's last available night."""
    unit = form.unit.data
    if unit is not None and field.data is not None and not unit.welcomes_exit(field.data):
        raise ValidationError(availability(unit))


# --- checks of a unit: its availability covers every stay it housed -------------------
def covers_stays(bound: str):
    """A check that the availability's `bound` (available_from or available_until) leaves
    no stay of the unit being edited outside."""

    def check(form, field) -> None:
        current = getattr(form, "_obj", None)
        if current is None or current.id is None or field.data is None:
            return  # a new unit has no stays yet
        stay = stay_outside(db.session, current.id, **{bound: field.data})
        if stay is not None:
            raise ValidationError(
                gettext(
                    "Stay %(code)s (entered on %(entry)s) would fall outside these dates.",
                    code=stay.household_code,
                    entry=format_date(stay.entry_date, "medium"),
                )
            )

    return check


class HousingUnitView(HousingView):
    record_names = {"housing_unit": _("emergency housing units")}
    column_list = (
        "label",
        "provider",
        "municipality",
        "capacity",
        "available_from",
        "available_until",
    )
    column_details_list = (*column_list, "address", "notes")
    column_export_list = column_list
    column_searchable_list = ("label",)
    column_filters = (
        "provider.name",
        "municipality.name",
        "available_from",
        "available_until",
    )
    column_default_sort = "label"
    column_sortable_list = column_list
    column_descriptions = {"address": _("Confidential: never listed nor exported.")}
    form_columns = column_details_list
    form_ajax_refs = {"provider": ORGANISATION_LOOKUP}
    form_args = {
        "capacity": persons(at_least=1),
        "available_from": {"validators": [covers_stays("available_from")]},
        "available_until": {"validators": [covers_stays("available_until")]},
    }
    date_order = (("available_from", "available_until"),)


EXIT_DESTINATIONS = {
    ExitDestination.OWN_HOUSING: _("Own housing"),
    ExitDestination.FAMILY_OR_FRIENDS: _("Family or friends"),
    ExitDestination.OTHER_SHELTER: _("Other emergency accommodation"),
    ExitDestination.SOCIAL_HOUSING: _("Social housing"),
    ExitDestination.RETURN_HOME: _("Return home"),
    ExitDestination.OTHER: _("Other"),
    ExitDestination.UNKNOWN: _("Unknown"),
}


class HousingStayView(HousingView):
    record_names = {"housing_stay": _("housing stays")}
    column_list = (
        "household_code",
        "unit",
        "entry_date",
        "exit_date",
        "adults",
        "children",
        "destination",
    )
    column_details_list = (
        "household_code",
        "unit",
        "referring_organisation",
        "entry_date",
        "exit_date",
        "adults",
        "children",
        "destination",
        "notes",
    )
    column_export_list = column_details_list[:-1]
    column_searchable_list = ("household_code",)
    code_search = ("household_code", CODE_PREFIX)
    column_filters = (
        "unit.label",
        "entry_date",
        "exit_date",
        "destination",
        "referring_organisation.name",
    )
    column_default_sort = ("entry_date", True)
    column_sortable_list = column_list
    field_choices = {"destination": EXIT_DESTINATIONS}
    column_descriptions = {
        "household_code": _("Given by the backoffice: never a name."),
        "exit_date": _("Leave empty while the household is housed."),
        "notes": _("Confidential: never listed nor exported. No names."),
    }
    # The household code is generated on creation: no form can set or change it.
    form_columns = tuple(name for name in column_details_list if name != "household_code")
    form_ajax_refs = {"referring_organisation": ORGANISATION_LOOKUP}
    form_args = {
        "entry_date": {"validators": [entry_within_availability, unit_free]},
        "exit_date": {"validators": [exit_within_availability]},
        "adults": persons(household_not_empty),
        "children": persons(),
        "destination": {"validators": [destination_needs_exit]},
    }
    date_order = (("entry_date", "exit_date"),)


def add_views(admin) -> None:
    """Add the emergency housing screens to the admin, in menu order."""
    admin.add_view(HousingStayView(HousingStay, _("Stays")))
    admin.add_view(HousingUnitView(HousingUnit, _("Housing units")))
