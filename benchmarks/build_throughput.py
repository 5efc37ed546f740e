"""kg build against bare spaCy on the same articles, side by side in one run.

    python benchmarks/build_throughput.py ../shared/corpus/reuters21578/reuters21578.jsonl \
        --limit 2000 --jobs 1

On the first ``--limit`` articles with a text, with ``--jobs`` processes for each:

1. bare ``nlp.pipe`` of the pipeline as shipped (every component),
2. bare ``nlp.pipe`` of the pipeline as kg loads it (``kg.nlp.load_model``: the attribute
   ruler and lemmatizer computed over arrays, see ``kg.nlp_tables``),
3. ``kg build`` itself (``kg.build.build``: input check, parse, extraction, mapping, the
   store, resolution, graph.ttl and the page), on a JSON Lines copy of those articles,

then the ratio of 3. to 1., and with ``--stages`` the time of each stage of 3. run one after
another in this process (parse, extract, map, store, resolve, Turtle, page). Models are
loaded before timing; nothing is written outside a temporary folder.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import tempfile
import time
from pathlib import Path

import spacy

from kg.ingest import Article, iter_articles
from kg.nlp import choose_model, load_model


def _line(name: str, seconds: float, articles: int, words: int) -> None:
    print(
        f"{name:34s} {seconds:8.2f} s  {articles / seconds:7.1f} articles/s  "
        f"{words / seconds:8.0f} words/s"
    )


def _write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for a in articles:
            record = {"id": a.id, "text": a.text, "title": a.title, "source": a.source}
            record["date"] = a.published.isoformat() if a.published else None
            record["url"] = a.url
            out.write(json.dumps(record) + "\n")


def _stages(articles: list[Article], tmp: Path, batch_size: int) -> dict[str, float]:
    """Each stage of a build, one after another in this process (jobs 1)."""
    from kg.atomic import write_atomic
    from kg.extractors import extract_facts
    from kg.graph.viz import write_store_page
    from kg.rdf.export import serialize
    from kg.rdf.iris import graph_iri
    from kg.rdf.mapping import article_graph
    from kg.rdf.store import open_store, write_graph
    from kg.resolve import resolve_store

    nlp = load_model()
    times: dict[str, float] = {}
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=batch_size))
    times["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    facts = [extract_facts(doc, a) for doc, a in zip(docs, articles, strict=True)]
    times["extract"] = time.perf_counter() - started
    del docs
    started = time.perf_counter()
    graphs = [
        article_graph(a, f).serialize(format="nt", encoding="utf-8")
        for a, f in zip(articles, facts, strict=True)
    ]
    times["map (to N-Triples)"] = time.perf_counter() - started
    store = open_store(tmp / "stages-store")
    started = time.perf_counter()
    for a, data in zip(articles, graphs, strict=True):
        write_graph(store, str(graph_iri(a.id)), data)
    store.flush()
    times["store writes"] = time.perf_counter() - started
    started = time.perf_counter()
    resolve_store(store)
    times["resolve"] = time.perf_counter() - started
    started = time.perf_counter()
    write_atomic(tmp / "stages.ttl", serialize(store, "turtle"))
    times["graph.ttl"] = time.perf_counter() - started
    started = time.perf_counter()
    write_store_page(store, tmp / "stages.html")
    times["page"] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or directories")
    parser.add_argument(
        "--limit", type=int, default=2000, help="articles to use (default 2000; 0 for all)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="processes for each (default 1)")
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument(
        "--stages", action="store_true", help="also time each stage of a build (jobs 1)"
    )
    args = parser.parse_args()

    from kg.build import build

    articles = list(itertools.islice(iter_articles(args.inputs), args.limit or None))
    n, words = len(articles), sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]
    shipped = spacy.load(choose_model())
    kg_nlp = load_model()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"model {choose_model()}, jobs {args.jobs}"
    )
    print(f"input: {n} articles, {words} words")
    print(f"pipeline as shipped: {', '.join(shipped.pipe_names)}")
    print(f"pipeline as kg runs it: {', '.join(kg_nlp.pipe_names)}")

    timed: dict[str, float] = {}
    for name, nlp in (
        ("bare nlp.pipe, as shipped", shipped),
        ("bare nlp.pipe, as kg runs it", kg_nlp),
    ):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.jobs):
            pass
        timed[name] = time.perf_counter() - started
        _line(name, timed[name], n, words)
    del shipped

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "articles.jsonl"
        _write_jsonl(articles, source)
        started = time.perf_counter()
        report = build([source], tmp / "out", jobs=args.jobs)
        seconds = time.perf_counter() - started
        _line("kg build (graph.ttl and page)", seconds, n, words)
        print(
            f"articles {report.articles}, failed {len(report.failed)}, triples {report.store_triples}"
        )
        bare = timed["bare nlp.pipe, as shipped"]
        print(f"kg build / bare nlp.pipe as shipped: {seconds / bare:.2f}x")
        if args.stages:
            print("stages, one after another in one process:")
            stage_times = _stages(articles, tmp, args.batch_size)
            total = sum(stage_times.values())
            for stage, t in stage_times.items():
                print(f"  {stage:20s} {t:8.2f} s  {100 * t / total:5.1f}%")
            print(f"  {'sum':20s} {total:8.2f} s")


if __name__ == "__main__":
    main()
