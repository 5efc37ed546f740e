"""The HTTP side of ``kg serve``: a Starlette application speaking the SPARQL 1.1 Protocol.

Framing, keep-alive, chunked bodies, HEAD and 405s come from Starlette and uvicorn; this
module maps requests to query jobs (:mod:`kg.serve.protocol`), runs them in the worker pool
(:mod:`kg.serve.pool`) and streams the answers back. An answer that fits in ``COMMIT``
bytes is sent whole with its length and its true status; a larger one streams in chunks,
and if it then fails (timeout, size limit, a dead worker) the connection is cut before the
last chunk, which every HTTP client reports as an incomplete body.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass
from http import HTTPStatus

import anyio
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from kg.rdf.formats import FORMATS
from kg.serve.description import service_description
from kg.serve.pool import Job, QueryPool, Worker
from kg.serve.protocol import Problem, SparqlRequest, from_params, from_post, negotiate

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # bytes of request body a client may send
# Answers up to this size are sent whole, with their status, if they are complete within
# Limits.hold seconds (kg serve --hold) of the job being handed out; an answer still coming
# after that is streamed from what has arrived (status 200 sent), so a long listing's first
# rows reach the client at once. A failure after that point cuts the stream, as for an
# answer over COMMIT bytes.
COMMIT = 1 << 20
ENDPOINTS = ("/query", "/sparql", "/")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")


@dataclass(frozen=True)
class Policy:
    """Who may talk to the server: Host names it answers, origins allowed by CORS."""

    hosts: tuple[str, ...] = LOOPBACK_HOSTS
    cors: tuple[str, ...] = ()  # none: no CORS header at all


class StreamCut(Exception):
    """A streamed answer failed after its status was sent: the connection is cut."""


def plain(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(
        message.rstrip() + "\n", status, headers, media_type="text/plain; charset=utf-8"
    )


async def _read_body(request: Request) -> bytes:
    """The request body, at most MAX_BODY bytes (413 past it, before reading it whole)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        raise Problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"at most {MAX_BODY} bytes of body")
    body = bytearray()
    async for chunk in request.stream():  # also a chunked body (no Content-Length)
        body += chunk
        if len(body) > MAX_BODY:
            raise Problem(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"at most {MAX_BODY} bytes of body")
    return bytes(body)


async def _sparql_request(request: Request) -> SparqlRequest:
    params = request.query_params.multi_items()
    if request.method in ("GET", "HEAD"):
        return from_params(params)
    body = await _read_body(request)
    return from_post(request.headers.get("content-type", ""), body, params)


def _description(request: Request) -> Response:
    fmt = negotiate(request.headers.get("accept"), "graph")
    if fmt is None:
        fmt = FORMATS["turtle"]
    endpoint = str(request.url.replace(query=""))
    data = ox.serialize(service_description(endpoint), format=fmt.rdf)
    return Response(data or b"", media_type=fmt.content_type)


def _job(request: Request, sparql: SparqlRequest) -> Job:
    accept = request.headers.get("accept")
    results, graph = negotiate(accept, "results"), negotiate(accept, "graph")
    return Job(
        sparql.query or "",
        sparql.default_graphs,
        sparql.named_graphs,
        sparql.has_dataset,
        results.name if results else None,
        graph.name if graph else None,
    )


async def _stream(
    pool: QueryPool, worker: Worker, first: bytes, deadline: float
) -> AsyncIterator[bytes]:
    """The rest of a large answer, as the worker sends it."""
    done = False
    try:
        yield first
        while True:
            message = await pool.receive(worker, deadline)
            if message is None or message[0] == "fail":
                reason = "the timeout" if message is None else message[2]
                log.warning("answer cut after its first %d bytes: %s", len(first), reason)
                raise StreamCut(reason)
            if message[0] == "end":
                done = True
                return
            yield message[1]
    except EOFError:
        log.warning("answer cut: the query worker died")
        raise StreamCut("worker died") from None
    finally:
        if done:
            pool.release(worker)
        else:  # cut, or the client went away: the worker is mid-answer
            log.debug("answer ended early (cut or client disconnected); replacing its worker")
            with anyio.CancelScope(shield=True):  # a cancelled stream still gives it back
                await pool.replace(worker)


async def _run(pool: QueryPool, job: Job) -> Response:
    """Send a job to a worker and turn its messages into a response."""
    worker = await pool.acquire()
    if worker is None:
        return plain(HTTPStatus.SERVICE_UNAVAILABLE, "all query workers are busy; retry later")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + pool.limits.timeout
    commit_at = loop.time() + pool.limits.hold
    try:
        worker.conn.send(job)
        message = await pool.receive(worker, deadline)
        content_type, body = "", bytearray()
        while message is not None and message[0] in ("head", "data"):
            if message[0] == "head":
                content_type = message[1]
            else:
                body += message[1]
                if len(body) >= COMMIT or loop.time() >= commit_at:
                    stream = _stream(pool, worker, bytes(body), deadline)
                    return StreamingResponse(stream, media_type=content_type)
            message = await pool.receive(worker, deadline)
    except (EOFError, OSError):
        await pool.replace(worker)
        return plain(HTTPStatus.SERVICE_UNAVAILABLE, _died(pool))
    if message is None:
        await pool.replace(worker)
        return plain(
            HTTPStatus.SERVICE_UNAVAILABLE,
            f"query stopped after the {pool.limits.timeout:g} s timeout (kg serve --timeout)",
        )
    pool.release(worker)
    if message[0] == "end":
        return Response(bytes(body), media_type=content_type)
    return plain(message[1], message[2])  # ("error" | "fail", status, text)


def _died(pool: QueryPool) -> str:
    memory = pool.limits.max_memory
    limit = f"{memory / (1 << 30):g} GiB" if memory else "none"
    return f"the query worker died (out of memory? limit {limit}, kg serve --max-memory)"


async def endpoint(request: Request) -> Response:
    """GET, HEAD or POST on the endpoint: a query, or the service description."""
    pool: QueryPool = request.app.state.pool
    try:
        sparql = await _sparql_request(request)
    except Problem as problem:
        return plain(problem.status, problem.message)
    except ClientDisconnect:
        log.debug("client disconnected while sending its request")
        return plain(HTTPStatus.BAD_REQUEST, "incomplete request")
    if sparql.query is None:
        if request.method == "POST":
            return plain(HTTPStatus.BAD_REQUEST, "no 'query' parameter")
        return _description(request)
    return await _run(pool, _job(request, sparql))


async def update(request: Request) -> Response:
    return plain(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")


class CutGuard:
    """The outermost layer: a streamed answer that had to be cut ends the connection
    with one log line, not a traceback; so does a client that went away."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        except StreamCut:
            return
        except (ClientDisconnect, ConnectionError) as exc:
            log.debug("client disconnected: %s", type(exc).__name__)


def create_app(pool: QueryPool, policy: Policy) -> ASGIApp:
    """The application: endpoints, the update refusal, the Host check and opt-in CORS."""
    routes = [Route(path, endpoint, methods=["GET", "POST"]) for path in ENDPOINTS]
    methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    routes.append(Route("/update", update, methods=methods))
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=list(policy.hosts), www_redirect=False)
    ]
    if policy.cors:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(policy.cors),
                allow_methods=["GET", "POST"],
                allow_headers=["Content-Type", "Accept"],
                max_age=86400,
            )
        )
    app = Starlette(routes=routes, middleware=middleware)
    app.state.pool = pool
    return CutGuard(app)
