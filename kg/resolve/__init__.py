"""Corpus-level resolution: one story across many articles.

Each article's graph says what that article says. After every build, this pass reads the
stated facts of the whole store and writes what follows from reading them together into
one named graph of its own (``graph/resolved``):

* people: the same person under several IRIs ("Akazawa", "Ryosei Akazawa") are merged with
  ``owl:sameAs`` and ``kg:canonical`` (:mod:`kg.resolve.people`);
* governments: a role stated without one takes the government the same person's same role
  has elsewhere, marked with ``kg:inferredBy`` (:mod:`kg.resolve.governments`);
* events: one meeting reported by several articles becomes one story event with every
  report and a dated status history; numbered rounds form a series (:mod:`kg.resolve.events`);
* policies: one measure reported by several articles, with its history of states and rates
  (:mod:`kg.resolve.policies`).

Every conclusion has a ``kg:Resolution`` record (rule, what it is about, what it concludes,
the articles it rests on) that ``kg explain`` prints. The pass is deterministic (the same
store gives the same graph whatever order its articles were built in), skipped when nothing
it depends on changed, and replaces the graph in one transaction.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.rdf.graphstore import GraphStore
from kg.rdf.ontology import KG
from kg.resolve import read
from kg.resolve.events import resolve_events, resolve_series
from kg.resolve.governments import infer_governments
from kg.resolve.people import canonical_map, resolve_people
from kg.resolve.policies import resolve_policies
from kg.resolve.read import resolved_graph
from kg.resolve.write import Triples, replace_resolved, stored_key

__all__ = ["ResolveReport", "resolve_store", "resolved_graph"]

log = logging.getLogger(__name__)

# Bumped whenever a rule changes what it concludes, so stores resolve again.
RULES_VERSION = "2"


@dataclass
class ResolveReport:
    """What one resolution pass concluded (all zero when it was skipped as up to date)."""

    skipped: bool = False
    merged_people: int = 0
    inferred_governments: int = 0
    events: int = 0
    event_reports: int = 0
    series: int = 0
    policies: int = 0
    policy_reports: int = 0
    triples: int = 0
    by_rule: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        if self.skipped:
            return "resolution up to date"
        return (
            f"resolved: {self.merged_people} people merged, {self.inferred_governments} "
            f"governments inferred, {self.events} events from {self.event_reports} reports, "
            f"{self.series} series, {self.policies} policies from {self.policy_reports} reports"
        )


def _rules_digest() -> bytes:
    """The code of the rules (this package's modules), so a new rule redoes old stores."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(RULES_VERSION.encode())
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def resolution_key(store: GraphStore) -> str:
    """A digest of every article's content hash and build key, and of the rules."""
    digest = hashlib.sha256(_rules_digest())
    for key in read.article_keys(store):
        digest.update(key.encode("utf-8") + b"\n")
    return digest.hexdigest()


def resolve_store(store: GraphStore, *, force: bool = False) -> ResolveReport:
    """Resolve the whole store (a pyoxigraph Store or a RemoteStore) into graph/resolved."""
    from kg.rdf.base import current_base, stored_base, using_base

    key = resolution_key(store)
    with using_base(stored_base(store) or current_base()):  # conclusions under the store's base
        if not force and stored_key(store) == key:
            return ResolveReport(skipped=True)
        triples, report = conclude(store)
        triples.text(resolved_graph(), KG.resolutionKey, key)
        data = triples.ntriples()
        replace_resolved(store, data)
    report.triples = len(triples.items)
    log.info("%s", report.line())
    return report


def conclude(store: GraphStore) -> tuple[Triples, ResolveReport]:
    """Read the stated facts and draw every conclusion; nothing is written."""
    dates = read.article_dates(store)
    people = read.people(store)
    memberships = read.memberships(store)
    merges = resolve_people(people, memberships)
    canonical = canonical_map(merges)
    inferred = infer_governments(memberships, canonical)
    served: dict[str, set[str]] = defaultdict(set)
    for m in memberships:
        if m.government:
            served[canonical.get(m.person, m.person)].add(m.government)
    person_governments = {p: frozenset(g) for p, g in served.items()}
    meetings = read.meetings(store)
    events = resolve_events(meetings, canonical, person_governments, dates)
    series = resolve_series(meetings, canonical, person_governments, dates)
    measures = resolve_policies(read.policies(store), dates)

    out = Triples()
    by_iri = {p.iri: p for p in people}
    report = ResolveReport()
    for merge in merges:
        out.merge(merge, by_iri)
        report.by_rule[merge.rule] = report.by_rule.get(merge.rule, 0) + 1
    for found in inferred:
        out.inferred(found)
        report.by_rule[found.rule] = report.by_rule.get(found.rule, 0) + 1
    for event in events:
        out.event(event, dates)
    labels = government_labels(store)
    for one in series:
        out.series(one, labels)
    for measure in measures:
        out.measure(measure, dates)
    report.merged_people = len(merges)
    report.inferred_governments = len(inferred)
    report.events = len(events)
    report.event_reports = sum(len(e.reports) for e in events)
    report.series = len(series)
    report.policies = len(measures)
    report.policy_reports = sum(len(m.reports) for m in measures)
    return out, report


def government_labels(store: GraphStore) -> dict[str, str]:
    """Government IRI -> its country's name ("United States")."""
    rows = store.query(
        f"SELECT DISTINCT ?g ?name WHERE {{ ?g <{KG.governs}> ?c ."
        " ?c <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    )
    return {str(r["g"].value): str(r["name"].value) for r in rows}
