"""``kg build``: articles -> facts -> one named graph per article in the store, then the
Turtle file and the HTML page of the whole store."""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.articles import Article, iter_articles

if TYPE_CHECKING:
    from rdflib import Graph
from kg.errors import InputError

log = logging.getLogger(__name__)

STORE_DIR = "store"
TURTLE_FILE = "graph.ttl"
HTML_FILE = "graph.html"


@dataclass
class BuildReport:
    """What a build did, for the command line to print."""

    articles: int = 0
    triples: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    outputs: list[Path] = field(default_factory=list)
    store_triples: int = 0
    failed: list[str] = field(default_factory=list)  # ids of articles that could not be read


def _page_title(union: Graph) -> str:
    """The page shows the whole store, so its title counts the store's articles."""
    from kg.ontology import RDF, SDO

    titles = sorted(
        str(t)
        for a in union.subjects(RDF.type, SDO.NewsArticle)
        for t in union.objects(a, SDO.headline)
    )
    count = len(set(union.subjects(RDF.type, SDO.NewsArticle)))
    if count == 1 and titles:
        return f"kg: {titles[0]}"
    return f"kg: {count} articles"


def _check_output(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"output path '{out_dir}' exists and is not a directory")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create output directory '{out_dir}': {exc.strerror}") from exc


def build(
    inputs: Sequence[str | Path],
    out_dir: Path,
    published: dt.date | None = None,
    model: str | None = None,
    jobs: int = 1,
    html: bool = True,
    on_article: Callable[[Article, int], None] | None = None,
) -> BuildReport:
    """Extract every input article into the store under ``out_dir`` and write the outputs."""
    from kg.export import serialize, write_atomic
    from kg.extractors import extract_facts
    from kg.mapping import article_graph, ontology_graph
    from kg.nlp import load_model, parse
    from kg.store import open_store, replace_graph, to_rdflib

    _check_output(out_dir)
    articles = list(iter_articles(inputs, default_date=published))  # validates every input first
    if not articles:
        raise InputError("no articles found in: " + ", ".join(str(i) for i in inputs))
    load_model(model)  # fail on a missing model before the store is touched
    store = open_store(out_dir / STORE_DIR)
    replace_graph(store, ontology_graph())
    report = BuildReport()
    for doc, article in parse(articles, model=model, n_process=jobs):
        try:
            facts = extract_facts(doc, article)
            graph = article_graph(article, facts)
        except Exception as exc:  # one bad article must not sink a corpus build
            # log text, not the exception: a kept traceback would keep the store open
            log.warning("article '%s' skipped: %s: %s", article.id, type(exc).__name__, str(exc))
            log.debug("traceback of the failure on '%s'", article.id, exc_info=True)
            report.failed.append(article.id)
            continue
        report.triples += replace_graph(store, graph)
        report.articles += 1
        report.facts.update(type(f).__name__ for f in facts)
        if on_article is not None:
            on_article(article, len(facts))
    store.flush()
    turtle = out_dir / TURTLE_FILE
    write_atomic(turtle, serialize(store, "turtle"))
    report.outputs.append(turtle)
    union = to_rdflib(store)
    report.store_triples = len(union)
    if html:
        from kg.viz import write_html

        page = out_dir / HTML_FILE
        write_html(union, page, title=_page_title(union))
        report.outputs.append(page)
    report.outputs.append(out_dir / STORE_DIR)
    return report
