"""Screens of the training axis: trainings and their sessions."""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _
from sqlalchemy.orm import selectinload
from wtforms.validators import NumberRange

from models.training import Training, TrainingAudience, TrainingSession

from .base import BackofficeModelView, not_negative
from .network import ORGANISATION_LOOKUP, PERSON_LOOKUP


class TrainingAxisView(BackofficeModelView):
    """A screen of the training axis."""

    area = "training"
    menu_category = _("Training")


# Numeric(5, 1): the largest number of hours the column holds.
MOST_HOURS = 9999.9


TRAINING_AUDIENCES = {
    TrainingAudience.REFERENTS: _("Intrafamily-violence referents"),
    TrainingAudience.FIRST_LINE: _("First-line professionals"),
    TrainingAudience.MIXED: _("Mixed audience"),
}


class TrainingView(TrainingAxisView):
    record_names = {"training": _("trainings")}
    column_list = ("title", "audience", "trainer")
    column_details_list = (*column_list, "description")
    column_searchable_list = ("title", "trainer.name", "trainer.short_name")
    column_filters = ("audience", "trainer.name")
    column_default_sort = "title"
    column_sortable_list = column_list
    field_choices = {"audience": TRAINING_AUDIENCES}
    form_columns = column_details_list
    form_ajax_refs = {"trainer": ORGANISATION_LOOKUP}


class TrainingSessionView(TrainingAxisView):
    record_names = {
        "training_session": _("training sessions"),
        "training_participant": _("training participations"),
    }
    column_list = ("training", "held_on", "hours", "participant_count")
    list_loads = (selectinload(TrainingSession.participants),)  # counted on every row
    column_details_list = (
        "training",
        "held_on",
        "hours",
        "place",
        "participants",
        "external_participants",
        "participant_count",
    )
    column_searchable_list = ("training.title", "place")
    column_filters = ("held_on", "training.audience", "training.title")
    column_default_sort = ("held_on", True)
    column_sortable_list = ("training", "held_on", "hours")
    field_choices = {"training.audience": TRAINING_AUDIENCES}
    column_labels = {"participant_count": _("Participants")}
    column_descriptions = {
        "external_participants": _("People who took part but are not recorded as professionals."),
    }
    column_formatters = {"hours": lambda view, context, model, name: format_decimal(model.hours)}
    # Exports keep the plain number, which spreadsheets read in every language.
    column_formatters_export = {}
    # The number of participants is counted, never typed.
    form_columns = tuple(name for name in column_details_list if name != "participant_count")
    form_args = {
        "hours": {
            "validators": [
                NumberRange(min=0, message=_("Must be zero or more.")),
                NumberRange(max=MOST_HOURS, message=_("Must be at most %(max)s.")),
            ]
        },
        "external_participants": not_negative(),
    }
    form_ajax_refs = {"participants": PERSON_LOOKUP}


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(TrainingSessionView(TrainingSession, _("Training sessions")))
    admin.add_view(TrainingView(Training, _("Trainings")))
