"""The page's timeline view, in headless Chromium with no network: axis, actor filter, evidence."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.graph.viz import write_store_page
from kg.resolve import resolve_store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, offline_page
from tests.resolve.stories import JAPAN, US, add, meeting, mention, person, role, tariff


def _store() -> ox.Store:
    store = ox.Store()
    add(
        store,
        "who",
        "2025-05-01",
        [
            mention("Ryosei Akazawa"),
            role("Ryosei Akazawa", "Minister", JAPAN),
            mention("Scott Bessent"),
            role("Scott Bessent", "Treasury Secretary", US),
        ],
    )
    pair = [person("Ryosei Akazawa"), person("Scott Bessent")]
    add(store, "may", "2025-05-20", [meeting("talks", "talks", pair, "2025-06-01", "planned")])
    add(store, "june", "2025-06-02", [meeting("meeting", "meeting", pair, "2025-06-01", "held")])
    add(store, "april", "2025-04-03", [tariff(25, "in force")])
    add(store, "july", "2025-07-23", [tariff(15, "in force")])
    resolve_store(store)
    return store


def test_timeline_page_data_is_in_the_page(tmp_path):
    page = tmp_path / "graph.html"
    write_store_page(_store(), page)
    html = page.read_text(encoding="utf-8")
    assert 'id="kg-timeline"' in html and "Timeline (3)" in html


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_timeline_page_filters_by_actor_and_shows_the_evidence(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "graph.html"
    write_store_page(_store(), page_file)
    blocked: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = offline_page(browser, blocked, errors)
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-kg-stabilized]", timeout=30000)
            assert page.is_hidden("#kg-timeline-view")
            page.click('#kg-views button[data-kg-view="timeline"]')
            assert page.is_visible("#kg-timeline-view")
            months = page.locator(".kg-tl-month").all_inner_texts()
            everything = page.get_attribute("body", "data-kg-timeline-lines")
            page.select_option("#kg-tl-actor", "Scott Bessent")
            only = page.get_attribute("body", "data-kg-timeline-lines")
            page.click(".kg-tl-item >> nth=0")
            details = page.locator("#details").inner_text()
            page.click("#details button.kg-link")  # back to the graph, on the same node
            view = page.get_attribute("body", "data-kg-view")
            selected = page.get_attribute("body", "data-kg-selected")
        finally:
            browser.close()
    assert blocked == [] and errors == []
    assert months == ["2025-04", "2025-06", "2025-07"]
    assert (everything, only) == ("3", "1")
    assert "Reported by 2 articles" in details and "Evidence" in details
    assert view == "graph" and selected and "/story/event/" in selected
