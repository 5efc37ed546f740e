"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, GraphDB, Virtuoso, QLever, ...).

``--store URL`` names the server's query endpoint. Queries go over the SPARQL 1.1
Protocol; ``kg build`` writes each article with one SPARQL 1.1 Update request that
replaces its named graph and keeps the default graph equal to the union of the article
graphs (the same layout as the local store, so the packaged queries run unchanged).
The update endpoint is the query URL with ``/query`` replaced by ``/update`` (Oxigraph,
Fuseki), or the same URL for servers that take both on one endpoint, or ``$KG_UPDATE_URL``.

``RemoteStore`` offers the few methods of ``pyoxigraph.Store`` that kg uses (``query``,
``quads_for_pattern`` for whole graphs, ``flush``), so the query and export code runs on
either. Only the standard library talks HTTP here.
"""

from __future__ import annotations

import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from kg.errors import StoreError
from kg.rdf.formats import FORMATS
from kg.rdf.oxerrors import oxigraph_errors

UPDATE_ENV = "KG_UPDATE_URL"
TIMEOUT = 120.0  # seconds for one HTTP request
RESULTS, TRIPLES = FORMATS["json"], FORMATS["nt"]


def is_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def update_url_for(query_url: str) -> str:
    env = os.environ.get(UPDATE_ENV, "").strip()
    if env:
        return env
    parts = urllib.parse.urlsplit(query_url)
    path = parts.path
    if path.endswith("/query"):
        path = path[: -len("query")] + "update"
    elif path.endswith("/sparql"):
        pass  # Virtuoso, Stardog, QLever: one endpoint for both
    return urllib.parse.urlunsplit(parts._replace(path=path))


class RemoteStore:
    """A SPARQL server, used through the same calls as a local pyoxigraph store."""

    def __init__(self, url: str, update_url: str | None = None) -> None:
        self.url = url
        self.update_url = update_url or update_url_for(url)

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r})"

    # --- HTTP -----------------------------------------------------------------------------
    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> tuple[str, bytes]:
        """(the answer's media type, its body)."""
        request = urllib.request.Request(
            url,
            data=body,
            headers={"Content-Type": content_type, "Accept": accept, "User-Agent": "kg"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                data: bytes = response.read()
                media = response.headers.get_content_type()
                return str(media), data
        except urllib.error.HTTPError as exc:
            with exc:
                detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            first = detail[0][:200] if detail else exc.reason
            raise StoreError(f"SPARQL server {url} answered {exc.code}: {first}") from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"cannot reach the SPARQL server at {url}: {reason}") from exc

    def query(self, sparql: str, **_: Any) -> Any:
        """Run a query: SELECT/ASK give pyoxigraph results, CONSTRUCT/DESCRIBE a list of
        triples (what ``kg.query.formats.write_result`` takes for either store)."""
        media, data = self._post(
            self.url,
            sparql.encode("utf-8"),
            "application/sparql-query",
            f"{RESULTS.media_type}, {TRIPLES.media_type};q=0.9",
        )
        with oxigraph_errors(f"reading the answer of {self.url}", StoreError):
            if media == TRIPLES.media_type:
                return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def update(self, sparql: str) -> None:
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update", "*/*")

    # --- what kg.rdf.store and kg.rdf.export need -------------------------------------------------
    def quads_for_pattern(
        self, subject: None, predicate: None, obj: None, graph: Any = None
    ) -> Iterator[ox.Quad]:
        """All quads of the default graph (``graph`` = DefaultGraph) or of the named graphs
        (``graph`` = None). Only whole-graph patterns are supported."""
        if subject is not None or predicate is not None or obj is not None:
            raise NotImplementedError("a remote store lists whole graphs only")
        if isinstance(graph, ox.DefaultGraph):
            for triple in self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"):
                yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)
            return
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in rows:
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def flush(self) -> None:
        """Every update is committed by the server when its request returns."""


def write_graph(store: RemoteStore, graph_iri: str, ntriples: bytes) -> None:
    """Replace one article's named graph and its share of the union in one update request.

    The server runs the request as one transaction where it supports that (Oxigraph and
    Fuseki do): first the union triples only the old version held leave the default graph,
    then the old graph is dropped and the new one inserted with its union copy.
    """
    g = f"<{graph_iri}>"
    triples = ntriples.decode("utf-8")
    update = (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{triples}}}\n{triples}}}"
    )
    store.update(update)
