"""Run queries read-only on a store, in a child process bounded in time and memory, with the
result streamed to the output as Oxigraph produces it.

Oxigraph has no query timeout and holds the GIL while it evaluates, so a thread cannot stop
it: :func:`run_with_timeout` runs the work in a child process, killed when the time is up,
whose address space is capped (``resource.setrlimit``) so a query cannot take the machine's
memory either. The child sends the serialised result in chunks through a pipe; the parent
writes each one out as it arrives. :func:`execute` does all of it for a store directory;
``kg query`` uses it, and ``kg serve``'s workers use :func:`write_query` the same way.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

import pyoxigraph as ox

from kg import errors
from kg.errors import QueryError
from kg.query.binding import bind_values
from kg.query.formats import QUERY_FORMATS, write_result
from kg.query.named import required_params
from kg.query.policy import CLI, Flags, check_query, explain_syntax_error
from kg.rdf.graphstore import GraphStore
from kg.rdf.oxerrors import oxigraph_errors

T = TypeVar("T")
DEFAULT_TIMEOUT = 30.0  # seconds, kg query --timeout
MAX_TIMEOUT = 86_400.0  # a day: longer waits overflow the platform's timers
DEFAULT_MAX_MEMORY = 4 << 30  # bytes of address space for a query process (--max-memory)
CHUNK = 1 << 16  # bytes per message from the query process


def check_format(fmt: str) -> None:
    if fmt not in QUERY_FORMATS:
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(QUERY_FORMATS)}")


def run_store_query(store: GraphStore, sparql: str, *, flags: Flags = CLI, **options: Any) -> Any:
    """``store.query`` with pyoxigraph's errors as one-line ``QueryError``s (an update
    refused by Oxigraph's query grammar is named as such)."""
    try:
        with oxigraph_errors("query"):
            return store.query(sparql, **options)
    except QueryError as exc:
        if isinstance(exc.__cause__, SyntaxError):
            raise explain_syntax_error(sparql, str(exc.__cause__), flags) from None
        raise


def _check_params(sparql: str, bindings: dict[str, ox.NamedNode | ox.Literal]) -> None:
    """The parameters a query file declares (``# @param``) must all be bound."""
    missing = {k: v for k, v in required_params(sparql).items() if k not in bindings}
    if missing:
        needed = " ".join(f"--bind {k}={hint or 'VALUE'}" for k, hint in missing.items())
        raise QueryError(f"this query needs a value for {', '.join(missing)}: add {needed}")


def write_query(
    store: GraphStore,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal],
    fmt: str,
    out: BinaryIO,
    *,
    allow_service: bool = False,
    bound: bool = False,
) -> None:
    """Check, bind and run a read-only query over the union of article graphs, writing the
    result to ``out`` as it comes (in this process, without a time limit). ``bound``: the
    text has its parameters applied already (by :func:`execute`)."""
    check_format(fmt)
    check_query(sparql, allow_update=False, allow_service=allow_service)
    if not bound:
        _check_params(sparql, bindings)
        sparql = bind_values(sparql, bindings)
    result = run_store_query(store, sparql)
    with oxigraph_errors("query"):
        write_result(result, fmt, out)


def run_query(
    store: GraphStore,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal],
    fmt: str = "table",
    *,
    allow_service: bool = False,
) -> str:
    """:func:`write_query` into a string (for callers that want the whole text)."""
    buffer = io.BytesIO()
    write_query(store, sparql, bindings, fmt, buffer, allow_service=allow_service)
    return buffer.getvalue().decode("utf-8")


# --- the child process -----------------------------------------------------------------------


def limit_memory(max_bytes: int | None) -> None:
    """Cap this process's address space: past it, allocations fail (Python raises
    MemoryError, Oxigraph aborts the process) instead of the machine swapping. The process's
    stderr goes to /dev/null: Rust's abort message is not for the user, who gets one line
    from the parent instead (answers and errors travel through the pipe)."""
    if max_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


class PipeWriter(io.RawIOBase):
    """A binary file whose bytes go through a pipe in CHUNK-sized messages."""

    def __init__(self, conn: Connection) -> None:
        super().__init__()
        self.conn = conn
        self.buffer = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buffer:
            self.conn.send(("data", bytes(self.buffer)))
            self.buffer.clear()


def _single_threaded() -> bool:
    """Whether this process has one thread, counting native ones (an open Oxigraph store
    runs RocksDB threads that Python's threading module does not see)."""
    try:
        return len(list(Path("/proc/self/task").iterdir())) == 1
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


def _child(
    conn: Connection, func: Callable[..., Any], args: tuple[Any, ...], stream: bool, memory: int
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        limit_memory(memory)
        if stream:
            writer = PipeWriter(conn)
            result = func(*args, writer)
            writer.flush()
        else:
            result = func(*args)
    except errors.KGError as exc:
        conn.send(("error", type(exc).__name__, str(exc)))
    except MemoryError:
        conn.send(("error", "QueryError", _out_of_memory(memory)))
    except BaseException as exc:  # reported to the parent as one line, like any kg error
        conn.send(("error", "QueryError", f"query failed: {type(exc).__name__}: {exc}"))
    else:
        conn.send(("ok", "", None if stream else result))
    finally:
        conn.close()


def _out_of_memory(memory: int | None) -> str:
    limit = f"{memory / (1 << 30):g} GiB" if memory else "the machine's memory"
    return f"query ran out of memory (limit {limit}; raise it with --max-memory)"


def _receive(
    receive: Connection, process: Any, timeout: float, out: BinaryIO | None, memory: int
) -> tuple[str, str, Any]:
    """Messages from the child until its answer: data goes to ``out`` as it arrives."""
    deadline = time.monotonic() + timeout if timeout else None
    while True:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        if not receive.poll(wait):
            raise QueryError(f"query timed out after {timeout:g} s (raise it with --timeout)")
        try:
            message = receive.recv()
        except EOFError:
            process.join(5)
            if process.exitcode in (-signal.SIGABRT, -signal.SIGKILL, -signal.SIGSEGV):
                raise QueryError(_out_of_memory(memory)) from None
            raise QueryError(
                f"query process died without an answer (exit code {process.exitcode})"
            ) from None
        if message[0] != "data":  # the answer: (status, error class, payload), see _child
            return cast("tuple[str, str, Any]", message)
        if out is not None:
            out.write(message[1])


def check_timeout(timeout: float | None) -> None:
    if timeout is not None and not 0 <= timeout <= MAX_TIMEOUT:
        raise QueryError(
            f"--timeout must be between 0 (no limit) and {MAX_TIMEOUT:g} seconds, not {timeout:g}"
        )


def run_with_timeout(
    func: Callable[..., T],
    *args: Any,
    timeout: float | None,
    max_memory: int | None = None,
    out: BinaryIO | None = None,
) -> T:
    """``func(*args)`` in a child process, killed after ``timeout`` seconds, its address
    space capped at ``max_memory`` bytes.

    With ``out``, ``func`` gets one more argument, a binary file: what it writes there is
    written to ``out`` as it comes. A ``KGError`` raised in the child is raised again here
    with its class and message; a timeout or a dead child is a :class:`QueryError`.
    ``timeout`` 0 sets no time limit; None runs ``func`` here, unbounded in time and memory.
    ``func`` and ``args`` must be picklable when the process has threads (then the child is
    not forked).
    """
    check_timeout(timeout)
    if timeout is None:
        return func(*args, out) if out is not None else func(*args)
    method = _start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":  # import once in the server, not in every child
        context.set_forkserver_preload(
            ["kg.query.runner", "kg.rdf.store", "rdflib.plugins.sparql.parser"]
        )
    receive, send = context.Pipe(duplex=False)
    for stream in (sys.stdout, sys.stderr):  # a forked child would flush our buffers again
        stream.flush()
    memory = max_memory or 0
    process = context.Process(  # type: ignore[attr-defined]
        target=_child, args=(send, func, args, out is not None, memory), daemon=True
    )
    process.start()
    send.close()
    try:
        status, kind, payload = _receive(receive, process, timeout, out, memory)
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if status == "ok":
        return cast(T, payload)  # what func returned in the child
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
    out: BinaryIO,
) -> None:
    from kg.rdf.base import adopt_base
    from kg.rdf.store import open_store

    store = open_store(store_path, read_only=True)
    adopt_base(store)  # tables shorten the store's own IRIs to id:
    write_query(store, sparql, bindings, fmt, out, allow_service=allow_service, bound=True)


def _update_store(store_path: Path, sparql: str, allow_service: bool) -> str:
    from kg.rdf.store import open_store

    check_query(sparql, allow_update=True, allow_service=allow_service)
    store = open_store(store_path)
    before = len(store)
    with oxigraph_errors("update"):
        store.update(sparql)
    store.flush()
    return f"update done: the store held {before} quads and now holds {len(store)}\n"


def execute(
    store_path: Path,
    sparql: str,
    bindings: dict[str, ox.NamedNode | ox.Literal] | None = None,
    fmt: str = "table",
    *,
    timeout: float | None = DEFAULT_TIMEOUT,
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    allow_update: bool = False,
    allow_service: bool = False,
    out: BinaryIO | None = None,
) -> str:
    """Check ``sparql`` (:func:`check_query`), then run it on the store at ``store_path`` in a
    child process bounded by ``timeout`` seconds and ``max_memory`` bytes: a query on a
    read-only store, an update (only with ``allow_update``) on a writable one.

    A query's result is written to ``out`` as it comes, or returned as text without ``out``;
    an update returns one line saying how the store changed.
    """
    check_timeout(timeout)
    check = check_query(sparql, allow_update=allow_update, allow_service=allow_service)
    check_format(fmt)
    if check.is_update:
        if bindings:
            raise QueryError("--bind applies to queries, not to updates")
        return run_with_timeout(
            _update_store, store_path, sparql, allow_service, timeout=timeout,
            max_memory=max_memory,
        )  # fmt: skip
    _check_params(sparql, bindings or {})  # here, before any process starts
    sparql = bind_values(sparql, bindings or {})
    sink = out if out is not None else io.BytesIO()
    run_with_timeout(
        _query_store, store_path, sparql, {}, fmt, allow_service,
        timeout=timeout, max_memory=max_memory, out=sink,
    )  # fmt: skip
    return "" if out is not None else sink.getvalue().decode("utf-8")  # type: ignore[attr-defined]
