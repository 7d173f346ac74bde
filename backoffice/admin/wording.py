"""Flask-Admin's own strings, worded by the backoffice where its shipped catalogues fail.

Flask-Admin translates its chrome through a domain of its own, whose catalogues have
mistakes ("Datenzatz löschen", "Créer Nouvel Enregistrement", "Filtres réinitialisés")
and words meant for developers ("Please select model"). For the strings below, the
backoffice's catalogue wins: Flask-Admin's lookup is asked to try it first.
"""

from __future__ import annotations

from babel import support
from flask_admin import babel as admin_babel
from flask_babel import lazy_gettext as _

# Flask-Admin's msgid → the backoffice's wording of it (translated in its own catalogue).
WORDING = {
    "Please select model": _("Choose…"),
    "Create New Record": _("Create a record"),
    "Edit Record": _("Edit the record"),
    "View Record": _("View the record"),
    "Delete Record": _("Delete the record"),
    "Edit": _("Edit"),
    "Reset Filters": _("Reset the filters"),
    "items": _("rows"),
    "Search": _("Search"),
    "Apply": _("Apply"),
    "No": _("No"),
    "Failed to create record.": _("The record was not created."),
    "Failed to save record.": _("The record was not saved."),
    "Record does not exist.": _("This record does not exist."),
    "Record was successfully created.": _("The record was created."),
    "Record was successfully saved.": _("The record was saved."),
    "Are you sure you want to delete this record?": _("Delete this record?"),
    "Are you sure you want to delete selected records?": _("Delete the selected records?"),
}


class BackofficeFirst:
    """Flask-Admin's catalogue of the request's language, with the backoffice's wording first."""

    def __init__(self, shipped: support.NullTranslations) -> None:
        self.shipped = shipped

    def ugettext(self, message: str) -> str:
        if message in WORDING:
            return str(WORDING[message])
        return self.shipped.ugettext(message)

    gettext = ugettext

    def __getattr__(self, name: str):
        return getattr(self.shipped, name)  # plurals, contexts: as Flask-Admin ships them


def prefer_backoffice_wording() -> None:
    """Make Flask-Admin's translation lookup try the backoffice's wording first."""
    domain = admin_babel.domain
    if "get_translations" in vars(domain):
        return  # already done, for an earlier app
    shipped = type(domain).get_translations
    # Every gettext of Flask-Admin (templates, widgets, lazy labels) asks the domain
    # instance for its catalogue; answering here covers them all.
    domain.get_translations = lambda: BackofficeFirst(shipped(domain))
