"""The on-disk graph store (Oxigraph): one named graph per article, queries see the union.

Each article's triples live in its own named graph (provenance; replaced as a whole on
rebuild) and, once, in the default graph, which is kept equal to the set union of all named
graphs. Queries run against the default graph. (Oxigraph's "default graph as union" option
is a bag: a person named in 200 articles would match 200 times, and joins multiply.)
Only the RDF layer imports pyoxigraph.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import StoreError

DEFAULT = ox.DefaultGraph()


def open_store(path: Path, read_only: bool = False) -> ox.Store:
    """Open (or create) the store directory; read-only stores must exist already."""
    if read_only and not (path / "CURRENT").is_file():
        hint = "; run 'kg build' first or pass --store DIR"
        if (path / "store" / "CURRENT").is_file():
            hint = f"; did you mean --store {path / 'store'}?"
        raise StoreError(f"no graph store at '{path}'{hint}")
    try:
        if read_only:
            return ox.Store.read_only(str(path))
        path.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as exc:
        if "LOCK" in str(exc):
            raise StoreError(
                f"the graph store at '{path}' is in use by another kg build; "
                "wait for it to finish or build into another --out directory"
            ) from exc
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StoreError(f"cannot open the graph store at '{path}': {first}") from exc


def replace_graph(store: ox.Store, graph: Graph) -> int:
    """Put an article's graph in the store in place of its previous version; returns triples.

    Triples of the old version that no other named graph holds leave the union too.
    """
    name = ox.NamedNode(str(graph.identifier))
    data = graph.serialize(format="nt", encoding="utf-8")
    old: set[ox.Triple] = set()
    if store.contains_named_graph(name):
        old = {q.triple for q in store.quads_for_pattern(None, None, None, name)}
        store.remove_graph(name)
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    new = {q.triple for q in store.quads_for_pattern(None, None, None, name)}
    for triple in old - new:
        elsewhere = any(
            q.graph_name != DEFAULT
            for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
        )
        if not elsewhere:
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, DEFAULT))
    store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
    return len(graph)


def union_triples(store: ox.Store) -> list[ox.Triple]:
    """Every triple of every article graph, once (the default graph), in a stable order."""
    return sorted((q.triple for q in store.quads_for_pattern(None, None, None, DEFAULT)), key=str)


def named_quads(store: ox.Store) -> list[ox.Quad]:
    """The quads of the named graphs (the dataset without its union copy), in a stable order."""
    quads = (q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT)
    return sorted(quads, key=str)


def to_rdflib(store: ox.Store) -> Graph:
    """The union graph as an rdflib Graph (for the page and for networkx)."""
    graph = Graph()
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph
