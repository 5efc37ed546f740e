"""Deterministic IRIs, minted in one place from normalised keys.

The same entity gets the same IRI in every article (a person by full name, a country
and its government by ISO code); a fact node's IRI is its article plus a digest of the
fact's content, so building the same article twice gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.facts import COUNTRY, GOVERNMENT, GROUP, PERSON, PLACE, EntityRef, Fact, fact_line
from kg.ontology import GRAPH, ID

_MAX_SLUG = 80


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-'; a digest when nothing readable is left.

    Long or non-Latin keys get a short digest appended so distinct keys stay distinct.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    if not words:
        return digest
    if len(words) > _MAX_SLUG or ascii_text != text:
        return f"{words[:_MAX_SLUG].rstrip('-')}-{digest}"
    return words


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{slug(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything one article says."""
    return GRAPH[slug(article_id)]


def entity_iri(ref: EntityRef, article_id: str) -> URIRef:
    if ref.kind == PERSON:
        return ID[f"person/{slug(ref.key)}"]
    if ref.kind == COUNTRY and "-" in ref.key:  # a state or province: ISO 3166-2 "DE-BY"
        return ID[f"region/{ref.key.lower()}"]
    if ref.kind == COUNTRY:
        return ID[f"country/{ref.key.lower()}"]
    if ref.kind == GOVERNMENT:
        return ID[f"government/{ref.key.lower()}"]
    if ref.kind == PLACE:
        return ID[f"place/{slug(ref.key)}"]
    if ref.kind == GROUP:  # "diplomatic sources" are not the same people in every article
        return ID[f"group/{slug(article_id)}/{slug(ref.key)}"]
    raise ValueError(f"unknown entity kind '{ref.kind}'")


def post_iri(country_iso2: str, office: str) -> URIRef:
    return ID[f"post/{country_iso2.lower()}/{slug(office)}"]


def role_iri(office: str) -> URIRef:
    return ID[f"role/{slug(office)}"]


def fact_iri(kind: str, article_id: str, fact: Fact) -> URIRef:
    digest = hashlib.sha1(fact_line(fact).encode("utf-8")).hexdigest()[:16]
    return ID[f"{kind}/{slug(article_id)}/{digest}"]


def evidence_iri(article_id: str, start: int, end: int) -> URIRef:
    return ID[f"evidence/{slug(article_id)}/{start}-{end}"]
