"""Creating and changing accounts, for the command line, the admin screen and the demo."""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import func, select

from models import db
from models.accounts import Role, User
from models.network import Organisation

from . import passwords, sessions


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message says why."""


def find(username: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.username) == username.lower()))


def find_organisation(name: str) -> Organisation | None:
    return db.session.scalar(
        select(Organisation).where(
            (func.lower(Organisation.name) == name.lower())
            | (func.lower(Organisation.short_name) == name.lower())
        )
    )


def create(username: str, role: str, password: str, organisation: str | None = None) -> User:
    """Create an active account; partners name their organisation."""
    if find(username):
        raise AccountError(gettext("The username %(name)s is already taken.", name=username))
    if role not in {r.value for r in Role}:
        raise AccountError(gettext("Unknown role: %(role)s.", role=role))
    org = None
    if role == Role.PARTNER:
        if not organisation or (org := find_organisation(organisation)) is None:
            raise AccountError(gettext("A partner account needs an existing organisation."))
    elif organisation:
        raise AccountError(gettext("Only partner accounts belong to an organisation."))
    if error := passwords.policy_error(password, username):
        raise AccountError(error)
    user = User(
        username=username,
        role=role,
        organisation=org,
        password_hash=passwords.hash_password(password),
    )
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user: User, password: str) -> None:
    """Replace a password and end the account's open sessions."""
    if error := passwords.policy_error(password, user.username):
        raise AccountError(error)
    user.password_hash = passwords.hash_password(password)
    sessions.end_all(user)
    db.session.flush()


def deactivate(user: User) -> None:
    """Refuse any further login and end the account's open sessions."""
    user.active = False
    sessions.end_all(user)
    db.session.flush()
