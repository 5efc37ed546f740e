"""What a query may do: parse it and refuse updates and calls to other hosts.

Queries are untrusted. :func:`check_query` parses each one with rdflib's SPARQL parser (so a
keyword in a comment, string or IRI cannot fool it) and refuses, unless allowed: updates
(INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY) and calls to other hosts
(SERVICE, and LOAD, which fetches a URL).
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from typing import Any

from kg.errors import QueryError

MAX_QUERY_CHARS = 100_000  # a longer text is refused before it is parsed
MAX_NESTING = 100  # deeper brackets are refused before any parser sees them
_UPDATE = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b\s", re.IGNORECASE)

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE = "UPDATE"
_RDFLIB_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
_RDFLIB_UPDATES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}
_UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)
# SPARQL tokens that may contain keyword-like words: comments, strings, IRIs, variables and
# prefixed names. What is left outside them are the bare words, i.e. the keywords.
_TOKEN = re.compile(
    r"#[^\n]*"
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|"(?:[^"\\\n]|\\.)*"'
    r'|<[^<>"{}|^`\\\x00-\x20]*>'
    r"|[?$]\w+"
    r"|(?:[^\W\d][\w.-]*)?:[\w.:%\\-]*"
    r"|(?P<word>[^\W\d]\w*)"
    r"|\S",
    re.DOTALL,
)


# rdflib's parser (pyparsing) is not thread-safe: parallel parses fail with TypeErrors.
_PARSER_LOCK = threading.Lock()


@dataclass(frozen=True)
class QueryCheck:
    """What a SPARQL text would do: its form, its update operations, whether it calls out."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE
    operations: tuple[str, ...] = ()  # for an update: "INSERT DATA", "LOAD", ...
    remote: bool = False  # SERVICE or LOAD: the store would fetch from another host

    @property
    def is_update(self) -> bool:
        return self.form == UPDATE


def _keywords(sparql: str) -> list[str]:
    """The bare words (keywords) of a SPARQL text, upper-cased, outside comments, strings,
    IRIs, variables and prefixed names."""
    return [m.group("word").upper() for m in _TOKEN.finditer(sparql) if m.group("word")]


def _nesting(sparql: str) -> int:
    """How deeply ``{``, ``(`` and ``[`` nest, outside comments, strings and IRIs."""
    depth = deepest = 0
    for match in _TOKEN.finditer(sparql):
        token = match.group()
        if token in ("{", "(", "["):
            depth += 1
            deepest = max(deepest, depth)
        elif token in ("}", ")", "]"):
            depth -= 1
    return deepest


def _node_names(node: Any) -> set[str]:
    """The names of every rdflib parse-tree node (CompValue) under ``node``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    names: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            names.add(item.name)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
    return names


def _classify(sparql: str) -> QueryCheck:
    """Parse with rdflib (a query, else an update); when rdflib cannot parse the text (a
    syntax error, or SPARQL 1.2 syntax Oxigraph accepts), fall back to its keywords."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    keywords = _keywords(sparql)
    service = "SERVICE" in keywords
    try:
        with _PARSER_LOCK:
            tree = parseQuery(sparql)
    except (ParseBaseException, RecursionError) as query_error:
        # rdflib's parser recurses deeply: 40 nested groups, or two unclosed ones, exceed
        # Python's limit; the keywords then decide (MAX_NESTING bounds what gets this far)
        try:
            with _PARSER_LOCK:
                update = parseUpdate(sparql)
        except (ParseBaseException, RecursionError):
            first = next((k for k in keywords if k not in ("PREFIX", "BASE")), "")
            if first in _UPDATE_KEYWORDS:
                ops = tuple(dict.fromkeys(k for k in keywords if k in _UPDATE_KEYWORDS))
                return QueryCheck(UPDATE, ops, service or "LOAD" in keywords)
            if first in QUERY_FORMS:  # Oxigraph parses it and reports any syntax error
                return QueryCheck(first, (), service)
            message = " ".join(str(query_error).split())
            if isinstance(query_error, RecursionError):
                message = "not a SELECT, ASK, CONSTRUCT, DESCRIBE or update"
            raise QueryError(f"SPARQL syntax error: {message}") from None
        names = _node_names(update)
        ops = tuple(dict.fromkeys(_RDFLIB_UPDATES.get(op.name, op.name) for op in update.request))
        remote = service or "ServiceGraphPattern" in names or "LOAD" in ops
        return QueryCheck(UPDATE, ops, remote)
    form = _RDFLIB_FORMS.get(tree[1].name, tree[1].name)
    return QueryCheck(form, (), service or "ServiceGraphPattern" in _node_names(tree))


def _quick_check(sparql: str) -> QueryCheck | None:
    """The form of a plain query at once, without a parse, when none of its keywords could
    make it an update or a call to another host; None when the text needs the parser.
    (rdflib's parser takes ~0.1 s, ten times a typical query on the store; ``kg serve``
    checks every request.) Oxigraph still reports any syntax error when it runs the query.
    """
    keywords = _keywords(sparql)
    first = next((k for k in keywords if k not in ("PREFIX", "BASE")), "")
    risky = _UPDATE_KEYWORDS.intersection(keywords) or "SERVICE" in keywords
    risky = risky or sparql.count("{") + sparql.count("(") > 200  # deep nesting: parse it
    return QueryCheck(first) if first in QUERY_FORMS and not risky else None


@functools.lru_cache(maxsize=256)
def _classified(sparql: str) -> QueryCheck:
    return _classify(sparql)


def check_query(
    sparql: str, *, allow_update: bool = False, allow_service: bool = False
) -> QueryCheck:
    """Parse ``sparql`` and refuse what it may not do, with a one-line :class:`QueryError`.

    Refused unless allowed: an update (``allow_update``, ``kg query --update``), and a query or
    update that would call another host - ``SERVICE``, or ``LOAD`` of a URL
    (``allow_service``, ``--allow-service``). Texts over ``MAX_QUERY_CHARS`` are refused.
    """
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query too long: {len(sparql):,} characters (at most {MAX_QUERY_CHARS:,})"
        )
    depth = _nesting(sparql)
    if depth > MAX_NESTING:  # Oxigraph's parser overflows its stack (a crash) near 3,000
        raise QueryError(f"query nested too deeply: {depth} levels (at most {MAX_NESTING})")
    try:
        check = _quick_check(sparql) or _classified(sparql)
    except RecursionError:
        raise QueryError("query nested too deeply to check") from None
    if check.is_update and not allow_update:
        raise QueryError(
            f"SPARQL update ({', '.join(check.operations)}) refused: kg query is read-only; "
            "only SPARQL queries (SELECT, ASK, CONSTRUCT, DESCRIBE) run unless --update is given"
        )
    if check.remote and not allow_service:
        what = "LOAD" if "LOAD" in check.operations else "SERVICE"
        raise QueryError(
            f"{what} refused: the query would fetch data from another host; "
            "pass --allow-service to allow it"
        )
    return check
