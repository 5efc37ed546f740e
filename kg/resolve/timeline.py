"""Timelines: the dated events and policy changes of people, governments or everything.

An event reported by several articles is one line (its story, see :mod:`kg.resolve`); a
policy is one line per reported change of state (threatened, imposed, paused, cut), so the
history of a tariff reads down the page. Each line says how precise its date is ("day",
"month", "range", or "reported" when only the article's publication date places it), and
how many articles report it, with the first.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from kg import gazetteer
from kg.errors import QueryError
from kg.rdf.graphstore import GraphStore
from kg.resolve import names as name_forms

PREFIXES = """PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kg: <https://example.org/kg/ontology#>
"""

# Who takes part in a fact, with their name and the names they are also known by.
_ACTORS = """
  OPTIONAL {
    ?fact ?role ?actor0 .
    VALUES ?role { schema:attendee kg:imposedBy kg:target }
    OPTIONAL { ?actor0 kg:canonical ?actorCanonical }
    BIND(COALESCE(?actorCanonical, ?actor0) AS ?actor)
    OPTIONAL { ?actor kg:governs ?country . ?country rdfs:label ?countryName . }
    OPTIONAL { ?actor rdfs:label ?actorLabel . }
    BIND(COALESCE(?countryName, ?actorLabel) AS ?actorName)
  }"""

# The countries each person serves (stated or inferred), for "Japan" to find its officials.
SERVED = (
    PREFIXES
    + """PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?person ?country WHERE {
  ?m org:member ?member ; org:organization ?g .
  OPTIONAL { ?member kg:canonical ?canonical }
  BIND(COALESCE(?canonical, ?member) AS ?person)
  ?g kg:governs ?c . ?c rdfs:label ?country .
}"""
)

EVENTS = (
    PREFIXES
    + """SELECT ?fact ?label ?kind ?status ?date ?article ?published ?actor ?actorName ?role WHERE {
  ?fact a schema:Event ; rdfs:label ?label ; kg:status ?status .
  FILTER NOT EXISTS { ?fact kg:canonical ?story }
  OPTIONAL { ?fact kg:kind ?kind }
  OPTIONAL { ?fact schema:startDate ?date }
  OPTIONAL { { ?fact dcterms:source ?article }
             UNION { ?fact kg:statusReport/dcterms:source ?article }
             OPTIONAL { ?article schema:datePublished ?published } }"""
    + _ACTORS
    + "\n}"
)

# Each policy once per report: a policy of one article is its own report; a story gathers
# the reports of all its articles, each with the date it was published.
POLICY_STEPS = (
    PREFIXES
    + """SELECT ?fact ?label ?kind ?status ?date ?article ?published ?rate ?step ?actor
       ?actorName ?role
WHERE {
  ?fact a kg:Policy ; rdfs:label ?label ; kg:kind ?kind .
  FILTER NOT EXISTS { ?fact kg:canonical ?story }
  {
    ?fact kg:status ?status ; dcterms:source ?article .
    OPTIONAL { ?fact schema:startDate ?date } OPTIONAL { ?fact kg:rate ?rate }
    BIND(?fact AS ?step)
  } UNION {
    ?fact kg:statusReport ?step . ?step kg:status ?status ; dcterms:source ?article .
    OPTIONAL { ?step schema:startDate ?date } OPTIONAL { ?step kg:rate ?rate }
  }
  OPTIONAL { ?article schema:datePublished ?published }"""
    + _ACTORS
    + "\n}"
)


@dataclass(frozen=True)
class Line:
    """One line of a timeline."""

    date: str  # ISO: a day, a month, a year or an interval
    precision: str  # day | month | year | range | reported
    what: str  # meeting kind or policy kind
    label: str
    status: str
    actors: tuple[str, ...]
    sources: int  # how many articles report it
    first_source: str  # the earliest of them
    rate: str = ""
    node: str = ""

    def sort_key(self) -> tuple[str, str, str]:
        return (self.date.split("/")[0], self.what, self.label)


def _precision(date: str) -> str:
    if "/" in date:
        return "range"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "day")


def _value(row: Any, name: str) -> str:
    term = row[name]
    return "" if term is None else str(term.value)


def _gather(store: GraphStore, sparql: str, by: str) -> list[dict[str, Any]]:
    """Rows folded per ``by`` (a fact or a step), with the set of actors and articles."""
    folded: dict[str, dict[str, Any]] = {}
    result = store.query(sparql)
    columns = {v.value for v in result.variables}
    for row in result:
        key = _value(row, by)
        item = folded.setdefault(
            key,
            {"actors": set(), "articles": {}, **{v: "" for v in ("label", "kind", "status")}},
        )
        for name in ("fact", "label", "kind", "status", "date", "rate"):
            if name in columns and _value(row, name):
                item[name] = item.get(name) or _value(row, name)
        if _value(row, "actorName"):
            item["actors"].add(_value(row, "actorName"))
            item.setdefault("actor_iris", set()).add(_value(row, "actor"))
        if _value(row, "article"):
            item["articles"][_value(row, "article")] = _value(row, "published")
    return list(folded.values())


def _line(item: dict[str, Any], sources: dict[str, str]) -> Line | None:
    first = min(sources.items(), key=lambda kv: (kv[1] or "9999", kv[0]), default=("", ""))
    date, precision = item.get("date", ""), ""
    if date:
        precision = _precision(date)
    elif first[1]:
        date, precision = first[1], "reported"
    if not date:
        return None
    return Line(
        date=date,
        precision=precision,
        what=item["kind"],
        label=item["label"],
        status=item["status"],
        actors=tuple(sorted(item["actors"])),
        sources=len(sources),
        first_source=first[0],
        rate=item.get("rate", ""),
        node=item.get("fact", ""),
    )


def timeline(
    store: GraphStore,
    names: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[Line]:
    """The store's dated events and policy steps, oldest first, involving every one of
    ``names`` (a person, a government or a country, by any of its names)."""
    served: dict[str, set[str]] = defaultdict(set)
    for row in store.query(SERVED):
        served[_value(row, "person")].add(_value(row, "country"))
    wanted = [_matcher(n) for n in names]
    lines: list[tuple[Line, set[str]]] = []
    for item in _gather(store, EVENTS, "fact"):
        line = _line(item, item["articles"])
        if line is not None:
            lines.append((line, _known_as(item, served)))
    steps_by_fact: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in _gather(store, POLICY_STEPS, "step"):
        steps_by_fact[item.get("fact", "")].append(item)
    for steps in steps_by_fact.values():
        every = {a: d for s in steps for a, d in s["articles"].items()}
        for item in steps:
            line = _line(item, item["articles"])
            if line is not None:
                lines.append(
                    (Line(**{**asdict(line), "sources": len(every)}), _known_as(item, served))
                )
    return sorted(
        (
            line
            for line, known in lines
            if all(any(m(a) for a in known) for m in wanted) and _within(line, start, end)
        ),
        key=Line.sort_key,
    )


def _known_as(item: dict[str, Any], served: dict[str, set[str]]) -> set[str]:
    """The names a line can be found by: its actors and the countries its people serve."""
    known = set(item["actors"])
    for iri in item.get("actor_iris", ()):
        known |= served.get(iri, set())
    return known


def _matcher(name: str) -> Callable[[str], bool]:
    """A test for an actor's name: the same words, or a word of it ('Akazawa'); a country by
    any of its names ('U.S.', 'Washington' for the United States)."""
    found = gazetteer.lookup(name.strip())
    if found is not None:
        country_name = found[0].name
        return lambda actor: actor == country_name
    wanted = name_forms.core_parts(name) or name_forms.parts(name)
    if not wanted:
        raise QueryError(f"not a name: '{name}'")

    def matches(actor: str) -> bool:
        have = name_forms.parts(actor)
        return all(w in have for w in wanted)

    return matches


def _within(line: Line, start: dt.date | None, end: dt.date | None) -> bool:
    first = line.date.split("/")[0]
    last = line.date.split("/")[-1]
    if start is not None and last < start.isoformat()[: len(last)]:
        return False
    return not (end is not None and first > end.isoformat()[: len(first)])


FORMATS = ("table", "csv", "json")
_COLUMNS = (
    "date",
    "precision",
    "what",
    "label",
    "status",
    "actors",
    "rate",
    "sources",
    "first_source",
)


def render(lines: Iterable[Line], fmt: str = "table") -> str:
    """The timeline as a table for reading, CSV or JSON (one object per line)."""
    lines = list(lines)
    if fmt == "json":
        return json.dumps([asdict(line) for line in lines], ensure_ascii=False, indent=1) + "\n"
    cells = [
        [
            line.date,
            line.precision,
            line.what,
            line.label,
            line.status,
            "; ".join(line.actors),
            line.rate,
            str(line.sources),
            line.first_source,
        ]
        for line in lines
    ]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_COLUMNS)
        writer.writerows(cells)
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown format '{fmt}'; choose one of: {', '.join(FORMATS)}")
    shown = [[c if len(c) <= 48 else c[:47] + "…" for c in row[:-1]] for row in cells]
    header = list(_COLUMNS[:-1])
    widths = [max([len(h)] + [len(r[i]) for r in shown]) for i, h in enumerate(header)]
    rows = [header, ["-" * w for w in widths], *shown]
    text = "\n".join(
        " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in rows
    )
    return text + f"\n({len(lines)} line{'s' if len(lines) != 1 else ''})\n"
