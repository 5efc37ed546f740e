"""Query worker processes: each holds the store open read-only and answers one query at a time.

A query runs in a worker, never in the server process: Oxigraph holds the GIL while it
evaluates and cannot be cancelled, so a query past its time is stopped by killing its
worker (a fresh one replaces it), and each worker's address space is capped so a query
cannot take the machine's memory. A worker streams its answer back in messages:

    ("error", status, text)                     refused or failed before any byte
    ("head", content_type), ("data", bytes)...  the answer, then ("end",) or
                                                ("fail", status, text)
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import time
from dataclasses import dataclass
from http import HTTPStatus
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import anyio

from kg.rdf.graphstore import GraphStore

log = logging.getLogger(__name__)

CHUNK = 1 << 16  # bytes per message
# Seconds a worker holds serialised bytes before sending them even short of a CHUNK: the first
# rows of a long listing that Oxigraph streams (one without ORDER BY) leave at once.
SEND_AFTER = 0.02


@dataclass(frozen=True)
class Job:
    """One query for a worker, with the dataset it asks for and the formats it accepts."""

    query: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    has_dataset: bool
    results: str | None  # format name for SELECT/ASK results; None: not acceptable
    graph: str | None  # format name for CONSTRUCT/DESCRIBE results


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds from dispatch to the last byte
    max_memory: int | None  # bytes of address space per worker
    max_result: int  # bytes of one answer
    hold: float = 0.05  # seconds an answer under 1 MiB is held whole (kg.serve.app.COMMIT)


class _Answer:
    """The binary file a worker serialises into: head first, then CHUNK-sized messages."""

    def __init__(self, conn: Connection, content_type: str, max_result: int) -> None:
        self.conn, self.content_type, self.max_result = conn, content_type, max_result
        self.buffer = bytearray()
        self.size = 0
        self.started = False
        self.too_large = False
        self.sent = time.monotonic()

    def write(self, data: Any) -> int:
        self.size += len(data)
        if self.size > self.max_result:
            self.too_large = True
            raise OSError("result too large")
        self.buffer += data
        if len(self.buffer) >= CHUNK or time.monotonic() - self.sent >= SEND_AFTER:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if not self.started:
            self.conn.send(("head", self.content_type))
            self.started = True
        if self.buffer:
            self.conn.send(("data", bytes(self.buffer)))
            self.buffer.clear()
        self.sent = time.monotonic()

    def fail(self, status: int, text: str) -> None:
        self.conn.send(("fail", status, text))


def _evaluate(store: GraphStore, job: Job) -> Any:
    """Check and run the query; a QueryError says why not."""
    import pyoxigraph as ox

    from kg.query.policy import SERVER, check_query
    from kg.query.runner import run_store_query

    check_query(job.query, flags=SERVER)
    options: dict[str, Any] = {}
    if job.has_dataset:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    return run_store_query(store, job.query, flags=SERVER, **options)


def answer(store: GraphStore, job: Job, conn: Connection, max_result: int) -> None:
    """Run one job on an open store and send its answer through ``conn``."""
    import pyoxigraph as ox

    from kg.errors import QueryError
    from kg.rdf.formats import FORMATS
    from kg.rdf.oxerrors import translate
    from kg.serve.protocol import not_acceptable

    try:
        result = _evaluate(store, job)
    except QueryError as exc:
        conn.send(("error", HTTPStatus.BAD_REQUEST, str(exc)))
        return
    graph = not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean))
    name = job.graph if graph else job.results
    if name is None:
        conn.send(
            (
                "error",
                HTTPStatus.NOT_ACCEPTABLE,
                not_acceptable("graph" if graph else "results").message,
            )
        )
        return
    fmt = FORMATS[name]
    out = _Answer(conn, fmt.content_type, max_result)
    try:
        if graph:
            ox.serialize(result, out, format=fmt.rdf)  # type: ignore[arg-type]
        else:
            result.serialize(out, format=fmt.results)
    except (OSError, ValueError, RuntimeError) as exc:
        if out.too_large:
            out.fail(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"result larger than {max_result:,} bytes (kg serve --max-result); "
                "narrow the query or add a LIMIT",
            )
        else:
            out.fail(HTTPStatus.INTERNAL_SERVER_ERROR, str(translate(exc, "query")))
        return
    out.flush()
    conn.send(("end",))


def _worker_main(
    store_path: str, conn: Connection, max_memory: int | None, max_result: int
) -> None:
    """A query worker: open the store read-only, answer jobs until the pipe closes."""
    import signal

    from kg.query.runner import limit_memory
    from kg.rdf.store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops us
    limit_memory(max_memory)
    store = open_store(Path(store_path), read_only=True)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        answer(store, job, conn, max_result)


class Worker:
    """One worker process and its end of the pipe."""

    def __init__(self, store_path: Path, limits: Limits) -> None:
        context = mp.get_context("spawn")  # a clean process: no inherited locks or threads
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main,
            args=(str(store_path), child, limits.max_memory, limits.max_result),
            daemon=True,
        )
        self.process.start()
        child.close()
        if not self.conn.poll(60) or self.conn.recv() != "ready":
            self.kill()
            raise RuntimeError("a query worker could not open the store")

    def receive(self, timeout: float) -> tuple[Any, ...] | None:
        """The next message, None after ``timeout`` seconds; EOFError if the worker died."""
        if not self.conn.poll(max(0.0, timeout)):
            return None
        message: tuple[Any, ...] = self.conn.recv()
        return message

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


class QueryPool:
    """A fixed number of workers; one that timed out, died or was cut off is replaced."""

    def __init__(self, store_path: Path, workers: int, limits: Limits) -> None:
        self.store_path = store_path
        self.limits = limits
        self.size = workers
        self.idle: asyncio.Queue[Worker] | None = None
        self.all: list[Worker] = [Worker(store_path, limits) for _ in range(workers)]

    def _queue(self) -> asyncio.Queue[Worker]:
        if self.idle is None:  # made inside the running loop
            self.idle = asyncio.Queue()
            for worker in self.all:
                self.idle.put_nowait(worker)
        return self.idle

    async def acquire(self) -> Worker | None:
        """An idle worker, or None when none frees up within the timeout."""
        try:
            return await asyncio.wait_for(self._queue().get(), self.limits.timeout)
        except asyncio.TimeoutError:
            return None

    def release(self, worker: Worker) -> None:
        self._queue().put_nowait(worker)

    async def replace(self, worker: Worker) -> None:
        """Kill a worker whose state is unknown and start a fresh one in its place."""
        worker.kill()
        self.all.remove(worker)
        fresh = await anyio.to_thread.run_sync(Worker, self.store_path, self.limits)
        self.all.append(fresh)
        self.release(fresh)

    async def receive(self, worker: Worker, deadline: float) -> tuple[Any, ...] | None:
        remaining = deadline - asyncio.get_running_loop().time()
        return await anyio.to_thread.run_sync(worker.receive, remaining, abandon_on_cancel=True)

    def close(self) -> None:
        for worker in self.all:
            worker.kill()
        self.all.clear()
