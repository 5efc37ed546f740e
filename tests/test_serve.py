"""kg serve: the SPARQL 1.1 Protocol over the seed store, read-only, with a timeout."""

from __future__ import annotations

import concurrent.futures
import http.client
import io
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from tests.paths import QUERIES

COUNT_ALL_CUBED = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(seed_build):
    out, _ = seed_build
    port = free_port()
    command = [sys.executable, "-m", "kg", "serve", "--store", str(out / "store")]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--timeout", "2", "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode() if process.stderr else "no output")
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)
    if process.stderr:
        process.stderr.close()


def request(url, data=None, headers=None, method=None):
    """(status, headers, body) of one HTTP request; error statuses are returned, not raised."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers, exc.read()


def get(url, query, **params):
    return request(url + "?" + urllib.parse.urlencode({"query": query, **params}))


def test_serve_answers_the_officials_query_as_sparql_json(endpoint):
    status, headers, body = get(endpoint, (QUERIES / "officials.rq").read_text())
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    results = json.loads(body)
    names = {row["name"]["value"] for row in results["results"]["bindings"]}
    assert {"Ryosei Akazawa", "Shigeru Ishiba", "Scott Bessent"} <= names
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_serve_post_forms_and_accept_header(endpoint):
    query = (QUERIES / "meetings.rq").read_text()
    form = urllib.parse.urlencode({"query": query}).encode()
    status, headers, body = request(
        endpoint,
        form,
        {"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"},
    )
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert body.decode().splitlines()[0].split(",")[:2] == ["article", "meeting"]
    direct = request(
        endpoint,
        query.encode(),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+xml"},
    )
    assert direct[0] == 200 and b"<sparql" in direct[2]


def test_serve_construct_returns_turtle_that_parses(endpoint):
    query = "CONSTRUCT { ?p ?x ?y } WHERE { ?p a <https://schema.org/Person> ; ?x ?y }"
    status, headers, body = get(endpoint, query)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(io.BytesIO(body), format="turtle")
    assert len(graph) > 10


def test_serve_refuses_updates_and_service(endpoint):
    update = request(
        endpoint, b"DROP ALL", {"Content-Type": "application/sparql-update"}, method="POST"
    )
    assert update[0] == 403
    form = urllib.parse.urlencode({"update": "CLEAR DEFAULT"}).encode()
    assert request(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    status, _, body = get(
        endpoint, "SELECT * WHERE { SERVICE <http://example.com/s> { ?s ?p ?o } }"
    )
    assert status == 400 and b"SERVICE" in body
    # the data is intact
    status, _, body = get(endpoint, "ASK { ?s a <https://schema.org/Person> }")
    assert json.loads(body)["boolean"] is True


def test_serve_bad_queries_are_client_errors(endpoint):
    assert get(endpoint, "SELEKT nothing")[0] == 400
    # the server answers from the declared length, before reading a byte of the body
    parts = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest("POST", parts.path)
    connection.putheader("Content-Type", "application/sparql-query")
    connection.putheader("Content-Length", str(2 << 20))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    connection.close()
    assert request(endpoint.replace("/query", "/nope"))[0] == 404
    preflight = request(endpoint, method="OPTIONS")
    assert preflight[0] == 204 and "POST" in preflight[1]["Access-Control-Allow-Methods"]


def test_serve_stops_a_runaway_query_and_keeps_serving(endpoint):
    started = time.monotonic()
    status, _, body = get(endpoint, COUNT_ALL_CUBED)
    assert status == 503 and b"timeout" in body
    assert time.monotonic() - started < 15
    status, _, body = get(endpoint, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True


def test_serve_under_concurrent_clients_has_no_errors(endpoint):
    """A bounded load test: 10 clients for 3 s (benchmarks/serve_load.py runs 50 for 20 s)."""
    query = (QUERIES / "officials.rq").read_text()

    def client(_: int) -> tuple[int, int]:
        ok = bad = 0
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            status, _, body = get(endpoint, query)
            if status == 200 and b"Akazawa" in body:
                ok += 1
            else:
                bad += 1
        return ok, bad

    with concurrent.futures.ThreadPoolExecutor(10) as pool:
        results = list(pool.map(client, range(10)))
    assert sum(bad for _, bad in results) == 0
    assert sum(ok for ok, _ in results) >= 10


def test_serve_without_a_store_is_a_one_line_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("kg: error: no graph store")
    assert "Traceback" not in result.stderr
