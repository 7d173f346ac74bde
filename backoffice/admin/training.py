"""Screens of the training axis: trainings and their sessions."""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _
from sqlalchemy.orm import selectinload
from wtforms.validators import NumberRange

from models.training import Training, TrainingSession

from ..labels import TRAINING_AUDIENCES, choices
from .base import BackofficeModelView, not_negative
from .network import ORGANISATION_LOOKUP, PERSON_LOOKUP

CATEGORY = _("Training")

# Numeric(5, 1): the largest number of hours the column holds.
MOST_HOURS = 9999.9


class TrainingView(BackofficeModelView):
    area = "training"
    column_list = ("title", "audience", "trainer")
    column_details_list = ("title", "audience", "trainer", "description")
    column_export_list = column_details_list
    column_searchable_list = ("title", "trainer.name", "trainer.short_name")
    column_filters = ("audience", "trainer.name")
    column_default_sort = "title"
    column_sortable_list = ("title", "audience", ("trainer", "trainer.name"))
    column_choices = {"audience": choices(TRAINING_AUDIENCES)}
    column_labels = {
        "title": _("Title"),
        "audience": _("Audience"),
        "trainer": _("Trainer"),
        "trainer.name": _("Trainer"),
        "trainer.short_name": _("Short name"),
        "description": _("Description"),
    }
    form_columns = ("title", "audience", "trainer", "description")
    form_choices = {"audience": choices(TRAINING_AUDIENCES)}
    form_ajax_refs = {"trainer": ORGANISATION_LOOKUP}


class TrainingSessionView(BackofficeModelView):
    area = "training"
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
    column_export_list = column_details_list
    column_searchable_list = ("training.title", "place")
    column_filters = ("held_on", "training.audience", "training.title")
    column_default_sort = ("held_on", True)
    column_sortable_list = (("training", "training.title"), "held_on", "hours")
    column_choices = {"training.audience": choices(TRAINING_AUDIENCES)}
    column_labels = {
        "training": _("Training"),
        "training.title": _("Training"),
        "training.audience": _("Audience"),
        "held_on": _("Date"),
        "hours": _("Hours"),
        "place": _("Place"),
        "participants": _("Recorded participants"),
        "external_participants": _("External participants"),
        "participant_count": _("Participants"),
    }
    column_descriptions = {
        "external_participants": _("People who took part but are not recorded as professionals."),
    }
    column_formatters = {"hours": lambda view, context, model, name: format_decimal(model.hours)}
    # Exports keep the plain number, which spreadsheets read in every language.
    column_formatters_export = {}
    form_columns = (
        "training",
        "held_on",
        "hours",
        "place",
        "participants",
        "external_participants",
    )
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
    admin.add_view(TrainingSessionView(TrainingSession, _("Training sessions"), CATEGORY))
    admin.add_view(TrainingView(Training, _("Trainings"), CATEGORY))
