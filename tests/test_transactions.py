"""One owner per transaction: functions write, the request or the command commits."""

from __future__ import annotations

import click
from sqlalchemy import func, select

from backoffice import audit, create_app
from backoffice.auth import gate
from backoffice.cli import Commands
from models import db
from models.accounts import LoginAttempt, User
from models.audit import AuditAction, AuditEntry
from tests.helpers import login


def committed(model) -> int:
    """Count the rows another connection sees: only what was committed."""
    with db.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(model))


def test_a_refused_page_keeps_its_audit_entry(as_role):
    partner = as_role("partner")
    assert partner.get("/admin/housingstay/").status_code == 403
    assert committed(AuditEntry) >= 1
    denied = db.session.scalars(
        select(AuditEntry).where(AuditEntry.action == AuditAction.DENIED)
    ).one()
    assert denied.detail == "GET /admin/housingstay/"


def test_failed_and_throttled_logins_are_kept(anonymous, users):
    for _ in range(5):
        assert login(anonymous, "coordinator", password="wrong password").status_code == 401
    assert login(anonymous, "coordinator").status_code == 429
    assert committed(LoginAttempt) == 5
    failed = db.session.scalars(
        select(AuditEntry)
        .where(AuditEntry.action == AuditAction.LOGIN_FAILED)
        .order_by(AuditEntry.id)
    ).all()
    assert [entry.detail for entry in failed] == [None] * 5 + ["locked"]


def test_a_request_that_fails_writes_nothing(app):
    # An application of its own, to add a page that writes and then fails.
    failing = create_app({**app.config, "TESTING": False, "PROPAGATE_EXCEPTIONS": False})

    failing.before_request_funcs[None].remove(gate)  # no account needed for this page

    @failing.get("/fails")
    def fails():
        audit.record_event(AuditAction.EXPORT, detail="half done")
        raise RuntimeError("broken after writing")

    with failing.app_context():
        try:
            response = failing.test_client().get("/fails")
        finally:
            db.session.remove()
            db.engine.dispose()  # its own connections, closed before the test ends
    assert response.status_code == 500
    assert committed(AuditEntry) == 0


def test_a_command_commits_when_it_succeeds_and_writes_nothing_when_it_fails(app):
    group = Commands("trial")

    @group.command("succeeds")
    def succeeds():
        audit.record_event(AuditAction.EXPORT, detail="done")

    @group.command("fails")
    def fails():
        audit.record_event(AuditAction.EXPORT, detail="half done")
        raise click.ClickException("broken after writing")

    runner = app.test_cli_runner()
    assert runner.invoke(group, ["fails"]).exit_code == 1
    assert committed(AuditEntry) == 0
    assert runner.invoke(group, ["succeeds"]).exit_code == 0
    assert committed(AuditEntry) == 1


def test_users_commands_commit_what_they_change(app):
    runner = app.test_cli_runner()
    password = "a long enough secret 42\n"
    created = runner.invoke(
        args=["users", "create", "archiviste", "--role", "secretariat", "--password-stdin"],
        input=password,
    )
    assert created.exit_code == 0, created.output
    assert committed(User) == 1
    assert runner.invoke(args=["users", "deactivate", "archiviste"]).exit_code == 0
    with db.engine.connect() as connection:
        assert connection.scalar(select(User.active)) is False
