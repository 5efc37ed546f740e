"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the local store.

Starlette and uvicorn speak HTTP (:mod:`kg.serve.app`); queries run in a pool of worker
processes bounded in time and memory (:mod:`kg.serve.pool`); requests and content
negotiation follow the protocol (:mod:`kg.serve.protocol`); a GET with no query answers the
service description (:mod:`kg.serve.description`).
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

from kg.errors import KGError
from kg.serve.app import LOOPBACK_HOSTS, MAX_BODY, Policy, create_app
from kg.serve.pool import Limits, QueryPool

__all__ = ["LOOPBACK_HOSTS", "MAX_BODY", "Limits", "Policy", "bind", "serve"]

log = logging.getLogger(__name__)
DEFAULT_MAX_RESULT = 256 << 20  # bytes of one answer


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a one-line KGError (port in use, no such address)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except (OSError, OverflowError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise KGError(f"cannot listen on {host} port {port}: {reason}") from None
    return sock


def serve(
    store_path: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    workers: int = 2,
    limits: Limits | None = None,
    policy: Policy | None = None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted. ``ready`` gets the endpoint's URL once the socket listens
    and the workers hold the store, so nothing claims to serve before it does."""
    import uvicorn

    from kg.rdf.store import open_store

    open_store(store_path, read_only=True)  # a clear error before anything starts
    sock = bind(host, port)
    pool = QueryPool(store_path, workers, limits or Limits(30.0, None, DEFAULT_MAX_RESULT))
    try:
        app = create_app(pool, policy or Policy())
        config = uvicorn.Config(
            app, log_config=None, access_log=False, lifespan="off", server_header=False
        )
        server = uvicorn.Server(config)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{sock.getsockname()[1]}/query"
        log.info("serving %s on %s", store_path, url)
        if ready is not None:
            ready(url)
        server.run(sockets=[sock])
    finally:
        pool.close()
        sock.close()
