"""How fast a store absorbs finished articles: local Oxigraph against a SPARQL server.

    python benchmarks/store_writes.py ../shared/corpus/reuters21578/reuters21578.jsonl \\
        --limit 500 --server http://127.0.0.1:7879/query

Extracts ``--limit`` articles once, then times writing their graphs (the same N-Triples)
into a fresh local store and, with ``--server``, into that SPARQL server (emptied first
with DROP ALL: use a scratch server). The server's articles/s is the ceiling on how many
extraction workers one shared store can keep up with.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import tempfile
import time
from pathlib import Path

from kg.ingest import iter_articles
from kg.pipeline import Workers
from kg.rdf.remote import RemoteStore
from kg.rdf.store import open_store, write_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--server", help="query URL of a scratch SPARQL server")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()

    articles = list(itertools.islice(iter_articles(args.inputs), args.limit))
    with Workers(jobs=args.jobs) as workers:
        started = time.perf_counter()
        results = [r for r in workers.results(articles) if r.error is None]
        extraction = time.perf_counter() - started
    triples = sum(r.triples for r in results)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; {len(results)} articles, {triples} triples"
    )
    print(
        f"{'parse+extract+map':24s} {extraction:7.2f} s {len(results) / extraction:8.1f} "
        f"articles/s (jobs {args.jobs})"
    )

    targets: list[tuple[str, object]] = []
    tmp = tempfile.TemporaryDirectory()
    targets.append(("local Oxigraph store", open_store(Path(tmp.name) / "store")))
    if args.server:
        remote = RemoteStore(args.server)
        remote.update("DROP ALL")
        targets.append((f"server {args.server}", remote))
    for name, store in targets:
        started = time.perf_counter()
        for result in results:
            write_graph(store, result.graph_iri, result.ntriples)  # type: ignore[arg-type]
        store.flush()  # type: ignore[attr-defined]
        seconds = time.perf_counter() - started
        print(f"{name:24s} {seconds:7.2f} s {len(results) / seconds:8.1f} articles/s written")
    tmp.cleanup()


if __name__ == "__main__":
    main()
