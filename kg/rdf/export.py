"""Serialise the store in any RDF syntax of :data:`kg.rdf.formats.FORMATS`.

A triple syntax (Turtle, N-Triples, RDF/XML) holds the union of all article graphs. A
dataset syntax (TriG, N-Quads, JSON-LD) holds one named graph per article **and** the union
as its default graph, exactly as kg's store does: loaded into any SPARQL 1.1 store, with no
union-default-graph setting, the packaged queries give the same rows as on kg's own store.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.formats import EXPORT_FORMATS, FORMATS
from kg.rdf.mapping import PREFIXES
from kg.rdf.oxerrors import oxigraph_errors
from kg.rdf.store import DEFAULT, named_quads, union_triples


def serialize(store: ox.Store, fmt: str) -> bytes:
    """The whole graph in one of EXPORT_FORMATS (see the module docstring)."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of: {', '.join(EXPORT_FORMATS)}")
    target = FORMATS[fmt]
    with oxigraph_errors("export", ExportError):
        union = union_triples(store)
        if target.kind == "dataset":
            default = [ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in union]
            data = ox.serialize(
                [*default, *named_quads(store)], format=target.rdf, prefixes=PREFIXES
            )
        else:
            data = ox.serialize(union, format=target.rdf, prefixes=PREFIXES)
    return data or b""


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename, so no reader sees half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; outputs are ordinary files
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot write '{path}': {exc.strerror or exc}") from exc
