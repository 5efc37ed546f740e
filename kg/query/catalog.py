"""The packaged queries as a catalogue: what each asks, the parameters it needs, its columns.

``kg query --list`` prints it, and the Python API (:mod:`kg.api`) returns it. The columns are
the ones Oxigraph itself projects (the query is run on an empty in-memory store), so they
cannot drift from what ``kg query`` returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.query.named import query_dirs, required_params


@dataclass(frozen=True)
class QueryInfo:
    """One named query: its name, first line of description, parameters and columns."""

    name: str
    path: Path
    about: str
    params: dict[str, str]  # name -> hint, from "# @param name hint"
    columns: tuple[str, ...]  # projected variables of a SELECT; () for other forms


def _about(sparql: str) -> str:
    """The first sentence of the query's leading comment (its @param lines left out)."""
    lines = []
    for line in sparql.splitlines():
        text = line.strip()
        if not text.startswith("#"):
            break
        text = text.lstrip("#").strip()
        if not text.startswith("@param"):
            lines.append(text)
    words = re.sub(r"^\w+: ", "", " ".join(lines))  # "Officials: one row per ..."
    first = re.split(r"(?<=[.:])\s", words, maxsplit=1)[0]
    first = first.rstrip(".:")
    return first[:1].upper() + first[1:]


def _columns(sparql: str) -> tuple[str, ...]:
    result = ox.Store().query(sparql)  # an empty store: parses and projects, finds nothing
    if isinstance(result, ox.QuerySolutions):
        return tuple(v.value for v in result.variables)
    return ()


def catalog() -> list[QueryInfo]:
    """Every named query (``./queries`` first, then the packaged ones), sorted by name."""
    found: dict[str, Path] = {}
    for directory in query_dirs():
        for path in sorted(directory.glob("*.rq")):
            found.setdefault(path.stem, path)
    infos = []
    for name, path in sorted(found.items()):
        sparql = path.read_text(encoding="utf-8")
        infos.append(
            QueryInfo(name, path, _about(sparql), required_params(sparql), _columns(sparql))
        )
    return infos


def render(infos: list[QueryInfo]) -> str:
    """The catalogue as ``kg query --list`` prints it."""
    out = []
    for info in infos:
        out.append(f"{info.name}: {info.about}")
        if info.params:
            binds = " ".join(f"--bind {k}={v or 'VALUE'}" for k, v in info.params.items())
            out.append(f"  needs:   {binds}")
        if info.columns:
            out.append(f"  columns: {' '.join('?' + c for c in info.columns)}")
    return "\n".join(out) + "\n"
