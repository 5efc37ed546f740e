"""Named queries: the ``.rq`` files kg ships, and turning a name, path or text into SPARQL.

A query is a ``.rq`` path, the name of a packaged query (``officials``, from this package's
``queries/`` folder, or ``./queries/`` of the current directory) or SPARQL text. A query file
may declare required parameters with comment lines ``# @param day YYYY-MM-DD``.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import QueryError

_NAME = re.compile(r"[\w.-]+")  # a query name or file name; SPARQL text has spaces or braces


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


def _file_like(query: str) -> bool:
    """Whether ``query`` names a query file rather than holding SPARQL text."""
    if "\n" in query or len(query) > 1024:
        return False
    path = Path(query)
    try:
        return path.suffix == ".rq" or path.is_file()
    except OSError:
        return False


def resolve_query(query: str) -> str:
    """The SPARQL text for a path, a query name or inline SPARQL (what it may do is decided
    later, by :func:`check_query`, on its parse). A query file is a path that exists or ends
    in ``.rq``; a name is letters, digits and ``_.-``; anything else is SPARQL text."""
    if _file_like(query):
        try:
            return Path(query).read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read query file '{query}': {exc.strerror}") from exc
    if not _NAME.fullmatch(query):
        return query
    for directory in query_dirs():
        candidate = directory / f"{query}.rq"
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    names = ", ".join(available_queries()) or "(none found)"
    raise QueryError(f"no query named '{query}'; give a .rq file, SPARQL text, or one of: {names}")


def required_params(sparql: str) -> dict[str, str]:
    """Parameters a query file declares with ``# @param name hint`` lines."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*#\s*@param\s+(\w+)(.*)$", sparql, re.MULTILINE)
    }
