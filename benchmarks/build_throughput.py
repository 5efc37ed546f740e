"""kg build against bare spaCy on the same articles, side by side in one run.

    python benchmarks/build_throughput.py ../shared/corpus/reuters21578/reuters21578.jsonl \
        --limit 2000 --jobs 1 2 --stages

On the first ``--limit`` articles with a text, with ``--jobs`` processes for each:

1. bare ``nlp.pipe`` of the pipeline as shipped (every component),
2. bare ``nlp.pipe`` of the pipeline as kg loads it (``kg.nlp.load_model``: the attribute
   ruler and lemmatizer computed over arrays, see ``kg.nlp_tables``),
3. ``kg build`` itself (``kg.build.build``: input check, parse, extraction, mapping, the
   store, resolution, graph.ttl and the page), on a JSON Lines copy of those articles,

each ``--rounds`` times in alternating order (a shared machine's speed drifts by tens of
per cent over minutes; alternating cancels most of it), at each of ``--jobs``; then the
ratios of 2. and 3. to 1., and with ``--stages`` the time of each stage of 3. run one after
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
from typing import Any

import spacy

from kg.ingest import Article, iter_articles
from kg.nlp import choose_model, load_model


def _line(name: str, seconds: float, articles: int, words: int) -> None:
    print(
        f"{name:42s} {seconds:8.2f} s  {articles / seconds:7.1f} articles/s  "
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


def _bare(nlp: Any, texts: list[str], batch_size: int, jobs: int) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
        pass
    return time.perf_counter() - started


def _kg_build(source: Path, out: Path, jobs: int) -> tuple[float, Any]:
    from kg.build import build

    started = time.perf_counter()
    report = build([source], out, jobs=jobs)
    return time.perf_counter() - started, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="article files or directories")
    parser.add_argument(
        "--limit", type=int, default=2000, help="articles to use (default 2000; 0 for all)"
    )
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="process counts (default: 1 2)"
    )
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="runs of each, in alternating order so that a machine's drift cancels (default 2)",
    )
    parser.add_argument(
        "--stages", action="store_true", help="also time each stage of a build (jobs 1)"
    )
    args = parser.parse_args()

    articles = list(itertools.islice(iter_articles(args.inputs), args.limit or None))
    n, words = len(articles), sum(len(a.text.split()) for a in articles)
    texts = [a.text for a in articles]
    shipped = spacy.load(choose_model())
    kg_nlp = load_model()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, spaCy {spacy.__version__}, "
        f"model {choose_model()}"
    )
    print(f"input: {n} articles, {words} words; {args.rounds} rounds in alternating order")
    print(f"pipeline as shipped: {', '.join(shipped.pipe_names)}")
    print(f"pipeline as kg runs it: {', '.join(kg_nlp.pipe_names)}")

    names = ("bare nlp.pipe, as shipped", "bare nlp.pipe, as kg runs it", "kg build (ttl, page)")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "articles.jsonl"
        _write_jsonl(articles, source)
        for jobs in args.jobs:
            print(f"--jobs {jobs}")
            totals = dict.fromkeys(names, 0.0)
            for round_ in range(args.rounds):
                order = names if round_ % 2 == 0 else names[::-1]
                for name in order:
                    if name == names[2]:
                        seconds, report = _kg_build(source, tmp / f"out-{jobs}-{round_}", jobs)
                    else:
                        nlp = shipped if name == names[0] else kg_nlp
                        seconds = _bare(nlp, texts, args.batch_size, jobs)
                    totals[name] += seconds
                    _line(f"  round {round_ + 1}: {name}", seconds, n, words)
            print(f"  kg build: {report.articles} articles, {report.store_triples} triples")
            for name in names:
                _line(f"  mean: {name}", totals[name] / args.rounds, n, words)
            bare = totals[names[0]]
            print(
                f"  ratios to bare as shipped: as kg runs it {totals[names[1]] / bare:.2f}x, "
                f"kg build {totals[names[2]] / bare:.2f}x"
            )
        if args.stages:
            del shipped
            print("stages, one after another in one process (jobs 1):")
            stage_times = _stages(articles, tmp, args.batch_size)
            total = sum(stage_times.values())
            for stage, t in stage_times.items():
                print(f"  {stage:20s} {t:8.2f} s  {100 * t / total:5.1f}%")
            print(f"  {'sum':20s} {total:8.2f} s")


if __name__ == "__main__":
    main()
