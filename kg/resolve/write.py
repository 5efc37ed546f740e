"""The resolved graph as triples, and its atomic replacement in the store.

Everything resolution concludes goes into one named graph (``graph/resolved``) and its copy
in the union, like an article's graph: the packaged queries see it, ``GRAPH <.../resolved>``
shows it apart, and the article graphs are never edited. The graph is replaced with one SPARQL
update request, which Oxigraph (and servers such as Fuseki) run as one transaction: a build
killed at any moment leaves the old conclusions or the new ones, never half of each.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.rdf.graphstore import GraphStore
from kg.rdf.ontology import DCTERMS, ID, KG, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from kg.resolve.events import Event, Series, summary
from kg.resolve.governments import Inferred
from kg.resolve.people import Merge
from kg.resolve.policies import Measure
from kg.resolve.read import Person, Report, resolved_graph


def _n(iri: object) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _date(value: str) -> ox.Literal:
    """A date literal typed by its shape, as the article graphs type it."""
    datatypes = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}
    kind = datatypes.get(len(value)) if "/" not in value else None
    return ox.Literal(value, datatype=_n(kind)) if kind else ox.Literal(value)


class Triples:
    """The triples of the resolved graph, collected in memory (a few per conclusion)."""

    def __init__(self) -> None:
        self.items: set[ox.Triple] = set()

    def add(self, s: object, p: object, o: object) -> None:
        obj = o if isinstance(o, (ox.Literal, ox.NamedNode)) else _n(o)
        self.items.add(ox.Triple(_n(s), _n(p), obj))

    def text(self, s: object, p: object, value: str) -> None:
        self.add(s, p, ox.Literal(value))

    def ntriples(self) -> bytes:
        return ox.serialize(sorted(self.items, key=str), format=ox.RdfFormat.N_TRIPLES) or b""

    # --- conclusions ----------------------------------------------------------------------
    def resolution(
        self, node: str, rule: str, about: str, concludes: str, why: str, sources: Iterable[str]
    ) -> None:
        """The record of one conclusion, for ``kg explain``: rule, subject, object, sources."""
        self.add(node, RDF.type, KG.Resolution)
        self.text(node, KG.rule, rule)
        self.add(node, KG.about, about)
        self.add(node, KG.concludes, concludes)
        self.text(node, RDFS.comment, why)
        for source in sorted(sources):
            self.add(node, PROV.wasDerivedFrom, source)

    def merge(self, merge: Merge, people: Mapping[str, Person]) -> None:
        self.add(merge.member, OWL.sameAs, merge.canonical)
        self.add(merge.member, KG.canonical, merge.canonical)
        if merge.member in people:
            self.text(merge.canonical, SKOS.altLabel, people[merge.member].name)
        node = ID[f"resolution/{_digest('person', merge.member)}"]
        self.resolution(node, merge.rule, merge.member, merge.canonical, merge.why, merge.sources)

    def inferred(self, found: Inferred) -> None:
        node = ID[f"resolution/{_digest('government', found.membership)}"]
        self.add(found.membership, ORG.organization, found.government)
        self.add(found.membership, KG.inferredBy, node)
        for basis in found.basis:
            self.add(node, KG.basedOn, basis)
        why = f"the same person's same role states this government in {len(found.sources)}"
        self.resolution(
            node,
            found.rule,
            found.membership,
            found.government,
            why + (" article" if len(found.sources) == 1 else " articles"),
            found.sources,
        )

    def history(self, node: str, reports: Iterable[Report], dates: Mapping[str, str]) -> None:
        """One status report per article, in publication order."""
        for n, report in enumerate(reports, start=1):
            entry = f"{node}/report/{n}"
            self.add(node, KG.statusReport, entry)
            self.add(entry, RDF.type, KG.StatusReport)
            self.add(entry, KG.report, report.iri)
            self.add(entry, DCTERMS.source, report.article)
            self.add(report.iri, KG.canonical, node)
            if report.status:
                self.text(entry, KG.status, report.status)
            if report.article in dates:
                self.add(entry, KG.asOf, _date(dates[report.article]))
            for key, prop in (("rate", KG.rate), ("start", SDO.startDate), ("end", SDO.endDate)):
                value = report.one(key)
                if value and key == "rate":
                    self.add(entry, prop, ox.Literal(value, datatype=_n(XSD.decimal)))
                elif value:
                    self.add(entry, prop, _date(value))

    def event(self, event: Event, dates: Mapping[str, str]) -> str:
        node = str(ID[f"story/event/{_digest(event.reports[0].iri)}"])
        facts = summary(event, dates)
        self.add(node, RDF.type, SDO.Event)
        self.add(node, RDF.type, KG.Story)
        self.text(node, RDFS.label, facts["name"])
        self.text(node, SDO.name, facts["name"])
        self.text(node, KG.kind, facts["kind"])
        self.text(node, KG.status, facts["status"])
        if "place" in facts:
            self.add(node, SDO.location, facts["place"])
        if facts.get("start"):
            self.add(node, SDO.startDate, _date(facts["start"]))
        for who in sorted(event.attendees):
            self.add(node, SDO.attendee, who)
        self.history(node, event.reports, dates)
        return node

    def series(self, series: Series, labels: Mapping[str, str]) -> None:
        parties = sorted(series.governments)
        node = ID[f"story/series/{_digest(*parties)}"]
        self.add(node, RDF.type, SDO.EventSeries)
        names = ", ".join(sorted(labels.get(p, p.rsplit("/", 1)[-1]) for p in parties))
        self.text(node, RDFS.label, f"rounds of talks: {names}")
        for _ordinal, report in series.rounds:
            self.add(report.iri, SDO.superEvent, node)

    def measure(self, measure: Measure, dates: Mapping[str, str]) -> str:
        first, latest = measure.reports[0], measure.reports[-1]
        node = str(ID[f"story/policy/{_digest(first.iri)}"])
        self.add(node, RDF.type, KG.Policy)
        self.add(node, RDF.type, KG.Story)
        self.text(node, RDFS.label, latest.label or first.label)
        self.text(node, KG.kind, first.kind)
        self.text(node, KG.status, latest.status)
        for key, prop in (("imposer", KG.imposedBy), ("target", KG.target)):
            for value in sorted(first.values.get(key, ())):
                self.add(node, prop, value)
        self.history(node, measure.reports, dates)
        return node


def replace_resolved(store: GraphStore, ntriples: bytes) -> None:
    """Swap the resolved graph and its share of the union in one update request."""
    g = f"<{resolved_graph()}>"
    triples = ntriples.decode("utf-8")
    store.update(
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER (?h != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{\n{triples}}}\n{triples}}}"
    )


def stored_key(store: GraphStore) -> str | None:
    """The resolution key the store's resolved graph was computed for, if any."""
    g = f"<{resolved_graph()}>"
    rows = list(store.query(f"SELECT ?k WHERE {{ GRAPH {g} {{ {g} <{KG.resolutionKey}> ?k }} }}"))
    return str(rows[0]["k"].value) if rows else None
