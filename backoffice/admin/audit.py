"""The audit log screen: read by the administrator and the coordinator, changed by nobody.

Stored in UTC, shown in Brussels time; a value that does not apply shows as "–".
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, has_request_context
from flask_admin.contrib.sqla import filters
from flask_babel import format_datetime, gettext
from flask_babel import lazy_gettext as _
from markupsafe import Markup, escape
from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select

from models import db
from models.audit import AuditAction, AuditEntry

from .base import BackofficeModelView
from .dates import TypedDateFilter
from .fields import RECORD_NAMES, choices, record_name

NOTHING = "–"

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


def _when(view, context, entry: AuditEntry, name) -> str:
    return format_datetime(entry.at, "medium")  # in BABEL_DEFAULT_TIMEZONE: Brussels


def _or_nothing(view, context, entry: AuditEntry, name) -> str:
    return getattr(entry, name) or NOTHING


def _area(view, context, entry: AuditEntry, name) -> str:
    if not entry.table_name:
        return NOTHING
    return record_name(entry.table_name)


def _changes(view, context, entry: AuditEntry, name):
    if not entry.changes:
        return ""
    screen = view.screen_of(entry.table_name)
    lines = (
        f"<li><b>{escape(_field_label(screen, field))}</b>: "
        f"{escape(_value_label(screen, field, old))} → "
        f"{escape(_value_label(screen, field, new))}</li>"
        for field, (old, new) in entry.changes.items()
    )
    return Markup(f"<ul class='list-unstyled mb-0'>{''.join(lines)}</ul>")


def _field_label(screen, field: str) -> str:
    """The field's label on the screen of its records, else its name."""
    labels = getattr(screen, "column_labels", None) or {}
    return str(labels.get(field) or labels.get(field.removesuffix("_id")) or field)


def _value_label(screen, field: str, value) -> str:
    """A recorded value as that screen shows it: a choice's label, yes or no, ∅ for none."""
    if value is None:
        return "∅"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, list):  # the records of a many-to-many link, by name
        return ", ".join(str(item) for item in value) or "∅"
    if (linked := _linked_record(screen, field, value)) is not None:
        return linked
    chosen = getattr(screen, "_column_choices_map", {}).get(field, {})
    return str(chosen.get(value, value))


def _linked_record(screen, field: str, value) -> str | None:
    """The name of the record a foreign key pointed at (“CPAS d'Aywaille”, not 12)."""
    model = getattr(screen, "model", None)
    if model is None or not field.endswith("_id"):
        return None
    for link in sa_inspect(model).relationships:
        if any(column.key == field for column in link.local_columns):
            record = db.session.get(link.mapper.class_, value)
            # A record deleted since keeps its number: nothing else is known of it.
            return str(record) if record is not None else f"#{value}"
    return None


# --- filters: by user (chosen among those in the log) and by day, in Brussels time ------
class UserFilter(filters.FilterEqual):
    """Entries of one user, chosen among the users the log names."""

    def get_options(self, view):
        if not has_request_context():  # the screen is being built: no database yet
            return []
        names = db.session.scalars(
            select(AuditEntry.username).where(AuditEntry.username.is_not(None)).distinct()
        )
        return [(name, name) for name in sorted(names)]


def _utc_start(day: date) -> datetime:
    """The UTC moment a day starts in the backoffice's time zone."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time(), tzinfo=zone).astimezone(UTC)


class DayFilter(TypedDateFilter, filters.BaseSQLAFilter):
    """Entries of a day (`on`), from a day or until a day included, days as in Brussels."""

    OPERATIONS = {"on": _("on"), "from": _("from"), "until": _("until")}

    def __init__(self, column, name, operation: str):
        self.kind = operation
        super().__init__(column, name)

    def apply(self, query, value: date, alias=None):
        column = self.get_column(alias)
        start, end = _utc_start(value), _utc_start(value + timedelta(days=1))
        if self.kind == "from":
            return query.filter(column >= start)
        if self.kind == "until":
            return query.filter(column < end)
        return query.filter(column >= start, column < end)

    def operation(self):
        return self.OPERATIONS[self.kind]


def _changes_text(view, context, entry: AuditEntry, name) -> str:
    # One line per field in the exports, labelled as on the screen.
    screen = view.screen_of(entry.table_name)
    return "\n".join(
        f"{_field_label(screen, field)}: {_value_label(screen, field, old)} → "
        f"{_value_label(screen, field, new)}"
        for field, (old, new) in (entry.changes or {}).items()
    )


def _record_kinds() -> list[tuple[str, object]]:
    # Read when the filter is shown: every screen has declared its records' names by then.
    return sorted(choices(RECORD_NAMES), key=lambda choice: str(choice[1]))


class AuditEntryView(BackofficeModelView):
    area = "audit"
    menu_category = _("Administration")
    read_only = True
    column_list = ("at", "username", "action", "table_name", "record_label", "changes", "detail")
    column_details_list = (*column_list, "record_id", "address")
    column_searchable_list = ("username", "record_label", "table_name")
    column_filters = (
        UserFilter(AuditEntry.username, _("User")),
        filters.FilterEqual(AuditEntry.action, _("Action"), options=choices(AUDIT_ACTIONS)),
        filters.FilterEqual(AuditEntry.table_name, _("Records"), options=_record_kinds),
        *(DayFilter(AuditEntry.at, _("When"), kind) for kind in DayFilter.OPERATIONS),
    )
    column_default_sort = [("at", True), ("id", True)]
    field_choices = {"action": AUDIT_ACTIONS, "table_name": RECORD_NAMES}
    column_formatters = {
        "at": _when,
        "username": _or_nothing,
        "table_name": _area,
        "record_label": _or_nothing,
        "changes": _changes,
    }
    column_formatters_export = {"changes": _changes_text}

    def _get_filter_groups(self):
        # The users to choose from are those in the log now, not when the screen was built.
        self._refresh_filters_cache()
        return super()._get_filter_groups()

    def screen_of(self, table_name: str | None):
        """The screen of the records of `table_name`, if any."""
        for view in self.admin._views:
            model = getattr(view, "model", None)
            if model is not None and getattr(model, "__tablename__", None) == table_name:
                return view
        return None
