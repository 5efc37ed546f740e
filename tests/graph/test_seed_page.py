"""The page `kg build` writes for the seed, in a real headless Chromium with no network."""

from __future__ import annotations

import os

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, offline_page


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_seed_page_loads_offline_and_draws_the_graph(seed_build, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    out, _ = seed_build
    page_file = out / "graph.html"
    html = page_file.read_text(encoding="utf-8")
    assert (
        "<title>kg: Japan&#x27;s chief tariff negotiator says U.S. defense purchases could "
        "help in talks</title>" in html
    )
    for name in ("Ryosei Akazawa", "Shigeru Ishiba", "Donald Trump", "Scott Bessent"):
        assert name in html
    blocked: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = offline_page(browser, blocked, errors)
            page.set_viewport_size({"width": 1400, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-kg-stabilized]", timeout=30000)
            nodes = page.evaluate("network.body.data.nodes.length")
            labels = page.evaluate("network.body.data.nodes.get().map(n => n.label)")
            # search, then the details panel: facts, aliases, evidence with article and date
            page.fill("#kg-search", "Akazawa")
            page.keyboard.press("Enter")
            selected = page.get_attribute("body", "data-kg-selected")
            details = page.locator("#details").inner_text()
            # KG_SEED_SCREENSHOT=docs/seed-graph.png refreshes the README's picture
            page.evaluate("network.fit({animation: false})")
            page.screenshot(path=os.environ.get("KG_SEED_SCREENSHOT", str(tmp_path / "seed.png")))
        finally:
            browser.close()
    assert blocked == [] and errors == []
    assert nodes >= 25
    assert {"Ryosei Akazawa", "Shigeru Ishiba", "Japan", "United States"} <= set(labels)
    assert selected == "https://example.org/kg/id/person/ryosei-akazawa"
    assert "Also known as: Akazawa" in details
    assert "Role: chief tariff negotiator, Government of Japan" in details
    assert "\u2192 said \u201cOur position has not changed." in details
    assert (
        "\u2014 Japan's chief tariff negotiator says U.S. defense purchases could help in "
        "talks, 2025-05-29" in details
    )


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_seed_page_hostile_article_stays_inert(tmp_path):
    """An article full of markup, built end to end, cannot run code in its page."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from kg.build import build

    article = tmp_path / "hostile.txt"
    article.write_text(
        '<script>window.__pwned = 1</script>\n\n"><img src=x onerror="window.__pwned=2"> '
        "President Joe Biden said: “</script><script>window.__pwned=3</script> is fine,” in "
        "Washington on Monday. Prime Minister <b onmouseover=alert(1)>Rishi Sunak</b> met "
        "Biden in London.\n",
        encoding="utf-8",
    )
    build([article], tmp_path / "out", published=None)
    page_file = tmp_path / "out" / "graph.html"
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("dialog", lambda d: errors.append("dialog: " + d.message))
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-kg-stabilized]", timeout=30000)
            pwned = page.evaluate("typeof window.__pwned")
            images = page.evaluate("document.images.length")
            nodes = page.evaluate("network.body.data.nodes.length")
        finally:
            browser.close()
    assert pwned == "undefined" and images == 0 and errors == []
    assert nodes > 2
