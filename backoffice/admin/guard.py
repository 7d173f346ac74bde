"""Access control of every admin page, asked of `backoffice.access` and nowhere else.

Flask-Admin opens every view to everyone by default, checks `can_edit` neither on its
inline-edit endpoint nor on lookups, and filters only the list by `get_query`. This mixin
closes each of those doors; every admin view of the backoffice inherits it.
"""

from __future__ import annotations

from flask import abort, has_request_context

from models import db

from .. import access, parameters

# Exposed Flask-Admin endpoints that change data or serve forms (and what a delete would
# meet); all others only read.
EDITING_ENDPOINTS = frozenset(
    {
        "create_view",
        "edit_view",
        "delete_view",
        "dependents_view",
        "action_view",
        "ajax_lookup",
        "ajax_update",
    }
)

# What a model view must also allow for those endpoints (a log is never edited, accounts
# are never deleted): refused with 403 rather than Flask-Admin's silent redirect.
CAPABILITIES = {
    "create_view": "can_create",
    "edit_view": "can_edit",
    "ajax_update": "can_edit",
    "delete_view": "can_delete",
    "dependents_view": "can_delete",
}


class AccessControlled:
    """Ask `access` for every request to a view; refuse and log when it says no."""

    # The area of "who sees what" this page belongs to; None is unreachable.
    area: str | None = None
    # The endpoints that need the right to edit the area; all others need the right to view.
    editing_endpoints: frozenset[str] = EDITING_ENDPOINTS

    def is_accessible(self) -> bool:
        return access.allowed(self.area, access.VIEW)

    def _handle_view(self, name, **kwargs):
        needed = access.EDIT if name in self.editing_endpoints else access.VIEW
        capability = CAPABILITIES.get(name)
        if not access.allowed(self.area, needed) or (
            capability and not getattr(self, capability, False)
        ):
            return self.inaccessible_callback(name, **kwargs)
        return super()._handle_view(name, **kwargs)

    def inaccessible_callback(self, name, **kwargs):
        return access.refuse()


class ForReader:
    """A column list Flask-Admin caches per view at start-up, cut for each request's reader.

    Flask-Admin computes its list, details, export, sort and search columns once; reading
    them through this descriptor leaves out what `access.hidden_columns` hides from the user.
    """

    def __set_name__(self, owner, name: str) -> None:
        self.stored = f"_all{name}"

    def __get__(self, view, owner=None):
        if view is None:
            return self
        columns = view.__dict__.get(self.stored)
        if columns is None or not has_request_context():
            return columns
        hidden = access.hidden_columns(view.model.__tablename__)
        if not hidden:
            return columns
        if isinstance(columns, dict):  # sortable: name -> column
            return {name: column for name, column in columns.items() if name not in hidden}
        # (name, label) pairs, or (column attribute, joins) for searches
        return [item for item in columns if getattr(item[0], "key", item[0]) not in hidden]

    def __set__(self, view, columns) -> None:
        view.__dict__[self.stored] = columns


class AccessControlledModel(AccessControlled):
    """Model views: actions follow the role, and row filters bind every query, not just the list."""

    _list_columns = ForReader()
    _details_columns = ForReader()
    _export_columns = ForReader()
    _sortable_columns = ForReader()
    _search_fields = ForReader()

    # A log or other record nobody may change through the backoffice.
    read_only = False
    # Records that are deactivated rather than deleted.
    allow_delete = True

    @property
    def can_create(self) -> bool:
        return not self.read_only and access.allowed(self.area, access.EDIT)

    @property
    def can_edit(self) -> bool:
        return not self.read_only and access.allowed(self.area, access.EDIT)

    @property
    def can_delete(self) -> bool:
        return self.allow_delete and self.can_edit

    def _restrict(self, query):
        condition = access.row_filter(self.area, self.model)
        return query if condition is None else query.filter(condition)

    def get_query(self):
        return self._restrict(super().get_query())

    def get_count_query(self):
        return self._restrict(super().get_count_query())

    def get_one(self, id):
        # Flask-Admin loads by primary key, around the list's filter: go through the
        # restricted query so that guessing an id in a URL finds nothing. An id no record
        # can have (in a URL or posted by a delete) is a missing page, not a database error.
        # A record the reader may not see is answered like one that does not exist ("Record
        # does not exist"), so that the answer does not tell which ids exist; the refusal
        # is logged.
        record_id = parameters.whole_number(id)
        if record_id is None:
            abort(404)
        record = self.get_query().filter(self.model.id == record_id).one_or_none()
        if record is None and db.session.get(self.model, record_id) is not None:
            access.log_refusal(table_name=self.model.__tablename__, record_id=record_id)
        return record
