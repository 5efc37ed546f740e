"""The query policy and --bind over large input spaces (hypothesis), and the limits of a query
process: memory, streaming, one-line errors."""

from __future__ import annotations

import http.server
import io
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.query import bind_values, check_query, execute, parse_binding, resolve_query
from kg.query.parse import parse
from tests.paths import ROOT

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Pieces of SPARQL, including every way found to hide or fake a keyword: letter case,
# \u escapes, comments ended by \n or \r, strings with escapes, IRIs and names holding the
# word, and the update keywords.
FRAGMENTS = [
    "SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", ".", ";", "(", ")", "OPTIONAL",
    "FILTER(?o < 2)", "PREFIX x: <urn:x#>", "x:service", "x:a", "?service",
    "SERVICE", "sErViCe", "SERVICE SILENT", "\\u0053ERVICE", "SERVIC\\u0045", "<ENDPOINT>",
    "<http://example.org/service>", "'service'", '"a\\"b # x"', "'''it''s'''", '"""x\ny"""',
    "# comment\n", "# SERVICE\n", "# x\r", "#\r\n", "\n", "\r", "\t", " ", "  ",
    "INSERT DATA", "DELETE WHERE", "LOAD", "<urn:g>", "DROP ALL", "CLEAR", "WITH <urn:g>",
    "ASK", "CONSTRUCT", "DESCRIBE", "GRAPH ?g", "UNION", "VALUES ?s { <urn:a> }",
    "BIND(1 AS ?x)", "_:service", "'x'@service", "1", "2SERVICE", ")SERVICE",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14).map(" ".join)
GLUED = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14).map("".join)


def _parse_or_none(sparql: str):
    try:
        return parse(sparql)
    except QueryError:
        return None


@SETTINGS
@given(st.one_of(TEXTS, GLUED))
def test_policy_fast_path_agrees_with_the_parser(sparql: str) -> None:
    """A text the fast path lets through unparsed has, for the parser, no update operation
    and no call to another host; and no text the policy accepts has either. (An update with
    no operation at all, such as a bare PREFIX line, does nothing; Oxigraph's query parser
    refuses it.)"""
    try:
        check = check_query(sparql)
    except QueryError:
        return  # refused: always safe
    parsed = _parse_or_none(sparql)
    if parsed is not None:
        assert not parsed.remote and not parsed.operations, sparql
    if check.form == "QUERY":  # the fast path: no risky word anywhere
        assert "service" not in sparql.casefold()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request a SERVICE makes."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the http.server API names it so
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()
    thread.join()


@SETTINGS
@given(st.one_of(TEXTS, GLUED))
def test_no_accepted_query_makes_oxigraph_call_another_host(endpoint, sparql: str) -> None:
    """Whatever the text, if the policy accepts it, Oxigraph running it contacts nobody."""
    url, hits = endpoint
    sparql = sparql.replace("ENDPOINT", url)
    try:
        check_query(sparql)
    except QueryError:
        return
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    before = len(hits)
    try:
        result = store.query(sparql)
        if isinstance(result, (ox.QuerySolutions, ox.QueryTriples)):
            list(result)
    except (SyntaxError, OSError, ValueError, RuntimeError):
        pass
    assert len(hits) == before, sparql


def test_the_policy_refuses_every_way_found_to_hide_service(endpoint) -> None:
    url, hits = endpoint
    for sparql in (
        f"SELECT * WHERE {{ ?s ?p ?o # x\rSERVICE <{url}> {{ ?a ?b ?c }} \n}}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p 2SERVICE <{url}> {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER(?o<2)SERVICE<{url}>{{?s ?p ?o}} }}",
    ):
        with pytest.raises(QueryError, match="SERVICE refused"):
            check_query(sparql)
    assert hits == []


# --- --bind over any value and query shape -----------------------------------------------------


@pytest.fixture(scope="module")
def store(seed_build):
    out, _ = seed_build
    from kg.rdf.store import open_store

    return open_store(out / "store", read_only=True)


def _names(store, sparql: str) -> list[str]:
    return sorted(row["name"].value for row in store.query(sparql))


@SETTINGS
@given(st.text(max_size=40))
def test_bind_any_string_narrows_and_never_breaks_the_query(store, value: str) -> None:
    """Quotes, braces, comment signs, keywords: a value is a term, never query text."""
    sparql = "SELECT ?name WHERE { ?p <https://schema.org/name> ?name # {'\n }"
    bound = bind_values(sparql, {"name": ox.Literal(value)})
    assert _names(store, bound) == [v for v in _names(store, sparql) if v == value]


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?name WHERE { ?p <https://schema.org/name> ?name FILTER(?name != '}') }",
        "CONSTRUCT { ?p <urn:k> '{' } WHERE { ?p <https://schema.org/name> ?name }",
        "SELECT ?name WHERE { ?p <https://schema.org/name> ?name } VALUES ?p { UNDEF }",
        "# a { brace }\nSELECT ?name WHERE { { ?p <https://schema.org/name> ?name } }",
    ],
)
def test_bind_finds_the_where_group_by_its_parse(store, sparql: str) -> None:
    bound = bind_values(sparql, dict([parse_binding("name=Scott Bessent")]))
    result = store.query(bound)
    rows = list(result)
    assert rows and all("bessent" in str(row).lower() for row in rows), bound


def test_bind_of_a_variable_the_query_never_names_is_refused(store_dir: Path) -> None:
    with pytest.raises(QueryError, match=r"--bind nmae: the query has no variable \?nmae"):
        bind_values(resolve_query("officials"), dict([parse_binding("nmae=Jane Doe")]))
    result = subprocess.run(
        [sys.executable, "-m", "kg", "query", "officials", "--bind", "nmae=x",
         "--store", str(store_dir)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1
    assert lines[0].startswith("kg: error: --bind nmae: the query has no variable ?nmae")


# --- the query process: memory cap, streaming, one-line errors ------------------------------------


@pytest.fixture(scope="module")
def store_dir(seed_build, tmp_path_factory) -> Path:
    out, _ = seed_build
    copy = tmp_path_factory.mktemp("limits") / "store"
    shutil.copytree(out / "store", copy)
    return copy


HUNGRY = "SELECT ?a ?c ?f ?i WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


def test_a_query_past_its_memory_limit_is_stopped_with_one_line(store_dir: Path) -> None:
    with pytest.raises(QueryError, match=r"query ran out of memory \(limit 1 GiB"):
        execute(store_dir, HUNGRY, timeout=120, max_memory=1 << 30)
    assert "true" in execute(store_dir, "ASK { ?s ?p ?o }")  # nothing left behind
    result = subprocess.run(
        [sys.executable, "-m", "kg", "query", HUNGRY, "--store", str(store_dir),
         "--max-memory", "1G", "--timeout", "120"],
        capture_output=True, text=True, cwd=ROOT, timeout=180,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "kg: error: query ran out of memory (limit 1 GiB; raise it with --max-memory)"
    ]


class Recorder(io.RawIOBase):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[int] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[override]
        self.writes.append(len(data))
        return len(data)


def test_results_stream_out_in_chunks_as_they_come(store_dir: Path) -> None:
    many = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } LIMIT 100000"
    out = Recorder()
    assert execute(store_dir, many, fmt="csv", out=out) == ""
    assert len(out.writes) > 10 and max(out.writes) <= 1 << 17  # chunks of ~64 KiB
    assert sum(out.writes) > 5_000_000


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--timeout", "1e308"], "must be 0 (no limit) to 86400 seconds"),
        (["--timeout", "-1"], "must be 0 (no limit) to 86400 seconds"),
        (["--max-memory", "4Q"], "not a size: '4Q'"),
        (["--format", "ttl"], "invalid choice: 'ttl'"),
    ],
)
def test_query_bad_options_are_one_line(option: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kg", "query", "officials", *option],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error:") and message in lines[0]


@SETTINGS
@given(st.text(alphabet="\\uU0123456789abcdefABCDEFsSx ", max_size=40))
def test_escapes_are_decoded_as_rdflibs_parser_decodes_them(text: str) -> None:
    from rdflib.plugins.sparql.parser import expandUnicodeEscapes

    from kg.query.parse import expand_escapes

    try:
        expected = expandUnicodeEscapes(text)
    except ValueError:
        with pytest.raises(QueryError, match="bad code point escape"):
            expand_escapes(text)
        return
    assert expand_escapes(text) == expected
