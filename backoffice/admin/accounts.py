"""The administrator's screen of user accounts."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _
from wtforms import PasswordField
from wtforms.validators import Optional, ValidationError

from models.accounts import Role, User

from ..auth import passwords, sessions
from ..config import LANGUAGES
from .base import BackofficeModelView
from .network import ORGANISATION_LOOKUP

ROLES = {
    Role.ADMINISTRATOR: _("Administrator"),
    Role.SECRETARIAT: _("Secretariat"),
    Role.COORDINATOR: _("Coordinator"),
    Role.PARTNER: _("Partner (read only)"),
}


def _password_policy(form, field) -> None:
    if field.data and (error := passwords.policy_error(field.data, form.username.data)):
        raise ValidationError(error)


class UserView(BackofficeModelView):
    area = "accounts"
    menu_category = _("Administration")
    record_names = {"user_account": _("user accounts")}
    # Accounts are deactivated, never deleted: the audit log keeps naming them.
    allow_delete = False
    column_list = ("username", "role", "organisation", "language", "active", "last_login_at")
    column_details_list = (*column_list, "created_at")
    column_searchable_list = ("username",)
    column_filters = ("role", "active", "organisation")
    column_default_sort = "username"
    field_choices = {
        "role": ROLES,
        "language": {code: language.name for code, language in LANGUAGES.items()},
    }
    # No language chosen: the account follows the browser's.
    column_formatters = {"language": lambda view, context, user, name: user.language or "–"}
    column_labels = {"new_password": _("New password")}
    form_columns = ("username", "role", "organisation", "language", "active", "new_password")
    form_extra_fields = {
        "new_password": PasswordField(
            _("New password"),
            validators=[Optional(), _password_policy],
            description=_("Leave empty to keep the current password."),
        )
    }
    form_ajax_refs = {"organisation": ORGANISATION_LOOKUP}

    def validate_form(self, form) -> bool:
        valid = super().validate_form(form)
        if "role" not in form or not valid:
            return valid
        is_partner = form.role.data == Role.PARTNER
        if is_partner != bool(form.organisation.data):
            form.organisation.errors = [
                gettext("A partner account needs an organisation; other roles have none.")
            ]
            return False
        if self._creating() and not form.new_password.data:
            form.new_password.errors = [gettext("A new account needs a password.")]
            return False
        return True

    @staticmethod
    def _creating() -> bool:
        from flask import request

        return request.endpoint.endswith(".create_view")

    def on_model_change(self, form, model: User, is_created: bool) -> None:
        if form.new_password.data:
            model.password_hash = passwords.hash_password(form.new_password.data)
            if not is_created:
                sessions.end_all(model)
        if not model.active:
            sessions.end_all(model)
