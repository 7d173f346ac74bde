"""Every page type, for every role and language, without a serious or critical axe-core finding.

The pages are found as a person finds them: from the menu bar, then each list's "Create" tab
and the first row's view and edit icons. Lists are read in every language; each area's forms
and details pages in French for every role, and in every language for the secretariat, who
fills them most.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from .screens import login, switch_language
from .server import ACCOUNTS

LANGUAGES = ("fr", "nl", "de", "en")
BLOCKING = ("serious", "critical")


def blocking(violations: list[dict]) -> list[str]:
    """The serious and critical findings, one line each: rule, count, first element."""
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} × {v['nodes'][0]['target']} – {v['help']}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def menu_pages(page: Page) -> list[str]:
    """The paths the menu bar leads to, in menu order, each once."""
    hrefs = page.locator("nav a[href]").evaluate_all("links => links.map(a => a.href)")
    paths = []
    for href in hrefs:
        path = urlsplit(href).path
        if path.startswith(("/admin", "/network-overview")) and path not in paths:
            paths.append(path)
    return paths


def row_pages(page: Page) -> list[str]:
    """On a list: its create form, and the first row's details and edit pages, if offered."""
    links = [
        page.locator(".nav-tabs a[href*='/new/']"),
        page.locator("table.model-list tbody tr").first.locator("a[href*='/details/']"),
        page.locator("table.model-list tbody tr").first.locator("a[href*='/edit/']"),
    ]
    return [
        link.first.get_attribute("href")
        for link in links
        if link.count() and link.first.is_visible()
    ]


def audit(page: Page, axe_violations, path: str, found: dict[str, list[str]]) -> None:
    page.goto(path)
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_count(1)
    problems = blocking(axe_violations(page))
    if problems:
        found[path] = problems


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_login_page_is_accessible(page, axe_violations, language):
    page.goto("/login")
    if language != "fr":
        switch_language(page, language)
    found: dict[str, list[str]] = {}
    audit(page, axe_violations, "/login", found)
    assert not found, report(found)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_every_page_is_accessible(page, axe_violations, role, language):
    login(page, role)
    if language != "fr":
        switch_language(page, language)
    try:
        found: dict[str, list[str]] = {}
        with_forms = language == "fr" or role == "secretariat"
        for path in menu_pages(page):
            audit(page, axe_violations, path, found)
            if with_forms:
                for form in row_pages(page):
                    audit(page, axe_violations, form, found)
        audit(page, axe_violations, "/account/password", found)
        assert not found, report(found)
    finally:
        if language != "fr":
            switch_language(page, "fr")
