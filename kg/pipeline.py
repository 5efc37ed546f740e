"""Articles -> parsed, extracted and mapped graphs, in this process or in worker processes.

The whole per-article job (spaCy parse, fact extraction, RDF mapping, N-Triples) runs in
the workers, so the parent only reads inputs and writes the store; what crosses between
processes is the article and the serialised graph, never a spaCy ``Doc``. Work is handed
out in small chunks with a bound on how many are in flight, so a corpus streams through
in constant memory.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import multiprocessing.pool
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.ingest import Article

log = logging.getLogger(__name__)

CHUNK = 16  # articles per task: large enough for nlp.pipe batching, small for steady progress
IN_FLIGHT_PER_JOB = 3  # chunks queued per worker; bounds memory whatever the corpus size


@dataclass(frozen=True)
class ArticleResult:
    """What one article became: its graph as N-Triples, or the error that stopped it."""

    article_id: str
    graph_iri: str
    content_hash: str
    ntriples: bytes = b""
    triples: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    error: str | None = None


_MODEL: str | None = None


_BUILD_KEY = ""


def build_key(model: str | None = None) -> str:
    """What produces the graphs: kg's version and a digest of its code and data, and the
    spaCy pipeline's name and version. Stored with each article, so that a rebuild after
    an upgrade (or any change to the extractors) redoes the articles instead of skipping
    them as unchanged."""
    import hashlib
    from pathlib import Path

    from kg import __version__
    from kg.nlp import load_model

    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".ttl", ".rq", ".json"):
            digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    nlp = load_model(model)
    meta = nlp.meta
    return (
        f"kg {__version__} ({digest.hexdigest()[:12]}); "
        f"{meta.get('lang', '')}_{meta.get('name', '')} {meta.get('version', '')}"
    )


def _init_worker(model: str | None, key: str) -> None:
    global _MODEL, _BUILD_KEY
    _MODEL = model
    _BUILD_KEY = key
    from kg.nlp import load_model

    load_model(model)


def process_chunk(
    articles: list[Article],
    model: str | None = None,
    key: str | None = None,
    base: str | None = None,
) -> list[ArticleResult]:
    """Parse, extract and map a few articles; one failing article does not stop the rest.

    IRIs are minted under ``base``, given with every chunk (a worker process keeps no base
    of its own, so it can never mint under another than the build's)."""
    from kg.rdf.base import current_base, using_base

    with using_base(base or current_base()):
        return _process_chunk(articles, model, key)


def _process_chunk(
    articles: list[Article], model: str | None, key: str | None
) -> list[ArticleResult]:
    from rdflib import Literal

    from kg.extractors import extract_facts
    from kg.nlp import parse
    from kg.rdf.iris import article_iri, graph_iri
    from kg.rdf.mapping import article_graph
    from kg.rdf.ontology import KG

    results = []
    pairs = parse(articles, model if model is not None else _MODEL, batch_size=len(articles) or 1)
    for doc, article in pairs:
        name = str(graph_iri(article.id))
        try:
            facts = extract_facts(doc, article)
            graph = article_graph(article, facts)
            graph.add((article_iri(article.id), KG.buildKey, Literal(key or _BUILD_KEY)))
            data = graph.serialize(format="nt", encoding="utf-8")
        except Exception as exc:  # one bad article must not sink a corpus build
            log.debug("traceback of the failure on '%s'", article.id, exc_info=True)
            error = f"{type(exc).__name__}: {exc}"
            results.append(ArticleResult(article.id, name, article.content_hash, error=error))
            continue
        kinds = Counter(type(f).__name__ for f in facts)
        results.append(
            ArticleResult(article.id, name, article.content_hash, data, len(graph), kinds)
        )
    return results


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Workers:
    """A pool of worker processes (or none, for ``jobs`` = 1) that turns articles into results.

    Create it before opening the store: the workers are forked from this process, inherit
    the loaded model, and should not inherit an open database.
    """

    def __init__(self, model: str | None = None, jobs: int = 1, key: str = "") -> None:
        self.model = model
        self.jobs = jobs
        self.key = key
        self._pool: mp.pool.Pool | None = None
        if jobs > 1:
            context = mp.get_context("fork")
            self._pool = context.Pool(jobs, initializer=_init_worker, initargs=(model, key))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def results(self, articles: Iterable[Article]) -> Iterator[ArticleResult]:
        """Results in input order, with a bounded number of chunks in flight, minted under
        this process's base (:func:`kg.rdf.base.current_base` when the chunk is handed out)."""
        from kg.rdf.base import current_base

        if self._pool is None:
            for chunk in _chunks(articles, CHUNK):
                yield from process_chunk(chunk, self.model, self.key, current_base())
            return
        pending: deque[mp.pool.AsyncResult[list[ArticleResult]]] = deque()
        for chunk in _chunks(articles, CHUNK):
            task = (chunk, None, None, current_base())
            pending.append(self._pool.apply_async(process_chunk, task))
            if len(pending) >= self.jobs * IN_FLIGHT_PER_JOB:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
