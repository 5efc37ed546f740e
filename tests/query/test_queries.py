"""Every .rq file runs on the seed's store and answers its question (the query contract)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import QueryError
from kg.query import (
    available_queries,
    bind_values,
    check_query,
    parse_binding,
    resolve_query,
    run_query,
)
from kg.rdf.store import open_store
from tests.paths import QUERIES


@pytest.fixture(scope="module")
def store(seed_build):
    out, _ = seed_build
    return open_store(out / "store", read_only=True)


def rows(store, query_name, **bind):
    bindings = dict(parse_binding(f"{k}={v}") for k, v in bind.items())
    text = run_query(store, resolve_query(query_name), bindings, "csv")
    return list(csv.DictReader(io.StringIO(text)))


def test_queries_every_rq_file_runs(store):
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    assert {"officials", "meetings", "policies", "evidence"} <= set(names)
    assert available_queries() == names
    binds = {
        "policies_in_force": {"day": "2025-06-01"},
        "person_month": {"name": "Ryosei Akazawa", "month": "2025-05"},
        "changes_between": {"since": "2025-05-01", "until": "2025-05-31"},
    }
    stories = {"policy_history", "series_rounds"}  # need several articles: tests/resolve
    for name in sorted(set(names) - stories):
        assert rows(store, name, **binds.get(name, {})), f"{name} returned nothing on the seed"


def test_queries_officials_contract(store):
    result = rows(store, "officials")
    assert list(result[0]) == ["article", "official", "name", "role", "government"]
    got = {(r["name"], r["role"], r["government"]) for r in result}
    assert ("Shigeru Ishiba", "Prime Minister", "Japan") in got
    assert ("Donald Trump", "President", "United States") in got
    assert ("Scott Bessent", "Treasury Secretary", "United States") in got
    assert ("Ryosei Akazawa", "chief tariff negotiator", "Japan") in got
    assert {r["name"] for r in result} == {
        "Shigeru Ishiba",
        "Donald Trump",
        "Scott Bessent",
        "Ryosei Akazawa",
    }


def test_queries_meetings_contract(store):
    result = rows(store, "meetings")
    assert list(result[0]) == [
        "article",
        "meeting",
        "label",
        "participant",
        "place",
        "date",
        "status",
    ]
    fourth = [r for r in result if "fourth round" in r["label"]]
    assert fourth and fourth[0]["place"] == "Washington" and fourth[0]["status"] == "planned"
    held = [r for r in result if r["status"] == "held" and r["participant"] == "Shigeru Ishiba"]
    assert held and held[0]["date"] == "2025-05-29"


def test_queries_policies_contract(store):
    result = rows(store, "policies")
    assert list(result[0]) == [
        "article",
        "policy",
        "label",
        "kind",
        "imposedBy",
        "target",
        "goods",
        "rate",
        "start",
        "end",
        "status",
        "amount",
        "currency",
        "replaces",
    ]
    car = [r for r in result if r["kind"] == "tariff" and r["rate"]]
    assert car and float(car[0]["rate"]) == 25 and car[0]["start"] == "2025-04-03"
    assert car[0]["imposedBy"] == "United States"
    pause = [r for r in result if r["kind"] == "pause"]
    assert pause and pause[0]["end"] == "2025-07-09"
    kinds = {r["kind"] for r in result}
    assert {"tariff", "pause", "agreement", "pledge", "request"} <= kinds


def test_queries_evidence_offsets(store, seed_article):
    result = rows(store, "evidence")
    assert list(result[0]) == ["article", "fact", "sentence", "start", "end"]
    for r in result:
        assert seed_article.text[int(r["start"]) : int(r["end"])] == r["sentence"]


def test_queries_bound_parameter_filters(store):
    said = rows(store, "statements", name="Ryosei Akazawa")
    assert said and all(r["name"] == "Ryosei Akazawa" for r in said)
    assert rows(store, "statements", name="Nobody Atall") == []
    early = {r["label"] for r in rows(store, "policies_in_force", day="2025-03-01")}
    later = {r["label"] for r in rows(store, "policies_in_force", day="2025-06-01")}
    assert "25-percent tariff on imported cars" in later - early


def test_queries_json_and_tsv_are_w3c_formats(store):
    data = json.loads(run_query(store, resolve_query("officials"), {}, "json"))
    assert data["head"]["vars"] == ["article", "official", "name", "role", "government"]
    tsv = run_query(store, resolve_query("officials"), {}, "tsv")
    assert tsv.splitlines()[0] == "?article\t?official\t?name\t?role\t?government"


def test_queries_updates_and_unknown_names_are_refused(store):
    with pytest.raises(QueryError, match="only SPARQL queries"):
        run_query(store, "PREFIX x: <urn:x> DELETE WHERE { ?s ?p ?o }", {}, "table")
    with pytest.raises(QueryError, match="no query named 'nope'"):
        resolve_query("nope")
    with pytest.raises(QueryError, match="syntax"):
        run_query(store, "SELECT ?x WHERE { ?x ", {}, "table")


def test_queries_binding_an_optional_column_filters_instead_of_inventing(store):
    japan = rows(store, "officials", government="Japan")
    assert japan and {r["government"] for r in japan} == {"Japan"}
    assert "Donald Trump" not in {r["name"] for r in japan}
    rate = rows(store, "policies", rate="25")
    assert [r["label"] for r in rate] == ["25-percent tariff on imported cars"]
    canada = rows(store, "meetings", place="Canada")
    assert {r["label"] for r in canada} == {"Group of Seven meeting"}


def test_queries_required_parameter_and_bad_values_are_errors(store):
    with pytest.raises(QueryError, match="needs a value for day"):
        rows(store, "policies_in_force")
    with pytest.raises(QueryError, match="bad date"):
        parse_binding("day=2025-13-45")


def test_queries_bound_values_cannot_inject_sparql(store):
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'
    assert rows(store, "statements", name=hostile) == []
    assert rows(store, "officials")  # the store is untouched


def test_queries_ask_in_w3c_json_and_updates_refused(store):
    assert json.loads(run_query(store, "ASK { ?s ?p ?o }", {}, "json")) == {
        "head": {},
        "boolean": True,
    }
    for update in (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ):
        with pytest.raises(QueryError, match="read-only"):  # text, then refused by its parse
            check_query(resolve_query(update))


@pytest.mark.parametrize(
    ("query_name", "binding"),
    [
        ("officials", ("name", "Ryosei Akazawa")),  # a required pattern: VALUES + FILTER
        ("officials", ("government", "Japan")),  # bound inside OPTIONAL: FILTER only
        ("statements", ("name", "Ryosei Akazawa")),
        ("meetings", ("status", "planned")),
    ],
)
def test_bound_query_gives_exactly_the_matching_rows_of_the_unbound_one(store, query_name, binding):
    name, value = binding
    everything = rows(store, query_name)
    narrowed = rows(store, query_name, **{name: value})
    assert narrowed, f"{query_name} has no row with {name}={value} on the seed"
    assert narrowed == [r for r in everything if r[name] == value]


def test_values_go_first_only_for_variables_every_solution_binds():
    officials = resolve_query("officials")
    by_name = bind_values(officials, dict([parse_binding("name=Ryosei Akazawa")]))
    head = by_name.split("WHERE {", 1)[1].lstrip()
    assert head.startswith('VALUES ?name { "Ryosei Akazawa" }')
    assert 'FILTER(?name = "Ryosei Akazawa")' in by_name
    by_government = bind_values(officials, dict([parse_binding("government=Japan")]))
    # ?government is bound only inside one OPTIONAL: that OPTIONAL becomes a plain group
    # (rows it leaves without a government fail the FILTER anyway), so VALUES can lead
    assert "OPTIONAL" not in by_government.upper()
    head = by_government.split("WHERE {", 1)[1].lstrip()
    assert head.startswith('VALUES ?government { "Japan" }')
    by_rate = bind_values(resolve_query("policies"), dict([parse_binding("rate=25")]))
    assert "VALUES" not in by_rate  # numbers compare by value: 25 = 25.0


def test_the_repository_queries_folder_is_the_packaged_one():
    import kg.query

    packaged = Path(kg.query.__file__).resolve().parent / "queries"
    assert QUERIES.resolve() == packaged
    assert sorted(p.name for p in QUERIES.glob("*.rq")) == sorted(
        p.name for p in packaged.glob("*.rq")
    )


def test_packaged_queries_are_found_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert {"officials", "meetings", "policies", "statements"} <= set(available_queries())
    assert "SELECT" in resolve_query("officials")


def _tiny_store() -> ox.Store:
    store = ox.Store()
    data = """
    <urn:s1> <urn:p> 1 ; <urn:q> "a" .
    <urn:s2> <urn:p> 2 .
    <urn:s3> <urn:p> 3 ; <urn:q> "b" ; <urn:r> "a" .
    <urn:s4> <urn:p> 4 ; <urn:q> "a", "c" .
    <urn:s5> <urn:p> 5 ; <urn:q> 25 .
    """
    store.load(data.encode(), ox.RdfFormat.TURTLE)
    return store


def _solutions(store: ox.Store, sparql: str) -> list[tuple[str | None, ...]]:
    return sorted(
        tuple(None if row[v] is None else str(row[v]) for v in ("s", "v"))
        for row in store.query(sparql)
    )


@pytest.mark.parametrize(
    ("where", "binding", "promoted"),
    [
        ("?s <urn:p> ?o . OPTIONAL { ?s <urn:q> ?v }", "v=a", True),
        ("?s <urn:p> ?o . OPTIONAL { ?s <urn:q> ?v . ?s <urn:p> ?o }", "v=a", True),
        # a FILTER inside sees ?o in an OPTIONAL, not in a group: left alone
        ("?s <urn:p> ?o . OPTIONAL { ?s <urn:q> ?v FILTER(?o > 1) }", "v=a", False),
        # ?v bound in two places: left alone
        ("?s <urn:p> ?o . OPTIONAL { ?s <urn:q> ?v } OPTIONAL { ?s <urn:r> ?v }", "v=a", False),
        # a number compares by value (25 = 25.0): FILTER only, OPTIONAL kept
        ("?s <urn:p> ?o . OPTIONAL { ?s <urn:q> ?v }", "v=25", False),
        # the keyword inside a string is not the one removed
        ('?s <urn:p> ?o FILTER(STR(?s) != "OPTIONAL") OPTIONAL { ?s <urn:q> ?v }', "v=a", True),
    ],
)
def test_an_optional_only_variable_is_narrowed_to_the_same_rows(where, binding, promoted):
    store = _tiny_store()
    query = f"SELECT ?s ?v WHERE {{ {where} }}"
    _name, _value = binding.split("=")
    bound = bind_values(query, dict([parse_binding(binding)]))
    term = parse_binding(binding)[1]
    expected = [r for r in _solutions(store, query) if r[1] == str(term)]
    assert expected, "the case must have matching rows"
    assert _solutions(store, bound) == expected
    keyword_left = bound.upper().count("OPTIONAL") < query.upper().count("OPTIONAL")
    assert keyword_left is promoted
    assert bound.split("WHERE {", 1)[1].lstrip().startswith("VALUES") is promoted


_MEETING = """
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kg: <https://example.org/kg/ontology#> .
<urn:m> a schema:Event ; rdfs:label "trade talks" ; kg:status "held" ; dcterms:source <urn:a> ;
    schema:attendee <urn:p1>, <urn:p2>, <urn:p3>, <urn:gov> .
<urn:p1> rdfs:label "Willy De Clercq", "Willy de Clercq" .
<urn:p2> rdfs:label "Clayton Yeutter" .
<urn:p3> kg:canonical <urn:p2> ; rdfs:label "Yeutter" .
<urn:gov> rdfs:label "government of Japan" ; kg:governs <urn:jp> .
<urn:jp> rdfs:label "Japan" .
"""


def test_who_met_whom_pairs_each_two_participants_once_and_nobody_with_themselves():
    store = ox.Store()
    store.load(_MEETING.encode(), ox.RdfFormat.TURTLE)
    text = run_query(store, resolve_query("who_met_whom"), {}, "csv")
    pairs = sorted((row["a"], row["b"]) for row in csv.DictReader(io.StringIO(text)))
    # p1's two spellings are one person (no self-meeting); p3 is p2 after resolution; the
    # government is named by the country it governs
    assert pairs == [
        ("Clayton Yeutter", "Japan"),
        ("Clayton Yeutter", "Willy De Clercq"),
        ("Clayton Yeutter", "Willy de Clercq"),
        ("Japan", "Willy De Clercq"),
        ("Japan", "Willy de Clercq"),
    ]
