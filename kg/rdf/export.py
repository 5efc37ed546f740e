"""Serialise the store: the union of all articles (Turtle, N-Triples, JSON-LD) or the
dataset with one named graph per article (TriG, N-Quads)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ExportError
from kg.rdf.mapping import PREFIXES
from kg.rdf.store import named_quads, union_triples

FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, False),
    "trig": (ox.RdfFormat.TRIG, True),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nquads": (ox.RdfFormat.N_QUADS, True),
    "jsonld": (ox.RdfFormat.JSON_LD, True),
}


def serialize(store: ox.Store, fmt: str, extra: Sequence[ox.Quad] = ()) -> bytes:
    """The whole graph in one of FORMATS, with ``extra`` quads (``kg export --void``'s
    description, :mod:`kg.rdf.describe`): in their named graph, or as triples of the union."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    rdf_format, dataset = FORMATS[fmt]
    if dataset:
        quads = [*named_quads(store), *extra]
        data = ox.serialize(quads, format=rdf_format, prefixes=PREFIXES)
    else:
        triples = [*union_triples(store), *(q.triple for q in extra)]
        data = ox.serialize(triples, format=rdf_format, prefixes=PREFIXES)
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
