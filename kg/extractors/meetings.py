"""Meetings, talks, summits, visits and calls, with participants, place, date and status.

Two kinds of trigger, each read by named shapes (``NOUN_SHAPES``, ``VERB_SHAPES``): an
event noun ("a fourth round of tariff talks", "the G7 summit") and an event verb: "meet"
("Akazawa, who met with Prime Minister Shigeru Ishiba"), "confer", "host", "visit" (a visit
has the place visited), "phoned" and "spoke by phone with" (a call), and a trip to another
country or its capital ("will travel to India"). Countries taking part are their
governments, and so are unnamed sides of one ("his Japanese counterpart", "negotiators from
Japan and the United States"). Generic mentions ("in talks", "the negotiations so far") are
skipped: an event needs something that makes it one occasion - an ordinal, a date, a place,
named participants, a proper-noun name or an event verb (hold, attend, schedule), "between
X and Y", or a trip made for it ("flew to Washington for talks with X", whose traveller
takes part). Dates and places right after an event phrase attach to it, not to the clause's
verb ("met Ishiba ahead of talks later this week in Washington": the talks are in Washington
later this week, the meeting was not).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Token

from kg.dates import FUTURE
from kg.extractors.context import DocContext, clean_text
from kg.extractors.meeting_reading import Reader, governing_verbs, ordinal_of
from kg.extractors.patterns.meetings import (
    BEFORE_PREPS,
    BESIDE_PREPS,
    CONTAINER_NOUNS,
    EVENT_SUBJECT_VERBS,
    EVENT_VERBS,
    MEETING_NOUNS,
    PARTY_PREPS,
    PHONE_NOUNS,
    VISIT_TRIP_VERBS,
)
from kg.facts import COUNTRY, GOVERNMENT, HELD, PLACE, EntityRef, Meeting


@dataclass(frozen=True)
class Draft:
    """One mention of an event, read from one trigger token (``trigger`` is its index)."""

    trigger: int
    meeting: Meeting
    part_of: int | None = None  # trigger index of the event it happens beside


# --- noun triggers -------------------------------------------------------------------------
def phone_call(noun: Token) -> int | None:
    """'a phone call', 'a call by telephone': the end of the phrase, else None."""
    if noun.lower_ != "call":
        return None
    if noun.head.lemma_ == "phone" or any(c.lower_ in PHONE_NOUNS for c in noun.children):
        return noun.i + 1
    return None


def round_of_talks(noun: Token) -> int | None:
    """'the fourth round of tariff talks': the round is the event, up to its talks."""
    if noun.lower_ not in ("round", "rounds"):
        return None
    of_phrase = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not of_phrase:
        return None
    talks = [c for c in of_phrase[0].children if c.dep_ == "pobj"]
    if not talks or talks[0].lower_ not in MEETING_NOUNS:
        return None
    return talks[0].i + 1


def event_noun(noun: Token) -> int | None:
    """'talks', 'the summit', 'a visit' (not a call or a round, which have their own shapes)."""
    if noun.lower_ in ("call", "round", "rounds"):
        return None
    return noun.i + 1


NounShape = Callable[[Token], "int | None"]
NOUN_SHAPES: tuple[NounShape, ...] = (phone_call, round_of_talks, event_noun)


def _noun_phrase_end(noun: Token) -> int | None:
    """Where the event phrase a noun heads ends, by the first shape that takes the noun."""
    if noun.lower_ not in MEETING_NOUNS or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    # "round of tariff talks": the round is the event, the talks name it
    if noun.dep_ == "pobj" and noun.head.head.lower_ in CONTAINER_NOUNS:
        return None
    for shape in NOUN_SHAPES:
        end = shape(noun)
        if end is not None:
            return end
    return None


def _label_start(noun: Token) -> int:
    """The first word of the event's label: its modifiers, without determiners."""
    doc = noun.doc
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in ("det", "poss") or child.lower_ in ("the", "a", "an"):
            continue
        start = min(start, child.left_edge.i)
    while start < noun.i and (doc[start].dep_ in ("det", "poss") or doc[start].is_punct):
        start += 1
    return start


def _between_count(noun: Token) -> int:
    """How many parties 'between' names: 'talks between X and Y' is 2."""
    return sum(
        1 + len(c.conjuncts)
        for prep in noun.rights
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for c in prep.children
        if c.dep_ == "pobj"
    )


def _noun_party_tokens(reader: Reader, noun: Token, verbs: list[Token]) -> list[Token]:
    """Tokens naming the parties of an event noun: 'talks with X', 'Merz's visit', the
    subject of 'X held talks', the traveller of 'flew to Y for talks with X'."""
    tokens = [
        c
        for prep in noun.rights
        if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    # "Merz's visit", "Japan's talks with ...": the possessor takes part
    tokens.extend(c for c in noun.lefts if c.dep_ == "poss" and c.pos_ != "PRON")
    if noun.dep_ in ("dobj", "nsubjpass") and verbs and noun.head == verbs[0]:
        subjects = [c for c in verbs[0].children if c.dep_ in ("nsubj",)]
        if verbs[0].lemma_ in EVENT_VERBS:
            tokens.extend(subjects)
            # "is hoping to schedule", "will visit ... and hold talks": the subject of the
            # verb above
            if not subjects and verbs[0].dep_ in ("xcomp", "conj"):
                tokens.extend(c for c in verbs[0].head.children if c.dep_ == "nsubj")
    trip = reader.trip_verb(noun)
    if trip is not None:  # "Macron flew to Berlin for talks with Merz"
        tokens.extend(c for c in trip.children if c.dep_ == "nsubj")
    return tokens


def _noun_places(reader: Reader, noun: Token, places: list[EntityRef]) -> list[EntityRef]:
    """Places inside the event phrase ('talks in Geneva'), a visit's destination first."""
    ctx = reader.ctx
    for child in noun.subtree:
        mention = ctx.mention_at(child)
        if (
            child.dep_ == "pobj"
            and child.head.lower_ in ("in", "at")
            and mention
            and mention.ref.kind in (PLACE, COUNTRY)
            and mention.ref not in places
        ):
            places.append(mention.ref)
    if MEETING_NOUNS[noun.lower_] == "visit":  # "the visit to Beijing": the place visited
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for obj in prep.children:
                    mention = ctx.mention_at(obj)
                    if (
                        mention
                        and mention.ref.kind in (PLACE, COUNTRY)
                        and mention.ref not in places
                    ):
                        places.insert(0, mention.ref)
    return places


def _event_verb(noun: Token, verbs: list[Token]) -> bool:
    """'hold talks', 'the summit was cancelled': a verb that makes the noun one occasion."""
    return bool(verbs) and verbs[0].lemma_ in EVENT_VERBS and noun.dep_ in ("dobj", "nsubjpass")


def _took_place(noun: Token, verbs: list[Token]) -> bool:
    """'talks between ... resumed in Tokyo on Monday'."""
    return (
        bool(verbs)
        and noun.dep_ == "nsubj"
        and noun.head == verbs[0]
        and verbs[0].lemma_ in EVENT_SUBJECT_VERBS
    )


def _verb_places(reader: Reader, noun: Token, verbs: list[Token], places: list[EntityRef]) -> None:
    """The place of the trip made for the event, or of the verb that holds it."""
    trip = reader.trip_verb(noun)
    if trip is not None and not places:
        held_at = reader.verb_place(trip, ("in", "at", "to"))
        if held_at is not None:
            places.append(held_at)
    if (_event_verb(noun, verbs) or _took_place(noun, verbs)) and not places:
        held_at = reader.verb_place(verbs[0])  # "hold a summit ... in Beijing"
        if held_at is not None:
            places.append(held_at)


def _is_specific(
    reader: Reader,
    noun: Token,
    verbs: list[Token],
    participants: list[EntityRef],
    places: list[EntityRef],
    dates: list,
) -> bool:
    """Something makes the event one occasion: an ordinal, a place, a name, an event verb,
    named parties, 'between X and Y', a trip made for it, a date."""
    doc = noun.doc
    ordinal = ordinal_of(noun)
    start = _label_start(noun)
    determiner = [c.lower_ for c in noun.lefts if c.dep_ == "det"]
    plural_generic = noun.tag_ in ("NNS", "NNPS") and not determiner and ordinal is None
    return (
        ordinal is not None
        or bool(places)
        or any(t.pos_ == "PROPN" and t.i < noun.i for t in doc[start : noun.i])
        or _event_verb(noun, verbs)
        or (bool(participants) and not plural_generic)
        or (_between_count(noun) >= 2 and len(participants) >= 2)  # "talks between X and Y"
        or (reader.trip_verb(noun) is not None and len(participants) >= 2)
        or any(reader.ctx.date_of(s) is not None for s in dates)
    )


def _is_before(noun: Token) -> bool:
    """'ahead of the summit', 'before the talks': the event comes after the clause's time."""
    return (
        noun.head.dep_ == "pobj"
        and noun.head.head.lower_ in BEFORE_PREPS
        or (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "of"
            and noun.head.head.lower_ in BEFORE_PREPS
        )
    )


def _beside(noun: Token) -> int | None:
    """'on the sidelines of the G7 summit': the trigger of the event this one is beside."""
    part_of = None
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in BESIDE_PREPS:
            for obj in prep.subtree:
                if obj.lower_ in MEETING_NOUNS and obj.i != noun.i:
                    part_of = obj.i
    return part_of


def noun_draft(reader: Reader, noun: Token) -> Draft | None:
    """An event named by a noun phrase, if it is one occasion."""
    end = _noun_phrase_end(noun)
    if end is None:
        return None
    ctx = reader.ctx
    start = _label_start(noun)
    dates, places, _ = reader.trailing_modifiers(end)
    reader.claimed_dates.update(span.start for span in dates)
    places = _noun_places(reader, noun, places)
    verbs = governing_verbs(noun)
    if reader.inside_event(noun):
        verbs = []  # "the sidelines of the G7 summit": the outer clause is not its own
    party_tokens = _noun_party_tokens(reader, noun, verbs)
    participants = reader.participants(party_tokens)
    for token in party_tokens:
        for group in reader.group_participants(token):
            if group not in participants:
                participants.append(group)
    _verb_places(reader, noun, verbs, places)
    if not _is_specific(reader, noun, verbs, participants, places, dates):
        return None
    before = _is_before(noun)
    tense = FUTURE if before else (ctx.tense_of(verbs[0]) if verbs else None)
    when = reader.date_from(dates, tense)
    if when is None and not before:
        when = reader.date_from(reader.clause_dates(verbs[:2]), tense)
    meeting = Meeting(
        label=clean_text(noun.doc[start:end].text),
        kind=MEETING_NOUNS[noun.lower_],
        participants=tuple(participants),
        place=places[0] if places else None,
        when=when,
        status=reader.status(verbs, noun, when, tense, before),
        ordinal=ordinal_of(noun),
        part_of=None,
        evidence=ctx.evidence(noun.doc[start], noun.doc[end - 1]),
    )
    return Draft(noun.i, meeting, _beside(noun))


# --- verb triggers -------------------------------------------------------------------------
def _verb_subjects(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and verb.dep_ in ("xcomp", "conj"):
        subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects


def _verb_objects(verb: Token, kind: str) -> list[Token]:
    """The objects of a verb and its 'with' phrase; for a call, a 'with' anywhere below it
    ("spoke by phone with X": 'with' hangs from 'phone')."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        g
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for g in prep.children
        if g.dep_ == "pobj"
    ]
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
    return _VerbParts(reader.participants(subjects), place, subjects, visited)


def meet_with(reader: Reader, verb: Token, kind: str) -> _VerbParts | None:
    """'X met Y', 'X and Y will meet', 'X hosted Y', 'X phoned Y': two parties or more."""
    subjects = _verb_subjects(verb)
    objects = _verb_objects(verb, kind)
    participants = reader.participants(subjects + objects)
    if len(participants) < 2:
        return _VerbParts([], None, [], [])
    return _VerbParts(participants, reader.verb_place(verb), subjects, objects)


VerbShape = Callable[[Reader, Token, str], "_VerbParts | None"]
VERB_SHAPES: tuple[VerbShape, ...] = (trip_abroad, visit_place, meet_with)


def _verb_label(kind: str, parts: _VerbParts) -> str:
    names = " and ".join(p.label for p in parts.participants)
    if kind == "visit":
        return f"visit of {names}" + (f" to {parts.place.label}" if parts.place else "")
    if kind == "call":
        return f"call of {names}"
    return f"meeting of {names}"


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
    when = reader.date_from(reader.verb_dates(verb), tense)
    status = reader.status([verb, *governing_verbs(verb)], None, when, tense, False)
    if when is None and status == HELD:
        when = reader.reference
    ends = [verb, *parts.subjects, *parts.objects]
    first, last = min(ends, key=lambda t: t.i), max(ends, key=lambda t: t.i)
    last_mention = ctx.mention_at(last)
    meeting = Meeting(
        label=_verb_label(kind, parts),
        kind="meeting" if kind == "host" else kind,
        participants=tuple(parts.participants),
        place=parts.place,
        when=when,
        status=status,
        ordinal=None,
        part_of=None,
        evidence=ctx.evidence(first, doc[last_mention.end - 1] if last_mention else last),
    )
    return Draft(verb.i, meeting)


# --- the article's events ------------------------------------------------------------------
def read_drafts(ctx: DocContext) -> list[Draft]:
    """Every event mention of the article: all nouns first (they claim the dates and places
    right after them), then the verbs."""
    reader = Reader(ctx)
    drafts = [d for t in ctx.tokens if (d := noun_draft(reader, t)) is not None]
    drafts += [d for t in ctx.tokens if (d := verb_draft(reader, t)) is not None]
    return drafts


def event_key(meeting: Meeting) -> str:
    """The key of an event within its article: its kind and where it is first named."""
    return f"{meeting.kind}@{meeting.evidence.anchor.start}"


def extract(ctx: DocContext) -> Iterator[Meeting]:
    """Every specific event of the article, with an event beside another linked to it."""
    drafts = read_drafts(ctx)
    by_trigger = {draft.trigger: draft.meeting for draft in drafts}
    seen: set[tuple[str, str, tuple[EntityRef, ...]]] = set()
    for draft in sorted(drafts, key=lambda d: d.meeting.evidence.anchor.start):
        meeting = replace(draft.meeting, key=event_key(draft.meeting))
        if draft.part_of is not None:
            parent = by_trigger.get(draft.part_of)
            meeting = replace(meeting, part_of=event_key(parent) if parent else None)
            if meeting.when is None and parent is not None:
                meeting = replace(meeting, when=parent.when)
        key = (
            meeting.label.lower(),
            meeting.when.iso if meeting.when else "",
            meeting.participants,
        )
        if key in seen:
            continue
        seen.add(key)
        yield meeting
