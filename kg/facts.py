"""Plain fact objects: what extractors produce and the RDF mapping consumes.

Facts hold strings, numbers, dates and character offsets only - never spaCy spans
or IRIs - so they pickle across processes, hash for deduplication and print as one
readable line (``fact.line()``) for golden files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Final, Literal, Union

# Kinds of entity a fact can point to.
PERSON = "person"
COUNTRY = "country"
GOVERNMENT = "government"
PLACE = "place"
GROUP = "group"  # an unnamed group of speakers ("diplomatic sources")

# Role classes used for officials (the DWIE-style split the evaluation uses).
HEAD_OF_STATE = "head_of_state"
HEAD_OF_GOVERNMENT = "head_of_government"
MINISTER = "minister"
OTHER = "other"

# Meeting statuses.
MeetingStatus = Literal["held", "planned", "expected", "proposed", "cancelled"]
HELD: Final = "held"
PLANNED: Final = "planned"
EXPECTED: Final = "expected"
PROPOSED: Final = "proposed"
CANCELLED: Final = "cancelled"
MEETING_STATUSES: tuple[MeetingStatus, ...] = (HELD, PLANNED, EXPECTED, PROPOSED, CANCELLED)

# Policy kinds (each a class of the ontology: kg.rdf.mapping.POLICY_CLASSES).
PolicyKind = Literal[
    "tariff",
    "sanction",
    "quota",
    "export control",
    "pause",
    "exemption",
    "agreement",
    "ceasefire",
    "investment",
    "purchase",
    "pledge",
    "request",
    "proposal",
]
# Policy statuses: as reported ("in force", "planned", "threatened", ...), what an agreement
# or pledge has come to ("reached", "pledged", "requested"), and what later news did to the
# measure ("superseded", "lifted", "partly paused").
PolicyStatus = Literal[
    "in force",
    "planned",
    "proposed",
    "threatened",
    "reached",
    "pledged",
    "requested",
    "superseded",
    "lifted",
    "to be lifted",
    "partly paused",
]


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, and the phrase within it that triggered it."""

    sentence: Span
    anchor: Span


@dataclass(frozen=True)
class EntityRef:
    """A pointer to a person, country, government, place or group.

    ``key`` is the identity key that IRIs are minted from: the full name for a person,
    the ISO 3166 alpha-2 code for a country or its government, the name for a place.
    """

    kind: str
    key: str
    label: str


@dataclass(frozen=True)
class DateValue:
    """A date expression normalised against the article's publication date.

    ``iso`` is ``YYYY-MM-DD`` (precision ``day``), ``YYYY-MM`` (``month``), ``YYYY``
    (``year``) or an ISO 8601 interval ``YYYY-MM-DD/YYYY-MM-DD`` (``range``).
    ``earliest``/``latest`` bound the day it can fall on, inclusive.
    """

    text: str
    iso: str
    precision: str
    earliest: dt.date
    latest: dt.date


@dataclass(frozen=True)
class Mention:
    """An entity named in the article, with every surface form it was called by."""

    entity: EntityRef
    aliases: tuple[str, ...]
    evidence: Evidence


@dataclass(frozen=True)
class OfficialRole:
    """Person P serves government G in a role, as the article reports it."""

    person: EntityRef
    title: str  # the title as written ("chief tariff negotiator")
    office: str  # the normalised office ("Prime Minister") or the title itself
    role_class: str  # HEAD_OF_STATE | HEAD_OF_GOVERNMENT | MINISTER | OTHER
    government: EntityRef | None  # the country served (kind COUNTRY)
    formal: bool  # an office (org:Post) rather than an informal role
    qualifier: str  # "", "former", "acting", "deputy", "vice", ...
    evidence: Evidence


@dataclass(frozen=True)
class Meeting:
    """A meeting, talks, summit, visit, call or round, held or to come."""

    label: str
    kind: str  # meeting | talks | summit | visit | call | conference | negotiations
    participants: tuple[EntityRef, ...]
    place: EntityRef | None
    when: DateValue | None
    status: MeetingStatus
    ordinal: int | None  # "fourth round" -> 4
    part_of: str | None  # the ``key`` of the event it happens beside ("the G7 summit")
    evidence: Evidence
    # the event's key within its article ("summit@812": kind and where it is first named),
    # so another meeting's ``part_of`` can point at it
    key: str = ""


@dataclass(frozen=True)
class Policy:
    """A tariff, pause, agreement, pledge, request or offer and who stands behind it."""

    kind: PolicyKind
    label: str
    actor: EntityRef | None  # who imposes, pledges, requests or is party to it
    target: EntityRef | None  # the country or government it is aimed at or agreed with
    goods: tuple[str, ...]
    rate: float | None
    unit: str | None  # "percent", "days", "USD", ...
    start: DateValue | None
    end: DateValue | None
    status: PolicyStatus
    about: str | None  # label of the policy it acts on (a pause of "reciprocal tariff")
    evidence: Evidence
    amount: float | None = None  # a sum of money ("$350 billion"), in ``currency``
    currency: str | None = None  # ISO 4217 code ("USD")
    replaces: str | None = None  # label of the measure it changed ("cut from 25 to 15%")


@dataclass(frozen=True)
class Quote:
    """Who said what: direct quotes and reported ("said that ...") statements."""

    speaker: EntityRef | None
    speaker_text: str  # how the speaker is referred to at the cue ("the minister")
    cue: str  # the speech verb lemma ("say", "tell", "note")
    text: str
    direct: bool
    evidence: Evidence


Fact = Union[Mention, OfficialRole, Meeting, Policy, Quote]  # noqa: UP007 (py3.10 alias)


def fact_line(fact: Fact) -> str:
    """One readable line per fact, stable across runs (for golden files and logs)."""

    def show(value: object) -> str:
        if isinstance(value, EntityRef):
            return f"{value.kind}:{value.label}"
        if isinstance(value, DateValue):
            return f"{value.iso}({value.text})"
        if isinstance(value, Evidence):
            return f"@{value.anchor.start}-{value.anchor.end}"
        if isinstance(value, tuple):
            return "[" + ", ".join(show(v) for v in value) + "]"
        return repr(value) if isinstance(value, str) else str(value)

    parts = [f"{f.name}={show(getattr(fact, f.name))}" for f in fields(fact)]
    return f"{type(fact).__name__}(" + " ".join(parts) + ")"
