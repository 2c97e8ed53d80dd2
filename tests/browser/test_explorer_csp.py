"""The explorer works under its Content-Security-Policy, and the policy really applies.

Every browser test fails on a policy refusal (``conftest.open_page``); this module
checks the policy is in force: a script injected into the page from a string is refused.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import LiveServer
from tests.browser.support import open_explorer, settle

pytestmark = pytest.mark.browser


def test_the_explorer_draws_under_its_policy(page: Page, live_server: LiveServer) -> None:
    response = page.goto(live_server.url + "/")
    assert response is not None
    assert "default-src 'self'" in (response.headers.get("content-security-policy") or "")
    page.wait_for_selector("html[data-explorer-ready='true']")
    open_explorer(page, live_server, "#entity=company:zijin-mining-group")
    settle(page)
    assert page.evaluate("window.sinographExplorer.cy.nodes().length") > 0


def test_an_inline_script_is_refused(browser_page_raw: tuple[Page, list[str]],
                                     live_server: LiveServer) -> None:
    page, messages = browser_page_raw
    open_explorer(page, live_server)
    ran = page.evaluate(
        """() => {
            window.__injected = false;
            const s = document.createElement("script");
            s.textContent = "window.__injected = true";
            document.body.append(s);
            return window.__injected;
        }"""
    )
    assert ran is False
    assert any("Content Security Policy" in m for m in messages)
