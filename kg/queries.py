"""Find and run SPARQL queries read-only against the store; format the results.

A query is a ``.rq`` path, the name of a file in ``queries/`` (``officials``) or SPARQL
text. Parameters are bound with Oxigraph's substitutions (``--bind name=value``), never
pasted into the query text. ``csv``/``tsv``/``json`` are the W3C SPARQL 1.1 result formats.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_W3C_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
}
_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE
)
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b\s", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def query_dirs() -> list[Path]:
    """Where named queries are looked up: ./queries, then the project's queries/ folder."""
    dirs = [Path.cwd() / "queries", Path(__file__).resolve().parent.parent / "queries"]
    unique: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


def available_queries() -> list[str]:
    return sorted({p.stem for d in query_dirs() for p in d.glob("*.rq")})


def resolve_query(query: str) -> str:
    """The SPARQL text for a path, a query name or inline SPARQL."""
    if _SPARQL_START.match(query):
        return query
    path = Path(query)
    if path.suffix == ".rq" or path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file '{query}': {exc.strerror}") from exc
    for directory in query_dirs():
        candidate = directory / f"{query}.rq"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    names = ", ".join(available_queries()) or "(none found)"
    raise QueryError(f"no query named '{query}'; give a .rq file, SPARQL text, or one of: {names}")


def parse_binding(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value``: <iri> -> IRI, integer -> xsd:integer, YYYY-MM-DD -> xsd:date, else string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"bad --bind '{text}'; expected name=value, e.g. name=\"Shigeru Ishiba\"")
    if value.startswith("<") and value.endswith(">"):
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"bad IRI in --bind '{text}': {exc}") from exc
    if re.fullmatch(r"-?\d+", value):
        return name, ox.Literal(
            value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
        )
    if _DATE.match(value):
        return name, ox.Literal(
            value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        )
    return name, ox.Literal(value)


def run_query(
    store: ox.Store, sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal], fmt: str = "table"
) -> str:
    """Run a read-only query over the union of article graphs and format the result."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(RESULT_FORMATS)}")
    if not _SPARQL_START.match(sparql) or _UPDATE.match(_strip_prologue(sparql)):
        raise QueryError(
            "only SPARQL queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed; "
            "kg query never changes the store"
        )
    substitutions = {ox.Variable(k): v for k, v in bindings.items()}
    try:
        result = store.query(sparql, substitutions=substitutions)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        hint = ""
        if bindings and "projection" in str(exc):
            hint = " (a bound variable must appear in the SELECT clause)"
        raise QueryError(f"query failed: {exc}{hint}") from exc
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        data = ox.serialize(result, format=ox.RdfFormat.TURTLE)
        return (data or b"").decode("utf-8")
    if fmt in _W3C_FORMATS:
        return (result.serialize(format=_W3C_FORMATS[fmt]) or b"").decode("utf-8")
    return _table(result)


def _strip_prologue(sparql: str) -> str:
    text = re.sub(r"#[^\n]*", "", sparql)
    return re.sub(
        r"^\s*((PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*", "", text, flags=re.IGNORECASE
    )


# Tables are for reading: the project's own IRIs are shortened ("id:person/scott-bessent").
_SHORT = (
    ("https://example.org/kg/id/", "id:"),
    ("https://example.org/kg/ontology#", "kg:"),
    ("https://schema.org/", "schema:"),
)


def _show(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        for long, short in _SHORT:
            if term.value.startswith(long):
                return short + term.value[len(long) :]
        return term.value
    return str(term)


def _table(result: ox.QuerySolutions) -> str:
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
