"""kg timeline: dated events and policy steps, filtered by who takes part, oldest first."""

from __future__ import annotations

import datetime as dt
import json

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.resolve import resolve_store
from kg.resolve.timeline import render, timeline
from tests.resolve.stories import JAPAN, US, add, meeting, mention, person, role, tariff


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    add(
        store,
        "who",
        "2025-05-01",
        [
            mention("Ryosei Akazawa"),
            role("Ryosei Akazawa", "Minister", JAPAN),
            mention("Scott Bessent"),
            role("Scott Bessent", "Treasury Secretary", US),
            mention("Anna Lindqvist"),
            role("Anna Lindqvist", "Minister", None),
        ],
    )
    pair = [person("Ryosei Akazawa"), person("Scott Bessent")]
    add(store, "may", "2025-05-20", [meeting("talks", "talks", pair, "2025-06-01", "planned")])
    add(store, "june", "2025-06-02", [meeting("meeting", "meeting", pair, "2025-06-01", "held")])
    add(
        store,
        "undated",
        "2025-05-10",
        [meeting("visit", "visit", [person("Anna Lindqvist")], None, "held")],
    )
    add(store, "april", "2025-04-03", [tariff(25, "in force")])
    add(store, "july", "2025-07-23", [tariff(15, "in force")])
    resolve_store(store)
    return store


def test_timeline_everything_in_date_order_with_one_line_per_event(store):
    lines = timeline(store)
    assert [(ln.date, ln.what, ln.status, ln.sources) for ln in lines] == [
        ("2025-04-03", "tariff", "in force", 2),  # the step reported in April...
        ("2025-05-10", "visit", "held", 1),
        ("2025-06-01", "talks", "held", 2),  # one event, reported twice
        ("2025-07-23", "tariff", "in force", 2),  # ...and the one reported in July
    ]
    assert [ln.precision for ln in lines] == ["reported", "reported", "day", "reported"]
    assert [ln.rate for ln in lines if ln.what == "tariff"] == ["25", "15"]


def test_timeline_of_a_pair_and_a_person_and_a_country_by_its_other_name(store):
    pair = timeline(store, ["Akazawa", "Scott Bessent"])
    assert [ln.what for ln in pair] == ["talks"]
    japan = timeline(store, ["Japan"])  # Akazawa serves Japan; the tariff targets it
    assert [ln.what for ln in japan] == ["tariff", "talks", "tariff"]
    assert timeline(store, ["U.S.", "Japan"]) == japan


def test_timeline_between_two_dates(store):
    lines = timeline(store, start=dt.date(2025, 5, 1), end=dt.date(2025, 6, 30))
    assert [ln.what for ln in lines] == ["visit", "talks"]


def test_timeline_formats(store):
    rows = json.loads(render(timeline(store, ["Akazawa"]), "json"))
    assert rows[0]["actors"] == ["Ryosei Akazawa", "Scott Bessent"]
    csv = render(timeline(store), "csv").splitlines()
    assert csv[0].startswith("date,precision,what,label,status,actors")
    assert len(csv) == 5
    assert render([], "table").endswith("(0 lines)\n")
    with pytest.raises(QueryError):
        render([], "yaml")
