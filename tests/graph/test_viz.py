"""Tests for kg.graph.viz: the self-contained interactive HTML page."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SDO

from kg.graph.viz import render_html, write_html
from tests.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, route_offline
from tests.paths import DATA, ROOT

log = logging.getLogger(__name__)  # timings: pytest --log-cli-level=INFO shows them
SAMPLE = DATA / "viz_sample.ttl"
EXPECTED_KINDS = {
    "person": 3,
    "government": 2,
    "country": 2,
    "place": 1,
    "meeting": 2,
    "policy": 2,
    "quote": 1,
    "article": 1,
}
EXPECTED_NODES = sum(EXPECTED_KINDS.values())  # 14
HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">'
HOSTILE_QUOTE = "</script><script>window.__pwned=1</script>"
ID = "https://example.org/kg/id/"


@pytest.fixture(scope="module")
def sample() -> Graph:
    return Graph().parse(SAMPLE)


@pytest.fixture(scope="module")
def page(sample: Graph) -> str:
    return render_html(sample, title="Sample <title> & co")


class _Tags(HTMLParser):
    """Start tags with their attributes, and the text of each <script> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser


def _dataset(page: str, name: str) -> list[dict]:
    """The JSON list given to ``new vis.DataSet(...)`` for ``nodes`` or ``edges``."""
    scripts = [s for s in _parse(page).scripts if f"{name} = new vis.DataSet(" in s]
    assert len(scripts) == 1, f"the {name} data must sit whole inside one <script>"
    start = scripts[0].index(f"{name} = new vis.DataSet(") + len(f"{name} = new vis.DataSet(")
    value, _ = json.JSONDecoder().raw_decode(scripts[0], start)
    return value


# --- unit -------------------------------------------------------------------------------------


def test_page_has_no_remote_resource(page: str) -> None:
    refs = [
        (tag, name, value or "")
        for tag, attrs in _parse(page).tags
        for name, value in attrs
        if name in ("src", "href")
    ]
    remote = [r for r in refs if r[2].strip().lower().startswith(("http:", "https:", "//"))]
    assert remote == []
    assert "cdn.jsdelivr.net" not in page and "cdnjs.cloudflare.com" not in page
    assert "Content-Security-Policy" in page


def _page_data(page: str) -> dict:
    """The JSON the page's own script reads (articles, physics on or off)."""
    scripts = [s for s in _parse(page).scripts if s.lstrip().startswith('{"articles"')]
    assert len(scripts) == 1
    return json.loads(scripts[0])


def test_hostile_strings_are_escaped(page: str) -> None:
    assert HOSTILE_LABEL not in page
    assert HOSTILE_QUOTE not in page
    assert "<img" not in page.lower()
    tags = _parse(page).tags
    assert not any(tag == "img" for tag, _ in tags)
    assert not any(name.startswith("on") for _, attrs in tags for name, _ in attrs)
    assert "<title>Sample &lt;title&gt; &amp; co</title>" in page
    # ...and the data still round-trips exactly (escaped as \u003c in JSON, not mangled).
    nodes = _dataset(page, "nodes")
    labels = {n["fullLabel"] for n in nodes}
    assert HOSTILE_LABEL in labels
    assert any(label.startswith("\u201c" + HOSTILE_QUOTE) for label in labels)
    hostile = next(n for n in nodes if n["fullLabel"] == HOSTILE_LABEL)
    assert hostile["aliases"] == ["Tom & Jerry <b>bold</b>"]
    assert "</script><b>Minister</b>" in {e["fullLabel"] for e in _dataset(page, "edges")}
    evidence = [ev["text"] for n in nodes for ev in n["evidence"]]
    assert any(HOSTILE_QUOTE in text for text in evidence)
    assert _page_data(page)["articles"][0]["title"].startswith("Ishiba and Trump meet")


def test_node_mapping(page: str) -> None:
    nodes = _dataset(page, "nodes")
    assert len(nodes) == EXPECTED_NODES
    assert Counter(n["kind"] for n in nodes) == EXPECTED_KINDS
    ids = {n["id"] for n in nodes}
    assert ID + "post-jp-pm" not in ids  # posts, memberships and evidence are not nodes
    assert not any("membership" in i or "/ev-" in i for i in ids)
    by_id = {n["id"]: n for n in nodes}
    ishiba = by_id[ID + "person-shigeru-ishiba"]
    assert ishiba["label"] == "Shigeru Ishiba" and ishiba["kindText"] == "Person"
    assert ishiba["aliases"] == ["Ishiba", "Prime Minister Ishiba"]
    assert "Role: Prime Minister, Government of Japan" in ishiba["facts"]
    assert "Post: Prime Minister of Japan" in ishiba["facts"]
    (evidence,) = ishiba["evidence"]
    assert evidence["text"].startswith("Prime Minister Shigeru Ishiba met U.S. President")
    assert evidence["article"] == "Ishiba and Trump meet at G7 as tariff talks continue"
    assert evidence["date"] == "2025-06-17"
    statement = by_id[ID + "statement-ishiba-1"]
    assert len(statement["label"]) <= 40 and statement["label"].endswith("\u2026")
    assert "we will not compromise" in statement["fullLabel"]
    car = by_id[ID + "policy-car-tariff"]
    assert car["shape"] == "diamond"
    assert "Kind: Tariff measure" in car["facts"] and "Status: in force" in car["facts"]
    assert car["evidence"][0]["text"].startswith("Washington imposed a 25 percent tariff")
    event = by_id[ID + "event-g7-meeting"]
    assert "Status: held" in event["facts"] and "Date: 2025-06-16" in event["facts"]
    assert len({(n["shape"], n["color"]) for n in nodes}) == len(EXPECTED_KINDS)
    # size by importance: the US government (3 relations) outweighs Kananaskis (1)
    assert by_id[ID + "government-US"]["value"] > by_id[ID + "place-kananaskis"]["value"]
    # every node belongs to the one article, which the page lists once
    assert {tuple(n["articles"]) for n in nodes} == {(0,)}
    assert len(_page_data(page)["articles"]) == 1 and _page_data(page)["physics"] is True


def test_edge_mapping(page: str) -> None:
    edges = _dataset(page, "edges")
    short = {(e["from"].removeprefix(ID), e["label"], e["to"].removeprefix(ID)) for e in edges}
    assert ("person-shigeru-ishiba", "Prime Minister", "government-JP") in short
    assert ("person-donald-trump", "President", "government-US") in short
    assert ("government-JP", "governs", "country-JP") in short
    assert ("person-shigeru-ishiba", "attendee", "event-g7-meeting") in short
    assert ("government-US", "attendee", "event-tariff-talks") in short
    assert ("event-g7-meeting", "location", "place-kananaskis") in short
    assert ("event-tariff-talks", "location", "country-US") in short
    assert ("policy-car-tariff", "imposed by", "government-US") in short
    assert ("policy-car-tariff", "target", "country-JP") in short
    assert ("policy-pause", "imposed by", "person-donald-trump") in short
    assert ("person-shigeru-ishiba", "said", "statement-ishiba-1") in short
    assert Counter(label for _, label, _ in short) == Counter(
        {
            "attendee": 5,
            "in": 5,
            "governs": 2,
            "location": 2,
            "imposed by": 2,
            "target": 1,
            "said": 1,
            "Prime Minister": 1,
            "President": 1,
            "</script><b>Minister</b>": 1,
        }
    )
    assert len(edges) == 21
    role = next(e for e in edges if e["label"] == "Prime Minister")
    assert role["facts"] == ["Role: Prime Minister (head_of_government)"]
    assert role["evidence"][0]["text"].startswith("Prime Minister Shigeru Ishiba met U.S.")
    assert all(e["dashes"] for e in edges if e["label"] == "in")


def test_dataset_named_graphs_are_merged(sample: Graph) -> None:
    ds = Dataset()
    named = ds.graph(URIRef(ID + "graph/sample"))
    for triple in sample:
        named.add(triple)
    assert len(_dataset(render_html(ds), "nodes")) == EXPECTED_NODES


def test_policy_subclass_declared_in_graph_and_empty_graph() -> None:
    g = Graph()
    cls = URIRef("https://example.org/kg/ontology#ExportBan")
    g.add((cls, RDFS.subClassOf, URIRef("https://example.org/kg/ontology#Policy")))
    g.add((URIRef(ID + "p1"), RDF.type, cls))
    g.add((URIRef(ID + "p1"), RDFS.label, Literal("Chip export ban")))
    g.add((URIRef(ID + "x"), RDF.type, SDO.CreativeWork))  # not drawn
    assert [n["kind"] for n in _dataset(render_html(g), "nodes")] == ["policy"]
    empty = render_html(Graph())
    assert _dataset(empty, "nodes") == [] and "<title>kg</title>" in empty


def test_write_html_is_atomic(tmp_path: Path, sample: Graph) -> None:
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    write_html(sample, target, title="T")
    assert target.read_text(encoding="utf-8") == render_html(sample, title="T")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]
    assert not (tmp_path / "lib").exists() and not Path("lib/bindings").exists()


def test_importing_viz_does_not_import_pyvis() -> None:
    code = "import sys, kg.graph.viz; assert 'pyvis' not in sys.modules, 'pyvis imported eagerly'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_large_graph_gets_a_layout_and_no_physics() -> None:
    """Past 150 nodes the page carries positions and draws without physics."""
    import pyoxigraph as ox

    from kg.graph.network import from_store
    from kg.graph.viz import render_network
    from tests.synthetic import synthetic_ntriples

    store = ox.Store()
    store.bulk_load(synthetic_ntriples(60), format=ox.RdfFormat.N_TRIPLES)
    g = from_store(store)
    assert 150 < g.number_of_nodes() < 3000
    page = render_network(g, "big")
    nodes = _dataset(page, "nodes")
    assert len(nodes) == g.number_of_nodes()
    spots = {(n["x"], n["y"]) for n in nodes}
    assert len(spots) == len(nodes)  # every node placed, no two on the same spot
    assert _page_data(page)["physics"] is False
    assert len(_page_data(page)["articles"]) == 60


def test_too_large_page_is_refused_with_a_hint(sample: Graph, tmp_path: Path) -> None:
    from kg.graph.viz import PageTooLargeError

    with pytest.raises(PageTooLargeError, match=r"14 nodes.*limit 10.*--top.*--focus"):
        write_html(sample, tmp_path / "x.html", max_nodes=10)
    assert list(tmp_path.iterdir()) == []


def test_store_page_keeps_the_most_central_part_of_a_large_store(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from kg.graph.viz import write_store_page
    from tests.synthetic import synthetic_ntriples

    store = ox.Store()
    store.bulk_load(synthetic_ntriples(60), format=ox.RdfFormat.N_TRIPLES)
    target = tmp_path / "graph.html"
    note = write_store_page(store, target, "big", max_nodes=100)
    assert note is not None and "the page shows the 100 most central" in note
    page = target.read_text(encoding="utf-8")
    nodes = _dataset(page, "nodes")
    assert len(nodes) == 100
    assert any(n["fullLabel"] == "Aiko Abe 0" for n in nodes)  # the busiest person
    assert note in page  # ...and the page says it shows a part
    assert write_store_page(store, target, max_nodes=3000) is None
    assert "<title>kg: 60 articles</title>" in target.read_text(encoding="utf-8")


# --- browser ----------------------------------------------------------------------------------


_FIND_CLICKABLE = """(ids) => {
  const rect = document.getElementById("mynetwork").getBoundingClientRect();
  for (const id of ids) {
    const dom = network.canvasToDOM(network.getPositions([id])[id]);
    const x = rect.left + dom.x, y = rect.top + dom.y;
    const under = document.elementFromPoint(x, y);
    if (under && under.tagName === "CANVAS" && network.getNodeAt(dom) === id) {
      return {id: id, x: x, y: y};
    }
  }
  return null;
}"""


SECOND_ARTICLE = """
@prefix schema: <https://schema.org/> .
@prefix kg: <https://example.org/kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/kg/id/> .
id:article-001 a schema:NewsArticle ; schema:headline "Trump meets Starmer" ;
    schema:datePublished "2025-06-20"^^xsd:date .
id:person-keir-starmer a schema:Person ; rdfs:label "Keir Starmer" .
id:event-london a schema:Event ; rdfs:label "Trump-Starmer meeting" ; kg:status "held" ;
    schema:attendee id:person-donald-trump, id:person-keir-starmer ;
    dcterms:source id:article-001 .
"""
# nodes of the second article: itself, its meeting and the meeting's two attendees
SECOND_ARTICLE_NODES = 4


def _visible(page) -> int:  # page: a playwright Page
    return int(page.get_attribute("body", "data-kg-visible"))


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_page_in_headless_chromium(tmp_path: Path, sample: Graph) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    graph = Graph()
    for triple in sample:
        graph.add(triple)
    graph.parse(data=SECOND_ARTICLE, format="turtle")
    n_nodes = EXPECTED_NODES + 3  # Starmer, the London meeting, the second article
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    target = tmp_path / "sample.html"
    write_html(graph, target, title="Sample")
    timings["render"] = time.perf_counter() - t0

    blocked: list[str] = []
    console_errors: list[str] = []
    page_errors: list[str] = []
    with sync_api.sync_playwright() as p:
        t = time.perf_counter()
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        timings["launch"] = time.perf_counter() - t
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", route_offline(blocked))
            page = context.new_page()
            page.on(
                "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: page_errors.append(str(e)))
            page.on("dialog", lambda d: page_errors.append("dialog: " + d.message))
            t = time.perf_counter()
            page.goto(target.as_uri())
            # (wait_for_function would need eval, which the page's CSP forbids)
            page.wait_for_selector(
                "body[data-kg-stabilized=true]", state="attached", timeout=30_000
            )
            timings["load+stabilize"] = time.perf_counter() - t

            assert page.evaluate("network.body.data.nodes.length") == n_nodes
            assert (
                page.evaluate("network.body.data.edges.length") == 21 + 3
            )  # two attendees and "in"
            assert page.evaluate("network.physics.options.enabled") is False
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.locator("#kg-legend").is_visible()
            assert page.locator("#kg-legend input[type=checkbox]").count() == 8
            assert _visible(page) == n_nodes

            # A real mouse click on a node fills the side panel with its label (as text).
            ids = page.evaluate("network.body.data.nodes.getIds()")
            hostile = ID + "person-hostile"
            ids.sort(key=lambda i: i != hostile)  # try the hostile node first
            spot = page.evaluate(_FIND_CLICKABLE, ids)
            assert spot is not None, "no node visible outside the overlays"
            page.mouse.click(spot["x"], spot["y"])
            label = page.evaluate("(id) => network.body.data.nodes.get(id).fullLabel", spot["id"])
            details = page.locator("#details")
            assert details.locator("h2").inner_text() == label
            assert "IRI: " + spot["id"] in details.inner_text()
            assert details.locator("img, script").count() == 0

            # Hovering shows the tooltip as text (vis 9 renders string titles with innerText;
            # kg passes DOM elements filled with textContent).
            page.mouse.move(spot["x"] + 1, spot["y"] + 1)
            tooltip = page.locator("div.vis-tooltip")
            tooltip.wait_for(state="visible", timeout=5_000)
            assert label in tooltip.inner_text()
            assert tooltip.locator("img").count() == 0

            # Search by an alias: the view centres on the node, selects it, shows its details.
            page.fill("#kg-search", "prime minister ishiba")
            page.keyboard.press("Enter")
            ishiba = ID + "person-shigeru-ishiba"
            assert page.get_attribute("body", "data-kg-selected") == ishiba
            assert page.evaluate("network.getSelectedNodes()") == [ishiba]
            offset = page.evaluate(
                """(id) => {
                  const rect = document.getElementById("mynetwork").getBoundingClientRect();
                  const dom = network.canvasToDOM(network.getPositions([id])[id]);
                  return [dom.x - rect.width / 2, dom.y - rect.height / 2];
                }""",
                ishiba,
            )
            assert abs(offset[0]) < 2 and abs(offset[1]) < 2, offset
            text = details.inner_text()
            assert details.locator("h2").inner_text() == "Shigeru Ishiba"
            assert "Also known as: Ishiba; Prime Minister Ishiba" in text
            assert "Role: Prime Minister, Government of Japan" in text
            assert "\u2192 Prime Minister Government of Japan" in text  # a relation
            assert "Prime Minister Shigeru Ishiba met U.S. President Donald Trump" in text
            assert "Ishiba and Trump meet at G7 as tariff talks continue, 2025-06-17" in text
            # a relation is a link: it moves to the other node
            details.get_by_role("button", name="Government of Japan").click()
            assert page.get_attribute("body", "data-kg-selected") == ID + "government-JP"
            page.fill("#kg-search", "no such name")
            page.keyboard.press("Enter")
            assert "No node matches" in page.locator("#kg-search-status").inner_text()
            page.fill("#kg-search", "onerror")  # finds the hostile node; stays text
            page.keyboard.press("Enter")
            assert page.get_attribute("body", "data-kg-selected") == hostile
            assert details.locator("img, script").count() == 0

            # An edge's details (vis's own click event, as a click on the edge fires it).
            edge = page.evaluate(
                "network.body.data.edges.get({filter: e => e.fullLabel === 'Prime Minister'})[0].id"
            )
            page.evaluate(
                "(id) => network.body.emitter.emit('click', {nodes: [], edges: [id]})", edge
            )
            text = details.inner_text()
            assert text.startswith(
                "Prime Minister\nRelation: Shigeru Ishiba \u2192 Government of Japan"
            )
            assert "Role: Prime Minister (head_of_government)" in text
            assert "Prime Minister Shigeru Ishiba met U.S. President Donald Trump" in text
            # An article lists the facts it reports.
            page.fill("#kg-search", "Trump meets Starmer")
            page.keyboard.press("Enter")
            assert "\u2190 in Trump-Starmer meeting" in details.inner_text()

            # Type filter: quotes and policies off, then on again.
            page.locator("#kg-legend input[data-kind=quote]").uncheck()
            page.locator("#kg-legend input[data-kind=policy]").uncheck()
            assert _visible(page) == n_nodes - 3
            hidden = page.evaluate(
                "network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.kind).sort()"
            )
            assert hidden == ["policy", "policy", "quote"]
            page.locator("#kg-legend input[data-kind=quote]").check()
            page.locator("#kg-legend input[data-kind=policy]").check()
            assert _visible(page) == n_nodes

            # Article filter: only what the second article reports.
            page.select_option("#kg-article", label="2025-06-20 \u2014 Trump meets Starmer")
            assert _visible(page) == SECOND_ARTICLE_NODES
            shown = page.evaluate(
                "network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.fullLabel)"
            )
            assert sorted(shown) == [
                "Donald Trump",
                "Keir Starmer",
                "Trump meets Starmer",
                "Trump-Starmer meeting",
            ]
            page.select_option("#kg-article", value="")
            assert _visible(page) == n_nodes

            if os.environ.get("KG_VIZ_SCREENSHOT"):
                page.screenshot(path=os.environ["KG_VIZ_SCREENSHOT"])
            assert page.evaluate("typeof window.__pwned") == "undefined"
            context.close()
        finally:
            browser.close()
    timings["total"] = time.perf_counter() - t0

    assert blocked == [], f"the page tried to reach the network: {blocked}"
    assert console_errors == []
    assert page_errors == []
    log.info("viz browser timings (s): %s", ", ".join(f"{k}={v:.2f}" for k, v in timings.items()))


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_two_thousand_node_page_is_usable(tmp_path: Path) -> None:
    """A 2,040-node page draws, searches and filters (timing: benchmarks/viz_large.py)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    import pyoxigraph as ox

    from kg.graph.network import from_store
    from tests.synthetic import synthetic_ntriples

    store = ox.Store()
    store.bulk_load(synthetic_ntriples(420), format=ox.RdfFormat.N_TRIPLES)
    g = from_store(store)
    target = tmp_path / "large.html"
    write_html(g, target, title="large")
    errors: list[str] = []
    blocked: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            context.route("**/*", route_offline(blocked))
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            started = time.perf_counter()
            page.goto(target.as_uri())
            page.wait_for_selector(
                "body[data-kg-stabilized=true]", state="attached", timeout=60_000
            )
            usable = time.perf_counter() - started
            assert page.evaluate("network.body.data.nodes.length") == g.number_of_nodes() == 2040
            assert page.evaluate("network.physics.options.enabled") is False
            page.fill("#kg-search", "Greta Haas 76")
            page.keyboard.press("Enter")
            assert page.get_attribute("body", "data-kg-selected") == ID + "person/p76"
            page.locator("#kg-legend input[data-kind=article]").uncheck()
            assert _visible(page) == 2040 - 420
        finally:
            browser.close()
    assert errors == [] and blocked == []
    log.info("2,040-node page usable after %.2f s", usable)
