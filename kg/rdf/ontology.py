"""RDF vocabulary: the standard namespaces kg reuses and the small project namespace.

Only the RDF layer imports this module. ``KG`` is a ``DefinedNamespace`` with
``_fail = True`` so a misspelt term raises instead of silently minting a new IRI.
Each project term is aligned to schema.org / W3C ORG / PROV in ``data/ontology.ttl``.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

BASE = "https://example.org/kg/"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """Project terms for what schema.org, ORG, PROV and OWL-Time lack."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Policy: URIRef  # a measure, agreement or commitment reported in the news
    TariffMeasure: URIRef
    Sanction: URIRef
    Pause: URIRef  # suspension of (part of) another policy
    Agreement: URIRef
    Pledge: URIRef
    Request: URIRef
    Proposal: URIRef
    Statement: URIRef  # who said what
    Evidence: URIRef  # a sentence of an article with offsets

    # properties
    status: URIRef  # held / planned / expected / proposed / in force / paused / ...
    kind: URIRef  # the fact's kind as a short string ("tariff", "talks")
    roleTitle: URIRef  # the title exactly as the article gives it
    roleClass: URIRef  # head_of_state / head_of_government / minister / other
    qualifier: URIRef  # former / acting / deputy / vice
    governs: URIRef  # government -> its country
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    dateText: URIRef  # the date as written ("later this week")
    dateRange: URIRef  # ISO 8601 interval when only a range is known
    earliest: URIRef
    latest: URIRef
    ordinal: URIRef  # "fourth round" -> 4
    imposedBy: URIRef  # who imposes, pledges or requests a policy
    target: URIRef  # whom a policy is aimed at or agreed with
    goods: URIRef  # goods covered, as written
    rate: URIRef  # numeric rate or amount
    unit: URIRef  # unit of rate ("percent", "days")
    appliesTo: URIRef  # a pause -> the policy it pauses
    appliesToLabel: URIRef
    cue: URIRef  # the speech verb of a statement
    speakerText: URIRef  # how the speaker was referred to
    direct: URIRef  # a direct quotation (true) or reported speech (false)
    evidence: URIRef  # fact -> evidence node (subproperty of prov:wasDerivedFrom)
    sourceFile: URIRef
    contentHash: URIRef
    buildKey: URIRef

    # resolution across articles (kg.resolve; all in the graph/resolved named graph)
    Resolution: URIRef  # one conclusion drawn from several articles
    Story: URIRef  # an event or policy reported by several articles
    StatusReport: URIRef  # what one article reported of a story's state, on its date
    canonical: URIRef  # a person, meeting or policy node -> the one node it resolves to
    inferredBy: URIRef  # a fact -> the Resolution that added to it
    rule: URIRef  # the name of the rule that drew a conclusion
    about: URIRef  # Resolution -> the node the conclusion is about
    concludes: URIRef  # Resolution -> what it concluded (the canonical node, the government)
    basedOn: URIRef  # Resolution -> the stated facts it rests on
    statusReport: URIRef  # story -> one StatusReport per article
    report: URIRef  # StatusReport -> the article's own fact node
    asOf: URIRef  # StatusReport -> the publication date of the article
    resolutionKey: URIRef  # digest of the articles a resolved graph was computed from


__all__ = [
    "BASE",
    "DCTERMS",
    "GRAPH",
    "ID",
    "KG",
    "NIF",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SKOS",
    "TIME",
    "WD",
    "XSD",
]
