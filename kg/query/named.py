"""Named queries: the ``.rq`` files kg ships, and turning a name, path or text into SPARQL.

A query is a ``.rq`` path, the name of a packaged query (``officials``, from this package's
``queries/`` folder, or ``./queries/`` of the current directory) or SPARQL text. A query file
may declare required parameters with comment lines ``# @param day YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import QueryError

_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE
)
_UPDATE_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:PREFIX\s+\S*\s*<[^>]*>\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def query_dirs() -> list[Path]:
    """Where named queries are looked up: ./queries, then the queries kg ships."""
    dirs = [Path.cwd() / "queries", Path(__file__).resolve().parent / "queries"]
    unique: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique


def available_queries() -> list[str]:
    return sorted({p.stem for d in query_dirs() for p in d.glob("*.rq")})


def resolve_query(query: str) -> str:
    """The SPARQL text for a path, a query name or inline SPARQL (what it may do is decided
    later, by :func:`check_query`)."""
    if _SPARQL_START.match(query) or _UPDATE_START.match(query):
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
    if re.search(r"[{}\s?]", query):
        raise QueryError(
            f"not a SPARQL query (it must start with PREFIX, SELECT, ASK, CONSTRUCT "
            f"or DESCRIBE) nor a query name: '{query[:60]}'"
        )
    names = ", ".join(available_queries()) or "(none found)"
    raise QueryError(f"no query named '{query}'; give a .rq file, SPARQL text, or one of: {names}")


def required_params(sparql: str) -> dict[str, str]:
    """Parameters a query file declares with ``# @param name hint`` lines."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*#\s*@param\s+(\w+)(.*)$", sparql, re.MULTILINE)
    }
