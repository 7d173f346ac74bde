"""The audit log screen: read by the administrator and the coordinator, changed by nobody."""

from flask_babel import lazy_gettext as _
from markupsafe import Markup, escape

from models.audit import AuditEntry

from ..labels import AUDIT_ACTIONS, TABLE_LABELS, choices
from .base import BackofficeModelView


def _changes(view, context, entry: AuditEntry, name):
    if not entry.changes:
        return ""
    lines = (
        f"<li><b>{escape(field)}</b>: {escape(old if old is not None else '∅')} → "
        f"{escape(new if new is not None else '∅')}</li>"
        for field, (old, new) in entry.changes.items()
    )
    return Markup(f"<ul class='list-unstyled mb-0'>{''.join(lines)}</ul>")


def _changes_text(view, context, entry: AuditEntry, name) -> str:
    # One line per field in the exports, as on the screen.
    return "\n".join(
        f"{field}: {old if old is not None else '∅'} → {new if new is not None else '∅'}"
        for field, (old, new) in (entry.changes or {}).items()
    )


class AuditEntryView(BackofficeModelView):
    area = "audit"
    read_only = True
    column_list = ("at", "username", "action", "table_name", "record_label", "changes", "detail")
    column_details_list = (*column_list, "record_id", "address")
    column_export_list = column_details_list
    column_searchable_list = ("username", "record_label", "table_name")
    column_filters = ("at", "username", "action", "table_name")
    column_default_sort = ("at", True)
    column_choices = {"action": choices(AUDIT_ACTIONS), "table_name": choices(TABLE_LABELS)}
    column_formatters = {"changes": _changes}
    column_formatters_export = {"changes": _changes_text}
    column_labels = {
        "at": _("When (UTC)"),
        "username": _("User"),
        "action": _("Action"),
        "table_name": _("Records"),
        "record_id": _("Record id"),
        "record_label": _("Record"),
        "changes": _("Changes"),
        "detail": _("Detail"),
        "address": _("Address (IP)"),
    }
