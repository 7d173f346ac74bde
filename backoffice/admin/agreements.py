"""Screens of the agreements the network signs with its partners."""

from datetime import date

from flask_admin.contrib.sqla.filters import BaseSQLAFilter
from flask_babel import lazy_gettext as _

from models.agreements import Agreement, AgreementKind, AgreementStatus

from .base import BackofficeModelView
from .fields import choices
from .network import ORGANISATION_LOOKUP

AGREEMENT_KINDS = {
    AgreementKind.PARTNERSHIP: _("Partnership agreement"),
    AgreementKind.COLLABORATION: _("Collaboration agreement"),
    AgreementKind.HOUSING_PROVISION: _("Provision of housing"),
    AgreementKind.SERVICE: _("Service agreement"),
    AgreementKind.OTHER: _("Other"),
}

AGREEMENT_STATUSES = {
    AgreementStatus.UPCOMING: _("Upcoming"),
    AgreementStatus.ACTIVE: _("In force"),
    AgreementStatus.ENDED: _("Expired"),
}


class AgreementStatusFilter(BaseSQLAFilter):
    """Keep the agreements that are upcoming, in force or expired today."""

    def __init__(self, name: str) -> None:
        super().__init__(Agreement.valid_from, name, options=choices(AGREEMENT_STATUSES))

    def validate(self, value: str) -> bool:
        return value in set(AgreementStatus)

    def apply(self, query, value, alias=None):
        return query.filter(Agreement.in_status(value, date.today()))

    def operation(self):
        return _("is")


def _status(view, context, model, name) -> str:
    return str(AGREEMENT_STATUSES[model.status(date.today())])


class AgreementView(BackofficeModelView):
    area = "agreements"
    menu_category = _("Agreements")
    record_names = {"agreement": _("agreements")}
    column_list = ("organisation", "kind", "title", "valid_from", "valid_until", "status")
    column_details_list = (
        "organisation",
        "kind",
        "title",
        "reference",
        "signed_on",
        "valid_from",
        "valid_until",
        "status",
        "document_reference",
        "notes",
    )
    column_searchable_list = ("title", "reference", "organisation.name", "organisation.short_name")
    column_filters = (
        "kind",
        AgreementStatusFilter(_("Status")),
        "organisation.name",
        "organisation.municipality.name",
        "valid_from",
        "valid_until",
        "signed_on",
    )
    column_default_sort = ("valid_from", True)
    column_sortable_list = (
        "organisation",
        "kind",
        "title",
        "valid_from",
        "valid_until",
    )
    field_choices = {"kind": AGREEMENT_KINDS}
    column_formatters = {"status": _status}
    column_labels = {
        "organisation.municipality.name": _("Organisation's municipality"),
        "status": _("Status"),
    }
    # The status follows from the dates: nobody sets it.
    form_columns = tuple(name for name in column_details_list if name != "status")
    form_args = {
        "valid_until": {"description": _("Leave empty for an open-ended agreement.")},
        "document_reference": {
            "description": _("Where the signed original is kept, e.g. a binder or a shared folder.")
        },
    }
    form_ajax_refs = {"organisation": ORGANISATION_LOOKUP}
    date_order = (("valid_from", "valid_until"),)


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(AgreementView(Agreement, _("Agreements")))
