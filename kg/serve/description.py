"""The SPARQL 1.1 Service Description of kg's endpoint: what a GET on it with no query
answers, so SPARQL clients and editors can discover what it speaks.

One implementation, for ``kg serve`` and for anything else that describes kg's endpoint.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.formats import FORMATS
from kg.rdf.ontology import FORMATS_NS, RDF, SD

# W3C's unique URIs of the formats kg serves (https://www.w3.org/ns/formats/)
_FORMAT_URIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "nt": "N-Triples",
    "rdfxml": "RDF_XML",
    "n3": "N3",
    "trig": "TriG",
    "nquads": "N-Quads",
    "jsonld": "JSON-LD",
}


def _iri(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def service_description(endpoint: str) -> list[ox.Triple]:
    """The triples that describe a read-only kg endpoint at ``endpoint``: SPARQL 1.1 Query,
    its result formats, and a default graph that is the union of the article graphs."""
    service = ox.BlankNode("service")
    dataset = ox.BlankNode("dataset")
    default = ox.BlankNode("defaultGraph")
    triples = [
        (service, RDF.type, _iri(SD.Service)),
        (service, SD.endpoint, ox.NamedNode(endpoint)),
        (service, SD.supportedLanguage, _iri(SD.SPARQL11Query)),
        (service, SD.feature, _iri(SD.UnionDefaultGraph)),
        (service, SD.defaultDataset, dataset),
        (dataset, RDF.type, _iri(SD.Dataset)),
        (dataset, SD.defaultGraph, default),
        (default, RDF.type, _iri(SD.Graph)),
    ]
    for name in FORMATS:
        triples.append((service, SD.resultFormat, _iri(FORMATS_NS[_FORMAT_URIS[name]])))
    return [
        ox.Triple(s, p if isinstance(p, ox.NamedNode) else _iri(p), o)  # type: ignore[arg-type]
        for s, p, o in triples
    ]
