"""Small stores of hand-made facts for the resolution tests (no NLP: facts go straight to RDF)."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox

from kg.facts import (
    COUNTRY,
    PERSON,
    DateValue,
    EntityRef,
    Evidence,
    Meeting,
    Mention,
    OfficialRole,
    Policy,
    Span,
    fact_line,
)
from kg.ingest import Article
from kg.rdf.mapping import article_graph
from kg.rdf.store import replace_graph

JAPAN = EntityRef(COUNTRY, "JP", "Japan")
US = EntityRef(COUNTRY, "US", "United States")
KOREA = EntityRef(COUNTRY, "KR", "South Korea")


def person(name: str) -> EntityRef:
    return EntityRef(PERSON, name, name)


def evidence(text: str = "A sentence.") -> Evidence:
    return Evidence(Span(0, len(text), text), Span(0, 1, text[:1]))


def role(name: str, title: str, government: EntityRef | None, formal: bool = True):
    return OfficialRole(
        person(name), title, title, "minister", government, formal, "", evidence(f"{title} {name}")
    )


def mention(name: str) -> Mention:
    return Mention(person(name), (), evidence(name))


def day(iso: str) -> DateValue:
    d = dt.date.fromisoformat(iso)
    return DateValue(iso, iso, "day", d, d)


def meeting(label: str, kind: str, who: list[EntityRef], when: str | None, status: str):
    return Meeting(
        label, kind, tuple(who), None, day(when) if when else None, status, None, None, evidence()
    )


def tariff(rate: float, status: str, goods: tuple[str, ...] = ("steel",), target=JAPAN):
    return Policy(
        "tariff",
        f"{rate:g}% tariff on {', '.join(goods)}",
        US,
        target,
        goods,
        rate,
        "percent",
        None,
        None,
        status,
        None,
        evidence(),
    )


def add(store: ox.Store, article_id: str, published: str, facts: list) -> None:
    """Put one article of hand-made facts into the store, as kg build would."""
    text = "\n".join(fact_line(f) for f in facts) or "x"  # other facts, other text
    a = Article(
        id=article_id, text=text, title=article_id, published=dt.date.fromisoformat(published)
    )
    replace_graph(store, article_graph(a, facts))


def rows(store: ox.Store, sparql: str) -> list[dict[str, str]]:
    result = store.query(sparql)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else "") for n in names} for row in result]
