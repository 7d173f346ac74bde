"""Fixtures of the browser tests: the production server, Chromium, and a watched page.

The server is gunicorn on a free loopback port with a temporary SQLite database holding the
demo network and one account per role. Every page is watched: a console error, a page
error, a Content-Security-Policy violation, a request to any other address or a traceback
in the server's log fails the test that caused it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from .server import LiveServer

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Patient enough for a busy machine: a save is a request, a redirect and a page to render.
TIMEOUT_MS = 10_000
expect.set_options(timeout=TIMEOUT_MS)

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

# Reported to the test through a binding: scripts of the page cannot reach the test otherwise,
# and the backoffice's Content-Security-Policy does not apply to scripts the browser injects.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI} on ${document.location.href}`
  );
});
"""


@pytest.fixture(autouse=True)
def _app_context():
    """Leave the suite's own test database alone: these tests talk to a server."""
    yield


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("server"))
    live.prepare()
    try:
        live.start()
        yield live
    finally:
        live.stop()
    # What no test saw: the server's start and stop.
    assert_no_traceback(live.unread_log())


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What went wrong in the browser during one test."""

    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)

    def expect_console_error(self, text: str) -> None:
        """Accept one console error containing `text` (the browser's note of a refused page)."""
        self.expected.append(text)

    def unexpected_console_errors(self) -> list[str]:
        errors = list(self.console_errors)
        for text in self.expected:
            found = next((e for e in errors if text in e), None)
            assert found, f"expected a console error with {text!r}, got {errors}"
            errors.remove(found)
        return errors


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Browser, server: LiveServer, watch: Watch):
    """A fresh browser window (French-speaking, in Brussels) on the server, watched."""
    context = browser.new_context(
        base_url=server.url,
        locale="fr-BE",
        timezone_id="Europe/Brussels",
        accept_downloads=True,
    )
    context.set_default_timeout(TIMEOUT_MS)
    # Every request to another address than the server's is refused and noted.
    others = re.compile(rf"^(?!{re.escape(server.url)}/)")
    context.route(others, lambda route: _refuse(route, watch))
    context.expose_binding(
        "reportCspViolation", lambda source, text: watch.csp_violations.append(text)
    )
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    window = context.new_page()
    window.on("console", lambda m: m.type == "error" and watch.console_errors.append(m.text))
    window.on("pageerror", lambda error: watch.console_errors.append(str(error)))
    yield window
    context.close()
    assert_no_traceback(server.unread_log())
    assert not watch.external_requests, "no page may reach another address"
    assert not watch.csp_violations, "no page may break its Content-Security-Policy"
    assert not watch.unexpected_console_errors(), "no page may log an error to the console"


def assert_no_traceback(log: str) -> None:
    if "Traceback" in log:
        pytest.fail(f"the server logged an error:\n{log[-4000:]}", pytrace=False)


def _refuse(route, watch: Watch) -> None:
    watch.external_requests.append(route.request.url)
    route.abort()


@pytest.fixture
def axe_violations():
    """Return a function giving the accessibility violations axe-core finds on a page."""

    def violations(page: Page) -> list[dict]:
        # Evaluated through the browser's debugging channel: a <script> tag would be refused
        # by the page's Content-Security-Policy, rightly.
        page.evaluate(AXE.read_text())
        return page.evaluate("async () => (await axe.run(document)).violations")

    return violations
