"""Untrusted queries (issue 6): read-only unless --update, no SERVICE or LOAD unless allowed,
a time limit that really stops Oxigraph, and one-line errors on the command line."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError, StoreError
from kg.query import (
    QueryCheck,
    check_query,
    execute,
    parse_binding,
    run_query,
    run_with_timeout,
)
from tests.paths import ROOT

# Every solution of a cross product of the store with itself three times: seconds of work
# inside one Oxigraph call (the seed store has ~700 triples: 3.4e8 rows to count).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def store_dir(seed_build, tmp_path_factory) -> Path:
    """A private copy of the seed store, so updates here cannot disturb other tests."""
    out, _ = seed_build
    copy = tmp_path_factory.mktemp("policy") / "store"
    shutil.copytree(out / "store", copy)
    return copy


@pytest.fixture
def local_endpoint() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 that records every request a SERVICE or LOAD makes."""
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
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- what a query may do -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p ?o }",
        "PREFIX s: <https://schema.org/>\nASK { ?x a s:Person }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DESCRIBE <urn:x>",
    ],
)
def test_plain_queries_take_the_fast_path_without_a_parse(sparql: str) -> None:
    """No word that could make the text an update or a call out: nothing to parse."""
    assert check_query(sparql) == QueryCheck("QUERY", (), False)


@pytest.mark.parametrize(
    ("sparql", "form"),
    [
        # risky words inside strings, IRIs and names are data, not keywords
        ("# DROP ALL\nSELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }", "SELECT"),
        ('SELECT ?service WHERE { ?service <urn:LOAD> """CLEAR\nALL""" }', "SELECT"),
        ("PREFIX service: <urn:s#> SELECT * WHERE { service:drop ?p ?o }", "SELECT"),
        ("ASK { ?s <urn:service> ?o }", "ASK"),
        ("CONSTRUCT { ?s <urn:p> 'insert' } WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ],
)
def test_queries_with_risky_words_are_recognised_by_their_parse(sparql: str, form: str) -> None:
    assert check_query(sparql) == QueryCheck(form, (), False)


@pytest.mark.parametrize(
    ("update", "operations"),
    [
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", ("INSERT DATA",)),
        ("DELETE WHERE { ?s ?p ?o }", ("DELETE WHERE",)),
        ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ("DELETE/INSERT",)),
        ("CLEAR ALL", ("CLEAR",)),
        ("DROP GRAPH <urn:g>", ("DROP",)),
        ("CREATE GRAPH <urn:g>; ADD DEFAULT TO <urn:g>", ("CREATE", "ADD")),
        ("# only a comment: SELECT\nMOVE <urn:a> TO <urn:b>", ("MOVE",)),
        ("PREFIX x: <urn:x#>\n  insert data { x:a x:b 'SELECT' }", ("INSERT DATA",)),
    ],
)
def test_updates_are_refused_unless_allowed(update: str, operations: tuple[str, ...]) -> None:
    with pytest.raises(QueryError, match="read-only") as info:
        check_query(update)
    assert "\n" not in str(info.value) and "--update" in str(info.value)
    assert check_query(update, allow_update=True) == QueryCheck("UPDATE", operations, False)


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { service silent <http://e/> { ?s ?p ?x } } }",
        "SELECT * WHERE { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
    ],
)
def test_service_is_refused_unless_allowed(sparql: str) -> None:
    with pytest.raises(QueryError, match=r"SERVICE refused.*--allow-service"):
        check_query(sparql)
    assert check_query(sparql, allow_service=True).remote


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { ?s ?p ?o FILTER(?o<2)SERVICE<http://x/>{?s ?p ?o} }",
        r'SELECT * WHERE { ?s ?p "a\"b # no comment" SERVICE <http://x/> { ?s ?p ?o } }',
        "SELECT * WHERE { ?s ?p '''it''s''' SERVICE <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s <http://x/#frag> ?o SERVICE <http://x/> { ?s ?p ?o } }",
        "select * where { ?s ?p ?o . sErViCe <http://x/> { ?s ?p ?o } }",
        "SELECT * # SERVICE in a comment\nWHERE { SERVICE <http://x/> { ?s ?p ?o } }",
    ],
)
def test_service_next_to_strings_iris_and_comments_is_still_found(sparql: str) -> None:
    """The keyword scan that backs the parser must not lose a real SERVICE next to tokens
    that can hide words (strings with escapes, IRIs with '#', a '<' that is less-than)."""
    with pytest.raises(QueryError, match="SERVICE refused"):
        check_query(sparql)


def test_load_needs_both_update_and_service() -> None:
    load = "LOAD <http://example.org/data.ttl> INTO GRAPH <urn:g>"
    with pytest.raises(QueryError, match="read-only"):
        check_query(load)
    with pytest.raises(QueryError, match="LOAD refused"):
        check_query(load, allow_update=True)
    assert check_query(load, allow_update=True, allow_service=True).operations == ("LOAD",)


def test_text_the_parser_cannot_read_is_refused_only_when_it_could_call_out() -> None:
    # SPARQL 1.2 triple terms: rdflib cannot parse them, Oxigraph can
    star = "SELECT * WHERE { << ?s ?p ?o >> ?q ?r }"
    assert check_query(star).form == "QUERY"  # no risky word: Oxigraph decides
    with pytest.raises(QueryError, match="SERVICE refused: kg's SPARQL parser cannot read"):
        check_query("SELECT * WHERE { << ?s ?p ?o >> ?q ?r SERVICE <http://x/> { } }")
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        check_query("INSERT DATA { << <urn:a> <urn:b> <urn:c> >> <urn:d> <urn:e> }")


def test_a_risky_word_the_parse_does_not_account_for_is_refused() -> None:
    """'service' in a comment: the parser drops comments, so kg cannot tell it from a
    keyword another parser might read (a comment ended by a carriage return, say)."""
    for sparql in (
        "SELECT * WHERE { ?s ?p ?o } # no SERVICE here",
        "SELECT * WHERE { ?s ?p ?o # x\rSERVICE <http://x/> { ?a ?b ?c } \n}",
    ):
        with pytest.raises(QueryError, match="SERVICE refused: the word 'service' occurs"):
            check_query(sparql)
    # escaped letters are decoded before the check, as both parsers decode them
    with pytest.raises(QueryError, match="SERVICE refused"):
        check_query("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }")


def test_oversized_and_deeply_nested_queries_are_refused() -> None:
    with pytest.raises(QueryError, match="query too long"):
        check_query("SELECT * WHERE { ?s ?p ?o }" + " " * 100_000)
    deep = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
    with pytest.raises(QueryError, match="nested too deeply: 3,000 opening brackets"):
        check_query(deep)


def test_nesting_the_parser_cannot_follow_still_runs_or_is_refused(store_dir: Path) -> None:
    # 40 nested groups exceed rdflib's recursion: without a risky word Oxigraph runs it
    forty = "SELECT (COUNT(*) AS ?n) WHERE " + "{ " * 40 + "?s ?p ?o" + " }" * 40
    assert check_query(forty).form == "QUERY"
    assert execute(store_dir, forty, fmt="csv").splitlines()[0] == "n"
    deep_service = "SELECT * WHERE " + "{ " * 60 + "SERVICE <http://x/> { ?s ?p ?o }" + " }" * 60
    with pytest.raises(QueryError, match="SERVICE refused"):
        check_query(deep_service)
    two = "SELECT * WHERE { SERVICE <http://x/> { SERVICE <http://y/> { ?s ?p ?o } } }"
    with pytest.raises(QueryError, match="SERVICE refused"):
        check_query(two)
    assert check_query(two, allow_service=True).remote


def test_a_query_that_would_crash_oxigraph_never_reaches_it(store_dir: Path) -> None:
    """10,000 nested groups overflow Oxigraph's parser stack (a segfault, measured): refused
    first, even in process without a timeout, where a crash would take the caller down."""
    deep = "SELECT * WHERE " + "{ " * 10_000 + "?s ?p ?o" + " }" * 10_000
    with pytest.raises(QueryError, match="nested too deeply"):
        execute(store_dir, deep, timeout=None)


def test_run_query_in_process_is_read_only_too(store_dir: Path) -> None:
    from kg.rdf.store import open_store

    store = open_store(store_dir, read_only=True)
    with pytest.raises(QueryError, match="read-only"):
        run_query(store, "DELETE WHERE { ?s ?p ?o }", {}, "table")
    with pytest.raises(QueryError, match="SERVICE refused"):
        run_query(store, "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", {}, "table")


# --- running: timeout, child process, errors -----------------------------------------------


def _sleep_then(value: str, seconds: float) -> str:
    time.sleep(seconds)
    return value


def _raise_store_error() -> None:
    raise StoreError("the graph store is missing")


def test_run_with_timeout_returns_raises_and_kills() -> None:
    assert run_with_timeout(_sleep_then, "done", 0.0, timeout=10) == "done"
    with pytest.raises(StoreError, match="the graph store is missing"):
        run_with_timeout(_raise_store_error, timeout=10)
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"timed out after 0\.5 s"):
        run_with_timeout(_sleep_then, "late", 30.0, timeout=0.5)
    assert time.monotonic() - started < 5
    assert run_with_timeout(_sleep_then, "here", 0.0, timeout=None) == "here"


def test_execute_stops_a_runaway_query(store_dir: Path) -> None:
    started = time.monotonic()
    with pytest.raises(QueryError, match="timed out after 1 s"):
        execute(store_dir, SLOW, timeout=1)
    assert time.monotonic() - started < 10
    # the store is still fine, and an ordinary query still answers
    assert "Shigeru Ishiba" in execute(
        store_dir, "SELECT ?n WHERE { ?p <https://schema.org/name> ?n }"
    )


def test_execute_binds_parameters_as_terms(store_dir: Path) -> None:
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'
    sparql = "SELECT ?p WHERE { ?p <https://schema.org/name> ?name }"
    assert execute(store_dir, sparql, dict([parse_binding(f"name={hostile}")]), "csv") == "p\r\n"
    out = execute(store_dir, sparql, dict([parse_binding("name=Scott Bessent")]), "csv")
    assert out.splitlines()[1] == "https://example.org/kg/id/person/scott-bessent"


def test_execute_service_is_never_called_unless_allowed(
    store_dir: Path, local_endpoint: tuple[str, list[str]]
) -> None:
    url, hits = local_endpoint
    sparql = f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="SERVICE refused"):
        execute(store_dir, sparql)
    with pytest.raises(QueryError, match="LOAD refused"):
        execute(store_dir, f"LOAD <{url}/x.ttl>", allow_update=True)
    assert hits == []  # nothing left this process
    with pytest.raises(QueryError, match="query failed"):  # allowed: the call is made
        execute(store_dir, sparql, allow_service=True)
    assert hits == ["/sparql"]


def test_execute_update_only_when_allowed(store_dir: Path) -> None:
    insert = "INSERT DATA { <urn:kg:test> <urn:kg:p> 'added by a test' }"
    ask = "ASK { <urn:kg:test> <urn:kg:p> ?o }"
    with pytest.raises(QueryError, match="read-only"):
        execute(store_dir, insert)
    assert execute(store_dir, ask) == "false\n"
    message = execute(store_dir, insert, allow_update=True)
    assert message.startswith("update done: the store held ") and message.endswith("\n")
    assert execute(store_dir, ask) == "true\n"
    execute(
        store_dir, "DELETE DATA { <urn:kg:test> <urn:kg:p> 'added by a test' }", allow_update=True
    )
    assert execute(store_dir, ask) == "false\n"


def test_execute_from_threads_as_a_server_would(store_dir: Path) -> None:
    results: list[str] = []

    def ask() -> None:
        results.append(execute(store_dir, "ASK { ?s ?p ?o }", fmt="json", timeout=30))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ['{"head":{},"boolean":true}\n'] * 4


def test_execute_missing_store_keeps_its_error_class(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph store"):
        execute(tmp_path / "nowhere", "ASK { ?s ?p ?o }")


# --- the command line ---------------------------------------------------------------------


def _one_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.stderr
    return lines[0]


def test_cli_refuses_updates_and_service_in_one_line(store_dir: Path) -> None:
    store = str(store_dir)
    line = _one_error(kg("query", "DROP ALL", "--store", store))
    assert "SPARQL update (DROP) refused" in line
    line = _one_error(
        kg("query", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", "--store", store)
    )
    assert "--allow-service" in line
    assert "Shigeru Ishiba" in kg("query", "officials", "--store", store).stdout  # untouched


def test_cli_timeout_and_update(store_dir: Path) -> None:
    store = str(store_dir)
    line = _one_error(kg("query", SLOW, "--store", store, "--timeout", "1"))
    assert "query timed out after 1 s" in line
    bad = kg("query", "ASK { ?s ?p ?o }", "--timeout", "soon", "--store", store)
    assert bad.returncode == 2 and "not a number of seconds" in bad.stderr
    insert = "INSERT DATA { <urn:kg:cli> <urn:kg:p> 1 }"
    done = kg("query", insert, "--update", "--store", store)
    assert done.returncode == 0 and done.stderr.startswith("kg: update done:"), done.stderr
    ask = kg("query", "ASK { <urn:kg:cli> ?p ?o }", "--store", store)
    assert ask.stdout == "true\n"
    kg("query", "DELETE WHERE { <urn:kg:cli> ?p ?o }", "--update", "--store", store)
    assert kg("query", "ASK { <urn:kg:cli> ?p ?o }", "--store", store).stdout == "false\n"


def test_in_memory_stores_can_still_be_queried_in_process() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.Literal("c")))
    assert run_query(store, "ASK { ?s ?p 'c' }", {}, "table") == "true\n"
