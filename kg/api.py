"""kg from Python, for notebooks and scripts: build a graph, query it, draw it.

    >>> from kg import api
    >>> graph = api.build(texts=["Ryosei Akazawa met Scott Bessent in Washington on Friday."],
    ...                   date="2025-05-30")
    >>> graph.query("officials")                 # rows as dicts, values as Python values
    >>> graph.dataframe("meetings")              # the same as a pandas DataFrame
    >>> graph.page()                             # the interactive page, inline in Jupyter

The build is ``kg build``'s own (:func:`kg.build.fill_store`): the same parse, extraction,
mapping, per-article transactions and resolution, into a store held in memory or on disk.
Queries go through the same checks as ``kg query`` (read-only, no ``SERVICE``, declared
parameters required).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.build import BuildReport, FillOptions, fill_store
from kg.errors import InputError, KGError
from kg.ingest import Article, iter_articles, parse_date
from kg.query.catalog import QueryInfo, catalog

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from rdflib import Dataset


__all__ = ["Graph", "Page", "build", "open_graph", "queries"]


def queries() -> list[QueryInfo]:
    """The named queries: name, what each asks, its parameters and columns."""
    return catalog()


def build(
    files: Sequence[str | Path] = (),
    texts: Sequence[str] | Mapping[str, str] = (),
    records: Sequence[Mapping[str, Any]] = (),
    *,
    store: str | Path | None = None,
    date: str | dt.date | None = None,
    base: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    force: bool = False,
    resolve: bool = True,
) -> Graph:
    """Build articles into a store and return its :class:`Graph`.

    ``files``: paths or URLs, as for ``kg build``; ``texts``: article texts (a mapping gives
    their ids); ``records``: dicts as in a ``.jsonl`` file (``id``, ``title``, ``date``,
    ``text``, ``url``, ...). ``store``: a directory (created, or built into again), a SPARQL
    server's URL, or None for a store in memory. ``date`` dates the articles that have none;
    ``base`` mints the IRIs (see ``kg build --base``).
    """
    from kg.nlp import load_model
    from kg.pipeline import Workers, build_key
    from kg.rdf.base import requested_base, settle_base, using_base
    from kg.rdf.store import open_store

    published = parse_date(date) if isinstance(date, str) else date
    wanted = requested_base(base)
    articles = _articles(files, texts, records, published)
    load_model(model)
    key = build_key(model)
    report = BuildReport()
    with Workers(model, jobs, key) as workers:  # forked before a store is opened
        opened = ox.Store() if store is None else open_store(store)
        with using_base(settle_base(opened, wanted, str(store or "memory"))) as minted:
            options = FillOptions(force=force, resolve=resolve)
            fill_store(opened, articles, workers, key, report, options)
    return Graph(opened, minted, report)


def open_graph(store: str | Path) -> Graph:
    """The graph of a store ``kg build`` wrote (a directory or a SPARQL server's URL)."""
    from kg.rdf.base import stored_base
    from kg.rdf.store import open_store

    opened = open_store(store, read_only=True)
    return Graph(opened, stored_base(opened) or _default_base())


def _default_base() -> str:
    from kg.rdf.base import DEFAULT_BASE

    return DEFAULT_BASE


def _articles(
    files: Sequence[str | Path],
    texts: Sequence[str] | Mapping[str, str],
    records: Sequence[Mapping[str, Any]],
    published: dt.date | None,
) -> list[Article]:
    """Every article given, in order; an InputError for two with one id."""
    from kg.ingest.records import record_article

    if isinstance(files, (str, Path)):
        files = [files]
    found = list(iter_articles(files, default_date=published)) if files else []
    items = texts.items() if isinstance(texts, Mapping) else enumerate(texts, start=1)
    for name, text in items:
        ident = str(name) if isinstance(texts, Mapping) else f"text-{name}"
        found.append(Article(id=ident, text=text, published=published))
    for number, record in enumerate(records, start=1):
        article = record_article(record, f"record {number}", f"record-{number}", published, Path())
        if article is not None:
            found.append(dataclasses.replace(article, path=None))
    seen: set[str] = set()
    for article in found:
        if article.id in seen:
            raise InputError(f"two articles have the id '{article.id}'; give them distinct ids")
        seen.add(article.id)
    if not found:
        raise InputError("no articles given: pass files=, texts= or records=")
    return found


class Graph:
    """A built store: query it, get it as rdflib or networkx, draw it."""

    def __init__(self, store: ox.Store, base: str, report: BuildReport | None = None) -> None:
        self.store = store
        self.base = base  # the store's base IRI: what its id: and graph: IRIs start with
        self.report = report  # what the build did, when this graph was just built

    @contextmanager
    def _minting(self) -> Iterator[None]:
        from kg.rdf.base import using_base

        with using_base(self.base):
            yield

    def __len__(self) -> int:
        from kg.rdf.store import count_triples

        return count_triples(self.store)

    def __repr__(self) -> str:
        return f"<kg Graph: {len(self)} triples under {self.base}>"

    def query(self, query: str, **bind: Any) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts (IRIs as strings, literals as Python values: int,
        float, bool, datetime.date, str); ``bind`` narrows it as ``kg query --bind`` does.
        ``query`` is a query name (``api.queries()``), a ``.rq`` file or SPARQL text."""
        result = self._run(query, bind)
        if not isinstance(result, ox.QuerySolutions):
            raise KGError("Graph.query returns the rows of a SELECT; use Graph.store.query")
        names = [v.value for v in result.variables]
        return [{name: _python(row[name]) for name in names} for row in result]

    def dataframe(self, query: str, **bind: Any) -> pd.DataFrame:
        """The rows of :meth:`query` as a pandas DataFrame (pandas is optional)."""
        try:
            import pandas as pd
        except ImportError:
            raise KGError(
                "Graph.dataframe needs pandas: pip install 'kg[notebook]' "
                "(Graph.query gives the same rows as dicts)"
            ) from None
        result = self._run(query, bind)
        if not isinstance(result, ox.QuerySolutions):
            raise KGError("Graph.dataframe takes a SELECT query")
        names = [v.value for v in result.variables]
        rows = [[_python(row[name]) for name in names] for row in result]
        return pd.DataFrame(rows, columns=names)

    def _run(self, query: str, bind: Mapping[str, Any]) -> Any:
        from kg.errors import QueryError
        from kg.query import bind_values, check_query, parse_binding, required_params, resolve_query

        sparql = resolve_query(query)
        check_query(sparql, allow_update=False, allow_service=False)
        bindings = dict(parse_binding(f"{k}={_bind_text(v)}") for k, v in bind.items())
        missing = [k for k in required_params(sparql) if k not in bindings]
        if missing:
            raise QueryError(f"this query needs a value for {', '.join(missing)}")
        try:
            return self.store.query(bind_values(sparql, bindings))
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc

    def dataset(self) -> Dataset:
        """The store as an rdflib Dataset: one named graph per article (and the vocabulary's
        and resolution's), and their union as the default graph, as in kg's store."""
        from rdflib import Dataset, URIRef
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        from kg.rdf.store import named_quads, union_triples

        dataset = Dataset()
        by_graph: dict[str, list[ox.Triple]] = {}
        for quad in named_quads(self.store):
            by_graph.setdefault(str(quad.graph_name).strip("<>"), []).append(quad.triple)
        parts = [(DATASET_DEFAULT_GRAPH_ID, union_triples(self.store))]
        parts += [(URIRef(name), triples) for name, triples in sorted(by_graph.items())]
        for name, triples in parts:  # graph by graph: rdflib's N-Quads path is deprecated
            data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            dataset.graph(name).parse(data=data.decode("utf-8"), format="nt")
        return dataset

    def networkx(self) -> nx.MultiDiGraph:
        """The entity graph ``kg analyze`` and the page read (:mod:`kg.graph.network`)."""
        from kg.graph.network import from_store

        with self._minting():
            return from_store(self.store)

    def page(self, title: str | None = None, height: int = 640) -> Page:
        """The offline page of the graph (``graph.html``); shown inline in Jupyter."""
        from kg.graph.viz import write_store_page

        with tempfile.TemporaryDirectory() as folder, self._minting():
            path = Path(folder) / "graph.html"
            write_store_page(self.store, path, title)
            return Page(path.read_text(encoding="utf-8"), height)

    def timeline(self, *names: str) -> list[dict[str, Any]]:
        """``kg timeline NAME ...`` as dicts, oldest first."""
        from kg.resolve.timeline import timeline

        with self._minting():
            return [dataclasses.asdict(line) for line in timeline(self.store, names)]


@dataclasses.dataclass(frozen=True)
class Page:
    """An HTML page; Jupyter shows it inline, in a sandboxed frame that runs its scripts."""

    html: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width: 100%; height: {self.height}px; border: 0" '
            'sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(self.html, encoding="utf-8")
        return target


def _bind_text(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _python(term: Any) -> Any:
    """A result term as a Python value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    from rdflib import Literal, URIRef

    value = Literal(term.value, datatype=URIRef(term.datatype.value)).toPython()
    return value if not isinstance(value, Literal) else str(value)
