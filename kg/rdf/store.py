"""The on-disk graph store (Oxigraph): one named graph per article, queries see the union.

Each article's triples live in its own named graph (provenance; replaced as a whole on
rebuild) and, once, in the default graph, which is kept equal to the set union of all named
graphs. Queries run against the default graph. (Oxigraph's "default graph as union" option
is a bag: a person named in 200 articles would match 200 times, and joins multiply.)
Only the RDF layer imports pyoxigraph.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import StoreError
from kg.rdf.graphstore import GraphStore
from kg.rdf.remote import RemoteStore, is_url
from kg.rdf.remote import write_graph as remote_write_graph

DEFAULT = ox.DefaultGraph()


def open_store(path: Path | str, read_only: bool = False) -> Any:
    """Open (or create) the store directory; read-only stores must exist already.

    An ``http(s)://`` location is a remote SPARQL server (``kg.rdf.remote.RemoteStore``).
    """
    if is_url(path):
        return _open_remote(str(path))
    path = Path(path)
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
        raise store_error(path, exc) from exc
    except RuntimeError as exc:
        raise store_error(path, exc) from exc


def store_error(location: Path | str, exc: BaseException) -> StoreError:
    """One line for what Oxigraph (RocksDB) reports: a full disk, a damaged store, else
    its own first line. A damaged store cannot be repaired by kg; the line says what helps."""
    first = (str(exc).splitlines() or [type(exc).__name__])[0]
    if getattr(exc, "errno", None) == errno.ENOSPC or "No space left on device" in first:
        return StoreError(
            f"no space left on the device of the graph store '{location}'; free some space "
            "and run the same command again (the articles already stored are kept)"
        )
    if "Corruption" in first or "corrupted" in first:
        return StoreError(
            f"the graph store at '{location}' is damaged ({_rocksdb_detail(first)}); rebuild "
            "it from the articles into a fresh store (kg build --force --store NEW_DIR, or "
            f"move it away first), or try kg export --store {location} to save what is "
            "still readable"
        )
    return StoreError(f"cannot use the graph store at '{location}': {first}")


def _rocksdb_detail(line: str, limit: int = 160) -> str:
    """RocksDB's own words, without its prefix and its guess about the MANIFEST."""
    detail = " ".join(line.replace("Corruption: ", "").split("  The file ")[0].split())
    return detail if len(detail) <= limit else detail[: limit - 1].rsplit(" ", 1)[0] + "…"


@contextmanager
def store_errors(location: Path | str) -> Iterator[None]:
    """Turn the storage errors of a block of store work into :func:`store_error` lines.
    Only OSError and RocksDB's RuntimeErrors (I/O, corruption) are translated."""
    try:
        yield
    except OSError as exc:
        raise store_error(location, exc) from exc
    except RuntimeError as exc:
        if not _is_storage_error(exc):
            raise
        raise store_error(location, exc) from exc


def _is_storage_error(exc: RuntimeError) -> bool:
    text = str(exc)
    return text.startswith(("Corruption", "IO error", "IOError")) or "No space left" in text


def _open_remote(url: str) -> RemoteStore:
    store = RemoteStore(url)
    store.query("ASK { }")  # a clear error now if the server is not there
    return store


def replace_graph(store: ox.Store | RemoteStore, graph: Graph) -> int:
    """Put an article's graph in the store in place of its previous version; returns triples."""
    data = graph.serialize(format="nt", encoding="utf-8")
    write_graph(store, str(graph.identifier), data)
    return len(graph)


def write_graph(store: ox.Store | RemoteStore, graph_iri: str, ntriples: bytes) -> None:
    """Write one named graph (N-Triples) and its share of the union, replacing an old version.

    A new graph goes in with one transactional load (the named graph and the union copy
    together), so a build killed at any moment leaves each article either complete or
    absent. Replacing a graph first removes the union triples only the old version held,
    then swaps the graph; a crash in between leaves the old version, or none, to be
    rebuilt on the next run.
    """
    if isinstance(store, RemoteStore):
        remote_write_graph(store, graph_iri, ntriples)
        return
    name = ox.NamedNode(graph_iri)
    if store.contains_named_graph(name):
        new = set(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES))
        for quad in list(store.quads_for_pattern(None, None, None, name)):
            triple = quad.triple
            if triple in new:
                continue
            elsewhere = any(
                q.graph_name != DEFAULT and q.graph_name != name
                for q in store.quads_for_pattern(
                    triple.subject, triple.predicate, triple.object, None
                )
            )
            if not elsewhere:
                store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, DEFAULT))
        store.remove_graph(name)
    store.load(_with_union(ntriples, graph_iri), format=ox.RdfFormat.N_QUADS)


def _with_union(ntriples: bytes, graph_iri: str) -> bytes:
    """N-Quads holding each triple twice: in the named graph and in the default graph."""
    suffix = f" <{graph_iri}> .".encode()
    named = b"\n".join(
        line[:-2] + suffix if line.endswith(b" .") else line
        for line in ntriples.splitlines()
        if line.strip()
    )
    return named + b"\n" + ntriples


HASHES_QUERY = (
    "SELECT ?g ?hash ?key WHERE "
    "{ GRAPH ?g { ?article <%s> ?hash OPTIONAL { ?article <%s> ?key } } }"
)


def stored_hashes(store: ox.Store | RemoteStore) -> dict[str, str]:
    """Graph IRI -> "content hash|build key" of every article in the store: what a rebuild
    compares with (``kg.build``) to skip an article."""
    from kg.rdf.ontology import KG

    rows = store.query(HASHES_QUERY % (KG.contentHash, KG.buildKey))
    return {
        row["g"].value: f"{row['hash'].value}|{row['key'].value if row['key'] else ''}"
        for row in rows  # type: ignore[union-attr]
    }


def count_triples(store: GraphStore) -> int:
    """Triples in the union (the default graph); counted by the store, not in Python."""
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(row["n"].value)


def union_triples(store: GraphStore) -> list[ox.Triple]:
    """Every triple of every article graph, once (the default graph), in a stable order."""
    return sorted((q.triple for q in store.quads_for_pattern(None, None, None, DEFAULT)), key=str)


def named_quads(store: GraphStore) -> list[ox.Quad]:
    """The quads of the named graphs (the dataset without its union copy), in a stable order."""
    quads = (q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT)
    return sorted(quads, key=str)
