"""One event across articles, and the rounds of a series of talks.

Five outlets report the same talks: five meeting nodes, one per article. Reports are the same
event when they come from different articles, are of the same kind of event (talks,
summit, call, visit), share two named people (or, where a report names fewer, the same two or
more governments), and their dates agree: both dated with overlapping days, or undated
reports published within a week of each other. The event keeps every report, and its status
moves with time: each report's status with the day it was published.

Rounds ("fourth round", "fifth round") of talks between the same governments are ordered
members of one series.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from kg.resolve.clusters import day, groups, overlaps
from kg.resolve.read import Report

FAMILIES = {
    "meeting": "talks",
    "talks": "talks",
    "negotiations": "talks",
    "conference": "talks",
    "round": "talks",
    "summit": "summit",
    "call": "call",
    "visit": "visit",
}
_UNDATED_DAYS = 7  # undated reports published this close may be of one event
_PRECISION = {"day": 0, "range": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class Event:
    """One real-world event and the reports of it, first report first."""

    reports: tuple[Report, ...]
    attendees: frozenset[str]  # as the reports name them: people (resolved), governments


@dataclass(frozen=True)
class Series:
    """Rounds of one series of talks, in order of their ordinal."""

    governments: frozenset[str]
    rounds: tuple[tuple[int, Report], ...]


class _View:
    """A report read with the store's resolved people and their governments."""

    def __init__(
        self,
        canonical: Mapping[str, str],
        person_governments: Mapping[str, frozenset[str]],
        dates: Mapping[str, str],
    ) -> None:
        self.canonical = canonical
        self.person_governments = person_governments
        self.dates = dates

    def attendees(self, r: Report) -> frozenset[str]:
        return frozenset(self.canonical.get(a, a) for a in r.values.get("attendee", ()))

    def people(self, r: Report) -> frozenset[str]:
        return frozenset(
            self.canonical.get(a, a) for a in r.values.get("attendee", ()) if "/person/" in a
        )

    def governments(self, r: Report) -> frozenset[str]:
        own = {a for a in r.values.get("attendee", ()) if "/government/" in a}
        for person in self.people(r):
            served = self.person_governments.get(person, frozenset())
            if len(served) == 1:
                own |= served
        return frozenset(own)

    def span(self, r: Report) -> tuple[dt.date, dt.date] | None:
        first, last = day(r.one("earliest")), day(r.one("latest"))
        if first and last:
            return first, last
        start = day(r.one("start"))
        return (start, start) if start else None

    def published(self, r: Report) -> dt.date | None:
        return day(self.dates.get(r.article))

    def same(self, a: Report, b: Report) -> bool:
        if a.article == b.article:
            return False
        shared_people = self.people(a) & self.people(b)
        enough_people = len(shared_people) >= 2
        if not enough_people:
            ga, gb = self.governments(a), self.governments(b)
            few = len(self.people(a)) < 2 or len(self.people(b)) < 2
            if not (few and len(ga) >= 2 and ga == gb):
                return False
        places = (a.one("place"), b.one("place"))
        if all(places) and places[0] != places[1]:
            return False
        return self._dates_agree(a, b)

    def _dates_agree(self, a: Report, b: Report) -> bool:
        sa, sb = self.span(a), self.span(b)
        if sa and sb:
            return overlaps(sa, sb)
        pa, pb = self.published(a), self.published(b)
        if sa or sb or pa is None or pb is None:
            return False
        return abs((pa - pb).days) <= _UNDATED_DAYS


def family(kind: str) -> str:
    return FAMILIES.get(kind, kind)


def resolve_events(
    reports: list[Report],
    canonical: Mapping[str, str],
    person_governments: Mapping[str, frozenset[str]],
    dates: Mapping[str, str],
) -> list[Event]:
    """Events reported by two or more articles, sorted by their first report."""
    view = _View(canonical, person_governments, dates)
    found = groups(reports, view.same, key=lambda r: r.iri, bucket=lambda r: family(r.kind))
    events = []
    for group in found:
        ordered = sorted(group, key=lambda r: (dates.get(r.article, ""), r.iri))
        attendees = frozenset().union(*(view.attendees(r) for r in ordered))
        events.append(Event(tuple(ordered), attendees))
    return sorted(events, key=lambda e: e.reports[0].iri)


def resolve_series(
    reports: list[Report],
    canonical: Mapping[str, str],
    person_governments: Mapping[str, frozenset[str]],
    dates: Mapping[str, str],
) -> list[Series]:
    """Numbered rounds of talks between the same two or more governments."""
    view = _View(canonical, person_governments, dates)
    by_parties: dict[frozenset[str], list[tuple[int, Report]]] = {}
    for r in reports:
        ordinal = r.one("ordinal")
        parties = view.governments(r)
        if ordinal is None or not ordinal.isdigit() or len(parties) < 2:
            continue
        by_parties.setdefault(parties, []).append((int(ordinal), r))
    series = []
    for parties, rounds in by_parties.items():
        if len({n for n, _ in rounds}) < 2:
            continue
        ordered = tuple(sorted(rounds, key=lambda nr: (nr[0], nr[1].iri)))
        series.append(Series(parties, ordered))
    return sorted(series, key=lambda s: sorted(s.governments))


def summary(event: Event, dates: Mapping[str, str]) -> dict[str, str]:
    """The event's name, kind, place, best date and latest status, from its reports."""
    reports = event.reports
    names = Counter(r.label for r in reports if r.label)
    places = Counter(r.one("place") for r in reports if r.one("place"))
    dated = [r for r in reports if r.one("start")]
    best = min(
        dated,
        key=lambda r: (_precision(r.one("start") or ""), dates.get(r.article, ""), r.iri),
        default=None,
    )
    latest = max(reports, key=lambda r: (dates.get(r.article, ""), r.iri))
    out = {
        "name": min(names, key=lambda n: (-names[n], n)) if names else "",
        "kind": family(reports[0].kind),
        "status": latest.status,
    }
    if places:
        out["place"] = str(min(places, key=lambda p: (-places[p], str(p))))
    if best is not None:
        out["start"] = best.one("start") or ""
    return out


def _precision(iso: str) -> int:
    if "/" in iso:
        return _PRECISION["range"]
    return {10: 0, 7: 2, 4: 3}.get(len(iso), 4)
