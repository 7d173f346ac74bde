"""Screens of the common intervention protocols and their signatories."""

from flask_admin.contrib.sqla import tools
from flask_admin.contrib.sqla.filters import BaseSQLAFilter
from flask_babel import lazy_gettext as _

from models.network import Organisation
from models.protocols import InterventionProtocol

from .base import BackofficeModelView
from .network import ORGANISATION_LOOKUP


class SignedByFilter(BaseSQLAFilter):
    """Keep the protocols signed by an organisation whose name contains the text."""

    def __init__(self, name: str) -> None:
        super().__init__(InterventionProtocol.id, name)

    def apply(self, query, value, alias=None):
        term = tools.parse_like_term(value)
        # EXISTS rather than a join: a protocol is listed once however many signatories match.
        return query.filter(
            InterventionProtocol.signatories.any(
                Organisation.name.ilike(term) | Organisation.short_name.ilike(term)
            )
        )

    def operation(self):
        return _("contains")


def _signatory_names(view, context, model, name) -> str:
    return ", ".join(str(organisation) for organisation in model.signatories)


class InterventionProtocolView(BackofficeModelView):
    area = "protocols"
    menu_category = _("Protocols")
    record_names = {
        "intervention_protocol": _("intervention protocols"),
        "protocol_signatory": _("intervention protocol signatures"),
    }
    column_list = ("title", "revision", "adopted_on", "signatories")
    column_details_list = (
        "title",
        "revision",
        "adopted_on",
        "signatories",
        "summary",
        "document_reference",
    )
    column_searchable_list = ("title", "revision")
    column_filters = ("title", "adopted_on", SignedByFilter(_("Signed by")))
    column_default_sort = [("title", False), ("revision", True)]
    # The list counts the signatories; details and exports name them.
    column_formatters = {"signatories": lambda v, c, m, n: len(m.signatories)}
    column_formatters_detail = {"signatories": _signatory_names}
    column_formatters_export = {"signatories": _signatory_names}
    form_columns = column_details_list
    form_args = {
        "revision": {"description": _("For example 1.0; a revised protocol gets a new version.")},
        "document_reference": {
            "description": _("Where the signed original is kept, e.g. a binder or a shared folder.")
        },
    }
    form_ajax_refs = {"signatories": ORGANISATION_LOOKUP}


def add_views(admin) -> None:
    """Add this area's screens to the admin, in menu order."""
    admin.add_view(InterventionProtocolView(InterventionProtocol, _("Intervention protocols")))
