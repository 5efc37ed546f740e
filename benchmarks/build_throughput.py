"""Throughput of kg's pipeline against bare spaCy on the same texts, in one run.

    python benchmarks/build_throughput.py ../shared/corpus/bbc/politics --limit 200 --jobs 2

Times, on the same articles and with the same number of processes:
- bare ``nlp.pipe`` of the same model (``n_process=jobs``), and
- kg: parse + extraction + RDF mapping in the workers, every article written to a
  fresh on-disk store (``kg.pipeline.Workers`` + ``kg.rdf.store.write_graph``, what
  ``kg build`` does between loading the model and writing graph.ttl).
Prints articles/s, words/s and the ratio kg / bare. The model is loaded before timing.
Nothing is written outside a temporary folder.
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
from kg.nlp import choose_model, load_model
from kg.pipeline import Workers
from kg.rdf.store import open_store, write_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or directories")
    parser.add_argument(
        "--limit", type=int, default=200, help="articles to use (default 200; 0 for all)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="processes for both (default 1)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument(
        "--bare-only",
        action="store_true",
        help="time only bare spaCy (for a whole corpus, next to benchmarks/build_corpus.py)",
    )
    args = parser.parse_args()

    articles = list(itertools.islice(iter_articles(args.inputs), args.limit or None))
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_model()
    texts = [a.text for a in articles]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, model {choose_model()}, jobs {args.jobs}"
    )
    print(f"input: {len(articles)} articles, {words} words")

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.jobs):
        pass
    bare = time.perf_counter() - started
    if args.bare_only:
        print(
            f"bare spaCy nlp.pipe {bare:7.2f} s  {len(articles) / bare:8.1f} articles/s  "
            f"{words / bare:9.0f} words/s"
        )
        return

    with tempfile.TemporaryDirectory() as tmp, Workers(jobs=args.jobs) as workers:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        triples = failed = 0
        for result in workers.results(articles):
            if result.error:
                failed += 1
                continue
            write_graph(store, result.graph_iri, result.ntriples)
            triples += result.triples
        store.flush()
        kg_total = time.perf_counter() - started
        del store

    for name, seconds in (("bare spaCy nlp.pipe", bare), ("kg (parse to store)", kg_total)):
        print(
            f"{name:22s} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  "
            f"{words / seconds:9.0f} words/s"
        )
    print(f"triples: {triples}, failed articles: {failed}")
    print(f"kg / bare spaCy: {kg_total / bare:.2f}x")


if __name__ == "__main__":
    main()
