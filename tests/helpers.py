"""What tests share besides fixtures: a browser, accounts, logging in the way a person does."""

from __future__ import annotations

from flask.testing import FlaskClient

from backoffice.auth import passwords
from models import db
from models.accounts import User


class FreshContextClient(FlaskClient):
    """A browser whose every request runs in its own app context, as in production.

    Tests run inside an app context of their own; without this, requests would share it,
    and with it the database session and `g` (where the logged-in user is cached).
    """

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        db.session.expire_all()  # the test's own session sees what the request wrote
        return response


PASSWORD = "correct horse battery staple"
_password_hash: list[str] = []


def _hash() -> str:
    # Hashing costs tens of milliseconds by design: do it once for the whole run.
    if not _password_hash:
        _password_hash.append(passwords.hash_password(PASSWORD))
    return _password_hash[0]


def make_user(username: str, role: str, organisation=None) -> User:
    user = User(username=username, role=role, organisation=organisation, password_hash=_hash())
    db.session.add(user)
    db.session.commit()
    return user


def login(client, username: str, password: str = PASSWORD, next_url: str | None = None):
    query = f"?next={next_url}" if next_url else ""
    return client.post(f"/login{query}", data={"username": username, "password": password})


def organisation_writes(name: str) -> list[tuple[str, dict]]:
    """(path, form) of every way to change an organisation `{org}` through its screen:
    create one named `name`, rename it `name`, delete it, delete it from the list."""
    return [
        ("/admin/organisation/new/", {"name": name, "kind": "association"}),
        ("/admin/organisation/edit/?id={org}", {"name": name, "kind": "association"}),
        ("/admin/organisation/delete/", {"id": "{org}"}),
        ("/admin/organisation/action/", {"action": "delete", "rowid": "{org}"}),
    ]


def not_shown(text: str, *phrases: str) -> list[str]:
    """Those of `phrases` that `text` does not hold: none when every one is shown."""
    return [phrase for phrase in phrases if phrase not in text]
