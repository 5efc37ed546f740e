"""--store URL: build into a real SPARQL server (Oxigraph's), query and export from it.

The server is the one .ci/run starts ($KG_TEST_SPARQL_URL), or one this module starts
from the ``oxigraph`` command of the test dependencies; it is emptied first.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.query import resolve_query, run_query
from kg.rdf.export import serialize
from kg.rdf.remote import RemoteStore, update_url_for
from kg.rdf.store import DEFAULT, open_store
from tests.net import free_port

SHAPE = (
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on {day}. "
    "U.S. Treasury Secretary Scott Bessent said tariffs on {goods} would rise to 25 percent."
)


@pytest.fixture
def empty_server(sparql_url):
    RemoteStore(sparql_url).update("DROP ALL")
    return sparql_url


def write_corpus(path, texts):
    with path.open("w", encoding="utf-8") as handle:
        for i, text in enumerate(texts):
            record = {"id": f"r-{i}", "title": f"Report {i}", "date": "2025-05-29", "text": text}
            handle.write(json.dumps(record) + "\n")
    return path


def dataset(store) -> tuple[set[ox.Quad], int]:
    named = {q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT}
    union = sum(1 for _ in store.quads_for_pattern(None, None, None, DEFAULT))
    return named, union


def test_update_url_follows_the_server_conventions(monkeypatch):
    monkeypatch.delenv("KG_UPDATE_URL", raising=False)
    assert update_url_for("http://h:7878/query") == "http://h:7878/update"
    assert update_url_for("http://h:3030/news/query") == "http://h:3030/news/update"
    assert update_url_for("http://h:8890/sparql") == "http://h:8890/sparql"
    monkeypatch.setenv("KG_UPDATE_URL", "http://h/statements")
    assert update_url_for("http://h:7878/query") == "http://h/statements"


def test_build_into_a_sparql_server_matches_a_local_build(empty_server, tmp_path):
    texts = [SHAPE.format(day=d, goods=g) for d, g in [("Monday", "steel"), ("Friday", "cars")]]
    source = write_corpus(tmp_path / "news.jsonl", texts)
    report = build([source], tmp_path / "unused", store_location=empty_server, jobs=1)
    assert report.articles == 2 and report.outputs == [empty_server]
    assert not (tmp_path / "unused").exists()
    local = build([source], tmp_path / "local", html=False, jobs=1)
    remote_store = open_store(empty_server)
    local_store = open_store(tmp_path / "local" / "store", read_only=True)
    assert dataset(remote_store) == dataset(local_store)
    assert report.store_triples == local.store_triples

    officials = run_query(remote_store, resolve_query("officials"), {}, "csv")
    assert "Olaf Scholz" in officials and "Scott Bessent" in officials
    assert serialize(remote_store, "nquads") == serialize(local_store, "nquads")


def test_rebuilding_a_changed_article_replaces_it_on_the_server(empty_server, tmp_path):
    first = [SHAPE.format(day="Monday", goods="steel"), SHAPE.format(day="Friday", goods="cars")]
    source = write_corpus(tmp_path / "news.jsonl", first)
    build([source], tmp_path / "unused", store_location=empty_server, jobs=1)
    again = build([source], tmp_path / "unused", store_location=empty_server, jobs=1)
    assert (again.articles, again.skipped) == (0, 2)

    changed = [first[0], "British Prime Minister Keir Starmer visited Berlin on Monday."]
    write_corpus(source, changed)
    report = build([source], tmp_path / "unused", store_location=empty_server, jobs=1)
    assert (report.articles, report.skipped) == (1, 1)
    fresh = build([source], tmp_path / "fresh", html=False, jobs=1)
    assert fresh.articles == 2
    remote = dataset(open_store(empty_server))
    assert remote == dataset(open_store(tmp_path / "fresh" / "store", read_only=True))
    assert "Macron" in str(remote[0]) and "Starmer" in str(remote[0])


def test_kg_query_and_export_take_a_url(empty_server, tmp_path):
    source = write_corpus(tmp_path / "news.jsonl", [SHAPE.format(day="Monday", goods="steel")])
    command = [sys.executable, "-m", "kg"]
    built = subprocess.run(
        [*command, "build", str(source), "--store", empty_server, "--jobs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stderr
    assert f"wrote {empty_server}" in built.stdout
    queried = subprocess.run(
        [*command, "query", "officials", "--store", empty_server, "--format", "csv"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert queried.returncode == 0 and "Olaf Scholz" in queried.stdout
    exported = subprocess.run(
        [*command, "export", "--store", empty_server, "--format", "nt"],
        capture_output=True,
        timeout=60,
    )
    assert exported.returncode == 0
    assert len(list(ox.parse(exported.stdout, format=ox.RdfFormat.N_TRIPLES))) > 50


def test_an_unreachable_server_is_a_one_line_error():
    port = free_port()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "query",
            "officials",
            "--store",
            f"http://127.0.0.1:{port}/query",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("kg: error: cannot reach the SPARQL server")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "json", "turtle", "nt", "csv"])
def test_kg_query_construct_and_describe_over_a_url(sparql_url, seed_build, fmt):
    """CONSTRUCT and DESCRIBE through --store URL print a graph, as on a local store."""
    out, _ = seed_build
    server = RemoteStore(sparql_url)
    server.update("DROP ALL")
    data = serialize(open_store(out / "store", read_only=True), "nquads")
    server._post(sparql_url.replace("/query", "/store"), data, "application/n-quads", "*/*")
    for query in (
        "CONSTRUCT { ?p ?x ?y } WHERE { ?p a <https://schema.org/Person> ; ?x ?y }",
        "DESCRIBE <https://example.org/kg/id/person/scott-bessent>",
    ):
        result = subprocess.run(
            [sys.executable, "-m", "kg", "query", query, "--store", sparql_url, "--format", fmt],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        rdf = {"json": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES}
        triples = list(ox.parse(result.stdout.encode(), format=rdf.get(fmt, ox.RdfFormat.TURTLE)))
        assert len(triples) > 3
