"""How fast large graph pages and analytics are, on a made-up archive of any size.

    python benchmarks/viz_large.py                      # a ~2,000-node page in Chromium
    python benchmarks/viz_large.py --store-articles 30000   # + a ~1M-triple store

Prints: store -> networkx graph, page rendering (layout included), and in headless
Chromium (network blocked) the time until the page is usable (drawn, search and filters
wired), a search and a filter. With ``--store-articles`` it also times reading a large
store, the page ``kg build`` writes for it (the most central nodes) and the analytics.
Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from synthetic import synthetic_ntriples  # noqa: E402

from kg.graph import analyze  # noqa: E402
from kg.graph.network import from_store  # noqa: E402
from kg.graph.viz import render_network, write_store_page  # noqa: E402


def _store(n_articles: int) -> ox.Store:
    store = ox.Store()
    store.bulk_load(synthetic_ntriples(n_articles), format=ox.RdfFormat.N_TRIPLES)
    return store


def _timed(label: str, fn):  # a tiny timing helper
    started = time.perf_counter()
    value = fn()
    print(f"  {label}: {time.perf_counter() - started:.2f} s")
    return value


def page_in_chromium(page_file: Path, search: str) -> None:
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route(
                "**/*",
                lambda r: (
                    r.continue_()
                    if r.request.url.startswith("file:")
                    else (blocked.append(r.request.url), r.abort())
                ),
            )
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            started = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_selector(
                "body[data-kg-stabilized=true]", state="attached", timeout=120_000
            )
            usable = time.perf_counter() - started
            in_page = page.evaluate("window.kgReadyMs") / 1000
            nodes = page.evaluate("network.body.data.nodes.length")
            print(
                f"  chromium: usable after {usable:.2f} s ({in_page:.2f} s in-page), {nodes} nodes"
            )
            started = time.perf_counter()
            page.fill("#kg-search", search)
            page.keyboard.press("Enter")
            selected = page.get_attribute("body", "data-kg-selected")
            took = time.perf_counter() - started
            print(f"  chromium: search '{search}' -> {selected} in {took:.2f} s")
            started = time.perf_counter()
            page.locator("#kg-legend input[data-kind=quote]").uncheck()
            visible = page.get_attribute("body", "data-kg-visible")
            print(
                f"  chromium: hide quotes -> {visible} nodes shown in "
                f"{time.perf_counter() - started:.2f} s"
            )
        finally:
            browser.close()
    print(f"  chromium: blocked requests {blocked}, page errors {errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=420, help="page size (~4.9 nodes each)")
    parser.add_argument("--store-articles", type=int, default=0, help="also time a large store")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )

    print(f"page of {args.articles} made-up articles")
    store = _timed("load N-Triples into an in-memory store", lambda: _store(args.articles))
    g = _timed("store -> networkx graph", lambda: from_store(store))
    print(f"  {len(store)} triples, {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    page = _timed("render page (layout included)", lambda: render_network(g, "benchmark"))
    print(f"  page: {len(page.encode('utf-8')) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "large.html"
        page_file.write_text(page, encoding="utf-8")
        if CHROMIUM.exists():
            page_in_chromium(page_file, "Aiko Abe 0")
        else:
            print(f"  {CHROMIUM} missing: browser timings skipped")

        if args.store_articles:
            print(f"store of {args.store_articles} made-up articles")
            big = _timed("load N-Triples", lambda: _store(args.store_articles))
            print(f"  {len(big)} triples")
            bg = _timed("store -> networkx graph", lambda: from_store(big))
            print(f"  {bg.number_of_nodes()} nodes, {bg.number_of_edges()} edges")
            note = _timed(
                "kg build's page (whole store, auto-limited)",
                lambda: write_store_page(big, Path(tmp) / "graph.html", "big"),
            )
            print(f"  note: {note}")
            _timed("top 500 (PageRank)", lambda: analyze.top_nodes(bg, 500))
            rows, sampled = _timed("centrality", lambda: analyze.centrality(bg))
            print(f"  betweenness sample: {sampled} nodes; top: {rows[0].label}")
            groups = _timed("communities", lambda: analyze.communities(bg))
            print(f"  {len(groups)} communities")
            _timed("path", lambda: analyze.paths(bg, "Aiko Abe 0", "Jonas Jung 99"))


if __name__ == "__main__":
    main()
