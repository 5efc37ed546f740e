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

Queries are untrusted. :func:`check_query` parses each one with rdflib's SPARQL parser (so a
keyword in a comment, string or IRI cannot fool it) and refuses, unless allowed: updates
(INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY) and calls to other hosts
(SERVICE, and LOAD, which fetches a URL). Oxigraph has no query timeout and holds the GIL
while it evaluates, so a thread cannot stop it: :func:`run_with_timeout` runs the query in a
child process and kills it when the time is up. :func:`execute` does all of it for a store
directory; ``kg query`` and ``kg serve`` use it.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing
import os
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from kg import errors
from kg.errors import QueryError

T = TypeVar("T")
DEFAULT_TIMEOUT = 30.0  # seconds, kg query --timeout
MAX_QUERY_CHARS = 100_000  # a longer text is refused before it is parsed
MAX_NESTING = 100  # deeper brackets are refused before any parser sees them

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


def _required_in_plain_group(body: str, name: str) -> bool:
    """Whether ?name is bound by a triple pattern outside any OPTIONAL, in a WHERE group
    simple enough to tell: no strings anywhere (their braces would mislead the scan), and
    outside the OPTIONAL blocks no UNION, MINUS, GRAPH, subquery, BIND, VALUES or SERVICE.
    False whenever in doubt."""
    if re.search(r"[\"']", body):
        return False
    text = body
    while True:
        match = re.search(r"\bOPTIONAL\s*\{", text, re.IGNORECASE)
        if not match:
            break
        depth, i = 1, match.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        text = text[: match.start()] + text[i:]
    if re.search(r"\b(UNION|MINUS|GRAPH|SELECT|BIND|VALUES|SERVICE)\b", text, re.IGNORECASE):
        return False
    return _produced_by_patterns(text, name)


def bind_values(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with ``bindings`` applied at the end of its WHERE group.

    A variable the query's patterns bind is narrowed with ``FILTER(?v = term)`` (value
    equality: 25 matches 25.0, and an unbound OPTIONAL value does not match); a variable
    only read in FILTERs (a parameter such as ``?day``) is given its value with ``VALUES``.
    An IRI or plain string for a variable every solution binds gets a ``VALUES`` as well:
    there it means the same as the FILTER, and it lets Oxigraph start from the value
    instead of filtering every row (822 ms -> 3 ms for one speaker's statements on
    the Reuters store).
    """
    if not bindings:
        return sparql
    end = _outer_group_end(sparql)
    if end < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE { ... } group")
    group = sparql[:end]
    where = re.search(r"\bWHERE\b", group, re.IGNORECASE)
    body = group[where.end() :] if where else group
    clauses, first = [], []
    opening = re.search(r"\bWHERE\s*\{", group, re.IGNORECASE)
    for name, term in bindings.items():
        if _produced_by_patterns(body, name):
            clauses.append(f"FILTER(?{name} = {term})")
            plain = isinstance(term, ox.NamedNode) or (
                isinstance(term, ox.Literal)
                and term.language is None
                and term.datatype.value == "http://www.w3.org/2001/XMLSchema#string"
            )
            if opening and plain and _required_in_plain_group(body, name):
                first.append(f"VALUES ?{name} {{ {term} }}")
        else:
            clauses.append(f"VALUES ?{name} {{ {term} }}")
    bound = sparql[:end] + "\n  " + "\n  ".join(clauses) + "\n" + sparql[end:]
    if first and opening:  # at the start of the group, so the join begins from the value
        at = opening.end()
        bound = bound[:at] + "\n  " + "\n  ".join(first) + bound[at:]
    return bound


def required_params(sparql: str) -> dict[str, str]:
    """Parameters a query file declares with ``# @param name hint`` lines."""
    return {
        m.group(1): m.group(2).strip()
        for m in re.finditer(r"^\s*#\s*@param\s+(\w+)(.*)$", sparql, re.MULTILINE)
    }


def run_query(
    store: ox.Store,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal],
    fmt: str = "table",
    *,
    allow_service: bool = False,
) -> str:
    """Run a read-only query over the union of article graphs and format the result, in
    this process and without a time limit (:func:`execute` adds both)."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(RESULT_FORMATS)}")
    check_query(sparql, allow_update=False, allow_service=allow_service)
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


# --- what a query may do --------------------------------------------------------------------

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


# --- running with a time limit --------------------------------------------------------------


def _single_threaded() -> bool:
    """Whether this process has one thread, counting native ones (an open Oxigraph store
    runs RocksDB threads that Python's threading module does not see)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1 and "pyoxigraph" not in sys.modules


def _start_method() -> str:
    """fork is fast and needs nothing picklable, but forking a process that has threads may
    deadlock the child (a writable store never opened in one): then the child is a fresh
    interpreter (forkserver, else spawn)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _child(conn: Connection, func: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        result = func(*args)
    except errors.KGError as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
    except BaseException as exc:  # reported to the parent as one line, like any kg error
        conn.send(("error", "QueryError", f"query failed: {type(exc).__name__}: {exc}"))
    else:
        conn.send(("ok", "", result))
    finally:
        conn.close()


def run_with_timeout(func: Callable[..., T], *args: Any, timeout: float | None) -> T:
    """``func(*args)`` in a child process, killed after ``timeout`` seconds.

    A ``KGError`` raised in the child is raised again here with its class and message; a
    timeout or a dead child is a :class:`QueryError`. ``timeout`` None or 0 runs ``func``
    here, unbounded. The result travels back pickled; ``func`` and ``args`` must be
    picklable when the process has threads (then the child is not forked).
    """
    if timeout is None or timeout == 0:
        return func(*args)
    if timeout < 0:
        raise QueryError(f"--timeout must be positive (0 for no limit), not {timeout:g}")
    method = _start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # import once in the server, not in every child
        context.set_forkserver_preload(["kg.queries", "kg.store", "rdflib.plugins.sparql.parser"])
    receive, send = context.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # a forked child would flush our buffers again
        stream.flush()
    process = context.Process(  # type: ignore[attr-defined]
        target=_child, args=(send, func, args), daemon=True
    )
    process.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"query timed out after {timeout:g} s (raise it with --timeout)")
        try:
            status, kind, payload = receive.recv()
        except EOFError:
            process.join(5)
            raise QueryError(
                f"query process died without an answer (exit code {process.exitcode})"
            ) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if status == "ok":
        return payload
    error_class = getattr(errors, kind, QueryError)
    if not (isinstance(error_class, type) and issubclass(error_class, errors.KGError)):
        error_class = QueryError
    raise error_class(payload)


def _query_store(
    store_path: Path,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal],
    fmt: str,
    allow_service: bool,
) -> str:
    from kg.store import open_store

    store = open_store(store_path, read_only=True)
    return run_query(store, sparql, bindings, fmt, allow_service=allow_service)


def _update_store(store_path: Path, sparql: str, allow_service: bool) -> str:
    from kg.store import open_store

    check_query(sparql, allow_update=True, allow_service=allow_service)
    store = open_store(store_path)
    before = len(store)
    try:
        store.update(sparql)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"update failed: {exc}") from exc
    store.flush()
    return f"update done: the store held {before} quads and now holds {len(store)}\n"


def execute(
    store_path: Path,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
    fmt: str = "table",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_update: bool = False,
    allow_service: bool = False,
) -> str:
    """Check ``sparql`` (:func:`check_query`), then run it on the store at ``store_path`` in a
    child process bounded by ``timeout`` seconds: a query on a read-only store, an update
    (only with ``allow_update``) on a writable one. Returns the formatted result; an update
    returns one line saying how the store changed."""
    check = check_query(sparql, allow_update=allow_update, allow_service=allow_service)
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(RESULT_FORMATS)}")
    if check.is_update:
        if bindings:
            raise QueryError("--bind applies to queries, not to updates")
        return run_with_timeout(_update_store, store_path, sparql, allow_service, timeout=timeout)
    return run_with_timeout(
        _query_store, store_path, sparql, bindings or {}, fmt, allow_service, timeout=timeout
    )


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
