"""Result formats: the W3C SPARQL 1.1 formats and a table for reading."""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.ontology import ID, KG, SDO

RESULT_FORMATS = ("table", "csv", "tsv", "json")
W3C_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}


# Tables are for reading: the project's own IRIs are shortened ("id:person/scott-bessent").
def _short() -> tuple[tuple[str, str], ...]:
    return ((str(ID), "id:"), (str(KG._NS), "kg:"), (str(SDO), "schema:"))


def _show(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        for long, short in _short():
            if term.value.startswith(long):
                return short + term.value[len(long) :]
        return term.value
    return str(term)


def format_table(result: ox.QuerySolutions) -> str:
    names = [v.value for v in result.variables]
    rows = [[_show(solution[name]) for name in names] for solution in result]
    rows = [[" ".join(cell.split()) for cell in row] for row in rows]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]

    def line(cells: list[str]) -> str:
        parts = []
        for cell, width in zip(cells, widths, strict=True):
            cell = cell if len(cell) <= width else cell[: width - 1] + "…"
            parts.append(cell.ljust(width))
        return " | ".join(parts).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out.extend(line(r) for r in rows)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
