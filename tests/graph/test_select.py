"""kg viz's selection as a library function, on the seed's store."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.graph.network import from_store
from kg.graph.select import Selection, of_articles, select
from kg.query import resolve_query
from kg.rdf.store import open_store


@pytest.fixture(scope="module")
def seed_graph(seed_build):
    out, _ = seed_build
    store = open_store(out / "store", read_only=True)
    return store, from_store(store)


def test_an_empty_selection_keeps_everything(seed_graph):
    store, g = seed_graph
    kept, what = select(g, store, Selection())
    assert what == ""
    assert set(kept.nodes) == set(g.nodes)


def test_focus_keeps_a_neighbourhood_and_names_it(seed_graph):
    store, g = seed_graph
    near, what = select(g, store, Selection(focus="Akazawa", hops=1))
    labels = {near.nodes[n]["label"] for n in near.nodes}
    assert "Ryosei Akazawa" in labels
    assert what == "Ryosei Akazawa and 1 hops around"
    assert 1 < near.number_of_nodes() < g.number_of_nodes()
    wider, _ = select(g, store, Selection(focus="Akazawa", hops=2))
    assert set(near.nodes) <= set(wider.nodes)


def test_steps_narrow_in_order_and_describe_themselves(seed_graph):
    store, g = seed_graph
    officials = resolve_query("officials")
    kept, what = select(
        g, store, Selection(query=officials, query_name="officials", focus="Bessent", top=3)
    )
    assert what == "query officials; Scott Bessent and 2 hops around; top 3 by PageRank"
    queried, _ = select(g, store, Selection(query=officials, query_name="officials"))
    assert "Scott Bessent" in {queried.nodes[n]["label"] for n in queried.nodes}
    assert set(kept.nodes) <= set(queried.nodes) < set(g.nodes)
    top, what = select(g, store, Selection(top=3))
    assert (top.number_of_nodes(), what) == (3, "top 3 by PageRank")


def test_a_query_that_names_no_node_is_an_error(seed_graph):
    store, g = seed_graph
    with pytest.raises(QueryError, match="returned no node"):
        select(g, store, Selection(query="SELECT ?x WHERE { BIND(1 AS ?x) }", query_name="q"))


def test_articles_keep_what_they_state(seed_graph):
    _store, g = seed_graph
    article = next(n for n, d in g.nodes(data=True) if d.get("kind") == "article")
    part = of_articles(g, [article])
    assert part.number_of_nodes() > 1
    assert of_articles(g, []) is g
