"""``kg build``: articles -> facts -> one named graph per article in the store, then the
Turtle file and the HTML page of the whole store."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from kg.errors import InputError
from kg.ingest import Article, InputCheck, check_inputs, iter_articles
from kg.rdf.iris import graph_iri
from kg.store_writer import StoreWriter

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.pipeline import ArticleResult, Workers
    from kg.rdf.remote import RemoteStore

log = logging.getLogger(__name__)

STORE_DIR = "store"
TURTLE_FILE = "graph.ttl"
HTML_FILE = "graph.html"
# Article graphs written between two flushes of the store's write buffers. Unflushed, the
# store's in-memory tables grow with the whole build (+1,239 MiB over the 19,779 Reuters
# stories, and the writes slow down); flushed every 500 graphs the store's memory stays
# under 100 MiB and the same writes take a quarter less time (benchmarks/store_memory.py).
FLUSH_EVERY = 500


@dataclass
class BuildReport:
    """What a build did, for the command line to print."""

    articles: int = 0
    triples: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    outputs: list[Path | str] = field(default_factory=list)  # files, the store dir or URL
    store_triples: int = 0
    failed: list[str] = field(default_factory=list)  # ids of articles that could not be read
    skipped: int = 0  # unchanged since the last build
    broken: list[str] = field(default_factory=list)  # "file:line: reason" (keep_going)
    resolution: str = ""  # what the resolution pass concluded, in one line


def _check_output(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"output path '{out_dir}' exists and is not a directory")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output directory '{out_dir}': {exc.strerror}") from exc


def in_shard(article_id: str, shard: tuple[int, int]) -> bool:
    """Whether the article belongs to shard k of n (1-based); stable across machines."""
    k, n = shard
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def parse_shard(text: str) -> tuple[int, int]:
    """'2/8' -> (2, 8), with a clear error for anything else."""
    try:
        k, n = (int(part) for part in text.split("/"))
    except ValueError:
        raise InputError(f"--shard takes K/N, such as 2/8, not '{text}'") from None
    if not 1 <= k <= n:
        raise InputError(f"--shard {text}: K must be between 1 and N")
    return k, n


class Progress(Protocol):
    """What ``build`` tells its caller as it goes (the command line draws a progress bar)."""

    def start(self, total: int | None) -> None: ...

    def advance(self, article_id: str, status: str) -> None: ...


@dataclass(frozen=True)
class FillOptions:
    """How :func:`fill_store` treats the articles it is given."""

    force: bool = False  # rebuild articles whose content and build key are unchanged
    progress: Progress | None = None
    shard: tuple[int, int] | None = None  # (k, n): only the k-th of n parts of the input
    resolve: bool = True  # resolve the whole store afterwards


def fill_store(
    store: ox.Store | RemoteStore,
    articles: Iterable[Article],
    workers: Workers,
    key: str,
    report: BuildReport,
    options: FillOptions | None = None,
) -> None:
    """The heart of a build, shared by ``kg build`` and :mod:`kg.api`: the vocabulary, then
    each article's graph in one transaction as its worker finishes it (unchanged articles
    skipped), then resolution, with the workers closed first. IRIs are minted under the
    current base (the caller settles it with the store: :func:`kg.rdf.base.settle_base`)."""
    from kg.rdf.mapping import ontology_graph
    from kg.rdf.store import count_triples, replace_graph, stored_hashes

    options = options or FillOptions()
    progress, shard = options.progress, options.shard
    replace_graph(store, ontology_graph())
    done = {} if options.force else stored_hashes(store)

    def todo() -> Iterator[Article]:
        for article in articles:
            if shard is not None and not in_shard(article.id, shard):
                continue
            if done.get(str(graph_iri(article.id))) == f"{article.content_hash}|{key}":
                report.skipped += 1
                if progress is not None:
                    progress.advance(article.id, "skipped")
                continue
            yield article

    _store_all(store, workers.results(todo()), workers.jobs == 1, report, progress)
    workers.close()  # each worker holds the model: free it before resolution and the outputs
    store.flush()
    if options.resolve:
        from kg.resolve import resolve_store

        report.resolution = resolve_store(store).line()
    report.store_triples = count_triples(store)


def _store_all(
    store: ox.Store | RemoteStore,
    results: Iterable[ArticleResult],
    threaded: bool,
    report: BuildReport,
    progress: Progress | None,
) -> None:
    """Each result's graph into the store (by a writer thread when ``threaded``), counted in
    ``report``; progress says "built" of an article once it is in the store."""
    from kg.rdf.store import write_graph

    written = 0

    def write(name: str, data: bytes) -> None:
        nonlocal written
        write_graph(store, name, data)
        written += 1
        if written % FLUSH_EVERY == 0:
            store.flush()

    def advance(article_id: str, status: str) -> None:
        if progress is not None:
            progress.advance(article_id, status)

    with StoreWriter(write, threaded=threaded) as writer:
        for result in results:
            if _take(result, writer, report) == "failed":
                advance(result.article_id, "failed")
            for article_id in writer.written():
                advance(article_id, "built")
    for article_id in writer.written():
        advance(article_id, "built")


def _take(result: ArticleResult, writer: StoreWriter, report: BuildReport) -> str:
    """Hand one article's graph to the writer and count it; its status for the progress."""
    if result.error is not None:
        log.warning("article '%s' skipped: %s", result.article_id, result.error)
        report.failed.append(result.article_id)
        return "failed"
    writer.put(result.graph_iri, result.ntriples, result.article_id)
    report.triples += result.triples
    report.articles += 1
    report.facts.update(result.facts)
    return "built"


def build(
    inputs: Sequence[str | Path],
    out_dir: Path,
    published: dt.date | None = None,
    model: str | None = None,
    jobs: int = 1,
    html: bool = True,
    progress: Progress | None = None,
    force: bool = False,
    store_location: str | Path | None = None,
    shard: tuple[int, int] | None = None,
    keep_going: bool = False,
    resolve: bool = True,
    base: str | None = None,
) -> BuildReport:
    """Extract every input article into the store under ``out_dir`` and write the outputs.

    Articles stream through (the corpus is never held in memory). Each article's graph is
    written as one transaction as soon as it is ready, so an interrupted build keeps what
    it finished; an article already in the store with the same content hash is skipped
    (unless ``force``), which is what makes a rerun resume.

    ``store_location`` is another store directory or the URL of a remote SPARQL server
    (default ``out_dir/store``). ``shard`` = (k, n) builds only the k-th of n disjoint
    parts of the input (by a hash of the article id), so n workers on n machines can
    share one corpus and one store. A remote build writes only to the server: graph.ttl and
    the page would be a copy of a store others share, so ``kg export`` makes them on demand.
    After the articles, the whole store is resolved (:mod:`kg.resolve`) unless ``resolve``
    is false. IRIs are minted under ``base`` (else ``$KG_BASE``, else the store's own base;
    see :mod:`kg.rdf.base`); a store built under another base is refused.
    """
    from kg.pipeline import Workers
    from kg.rdf.base import requested_base, settle_base, using_base
    from kg.rdf.remote import is_url
    from kg.rdf.store import open_store, store_errors

    wanted = requested_base(base)  # a bad --base fails before anything is written
    remote = is_url(store_location)
    location = store_location if store_location is not None else out_dir / STORE_DIR
    checked, key, report = _before_the_store(inputs, out_dir, remote, keep_going, model)
    with Workers(model, jobs, key) as workers, ExitStack() as minting:  # forked before the store
        store = open_store(location)
        try:
            options = FillOptions(force=force, progress=progress, shard=shard, resolve=resolve)
            with store_errors(location):  # a full disk or a damaged store: one clear line
                # every IRI of this build, in this process and the workers, under one base
                minting.enter_context(using_base(settle_base(store, wanted, str(location))))
                if progress is not None:
                    progress.start(checked.articles if shard is None else None)
                articles = iter_articles(inputs, published, keep_going=keep_going, warn=False)
                fill_store(store, articles, workers, key, report, options)
                if not remote:
                    _write_files(store, out_dir, html, report)
        finally:
            with store_errors(location):
                store.flush()
            del store
    report.outputs.append(str(location) if remote else Path(location))
    return report


def _before_the_store(
    inputs: Sequence[str | Path], out_dir: Path, remote: bool, keep_going: bool, model: str | None
) -> tuple[InputCheck, str, BuildReport]:
    """What fails before the store is touched: the output directory, the inputs and the
    model. Returns the inputs' check, the build key and the report to fill."""
    from kg.nlp import load_model
    from kg.pipeline import build_key

    if not remote:
        _check_output(out_dir)
    # every input is read once before anything is written: a broken record stops the build
    # here (or is listed and skipped with keep_going), and the count gives the progress ETA
    checked = check_inputs(inputs, keep_going=keep_going)
    report_broken = list(checked.skipped)
    load_model(model)  # fail on a missing model before the store is touched
    key = build_key(model)
    return checked, key, BuildReport(broken=report_broken)


def _write_files(store: ox.Store, out_dir: Path, html: bool, report: BuildReport) -> None:
    """graph.ttl and graph.html of the whole store, each written atomically."""
    from kg.atomic import write_atomic
    from kg.rdf.export import serialize

    turtle = out_dir / TURTLE_FILE
    write_atomic(turtle, serialize(store, "turtle"))
    report.outputs.append(turtle)
    if html:  # read from the store directly: no rdflib copy of a large store
        from kg.graph.viz import write_store_page

        page = out_dir / HTML_FILE
        note = write_store_page(store, page)  # titled after the store's articles
        if note:  # the store is too big for one page: it shows the most central part
            log.warning("%s: %s", page, note)
        report.outputs.append(page)
