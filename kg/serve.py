"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the local store.

Queries run in a small pool of worker processes, each holding the store open read-only.
A query that runs past the timeout gets a 503 answer and its worker is killed and
replaced, so a runaway query cannot hold the server (Oxigraph queries cannot be
cancelled from another thread). The HTTP side is the standard library's threading
server: GET ``/query?query=...``, POST form or ``application/sparql-query``, results in
the format the ``Accept`` header (or ``?format=``) asks for, CORS for browser editors.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import queue
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # bytes of query a client may send
ENDPOINTS = ("/query", "/sparql", "/")
RESULT_FORMATS = {  # media type -> pyoxigraph QueryResultsFormat name
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_FORMATS = {  # media type -> pyoxigraph RdfFormat name
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
}
SHORT_FORMATS = {  # ?format= values
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes


def _plain(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode())


def _pick(accept: str, table: dict[str, str], default: str) -> str:
    """The first media type of the Accept header that ``table`` serves (q-values ignored)."""
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media
        if media in ("*/*", "application/*", "text/*", ""):
            return default
    return ""


def execute(store: Any, sparql: str, accept: str) -> Answer:
    """Run one query on an open store and serialise the result as the client asked."""
    import pyoxigraph as ox

    from kg.query import check_query

    try:
        check_query(sparql)
    except Exception as exc:  # a refused or malformed query: the client's fault
        return _plain(HTTPStatus.BAD_REQUEST, str(exc))
    try:
        result = store.query(sparql)
        if isinstance(result, ox.QueryTriples):
            media = _pick(accept, GRAPH_FORMATS, "text/turtle")
            if not media:
                return _plain(
                    HTTPStatus.NOT_ACCEPTABLE, "graph results: " + ", ".join(GRAPH_FORMATS)
                )
            body = result.serialize(format=getattr(ox.RdfFormat, GRAPH_FORMATS[media]))
        else:
            media = _pick(accept, RESULT_FORMATS, "application/sparql-results+json")
            if not media:
                return _plain(HTTPStatus.NOT_ACCEPTABLE, "results: " + ", ".join(RESULT_FORMATS))
            fmt = getattr(ox.QueryResultsFormat, RESULT_FORMATS[media])
            body = result.serialize(format=fmt)
    except SyntaxError as exc:
        return _plain(HTTPStatus.BAD_REQUEST, f"query syntax error: {exc}")
    except (OSError, ValueError, RuntimeError) as exc:
        return _plain(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
    content_type = media + ("; charset=utf-8" if media.startswith("text/") else "")
    return Answer(HTTPStatus.OK, content_type, body or b"")


def _worker_main(store_path: str, conn: Connection) -> None:
    """A query worker: open the store read-only, answer queries until the pipe closes."""
    from kg.rdf.store import open_store

    store = open_store(Path(store_path), read_only=True)
    conn.send("ready")
    while True:
        try:
            sparql, accept = conn.recv()
        except (EOFError, OSError):
            return
        answer = execute(store, sparql, accept)
        conn.send((answer.status, answer.content_type, answer.body))


class _Worker:
    def __init__(self, store_path: Path) -> None:
        context = mp.get_context("spawn")  # a clean process: no inherited locks or threads
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(str(store_path), child), daemon=True
        )
        self.process.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.kill()
            raise RuntimeError("a query worker could not open the store")

    def ask(self, sparql: str, accept: str, timeout: float) -> Answer | None:
        """The answer, or None when the query ran past ``timeout`` seconds."""
        self.conn.send((sparql, accept))
        if not self.conn.poll(timeout):
            return None
        status, content_type, body = self.conn.recv()
        return Answer(status, content_type, body)

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """A fixed number of query workers; a timed-out worker is replaced by a fresh one."""

    def __init__(self, store_path: Path, workers: int, timeout: float) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self.idle: queue.Queue[_Worker] = queue.Queue()
        for _ in range(workers):
            self.idle.put(_Worker(store_path))
        self.size = workers

    def ask(self, sparql: str, accept: str) -> Answer:
        try:
            worker = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return _plain(HTTPStatus.SERVICE_UNAVAILABLE, "all query workers are busy; retry")
        try:
            answer = worker.ask(sparql, accept, self.timeout)
        except (EOFError, OSError, BrokenPipeError):
            answer = _plain(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker died")
            worker.kill()
            worker = _Worker(self.store_path)
        if answer is None:
            worker.kill()
            worker = _Worker(self.store_path)
            answer = _plain(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"query stopped after the {self.timeout:g} s timeout",
            )
        self.idle.put(worker)
        return answer

    def close(self) -> None:
        for _ in range(self.size):
            self.idle.get().kill()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib name)
        log.info("%s %s", self.address_string(), format % args)

    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self._cors()
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")

    def do_OPTIONS(self) -> None:  # noqa: N802 (stdlib naming)
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ENDPOINTS:
            self._send(_plain(HTTPStatus.NOT_FOUND, "the SPARQL endpoint is /query"))
            return
        params = parse_qs(url.query)
        if "query" not in params:
            if "update" in params:
                self._send(_plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only"))
                return
            self._send(_plain(HTTPStatus.OK, USAGE))
            return
        self._answer(params["query"][0], params)

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path not in ENDPOINTS:
            self._send(_plain(HTTPStatus.NOT_FOUND, "the SPARQL endpoint is /query"))
            return
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self.close_connection = True
            self._send(_plain(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"at most {MAX_BODY} bytes"))
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if ctype == "application/sparql-query":
            self._answer(body, params)
        elif ctype == "application/x-www-form-urlencoded":
            params.update(parse_qs(body))
            if "update" in params:
                self._send(_plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only"))
            elif "query" in params:
                self._answer(params["query"][0], params)
            else:
                self._send(_plain(HTTPStatus.BAD_REQUEST, "no 'query' parameter"))
        elif ctype == "application/sparql-update":
            self._send(_plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only"))
        else:
            self._send(_plain(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"unsupported body: {ctype}"))

    def _answer(self, sparql: str, params: dict[str, list[str]]) -> None:
        accept = self.headers.get("Accept", "*/*")
        if "format" in params:
            accept = SHORT_FORMATS.get(params["format"][0].lower(), params["format"][0])
        self._send(self.server.pool.ask(sparql, accept))


USAGE = """kg SPARQL endpoint (read-only, SPARQL 1.1 Protocol)

GET  /query?query=SELECT...            results as JSON, or as the Accept header asks
POST /query  (form: query=...)         or with Content-Type: application/sparql-query
Formats: application/sparql-results+json|xml, text/csv, text/tab-separated-values;
CONSTRUCT/DESCRIBE: text/turtle, application/n-triples, application/rdf+xml,
application/ld+json. ?format=json|xml|csv|tsv|turtle|nt|jsonld overrides Accept.
"""


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], pool: QueryPool) -> None:
        super().__init__(address, _Handler)
        self.pool = pool


def serve(
    store_path: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    workers: int = 2,
    timeout: float = 30.0,
    ready: threading.Event | None = None,
) -> None:
    """Serve until interrupted. ``ready`` is set once the socket listens (for tests)."""
    from kg.rdf.store import open_store

    open_store(store_path, read_only=True)  # a clear error before any worker starts
    pool = QueryPool(store_path, workers, timeout)
    try:
        server = SparqlServer((host, port), pool)
    except OSError as exc:
        pool.close()
        from kg.errors import KGError

        raise KGError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    log.info("serving %s on http://%s:%d/query", store_path, host, port)
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    finally:
        server.server_close()
        pool.close()
