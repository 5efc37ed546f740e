"""Serialise the store: the union of all articles (Turtle, N-Triples, JSON-LD) or the
dataset with one named graph per article (TriG, N-Quads)."""

from __future__ import annotations

import pyoxigraph as ox

from kg.atomic import write_atomic
from kg.errors import ExportError
from kg.rdf.mapping import PREFIXES
from kg.rdf.store import named_quads, union_triples

__all__ = ["FORMATS", "serialize", "write_atomic"]  # write_atomic: kg.atomic

FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}


def serialize(store: ox.Store, fmt: str) -> bytes:
    """The whole graph in one of FORMATS."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    rdf_format, dataset = FORMATS[fmt]
    if dataset:
        data = ox.serialize(named_quads(store), format=rdf_format, prefixes=PREFIXES)
    else:
        data = ox.serialize(union_triples(store), format=rdf_format, prefixes=PREFIXES)
    return data or b""
