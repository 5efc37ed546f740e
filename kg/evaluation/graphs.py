"""Gold articles through kg's own path, into stores kept in memory, and query rows out.

An evaluation measures what a user of the graph sees: each article goes through the same
per-article job as ``kg build`` (:mod:`kg.pipeline`: parse, extract, map to RDF), its graph
is written into an Oxigraph store held in memory beside the ontology, as a build writes it,
and the packaged queries give the rows that are scored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.ingest import Article
from kg.pipeline import ArticleResult
from kg.rdf.graphstore import GraphStore

if TYPE_CHECKING:
    import pyoxigraph as ox

log = logging.getLogger(__name__)

# The role class of each membership, to join with the rows of officials.rq.
ROLE_CLASS_QUERY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://example.org/kg/ontology#>
SELECT DISTINCT ?article ?official ?role ?roleClass
WHERE {
  ?membership a org:Membership ; org:member ?member ; kg:roleTitle ?role ;
              kg:roleClass ?roleClass ; dcterms:source ?article .
  ?member kg:canonical? ?official .  # the person as officials.rq names them
  FILTER NOT EXISTS { ?official kg:canonical ?merged }
}
"""


def article_results(
    articles: Iterable[Article], model: str | None = None
) -> Iterator[ArticleResult]:
    """Each article's graph as ``kg build`` makes it, in this process; an article an
    extractor fails on is skipped with a warning (its gold then counts as missed)."""
    from kg.pipeline import Workers

    with Workers(model, jobs=1) as workers:
        for result in workers.results(articles):
            if result.error is not None:
                log.warning("article '%s' skipped: %s", result.article_id, result.error)
            yield result


def memory_store() -> Any:
    """An Oxigraph store in memory holding the ontology, as a build's store does."""
    import pyoxigraph as ox

    from kg.rdf.store import write_graph

    store = ox.Store()
    write_graph(store, *_ontology())
    return store


@lru_cache(maxsize=1)
def _ontology() -> tuple[str, bytes]:
    """The ontology's graph name and N-Triples, parsed once (DWIE makes a store per article)."""
    from kg.rdf.mapping import ontology_graph

    graph = ontology_graph()
    return str(graph.identifier), graph.serialize(format="nt", encoding="utf-8")


def add_result(store: ox.Store, result: ArticleResult) -> None:
    """Write one article's graph into the store (nothing for an article that failed)."""
    from kg.rdf.store import write_graph

    if result.error is None:
        write_graph(store, result.graph_iri, result.ntriples)


def resolve(store: GraphStore) -> None:
    """Resolve the store across its articles, as ``kg build`` does after its articles."""
    from kg.resolve import resolve_store

    resolve_store(store)


def select(store: GraphStore, query: str) -> list[dict[str, str]]:
    """The rows of a SELECT query (a packaged query's name or SPARQL text), each a dict of
    the bound variables' values as text; unbound variables are left out."""
    from kg.query import resolve_query, run_query

    result = json.loads(run_query(store, resolve_query(query), {}, "json"))
    return [
        {name: cell["value"].strip() for name, cell in row.items()}
        for row in result["results"]["bindings"]
    ]
