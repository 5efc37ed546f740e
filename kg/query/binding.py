"""Parameters (``--bind name=value``) turned into RDF terms and applied to a query.

Values become RDF terms first (pyoxigraph validates and escapes them), then clauses in the
query's WHERE group, chosen from the query's parse (:mod:`kg.query.parse`):

* a variable the WHERE clause binds is narrowed with ``FILTER(?v = term)`` (value equality:
  25 matches 25.0, and an unbound OPTIONAL value does not match). Oxigraph's own
  substitutions pre-bind instead: an OPTIONAL that fails to match would keep the value, so
  "--bind government=Japan" would put every official in Japan;
* a variable every solution binds (a triple pattern directly in the WHERE group) also gets
  ``VALUES ?v { term }`` at the start of the group, for an IRI or a plain string, where it
  means the same as the FILTER and lets Oxigraph start from the value (822 ms -> 3 ms for
  one speaker's statements on the Reuters store);
* a variable bound only inside one OPTIONAL group directly in the WHERE group (the
  government of ``officials.rq``), for an IRI or a plain string: that OPTIONAL becomes a
  plain group, and the variable gets ``VALUES`` at the start as above. The same solutions
  survive the FILTER either way (a row the OPTIONAL left without the variable fails it),
  so this holds whenever the variable appears nowhere else and the group has no FILTER of
  its own (which would see other variables inside an OPTIONAL than in a group); it let
  "officials of Japan" start from Japan (314 ms -> 30 ms on the whole Reuters store);
* a variable only read in FILTERs (a parameter such as ``?day``) is given its value with
  ``VALUES``;
* a variable the query never names is refused.

Where the clauses go is not found by scanning the text: each candidate place (a brace) is
tried and kept only when the parse of the result is the query's own parse with exactly the
new clauses added to its WHERE group. User text never reaches the query as text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.query.parse import Parsed, field, node_names, parse, variables_of
from kg.rdf.ontology import XSD

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^-?\d+$")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
MAX_TRIES = 12  # candidate braces tried, from the likely end


def parse_binding(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """``name=value``: <iri> -> IRI, integer -> xsd:integer, YYYY-MM-DD -> xsd:date, else string."""
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _NAME.fullmatch(name):
        raise QueryError(f"bad --bind '{text}'; expected name=value, e.g. name=\"Shigeru Ishiba\"")
    if value.startswith("<") and value.endswith(">"):
        try:
            return name, ox.NamedNode(value[1:-1])
        except ValueError as exc:
            raise QueryError(f"bad IRI in --bind '{text}': {exc}") from exc
    if _INTEGER.match(value):
        return name, ox.Literal(value, datatype=ox.NamedNode(str(XSD.integer)))
    if _DATE.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError as exc:
            raise QueryError(f"bad date in --bind '{text}': {exc}") from None
        return name, ox.Literal(value, datatype=ox.NamedNode(str(XSD.date)))
    return name, ox.Literal(value)


def _plain(term: ox.NamedNode | ox.Literal) -> bool:
    """An IRI or xsd:string: ``=`` on it is sameTerm, so VALUES and FILTER agree."""
    if isinstance(term, ox.NamedNode):
        return True
    return term.language is None and term.datatype.value == str(XSD.string)


def _clauses(
    parsed: Parsed,
    bindings: dict[str, ox.NamedNode | ox.Literal],
    promoted: frozenset[str] = frozenset(),
) -> tuple[list[str], list[str]]:
    """(clauses for the start of the WHERE group, clauses for its end)."""
    unknown = [name for name in bindings if name not in parsed.variables]
    if unknown:
        known = ", ".join(f"?{v}" for v in sorted(parsed.variables)) or "none"
        raise QueryError(
            f"--bind {unknown[0]}: the query has no variable ?{unknown[0]} (its variables: {known})"
        )
    first, last = [], []
    for name, term in bindings.items():
        if name in parsed.pattern_variables:
            last.append(f"FILTER(?{name} = {term})")
            if _plain(term) and (name in parsed.required_variables or name in promoted):
                first.append(f"VALUES ?{name} {{ {term} }}")
        else:
            last.append(f"VALUES ?{name} {{ {term} }}")
    return first, last


def _where_parts(tree: Any) -> list[Any]:
    where = field(tree[1], "where")
    if where is None or where.name != "GroupGraphPatternSub":
        raise QueryError("cannot bind parameters: the query's WHERE clause is not a group")
    return list(field(where, "part") or [])


def _signature(tree: Any, parts: list[Any]) -> str:
    """The parse ``tree`` with ``parts`` as its WHERE group, as comparable text (rdflib's
    nodes compare by identity; their repr is deterministic and complete)."""
    body = tree[1]
    rest = {key: value for key, value in body.items() if key != "where"}
    return repr((tree[0], body.name, rest, parts))


def _expected(tree: Any, before: list[str], after: list[str]) -> str:
    """The signature of ``tree`` with ``before`` and ``after`` clauses in its WHERE group."""
    snippet = parse("SELECT * WHERE {\n" + "\n".join([*before, "{}", *after]) + "\n}").tree
    parts = _where_parts(snippet)
    marker = next(i for i, p in enumerate(parts) if p.name == "GroupOrUnionGraphPattern")
    return _signature(tree, parts[:marker] + _where_parts(tree) + parts[marker + 1 :])


def _places(sparql: str) -> Iterator[tuple[int, int]]:
    """(opening, closing) brace pairs that may delimit the WHERE group, likely ones first:
    a closing brace from the end, an opening one from the start, at most MAX_TRIES pairs."""
    opens = [i for i, c in enumerate(sparql) if c == "{"]
    closes = [i for i, c in enumerate(sparql) if c == "}"][::-1]
    pairs = [(o, c) for c in closes[:MAX_TRIES] for o in opens[:MAX_TRIES] if o < c]
    pairs.sort(key=lambda pair: closes.index(pair[1]) + opens.index(pair[0]))
    yield from pairs[:MAX_TRIES]


def _insert(sparql: str, tree: Any, first: list[str], last: list[str]) -> str:
    """The text with ``first`` at the start and ``last`` at the end of the WHERE group: each
    candidate place is kept only if the parse of the result is the expected one."""
    expected = _expected(tree, first, last)
    for opening, closing in _places(sparql):
        text = (
            sparql[: opening + 1]
            + "".join(f"\n  {c}" for c in first)
            + sparql[opening + 1 : closing]
            + "".join(f"\n  {c}" for c in last)
            + "\n"
            + sparql[closing:]
        )
        try:
            candidate = parse(text)
            if candidate.tree is not None and expected == _signature(
                candidate.tree, _where_parts(candidate.tree)
            ):
                return text
        except QueryError:
            continue
    raise QueryError("cannot bind parameters: no place in the query's WHERE group takes them")


def _only_optional(parts: list[Any], name: str) -> int | None:
    """The index of the one OPTIONAL part (with no FILTER inside) that holds ``?name``, when
    no other part of the WHERE group names it; else None."""
    holding = [i for i, part in enumerate(parts) if name in variables_of(part)]
    if len(holding) != 1:
        return None
    part = parts[holding[0]]
    if part.name != "OptionalGraphPattern" or "Filter" in node_names(part):
        return None
    return holding[0]


def _require(sparql: str, tree: Any, index: int) -> str | None:
    """The text with the keyword of the WHERE group's part ``index`` (an OPTIONAL) removed,
    checked on the parse: that part is now a plain group of the same patterns and
    everything else is as it was. None when no occurrence of the keyword gives that."""
    parts = _where_parts(tree)
    others = _signature(tree, parts[:index] + parts[index + 1 :])
    inner = repr(parts[index]["graph"])
    for match in re.finditer(r"(?i)\bOPTIONAL\b", sparql):
        text = sparql[: match.start()] + sparql[match.end() :]
        try:
            candidate = parse(text)
        except QueryError:
            continue
        if candidate.tree is None:
            continue
        new_parts = _where_parts(candidate.tree)
        if len(new_parts) != len(parts) or others != _signature(
            candidate.tree, new_parts[:index] + new_parts[index + 1 :]
        ):
            continue  # something else changed too
        group = new_parts[index]
        graph = field(group, "graph")
        if group.name == "GroupOrUnionGraphPattern" and len(graph) == 1 and repr(graph[0]) == inner:
            return text
    return None


def bind_values(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``bindings`` applied in its WHERE group (see the module docstring)."""
    if not bindings:
        return sparql
    parsed = parse(sparql)
    if parsed.is_update or parsed.tree is None:
        raise QueryError("--bind applies to queries, not to updates")
    promoted = set()
    for name, term in bindings.items():
        if not _plain(term) or name in parsed.required_variables:
            continue
        if name not in parsed.pattern_variables:
            continue
        index = _only_optional(_where_parts(parsed.tree), name)
        rewritten = None if index is None else _require(sparql, parsed.tree, index)
        if rewritten is not None:
            sparql, parsed = rewritten, parse(rewritten)
            promoted.add(name)
    first, last = _clauses(parsed, bindings, frozenset(promoted))
    return _insert(sparql, parsed.tree, first, last)
