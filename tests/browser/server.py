"""The backoffice as production runs it: gunicorn on a loopback port, its own database."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import flask_migrate

from backoffice import create_app
from benchmarks.serving import free_port
from models import db

BIN = Path(sys.executable).parent
PASSWORD = "correct horse battery staple"

# One account per role: (username, role, organisation). The partner belongs to GREOVA,
# an organisation of the demo network with an agreement of its own.
ACCOUNTS = {
    "administrator": ("alice.admin", "administrator", None),
    "secretariat": ("sophie.secretariat", "secretariat", None),
    "coordinator": ("camille.coordinator", "coordinator", None),
    "partner": ("pierre.partner", "partner", "GREOVA"),
}


def command(cli, *args: str, stdin: str | None = None) -> None:
    """Run a `flask` command of the backoffice; fail with its output if it fails."""
    result = cli.invoke(args=list(args), input=stdin)
    assert result.exit_code == 0, f"flask {' '.join(args)}: {result.output}"


@dataclass
class LiveServer:
    """A gunicorn serving the backoffice; its error log is kept to find tracebacks."""

    workdir: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    read_until: int = 0  # bytes of the log already searched for tracebacks

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def database_url(self) -> str:
        return f"sqlite:///{self.workdir / 'backoffice.sqlite3'}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "gunicorn.log"

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASK_", "TEST_"))}
        env["DATABASE_URL"] = self.database_url
        env["SECRET_KEY"] = self.secret_key
        env["LANG"] = "C.UTF-8"
        return env

    def __post_init__(self) -> None:
        self.secret_key = secrets.token_hex(32)

    def prepare(self) -> None:
        """Migrate the database, load the demo network and create one account per role.

        The commands run in this process, as `flask db upgrade`, `flask demo load` and
        `flask users create` would: starting the app once instead of six times.
        """
        app = create_app({"SQLALCHEMY_DATABASE_URI": self.database_url, "SECRET_KEY": "-"})
        with app.app_context():
            flask_migrate.upgrade()
        cli = app.test_cli_runner()
        command(cli, "demo", "load")
        for username, role, organisation in ACCOUNTS.values():
            options = ["--organisation", organisation] if organisation else []
            command(
                cli, "users", "create", username, "--role", role, *options, "--password-stdin",
                stdin=PASSWORD + "\n",
            )  # fmt: skip
        with app.app_context():
            db.engine.dispose()

    def start(self) -> None:
        """Start gunicorn as the README's production section does, and wait until it answers."""
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{self.port}"]
                + ["wsgi:app"],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/login", timeout=10) as response:
                    if response.status == 200:
                        return
            except OSError:  # not listening yet, or still booting its workers
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer within 30 s:\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def unread_log(self) -> str:
        """The server's log written since the last call."""
        with self.log_path.open("rb") as f:
            f.seek(self.read_until)
            text = f.read()
        self.read_until += len(text)
        return text.decode("utf-8", "replace")
