"""statements.rq names speakers as their articles do; person_month follows the person."""

from __future__ import annotations

import pyoxigraph as ox

from kg.facts import Quote
from kg.query import resolve_query, run_query
from kg.resolve import resolve_store
from tests.resolve.stories import add, evidence, mention, person


def said(name: str, text: str) -> Quote:
    return Quote(person(name), name, "say", text, True, evidence(f'"{text}," {name} said.'))


def test_statements_name_speakers_as_written_and_person_month_follows_the_person():
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
    import csv
    import io

    table = run_query(store, resolve_query("statements"), {}, "csv")
    rows = list(csv.DictReader(io.StringIO(table)))
    names = {(r["quote"], r["name"]) for r in rows}
    # one row per statement, the speaker named as the article names them
    assert names == {("We hold", "Olena Marchenkova"), ("No deal", "Olena Marchenkovaa")}
    assert {r["person"] for r in rows} == {"Olena Marchenkovaa"}  # one person, resolved
    # the person is one across the store: everything they said in May, under either name
    month = dict([("name", ox.Literal("Olena Marchenkovaa")), ("month", ox.Literal("2025-05"))])
    rows = run_query(store, resolve_query("person_month"), month, "csv").splitlines()[1:]
    assert sorted(r.split(",")[2] for r in rows if ",statement," in r) == ["No deal", "We hold"]
