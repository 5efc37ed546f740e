"""Deterministic IRIs, minted in one place from normalised keys.

The same entity gets the same IRI in every article (a person by full name, a country
and its government by ISO code); a fact node's IRI is its article plus a digest of the
fact's content, so building the same article twice gives the same graph.

Whatever the text, an IRI holds only ``[a-z0-9-/]`` after the namespace and stays short:
keys are slugged to at most 80 characters plus a digest, so markup, quotes, control or
bidirectional characters and 10,000-character "names" never reach an IRI.
"""

from __future__ import annotations

import hashlib
import re

from rdflib import URIRef

from kg.facts import COUNTRY, GOVERNMENT, GROUP, PERSON, PLACE, EntityRef, Fact, fact_line
from kg.keys import slug
from kg.rdf.ontology import GRAPH, ID

__all__ = [
    "article_iri",
    "entity_iri",
    "evidence_iri",
    "fact_iri",
    "graph_iri",
    "post_iri",
    "role_iri",
    "slug",
]

_ISO_CODE = re.compile(r"[A-Za-z]{2,3}")


def _code(key: str) -> str:
    """A country's ISO code as it appears in IRIs; any other key is slugged, so a key that is
    not a code can never put characters an IRI may not hold into one."""
    return key.lower() if _ISO_CODE.fullmatch(key) else slug(key)


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{slug(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything one article says."""
    return GRAPH[slug(article_id)]


def entity_iri(ref: EntityRef, article_id: str) -> URIRef:
    if ref.kind == PERSON:
        return ID[f"person/{slug(ref.key)}"]
    if ref.kind == COUNTRY and "-" in ref.key:  # a state or province: ISO 3166-2 "DE-BY"
        return ID[f"region/{slug(ref.key)}"]  # slug("DE-BY") == "de-by"
    if ref.kind == COUNTRY:
        return ID[f"country/{_code(ref.key)}"]
    if ref.kind == GOVERNMENT:
        return ID[f"government/{_code(ref.key)}"]
    if ref.kind == PLACE:
        return ID[f"place/{slug(ref.key)}"]
    if ref.kind == GROUP:  # "diplomatic sources" are not the same people in every article
        return ID[f"group/{slug(article_id)}/{slug(ref.key)}"]
    raise ValueError(f"unknown entity kind '{ref.kind}'")


def post_iri(country_iso2: str, office: str) -> URIRef:
    return ID[f"post/{_code(country_iso2)}/{slug(office)}"]


def role_iri(office: str) -> URIRef:
    return ID[f"role/{slug(office)}"]


def fact_iri(kind: str, article_id: str, fact: Fact) -> URIRef:
    digest = hashlib.sha1(fact_line(fact).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return ID[f"{kind}/{slug(article_id)}/{digest}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"evidence/{slug(article_id)}/{start}-{end}"]
