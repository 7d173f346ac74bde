"""The look as a person sees it: a top bar on one row on a laptop, a brand and lists that stay
in their frame on a phone. With SCREENSHOTS set to a folder (`make screenshots`), the pages
the README shows are photographed into it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .screens import login, switch_language

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("SCREENSHOTS")

# Pages the README shows: (file name, path).
PAGES = (
    ("dashboard", "/admin/"),
    ("list", "/admin/housingstay/"),
    ("form", "/admin/organisation/new/"),
    ("report", "/admin/report/"),
)


def bar_height(page: Page) -> float:
    return page.locator(".top-bar nav").bounding_box()["height"]


def photograph(page: Page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en"])
def test_the_top_bar_holds_on_one_row_at_1280_px(page, language):
    page.set_viewport_size(LAPTOP)
    login(page, "administrator")  # who sees every menu
    if language != "fr":
        switch_language(page, language)
    try:
        brand = page.locator(".navbar-brand")
        expect(brand).to_be_visible()
        expect(page.locator("#account-menu")).to_be_visible()
        # One row: the bar is no taller than its tallest item, the brand's mark.
        assert bar_height(page) < 64, f"the top bar wraps in {language}"
    finally:
        if language != "fr":
            switch_language(page, "fr")


def test_the_pages_the_readme_shows(page):
    page.set_viewport_size(LAPTOP)
    login(page, "secretariat")
    for name, path in PAGES:
        page.goto(path)
        page.wait_for_load_state()
        expect(page.locator("h1")).to_have_count(1)
        photograph(page, name)


def test_a_phone_shows_the_brand_and_keeps_lists_in_their_frame(page):
    page.set_viewport_size(PHONE)
    login(page, "secretariat")
    for name, path in PAGES:
        page.goto(path)
        page.wait_for_load_state()
        expect(page.locator(".navbar-brand")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_visible()
        # Nothing wider than the phone: a wide table scrolls inside its own frame.
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width} px wide on a phone"
        photograph(page, f"phone-{name}")
    # The menu opens from its button, with every area.
    page.get_by_role("button", name="Menu").click()
    expect(page.locator(".main-menu")).to_be_visible()
