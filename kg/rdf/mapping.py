"""Facts -> RDF: one rdflib Graph per article, in standard vocabularies.

Each kind of fact has one mapping function, registered in ``MAPPERS`` by fact class.
The RDF layer never sees spaCy: it reads Article records and plain facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg import gazetteer
from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    GROUP,
    PERSON,
    PLACE,
    DateValue,
    EntityRef,
    Evidence,
    Fact,
    Meeting,
    Mention,
    OfficialRole,
    Policy,
    PolicyKind,
    Quote,
)
from kg.ingest import Article
from kg.rdf.base import current_base
from kg.rdf.iris import (
    article_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    graph_iri,
    post_iri,
    role_iri,
)
from kg.rdf.ontology import DCTERMS, GRAPH, KG, NIF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, WD

PREFIXES = {
    "kg": str(KG._NS),
    "schema": str(SDO),
    "org": str(ORG),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "nif": str(NIF),
    "owl": str(OWL),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
    "void": "http://rdfs.org/ns/void#",  # kg export --void
    "dcat": "http://www.w3.org/ns/dcat#",
}

POLICY_CLASSES: dict[PolicyKind, URIRef] = {
    "tariff": KG.TariffMeasure,
    "quota": KG.TariffMeasure,
    "sanction": KG.Sanction,
    "pause": KG.Pause,
    "agreement": KG.Agreement,
    "pledge": KG.Pledge,
    "request": KG.Request,
    "proposal": KG.Proposal,
    "exemption": KG.Exemption,
    "export control": KG.ExportControl,
    "ceasefire": KG.Ceasefire,
    "investment": KG.InvestmentPledge,
    "purchase": KG.PurchaseCommitment,
}


_PLURAL_OR_TITLED = (
    "United ",
    "Republic",
    "Kingdom",
    "Islands",
    "Emirates",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Maldives",
    "Comoros",
    "Seychelles",
    "Gambia",
)


def _with_article(name: str) -> str:
    """'the United States', 'the Netherlands', but 'Japan'."""
    return f"the {name}" if any(part in name for part in _PLURAL_OR_TITLED) else name


def _decimal(number: float) -> str:
    """An xsd:decimal lexical form: digits and a point, never an exponent ("1e+16" is not
    a decimal; rdflib would write it so and the Turtle would not read back)."""
    text = format(Decimal(repr(float(number))), "f")
    return text if "." in text else text + ".0"  # "25" alone would read back as an integer


_MAX_DAYS = 36_500  # a pause longer than a century is a misreading, kept as rate and unit


class _Builder:
    """Adds the triples of one article's facts to its graph."""

    def __init__(self, article: Article) -> None:
        self.article = article
        # one graph per article, built and serialised once: rdflib's plain store (no
        # context indices) and only the project's prefixes (the default binds ~30
        # namespaces per graph) make it ~30 % cheaper
        self.graph = Graph(
            store="SimpleMemory", identifier=graph_iri(article.id), bind_namespaces="core"
        )
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        self.article_node = article_iri(article.id)
        # policy label -> node, and the changes to link once every policy is mapped
        self.policy_nodes: dict[str, URIRef] = {}
        self.changes: list[tuple[URIRef, str]] = []
        # meeting nodes by their key, and (event, key of the event it is beside) to link
        self.events: dict[str, URIRef] = {}
        self.beside: list[tuple[URIRef, str]] = []
        self.add_article()

    def add(self, s: Node, p: URIRef, o: Node) -> None:
        self.graph.add((s, p, o))

    def add_article(self) -> None:
        a, node = self.article, self.article_node
        self.add(node, RDF.type, SDO.NewsArticle)
        self.add(node, SDO.identifier, Literal(a.id))
        self.add(node, RDFS.label, Literal(a.title or a.id))
        if a.title:
            self.add(node, SDO.headline, Literal(a.title))
        if a.published:
            self.add(node, SDO.datePublished, Literal(a.published.isoformat(), datatype=XSD.date))
        if a.source:
            self.add(node, SDO.publisher, Literal(a.source))
        if a.author:
            self.add(node, SDO.author, Literal(a.author))
        if a.url:
            self.add(node, SDO.url, Literal(a.url, datatype=XSD.anyURI))
        if a.path:
            self.add(node, KG.sourceFile, Literal(a.path))
        self.add(node, KG.contentHash, Literal(a.content_hash))
        # The text is kept so every evidence offset can be checked in SPARQL itself.
        self.add(node, SDO.articleBody, Literal(a.text))

    def entity(self, ref: EntityRef) -> URIRef:
        node = entity_iri(ref, self.article.id)
        if ref.kind == PERSON:
            self.add(node, RDF.type, SDO.Person)
            self.add(node, SDO.name, Literal(ref.label))
            self.add(node, RDFS.label, Literal(ref.label))
        elif ref.kind in (COUNTRY, GOVERNMENT):
            country = self.country(ref.key)
            if ref.kind == GOVERNMENT:
                self.add(node, RDF.type, SDO.GovernmentOrganization)
                self.add(node, RDF.type, ORG.FormalOrganization)
                self.add(node, RDFS.label, Literal(f"Government of {_with_article(ref.label)}"))
                self.add(node, KG.governs, country)
            else:
                node = country
        elif ref.kind == PLACE:
            self.add(node, RDF.type, SDO.Place)
            self.add(node, RDFS.label, Literal(ref.label))
            code = ref.key.split("/")[0] if "/" in ref.key else ""
            if gazetteer.is_iso2(code):  # a capital: "US/Washington"
                self.add(node, SDO.containedInPlace, self.country(code))
        elif ref.kind == GROUP:
            self.add(node, RDF.type, PROV.Agent)
            self.add(node, RDFS.label, Literal(ref.label))
        return node

    def country(self, iso2: str) -> URIRef:
        node = entity_iri(EntityRef(COUNTRY, iso2, iso2), self.article.id)
        info = gazetteer.by_iso2(iso2)
        self.add(node, RDFS.label, Literal(info.name))
        if info.bloc:  # the European Union: a union of countries, not one
            self.add(node, RDF.type, SDO.Organization)
            self.add(node, SDO.identifier, Literal(info.iso2))
        elif info.parent:  # a state or province with a government of its own ("Bavaria")
            self.add(node, RDF.type, SDO.AdministrativeArea)
            self.add(node, SDO.identifier, Literal(info.iso2))  # ISO 3166-2
            self.add(node, SDO.containedInPlace, self.country(info.parent))
        else:
            self.add(node, RDF.type, SDO.Country)
            self.add(node, KG.iso3166Alpha2, Literal(info.iso2))
            self.add(node, KG.iso3166Alpha3, Literal(info.iso3))
        if info.wikidata:
            self.add(node, OWL.sameAs, WD[info.wikidata])
        return node

    def agent(self, ref: EntityRef) -> URIRef:
        """The node that acts for ``ref``: a country acting (imposing, agreeing, employing,
        attending) is represented by its government; anyone else by their own node."""
        if ref.kind == COUNTRY:
            ref = EntityRef(GOVERNMENT, ref.key, ref.label)
        return self.entity(ref)

    def evidence(self, fact_node: URIRef, evidence: Evidence) -> None:
        sentence = evidence.sentence
        node = evidence_iri(self.article.id, sentence.start, sentence.end)
        self.add(node, RDF.type, KG.Evidence)
        self.add(node, RDF.type, NIF.String)
        self.add(node, NIF.anchorOf, Literal(sentence.text))
        self.add(node, NIF.beginIndex, Literal(sentence.start))
        self.add(node, NIF.endIndex, Literal(sentence.end))
        self.add(node, NIF.referenceContext, self.article_node)
        self.add(fact_node, KG.evidence, node)
        self.add(fact_node, PROV.wasDerivedFrom, self.article_node)
        self.add(fact_node, DCTERMS.source, self.article_node)

    def date(self, node: URIRef, prop: URIRef, value: DateValue | None) -> None:
        """A date as xsd:date / gYearMonth / gYear, or an ISO 8601 interval string for a range
        ("later this week"); the start (or only) date also keeps its surface text and bounds."""
        if value is None:
            return
        datatypes = {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}
        if value.precision in datatypes:
            self.add(node, prop, Literal(value.iso, datatype=datatypes[value.precision]))
        else:
            self.add(node, prop, Literal(value.iso))
            if prop == SDO.startDate:
                self.add(node, KG.dateRange, Literal(value.iso))
        if prop != SDO.startDate:
            return
        self.add(node, KG.dateText, Literal(value.text))
        self.add(node, KG.earliest, Literal(value.earliest.isoformat(), datatype=XSD.date))
        self.add(node, KG.latest, Literal(value.latest.isoformat(), datatype=XSD.date))

    # --- one function per kind of fact ------------------------------------------------
    def mention(self, fact: Mention) -> None:
        node = self.entity(fact.entity)
        for alias in fact.aliases:
            self.add(node, SKOS.altLabel, Literal(alias))
            # "Britain" named the government here, but it is a name of the country too
            found = gazetteer.lookup(alias)
            if fact.entity.kind == GOVERNMENT and found and found[1] in ("name", "alias"):
                self.add(self.country(fact.entity.key), SKOS.altLabel, Literal(alias))
        self.add(node, SDO.subjectOf, self.article_node)
        self.add(self.article_node, SDO.mentions, node)

    def official(self, fact: OfficialRole) -> None:
        node = fact_iri("membership", self.article.id, fact)
        person = self.entity(fact.person)
        role = role_iri(fact.office)
        self.add(role, RDF.type, ORG.Role)
        self.add(role, RDFS.label, Literal(fact.office))
        self.add(node, RDF.type, ORG.Membership)
        self.add(node, ORG.member, person)
        self.add(node, ORG.role, role)
        self.add(node, KG.roleTitle, Literal(fact.title))
        self.add(node, KG.roleClass, Literal(fact.role_class))
        if fact.qualifier:
            self.add(node, KG.qualifier, Literal(fact.qualifier))
        label = f"{fact.person.label}: {fact.title}"
        if fact.government is not None:
            government = self.agent(fact.government)
            self.add(node, ORG.organization, government)
            label += f" ({fact.government.label})"
            if fact.formal and fact.qualifier not in ("former", "designate"):
                post = post_iri(fact.government.key, fact.office)
                self.add(post, RDF.type, ORG.Post)
                self.add(post, RDFS.label, Literal(f"{fact.office}, {fact.government.label}"))
                self.add(post, ORG.postIn, government)
                self.add(post, ORG.role, role)
                self.add(post, ORG.heldBy, person)
                self.add(person, ORG.holds, post)
                self.add(node, SKOS.related, post)
        self.add(node, RDFS.label, Literal(label))
        self.evidence(node, fact.evidence)

    def meeting(self, fact: Meeting) -> None:
        node = fact_iri("event", self.article.id, fact)
        self.add(node, RDF.type, SDO.Event)
        self.add(node, RDFS.label, Literal(fact.label))
        self.add(node, SDO.name, Literal(fact.label))
        self.add(node, KG.kind, Literal(fact.kind))
        self.add(node, KG.status, Literal(fact.status))
        for participant in fact.participants:
            self.add(node, SDO.attendee, self.agent(participant))
        if fact.place is not None:
            self.add(node, SDO.location, self.entity(fact.place))
        self.date(node, SDO.startDate, fact.when)
        if fact.ordinal is not None:
            self.add(node, KG.ordinal, Literal(fact.ordinal))
        if fact.key:
            self.events[fact.key] = node
        if fact.part_of:
            self.beside.append((node, fact.part_of))
        self.evidence(node, fact.evidence)

    def policy(self, fact: Policy) -> None:
        node = fact_iri("policy", self.article.id, fact)
        self.add(node, RDF.type, KG.Policy)
        self.add(node, RDF.type, POLICY_CLASSES.get(fact.kind, KG.Policy))
        self.add(node, RDFS.label, Literal(fact.label))
        self.add(node, KG.kind, Literal(fact.kind))
        self.add(node, KG.status, Literal(fact.status))
        if fact.actor is not None:
            self.add(node, KG.imposedBy, self.agent(fact.actor))
        if fact.target is not None:
            self.add(node, KG.target, self.agent(fact.target))
        for goods in fact.goods:
            self.add(node, KG.goods, Literal(goods))
        self.policy_numbers(node, fact)
        self.policy_nodes.setdefault(fact.label, node)
        if fact.replaces:
            self.changes.append((node, fact.replaces))
        self.date(node, SDO.startDate, fact.start)
        self.date(node, SDO.endDate, fact.end)
        if fact.about:
            self.add(node, KG.appliesToLabel, Literal(fact.about))
        self.evidence(node, fact.evidence)

    def policy_numbers(self, node: URIRef, fact: Policy) -> None:
        """A policy's rate (a duration for whole days: "90-day pause") and amount."""
        whole_days = fact.rate is not None and float(fact.rate).is_integer()
        whole_days = whole_days and 0 <= (fact.rate or 0) <= _MAX_DAYS
        if fact.rate is not None and fact.unit == "days" and whole_days:  # "90-day pause"
            self.add(node, SDO.duration, Literal(f"P{int(fact.rate)}D", datatype=XSD.duration))
        elif fact.rate is not None:
            self.add(node, KG.rate, Literal(_decimal(fact.rate), datatype=XSD.decimal))
            if fact.unit:
                self.add(node, KG.unit, Literal(fact.unit))
        if fact.amount is not None:
            self.add(node, KG.amount, Literal(_decimal(fact.amount), datatype=XSD.decimal))
            if fact.currency:
                self.add(node, KG.currency, Literal(fact.currency))

    def quote(self, fact: Quote) -> None:
        node = fact_iri("statement", self.article.id, fact)
        self.add(node, RDF.type, KG.Statement)
        self.add(node, SDO.text, Literal(fact.text))
        self.add(
            node, RDFS.label, Literal(fact.text if len(fact.text) <= 80 else fact.text[:77] + "...")
        )
        self.add(node, KG.cue, Literal(fact.cue))
        self.add(node, KG.direct, Literal(fact.direct))
        self.add(node, KG.speakerText, Literal(fact.speaker_text))
        if fact.speaker is not None:
            self.add(node, PROV.wasAttributedTo, self.entity(fact.speaker))
        self.evidence(node, fact.evidence)

    def link_changes(self) -> None:
        """A changed measure points at the one it replaced (matched by label in the article)."""
        for node, old in self.changes:
            target = self.policy_nodes.get(old)
            if target is not None and target != node:
                self.add(node, KG.replaces, target)

    def link_pauses(self) -> None:
        """A pause points at the policy it pauses (matched by label within the article)."""
        by_label = {
            str(label): s
            for s, label in self.graph.subject_objects(RDFS.label)
            if (s, RDF.type, KG.Policy) in self.graph
        }
        for pause, about in list(self.graph.subject_objects(KG.appliesToLabel)):
            target = by_label.get(str(about))
            if target is not None and target != pause:
                predicate = (
                    KG.appliesTo if (pause, RDF.type, KG.Policy) in self.graph else SDO.superEvent
                )
                self.add(pause, predicate, target)

    def link_events(self) -> None:
        """An event held beside another points at it (``Meeting.part_of`` names its key)."""
        for node, key in self.beside:
            whole = self.events.get(key)
            if whole is not None and whole != node:
                self.add(node, SDO.superEvent, whole)


MAPPERS: dict[type, Callable[[_Builder, Fact], None]] = {
    Mention: _Builder.mention,  # type: ignore[dict-item]
    OfficialRole: _Builder.official,  # type: ignore[dict-item]
    Meeting: _Builder.meeting,  # type: ignore[dict-item]
    Policy: _Builder.policy,  # type: ignore[dict-item]
    Quote: _Builder.quote,  # type: ignore[dict-item]
}


def ontology_graph() -> Graph:
    """The project vocabulary with its alignments, kept in its own named graph, and the
    record of the base the store's instance IRIs are minted under (:mod:`kg.rdf.base`)."""
    from importlib.resources import files

    graph = Graph(identifier=GRAPH["ontology"])  # under the base of the build
    graph.parse(
        data=files("kg").joinpath("data/ontology.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    graph.add((graph.identifier, KG.instanceBase, URIRef(current_base())))
    return graph


def article_graph(article: Article, facts: Iterable[Fact]) -> Graph:
    """The named graph of one article: the article node, its facts and their evidence."""
    builder = _Builder(article)
    for fact in facts:
        MAPPERS[type(fact)](builder, fact)
    builder.link_pauses()
    builder.link_changes()
    builder.link_events()
    return builder.graph
