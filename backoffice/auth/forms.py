"""Forms of the login and password pages."""

from flask_babel import lazy_gettext as _
from flask_login import current_user
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, ValidationError

from ..forms import SiteForm, strip_control_characters
from .passwords import policy_error


class LoginForm(SiteForm):
    # Stripped, not refused: what is checked, throttled and logged is the name without them.
    username = StringField(
        _("Username"),
        validators=[DataRequired(), Length(max=80)],
        filters=[strip_control_characters],
    )
    password = PasswordField(_("Password"), validators=[InputRequired(), Length(max=200)])


def _policy(form, field) -> None:
    if error := policy_error(field.data or "", current_user.username):
        raise ValidationError(error)


class PasswordChangeForm(SiteForm):
    current = PasswordField(_("Current password"), validators=[InputRequired()])
    new = PasswordField(_("New password"), validators=[InputRequired(), _policy, Length(max=200)])
    confirm = PasswordField(
        _("New password again"),
        validators=[InputRequired(), EqualTo("new", message=_("The two passwords differ."))],
    )
