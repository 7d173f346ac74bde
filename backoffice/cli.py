"""Command-line groups: `flask users ...` and `flask demo ...`. Bodies call domain functions.

Each command is one transaction: committed when it ends without error, rolled back otherwise.
"""

from __future__ import annotations

import functools
import secrets
import sys

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import gettext
from sqlalchemy import select

from models import db
from models.accounts import Role, User

from .auth import accounts
from .backup import commands as backup_commands


class Commands(AppGroup):
    """A group whose every command commits what it wrote when it ends without error."""

    def command(self, *args, **kwargs):
        register = super().command(*args, **kwargs)

        def decorator(callback):
            @functools.wraps(callback)
            def committed(*call_args, **call_kwargs):
                try:
                    result = callback(*call_args, **call_kwargs)
                except BaseException:
                    db.session.rollback()
                    raise
                db.session.commit()
                return result

            return register(committed)

        return decorator


users = Commands("users", help="User accounts.")
demo = Commands("demo", help="Demonstration data.")


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return click.prompt(gettext("Password"), hide_input=True, confirmation_prompt=True)


def _fail(message: str) -> None:
    raise click.ClickException(message)


def _existing(username: str) -> User:
    user = accounts.find(username)
    if user is None:
        _fail(gettext("No account named %(name)s.", name=username))
    return user


@users.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--organisation", help="Name or short name of a partner's organisation.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def create_user(username: str, role: str, organisation: str | None, password_stdin: bool) -> None:
    """Create an account."""
    try:
        accounts.create(username, role, _read_password(password_stdin), organisation)
    except accounts.AccountError as error:
        _fail(str(error))
    click.echo(gettext("Account %(name)s created.", name=username))


@users.command("set-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
def set_password(username: str, password_stdin: bool) -> None:
    """Set a new password for an account and end its sessions."""
    user = _existing(username)
    try:
        accounts.set_password(user, _read_password(password_stdin))
    except accounts.AccountError as error:
        _fail(str(error))
    click.echo(gettext("Password of %(name)s changed.", name=username))


@users.command("deactivate")
@click.argument("username")
def deactivate(username: str) -> None:
    """Deactivate an account: no more logins, open sessions ended."""
    accounts.deactivate(_existing(username))
    click.echo(gettext("Account %(name)s deactivated.", name=username))


@users.command("list")
def list_users() -> None:
    """List the accounts."""
    for user in db.session.scalars(select(User).order_by(User.username)):
        state = gettext("active") if user.active else gettext("inactive")
        org = f" ({user.organisation})" if user.organisation else ""
        click.echo(f"{user.username}\t{user.role}{org}\t{state}")


# One demo account per role; the partner belongs to GREOVA, whose agreement it may read.
DEMO_ACCOUNTS = (
    ("admin", Role.ADMINISTRATOR, None),
    ("secretariat", Role.SECRETARIAT, None),
    ("coordinator", Role.COORDINATOR, None),
    ("partner", Role.PARTNER, "GREOVA"),
)


@demo.command("load")
@click.option(
    "--if-empty", is_flag=True, help="On a database that holds records, say so and succeed."
)
def load_demo(if_empty: bool) -> None:
    """Load the fictional demo network and its demo accounts into an empty database."""
    from . import demo as demo_data

    if demo_data.is_loaded():
        click.echo(gettext("Demo data already present: nothing done."))
        return
    if demo_data.holds_records():
        # Demo people and demo accounts (an administrator among them) must never mix
        # with a network's real data.
        message = gettext(
            "The database already holds records or accounts: demo data not loaded, "
            "so that it never mixes with real data."
        )
        if if_empty:
            click.echo(message)
            return
        _fail(message)
    demo_data.load()
    click.echo(gettext("Demo data loaded. Demo accounts (the passwords are shown only once):"))
    for username, role, organisation in DEMO_ACCOUNTS:
        if accounts.find(username):
            continue
        password = secrets.token_urlsafe(12)
        accounts.create(username, role, password, organisation)
        click.echo(f"  {username:<12} {password}   ({role})")


def init_app(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(demo)
    backup_commands.init_app(app)
