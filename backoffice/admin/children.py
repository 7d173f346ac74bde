"""Screens of the children and youth axis: the workshops ("La cabane") and their sessions."""

from flask_babel import lazy_gettext as _
from wtforms.validators import NumberRange, ValidationError

from models.children import OLDEST_AGE, Workshop, WorkshopSession

from .base import BackofficeModelView, not_negative
from .network import ORGANISATION_LOOKUP


class ChildrenView(BackofficeModelView):
    """A screen of the children and youth axis."""

    area = "children"
    menu_category = _("Children and youth")


class NotBelow:
    """Refuse a number smaller than the number in another field of the form."""

    def __init__(self, other: str, message) -> None:
        self.other = other
        self.message = message

    def __call__(self, form, field) -> None:
        floor = form[self.other].data
        if field.data is not None and floor is not None and field.data < floor:
            raise ValidationError(str(self.message))


def age(*validators) -> dict:
    """Form arguments for an age of a minor."""
    in_range = NumberRange(min=0, max=OLDEST_AGE, message=_("Must be between %(min)s and %(max)s."))
    return {"validators": [in_range, *validators]}


class WorkshopView(ChildrenView):
    record_names = {
        "workshop": _("workshops"),
        "workshop_facilitator": _("workshop facilitations"),
    }
    column_list = ("name", "age_range", "place", "municipality", "parents_reception", "active")
    column_details_list = (
        "name",
        "min_age",
        "max_age",
        "week_of_month",
        "weekday",
        "starts_at",
        "ends_at",
        "schedule",
        "place",
        "municipality",
        "parents_reception",
        "facilitators",
        "starts_on",
        "ends_on",
        "active",
    )
    column_searchable_list = ("name", "place")
    column_filters = ("municipality.name", "parents_reception", "active")
    column_default_sort = "name"
    column_sortable_list = (
        "name",
        "place",
        "municipality",
        "parents_reception",
        "active",
    )
    column_labels = {"age_range": _("Ages")}
    # Shown in the form too, under the field.
    column_descriptions = {"parents_reception": _("Parents are received while the children meet.")}
    field_choices = {
        "week_of_month": {
            1: _("First"),
            2: _("Second"),
            3: _("Third"),
            4: _("Fourth"),
            -1: _("Last"),
        },
        "weekday": {
            0: _("Monday"),
            1: _("Tuesday"),
            2: _("Wednesday"),
            3: _("Thursday"),
            4: _("Friday"),
            5: _("Saturday"),
            6: _("Sunday"),
        },
    }
    form_columns = column_details_list
    form_args = {
        "min_age": age(),
        "max_age": age(NotBelow("min_age", _("Must not be below the minimum age."))),
        "week_of_month": {"coerce": int},
        "weekday": {"coerce": int},
        "schedule": {"description": _("For example: not in July and August")},
    }
    form_ajax_refs = {"facilitators": ORGANISATION_LOOKUP}


class WorkshopSessionView(ChildrenView):
    record_names = {"workshop_session": _("workshop sessions")}
    column_list = ("workshop", "held_on", "children_present", "parents_present")
    column_details_list = (*column_list, "notes")
    column_searchable_list = ("workshop.name", "notes")
    column_filters = ("held_on", "workshop.name")
    column_default_sort = ("held_on", True)
    column_sortable_list = column_list
    column_descriptions = {"notes": _("Never write a child's or a parent's name here.")}
    form_columns = column_details_list
    form_args = {"children_present": not_negative(), "parents_present": not_negative()}


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(WorkshopSessionView(WorkshopSession, _("Workshop sessions")))
    admin.add_view(WorkshopView(Workshop, _("Workshops")))
