"""A VoID and DCAT description of the graph, for ``kg export --void``.

What a catalogue or a crawler wants to know before it loads a graph: how many triples and
articles, per class how many things, the publication dates the articles span, the
vocabularies it uses, where its instance IRIs live (``void:uriSpace``) and under which
licence it may be used (``--license IRI``, the user's to choose). Every figure is counted by
the store; the description goes into its own named graph (``graph/void``) of the export.
Its nodes are named (``id:dataset``, ``id:dataset/class/...``), so the same store gives the
same export.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.graphstore import GraphStore
from kg.rdf.ontology import BASE, GRAPH, ID

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
SCHEMA = "https://schema.org/"
_LICENSE = re.compile(r"(https?://[^\s<>\"{}|\\^`]+|urn:[a-z0-9][a-z0-9-]*:\S+)", re.IGNORECASE)

_CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class"
_PREDICATES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"
_DATES = (
    f"SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE {{ ?a a <{SCHEMA}NewsArticle> ; "
    f"<{SCHEMA}datePublished> ?d }}"
)


def check_license(iri: str) -> str:
    """A licence IRI as given (``https://creativecommons.org/licenses/by/4.0/``)."""
    if not _LICENSE.fullmatch(iri.strip()):
        raise ExportError(
            f"not a licence IRI: '{iri}'; give an absolute IRI such as "
            "https://creativecommons.org/licenses/by/4.0/"
        )
    return iri.strip()


def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _count(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_node(XSD + "integer"))


def namespace_of(iri: str) -> str:
    """The vocabulary an IRI belongs to: up to its last ``#`` or ``/``."""
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def describe(store: GraphStore, license_iri: str | None = None) -> list[ox.Quad]:
    """The description of the store's union graph, as quads of the ``graph/void`` graph."""
    dataset = _node(str(ID["dataset"]))
    graph = _node(str(GRAPH["void"]))
    triples: list[tuple[ox.NamedNode, ox.NamedNode, Any]] = [
        (dataset, RDF_TYPE, _node(VOID + "Dataset")),
        (dataset, RDF_TYPE, _node(DCAT + "Dataset")),
        (dataset, _node(VOID + "uriSpace"), ox.Literal(str(ID))),
        (dataset, _node(DCT + "conformsTo"), _node(BASE + "ontology")),
    ]
    (row,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    triples.append((dataset, _node(VOID + "triples"), _count(int(row["n"].value))))
    articles = 0
    classes = set()
    for row in store.query(_CLASSES):
        kind, n = row["class"], int(row["n"].value)
        if not isinstance(kind, ox.NamedNode):
            continue
        classes.add(kind.value)
        articles = n if kind.value == SCHEMA + "NewsArticle" else articles
        part = _node(str(ID[f"dataset/class/{hashlib.sha1(kind.value.encode()).hexdigest()[:12]}"]))
        triples += [
            (dataset, _node(VOID + "classPartition"), part),
            (part, _node(VOID + "class"), kind),
            (part, _node(VOID + "entities"), _count(n)),
        ]
    title = f"kg graph of {articles} article{'s' if articles != 1 else ''}"
    triples.append((dataset, _node(DCT + "title"), ox.Literal(title)))
    predicates = {row["p"].value for row in store.query(_PREDICATES)}
    for vocabulary in sorted({namespace_of(i) for i in predicates | classes} - {str(ID)}):
        triples.append((dataset, _node(VOID + "vocabulary"), _node(vocabulary)))
    triples += _period(store, dataset)
    if license_iri:
        triples.append((dataset, _node(DCT + "license"), _node(check_license(license_iri))))
    return [ox.Quad(s, p, o, graph) for s, p, o in triples]


def _period(store: GraphStore, dataset: ox.NamedNode) -> list[tuple[Any, ox.NamedNode, Any]]:
    """``dcterms:temporal``: the first and last publication dates of the articles."""
    (row,) = store.query(_DATES)
    if row["first"] is None:
        return []
    period = _node(str(ID["dataset/period"]))
    return [
        (dataset, _node(DCT + "temporal"), period),
        (period, RDF_TYPE, _node(DCT + "PeriodOfTime")),
        (period, _node(DCAT + "startDate"), row["first"]),
        (period, _node(DCAT + "endDate"), row["last"]),
    ]
