"""What a screen declares about its fields: their labels and choices, its records' name."""

from __future__ import annotations

from flask_babel import lazy_gettext as _
from sqlalchemy import inspect

# Labels of the columns that mean the same on every screen. A model's column (or link) may
# carry its own label (`models.base.column(..., label=...)`), and a screen's `column_labels`
# words the few that read otherwise on that screen only.
COMMON_LABELS = {
    "name": _("Name"),
    "short_name": _("Short name"),
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "phone": _("Phone"),
    "email": _("E-mail"),
    "title": _("Title"),
    "kind": _("Kind"),
    "description": _("Description"),
    "notes": _("Notes"),
    "held_on": _("Date"),
    "starts_on": _("From"),
    "ends_on": _("Until"),
    "place": _("Place"),
    "address": _("Address"),
    "municipality": _("Municipality"),
    "organisation": _("Organisation"),
    "active": _("Active"),
    "document_reference": _("Signed original filed at"),
}

# The columns that name a record: a link's column of this name is labelled as the link.
RECORD_NAMING_COLUMNS = ("name", "title", "label")

# Plural names of the tables, as the screens declare them in `record_names`: messages and the
# audit log name records by them.
RECORD_NAMES: dict = {}


def choices(labels: dict) -> list[tuple[str, object]]:
    """Choices for a list, a filter or a form from a mapping of value to label, in its order."""
    return [(str(value), label) for value, label in labels.items()]


def model_labels(model) -> dict:
    """The labels a model's columns and links carry, by attribute name."""
    return {
        key: attr.info["label"]
        for key, attr in inspect(model).all_orm_descriptors.items()
        if "label" in getattr(attr, "info", {})
    }


def field_labels(model, names) -> list[str]:
    """The labels of the fields `names` of `model`, as every screen shows them."""
    labels = {**COMMON_LABELS, **model_labels(model)}
    return [str(labels[name]) for name in names]


def linked_model(model, path: str):
    """The model reached from `model` through the links of `path` ("organisation.municipality")."""
    for link in path.split("."):
        model = inspect(model).relationships[link].mapper.class_
    return model


def record_name(table: str) -> str:
    """The plural name of the records of `table`, in the user's language."""
    return str(RECORD_NAMES.get(table, table))


class DeclaredFields:
    """A screen's declarations, said once and read by Flask-Admin where it needs them.

    A screen (or its area's base class, for every screen of the area) declares:
    - `area` and `menu_category`: the area of "who sees what" and the menu it sits in;
    - `field_choices`: for each field with a fixed set of values, the mapping of each value
      to its label; this one mapping feeds the list, its filter and the form;
    - `column_labels`: only the labels that read otherwise on this screen; a column is
      labelled by its model (`model_labels`), else by `COMMON_LABELS`, and a column reached
      through a link as `_with_link_labels` says;
    - `record_names`: the plural name of its table and of the links it edits, by table.
    A link in `column_sortable_list` sorts by the linked record's name ("municipality" by
    "municipality.name"); a link to a record without one names its column as Flask-Admin does.
    The export holds what the details show unless `column_export_list` says otherwise.
    """

    menu_category = None
    field_choices: dict[str, dict] = {}
    record_names: dict = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        RECORD_NAMES.update(vars(cls).get("record_names", {}))

    def __init__(self, model, session, name=None, category=None, **kwargs):
        # The list looks a value up as the model holds it (a number stays a number); the form
        # and the filter send text. A form has no field across a link.
        self.column_choices = {f: list(labels.items()) for f, labels in self.field_choices.items()}
        self.form_choices = {
            f: choices(labels) for f, labels in self.field_choices.items() if "." not in f
        }
        self.column_labels = self._with_link_labels(
            model, {**COMMON_LABELS, **model_labels(model), **(self.column_labels or {})}
        )
        if self.column_sortable_list is not None:
            self.column_sortable_list = [
                self._sorted_by(model, c) for c in self.column_sortable_list
            ]
        if self.column_export_list is None:
            self.column_export_list = self.column_details_list or self.column_list
        category = category or self.menu_category
        super().__init__(model, session, name=name, category=category, **kwargs)

    @staticmethod
    def _sorted_by(model, name):
        """`name` as Flask-Admin sorts it: a link by its record's naming column."""
        links = inspect(model).relationships
        if not isinstance(name, str) or name not in links:
            return name
        columns = links[name].mapper.columns
        naming = next((c for c in RECORD_NAMING_COLUMNS if c in columns), None)
        return name if naming is None else (name, f"{name}.{naming}")

    def _with_link_labels(self, model, labels: dict) -> dict:
        """`labels`, with each column reached through a link labelled: as the link when it
        is the linked record's name ("municipality.name": "Municipality"), else as the
        linked model labels the column ("training.audience": "Audience")."""
        named = (
            *(self.column_list or ()),
            *(self.column_details_list or ()),
            *(self.column_export_list or ()),
            *(self.column_searchable_list or ()),
            *(self.column_filters or ()),
        )
        for name in named:
            if not isinstance(name, str) or "." not in name or name in labels:
                continue
            link, column = name.rsplit(".", 1)
            if column in RECORD_NAMING_COLUMNS:
                label = labels.get(link)
            else:
                label = model_labels(linked_model(model, link)).get(column) or labels.get(column)
            if label is not None:
                labels[name] = label
        return labels
