"""The content hash covers exactly what reaches the graph (issue 11, item 4): a change to any
field the RDF mapping reads must change the hash, or kg build would keep the old graph."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from rdflib.compare import isomorphic

from kg.ingest import Article
from kg.rdf.mapping import article_graph

BASE = Article(
    id="a-1",
    text="Prime Minister Aiko Tanaka spoke in Oslo.",
    title="Talks",
    published=dt.date(2025, 5, 29),
    source="The Daily",
    url="https://news.example/a-1",
    path="in/a-1.md",
)
CHANGED = {
    "id": "a-2",
    "text": "Prime Minister Aiko Tanaka spoke in Bergen.",
    "title": "More talks",
    "published": dt.date(2025, 5, 30),
    "source": "The Weekly",
    "url": "https://news.example/a-1?v=2",
    "path": "elsewhere/a-1.md",
    "author": "Jane Reporter",
}


def fields_the_mapping_reads() -> set[str]:
    """The Article fields ``article_graph`` actually reads, recorded while it runs."""
    seen: set[str] = set()
    names = {f.name for f in dataclasses.fields(Article)}

    class Recording(Article):
        def __getattribute__(self, name: str) -> object:
            if name in names:
                seen.add(name)
            return super().__getattribute__(name)

        @property
        def content_hash(self) -> str:  # the hash reads every field; not the mapping's read
            values = {n: object.__getattribute__(self, n) for n in names}
            return Article(**values).content_hash

    article_graph(Recording(**dataclasses.asdict(BASE)), [])
    return seen


def test_content_hash_changes_with_every_field_the_mapping_reads() -> None:
    read = fields_the_mapping_reads()
    assert {"id", "text", "title", "published", "source", "url"} <= read
    assert read <= set(CHANGED), f"a new field reaches the graph: {read - set(CHANGED)}"
    for name in sorted(read):
        changed = dataclasses.replace(BASE, **{name: CHANGED[name]})
        assert changed.content_hash != BASE.content_hash, name


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_a_field_change_that_changes_the_graph_changes_the_hash(name: str) -> None:
    changed = dataclasses.replace(BASE, **{name: CHANGED[name]})
    if not isomorphic(article_graph(BASE, []), article_graph(changed, [])):
        assert changed.content_hash != BASE.content_hash


@pytest.mark.parametrize("name", ["title", "published", "source", "url", "path"])
def test_a_field_set_or_cleared_changes_the_hash(name: str) -> None:
    assert dataclasses.replace(BASE, **{name: None}).content_hash != BASE.content_hash


def test_content_hash_is_stable_and_tells_none_from_empty() -> None:
    same = Article(**dataclasses.asdict(BASE))
    assert same.content_hash == BASE.content_hash
    assert len(BASE.content_hash) == 64 and int(BASE.content_hash, 16) >= 0
    # fields are hashed as a list, so text cannot move between fields unnoticed
    moved = dataclasses.replace(BASE, title="Talks The Daily", source=None)
    assert moved.content_hash != BASE.content_hash
