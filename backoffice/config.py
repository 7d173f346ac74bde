"""Configuration: defaults, then the environment, then a test mapping (in create_app)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from flask_babel import LazyString
from flask_babel import lazy_gettext as _


@dataclass(frozen=True)
class Language:
    """A language the backoffice speaks."""

    name: LazyString  # in the reader's language
    own_name: str  # in itself: a language is offered so, whatever the page's language
    # Short dates as typed by hand in Belgium: day, month, year (31/12/2026, 31.12.2026).
    date_separator: str = "/"


# The languages of the backoffice, the default first. English is the language of the code:
# it has no catalogue (see README, Languages); its dates are written as in French and Dutch.
LANGUAGES = {
    "fr": Language(_("French"), "Français"),
    "nl": Language(_("Dutch"), "Nederlands"),
    "de": Language(_("German"), "Deutsch", date_separator="."),
    "en": Language(_("English"), "English"),
}
DEFAULT_LANGUAGE = "fr"
SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)


def language(locale: str) -> Language:
    """The language of `locale` ("de", "de_BE"), or the default language."""
    return LANGUAGES.get(locale.split("_")[0], LANGUAGES[DEFAULT_LANGUAGE])


# Every engine checks its connections before use (the database may have restarted) and
# keeps SQL parameter values out of error messages: they would carry victims' data to logs.
ENGINE_OPTIONS = {"pool_pre_ping": True, "hide_parameters": True}


def database_url(instance_path: str) -> str:
    """Return the database URL: DATABASE_URL, or a SQLite file in the instance folder."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{Path(instance_path) / 'backoffice.sqlite3'}"
    return normalise_database_url(url)


def normalise_database_url(url: str) -> str:
    """Point PostgreSQL URLs at the psycopg 3 driver the backoffice installs."""
    # Hosting platforms hand out postgres:// URLs; the psycopg 3 driver needs its own prefix.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key(instance_path: str) -> str:
    """Return SECRET_KEY from the environment, or one generated once in the instance folder."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Created readable by its owner only: the key signs every session cookie.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip()


def defaults(instance_path: str) -> dict:
    """Return the settings every deployment starts from."""
    return {
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": ENGINE_OPTIONS,
        "BABEL_DEFAULT_LOCALE": DEFAULT_LANGUAGE,
        "BABEL_DEFAULT_TIMEZONE": "Europe/Brussels",
        "LANGUAGES": tuple(LANGUAGES),
        # Raw database errors can show stored values: Flask-Admin must not flash them.
        "FLASK_ADMIN_RAISE_ON_INTEGRITY_ERROR": False,
        "FLASK_ADMIN_SWATCH": "default",
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        # A form's CSRF token lasts as long as the browser's session, not an hour: a form
        # filled slowly is refused only when the session itself has ended.
        "WTF_CSRF_TIME_LIMIT": None,
        # Sessions: ended after 30 idle minutes; cookies unreadable by scripts, not sent
        # cross-site, and only over HTTPS when the deployment says it has HTTPS.
        "SESSION_IDLE_MINUTES": int(os.environ.get("SESSION_IDLE_MINUTES", "30")),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("HTTPS", "").lower() in ("1", "true", "yes"),
        # argon2id with the parameters RFC 9106 recommends for memory-constrained servers.
        "PASSWORD_HASH_PROFILE": "RFC_9106_LOW_MEMORY",
        "LOGIN_MAX_FAILURES": 5,
        "LOGIN_LOCK_MINUTES": 15,
        # Behind a reverse proxy: how many proxies set X-Forwarded-For/-Proto/-Host. None is
        # trusted unless said, or anyone could pose as any address to the login throttle.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
    }
