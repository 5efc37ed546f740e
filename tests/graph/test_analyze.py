"""Analytics on the seed article's graph, read from the store `kg build` wrote."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import InputError
from kg.graph import analyze
from kg.graph.network import entity_view, find_node, from_store, neighbourhood
from kg.rdf.store import open_store
from tests.paths import ROOT

ID = "https://example.org/kg/id/"


@pytest.fixture(scope="module")
def graph(seed_build) -> nx.MultiDiGraph:
    out, _ = seed_build
    return from_store(open_store(out / "store", read_only=True))


def test_entity_graph_of_the_seed(graph: nx.MultiDiGraph) -> None:
    kinds = {k for _, k in graph.nodes(data="kind")}
    assert {"person", "government", "country", "meeting", "policy", "quote", "article"} <= kinds
    akazawa = graph.nodes[ID + "person/ryosei-akazawa"]
    assert akazawa["aliases"] == ["Akazawa"]
    assert "Role: chief tariff negotiator, Government of Japan" in akazawa["facts"]
    roles = {
        d["label"]
        for _, v, d in graph.out_edges(ID + "person/ryosei-akazawa", data=True)
        if d["relation"] == "role"
    }
    assert roles == {
        "chief tariff negotiator",
        "close aide to Ishiba",
        "economic revitalization minister",
    }
    view = entity_view(graph)
    assert not any(d["kind"] == "article" for _, d in view.nodes(data=True))
    # the three roles are one neighbour, weighted 3
    assert view[ID + "person/ryosei-akazawa"][ID + "government/jp"]["weight"] == 3


def test_find_node_by_name_alias_and_iri(graph: nx.MultiDiGraph) -> None:
    assert find_node(graph, "ryosei akazawa") == ID + "person/ryosei-akazawa"
    assert find_node(graph, "Trump administration") == ID + "government/us"
    assert find_node(graph, "person/scott-bessent") == ID + "person/scott-bessent"
    with pytest.raises(InputError, match="no person, government or other node named"):
        find_node(graph, "Angela Merkel")


def test_neighbourhood_does_not_walk_through_the_article(graph: nx.MultiDiGraph) -> None:
    one = neighbourhood(graph, ID + "person/scott-bessent", 1)
    assert ID + "government/us" in one and ID + "person/ryosei-akazawa" not in one
    two = neighbourhood(graph, ID + "person/scott-bessent", 2)
    assert ID + "person/ryosei-akazawa" in two  # via their expected meeting
    assert len(two) < graph.number_of_nodes() - 1


def test_centrality_ranks_the_seed_officials(graph: nx.MultiDiGraph) -> None:
    rows, sampled = analyze.centrality(graph, top=10)
    assert sampled is None  # exact on a small graph
    assert {r.kind for r in rows} == {"person", "government"}
    people = [r.label for r in rows if r.kind == "person"]
    assert people[0] == "Ryosei Akazawa"  # the article is about him
    assert set(people) == {"Ryosei Akazawa", "Scott Bessent", "Shigeru Ishiba", "Donald Trump"}
    assert rows[0].label == "Government of the United States"
    assert [r.pagerank for r in rows] == sorted((r.pagerank for r in rows), reverse=True)
    assert all(0 <= r.betweenness <= 1 for r in rows)
    assert next(r for r in rows if r.label == "Ryosei Akazawa").betweenness > 0.1


def test_communities_and_components_cover_the_entity_graph(graph: nx.MultiDiGraph) -> None:
    view = entity_view(graph)
    groups = analyze.communities(graph)
    members = [n for g in groups for n in g]
    assert sorted(members) == sorted(view) and len(members) == len(set(members))
    china = next(g for g in groups if ID + "government/cn" in g)
    assert ID + "country/cn" in china
    parts = analyze.components(graph)
    assert sum(len(c) for c in parts) == len(view)
    assert ID + "person/shigeru-ishiba" in parts[0] and ID + "person/scott-bessent" in parts[0]


def test_path_between_ishiba_and_bessent_lists_facts(graph: nx.MultiDiGraph) -> None:
    found = analyze.paths(graph, "Shigeru Ishiba", "Scott Bessent")
    first = found[0]
    assert first[0].source == ID + "person/shigeru-ishiba"
    assert first[-1].target == ID + "person/scott-bessent"
    labels = [graph.nodes[s.target]["label"] for s in first]
    assert labels == [
        "meeting of Ryosei Akazawa and Shigeru Ishiba",
        "Ryosei Akazawa",
        "meeting of Ryosei Akazawa and Scott Bessent",
        "Scott Bessent",
    ]
    assert first[0].relations == ["attendee \u2192"]
    assert "Status: held" in first[0].facts
    assert any("who met with Prime Minister Shigeru Ishiba" in e["text"] for e in first[0].evidence)
    assert first[0].evidence[0]["date"] == "2025-05-29"
    assert all(len(p) == len(first) for p in found)  # all shortest


def test_path_errors_are_one_line(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(InputError, match="are not connected"):
        analyze.paths(graph, "Shigeru Ishiba", "Tokyo")
    with pytest.raises(InputError, match="no person"):
        analyze.paths(graph, "Shigeru Ishiba", "Nobody At All")


def test_graphml_and_gexf_reread_by_networkx(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    n_entities = entity_view(graph).number_of_nodes()
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        (path,) = analyze.export(graph, fmt, tmp_path / f"seed.{fmt}")
        back = read(path)
        assert back.number_of_nodes() == n_entities
        ishiba = ID + "person/shigeru-ishiba"
        assert back.nodes[ishiba]["kind"] == "person"
        assert "Ishiba" in back.nodes[ishiba]["aliases"]
        roles = [d for _, v, d in back.out_edges(ishiba, data=True) if d.get("relation") == "role"]
        assert [d["label"] for d in roles] == ["Prime Minister"]
        assert "Shigeru Ishiba" in roles[0]["evidence"]


def test_csv_export(graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    nodes_file, edges_file = analyze.export(graph, "csv", tmp_path / "csv")
    with nodes_file.open(encoding="utf-8") as f:
        nodes = list(csv.DictReader(f))
    with edges_file.open(encoding="utf-8") as f:
        edges = list(csv.DictReader(f))
    assert len(nodes) == entity_view(graph).number_of_nodes()
    assert {"id", "label", "kind", "pagerank"} <= set(nodes[0])
    speakers = Counter(e["source"].removeprefix(ID) for e in edges if e["relation"] == "said")
    # Akazawa's six statements, Ishiba's "saying Washington is interested ...", two groups
    assert speakers["person/ryosei-akazawa"] == 6 and speakers["person/shigeru-ishiba"] == 1
    assert sum(speakers.values()) == 9
    assert all(e["article"] == "000_c6673815f6e7e950" for e in edges if e["evidence"])


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_cli_analyze_and_viz(seed_build, tmp_path: Path) -> None:
    out, _ = seed_build
    store = str(out / "store")
    result = kg("analyze", "--store", store)
    assert result.returncode == 0, result.stderr
    assert "most central people and governments" in result.stdout
    assert "Ryosei Akazawa" in result.stdout and "communities (Louvain)" in result.stdout
    result = kg("analyze", "--store", store, "--path", "Shigeru Ishiba", "Scott Bessent")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("path 1: 4 steps\n  Shigeru Ishiba (person)\n")
    result = kg("analyze", "--store", store, "--export", "gexf", "--out", str(tmp_path / "g.gexf"))
    assert result.returncode == 0 and (tmp_path / "g.gexf").is_file()

    page = tmp_path / "focus.html"
    result = kg(
        "viz", "--store", store, "--focus", "Ryosei Akazawa", "--hops", "1", "--out", str(page)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {page}: ")
    html = page.read_text(encoding="utf-8")
    assert "Ryosei Akazawa" in html and "Donald Trump" not in html  # Trump is 3 hops away
    result = kg("viz", "--store", store, "--query", "who_met_whom", "--out", str(page))
    assert result.returncode == 0, result.stderr
    assert "Scott Bessent" in page.read_text(encoding="utf-8")

    result = kg("viz", "--store", store, "--max-nodes", "5", "--out", str(tmp_path / "no.html"))
    assert result.returncode == 1 and not (tmp_path / "no.html").exists()
    assert result.stderr.count("\n") == 1 and "--top" in result.stderr
    result = kg("analyze", "--store", store, "--path", "Shigeru Ishiba", "Nobody")
    assert result.returncode == 1 and result.stderr.startswith("kg: error: no person")
    result = kg("analyze", "--store", store, "--article", "000_c6673815f6e7e950")
    assert result.returncode == 0 and "from 1 article\n" in result.stdout
    result = kg("viz", "--store", store, "--article", "nope", "--out", str(page))
    assert result.returncode == 1
    assert result.stderr == (
        "kg: error: no article 'nope' in the store (articles: 000_c6673815f6e7e950)\n"
    )


def test_nodes_from_select_and_construct(seed_build, graph: nx.MultiDiGraph) -> None:
    from kg.errors import QueryError
    from kg.graph.network import nodes_from_query

    out, _ = seed_build
    store = open_store(out / "store", read_only=True)
    prefixes = "PREFIX schema: <https://schema.org/> PREFIX kg: <https://example.org/kg/ontology#> "
    select = prefixes + "SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name }"
    assert nodes_from_query(graph, store, select) == {
        ID + "person/" + n
        for n in ("donald-trump", "ryosei-akazawa", "scott-bessent", "shigeru-ishiba")
    }
    construct = prefixes + (
        "CONSTRUCT { ?policy kg:target ?whom } WHERE { ?policy kg:target ?whom ; "
        "kg:imposedBy <https://example.org/kg/id/government/jp> }"
    )
    found = nodes_from_query(graph, store, construct)
    assert {graph.nodes[n]["kind"] for n in found} == {"policy", "government"}
    assert ID + "government/us" in found and ID + "government/jp" not in found
    with pytest.raises(QueryError, match="ASK"):
        nodes_from_query(graph, store, prefixes + "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="syntax"):
        nodes_from_query(graph, store, "SELECT ?s WHERE { ?s ")


def test_same_graph_from_a_remote_sparql_store(
    seed_build,
    graph: nx.MultiDiGraph,
    sparql_url: str,  # the fixture imported above
) -> None:
    """--store URL: the graph read with one CONSTRUCT equals the one read from the files."""
    import pyoxigraph as ox

    from kg.rdf.remote import RemoteStore, write_graph
    from kg.rdf.store import union_triples

    remote = RemoteStore(sparql_url)
    remote.update("DROP ALL")
    local = open_store(seed_build[0] / "store", read_only=True)
    data = ox.serialize(union_triples(local), format=ox.RdfFormat.N_TRIPLES)
    write_graph(remote, "https://example.org/kg/graph/seed", data)
    far = from_store(remote)
    assert sorted(far.nodes) == sorted(graph.nodes)
    assert sorted(far.edges(keys=True)) == sorted(graph.edges(keys=True))
    assert all(far.nodes[n] == graph.nodes[n] for n in graph)
    result = kg("analyze", "--store", sparql_url, "--path", "Shigeru Ishiba", "Scott Bessent")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("path 1: 4 steps\n")


def test_network_analyze_and_viz_do_not_import_spacy() -> None:
    code = (
        "import sys, kg.graph.network, kg.graph.analyze, kg.graph.viz; "
        "assert 'spacy' not in sys.modules, 'spaCy imported by the graph layer'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_network_draws_a_person_merged_across_articles_once_with_inferred_roles_marked():
    import pyoxigraph as ox

    from kg.resolve import resolve_store
    from tests.resolve.stories import JAPAN, add, mention, role

    store = ox.Store()
    add(
        store,
        "a1",
        "2025-05-01",
        [mention("Ryosei Akazawa"), role("Ryosei Akazawa", "Minister", JAPAN)],
    )
    add(store, "a2", "2025-05-02", [mention("Akazawa"), role("Akazawa", "Minister", None)])
    resolve_store(store)
    g = from_store(store)
    people = [d for _, d in g.nodes(data=True) if d["kind"] == "person"]
    assert [(p["label"], p["aliases"]) for p in people] == [("Ryosei Akazawa", ["Akazawa"])]
    roles = sorted(d["label"] for _, _, d in g.edges(data=True) if d.get("relation") == "role")
    assert roles == ["Minister", "Minister (inferred)"]
