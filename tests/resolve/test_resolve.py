"""The pass as a whole: deterministic, skipped when up to date, one transaction, in kg build."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox

from kg.resolve import RESOLVED_GRAPH, resolve_store
from tests.resolve.stories import JAPAN, US, add, meeting, mention, person, role, tariff

ARTICLES = [
    ("a1", "2025-05-01", [mention("Ryosei Akazawa"), role("Ryosei Akazawa", "Minister", JAPAN)]),
    ("a2", "2025-05-02", [mention("Akazawa"), role("Akazawa", "Minister", None)]),
    ("a3", "2025-05-03", [mention("Scott Bessent"), role("Scott Bessent", "Secretary", US)]),
    (
        "a4",
        "2025-05-04",
        [
            meeting(
                "talks", "talks", [person("Akazawa"), person("Scott Bessent")], "2025-05-04", "held"
            )
        ],
    ),
    (
        "a5",
        "2025-05-05",
        [
            meeting(
                "talks",
                "talks",
                [person("Ryosei Akazawa"), person("Scott Bessent")],
                "2025-05-04",
                "held",
            )
        ],
    ),
    ("a6", "2025-04-03", [tariff(25, "in force")]),
    ("a7", "2025-07-23", [tariff(15, "in force")]),
]


def _resolved(store: ox.Store) -> list[str]:
    graph = ox.NamedNode(RESOLVED_GRAPH)
    return sorted(str(q.triple) for q in store.quads_for_pattern(None, None, None, graph))


def test_resolve_same_store_same_graph_in_any_build_order():
    forward, backward = ox.Store(), ox.Store()
    for a in ARTICLES:
        add(forward, *a)
    for a in reversed(ARTICLES):
        add(backward, *a)
    resolve_store(forward)
    resolve_store(backward)
    assert _resolved(forward) == _resolved(backward)
    assert len(_resolved(forward)) > 20


def test_resolve_skips_an_unchanged_store_and_redoes_a_changed_one():
    store = ox.Store()
    for a in ARTICLES[:3]:
        add(store, *a)
    assert not resolve_store(store).skipped
    assert resolve_store(store).skipped
    add(store, *ARTICLES[3])
    again = resolve_store(store)
    assert not again.skipped and again.merged_people == 1


def test_resolve_replaces_its_graph_in_one_update_request():
    store = ox.Store()
    for a in ARTICLES:
        add(store, *a)

    class Recording:
        def __init__(self) -> None:
            self.updates = 0

        def query(self, sparql: str):
            return store.query(sparql)

        def update(self, sparql: str) -> None:
            self.updates += 1
            store.update(sparql)

    recording = Recording()
    resolve_store(recording)
    assert recording.updates == 1
    # the union loses the conclusions that no longer hold (a2's role is gone)
    inferred = ox.NamedNode("https://example.org/kg/ontology#inferredBy")
    assert list(store.quads_for_pattern(None, inferred, None, ox.DefaultGraph()))
    add(store, "a2", "2025-05-02", [mention("Hiro Tanaka")])
    assert resolve_store(store).inferred_governments == 0
    assert not list(store.quads_for_pattern(None, inferred, None, None))


def test_resolve_runs_in_kg_build_and_can_be_switched_off(tmp_path):
    text = (
        "Japan's Economic Revitalization Minister Ryosei Akazawa met U.S. Treasury Secretary "
        "Scott Bessent in Washington on Friday.\n"
    )
    (tmp_path / "one.txt").write_text(text, encoding="utf-8")
    (tmp_path / "two.txt").write_text(
        "Akazawa told reporters on Monday that the talks went well.\n", encoding="utf-8"
    )
    run = [
        sys.executable,
        "-m",
        "kg",
        "build",
        str(tmp_path / "one.txt"),
        str(tmp_path / "two.txt"),
    ]
    off = subprocess.run(
        [*run, "--out", str(tmp_path / "off"), "--no-resolve", "--no-html"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "resolved" not in off.stdout
    on = subprocess.run(
        [*run, "--out", str(tmp_path / "on"), "--no-html"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "resolved: 1 people merged" in on.stdout
    explain = subprocess.run(
        [
            sys.executable,
            "-m",
            "kg",
            "explain",
            "https://example.org/kg/id/person/akazawa",
            "--store",
            str(tmp_path / "on" / "store"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "short-name" in explain.stdout and "Ryosei Akazawa" in explain.stdout
