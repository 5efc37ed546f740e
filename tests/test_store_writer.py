"""kg.store_writer: graphs written in order by a thread, its errors raised in the caller."""

from __future__ import annotations

import threading

import pyoxigraph as ox
import pytest

from kg.rdf.store import write_graph
from kg.store_writer import QUEUED, StoreWriter


def test_graphs_are_written_in_the_order_given_on_another_thread():
    written: list[tuple[str, bytes, str]] = []

    def write(name: str, data: bytes) -> None:
        written.append((name, data, threading.current_thread().name))

    with StoreWriter(write) as writer:
        for i in range(3 * QUEUED):
            writer.put(f"urn:g{i}", b"%d" % i)
    assert [(n, d) for n, d, _ in written] == [(f"urn:g{i}", b"%d" % i) for i in range(3 * QUEUED)]
    assert {t for _, _, t in written} == {"kg-store-writer"}


def test_a_failed_write_is_raised_in_the_caller_and_nothing_after_it_is_written():
    written: list[str] = []
    release = threading.Event()

    def write(name: str, data: bytes) -> None:
        release.wait()
        if name == "urn:bad":
            raise OSError("No space left on device")
        written.append(name)

    with pytest.raises(OSError, match="No space left"), StoreWriter(write) as writer:
        for name in ("urn:a", "urn:bad", "urn:c", "urn:d"):
            writer.put(name, b"")
        release.set()
        for i in range(4 * QUEUED):  # the caller learns of it at a later put at the latest
            writer.put(f"urn:later{i}", b"")
    assert written == ["urn:a"]


def test_the_error_is_raised_at_close_when_no_put_follows():
    def write(name: str, data: bytes) -> None:
        raise ValueError(f"cannot write {name}")

    writer = StoreWriter(write)
    writer.put("urn:only", b"")
    with pytest.raises(ValueError, match="cannot write urn:only"):
        writer.close()


def test_a_failing_caller_keeps_its_own_exception_and_the_queued_graphs_are_written():
    store = ox.Store()
    triple = b"<urn:s> <urn:p> <urn:o> .\n"
    with (
        pytest.raises(KeyboardInterrupt),
        StoreWriter(lambda name, data: write_graph(store, name, data)) as writer,
    ):
        writer.put("urn:g1", triple)
        writer.put("urn:g2", triple)
        raise KeyboardInterrupt
    graphs = {str(g) for g in store.named_graphs()}
    assert graphs == {"<urn:g1>", "<urn:g2>"}
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == 1


def test_unthreaded_each_graph_is_written_at_once_in_the_callers_thread():
    written: list[tuple[str, str]] = []

    def write(name: str, data: bytes) -> None:
        written.append((name, threading.current_thread().name))

    writer = StoreWriter(write, threaded=False)
    writer.put("urn:g1", b"")
    assert written == [("urn:g1", threading.current_thread().name)]
    writer.put("urn:g2", b"")
    writer.close()
    assert [n for n, _ in written] == ["urn:g1", "urn:g2"]


def test_written_names_only_graphs_already_in_the_store():
    release = threading.Event()
    stored: list[str] = []

    def write(name: str, data: bytes) -> None:
        release.wait()
        stored.append(name)

    with StoreWriter(write) as writer:
        writer.put("urn:g1", b"", "a1")
        writer.put("urn:g2", b"", "a2")
        assert writer.written() == []  # queued, not yet stored
        release.set()
    assert stored == ["urn:g1", "urn:g2"]
    assert writer.written() == ["a1", "a2"]
    assert writer.written() == []
