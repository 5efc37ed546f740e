"""Made-up news of any size, deterministic: the same size always gives the same output.

- :func:`synthetic_ntriples`: an archive in kg's vocabulary, for page and analytics tests and
  the large-page benchmark. Each article reports one meeting of two officials (a popular few
  appear often), one policy between two governments and one quote, each with its evidence.
- :func:`news_text`: the text of one long article on a single line, in sentences of
  officials, meetings, tariffs and quotes (written for kg's tests), for the long-article
  tests and benchmark.
"""

from __future__ import annotations

import random
import re

ID = "https://example.org/kg/id/"
_P = {
    "a": "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
    "label": "<http://www.w3.org/2000/01/rdf-schema#label>",
    "alt": "<http://www.w3.org/2004/02/skos/core#altLabel>",
    "headline": "<https://schema.org/headline>",
    "identifier": "<https://schema.org/identifier>",
    "published": "<https://schema.org/datePublished>",
    "attendee": "<https://schema.org/attendee>",
    "location": "<https://schema.org/location>",
    "text": "<https://schema.org/text>",
    "source": "<http://purl.org/dc/terms/source>",
    "evidence": "<https://example.org/kg/ontology#evidence>",
    "status": "<https://example.org/kg/ontology#status>",
    "imposedBy": "<https://example.org/kg/ontology#imposedBy>",
    "target": "<https://example.org/kg/ontology#target>",
    "governs": "<https://example.org/kg/ontology#governs>",
    "roleTitle": "<https://example.org/kg/ontology#roleTitle>",
    "member": "<http://www.w3.org/ns/org#member>",
    "organization": "<http://www.w3.org/ns/org#organization>",
    "said": "<http://www.w3.org/ns/prov#wasAttributedTo>",
    "anchor": "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>",
    "context": "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext>",
}
_T = {
    "Person": "<https://schema.org/Person>",
    "Country": "<https://schema.org/Country>",
    "Government": "<https://schema.org/GovernmentOrganization>",
    "Event": "<https://schema.org/Event>",
    "Article": "<https://schema.org/NewsArticle>",
    "Tariff": "<https://example.org/kg/ontology#TariffMeasure>",
    "Statement": "<https://example.org/kg/ontology#Statement>",
    "Membership": "<http://www.w3.org/ns/org#Membership>",
}
_FIRST = ["Aiko", "Boris", "Chen", "Dara", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas"]
_LAST = ["Abe", "Brandt", "Costa", "Dube", "Eriksen", "Fujita", "Garcia", "Haas", "Ito", "Jung"]


def _lit(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def synthetic_ntriples(n_articles: int, n_people: int = 300, n_countries: int = 30) -> str:
    """N-Triples of ``n_articles`` articles; about 4 nodes per article plus the people,
    governments and countries they share."""
    rng = random.Random(n_articles)
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"<{ID}{s}> {_P[p]} {o} .")

    def node(s: str) -> str:
        return f"<{ID}{s}>"

    for c in range(n_countries):
        add(f"country/c{c}", "a", _T["Country"])
        add(f"country/c{c}", "label", _lit(f"Country {c}"))
        add(f"government/c{c}", "a", _T["Government"])
        add(f"government/c{c}", "label", _lit(f"Government of Country {c}"))
        add(f"government/c{c}", "governs", node(f"country/c{c}"))
    for p in range(n_people):
        name = f"{_FIRST[p % 10]} {_LAST[(p // 10) % 10]} {p}"
        add(f"person/p{p}", "a", _T["Person"])
        add(f"person/p{p}", "label", _lit(name))
        add(f"person/p{p}", "alt", _lit(name.split()[1] + f" {p}"))
    weights = [1.0 / (i + 1) for i in range(n_people)]  # a few people are in many articles
    for a in range(n_articles):
        art = f"article/a{a}"
        day = f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}"
        add(art, "a", _T["Article"])
        add(art, "identifier", _lit(f"a{a}"))
        add(art, "headline", _lit(f"Talks in the news, part {a}"))
        add(art, "published", f'"{day}"^^<http://www.w3.org/2001/XMLSchema#date>')
        x, y = rng.choices(range(n_people), weights=weights, k=2)
        gx, gy = x % n_countries, (y + 1) % n_countries
        ev = f"evidence/a{a}/0"
        add(ev, "anchor", _lit(f"Person {x} met person {y} in Country {gx} (article {a})."))
        add(ev, "context", node(art))
        meeting = f"event/a{a}"
        add(meeting, "a", _T["Event"])
        add(meeting, "label", _lit(f"meeting {a}"))
        add(meeting, "status", _lit("held"))
        add(meeting, "attendee", node(f"person/p{x}"))
        add(meeting, "attendee", node(f"person/p{y}"))
        add(meeting, "location", node(f"country/c{gx}"))
        add(meeting, "evidence", node(ev))
        add(meeting, "source", node(art))
        membership = f"membership/a{a}"
        add(membership, "a", _T["Membership"])
        add(membership, "member", node(f"person/p{x}"))
        add(membership, "organization", node(f"government/c{gx}"))
        add(membership, "roleTitle", _lit("Minister"))
        add(membership, "evidence", node(ev))
        add(membership, "source", node(art))
        policy = f"policy/a{a}"
        add(policy, "a", _T["Tariff"])
        add(policy, "label", _lit(f"tariff {a}"))
        add(policy, "imposedBy", node(f"government/c{gx}"))
        add(policy, "target", node(f"government/c{gy}"))
        add(policy, "evidence", node(ev))
        add(policy, "source", node(art))
        quote = f"statement/a{a}"
        add(quote, "a", _T["Statement"])
        add(quote, "text", _lit(f"We will talk again, number {a}"))
        add(quote, "said", node(f"person/p{x}"))
        add(quote, "evidence", node(ev))
        add(quote, "source", node(art))
    return "\n".join(lines) + "\n"


_SENTENCES = [
    "Prime Minister Aiko Tanaka met Foreign Minister Lars Berg in Oslo on Monday",
    "the two governments agreed to hold a second round of talks in June",
    "Norway will impose a 10 percent tariff on imported steel from March 1",
    "Tanaka told reporters that the talks were useful but that more work was needed",
    "a spokesman for the ministry said the pause on tariffs would end in July",
    "Berg is expected to visit Tokyo later this month for a summit with Japan",
    "officials in Brussels said the European Union would respond to the new levies",
    "the finance minister warned that the measures could hurt exporters",
]


def news_text(chars: int, punctuated: bool = True) -> str:
    """``chars`` characters of news on one line (no line break); without punctuation, every
    . , ; : ? ! and quote mark is removed."""
    rng = random.Random(1)
    parts, size = [], 0
    while size < chars:
        sentence = rng.choice(_SENTENCES)
        sentence = sentence[0].upper() + sentence[1:] + "."
        if rng.random() < 0.3:
            sentence = f'"{sentence[:-1]}," an official said.'
        parts.append(sentence)
        size += len(sentence) + 1
    text = " ".join(parts)[:chars]
    return text if punctuated else re.sub(r"[.,;:?!\"']", "", text)
