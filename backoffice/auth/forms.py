"""Forms of the login and password pages."""

from flask_babel import lazy_gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import EqualTo, InputRequired, Length, ValidationError

from .passwords import policy_error


class LoginForm(FlaskForm):
    username = StringField(_("Username"), validators=[InputRequired(), Length(max=80)])
    password = PasswordField(_("Password"), validators=[InputRequired(), Length(max=200)])


def _policy(form, field) -> None:
    if error := policy_error(field.data or "", current_user.username):
        raise ValidationError(error)


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_("Current password"), validators=[InputRequired()])
    new = PasswordField(_("New password"), validators=[InputRequired(), _policy, Length(max=200)])
    confirm = PasswordField(
        _("New password again"),
        validators=[InputRequired(), EqualTo("new", message=_("The two passwords differ."))],
    )
