"""Throughput of kg's pipeline against bare spaCy on the same texts, in one run.

    python benchmarks/build_throughput.py ../shared/corpus/bbc/politics --limit 200

Prints articles/s and words/s for: bare ``nlp.pipe``; parse + extraction; parse +
extraction + RDF mapping + store writes. Nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import tempfile
import time
from pathlib import Path

from kg.articles import iter_articles
from kg.extractors import extract_facts
from kg.mapping import article_graph
from kg.nlp import choose_model, load_model
from kg.store import open_store, replace_graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or directories")
    parser.add_argument("--limit", type=int, default=200, help="articles to use (default 200)")
    args = parser.parse_args()

    articles = list(itertools.islice(iter_articles(args.inputs), args.limit))
    words = sum(len(a.text.split()) for a in articles)
    nlp = load_model()
    texts = [a.text for a in articles]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, model {choose_model()}"
    )
    print(f"input: {len(articles)} articles, {words} words")

    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    bare = time.perf_counter() - started

    started = time.perf_counter()
    facts = [extract_facts(doc, article) for doc, article in zip(docs, articles, strict=True)]
    extraction = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "store")
        started = time.perf_counter()
        triples = 0
        for article, found in zip(articles, facts, strict=True):
            triples += replace_graph(store, article_graph(article, found))
        store.flush()
        rdf = time.perf_counter() - started

    n_facts = sum(len(f) for f in facts)
    total = bare + extraction + rdf
    for name, seconds in (
        ("bare spaCy nlp.pipe", bare),
        ("extraction (facts)", extraction),
        ("RDF mapping + store", rdf),
        ("kg total", total),
    ):
        print(
            f"{name:22s} {seconds:7.2f} s  {len(articles) / seconds:8.1f} articles/s  "
            f"{words / seconds:9.0f} words/s"
        )
    print(f"facts: {n_facts}, triples: {triples}")
    print(f"kg total / bare spaCy: {total / bare:.2f}x")


if __name__ == "__main__":
    main()
