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

from tests.net import free_port
from tests.paths import QUERIES

COUNT_ALL_CUBED = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def start(store, *options: str):
    """kg serve on a free port with ``options``; (process, endpoint URL) once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "kg", "--debug", "serve", "--store", str(store)]
    process = subprocess.Popen(
        [*command, "--port", str(port), *options],
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
    return process, url


def stop(process) -> str:
    """Stop a server; what it wrote to stderr."""
    process.terminate()
    process.wait(timeout=10)
    text = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    return text


@pytest.fixture(scope="module")
def endpoint(seed_build):
    out, _ = seed_build
    process, url = start(out / "store", "--timeout", "2", "--workers", "2")
    yield url
    stop(process)


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
    assert "Access-Control-Allow-Origin" not in headers  # no CORS unless --cors


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
    assert request(endpoint, method="OPTIONS")[0] == 405  # no preflight unless --cors


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


# --- who may talk to the server (issue 11): Host allow-list, CORS only by opt-in --------------


def raw(url: str, host: str, origin: str | None = None, method: str = "GET"):
    """(status, headers) of a request with a chosen Host header (and Origin)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Host": host} | ({"Origin": origin} if origin else {})
    if method == "OPTIONS":
        headers["Access-Control-Request-Method"] = "POST"
    connection.request(method, parts.path + "?query=ASK%7B%7D", headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, dict(response.getheaders())


@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1", 200),
        ("localhost:7878", 200),
        ("[::1]:7878", 200),
        ("LOCALHOST", 200),
        ("evil.example", 400),  # DNS rebinding: a name that points at 127.0.0.1
        ("127.0.0.1.evil.example", 400),
        ("localhost.", 400),
        ("", 400),
    ],
)
def test_serve_answers_only_host_names_of_the_bound_address(endpoint, host, status):
    assert raw(endpoint, host)[0] == status


def test_serve_sends_no_cors_header_by_default(endpoint):
    status, headers = raw(endpoint, "127.0.0.1", origin="https://evil.example")
    assert status == 200
    assert not any(k.lower().startswith("access-control") for k in headers)


def test_serve_cors_and_extra_hosts_are_opt_in(seed_build):
    out, _ = seed_build
    process, url = start(
        out / "store", "--cors", "http://localhost:8080", "--allow-host", "kg.internal"
    )
    try:
        status, headers = raw(url, "127.0.0.1", origin="http://localhost:8080")
        assert headers.get("access-control-allow-origin") == "http://localhost:8080"
        status, headers = raw(url, "127.0.0.1", origin="https://evil.example")
        assert status == 200 and "access-control-allow-origin" not in headers
        preflight = raw(url, "127.0.0.1", origin="http://localhost:8080", method="OPTIONS")
        assert preflight[0] == 200 and "POST" in preflight[1]["access-control-allow-methods"]
        assert raw(url, "kg.internal:7878")[0] == 200
        assert raw(url, "other.internal")[0] == 400
    finally:
        stop(process)


# --- errors that name real things, one line each -----------------------------------------------


def test_serve_refusals_name_no_flag_it_does_not_have(endpoint):
    for query in ("DROP ALL", "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"):
        status, _, body = get(endpoint, query)
        assert status == 400 and b"kg serve" in body
        assert b"--update" not in body and b"--allow-service" not in body


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--port", "80000"], "a port is 1 to 65535, not 80000"),
        (["--timeout", "1e308"], "must be 0 (no limit) to 86400 seconds"),
        (["--workers", "0"], "must be at least 1"),
        (["--max-memory", "lots"], "not a size: 'lots'"),
    ],
)
def test_serve_bad_options_are_one_line_and_start_nothing(seed_build, option, message):
    out, _ = seed_build
    result = subprocess.run(
        [sys.executable, "-m", "kg", "serve", "--store", str(out / "store"), *option],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:") and message in lines[0]
    assert "endpoint" not in result.stderr


def test_serve_port_in_use_is_one_line_before_claiming_to_serve(seed_build):
    out, _ = seed_build
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "kg", "serve", "--store", str(out / "store"),
             "--port", str(port)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"kg: error: cannot listen on 127.0.0.1 port {port}: Address already in use"
    ]


# --- big answers: streamed, bounded, and clients that leave ---------------------------------------

ALL_PAIRS = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } LIMIT 20000"  # ~3 MB of CSV


def test_serve_streams_a_large_answer_in_chunks(endpoint):
    parts = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", parts.path + "?" + urllib.parse.urlencode({"query": ALL_PAIRS}),
                           headers={"Accept": "text/csv"})  # fmt: skip
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Transfer-Encoding") == "chunked"  # not held whole
        lines = response.read().splitlines()
    finally:
        connection.close()
    assert len(lines) == 20_001


def test_serve_streams_an_answer_still_coming_after_the_hold(seed_build):
    """An answer under 1 MiB is streamed, not held whole, once --hold has passed (0 here:
    at once), so a long listing's first rows reach the client before its end."""
    out, _ = seed_build
    small = "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } LIMIT 2000"  # ~300 KB of CSV
    held = {}
    for hold in ("0", "60"):
        process, url = start(out / "store", "--hold", hold)
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            query = urllib.parse.urlencode({"query": small})
            connection.request("GET", f"{parts.path}?{query}", headers={"Accept": "text/csv"})
            response = connection.getresponse()
            held[hold] = (
                response.status,
                response.getheader("Transfer-Encoding"),
                len(response.read().splitlines()),
            )
        finally:
            connection.close()
            stop(process)
    assert held == {"0": (200, "chunked", 2001), "60": (200, None, 2001)}


def test_serve_refuses_an_answer_over_the_result_limit(seed_build):
    out, _ = seed_build
    # held whole however slow the machine, so the refusal keeps its own status
    process, url = start(out / "store", "--max-result", "100K", "--hold", "60")
    try:
        status, _, body = get(url, ALL_PAIRS)
        assert status == 503 and b"result larger than 102,400 bytes" in body
        assert get(url, "ASK { ?s ?p ?o }")[0] == 200  # the worker is fine
    finally:
        stop(process)


def test_serve_survives_a_query_over_the_memory_limit(seed_build):
    out, _ = seed_build
    process, url = start(out / "store", "--max-memory", "1G", "--timeout", "60")
    try:
        hungry = "SELECT ?a ?c ?f ?i WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
        status, _, body = get(url, hungry)
        assert status == 503 and b"out of memory" in body
        assert get(url, "ASK { ?s ?p ?o }")[0] == 200  # a fresh worker took its place
    finally:
        stderr = stop(process)
    assert "memory allocation" not in stderr and "Traceback" not in stderr


def test_serve_logs_a_client_that_leaves_as_one_debug_line(seed_build):
    out, _ = seed_build
    process, url = start(out / "store")  # started with --debug: debug lines are shown
    try:
        parts = urllib.parse.urlsplit(url)
        for _ in range(3):
            sock = socket.create_connection((parts.hostname, parts.port))
            query = urllib.parse.urlencode({"query": ALL_PAIRS})
            sock.sendall(f"GET {parts.path}?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            sock.recv(1000)  # the answer has started
            sock.close()  # and the client goes away
        time.sleep(2)
        answer = get(url, "ASK { ?s ?p ?o }")
    finally:
        stderr = stop(process)
    assert answer[0] == 200, (answer, stderr)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert "ConnectionReset" not in stderr


def test_serve_cuts_a_streamed_answer_at_the_timeout_with_one_line(seed_build):
    """Past its first MiB an answer streams; a timeout after that cuts the connection before
    the last chunk (the client sees an incomplete body) and logs one line, no traceback."""
    out, _ = seed_build
    process, url = start(out / "store", "--timeout", "3")
    endless = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        parts = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        query = urllib.parse.urlencode({"query": endless})
        connection.request("GET", f"{parts.path}?{query}", headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200
        with pytest.raises(http.client.IncompleteRead):
            response.read()
        connection.close()
        assert get(url, "ASK { ?s ?p ?o }")[0] == 200
    finally:
        stderr = stop(process)
    assert "Traceback" not in stderr
    assert "answer cut after its first" in stderr
