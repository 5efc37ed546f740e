"""kg export: every format holds what a standard store needs to answer the packaged queries.

Each export of the seed store is loaded into Oxigraph's server (no union-default-graph
setting) and into an rdflib Dataset, and every packaged query must give the same rows as on
kg's own store: the dataset formats carry the union as their default graph.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset

from kg.query import available_queries, bind_values, parse_binding, resolve_query
from kg.rdf.export import serialize
from kg.rdf.formats import EXPORT_FORMATS, FORMATS
from kg.rdf.remote import RemoteStore
from kg.rdf.store import DEFAULT, open_store

PARAMS = {
    "policies_in_force": ["day=2025-06-01"],
    "person_month": ["name=Ryosei Akazawa", "month=2025-05"],
    "changes_between": ["since=2025-05-01", "until=2025-05-31"],
}


@pytest.fixture(scope="module")
def store(seed_build):
    out, _ = seed_build
    return open_store(out / "store", read_only=True)


def _sparql(name: str) -> str:
    bindings = dict(parse_binding(b) for b in PARAMS.get(name, []))
    return bind_values(resolve_query(name), bindings)


def _rows(result) -> list[tuple[str, ...]]:
    names = [v.value if hasattr(v, "value") else str(v) for v in result.variables]
    return sorted(tuple(str(row[n]) if row[n] is not None else "" for n in names) for row in result)


@pytest.fixture(scope="module")
def expected(store) -> dict[str, list[tuple[str, ...]]]:
    answers = {name: _rows(store.query(_sparql(name))) for name in available_queries()}
    assert all(answers[n] for n in ("officials", "meetings", "policies", "evidence"))
    return answers


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_loaded_into_a_sparql_server_answers_every_packaged_query(
    store, expected, sparql_url, fmt
):
    server = RemoteStore(sparql_url)
    server.update("DROP ALL")
    data = serialize(store, fmt)
    media = FORMATS[fmt].media_type
    target = "/store" if FORMATS[fmt].kind == "dataset" else "/store?default"  # Graph Store
    server._post(sparql_url.replace("/query", target), data, media, "*/*")
    for name, rows in expected.items():
        assert _rows(server.query(_sparql(name))) == rows, (fmt, name)


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_exports_hold_the_article_graphs_and_the_union(store, fmt):
    loaded = ox.Store()
    loaded.load(serialize(store, fmt), format=FORMATS[fmt].rdf)

    def graph(s, g):
        return {q for q in s.quads_for_pattern(None, None, None, g)}

    named = {q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT}
    assert {q for q in graph(loaded, None) if q.graph_name != DEFAULT} == named
    assert graph(loaded, DEFAULT) == graph(store, DEFAULT)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own, while parsing
@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_export_in_rdflib_answers_like_kg(store, expected, fmt):
    dataset = Dataset()
    rdflib_format = {"trig": "trig", "nquads": "nquads"}[fmt]
    dataset.parse(data=serialize(store, fmt).decode("utf-8"), format=rdflib_format)
    for name in ("officials", "meetings", "statements"):
        rows = sorted(
            tuple(str(v) if v is not None else "" for v in row)
            for row in dataset.query(_sparql(name))
        )
        values = sorted(
            tuple(row[n].value if row[n] is not None else "" for n in row_names(store, name))
            for row in store.query(_sparql(name))
        )
        assert rows == values, name


def row_names(store, name: str) -> list[str]:
    return [v.value for v in store.query(_sparql(name)).variables]
