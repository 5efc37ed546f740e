"""What resolution reads from the store: stated facts only, as plain records.

Every query reads the article graphs (``GRAPH ?g``) and leaves out the resolved graph, so a
conclusion of an earlier pass is never read back as if an article had stated it. Rows come
back sorted, so everything built from them is the same whatever order the articles were
built in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.rdf.graphstore import GraphStore
from kg.rdf.ontology import GRAPH


def resolved_graph() -> str:
    """The named graph resolution writes, under the base of the store being resolved."""
    return str(GRAPH["resolved"])


PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://example.org/kg/ontology#>
"""


def _in_articles() -> str:
    return f"FILTER (?g NOT IN (<{resolved_graph()}>, <{GRAPH['ontology']}>))"


@dataclass(frozen=True)
class Person:
    iri: str
    name: str
    articles: frozenset[str]


@dataclass(frozen=True)
class Membership:
    iri: str
    person: str
    role: str  # the org:Role IRI (the normalised office)
    title: str
    article: str
    government: str | None  # the government IRI, when the article states it


@dataclass
class Report:
    """One fact as one article reports it (a meeting or a policy), with its properties."""

    iri: str
    article: str
    kind: str
    status: str
    label: str
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def one(self, key: str) -> str | None:
        found = sorted(self.values.get(key, ()))
        return found[0] if found else None


def _value(term: Any) -> str | None:
    return None if term is None else str(term.value)


def _rows(store: GraphStore, sparql: str) -> list[dict[str, str | None]]:
    result = store.query(PREFIXES + sparql)
    names = [v.value for v in result.variables]
    return [{name: _value(row[name]) for name in names} for row in result]


def article_dates(store: GraphStore) -> dict[str, str]:
    """Article IRI -> publication date (ISO), for the articles that have one."""
    rows = _rows(
        store,
        f"SELECT ?a ?d WHERE {{ GRAPH ?g {{ ?a a schema:NewsArticle ; schema:datePublished ?d }}"
        f" {_in_articles()} }}",
    )
    return {r["a"]: r["d"] for r in rows if r["a"] and r["d"]}


def article_keys(store: GraphStore) -> list[str]:
    """'graph|hash|build key' of every article: what the resolution depends on."""
    rows = _rows(
        store,
        "SELECT ?g ?h ?k WHERE { GRAPH ?g { ?a kg:contentHash ?h OPTIONAL { ?a kg:buildKey ?k } }"
        f" {_in_articles()} }}",
    )
    return sorted(f"{r['g']}|{r['h']}|{r['k'] or ''}" for r in rows)


def people(store: GraphStore) -> list[Person]:
    rows = _rows(
        store,
        "SELECT ?p ?name ?a WHERE { GRAPH ?g { ?p a schema:Person ; schema:name ?name ."
        f" OPTIONAL {{ ?p schema:subjectOf ?a }} }} {_in_articles()} }}",
    )
    names: dict[str, str] = {}
    seen: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        iri, name = r["p"], r["name"]
        if not iri or not name:
            continue
        names.setdefault(iri, name)
        if r["a"]:
            seen[iri].add(r["a"])
    return [Person(iri, names[iri], frozenset(seen[iri])) for iri in sorted(names)]


def memberships(store: GraphStore) -> list[Membership]:
    rows = _rows(
        store,
        "SELECT ?m ?p ?role ?title ?a ?gov WHERE { GRAPH ?g {"
        " ?m a org:Membership ; org:member ?p ; org:role ?role ; dcterms:source ?a ."
        " OPTIONAL { ?m kg:roleTitle ?title } OPTIONAL { ?m org:organization ?gov } }"
        f" {_in_articles()} }}",
    )
    return sorted(
        {
            Membership(r["m"], r["p"], r["role"], r["title"] or "", r["a"], r["gov"])
            for r in rows
            if r["m"] and r["p"] and r["role"] and r["a"]
        },
        key=lambda m: (m.iri, m.government or ""),
    )


def _reports(rows: Iterable[dict[str, str | None]], fields: dict[str, str]) -> list[Report]:
    """Fold one row per (fact, property value) into one Report per fact."""
    by_iri: dict[str, Report] = {}
    for r in rows:
        iri = r["e"]
        if not iri or not r["a"]:
            continue
        report = by_iri.get(iri)
        if report is None:
            report = by_iri[iri] = Report(
                iri, r["a"], r["kind"] or "", r["status"] or "", r["label"] or ""
            )
        for column, key in fields.items():
            if r.get(column):
                report.values[key].add(r[column])  # type: ignore[arg-type]
    return [by_iri[i] for i in sorted(by_iri)]


def meetings(store: GraphStore) -> list[Report]:
    rows = _rows(
        store,
        "SELECT ?e ?a ?kind ?status ?label ?who ?place ?start ?early ?late ?ord WHERE {"
        " GRAPH ?g { ?e a schema:Event ; dcterms:source ?a ."
        " OPTIONAL { ?e kg:kind ?kind } OPTIONAL { ?e kg:status ?status }"
        " OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e schema:attendee ?who }"
        " OPTIONAL { ?e schema:location ?place } OPTIONAL { ?e schema:startDate ?start }"
        " OPTIONAL { ?e kg:earliest ?early } OPTIONAL { ?e kg:latest ?late }"
        f" OPTIONAL {{ ?e kg:ordinal ?ord }} }} {_in_articles()} }}",
    )
    fields = {
        "who": "attendee",
        "place": "place",
        "start": "start",
        "early": "earliest",
        "late": "latest",
        "ord": "ordinal",
    }
    return _reports(rows, fields)


def policies(store: GraphStore) -> list[Report]:
    rows = _rows(
        store,
        "SELECT ?e ?a ?kind ?status ?label ?by ?target ?goods ?rate ?unit ?start ?end WHERE {"
        " GRAPH ?g { ?e a kg:Policy ; dcterms:source ?a ."
        " OPTIONAL { ?e kg:kind ?kind } OPTIONAL { ?e kg:status ?status }"
        " OPTIONAL { ?e rdfs:label ?label } OPTIONAL { ?e kg:imposedBy ?by }"
        " OPTIONAL { ?e kg:target ?target } OPTIONAL { ?e kg:goods ?goods }"
        " OPTIONAL { ?e kg:rate ?rate } OPTIONAL { ?e kg:unit ?unit }"
        " OPTIONAL { ?e schema:startDate ?start } OPTIONAL { ?e schema:endDate ?end } }"
        f" {_in_articles()} }}",
    )
    fields = {
        "by": "imposer",
        "target": "target",
        "goods": "goods",
        "rate": "rate",
        "unit": "unit",
        "start": "start",
        "end": "end",
    }
    return _reports(rows, fields)
