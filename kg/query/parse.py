"""SPARQL texts read by a real parser (rdflib's), once, for the policy and for ``--bind``.

:func:`parse` gives what kg needs to know about a text: query or update, its form or
operations, whether it calls another host (a SERVICE pattern or LOAD), its variables, and
how many times each risky word occurs inside its strings, IRIs and names. Nothing here
scans SPARQL by hand: the text goes to rdflib's grammar, and only its parse tree is read.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.errors import QueryError

# rdflib's parser (pyparsing) is not thread-safe: parallel parses fail with TypeErrors.
_PARSER_LOCK = threading.Lock()

QUERY_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}
UPDATE_OPERATIONS = {
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
RISKY_WORDS = ("service", "load")  # the keywords that make a store fetch from another host
# every SPARQL 1.1 update operation starts with one of these keywords (WITH comes before
# DELETE or INSERT): a text holding none of them, in any case, is no update
UPDATE_WORDS = ("insert", "delete", "load", "clear", "drop", "create", "add", "move", "copy")


@dataclass(frozen=True)
class Parsed:
    """What the parser found in one SPARQL text."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE
    operations: tuple[str, ...]  # an update's operations ("INSERT DATA", "LOAD", ...)
    remote: bool  # a SERVICE pattern, or LOAD: the store would fetch from another host
    variables: frozenset[str]  # every variable the text names
    pattern_variables: frozenset[str]  # bound by the WHERE clause (outside FILTERs)
    required_variables: frozenset[str]  # bound by a top-level triple pattern: every row
    data_words: tuple[tuple[str, int], ...]  # risky word -> count in strings, IRIs, names
    tree: Any = None  # rdflib's parse tree of a query (None for updates)

    @property
    def is_update(self) -> bool:
        return self.form == "UPDATE"

    def words_in_data(self, word: str) -> int:
        return dict(self.data_words).get(word, 0)


# SPARQL's code point escapes, decoded before the grammar applies. rdflib's parser reads
# \u with 4 or 8 hex digits in any case (``expandUnicodeEscapes``, whose module takes 0.9 s
# to import: too long for the fast path; tests/query checks the two agree); SPARQL 1.1 says
# \u with 4 digits or \U with 8. The policy looks at the text both ways.
_RDFLIB_ESCAPE = re.compile(r"\\u([0-9a-f]{4}(?:[0-9a-f]{4})?)", re.IGNORECASE)
_SPARQL_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})")


def _decoder(strict: bool) -> Callable[[re.Match[str]], str]:
    def decode(match: re.Match[str]) -> str:
        try:
            return chr(int(next(g for g in match.groups() if g), 16))
        except (ValueError, OverflowError):
            if strict:
                raise QueryError(
                    f"SPARQL syntax error: bad code point escape {match.group()}"
                ) from None
            return match.group()

    return decode


def expand_escapes(sparql: str) -> str:
    r"""The text with its ``\u`` escapes decoded as rdflib's parser decodes them."""
    if "\\" not in sparql:
        return sparql
    return _RDFLIB_ESCAPE.sub(_decoder(strict=True), sparql)


def readings(sparql: str) -> tuple[str, ...]:
    """The text as written and with its escapes decoded both ways (rdflib's, SPARQL 1.1's)."""
    if "\\" not in sparql:
        return (sparql,)
    lenient = _decoder(strict=False)
    return sparql, _RDFLIB_ESCAPE.sub(lenient, sparql), _SPARQL_ESCAPE.sub(lenient, sparql)


def count_word(text: str, word: str) -> int:
    """Occurrences of ``word`` in ``text`` in any letter case (casefold: wider than ASCII)."""
    return text.casefold().count(word)


def field(node: Any, key: str) -> Any:
    """A field of an rdflib parse node, None when absent (its ``get`` returns the key)."""
    return node[key] if key in node else None  # noqa: SIM401 (CompValue.get differs)


def _walk(node: Any) -> Iterator[Any]:
    """Every node and leaf of an rdflib parse tree, depth first."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        if isinstance(item, CompValue):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)


def node_names(node: Any) -> set[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    return {item.name for item in _walk(node) if isinstance(item, CompValue)}


def _variables(node: Any, skip: tuple[str, ...] = ()) -> set[str]:
    """The variables under ``node``, not looking inside CompValues named in ``skip``."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, Variable):
            found.add(str(item))
        elif isinstance(item, CompValue):
            if item.name not in skip:
                stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
    return found


def variables_of(node: Any) -> set[str]:
    """The names of the variables anywhere under ``node`` of a parse tree."""
    return _variables(node)


def _data_words(node: Any) -> tuple[tuple[str, int], ...]:
    """How often each risky word occurs in the tree's leaves: strings, IRIs, prefixed names,
    variables, language tags, blank node labels (all ``str`` values in rdflib's tree)."""
    leaves = [item for item in _walk(node) if isinstance(item, str)]
    return tuple((word, sum(count_word(leaf, word) for leaf in leaves)) for word in RISKY_WORDS)


def _required(where: Any) -> set[str]:
    """Variables of the triple patterns directly in the WHERE group (not inside OPTIONAL,
    UNION, MINUS, GRAPH or a sub-query): every solution binds them."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if not isinstance(where, CompValue) or where.name != "GroupGraphPatternSub":
        return set()
    found: set[str] = set()
    for part in field(where, "part") or []:
        if isinstance(part, CompValue) and part.name == "TriplesBlock":
            found |= _variables(part)
    return found


def _query(tree: Any) -> Parsed:
    body = tree[1]
    where = field(body, "where")
    return Parsed(
        form=QUERY_FORMS.get(body.name, body.name),
        operations=(),
        remote="ServiceGraphPattern" in node_names(tree),
        variables=frozenset(_variables(tree)),
        pattern_variables=frozenset(_variables(where, skip=("Filter",))),
        required_variables=frozenset(_required(where)),
        data_words=_data_words(tree),
        tree=tree,
    )


def _update(update: Any) -> Parsed:
    names = [op.name for op in field(update, "request") or []]
    operations = tuple(dict.fromkeys(UPDATE_OPERATIONS.get(n, n) for n in names))
    remote = "LOAD" in operations or "ServiceGraphPattern" in node_names(update)
    variables = frozenset(_variables(update))
    return Parsed("UPDATE", operations, remote, variables, variables, frozenset(),
                  _data_words(update))  # fmt: skip


@functools.lru_cache(maxsize=512)
def parse(sparql: str) -> Parsed:
    """Parse a query, else an update; a :class:`QueryError` when rdflib reads neither (a
    syntax error, SPARQL 1.2 syntax rdflib lacks, or nesting past Python's recursion)."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    expand_escapes(sparql)  # a bad escape is a clear error, not a parser traceback
    try:
        with _PARSER_LOCK:
            return _query(parseQuery(sparql))
    except (ParseBaseException, RecursionError) as error:
        query_error: Exception = error
    try:
        with _PARSER_LOCK:
            return _update(parseUpdate(sparql))
    except (ParseBaseException, RecursionError):
        pass
    if isinstance(query_error, RecursionError):
        raise QueryError("query nested too deeply for kg's SPARQL parser") from None
    message = " ".join(str(query_error).split())
    raise QueryError(f"SPARQL syntax error: {message}") from None
