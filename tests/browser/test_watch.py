"""The watch on every page sees what a page must not do: the other tests rely on it."""

import pytest
from playwright.sync_api import Error, expect

# What a page would do if a template loaded something from elsewhere.
LOAD_FROM_ELSEWHERE = """() => {
  const image = document.createElement("img");
  image.src = "https://example.org/pixel.png";
  document.body.append(image);
}"""


def test_a_content_security_policy_violation_is_seen(page, watch):
    page.goto("/login")
    expect(page.get_by_role("button", name="Se connecter")).to_be_visible()
    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate(LOAD_FROM_ELSEWHERE)
    page.wait_for_function("() => true")  # let the report of the violation arrive
    for _ in range(50):
        if watch.csp_violations:
            break
        page.wait_for_timeout(100)

    assert watch.csp_violations == [f"img-src blocked https://example.org/pixel.png on {page.url}"]
    assert any("example.org/pixel.png" in error for error in watch.console_errors)
    # Seen: the page itself is sound.
    watch.csp_violations.clear()
    watch.console_errors.clear()


def test_a_request_to_another_address_is_refused_and_seen(page, watch):
    with pytest.raises(Error, match="ERR_FAILED"):
        page.goto("https://example.org/")
    assert watch.external_requests == ["https://example.org/"]
    watch.external_requests.clear()  # seen: nothing of the backoffice asked for it
