"""Run queries read-only on a store, in a child process bounded by a timeout.

Oxigraph has no query timeout and holds the GIL while it evaluates, so a thread cannot stop
it: :func:`run_with_timeout` runs the query in a child process and kills it when the time is
up. :func:`execute` does all of it for a store directory; ``kg query`` and ``kg serve`` use it.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from kg import errors
from kg.errors import QueryError
from kg.query.binding import bind_values
from kg.query.formats import RESULT_FORMATS, W3C_FORMATS, format_table
from kg.query.named import required_params
from kg.query.policy import check_query

T = TypeVar("T")
DEFAULT_TIMEOUT = 30.0  # seconds, kg query --timeout


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
        if fmt in W3C_FORMATS:
            return (result.serialize(format=W3C_FORMATS[fmt]) or b"").decode("utf-8") + "\n"
        return ("true" if bool(result) else "false") + "\n"
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.TURTLE
        data = ox.serialize(result, format=rdf)
        return (data or b"").decode("utf-8")
    if fmt in W3C_FORMATS:
        return (result.serialize(format=W3C_FORMATS[fmt]) or b"").decode("utf-8")
    return format_table(result)


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
        context.set_forkserver_preload(
            ["kg.query.runner", "kg.rdf.store", "rdflib.plugins.sparql.parser"]
        )
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
    from kg.rdf.base import adopt_base
    from kg.rdf.store import open_store

    store = open_store(store_path, read_only=True)
    adopt_base(store)  # tables shorten the store's own IRIs to id:
    return run_query(store, sparql, bindings, fmt, allow_service=allow_service)


def _update_store(store_path: Path, sparql: str, allow_service: bool) -> str:
    from kg.rdf.store import open_store

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
