"""Meetings named by a verb: "met", "will meet", "conferred", "hosted", "visited", "phoned",
"spoke by phone with", a trip to another country or its capital ("will travel to India"),
and the heads of delegations and mediators told beside an event.

Each verb shape (``VERB_SHAPES``) returns the parties and place it reads, or nothing when the
verb is not its kind; the first that takes the verb decides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from kg.dates import FUTURE
from kg.extractors.meeting_events import (
    Draft,
    verb_label,
)
from kg.extractors.meeting_nouns import verb_beside
from kg.extractors.meeting_parties import clause_subjects
from kg.extractors.meeting_reading import (
    Reader,
    governing_verbs,
    homes,
    host_of,
    pobjs,
    status_cues,
)
from kg.extractors.patterns.meetings import (
    DELEGATION_NOUNS,
    DISCUSS_VERBS,
    LEAD_VERBS,
    MEDIATOR_NOUNS,
    VISIT_TRIP_VERBS,
)
from kg.facts import (
    COUNTRY,
    EXPECTED,
    GOVERNMENT,
    HELD,
    PERSON,
    PLACE,
    PLANNED,
    PROPOSED,
    EntityRef,
    Meeting,
)


# --- verb triggers -------------------------------------------------------------------------
def _verb_subjects(verb: Token) -> list[Token]:
    return clause_subjects(verb)


def _verb_objects(verb: Token, kind: str) -> list[Token]:
    """The objects of a verb and its 'with' phrase, and the 'with' of what it is for ("will
    visit Washington to discuss trade with Y"); for a call, a 'with' anywhere below it
    ("spoke by phone with X": 'with' hangs from 'phone')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += pobjs(verb, {"with"})
    for purpose in verb.children:
        if purpose.dep_ in ("xcomp", "advcl") and purpose.lemma_ in DISCUSS_VERBS:
            objects += pobjs(purpose, {"with"})
    if kind == "call":
        objects += [
            g
            for prep in verb.children
            if prep.dep_ == "prep"
            for with_ in prep.subtree
            if with_.lower_ == "with" and with_.head != verb
            for g in with_.children
            if g.dep_ == "pobj"
        ]
    return objects


@dataclass
class _VerbParts:
    """What a verb shape found: who, where, and the tokens the evidence spans."""

    participants: list[EntityRef]
    place: EntityRef | None
    subjects: list[Token]
    objects: list[Token]


def trip_abroad(reader: Reader, verb: Token, kind: str) -> _VerbParts | None:
    """'will travel to India': a trip to another country or its capital is a visit
    ("Merz flew to Berlin" is going home, no visit)."""
    if verb.lemma_ not in VISIT_TRIP_VERBS:
        return None
    destination = reader.trip_destination(verb)
    if destination is None:
        return None
    subjects = _verb_subjects(verb)
    participants = reader.participants(subjects)
    home = {reader.home_country(p) for p in participants}
    if not participants or destination.key.split("/")[0] in home:
        return _VerbParts([], None, [], [])  # taken, but no meeting
    return _VerbParts(participants, destination, subjects, _verb_objects(verb, kind))


def visit_place(reader: Reader, verb: Token, kind: str) -> _VerbParts | None:
    """'will visit Beijing': one place visited, and the visitors are the subject ("visits
    Leeds, York and Hull" is a tour, "visited a school" no meeting)."""
    if kind != "visit":
        return None
    visited = [c for c in verb.children if c.dep_ == "dobj"]
    mention = reader.ctx.mention_at(visited[0]) if len(visited) == 1 else None
    if (
        mention is None
        or mention.ref.kind not in (PLACE, COUNTRY, GOVERNMENT)
        or visited[0].conjuncts
    ):
        return _VerbParts([], None, [], [])
    place = mention.ref
    if place.kind == GOVERNMENT:  # "visit Washington" read as its government
        place = EntityRef(COUNTRY, place.key, place.label)
    subjects = _verb_subjects(verb)
    hosts = [o for o in _verb_objects(verb, kind) if o.dep_ != "dobj"]  # "to discuss ... with Y"
    return _VerbParts(reader.participants(subjects + hosts), place, subjects, visited)


def meet_with(reader: Reader, verb: Token, kind: str) -> _VerbParts | None:
    """'X met Y', 'X and Y will meet', 'X hosted Y', 'X phoned Y': two parties or more."""
    subjects = _verb_subjects(verb)
    objects = _verb_objects(verb, kind)
    guests = reader.participants(objects)
    direct = [o for o in objects if o.dep_ == "dobj"]
    if direct and not reader.participants(direct):
        return _VerbParts([], None, [], [])  # "meet our commitments", "hosted a dinner"
    participants = reader.participants(subjects)
    participants += [g for g in guests if g not in participants]
    if len(participants) < 2 or (not guests and kind == "host"):
        return _VerbParts([], None, [], [])
    return _VerbParts(participants, _meeting_place(reader, verb, objects), subjects, objects)


def _meeting_place(reader: Reader, verb: Token, objects: list[Token]) -> EntityRef | None:
    """'met X in Jakarta' (the parser often hangs 'in Jakarta' from X), and 'there' after a
    trip ('travelled to Ottawa ... There she met ...')."""
    place = reader.verb_place(verb)
    for obj in objects:
        place = place or reader.verb_place(obj)
    if place is None and any(c.lower_ == "there" for c in verb.children):
        place = reader.trip_place_before(verb)
    return place


VerbShape = Callable[[Reader, Token, str], "_VerbParts | None"]
VERB_SHAPES: tuple[VerbShape, ...] = (trip_abroad, visit_place, meet_with)


def verb_draft(reader: Reader, verb: Token) -> Draft | None:
    """An event named by a verb: the first verb shape that takes the verb decides."""
    kind = reader.verb_kind(verb)
    if kind is None:
        return None
    parts = None
    for shape in VERB_SHAPES:
        parts = shape(reader, verb, kind)
        if parts is not None:
            break
    if parts is None or not parts.participants:
        return None
    ctx, doc = reader.ctx, reader.doc
    tense = ctx.tense_of(verb)
    if tense is None and verb.tag_ in ("VBP", "VBZ"):
        tense = FUTURE  # "when the pair meet in Alaska on Friday": news tells plans so
    if status_cues([verb, *governing_verbs(verb)][:3], verb) in (PLANNED, EXPECTED, PROPOSED):
        tense = FUTURE  # "is expected to visit Japan in June"
    when = reader.date_from(reader.verb_dates(verb), tense)
    status, weight = reader.status([verb, *governing_verbs(verb)], None, when, tense, False)
    # a meeting told as done with no date of its own is of the day the story is about;
    # kept apart so that it tells no two mentions apart
    fallback = reader.reference if when is None and status == HELD else None
    ends = [verb, *parts.subjects, *parts.objects]
    first, last = min(ends, key=lambda t: t.i), max(ends, key=lambda t: t.i)
    last_mention = ctx.mention_at(last)
    kind = "meeting" if kind == "host" else kind
    host = host_of(parts.place)
    guest = kind == "visit" and host is not None and host not in parts.participants
    participants = [*parts.participants, *([host] if guest and host else [])]
    meeting = Meeting(
        label=verb_label(kind, parts.participants, parts.place),
        kind=kind,
        participants=tuple(participants),
        place=parts.place,
        when=when,
        status=status,
        ordinal=None,
        part_of=None,
        evidence=ctx.evidence(first, doc[last_mention.end - 1] if last_mention else last),
    )
    return Draft(
        verb.i,
        meeting,
        verb_beside(verb),
        sentence=ctx.sentence_index(verb),
        weight=weight,
        homes=homes(reader, parts.participants),
        verb=kind,
        host=host,
        fallback_when=fallback,
    )


# --- heads of the sides of an event just told -------------------------------------------------
def _led_side(verb: Token) -> bool:
    """'headed the U.S. delegation' / 'the Iranians were led by' / 'a delegation led by'."""
    if verb.lemma_ not in LEAD_VERBS:
        return False
    sides = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "acl":
        sides.append(verb.head)
    return any(s.lower_ in DELEGATION_NOUNS or s.ent_type_ in ("NORP", "GPE") for s in sides)


def _leaders(verb: Token) -> list[Token]:
    """Who leads in a 'led' clause: the agent of a passive, else the subject."""
    agents = pobjs(verb, {"by"})
    if agents or verb.dep_ == "acl" or any(c.dep_ == "nsubjpass" for c in verb.children):
        return agents
    return clause_subjects(verb)


def _mediates(verb: Token) -> bool:
    """'acted as chief mediator', 'served as an intermediary'."""
    return verb.lemma_ in ("act", "serve") and any(
        obj.lower_ in MEDIATOR_NOUNS for obj in pobjs(verb, {"as"})
    )


def delegation_draft(reader: Reader, verb: Token) -> Draft | None:
    """The head of a delegation or a mediator, named just after an event is told: they take
    part in it ("Envoy X headed the U.S. delegation, while the Iranians were led by Y")."""
    if verb.pos_ != "VERB":
        return None
    if _led_side(verb):
        tokens = _leaders(verb)
    elif _mediates(verb):
        tokens = clause_subjects(verb)
    else:
        return None
    persons = [p for p in reader.participants(tokens) if p.kind == PERSON]
    if not persons:
        return None
    ctx = reader.ctx
    meeting = Meeting(
        label="talks",
        kind="talks",
        participants=tuple(persons),
        place=None,
        when=None,
        status=PLANNED,
        ordinal=None,
        part_of=None,
        evidence=ctx.evidence(verb),
    )
    return Draft(verb.i, meeting, sentence=ctx.sentence_index(verb), anaphoric=True, reach=2)
