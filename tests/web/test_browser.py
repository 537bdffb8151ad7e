"""A real headless Chromium (Debian's, driven by Playwright) on the real app.

Screenshots go to $HABEAS_TEST_ARTIFACTS/web (default: the pytest temporary folder).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright
from websupport import PASSWORD, RISK_ID, Site

from habeas.domain.proposal import ProposalStatus

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium for this module (fails, never skips, when it is missing)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots are saved."""
    root = os.environ.get("HABEAS_TEST_ARTIFACTS")
    folder = Path(root) / "web" if root else tmp_path_factory.getbasetemp() / "artifacts"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _errors(page: Page) -> list[str]:
    found: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type == "error":
            found.append(message.text)

    page.on("console", keep)
    page.on("pageerror", lambda exc: found.append(str(exc)))
    return found


def _spellings(site: Site) -> tuple[str, list[str]]:
    """A demo prisoner on the 2015-12-28 list and three spellings (az, en, ru)."""
    registry = site.registry()
    for entry in registry.list_on(date(2015, 12, 28)):
        person = registry.get_person(entry.person.id)
        latin = [n.value for n in person.names if n.script.value == "Latn"]
        cyrillic = [n.value for n in person.names if n.script.value == "Cyrl"]
        if person.id != RISK_ID and len(latin) >= 2 and cyrillic:
            return person.id, [latin[0], latin[1], cyrillic[0]]
    raise AssertionError("no person on the list with names in two scripts")


def test_list_page_search_finds_one_person_in_every_script(
    site: Site, browser: Browser, artifacts: Path
) -> None:
    person_id, spellings = _spellings(site)
    page = browser.new_page()
    errors = _errors(page)
    page.goto(f"{site.base}/?as_of=2015-12-28")
    count = int(page.locator("#count").inner_text())
    assert count == site.registry().count(date(2015, 12, 28))
    for n, spelling in enumerate(spellings):
        surname = spelling.split()[-1]
        page.fill("input[name=q]", surname)
        page.click("form.filters button[type=submit]")
        page.wait_for_load_state()
        links = page.locator("table.list a").evaluate_all("els => els.map(e => e.pathname)")
        assert f"/persons/{person_id}" in links, (spelling, links)
        page.screenshot(path=str(artifacts / f"list-search-{n}.png"), full_page=True)
    page.click(f"table.list a[href='/persons/{person_id}']")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip()
    assert page.locator("ol.timeline li").count() > 1
    assert page.locator("ol.sources li").count() >= 1
    page.screenshot(path=str(artifacts / "person.png"), full_page=True)
    assert errors == []
    page.close()


def test_statistics_charts_render_at_phone_width(
    site: Site, browser: Browser, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{site.base}/statistics?as_of=2015-12-28")
    charts = page.locator("svg.chart")
    assert charts.count() == 5
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    for i in range(charts.count()):
        box = charts.nth(i).bounding_box()
        assert box is not None and 300 <= box["width"] <= 375 and box["height"] > 100
    smallest = page.evaluate(
        "Math.min(...[...document.querySelectorAll('svg.chart text')]"
        ".map(t => t.getBoundingClientRect().height).filter(h => h > 0))"
    )
    assert smallest >= 9, f"chart text is {smallest}px high at phone width"
    assert page.locator("svg.chart polyline").count() == 1
    assert page.locator("figcaption a[href$='.csv?as_of=2015-12-28']").count() == 5
    page.screenshot(path=str(artifacts / "statistics-375.png"), full_page=True)
    assert errors == []
    context.close()


def test_editor_signs_in_accepts_with_the_keyboard_and_the_public_side_changes(
    review_site: Site, browser: Browser, artifacts: Path
) -> None:
    registry = review_site.registry()
    target = next(p for p in registry.proposals(ProposalStatus.PENDING) if p.decision == "match")
    before = registry.count(date(2015, 12, 28))
    context = browser.new_context()
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{review_site.base}/editor/review")
    assert "/login" in page.url
    page.fill("input[name=name]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.stack button[type=submit]")
    page.wait_for_url("**/editor/review")
    cookie = next(c for c in context.cookies() if c["name"] == "habeas_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    page.screenshot(path=str(artifacts / "review-queue.png"), full_page=True)
    card = page.locator(f"#proposal-{target.id}")
    assert card.locator("mark").count() >= 1
    # Move to the proposal with j, give a reason, and accept with the "a" key.
    cards = page.locator("article.proposal")
    ids = cards.evaluate_all("els => els.map(e => e.dataset.id)")
    for _ in range(ids.index(target.id)):
        page.keyboard.press("j")
    card.locator("input.reason").fill("decree line matches name and birth year")
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    page.wait_for_url("**/editor/review?done=*")
    assert "Done: accepted" in page.locator("p.ok").inner_text()
    page.screenshot(path=str(artifacts / "review-accepted.png"), full_page=True)
    assert registry.get_proposal(target.id).status is ProposalStatus.ACCEPTED
    page.goto(f"{review_site.base}/persons/{target.person_id}")
    assert "released (pardon)" in page.locator("ol.timeline").inner_text()
    page.goto(f"{review_site.base}/?as_of=2015-12-28")
    assert int(page.locator("#count").inner_text()) == before - 1
    page.goto(f"{review_site.base}/editor/audit?actor=editor")
    assert "decree line matches name and birth year" in page.locator("table.audit").inner_text()
    page.screenshot(path=str(artifacts / "audit.png"), full_page=True)
    assert errors == []
    context.close()
