"""The admin: one fresh Flask-Admin per app, with the screens of every domain area."""

from flask import Flask
from flask_admin import Admin
from flask_admin.menu import MenuLink
from flask_admin.theme import Bootstrap4Theme
from flask_babel import lazy_gettext as _

from models.accounts import User
from models.audit import AuditEntry

from ..security import csp_nonce
from . import agreements, awareness, children, housing, network, protocols, training
from .accounts import UserView
from .audit import AuditEntryView
from .home import HomeView
from .report import ReportView
from .wording import prefer_backoffice_wording

# Menu order: the network first, then the five axes of the action plan.
DOMAIN_AREAS = (network, agreements, housing, children, training, awareness, protocols)


def init_admin(app: Flask) -> Admin:
    """Build the admin for `app` and add every area's screens."""
    prefer_backoffice_wording()
    admin = Admin(
        app,
        name=_("STOPP VIF"),
        theme=Bootstrap4Theme(base_template="backoffice_master.html", fluid=True),
        index_view=HomeView(name=_("Dashboard"), url="/admin"),
        csp_nonce_generator=csp_nonce,
    )
    admin.add_view(ReportView(name=_("Yearly report"), endpoint="report"))
    for area in DOMAIN_AREAS:
        area.add_views(admin)
    admin.add_link(
        MenuLink(
            name=_("Network overview"),
            endpoint="overview.index",
            category=network.NetworkView.menu_category,
        )
    )
    admin.add_view(UserView(User, _("User accounts")))
    admin.add_view(AuditEntryView(AuditEntry, _("Audit log")))
    return admin
