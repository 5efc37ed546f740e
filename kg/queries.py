"""Find and run SPARQL queries read-only against the store; format the results.

A query is a ``.rq`` path, the name of a file in ``queries/`` (``officials``) or SPARQL
text. ``csv``/``tsv``/``json`` are the W3C SPARQL 1.1 result formats.

Parameters (``--bind name=value``) become RDF terms first (pyoxigraph validates and escapes
them), then one ``VALUES`` row at the end of the query's WHERE group: joined after the
patterns, a bound variable narrows the results like a filter, also where it sits in an
OPTIONAL, and the group's FILTERs see it. (Oxigraph's own substitutions pre-bind instead:
an OPTIONAL that fails to match keeps the bound value, so "--bind government=Japan" would
put every official in Japan.) User text never reaches the query as text.

A query file may declare required parameters with comment lines ``# @param day YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import functools
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
_UPDATE_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:PREFIX\s+\S*\s*<[^>]*>\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
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
    if _UPDATE_START.match(query):
        raise QueryError(
            "SPARQL updates are refused: kg query is read-only "
            "(rebuild articles with kg build to change the graph)"
        )
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
    if re.search(r"[{}\s?]", query):
        raise QueryError(
            f"not a SPARQL query (it must start with PREFIX, SELECT, ASK, CONSTRUCT "
            f"or DESCRIBE) nor a query name: '{query[:60]}'"
        )
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
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise QueryError(f"bad date in --bind '{text}': {exc}") from None
        return name, ox.Literal(
            value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
        )
    return name, ox.Literal(value)


def _outer_group_end(sparql: str) -> int:
    """Index of the '}' that closes the query's WHERE group (strings, IRIs and comments
    skipped); -1 when there is none."""
    i, depth, opened, where_seen = 0, 0, False, False
    upper = sparql.upper()
    n = len(sparql)
    construct = re.match(r"\s*CONSTRUCT\b", _strip_prologue(sparql), re.IGNORECASE) is not None
    while i < n:
        ch = sparql[i]
        if ch == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
            continue
        if ch in "\"'":
            quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and sparql[j : j + len(quote)] != quote:
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            continue
        if ch == "<":
            match = re.match(r"<[^<>\"{}|^`\\\s]*>", sparql[i:])
            if match:
                i += match.end()
                continue
        if depth == 0 and upper.startswith("WHERE", i):
            where_seen = True
        if ch == "{":
            if depth == 0 and construct and not where_seen:
                depth += 1  # the CONSTRUCT template, not the WHERE group
                i += 1
                continue
            depth += 1
            opened = True
        elif ch == "}":
            depth -= 1
            if depth == 0 and opened:
                return i
        i += 1
    return -1


def _produced_by_patterns(group: str, name: str) -> bool:
    """Whether ?name is bound by the query's own patterns (not only read in FILTERs)."""
    text = group
    while True:
        match = re.search(r"FILTER\s*\(", text, re.IGNORECASE)
        if not match:
            break
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            i += 1
        text = text[: match.start()] + text[i:]
    return re.search(rf"[?$]{re.escape(name)}\b", text) is not None


def bind_values(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``bindings`` applied at the end of its WHERE group.

    A variable the query's patterns bind is narrowed with ``FILTER(?v = term)`` (value
    equality: 25 matches 25.0, and an unbound OPTIONAL value does not match); a variable
    only read in FILTERs (a parameter such as ``?day``) is given its value with ``VALUES``.
    """
    if not bindings:
        return sparql
    end = _outer_group_end(sparql)
    if end < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    start = sparql.rfind("{", 0, end)  # only used to scope the search below
    group = sparql[:end] if start < 0 else sparql[:end]
    where = re.search(r"\bWHERE\b", group, re.IGNORECASE)
    body = group[where.end() :] if where else group
    clauses = []
    for name, term in bindings.items():
        if _produced_by_patterns(body, name):
            clauses.append(f"FILTER(?{name} = {term})")
        else:
            clauses.append(f"VALUES ?{name} {{ {term} }}")
    return sparql[:end] + "\n  " + "\n  ".join(clauses) + "\n" + sparql[end:]


def required_params(sparql: str) -> dict[str, str]:
    """Parameters a query file declares with ``# @param name hint`` lines."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*#\s*@param\s+(\w+)(.*)$", sparql, re.MULTILINE)
    }


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
    missing = {k: v for k, v in required_params(sparql).items() if k not in bindings}
    if missing:
        needed = " ".join(f"--bind {k}={hint or 'VALUE'}" for k, hint in missing.items())
        raise QueryError(f"this query needs a value for {', '.join(missing)}: add {needed}")
    try:
        result = store.query(bind_values(sparql, bindings))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        if fmt in _W3C_FORMATS:
            return (result.serialize(format=_W3C_FORMATS[fmt]) or b"").decode("utf-8") + "\n"
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        data = ox.serialize(result, format=rdf)
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


_RISKY_WORDS = re.compile(
    r"service|insert|delete|load|clear|drop|create|add|move|copy|with", re.IGNORECASE
)


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse what a read-only endpoint must not run: updates, and SERVICE calls to other
    hosts. A query that contains none of the words involved is let through at once;
    otherwise it is parsed (rdflib's SPARQL grammar, ~0.1 s), so comments and strings that
    merely mention these words do not trip it."""
    if not _RISKY_WORDS.search(sparql):
        return
    _check_parsed(sparql, allow_service)


@functools.lru_cache(maxsize=256)
def _check_parsed(sparql: str, allow_service: bool) -> None:
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(sparql)
    except ParseException as exc:
        try:
            parseUpdate(sparql)
        except ParseException:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        raise QueryError("SPARQL updates are refused: the graph is read-only here") from exc
    if not allow_service and _has_service(tree):
        raise QueryError("SERVICE (federated queries to other hosts) is refused")


def _has_service(node: object) -> bool:
    from pyparsing import ParseResults

    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple, ParseResults)):
        return any(_has_service(v) for v in node)
    return False
