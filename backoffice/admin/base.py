"""The base of every admin screen: access, formats, form checks and safe saving."""

from __future__ import annotations

import logging
from datetime import date, datetime

from flask import flash, redirect, request
from flask_admin import expose
from flask_admin.actions import action
from flask_admin.babel import lazy_gettext as admin_lazy_gettext
from flask_admin.contrib.sqla import ModelView, tools
from flask_admin.contrib.sqla.ajax import QueryAjaxModelLoader
from flask_admin.helpers import is_form_submitted
from flask_admin.model import typefmt
from flask_babel import format_date, format_datetime, gettext, ngettext
from flask_babel import lazy_gettext as _
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField
from wtforms.validators import NumberRange

from models import db
from models.base import dependents
from models.children import OLDEST_AGE
from models.integrity import violation

from .. import parameters
from ..auth import kept_forms
from ..forms import BackofficeForm
from . import guides, icons, naming, once
from .dates import BackofficeFilterConverter, BackofficeModelConverter
from .exporting import ExportingModel, related_loads
from .fields import DeclaredFields, record_name
from .filters import FilterConverter
from .guard import AccessControlledModel
from .search import LiteralFilters, LiteralSearch

log = logging.getLogger(__name__)

LIST_FORMATTERS = {
    **typefmt.BASE_FORMATTERS,
    # Before date, of which datetime is a kind: a moment shows its time, in Brussels time.
    datetime: lambda view, value, name: format_datetime(value, "medium"),
    date: lambda view, value, name: format_date(value, "medium"),
    bool: icons.boolean,  # the page's own icons, with the word for screen readers
}
# Exports keep values typed (numbers, dates, booleans): the export writer formats them.
EXPORT_FORMATTERS: dict = {}

CONSTRAINT_MESSAGES = {
    "unique": _("Another record already has this value."),
    "negative": _("Must be zero or more."),
    "choice": _("Not a valid choice."),
    "foreign_key": _("The chosen record no longer exists."),
    "not_null": _("This field is required."),
    "unit_free": _("This unit is already occupied at these dates."),
    "availability": _("The unit is not available at this date."),
    "covers_stays": _("Stays of this unit would fall outside its availability."),
    "order": _("Must not be before the start date."),
    "capacity": _("Must be at least %(min)s.", min=1),
    "household": _("A stay houses at least one person."),
    "destination": _("Give the destination once the exit date is known."),
    "partner_organisation": _("A partner account needs an organisation; other roles have none."),
    "age_range": _("Must not be below the minimum age."),
    "minor": _("Must be between %(min)s and %(max)s.", min=0, max=OLDEST_AGE),
}


def not_negative(**kwargs) -> dict:
    """Form arguments for a count: zero or more."""
    return {"validators": [NumberRange(min=0, message=_("Must be zero or more."))], **kwargs}


class ListFilters(LiteralFilters, BackofficeFilterConverter, FilterConverter):
    """List filters: text taken literally (`%` and `_` too), dates typed as in the forms,
    whole numbers within what the database holds."""


class RecordLookup(QueryAjaxModelLoader):
    """The look-up behind a searchable choice: a posted id no record can have finds nothing."""

    def get_one(self, pk):
        # PostgreSQL would fail on text or a huge number compared with an integer key.
        record_id = parameters.whole_number(pk)
        return None if record_id is None else super().get_one(record_id)


class BackofficeModelView(
    AccessControlledModel, ExportingModel, LiteralSearch, DeclaredFields, ModelView
):
    """A screen over one model. Subclasses only declare; they decide no access themselves.

    Besides Flask-Admin's attributes, a screen declares its fields as `DeclaredFields`
    says, and `date_order`: the (start, end) pairs of fields whose end may not come
    before the start.
    """

    can_view_details = True
    can_export = True
    export_types = ["csv", "xlsx"]
    can_set_page_size = True
    page_size = 50
    column_display_pk = False
    column_type_formatters = LIST_FORMATTERS
    column_type_formatters_detail = LIST_FORMATTERS
    column_type_formatters_export = EXPORT_FORMATTERS
    # Dates typed as in the page's language, in forms and list filters alike.
    model_form_converter = BackofficeModelConverter
    filter_converter = ListFilters()
    form_base_class = BackofficeForm  # text refuses control characters in every form
    # Fields under headings, with help texts and first values (see guides).
    create_template = "admin/model/backoffice_create.html"
    edit_template = "admin/model/backoffice_edit.html"

    # Loader options of what a list page shows beyond its columns (a count of a collection).
    list_loads: tuple = ()
    date_order: tuple[tuple[str, str], ...] = ()

    def __init__(self, model, name=None, category=None, **kwargs):
        super().__init__(model, db, name=name, category=category, **kwargs)

    def _get_list_value(self, context, model, name, column_formatters, column_type_formatters):
        # Flask-Admin maps a column's choices before it blanks empty values: an empty
        # choice (a stay without destination yet, an account without language) would
        # read "None".
        value = super()._get_list_value(
            context, model, name, column_formatters, column_type_formatters
        )
        return "" if value is None else value

    def _apply_pagination(self, query, page, page_size):
        """Read a page with the related records its columns show through another one
        ("person.organisation") and those the view names (`list_loads`): a statement per
        relation, whatever the page's length."""
        names = [name for name, _label in self._list_columns]
        loads = [*related_loads(self.model, names, hops=2), *self.list_loads]
        return super()._apply_pagination(query, page, page_size).options(*loads)

    def _apply_sorting(self, query, joins, sort_column, sort_desc):
        """Sort as asked, then by id in the same direction: a page holds the same rows on
        every visit, whatever ties the sorted column has (an index on both serves it)."""
        query, joins = super()._apply_sorting(query, joins, sort_column, sort_desc)
        if sort_column is None:
            order = list(self._get_default_order())
            if any(field is self.model.id for field, _joins, _desc in order):
                return query, joins
            sort_desc = bool(order) and order[0][2]
        return query.order_by(self.model.id.desc() if sort_desc else self.model.id), joins

    def _create_ajax_loader(self, name, options):
        related = super()._create_ajax_loader(name, options).model
        return RecordLookup(name, self.session, related, **options)

    # --- form checks that span several fields ---------------------------------------
    def validate_form(self, form) -> bool:
        valid = super().validate_form(form)
        if not is_form_submitted():
            return valid
        for start, end in self.date_order:
            if start in form and end in form and form[start].data and form[end].data:
                if form[end].data < form[start].data:
                    form[end].errors = [*form[end].errors, self._order_message(form, start)]
                    valid = False
        return valid

    @staticmethod
    def _order_message(form, start: str) -> str:
        return gettext("Must not be before “%(start)s”.", start=form[start].label.text)

    # --- two editors: the version the user saw travels in the form ----------------------
    def scaffold_form(self):
        form_class = super().scaffold_form()
        form_class.seen_version = HiddenField()
        setattr(form_class, once.FIELD, HiddenField())
        return form_class

    # --- a create form is saved once, even when sent twice -----------------------------
    def _kept_or(self, form_class, blank, obj):
        """The form as typed before the session expired, if kept (and True); else `blank(obj)`."""
        if kept := kept_forms.take():
            flash(self._kept_message())
            return form_class(kept, obj=obj), True
        return blank(obj), False

    def create_form(self, obj=None):
        form, kept = self._kept_or(self._create_form_class, super().create_form, obj)
        if not form[once.FIELD].data:
            form[once.FIELD].data = once.new_token()
        return guides.guide(form, self.model.__tablename__, creating=not kept)

    @expose("/new/", methods=("GET", "POST"))
    def create_view(self):
        made = None
        if request.method == "POST":
            made = once.record_made_by(request.form.get(once.FIELD), self.model)
        if made is None:
            return naming.named(super().create_view())
        flash(self._already_saved_message(), "info")
        return redirect(self.get_url(".details_view", id=made))

    @staticmethod
    def _kept_message() -> str:
        return gettext("What you typed before your session expired is back: check it, then save.")

    @staticmethod
    def _already_saved_message() -> str:
        return gettext("This form had already been saved: here is the record, saved once.")

    @expose("/edit/", methods=("GET", "POST"))
    def edit_view(self):
        return naming.named(super().edit_view())

    @expose("/delete/", methods=("POST",))
    def delete_view(self):
        return naming.named(super().delete_view())

    @expose("/dependents/")
    def dependents_view(self):
        return naming.dependents_answer(self)

    def edit_form(self, obj=None):
        form, _kept = self._kept_or(self._edit_form_class, super().edit_form, obj)
        if obj is not None and not form.seen_version.data:
            form.seen_version.data = obj.version
        return guides.guide(form, self.model.__tablename__, creating=False)

    def form_sections(self, form) -> list:
        """The form's fields under their headings, for the create and edit templates."""
        return guides.sections(self.model.__tablename__, form)

    def _changed_meanwhile(self, form, model) -> bool:
        seen = getattr(form, "seen_version", None)
        return bool(seen and seen.data) and str(model.version) != str(seen.data)

    # --- saving: a refused write becomes a message, never a crash --------------------
    def create_model(self, form):
        model = self.build_new_instance()
        return model if self._save(form, model, is_created=True) else False

    def update_model(self, form, model) -> bool:
        if self._changed_meanwhile(form, model):
            # Saving would silently undo the other person's change: show it instead.
            flash(self._conflict_message(), "error")
            return False
        return self._save(form, model, is_created=False)

    @staticmethod
    def _conflict_message() -> str:
        return gettext("Someone else changed this record meanwhile. Reload it and try again.")

    def _save(self, form, model, is_created: bool) -> bool:
        try:
            form.populate_obj(model)
            if is_created:
                db.session.add(model)
            self._on_model_change(form, model, is_created)
            if is_created:
                once.remember(form[once.FIELD].data, model)
            db.session.commit()
        except IntegrityError as exc:
            db.session.rollback()
            if is_created and once.record_made_by(form[once.FIELD].data, self.model):
                # The same form, sent twice at once: the other request saved it.
                flash(self._already_saved_message(), "info")
                return False
            self._report_violation(form, exc)
            return False
        except StaleDataError:
            db.session.rollback()
            flash(self._conflict_message(), "error")
            return False
        except SQLAlchemyError:
            db.session.rollback()
            log.exception("Saving %s failed", self.model.__name__)
            flash(gettext("The record could not be saved."), "error")
            return False
        naming.remember(model, "created" if is_created else "saved")
        self.after_model_change(form, model, is_created)
        return True

    def _report_violation(self, form, exc: IntegrityError) -> None:
        found = violation(self.model.metadata, exc)
        message = str(CONSTRAINT_MESSAGES.get(found.rule or found.kind, ""))
        for column in found.columns:
            name = column.removesuffix("_id") if column not in form else column
            if name in form:
                form[name].errors = [*form[name].errors, message or gettext("Invalid value.")]
                return
        flash(
            message or gettext("The record could not be saved: it conflicts with other records."),
            "error",
        )

    # --- deleting: refused, with an explanation, while other records depend on it ----
    def delete_model(self, model) -> bool:
        blocking = dependents(db.session, model)
        if blocking:
            flash(self._dependents_message(model, blocking), "error")
            return False
        naming.remember(model, "deleted")  # named while it still exists
        try:
            self.on_model_delete(model)
            db.session.delete(model)
            db.session.commit()
        except SQLAlchemyError:
            db.session.rollback()
            log.exception("Deleting %s failed", self.model.__name__)
            flash(gettext("The record could not be deleted."), "error")
            return False
        self.after_model_delete(model)
        return True

    @staticmethod
    def _dependents_message(model, blocking: dict[str, int]) -> str:
        parts = ", ".join(f"{count} × {record_name(table)}" for table, count in blocking.items())
        return gettext(
            "“%(record)s” cannot be deleted: other records refer to it (%(dependents)s). "
            "Delete or change those first, or archive it.",
            record=str(model),
            dependents=parts,
        )

    @action(
        "delete",
        admin_lazy_gettext("Delete"),
        admin_lazy_gettext("Are you sure you want to delete selected records?"),
    )
    def action_delete(self, ids) -> None:
        # Row ids arrive as text; PostgreSQL (psycopg 3) refuses to compare them with integer
        # keys, so they are converted first, and ids no key can hold are dropped. Each record
        # goes through delete_model, which explains refusals and leaves an audit entry; only
        # real deletions are counted.
        record_ids = [i for i in map(parameters.whole_number, ids) if i is not None]
        records = tools.get_query_for_ids(self.get_query(), self.model, record_ids).all()
        deleted = sum(1 for record in records if self.delete_model(record))
        if deleted:
            flash(ngettext("%(num)d record deleted.", "%(num)d records deleted.", deleted))

    def handle_view_exception(self, exc: Exception) -> bool:
        # Flask-Admin would flash the raw database error, which can show stored values.
        if isinstance(exc, SQLAlchemyError):
            db.session.rollback()
            log.exception("Database error in %s", self.model.__name__)
            flash(gettext("The operation failed because of a database error."), "error")
            return True
        return super().handle_view_exception(exc)
