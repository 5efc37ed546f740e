"""Writing query results: the W3C formats and RDF syntaxes of :mod:`kg.rdf.formats`, and a
table for reading, all streamed to a binary output as Oxigraph produces them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.formats import FORMATS, QUERY_FORMATS, RDF_FORMATS, RESULT_FORMATS, TABLE
from kg.rdf.ontology import ID, KG, SDO

__all__ = ["QUERY_FORMATS", "RESULT_FORMATS", "format_table", "write_result"]


# Tables are for reading: the project's own IRIs are shortened ("id:person/scott-bessent").
def _short() -> tuple[tuple[str, str], ...]:
    """The prefixes tables shorten, under the base of the store being read."""
    return ((str(ID), "id:"), (str(KG._NS), "kg:"), (str(SDO), "schema:"))


WIDTH_ROWS = 200  # rows read before the table's column widths are fixed
MAX_WIDTH = 60


def _show(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return " ".join(term.value.split())
    if isinstance(term, ox.NamedNode):
        for long, short in _short():
            if term.value.startswith(long):
                return short + term.value[len(long) :]
        return term.value
    return str(term)


def _table_lines(names: list[str], rows: Iterator[list[str]]) -> Iterator[str]:
    """The table, one line at a time: widths come from the first WIDTH_ROWS rows, so a
    large result streams instead of being held whole (later longer cells are cut)."""
    head = list(islice(rows, WIDTH_ROWS))
    widths = [
        min(MAX_WIDTH, max([len(n)] + [len(r[i]) for r in head])) for i, n in enumerate(names)
    ]

    def line(cells: list[str]) -> str:
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            cell = cell if len(cell) <= width else cell[: width - 1] + "…"
            parts.append(cell.ljust(width))
        return " | ".join(parts).rstrip()

    yield line(names)
    yield "-+-".join("-" * w for w in widths)
    count = 0
    for row in _chain(head, rows):
        count += 1
        yield line(row)
    yield f"({count} row{'s' if count != 1 else ''})"


def _chain(head: list[list[str]], rows: Iterator[list[str]]) -> Iterator[list[str]]:
    yield from head
    yield from rows


def format_table(result: ox.QuerySolutions) -> str:
    """The whole table as text (for callers that want a string)."""
    names = [v.value for v in result.variables]
    rows = ([_show(solution[name]) for name in names] for solution in result)
    return "\n".join(_table_lines(names, rows)) + "\n"


def _write_table(result: ox.QuerySolutions, out: BinaryIO) -> None:
    names = [v.value for v in result.variables]
    rows = ([_show(solution[name]) for name in names] for solution in result)
    for text in _table_lines(names, rows):
        out.write(text.encode("utf-8") + b"\n")


def graph_format(fmt: str) -> ox.RdfFormat:
    """The RDF syntax CONSTRUCT/DESCRIBE results are written in for ``--format fmt``: the
    syntax itself, JSON-LD for ``json``, RDF/XML for ``xml``, else Turtle."""
    if fmt in RDF_FORMATS:
        return FORMATS[fmt].rdf
    return {"json": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}.get(fmt, ox.RdfFormat.TURTLE)


def write_result(result: Any, fmt: str, out: BinaryIO) -> None:
    """Serialise a result of ``Store.query`` (or a remote store's) to ``out`` as it comes.

    SELECT and ASK take a W3C results format or the table; CONSTRUCT and DESCRIBE (any
    iterable of triples, also a remote store's) take an RDF syntax (see :func:`graph_format`).
    """
    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(QUERY_FORMATS)}")
    if isinstance(result, ox.QueryBoolean):
        if fmt == TABLE or fmt in RDF_FORMATS:
            out.write(b"true\n" if bool(result) else b"false\n")
        else:
            result.serialize(out, format=FORMATS[fmt].results)
            out.write(b"\n")
    elif isinstance(result, ox.QuerySolutions):
        if fmt in RDF_FORMATS:
            raise QueryError(
                f"--format {fmt} is for CONSTRUCT and DESCRIBE; SELECT results take one of: "
                f"{', '.join((TABLE, *RESULT_FORMATS))}"
            )
        if fmt == TABLE:
            _write_table(result, out)
        else:
            result.serialize(out, format=FORMATS[fmt].results)
    else:
        triples: Iterable[ox.Triple] = result
        ox.serialize(triples, out, format=graph_format(fmt))
