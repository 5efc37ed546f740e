"""statements.rq: a speaker merged across articles is found by either name."""

from __future__ import annotations

import pyoxigraph as ox

from kg.facts import Quote
from kg.query import resolve_query, run_query
from kg.resolve import resolve_store
from tests.resolve.stories import add, evidence, mention, person


def said(name: str, text: str) -> Quote:
    return Quote(person(name), name, "say", text, True, evidence(f'"{text}," {name} said.'))


def test_statements_list_the_resolved_and_the_written_name():
    store = ox.Store()
    add(
        store,
        "a1",
        "2025-05-01",
        [mention("Olena Marchenkova"), said("Olena Marchenkova", "We hold")],
    )
    add(
        store,
        "a2",
        "2025-05-08",
        [mention("Olena Marchenkovaa"), said("Olena Marchenkovaa", "No deal")],
    )
    assert resolve_store(store).merged_people == 1
    lines = run_query(store, resolve_query("statements"), {}, "csv").splitlines()[1:]
    names = {(line.split(",")[-1], line.split(",")[2]) for line in lines}
    # each statement under the name the store resolved it to and the one its article wrote
    resolved = {n for q, n in names if q == "We hold"} & {n for q, n in names if q == "No deal"}
    assert len(resolved) == 1
    assert ("We hold", "Olena Marchenkova") in names
    assert ("No deal", "Olena Marchenkovaa") in names
