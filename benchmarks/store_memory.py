"""Memory and time of writing a corpus's article graphs into a fresh store, by flush interval.

    python benchmarks/store_memory.py STORE --every 0 250 500 1000 4000

Reads every article graph of an existing store (``kg build``'s ``store/``: no parsing here),
then for each ``--every`` (0: never flush) writes them all, one ``write_graph`` each as a
build does, into a fresh store in a fresh process, flushing the store every that many
graphs. Prints the resident memory of that process before the writes, its peak during
them and at the end, and the time the writes took. The graphs are held in memory as
N-Triples throughout, so the store's own share is the growth over "before".
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _rss_mib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def _graphs(store_path: str) -> list[tuple[str, bytes]]:
    import pyoxigraph as ox

    source = ox.Store.read_only(store_path)
    graphs = []
    for name in source.named_graphs():
        if not isinstance(name, ox.NamedNode) or "/graph/" not in name.value:
            continue
        if name.value.endswith("/graph/resolved"):
            continue
        triples = [q.triple for q in source.quads_for_pattern(None, None, None, name)]
        graphs.append((name.value, ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)))
    return graphs


def _one(store_path: str, every: int) -> None:
    """The measurement itself, in its own process."""
    from kg.rdf.store import open_store, write_graph

    graphs = _graphs(store_path)
    before = peak = _rss_mib()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        for i, (name, data) in enumerate(graphs, 1):
            write_graph(store, name, data)
            if every and i % every == 0:
                store.flush()
            if i % 200 == 0:
                peak = max(peak, _rss_mib())
        store.flush()
        seconds = time.perf_counter() - started
        end = _rss_mib()
        peak = max(peak, end)
        del store
    label = f"every {every}" if every else "never"
    print(
        f"flush {label:11s} {len(graphs)} graphs in {seconds:6.1f} s   "
        f"memory: before {before} MiB, peak {peak} MiB (+{peak - before}), end {end} MiB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="a store built by kg build (its store/ directory)")
    parser.add_argument("--every", type=int, nargs="+", default=[0, 500])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child's own run
    args = parser.parse_args()
    if args.one is not None:
        _one(args.store, args.one)
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    for every in args.every:
        command = [sys.executable, __file__, args.store, "--one", str(every)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
