"""The RDF graph as a networkx graph of entities and facts, read straight from the store.

One node per person, government, country, place, group of sources, meeting, policy, quote
and article; one edge per relation between them (a role title from a person to a
government, an attendee of a meeting, who imposes a policy, who said a quote, the article
a fact comes from). Nodes and edges carry what a reader needs: label, aliases, facts and
the evidence sentences with their article and date.

The graph is read from a pyoxigraph store with one ``quads_for_pattern`` scan per
predicate, which stays fast at a million triples (no rdflib round trip). An rdflib graph is
first loaded into an in-memory store, so both paths share one mapping. Neither this module
nor :mod:`kg.graph.analyze` imports spaCy.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import ConjunctiveGraph, Graph, Namespace
from rdflib import namespace as _ns

from kg.errors import InputError, QueryError
from kg.rdf import ontology as _ontology
from kg.rdf.graphstore import GraphStore

ID = _ontology.ID


class _Terms:
    """A namespace's IRIs as plain strings, each looked up in rdflib once: rdflib's own
    attribute lookup is slow enough to show in a million-triple scan."""

    def __init__(self, namespace: Namespace | type) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS = (
    _Terms(n) for n in (_ns.DCTERMS, _ns.ORG, _ns.PROV, _ns.RDF, _ns.RDFS, _ns.SDO, _ns.SKOS)
)
KG, NIF = _Terms(_ontology.KG), _Terms(_ontology.NIF)

__all__ = [
    "ARTICLE",
    "KINDS",
    "entity_view",
    "find_node",
    "from_rdflib",
    "from_store",
    "induced",
    "neighbourhood",
    "nodes_from_query",
    "nodes_in_results",
    "nodes_of_article",
    "short_iri",
]

ARTICLE = "article"
# Node kinds, in legend order.
KINDS = (
    "person",
    "government",
    "country",
    "place",
    "group",
    "meeting",
    "policy",
    "quote",
    "article",
    "other",
)
_POLICY_CLASSES = tuple(
    str(c)
    for c in (
        KG.Policy,
        KG.TariffMeasure,
        KG.Sanction,
        KG.Pause,
        KG.Agreement,
        KG.Pledge,
        KG.Request,
        KG.Proposal,
        KG.Exemption,
        KG.ExportControl,
        KG.Ceasefire,
        KG.InvestmentPledge,
        KG.PurchaseCommitment,
    )
)
# Checked in this order, so a node typed both schema:Country and schema:Place is a country.
_TYPE_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("quote", frozenset({str(KG.Statement)})),
    ("meeting", frozenset({str(SDO.Event)})),
    ("policy", frozenset(_POLICY_CLASSES)),
    (ARTICLE, frozenset({str(SDO.NewsArticle), str(SDO.Article)})),
    (
        "government",
        frozenset(
            str(c)
            for c in (
                SDO.GovernmentOrganization,
                ORG.FormalOrganization,
                ORG.Organization,
                SDO.Organization,
            )
        ),
    ),
    ("person", frozenset({str(SDO.Person)})),
    ("country", frozenset({str(SDO.Country)})),
    ("place", frozenset({str(SDO.Place)})),
    ("group", frozenset({str(PROV.Agent)})),
)
_FACT_KINDS = ("meeting", "policy", "quote")
_LABELS = (str(RDFS.label), str(SDO.name), str(SKOS.prefLabel))
_MAX_EVIDENCE = 8  # evidence sentences kept per node or edge

# The predicates the mapping reads; nothing else (article bodies, hashes) leaves the store.
_PREDICATES = [
    str(p)
    for p in (
        RDF.type,
        RDFS.label,
        RDFS.subClassOf,
        SDO.name,
        SKOS.prefLabel,
        SKOS.altLabel,
        SDO.headline,
        SDO.identifier,
        SDO.datePublished,
        SDO.text,
        SDO.startDate,
        SDO.attendee,
        SDO.location,
        SDO.superEvent,
        SDO.subjectOf,
        SDO.mentions,
        KG.cue,
        KG.status,
        KG.dateText,
        KG.rate,
        KG.unit,
        KG.goods,
        KG.roleTitle,
        KG.roleClass,
        KG.qualifier,
        KG.governs,
        KG.imposedBy,
        KG.target,
        KG.appliesTo,
        KG.evidence,
        KG.inferredBy,
        ORG.member,
        ORG.organization,
        ORG.heldBy,
        PROV.wasAttributedTo,
        DCTERMS.source,
        NIF.anchorOf,
        NIF.beginIndex,
        NIF.referenceContext,
    )
]


class _Index:
    """subject -> predicate -> objects, for the predicates the mapping reads; IRIs and
    literals kept apart so lookups need no type checks."""

    def __init__(self, store: GraphStore) -> None:
        self.ref: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.lit: dict[str, dict[str, list[ox.Literal]]] = defaultdict(lambda: defaultdict(list))
        self.by_type: dict[str, list[str]] = defaultdict(list)
        rdf_type = RDF.type
        # a person merged across articles (kg.resolve) is drawn once, as its canonical node
        same = _canonical_people(store)
        for triple in _scan(store):
            s, pred, obj = _key(triple.subject), triple.predicate.value, triple.object
            if isinstance(obj, ox.Literal):
                if s in same and pred in _PERSON_NAMES:  # its name is an alias of the canonical
                    s, pred = same[s], _ALIAS
                self.lit[s][pred].append(obj)
            elif not isinstance(obj, ox.Triple):
                o = _key(obj)
                if s in same or o in same:
                    s, o = same.get(s, s), same.get(o, o)
                    if o in self.ref[s][pred]:
                        continue
                self.ref[s][pred].append(o)
                if pred == rdf_type:
                    self.by_type[o].append(s)

    def refs(self, s: str, pred: str) -> list[str]:
        """The IRIs and blank nodes of ``s pred ?o``."""
        props = self.ref.get(s)
        return props.get(pred, []) if props else []

    def texts(self, s: str, *preds: str) -> list[str]:
        """Literal values, English/untagged first, then alphabetical; the first predicate
        that has any wins."""
        props = self.lit.get(s)
        if not props:
            return []
        for pred in preds:
            values = props.get(pred)
            if values:
                if len(values) > 1:
                    values = sorted(values, key=lambda o: (o.language not in (None, "en"), o.value))
                out = [_clean(o.value) for o in values]
                return [v for v in out if v]
        return []

    def text(self, s: str, *preds: str) -> str | None:
        values = self.texts(s, *preds)
        return values[0] if values else None


_PERSON_NAMES = frozenset({str(RDFS.label), str(SDO.name)})
_ALIAS = str(SKOS.altLabel)
_PERSON_PREFIX = str(ID) + "person/"


def _canonical_people(store: GraphStore) -> dict[str, str]:
    """Person IRI -> the IRI resolution merged it into (kg:canonical), for persons only."""
    try:
        rows = store.query(
            f"SELECT ?m ?c WHERE {{ ?m <{KG.canonical}> ?c "
            f'FILTER (STRSTARTS(STR(?c), "{_PERSON_PREFIX}")) }}'
        )
        return {_key(row["m"]): _key(row["c"]) for row in rows}
    except (OSError, ValueError, SyntaxError) as exc:
        raise QueryError(f"cannot read the graph from {store!r}: {exc}") from exc


def _scan(store: GraphStore) -> Iterator[ox.Quad | ox.Triple]:
    """The default graph's triples with the predicates the mapping reads: one index scan
    per predicate in a local store, one CONSTRUCT from a remote SPARQL server."""
    if isinstance(store, ox.Store):
        for pred in _PREDICATES:
            yield from store.quads_for_pattern(None, ox.NamedNode(pred), None, ox.DefaultGraph())
        return
    listed = ", ".join(f"<{p}>" for p in _PREDICATES)
    try:
        yield from store.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o FILTER(?p IN ({listed})) }}"
        )
    except (OSError, ValueError, SyntaxError) as exc:
        raise QueryError(f"cannot read the graph from {store!r}: {exc}") from exc


def _key(term: object) -> str:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def _clean(text: str) -> str:
    return " ".join(text.split())


def _local_name(iri: str) -> str:
    text = iri.rstrip("/#")
    return re.split(r"[/#:]", text)[-1] or text


def _type_name(iri: str) -> str:
    """``kg:TariffMeasure`` -> ``Tariff measure``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", _local_name(iri)).split()
    return " ".join([words[0]] + [w.lower() for w in words[1:]]) if words else iri


def short_iri(iri: str) -> str:
    """The project's IRIs without their common prefix (``person/shigeru-ishiba``)."""
    base = str(ID)
    return iri[len(base) :] if iri.startswith(base) and len(iri) > len(base) else iri


@dataclass
class _Mapper:
    ix: _Index
    g: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)

    def run(self) -> nx.MultiDiGraph:
        policy_types = self._policy_types()
        kinds: dict[str, str] = {}
        for kind, types in _TYPE_KINDS:
            known = policy_types if kind == "policy" else types
            for t in known:
                for s in self.ix.by_type.get(t, ()):
                    kinds.setdefault(s, kind)
        # articles first: other nodes refer to them by id, label and date
        articles = {s: self._article(s) for s, k in kinds.items() if k == ARTICLE}
        self.g.graph["articles"] = articles
        for s in sorted(kinds):
            self._node(s, kinds[s])
        self._edges()
        self._article_membership()
        return self.g

    def _policy_types(self) -> set[str]:
        """The policy classes, plus any subclass of them the graph itself declares."""
        types = set(_POLICY_CLASSES)
        children: dict[str, list[str]] = defaultdict(list)
        for s, props in self.ix.ref.items():
            for parent in props.get(RDFS.subClassOf, ()):
                children[parent].append(s)
        todo = list(types)
        while todo:
            for child in children.get(todo.pop(), ()):
                if child not in types:
                    types.add(child)
                    todo.append(child)
        return types

    def _article(self, s: str) -> dict[str, str]:
        ix = self.ix
        return {
            "id": ix.text(s, SDO.identifier) or short_iri(s),
            "title": ix.text(s, SDO.headline, *_LABELS) or short_iri(s),
            "date": ix.text(s, SDO.datePublished) or "",
        }

    # nodes --------------------------------------------------------------------------------
    def _node(self, s: str, kind: str) -> None:
        ix = self.ix
        label, facts = self._label_and_facts(s, kind)
        aliases = [a for a in dict.fromkeys(ix.texts(s, SKOS.altLabel)) if a != label]
        if kind == "policy":
            facts += self._policy_facts(s)
        if kind in _FACT_KINDS:
            facts += self._status_and_date(s)
        self.g.add_node(
            s,
            kind=kind,
            label=label,
            aliases=aliases,
            facts=facts,
            evidence=self._evidence(ix.refs(s, KG.evidence)),
            articles=set(),
        )

    def _label_and_facts(self, s: str, kind: str) -> tuple[str, list[str]]:
        """A node's label, and the first of its fact lines (a quote's verb, an article's id
        and date)."""
        ix = self.ix
        facts: list[str] = []
        if kind == "quote":
            quote = ix.text(s, SDO.text, RDFS.label) or _local_name(s)
            cue = ix.text(s, KG.cue)
            if cue:
                facts.append(f"Verb: {cue}")
            return f"\u201c{quote}\u201d", facts
        if kind == ARTICLE:
            article = self.g.graph["articles"][s]
            facts.append(f"Article id: {article['id']}")
            if article["date"]:
                facts.append(f"Published: {article['date']}")
            return article["title"], facts
        return ix.text(s, *_LABELS) or _local_name(s), facts

    def _policy_facts(self, s: str) -> list[str]:
        """A policy's specific kinds, rate and goods."""
        ix = self.ix
        facts: list[str] = []
        specific = sorted(
            _type_name(t) for t in ix.refs(s, RDF.type) if t != KG.Policy and t.startswith(KG._NS)
        )
        if specific:
            facts.append("Kind: " + ", ".join(specific))
        rate = ix.text(s, KG.rate)
        if rate:
            unit = ix.text(s, KG.unit)
            facts.append(f"Rate: {rate}" + (f" {unit}" if unit else ""))
        goods = ix.texts(s, KG.goods)
        if goods:
            facts.append("Goods: " + "; ".join(goods))
        return facts

    def _status_and_date(self, s: str) -> list[str]:
        """A fact's status and date (the normalised date, and the words if they differ)."""
        ix = self.ix
        facts: list[str] = []
        status = ix.text(s, KG.status)
        if status:
            facts.append(f"Status: {status}")
        date = ix.text(s, SDO.startDate)
        written = ix.text(s, KG.dateText)
        if date or written:
            both = f"{date} ({written})" if date and written and date != written else None
            facts.append(f"Date: {both or date or written}")
        return facts

    def _ensure(self, s: str) -> bool:
        """Add an untyped IRI met as an object as an "other" node."""
        if s in self.g:
            return True
        if not s:
            return False
        label = self.ix.text(s, *_LABELS) or (_local_name(s) if "://" in s else "(blank node)")
        self.g.add_node(
            s, kind="other", label=label, aliases=[], facts=[], evidence=[], articles=set()
        )
        return True

    def _evidence(self, refs: Iterable[str]) -> list[dict[str, str]]:
        """Evidence sentences with their article's title and date, in article order."""
        if not refs:
            return []
        ix, articles = self.ix, self.g.graph["articles"]
        items = []
        for ev in set(refs):
            text = ix.text(ev, NIF.anchorOf, RDFS.label)
            if not text:
                continue
            article = (ix.refs(ev, NIF.referenceContext) or [""])[0]
            begin = ix.text(ev, NIF.beginIndex)
            offset = int(begin) if begin and begin.isdigit() else 0
            meta = articles.get(article, {})
            items.append(
                (
                    meta.get("date", ""),
                    article,
                    offset,
                    {
                        "text": text,
                        "article": meta.get("title", short_iri(article) if article else ""),
                        "articleId": meta.get("id", ""),
                        "date": meta.get("date", ""),
                    },
                )
            )
        items.sort(key=lambda i: (i[0], i[1], i[2]))
        return [i[3] for i in items[:_MAX_EVIDENCE]]

    # edges --------------------------------------------------------------------------------
    def _edge(
        self,
        source: str,
        target: str,
        relation: str,
        label: str | None = None,
        evidence: Iterable[str] = (),
        facts: Iterable[str] = (),
    ) -> None:
        if source == target or not (self._ensure(source) and self._ensure(target)):
            return
        key = f"{relation}:{label or relation}"
        data = self.g.get_edge_data(source, target, key)
        if data is None:
            self.g.add_edge(
                source,
                target,
                key=key,
                relation=relation,
                label=label or relation,
                facts=[],
                evidence_refs=set(),
            )
            data = self.g.get_edge_data(source, target, key)
        data["evidence_refs"].update(evidence)
        for line in facts:
            if line not in data["facts"]:
                data["facts"].append(line)

    def _of_kind(self, *kinds: str) -> list[str]:
        return [n for n, k in self.g.nodes(data="kind") if k in kinds]

    def _edges(self) -> None:
        self._roles()
        for kind, links in _LINKS:
            for node in self._of_kind(kind):
                for predicate, relation, inward in links:
                    for other in self.ix.refs(node, predicate):
                        if inward:
                            self._edge(other, node, relation)
                        else:
                            self._edge(node, other, relation)
        self._source_edges()
        for _, _, data in self.g.edges(data=True):
            data["evidence"] = self._evidence(data.pop("evidence_refs"))

    def _source_edges(self) -> None:
        """A fact "in" each article it comes from."""
        ix, articles = self.ix, self.g.graph["articles"]
        for fact in self._of_kind(*_FACT_KINDS):
            sources = set(ix.refs(fact, DCTERMS.source))
            if not sources:  # fall back to the articles its evidence sentences come from
                for ev in ix.refs(fact, KG.evidence):
                    sources.update(ix.refs(ev, NIF.referenceContext))
            for article in sorted(sources):
                if article in articles:
                    self._edge(fact, article, "in")

    def _roles(self) -> None:
        ix, g = self.ix, self.g
        for m in sorted(ix.by_type.get(str(ORG.Membership), ())):
            self._membership(m)
        for post in sorted(ix.by_type.get(str(ORG.Post), ())):
            post_label = ix.text(post, *_LABELS)
            for holder in ix.refs(post, ORG.heldBy):
                if post_label and holder in g:
                    line = f"Post: {post_label}"
                    if line not in g.nodes[holder]["facts"]:
                        g.nodes[holder]["facts"].append(line)

    def _membership(self, m: str) -> None:
        """A role edge from person to government, and the role on the person's node."""
        ix, g = self.ix, self.g
        people, govs = ix.refs(m, ORG.member), ix.refs(m, ORG.organization)
        if not people or not govs:
            return
        person, gov = people[0], govs[0]
        title = ix.text(m, KG.roleTitle, RDFS.label) or "member"
        qualifier = ix.text(m, KG.qualifier)
        label = f"{qualifier} {title}" if qualifier else title
        role_class = ix.text(m, KG.roleClass)
        if ix.refs(m, KG.inferredBy):  # a government resolution carried from other articles
            label += " (inferred)"
        line = f"Role: {label}" + (f" ({role_class})" if role_class else "")
        evidence = ix.refs(m, KG.evidence)
        self._edge(person, gov, "role", label, evidence, [line])
        if person not in g or gov not in g:
            return
        node = g.nodes[person]
        role_line = f"Role: {label}, {g.nodes[gov]['label']}"
        if role_line not in node["facts"]:
            node["facts"].append(role_line)
        seen = {e["text"] for e in node["evidence"]}
        for item in self._evidence(evidence):
            if item["text"] not in seen and len(node["evidence"]) < _MAX_EVIDENCE:
                node["evidence"].append(item)
        for source in ix.refs(m, DCTERMS.source):
            node["articles"].add(source)
            g.nodes[gov]["articles"].add(source)

    def _article_membership(self) -> None:
        """Which articles each node belongs to: its own, those that mention it, those of the
        facts it takes part in."""
        g = self.g
        self._own_articles()
        for u, v, data in g.edges(data=True):
            if data["relation"] == "in":
                g.nodes[u]["articles"].add(v)
        for u, v, data in g.edges(data=True):  # a government's country is in its articles
            if data["relation"] == "governs":
                g.nodes[v]["articles"].update(g.nodes[u]["articles"])
        for fact in [n for n, k in g.nodes(data="kind") if k in _FACT_KINDS]:
            for a in list(g.nodes[fact]["articles"]):
                for other in nx.all_neighbors(g, fact):
                    if g.nodes[other]["kind"] != ARTICLE:
                        g.nodes[other]["articles"].add(a)
        for _, data in g.nodes(data=True):
            data["articles"] = sorted(data["articles"])

    def _own_articles(self) -> None:
        """An article is in itself; a node is in the articles it is the subject of or that
        mention it."""
        ix, g = self.ix, self.g
        articles = g.graph["articles"]
        for n, data in g.nodes(data=True):
            if data["kind"] == ARTICLE:
                data["articles"].add(n)
            for a in ix.refs(n, SDO.subjectOf):
                if a in articles:
                    data["articles"].add(a)
        for a in articles:
            for n in ix.refs(a, SDO.mentions):
                if n in g:
                    g.nodes[n]["articles"].add(a)


# The links of each kind of node, in the order the edges are added: (predicate, relation,
# inward), where inward edges point from the object to the node (an attendee to its meeting).
_LINKS: tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...] = (
    ("government", ((KG.governs, "governs", False),)),
    (
        "meeting",
        (
            (SDO.attendee, "attendee", True),
            (SDO.location, "location", False),
            (SDO.superEvent, "part of", False),
        ),
    ),
    (
        "policy",
        (
            (KG.imposedBy, "imposed by", False),
            (KG.target, "target", False),
            (KG.appliesTo, "applies to", False),
        ),
    ),
    ("quote", ((PROV.wasAttributedTo, "said", True),)),
)


def from_store(store: GraphStore) -> nx.MultiDiGraph:
    """The entity-and-fact graph of everything in the store (its union default graph): a
    pyoxigraph store, or a ``kg.rdf.remote.RemoteStore`` (a SPARQL server)."""
    return _Mapper(_Index(store)).run()


def from_rdflib(graph: Graph) -> nx.MultiDiGraph:
    """The same graph for an rdflib graph (a dataset's named graphs are merged)."""
    store = ox.Store()
    if isinstance(graph, ConjunctiveGraph):  # rdflib.Dataset subclasses ConjunctiveGraph
        merged = Graph()
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
        graph = merged
    data = graph.serialize(format="nt", encoding="utf-8")
    if data.strip():
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
    return from_store(store)


# --- views and selections ---------------------------------------------------------------------


def entity_view(g: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph for analytics: articles left out (they would join every
    fact of an article), parallel relations merged into one edge with a ``weight``."""
    view = nx.Graph()
    for n, data in g.nodes(data=True):
        if data["kind"] != ARTICLE:
            view.add_node(n, kind=data["kind"], label=data["label"])
    for u, v in g.edges():
        if u in view and v in view:
            if view.has_edge(u, v):
                view[u][v]["weight"] += 1
            else:
                view.add_edge(u, v, weight=1)
    return view


def find_node(g: nx.MultiDiGraph, name: str, kinds: Iterable[str] | None = None) -> str:
    """The node whose label or alias is ``name`` (case-insensitive), else the one whose label
    contains it; an IRI or short IRI works too. Ties go to the best connected node."""
    wanted = _clean(name).casefold()
    allowed = set(kinds) if kinds else None
    candidates: list[tuple[str, dict[str, Any]]] = [
        (n, d) for n, d in g.nodes(data=True) if allowed is None or d["kind"] in allowed
    ]
    for n, _ in candidates:
        if wanted in (n.casefold(), short_iri(n).casefold()):
            return n
    tiers: list[list[str]] = [[], [], []]
    for n, d in candidates:
        label = d["label"].casefold()
        if label == wanted:
            tiers[0].append(n)
        elif wanted in (a.casefold() for a in d["aliases"]):
            tiers[1].append(n)
        elif wanted and wanted in label:
            tiers[2].append(n)
    for tier in tiers:
        if tier:
            return max(tier, key=lambda n: (g.degree(n), n))
    raise InputError(f"no person, government or other node named '{name}' in the graph")


def neighbourhood(g: nx.MultiDiGraph, centre: str, hops: int) -> set[str]:
    """Nodes within ``hops`` relations of ``centre``, not walking through articles."""
    if hops < 0:
        raise InputError(f"--hops must be 0 or more, not {hops}")
    view = entity_view(g)
    if centre not in view:
        return {centre}
    return set(nx.single_source_shortest_path_length(view, centre, cutoff=hops))


def nodes_of_article(g: nx.MultiDiGraph, article: str) -> set[str]:
    """Every node that belongs to one article, given by id, IRI or short IRI."""
    articles: dict[str, dict[str, str]] = g.graph.get("articles", {})
    wanted = article.strip()
    for iri, meta in articles.items():
        if wanted in (iri, short_iri(iri), meta["id"]):
            return {n for n, a in g.nodes(data="articles") if iri in a}
    shown = ", ".join(sorted(m["id"] for m in articles.values())[:5])
    more = " ..." if len(articles) > 5 else ""
    raise InputError(f"no article '{article}' in the store (articles: {shown}{more})")


def nodes_in_results(g: nx.MultiDiGraph, terms: Iterable[object]) -> set[str]:
    """The graph's nodes among the IRIs of query results (SELECT cells or CONSTRUCT triples)."""
    found: set[str] = set()
    for term in terms:
        if isinstance(term, ox.Triple):
            found.update(nodes_in_results(g, (term.subject, term.object)))
        elif isinstance(term, ox.NamedNode | ox.BlankNode) and _key(term) in g:
            found.add(_key(term))
    return found


def nodes_from_query(g: nx.MultiDiGraph, store: GraphStore, sparql: str) -> set[str]:
    """The graph's nodes that a SELECT (any cell) or CONSTRUCT/DESCRIBE (any subject or
    object) returns; ASK and updates are refused."""
    if re.match(
        r"(?is)^\s*(?:(?:#[^\n]*|PREFIX\s+\S*:\s*<[^>]*>|BASE\s+<[^>]*>)\s*)*ASK\b", sparql
    ):
        raise QueryError("an ASK query returns no nodes; use SELECT or CONSTRUCT")
    try:
        result = store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        raise QueryError("an ASK query returns no nodes; use SELECT or CONSTRUCT")
    if isinstance(result, ox.QueryTriples | list):  # a remote store lists its triples
        return nodes_in_results(g, result)
    return nodes_in_results(
        g, (solution[v] for solution in result for v in result.variables if solution[v])
    )


def induced(
    g: nx.MultiDiGraph, nodes: Iterable[str], with_articles: bool = True
) -> nx.MultiDiGraph:
    """The subgraph on ``nodes``, plus (optionally) the articles their facts come from."""
    keep = {n for n in nodes if n in g}
    if with_articles:
        for n in list(keep):
            if g.nodes[n]["kind"] in _FACT_KINDS:
                keep.update(v for _, v, r in g.out_edges(n, data="relation") if r == "in")
    # nodes and edges in g's order: a subgraph view would iterate the set ``keep``, whose
    # order changes from one process to the next, and so would the page drawn from it
    sub = nx.MultiDiGraph()
    sub.graph = dict(g.graph)
    sub.add_nodes_from((n, d.copy()) for n, d in g.nodes(data=True) if n in keep)
    sub.add_edges_from(
        (u, v, k, d.copy())
        for u, v, k, d in g.edges(keys=True, data=True)
        if u in keep and v in keep
    )
    return sub
