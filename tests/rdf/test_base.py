"""IRIs of the user's choosing: --base / $KG_BASE mint every instance IRI, the store remembers
its base and refuses another, the vocabulary's namespace stays where it is."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.errors import InputError, StoreError
from kg.rdf.base import DEFAULT_BASE, check_base, current_base, stored_base, using_base
from kg.rdf.iris import article_iri, graph_iri
from kg.rdf.ontology import GRAPH, ID, KG
from kg.rdf.store import open_store

MINE = "https://news.example.net/kg/"
ONTOLOGY = "https://example.org/kg/ontology"

MONDAY = """---
title: Akazawa to hold tariff talks in Washington
date: 2025-05-26
---
Japan's chief tariff negotiator Ryosei Akazawa will travel to Washington on Friday for a
fourth round of tariff talks with U.S. Treasury Secretary Scott Bessent, officials said.
"""
SATURDAY = """---
title: Akazawa and Bessent meet, no deal yet
date: 2025-05-31
---
Akazawa met Bessent in Washington on Friday. "We had a frank exchange," Akazawa told
reporters after the talks, adding that no agreement had been reached.
"""


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "monday.md").write_text(MONDAY, encoding="utf-8")
    (folder / "saturday.md").write_text(SATURDAY, encoding="utf-8")
    return folder


def _iris(store: ox.Store) -> set[str]:
    found: set[str] = set()
    for quad in store.quads_for_pattern(None, None, None, None):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode):
                found.add(term.value)
    return found


@pytest.fixture(scope="module")
def built_under_mine(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("base")
    inputs = _articles(tmp / "in")
    # two worker processes: they must mint under the build's base, not a default of their own
    report = build([inputs], tmp / "out", jobs=2, html=False, base=MINE)
    return tmp, inputs, report


def test_a_whole_build_under_another_base_leaves_no_example_org_instance_iri(built_under_mine):
    tmp, _inputs, report = built_under_mine
    assert report.articles == 2
    store = open_store(tmp / "out" / "store", read_only=True)
    iris = _iris(store)
    leftover = {i for i in iris if i.startswith(DEFAULT_BASE) and not i.startswith(ONTOLOGY)}
    assert leftover == set()
    assert MINE + "graph/in-monday" in iris and MINE + "graph/resolved" in iris
    assert MINE + "graph/ontology" in iris  # the vocabulary's graph is the store's too
    assert MINE + "id/article/in-monday" in iris
    assert any(i.startswith(MINE + "id/person/") for i in iris)
    assert any(i.startswith(MINE + "id/resolution/") for i in iris)  # resolution under it too
    # the vocabulary itself has not moved
    assert str(KG.Resolution) == ONTOLOGY + "#Resolution"
    assert str(KG.status) in iris
    # Turtle written by the build holds the same IRIs
    turtle = (tmp / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert MINE + "id/" in turtle and DEFAULT_BASE + "id/" not in turtle


def test_the_store_remembers_its_base_and_a_later_build_uses_it(built_under_mine, monkeypatch):
    tmp, inputs, _report = built_under_mine
    store = open_store(tmp / "out" / "store", read_only=True)
    assert stored_base(store) == MINE
    del store
    monkeypatch.delenv("KG_BASE", raising=False)
    (inputs / "tuesday.md").write_text(
        MONDAY.replace("2025-05-26", "2025-05-27").replace("Friday", "Thursday"), encoding="utf-8"
    )
    try:
        again = build([inputs], tmp / "out", html=False)  # no --base: the store's own
    finally:
        (inputs / "tuesday.md").unlink()
    assert (again.articles, again.skipped) == (1, 2)
    store = open_store(tmp / "out" / "store", read_only=True)
    assert MINE + "graph/in-tuesday" in _iris(store)
    assert current_base() == DEFAULT_BASE  # the build's base does not outlive it


def test_a_build_under_another_base_is_refused_and_writes_nothing(built_under_mine, monkeypatch):
    tmp, inputs, _report = built_under_mine
    store_dir = tmp / "out" / "store"
    before = set(open_store(store_dir, read_only=True).quads_for_pattern(None, None, None, None))
    monkeypatch.setenv("KG_BASE", "https://other.example.com/graphs/")
    with pytest.raises(
        StoreError, match=re.escape("holds IRIs under <https://news.example.net/kg/>")
    ):
        build([inputs], tmp / "out", html=False, force=True)
    after = set(open_store(store_dir, read_only=True).quads_for_pattern(None, None, None, None))
    assert after == before


def test_kg_base_from_the_environment_mints_a_new_store(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "monday.md").write_text(MONDAY, encoding="utf-8")
    monkeypatch.setenv("KG_BASE", "https://env.example.com/kg")  # no trailing slash: added
    build([inputs], tmp_path / "out", html=False, resolve=False)
    store = open_store(tmp_path / "out" / "store", read_only=True)
    assert stored_base(store) == "https://env.example.com/kg/"
    assert "https://env.example.com/kg/id/article/in-monday" in _iris(store)


def test_minted_namespaces_follow_the_one_setting():
    assert str(ID) == DEFAULT_BASE + "id/"
    with using_base(MINE):
        assert str(article_iri("a b")) == MINE + "id/article/a-b"
        assert str(graph_iri("a")) == MINE + "graph/a"
        assert str(GRAPH) == MINE + "graph/"
    assert str(graph_iri("a")) == DEFAULT_BASE + "graph/a"


@pytest.mark.parametrize(
    "bad",
    ["news.example.net/kg/", "ftp://x.example/", "https://x.example/kg#", "https://a b/", ""],
)
def test_a_bad_base_is_one_error_naming_it(bad):
    with pytest.raises(InputError, match="not a base IRI"):
        check_base(bad)


def test_cli_bad_base_fails_in_one_line_before_writing(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "monday.md").write_text(MONDAY, encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "build",
            str(inputs),
            "--out",
            str(tmp_path / "out"),
            "--base",
            "not an iri",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "kg: error: not a base IRI: 'not an iri'; give an absolute http(s) IRI without '#' "
        "or '?', such as https://news.example.net/kg/"
    ]
    assert not (tmp_path / "out").exists()


def test_reading_commands_shorten_and_expand_under_the_store_base(built_under_mine):
    tmp, _inputs, _report = built_under_mine
    store = str(tmp / "out" / "store")
    table = subprocess.run(
        [sys.executable, "-m", "kg", "query", "officials", "--store", store],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "id:person/ryosei-akazawa" in table and MINE not in table
    explained = subprocess.run(
        [sys.executable, "-m", "kg", "explain", "id:person/akazawa", "--store", store],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "short-name: Akazawa -> Ryosei Akazawa" in explained
