"""RDF mapping: a hand-written golden graph, determinism, evidence offsets, clean IRIs."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import get_args

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.facts import (
    COUNTRY,
    PERSON,
    EntityRef,
    Evidence,
    Meeting,
    MeetingStatus,
    OfficialRole,
    PolicyKind,
    PolicyStatus,
    Span,
)
from kg.ingest import Article
from kg.rdf.mapping import POLICY_CLASSES, article_graph
from kg.rdf.ontology import KG, NIF, OWL, RDF, RDFS, SDO
from tests.paths import DATA

GOLDEN = DATA / "golden_official.ttl"
ONTOLOGY = str(files("kg") / "data" / "ontology.ttl")
FACT_KINDS = ("/membership/", "/event/", "/policy/", "/statement/")


def _blank_facts(graph: Graph) -> Graph:
    """Hashed fact IRIs -> blank nodes, so the golden file states structure, not digests."""
    names: dict[URIRef, BNode] = {}

    def swap(term):
        if isinstance(term, URIRef) and any(k in str(term) for k in FACT_KINDS):
            return names.setdefault(term, BNode())
        return term

    out = Graph()
    for s, p, o in graph:
        if p == KG.contentHash:
            continue
        out.add((swap(s), p, swap(o)))
    return out


def test_mapping_official_matches_hand_written_golden_graph():
    text = "Prime Minister Shigeru Ishiba spoke."
    article = Article(
        id="a1",
        text=text,
        title=None,
        published=dt.date(2025, 5, 29),
        source=None,
        url=None,
        path=None,
    )
    sentence = Span(0, 36, text)
    fact = OfficialRole(
        person=EntityRef(PERSON, "Shigeru Ishiba", "Shigeru Ishiba"),
        title="Prime Minister",
        office="Prime Minister",
        role_class="head_of_government",
        government=EntityRef(COUNTRY, "JP", "Japan"),
        formal=True,
        qualifier="",
        evidence=Evidence(sentence, Span(0, 29, text[:29])),
    )
    got = _blank_facts(article_graph(article, [fact]))
    expected = Graph().parse(GOLDEN)
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(
            f"only in mapping:\n{only_got.serialize(format='nt')}\n"
            f"only in golden:\n{only_expected.serialize(format='nt')}"
        )


def test_mapping_is_deterministic(seed_article, seed_facts):
    first = article_graph(seed_article, seed_facts)
    second = article_graph(seed_article, list(seed_facts))
    assert len(first) == len(second) > 300
    assert isomorphic(first, second)
    assert set(first) == set(second)  # same IRIs, not just the same shape


def test_mapping_evidence_offsets_index_the_article_text(seed_article, seed_facts):
    graph = article_graph(seed_article, seed_facts)
    evidence = list(graph.subjects(NIF.anchorOf, None))
    assert len(evidence) >= 10
    for node in evidence:
        start = int(graph.value(node, NIF.beginIndex))
        end = int(graph.value(node, NIF.endIndex))
        assert seed_article.text[start:end] == str(graph.value(node, NIF.anchorOf))


def test_mapping_every_fact_node_has_evidence(seed_article, seed_facts):
    graph = article_graph(seed_article, seed_facts)
    for cls in (SDO.Event, KG.Policy, KG.Statement):
        for node in graph.subjects(None, cls):
            assert graph.value(node, KG.evidence) is not None, node


def test_mapping_output_reparses_in_rdflib_and_oxigraph(seed_article, seed_facts):
    graph = article_graph(seed_article, seed_facts)
    turtle = graph.serialize(format="turtle")
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)
    store = ox.Store()
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_mapping_hostile_text_stays_a_literal():
    text = '"><img src=x onerror=alert(1)> said <script>alert(1)</script>'
    article = Article(
        id="x y/../z",
        text=text,
        title="<b>t</b>",
        published=None,
        source=None,
        url="javascript:alert(1)",
        path=None,
    )
    graph = article_graph(article, [])
    assert (None, SDO.articleBody, Literal(text)) in graph
    assert all("<" not in str(s) and " " not in str(s) for s in graph.subjects())
    assert isomorphic(Graph().parse(data=graph.serialize(format="turtle"), format="turtle"), graph)


def test_mapping_every_project_term_is_defined_and_aligned():
    from rdflib.namespace import OWL, RDFS, SKOS

    from kg.rdf.mapping import ontology_graph

    onto = ontology_graph()
    terms = [getattr(KG, name) for name in KG.__annotations__]
    assert len(terms) > 30
    for term in terms:
        assert (term, RDFS.label, None) in onto, f"{term} has no definition in ontology.ttl"
    classes = [t for t in terms if (t, None, OWL.Class) in onto]
    assert classes and all((c, RDFS.subClassOf, None) in onto for c in classes)
    aligned = [
        t
        for t in terms
        if (t, RDFS.subPropertyOf, None) in onto
        or (t, SKOS.closeMatch, None) in onto
        or (t, RDFS.subClassOf, None) in onto
    ]
    assert len(aligned) >= len(terms) // 2


def test_mapping_regional_government_is_an_administrative_area_of_its_country():
    from kg.query import resolve_query, run_query
    from kg.rdf.ontology import ORG, RDF, RDFS
    from kg.rdf.store import replace_graph

    text = "Bavarian Premier Markus Lang spoke."
    article = Article(id="r1", text=text)
    fact = OfficialRole(
        person=EntityRef(PERSON, "Markus Lang", "Markus Lang"),
        title="Premier",
        office="Premier",
        role_class="head_of_government",
        government=EntityRef(COUNTRY, "DE-BY", "Bavaria"),
        formal=True,
        qualifier="",
        evidence=Evidence(Span(0, len(text), text), Span(0, 28, text[:28])),
    )
    graph = article_graph(article, [fact])
    region = URIRef("https://example.org/kg/id/region/de-by")
    germany = URIRef("https://example.org/kg/id/country/de")
    assert (region, RDF.type, SDO.AdministrativeArea) in graph
    assert (region, RDF.type, SDO.Country) not in graph
    assert (region, SDO.containedInPlace, germany) in graph
    assert (germany, RDF.type, SDO.Country) in graph
    assert (region, RDFS.label, Literal("Bavaria")) in graph
    government = URIRef("https://example.org/kg/id/government/de-by")
    assert (government, KG.governs, region) in graph
    assert (None, ORG.organization, government) in graph
    # the officials query names the region as the government served
    store = ox.Store()
    replace_graph(store, graph)
    rows = run_query(store, resolve_query("officials"), {}, "csv")
    assert "Markus Lang,Premier,Bavaria" in rows.replace("\r", "")


def _policy(text, kind, label, **fields):
    """A policy fact whose evidence is the whole (one-sentence) text."""
    from kg.facts import Policy

    values = dict(
        kind=kind,
        label=label,
        actor=None,
        target=None,
        goods=(),
        rate=None,
        unit=None,
        start=None,
        end=None,
        status="in force",
        about=None,
        evidence=Evidence(Span(0, len(text), text), Span(0, len(text), text)),
    )
    values.update(fields)
    return Policy(**values)


def test_mapping_rate_change_amount_and_bloc():
    from kg.facts import GOVERNMENT
    from kg.query import resolve_query, run_query
    from kg.rdf.ontology import RDF, RDFS
    from kg.rdf.store import replace_graph

    text = "The EU cut its duties on Peruvian wine from 25 percent to 15 percent."
    article = Article(id="p1", text=text)
    eu = EntityRef(GOVERNMENT, "EU", "European Union")
    peru = EntityRef(COUNTRY, "PE", "Peru")
    old = _policy(
        text,
        "tariff",
        "duties at 25 percent",
        actor=eu,
        target=peru,
        rate=25.0,
        unit="percent",
        status="superseded",
    )
    new = _policy(
        text,
        "tariff",
        "duties at 15 percent",
        actor=eu,
        target=peru,
        rate=15.0,
        unit="percent",
        replaces="duties at 25 percent",
    )
    pledge = _policy(
        text,
        "investment",
        "$2 billion investment",
        actor=EntityRef(GOVERNMENT, "PE", "Peru"),
        target=eu,
        amount=2e9,
        currency="USD",
        status="pledged",
    )
    graph = article_graph(article, [old, new, pledge])
    nodes = {str(graph.value(n, RDFS.label)): n for n in graph.subjects(RDF.type, KG.Policy)}
    assert (nodes["duties at 15 percent"], KG.replaces, nodes["duties at 25 percent"]) in graph
    assert (nodes["duties at 25 percent"], KG.replaces, None) not in graph
    investment = nodes["$2 billion investment"]
    assert (investment, RDF.type, KG.InvestmentPledge) in graph
    assert graph.value(investment, KG.amount).toPython() == 2e9  # kg:amount, not kg:rate
    assert (investment, KG.rate, None) not in graph
    assert str(graph.value(investment, KG.currency)) == "USD"
    # the bloc is an organisation governed by its own government node, not a country
    bloc = URIRef("https://example.org/kg/id/country/eu")
    assert (bloc, RDF.type, SDO.Organization) in graph and (
        bloc,
        RDF.type,
        SDO.Country,
    ) not in graph
    store = ox.Store()
    replace_graph(store, graph)
    rows = run_query(store, resolve_query("policies"), {}, "csv").replace("\r", "")
    assert ",investment,Peru,European Union,,,,,pledged,2000000000,USD,\n" in rows
    old_iri = str(nodes["duties at 25 percent"])
    assert f",tariff,European Union,Peru,,15,,,in force,,,{old_iri}\n" in rows


def test_mapping_event_beside_another_links_to_it_by_key():
    text = "Ms Kowalska met Mr Ortiz on the sidelines of the Lisbon summit. Another summit came."
    article = Article(
        id="a2", text=text, title=None, published=None, source=None, url=None, path=None
    )
    evidence = Evidence(Span(0, 63, text[:63]), Span(0, 9, text[:9]))
    summit = Meeting("Lisbon summit", "summit", (), None, None, "held", None, None, evidence,
                     key="summit@49")  # fmt: skip
    other = Meeting("summit", "summit", (), None, None, "held", None, None, evidence,
                    key="summit@72")  # fmt: skip
    people = (EntityRef(PERSON, "Anna Kowalska", "Anna Kowalska"),)
    meeting = Meeting("meeting of Kowalska", "meeting", people, None, None, "held", None,
                      "summit@49", evidence, key="meeting@3")  # fmt: skip
    graph = article_graph(article, [summit, other, meeting])
    name = {str(graph.value(s, SDO.name)): s for s in graph.subjects(SDO.name, None)}
    assert list(graph.objects(name["meeting of Kowalska"], SDO.superEvent)) == [
        name["Lisbon summit"]
    ]
    assert list(graph.subject_objects(KG.appliesToLabel)) == []  # no label matched later


def test_every_policy_kind_has_its_own_class_in_the_ontology():
    kinds = set(get_args(PolicyKind))
    assert set(POLICY_CLASSES) == kinds
    ontology = Graph().parse(ONTOLOGY)
    declared = set(ontology.subjects(RDF.type, OWL.Class))
    assert {c for c in POLICY_CLASSES.values() if c not in declared} == set()


def test_the_ontology_lists_the_statuses_facts_can_have():
    ontology = Graph().parse(ONTOLOGY)
    comment = str(ontology.value(KG.status, RDFS.comment))
    listed = {s.strip() for s in comment.rstrip(".").replace(";", ",").split(",")}
    assert listed == set(get_args(MeetingStatus)) | set(get_args(PolicyStatus))
