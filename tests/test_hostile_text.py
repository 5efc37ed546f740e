"""Hostile text (issue 6): markup, script URLs, bidi overrides, control characters and
10,000-character names in articles and facts stay inert data in Turtle, in IRIs and in the
page. No spaCy: the facts are built by hand, as an extractor could produce them."""

from __future__ import annotations

import datetime as dt
import logging
import re
from html.parser import HTMLParser

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    GROUP,
    PERSON,
    PLACE,
    DateValue,
    EntityRef,
    Evidence,
    Meeting,
    Mention,
    OfficialRole,
    Policy,
    Quote,
    Span,
)
from kg.ingest import Article
from kg.rdf.mapping import article_graph

SCRIPT = "<script>alert(document.cookie)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
RTL = "Ishiba\u202egnp.exe\u202c"
CONTROL = "A\x00B\x07C\x1b[31mD\x7fE\u2028F\ufeff"
LONG = "N" + "a" * 9_999  # a 10,000-character "name"
HOSTILE = (SCRIPT, IMG, JS_URL, RTL, CONTROL, LONG)
# What an IRI may hold (RFC 3987 minus the characters Turtle and N-Triples forbid).
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\u007f-\u009f\u202a-\u202e]+")
MAX_IRI = 200


def _evidence(text: str) -> Evidence:
    return Evidence(Span(0, len(text), text), Span(0, min(5, len(text)), text[:5]))


def hostile_article() -> tuple[Article, list]:
    text = " ".join(HOSTILE) + "\n"
    article = Article(
        id=f"{IMG} {SCRIPT}",
        text=text,
        title=f"{SCRIPT}{RTL}",
        published=dt.date(2025, 5, 29),
        source=IMG,
        url=JS_URL,
        path=f"/tmp/{SCRIPT}.txt",
    )
    ev = _evidence(text)
    day = DateValue(SCRIPT, "2025-05-29", "day", dt.date(2025, 5, 29), dt.date(2025, 5, 29))
    people = [EntityRef(PERSON, name, name) for name in HOSTILE]
    facts: list = [Mention(p, (p.label, IMG), ev) for p in people]
    facts += [
        Mention(EntityRef(PLACE, f"US/{SCRIPT}", SCRIPT), (RTL,), ev),
        Mention(EntityRef(PLACE, LONG, LONG), (), ev),
        Mention(EntityRef(GROUP, IMG, IMG), (CONTROL,), ev),
        Mention(EntityRef(GOVERNMENT, "JP", IMG), (SCRIPT,), ev),
        OfficialRole(
            people[0], IMG, LONG, "other", EntityRef(COUNTRY, "JP", RTL), True, CONTROL, ev
        ),
        Meeting(
            SCRIPT, "talks", tuple(people[:3]), EntityRef(PLACE, RTL, RTL), day, "held", 1, IMG, ev
        ),
        Policy(
            "tariff",
            SCRIPT,
            EntityRef(COUNTRY, "US", "United States"),
            people[1],
            (IMG, LONG),
            25.0,
            JS_URL,
            day,
            None,
            "in force",
            SCRIPT,
            ev,
        ),
        Quote(people[2], CONTROL, "say", f"{SCRIPT} {LONG}", True, ev),
        Quote(None, IMG, "tell", RTL, False, ev),
    ]
    return article, facts


@pytest.fixture(scope="module")
def graph() -> Graph:
    article, facts = hostile_article()
    return article_graph(article, facts)


def iris(graph: Graph) -> set[str]:
    return {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}


def test_hostile_text_mints_only_valid_short_iris(graph: Graph) -> None:
    found = iris(graph) | {str(graph.identifier)}
    assert len(found) > 20
    bad = [i for i in found if not IRI.fullmatch(i) or len(i) > MAX_IRI]
    assert bad == []
    for value in found:  # Oxigraph's own IRI parser accepts every one
        ox.NamedNode(value)


def test_hostile_text_maps_without_rdflib_warnings(caplog: pytest.LogCaptureFixture) -> None:
    article, facts = hostile_article()
    with caplog.at_level(logging.DEBUG, logger="rdflib"):
        g = article_graph(article, facts)
        for fmt in ("turtle", "nt", "json-ld"):
            g.serialize(format=fmt)
    noisy = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert noisy == []


def test_hostile_text_turtle_reparses_exactly(graph: Graph) -> None:
    turtle = graph.serialize(format="turtle")
    again = Graph().parse(data=turtle, format="turtle")
    assert isomorphic(again, graph)
    literals = {
        str(o)
        for o in again.objects()
        if isinstance(o, Literal) and o.datatype in (None, XSD.string)
    }
    for value in HOSTILE:
        assert value in literals  # kept as data, byte for byte
    for fmt, data in (
        (ox.RdfFormat.TURTLE, turtle.encode("utf-8")),
        (ox.RdfFormat.N_TRIPLES, graph.serialize(format="nt", encoding="utf-8")),
    ):
        store = ox.Store()
        store.load(data, format=fmt)
        assert len(store) == len(graph)
        strings = {
            q.object.value
            for q in store
            if isinstance(q.object, ox.Literal) and q.object.datatype.value == str(XSD.string)
        }
        assert strings == literals


def test_hostile_text_survives_the_store_and_export(graph: Graph, tmp_path) -> None:
    from kg.rdf.export import serialize
    from kg.rdf.store import open_store, replace_graph

    store = open_store(tmp_path / "store")
    replace_graph(store, graph)
    for fmt, rdflib_fmt in (("turtle", "turtle"), ("nt", "nt"), ("trig", "trig")):
        data = serialize(store, fmt)
        if fmt != "trig":  # rdflib's TriG parser warns about its own deprecations
            assert len(Graph().parse(data=data.decode("utf-8"), format=rdflib_fmt)) >= len(graph)
        checked = ox.Store()
        checked.load(data, format={"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                                   "trig": ox.RdfFormat.TRIG}[fmt])  # fmt: skip
        assert len(checked) >= len(graph)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def test_hostile_text_is_inert_in_the_page(graph: Graph) -> None:
    from kg.graph.viz import render_html

    benign = _Page()
    benign.feed(render_html(Graph(), title="kg"))
    page_text = render_html(graph, title=f"{SCRIPT}{RTL}")
    page = _Page()
    page.feed(page_text)
    tags = [t for t, _ in page.tags]
    assert tags.count("script") == [t for t, _ in benign.tags].count("script")
    assert "img" not in tags and "iframe" not in tags
    assert not any(name.startswith("on") for _, attrs in page.tags for name, _ in attrs)
    hrefs = [v or "" for _, attrs in page.tags for n, v in attrs if n in ("href", "src")]
    assert not any(h.strip().lower().startswith("javascript:") for h in hrefs)
    assert SCRIPT not in page_text and IMG not in page_text
    data = page_text.split("</title>", 1)[1].split("<h1>", 1)[0]  # the graph data, not the title
    assert "\u202e" not in data  # a bidi override could reorder what the reader sees


def test_bidi_override_in_the_title_is_not_written_raw() -> None:
    from kg.graph.viz import render_html

    assert "\u202e" not in render_html(Graph(), title=f"{SCRIPT}{RTL}")
