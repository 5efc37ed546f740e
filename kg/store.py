"""The on-disk graph store (Oxigraph): one named graph per article, queries see the union.

Only the RDF layer imports pyoxigraph. Replacing an article's graph drops its old triples
first, so rebuilding an article never duplicates facts.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import StoreError

UNION_TRIPLES = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def open_store(path: Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store directory; read-only stores must exist already."""
    try:
        if read_only:
            if not path.is_dir():
                raise StoreError(
                    f"no graph store at '{path}'; run 'kg build' first or pass --store DIR"
                )
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        raise StoreError(f"cannot open the graph store at '{path}': {exc}") from exc


def replace_graph(store: ox.Store, graph: Graph) -> int:
    """Put an article's graph in the store in place of its previous version; returns triples."""
    name = ox.NamedNode(str(graph.identifier))
    data = graph.serialize(format="nt", encoding="utf-8")
    if store.contains_named_graph(name):
        store.remove_graph(name)
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    return len(graph)


def union_triples(store: ox.Store) -> set[ox.Triple]:
    """Every triple of every article graph, without duplicates."""
    return set(store.query(UNION_TRIPLES))  # type: ignore[arg-type]


def to_rdflib(store: ox.Store) -> Graph:
    """The union graph as an rdflib Graph (for the page and for networkx)."""
    graph = Graph()
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
