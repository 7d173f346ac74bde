"""Password policy and hashing (argon2id)."""

from __future__ import annotations

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app
from flask_babel import lazy_gettext as _

MIN_LENGTH = 12


def policy_error(password: str) -> str | None:
    """Return why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return str(_("The password must have at least %(n)d characters.", n=MIN_LENGTH))
    return None


def _hasher() -> PasswordHasher:
    return current_app.extensions["password_hasher"]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    """Check a password against a hash; with no hash, spend the same time and fail."""
    hasher = _hasher()
    # An unknown username costs a full check too, so timing does not tell which names exist.
    candidate = password_hash or current_app.extensions["password_dummy_hash"]
    try:
        return hasher.verify(candidate, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def init_app(app: Flask) -> None:
    """Build the hasher from PASSWORD_HASH_PROFILE, a profile name of argon2-cffi."""
    hasher = PasswordHasher.from_parameters(getattr(profiles, app.config["PASSWORD_HASH_PROFILE"]))
    app.extensions["password_hasher"] = hasher
    app.extensions["password_dummy_hash"] = hasher.hash("not the password of anyone")
