"""Article graphs written to the store by a thread of their own, in the order given.

Oxigraph (and the HTTP client of a remote store) release the GIL while they write, so
with a writer thread the store's work overlaps with parsing in the same process: at
``--jobs 1`` that is the whole time the store takes, which used to come on top of the
parse. Each graph is still one transaction (:func:`kg.rdf.store.write_graph`), written in
the order handed in; at most :data:`QUEUED` wait, so memory stays bounded. An error in
the thread is raised in the caller at its next :meth:`StoreWriter.put` or at
:meth:`StoreWriter.close`; nothing after the failed graph is written.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable
from types import TracebackType

QUEUED = 32  # graphs waiting to be written, at most
_POLL = 0.2  # seconds between checks that the thread is still alive while the queue is full

Write = Callable[[str, bytes], None]


class StoreWriter:
    """``put(graph_iri, ntriples)`` hands a graph over; ``close()`` waits for all of them.

    With ``threaded=False`` each ``put`` writes at once, in the caller's thread: when worker
    processes already keep every core busy, a second thread in the parent has no idle core
    to use (``benchmarks/build_throughput.py`` could not tell the two apart at ``--jobs 2``
    on 2 cores: 1.14x bare spaCy with it, 1.05x and 1.19x without, in three runs)."""

    def __init__(self, write: Write, *, threaded: bool = True) -> None:
        self._write = write
        self._queue: queue.Queue[tuple[str, bytes, str] | None] = queue.Queue(QUEUED)
        self._error: BaseException | None = None  # raised once, in the caller
        self._failed = False  # stays set: nothing is written after a failure
        self._written: deque[str] = deque()  # tags of the graphs in the store, for written()
        # no Thread object at all unless threaded: an unstarted one would keep this writer,
        # and through it the store, alive in a reference cycle after the build
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if not self._failed:  # after a failure, drain without writing
                try:
                    self._write(item[0], item[1])
                except BaseException as exc:  # handed to the caller, not lost in the thread
                    self._failed = True
                    self._error = exc
                else:
                    self._written.append(item[2])

    def _raise_if_failed(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def put(self, graph_iri: str, ntriples: bytes, tag: str = "") -> None:
        """Queue one graph, waiting while the queue is full; raises the thread's error.
        ``tag`` (an article id) comes back from :meth:`written` once the graph is stored."""
        self._raise_if_failed()
        if self._thread is None:  # not threaded: write now
            self._write(graph_iri, ntriples)
            self._written.append(tag)
            return
        while True:
            try:
                self._queue.put((graph_iri, ntriples, tag), timeout=_POLL)
                return
            except queue.Full:
                self._raise_if_failed()

    def written(self) -> list[str]:
        """The tags of the graphs stored since the last call, in order (so that progress
        says "built" only of what a kill would no longer lose)."""
        done = []
        while self._written:
            done.append(self._written.popleft())
        return done

    def close(self) -> None:
        """Wait until every queued graph is written; raises the thread's error."""
        self._stop()
        self._raise_if_failed()

    def _stop(self) -> None:
        """End the thread after what it holds, and drop it (and its hold on the store)."""
        if self._thread is not None:
            if self._thread.is_alive():
                self._queue.put(None)
                self._thread.join()
            self._thread = None

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
            return
        # the caller failed: let the thread finish what it holds (each graph is whole or
        # absent either way), keep the caller's exception
        self._stop()
