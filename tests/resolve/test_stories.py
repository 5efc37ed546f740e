"""Events and policies across articles: one story, its reports and its dated history."""

from __future__ import annotations

import pyoxigraph as ox

from kg.facts import GOVERNMENT, EntityRef
from kg.resolve import resolve_store
from tests.resolve.stories import JAPAN, US, add, meeting, mention, person, role, rows, tariff

KG = "https://example.org/kg/ontology#"
STORIES = (
    f"SELECT ?story ?kind ?status ?asOf ?reported WHERE {{ ?story a <{KG}Story> ;"
    f" <{KG}status> ?status ; <{KG}statusReport> ?r . ?r <{KG}asOf> ?asOf ;"
    f" <{KG}status> ?reported . OPTIONAL {{ ?story <{KG}kind> ?kind }} }} ORDER BY ?story ?asOf"
)


def _officials(store: ox.Store) -> None:
    add(
        store,
        "who",
        "2025-05-01",
        [
            mention("Ryosei Akazawa"),
            role("Ryosei Akazawa", "Minister", JAPAN),
            mention("Scott Bessent"),
            role("Scott Bessent", "Treasury Secretary", US),
        ],
    )


TALKERS = [person("Ryosei Akazawa"), person("Scott Bessent")]


def test_events_one_meeting_reported_twice_is_one_story_with_a_status_history():
    store = ox.Store()
    _officials(store)
    add(
        store, "before", "2025-05-20", [meeting("talks", "talks", TALKERS, "2025-06-01", "planned")]
    )
    add(
        store, "after", "2025-06-02", [meeting("meeting", "meeting", TALKERS, "2025-06-01", "held")]
    )
    report = resolve_store(store)
    assert (report.events, report.event_reports) == (1, 2)
    found = rows(store, STORIES)
    assert [(r["status"], r["asOf"], r["reported"]) for r in found] == [
        ("held", "2025-05-20", "planned"),
        ("held", "2025-06-02", "held"),
    ]


def test_events_other_days_or_one_shared_person_are_other_events():
    store = ox.Store()
    _officials(store)
    add(store, "a1", "2025-05-20", [meeting("talks", "talks", TALKERS, "2025-06-01", "held")])
    add(store, "a2", "2025-06-20", [meeting("talks", "talks", TALKERS, "2025-06-15", "held")])
    add(store, "a3", "2025-06-02", [meeting("call", "call", TALKERS, "2025-06-01", "held")])
    add(store, "a4", "2025-06-02", [meeting("talks", "talks", TALKERS[:1], "2025-06-01", "held")])
    assert resolve_store(store).events == 0


def test_events_numbered_rounds_form_one_series():
    store = ox.Store()
    parties = [EntityRef(GOVERNMENT, "JP", "Japan"), EntityRef(GOVERNMENT, "US", "United States")]
    fourth = meeting("fourth round", "talks", parties, None, "held")
    fifth = meeting("fifth round", "talks", parties, None, "planned")
    add(store, "a1", "2025-05-20", [fourth.__class__(**{**fourth.__dict__, "ordinal": 4})])
    add(store, "a2", "2025-06-20", [fifth.__class__(**{**fifth.__dict__, "ordinal": 5})])
    assert resolve_store(store).series == 1
    members = rows(
        store,
        f"SELECT ?e ?n WHERE {{ ?e <https://schema.org/superEvent> ?s ; <{KG}ordinal> ?n . "
        "?s a <https://schema.org/EventSeries> } ORDER BY ?n",
    )
    assert [r["n"] for r in members] == ["4", "5"]


def test_policies_one_tariff_across_articles_keeps_its_rates_in_order():
    store = ox.Store()
    add(store, "april", "2025-04-03", [tariff(25, "in force")])
    add(store, "july", "2025-07-23", [tariff(15, "in force")])
    add(store, "other", "2025-07-23", [tariff(10, "in force", goods=("rice",))])
    report = resolve_store(store)
    assert (report.policies, report.policy_reports) == (1, 2)
    history = rows(
        store,
        f"SELECT ?asOf ?rate WHERE {{ ?s a <{KG}Story> ; <{KG}statusReport> ?r ."
        f" ?r <{KG}asOf> ?asOf ; <{KG}rate> ?rate }} ORDER BY ?asOf",
    )
    assert [(r["asOf"], float(r["rate"])) for r in history] == [
        ("2025-04-03", 25.0),
        ("2025-07-23", 15.0),
    ]


def _query(store: ox.Store, query: str, **bind: str) -> list[dict[str, str]]:
    import json

    from kg.query import parse_binding, resolve_query, run_query

    bindings = dict(parse_binding(f"{k}={v}") for k, v in bind.items())
    result = json.loads(run_query(store, resolve_query(query), bindings, "json"))
    return [{k: c["value"] for k, c in r.items()} for r in result["results"]["bindings"]]


def test_story_queries_policy_history_and_series_rounds():
    store = ox.Store()
    add(store, "april", "2025-04-03", [tariff(25, "in force")])
    add(store, "july", "2025-07-23", [tariff(15, "in force")])
    parties = [EntityRef(GOVERNMENT, "JP", "Japan"), EntityRef(GOVERNMENT, "US", "United States")]
    for article, n, status in (("r4", 4, "held"), ("r5", 5, "planned")):
        round_ = meeting(f"round {n}", "talks", parties, None, status)
        add(store, article, "2025-05-20", [round_.__class__(**{**round_.__dict__, "ordinal": n})])
    resolve_store(store)
    history = _query(store, "policy_history")
    assert [(r["asOf"], float(r["rate"]), r["imposedBy"]) for r in history] == [
        ("2025-04-03", 25.0, "United States"),
        ("2025-07-23", 15.0, "United States"),
    ]
    rounds = _query(store, "series_rounds")
    assert [(r["round"], r["status"]) for r in rounds] == [("4", "held"), ("5", "planned")]
    assert rounds[0]["seriesLabel"] == "rounds of talks: Japan, United States"


def test_story_queries_person_month_and_changes_between():
    store = ox.Store()
    _officials(store)
    add(store, "may", "2025-05-20", [meeting("talks", "talks", TALKERS, "2025-06-01", "planned")])
    add(store, "june", "2025-06-02", [meeting("meeting", "meeting", TALKERS, "2025-06-03", "held")])
    add(store, "later", "2025-06-20", [mention("Akazawa"), role("Akazawa", "negotiator", None)])
    resolve_store(store)
    june = _query(store, "person_month", name="Ryosei Akazawa", month="2025-06")
    # both meetings fall in June by their own dates; the role by its article's date, under
    # the short name the article used
    assert [(r["date"], r["what"]) for r in june] == [
        ("2025-06-01", "meeting"),
        ("2025-06-03", "meeting"),
        ("2025-06-20", "role"),
    ]
    changes = _query(store, "changes_between", since="2025-06-01", until="2025-06-30")
    assert [(r["published"], r["status"]) for r in changes] == [("2025-06-02", "held")]
