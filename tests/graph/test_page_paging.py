"""Long listings in the page come a page at a time: the timeline's lines, a node's relations
and its articles each show their first page and a button for the next, in headless Chromium
with no network."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import pytest

from kg.graph.viz import write_store_page
from kg.resolve import resolve_store
from kg.resolve.timeline import timeline
from tests.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, offline_page
from tests.resolve.stories import add, meeting, person

MEETINGS = 250  # over the timeline's page of 200 and a node's page of 60 relations
PER_ARTICLE = 10  # so the hub takes part in 25 articles, over the page of 20


def _store() -> ox.Store:
    """One person (the hub) meets a different person at each of 250 dated meetings, told
    ten to an article."""
    store = ox.Store()
    start = dt.date(2025, 1, 1)
    for a in range(MEETINGS // PER_ARTICLE):
        facts = []
        for i in range(a * PER_ARTICLE, (a + 1) * PER_ARTICLE):
            when = (start + dt.timedelta(days=i)).isoformat()
            who = [person("Hub Person"), person(f"Guest Number{i}")]
            facts.append(meeting(f"meeting {i}", "meeting", who, when, "held"))
        add(store, f"a{a:02d}", "2025-12-01", facts)
    resolve_store(store)
    return store


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_long_listings_come_a_page_at_a_time(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "graph.html"
    store = _store()
    lines = len(timeline(store))
    write_store_page(store, page_file)
    errors: list[str] = []
    blocked: list[str] = []
    seen: dict[str, object] = {}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = offline_page(browser, blocked, errors)
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-kg-stabilized]", timeout=60000)

            page.click('#kg-views button[data-kg-view="timeline"]')
            seen["lines"] = page.get_attribute("body", "data-kg-timeline-lines")
            seen["rows"] = [page.locator(".kg-tl-item").count()]
            seen["button"] = page.locator("#kg-timeline-view button.kg-more").inner_text()
            page.click("#kg-timeline-view button.kg-more")
            seen["rows"].append(page.locator(".kg-tl-item").count())  # type: ignore[attr-defined]
            seen["button hidden"] = page.is_hidden("#kg-timeline-view button.kg-more")

            page.click('#kg-views button[data-kg-view="graph"]')
            hub = page.evaluate(
                "network.body.data.nodes.get().find(n => n.fullLabel === 'Hub Person').id"
            )
            page.evaluate(f"window.kgSelect({hub!r})")
            relations = page.locator('#details ul[data-kg-list="Relations"] > li')
            articles = page.locator('#details ul[data-kg-list="Articles"] > li')
            seen["relations"], seen["articles"] = relations.count(), articles.count()
            buttons = page.locator("#details button.kg-more")
            seen["buttons"] = buttons.all_inner_texts()
            buttons.first.click()
            seen["relations after"] = relations.count()
            page.locator("#details button.kg-more").last.click()
            seen["articles after"] = articles.count()
            seen["last relation"] = relations.last.inner_text()
        finally:
            browser.close()
    assert blocked == [] and errors == []
    assert lines > 200 and seen["lines"] == str(lines)
    assert seen["rows"] == [200, lines]
    assert seen["button"] == f"Show {lines - 200} more of {lines - 200}" and seen["button hidden"]
    assert (seen["relations"], seen["articles"]) == (60, 20)
    first, second = seen["buttons"]  # type: ignore[misc]
    assert second == "Show 5 more of 5"
    assert first.startswith("Show 60 more of ") and int(first.rsplit(" ", 1)[1]) >= MEETINGS - 60
    assert (seen["relations after"], seen["articles after"]) == (120, 25)
    assert "meeting" in str(seen["last relation"])
