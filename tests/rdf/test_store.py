"""The store: named graph per article, a deduplicated union for queries, clean replacement."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox

from kg.facts import COUNTRY, PERSON, EntityRef, Evidence, Mention, OfficialRole, Span
from kg.ingest import Article
from kg.query import resolve_query, run_query
from kg.rdf.mapping import article_graph
from kg.rdf.store import DEFAULT, open_store, replace_graph, union_triples

ISHIBA = EntityRef(PERSON, "Shigeru Ishiba", "Shigeru Ishiba")


def article(article_id: str, text: str, title: str = "PM") -> tuple[Article, list]:
    a = Article(
        id=article_id,
        text=text,
        title=title,
        published=dt.date(2025, 5, 29),
        source=None,
        url=None,
        path=None,
    )
    ev = Evidence(Span(0, len(text), text), Span(0, 14, text[:14]))
    facts = [
        Mention(ISHIBA, ("Ishiba",), ev),
        OfficialRole(
            ISHIBA,
            "Prime Minister",
            "Prime Minister",
            "head_of_government",
            EntityRef(COUNTRY, "JP", "Japan"),
            True,
            "",
            ev,
        ),
    ]
    return a, facts


def test_store_union_has_each_shared_triple_once(tmp_path):
    store = open_store(tmp_path / "store")
    for i in range(5):
        replace_graph(store, article_graph(*article(f"a{i}", f"Shigeru Ishiba spoke {i}.")))
    name = ox.Quad(
        ox.NamedNode("https://example.org/kg/id/person/shigeru-ishiba"),
        ox.NamedNode("https://schema.org/name"),
        ox.Literal("Shigeru Ishiba"),
        DEFAULT,
    )
    assert list(store.quads_for_pattern(name.subject, name.predicate, name.object, DEFAULT))
    assert len(list(store.named_graphs())) == 5
    rows = run_query(store, resolve_query("officials"), {}, "csv").splitlines()
    assert len(rows) == 1 + 5  # one row per article, no join blow-up


def test_store_replacing_an_article_drops_only_its_own_triples(tmp_path):
    store = open_store(tmp_path / "store")
    replace_graph(store, article_graph(*article("a", "Shigeru Ishiba spoke.", title="Old")))
    replace_graph(store, article_graph(*article("b", "Shigeru Ishiba left.")))
    before = len(union_triples(store))
    replace_graph(store, article_graph(*article("a", "Shigeru Ishiba spoke.", title="New")))
    labels = run_query(
        store,
        "PREFIX schema: <https://schema.org/> SELECT ?h WHERE "
        "{ ?a schema:headline ?h } ORDER BY ?h",
        {},
        "csv",
    ).split()
    assert labels == ["h", "New", "PM"]  # the old headline is gone, article b untouched
    assert len(union_triples(store)) == before
    # the person is still named: article b still says so
    assert "Shigeru Ishiba" in run_query(store, resolve_query("officials"), {}, "csv")
