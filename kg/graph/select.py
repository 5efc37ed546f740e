"""Which part of the graph a page draws: ``kg viz``'s selection, usable without the CLI.

The steps narrow one after the other, in this order: the articles, the nodes a query
returns, a neighbourhood around one node, the most central nodes. Each step names itself
in the description a page uses as its title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from kg.errors import QueryError
from kg.graph.network import find_node, induced, neighbourhood, nodes_from_query, nodes_of_article
from kg.rdf.graphstore import GraphStore


@dataclass(frozen=True)
class Selection:
    """What to keep of the graph; the defaults keep all of it."""

    articles: Sequence[str] = ()
    query: str | None = None  # SPARQL text whose results name the nodes to keep
    query_name: str | None = None  # how the query is named in the description
    focus: str | None = None  # a node's name: keep it and ``hops`` relations around it
    hops: int = 2
    top: int | None = None  # keep the N most central nodes (PageRank)


def of_articles(g: nx.MultiDiGraph, articles: Sequence[str]) -> nx.MultiDiGraph:
    """The part of the graph that the given articles state (all of it with none given)."""
    if not articles:
        return g
    keep: set[str] = set()
    for article in articles:
        keep |= nodes_of_article(g, article)
    return induced(g, keep)


def select(
    g: nx.MultiDiGraph, store: GraphStore, selection: Selection
) -> tuple[nx.MultiDiGraph, str]:
    """The selected part of ``g`` (built from ``store``) and a description of it ("" when
    the selection keeps everything)."""
    from kg.graph.analyze import top_nodes

    g = of_articles(g, selection.articles)
    what = [f"article {', '.join(selection.articles)}"] if selection.articles else []
    if selection.query is not None:
        name = selection.query_name or "given"
        found = nodes_from_query(g, store, selection.query)
        if not found:
            raise QueryError(
                f"the query {name} returned no node of the graph; return the IRIs of "
                "people, governments, meetings, policies or quotes (SELECT or CONSTRUCT)"
            )
        g = induced(g, found)
        what.append(f"query {name}")
    if selection.focus:
        centre = find_node(g, selection.focus)
        g = induced(g, neighbourhood(g, centre, selection.hops))
        what.append(f"{g.nodes[centre]['label']} and {selection.hops} hops around")
    if selection.top is not None:
        g = induced(g, top_nodes(g, selection.top), with_articles=False)
        what.append(f"top {selection.top} by PageRank")
    return g, "; ".join(what)
