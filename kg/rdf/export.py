"""Serialise the store in any RDF syntax of :data:`kg.rdf.formats.FORMATS`.

A triple syntax (Turtle, N-Triples, RDF/XML) holds the union of all article graphs. A
dataset syntax (TriG, N-Quads, JSON-LD) holds one named graph per article **and** the union
as its default graph, exactly as kg's store does: loaded into any SPARQL 1.1 store, with no
union-default-graph setting, the packaged queries give the same rows as on kg's own store.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from kg.atomic import write_atomic
from kg.errors import ExportError
from kg.rdf.formats import EXPORT_FORMATS, FORMATS
from kg.rdf.mapping import PREFIXES
from kg.rdf.oxerrors import oxigraph_errors
from kg.rdf.store import DEFAULT, named_quads, union_triples

__all__ = ["FORMATS", "serialize", "write_atomic"]  # write_atomic: kg.atomic


def serialize(store: ox.Store, fmt: str, extra: Sequence[ox.Quad] = ()) -> bytes:
    """The whole graph in one of EXPORT_FORMATS (see the module docstring), with ``extra``
    quads (``kg export --void``'s description, :mod:`kg.rdf.describe`): in a dataset syntax
    in their named graph and in the union default graph, else as triples of the union."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of: {', '.join(EXPORT_FORMATS)}")
    target = FORMATS[fmt]
    with oxigraph_errors("export", ExportError):
        union = [*union_triples(store), *(q.triple for q in extra)]
        if target.kind == "dataset":
            default = [ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in union]
            data = ox.serialize(
                [*default, *named_quads(store), *extra], format=target.rdf, prefixes=PREFIXES
            )
        else:
            data = ox.serialize(union, format=target.rdf, prefixes=PREFIXES)
    return data or b""
