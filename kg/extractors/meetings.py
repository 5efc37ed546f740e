"""Meetings, talks, summits, visits and calls, with participants, place, date and status.

Two triggers: an event noun ("a fourth round of tariff talks", "the G7 summit") and an
event verb: "meet" ("Akazawa, who met with Prime Minister Shigeru Ishiba"), "confer",
"host", "visit" (a visit has the place visited), "phoned" and "spoke by phone with" (a
call), and a trip to another country or its capital ("will travel to India"). Countries
taking part are their governments, and so are unnamed sides of one ("his Japanese
counterpart", "negotiators from Japan and the United States"). Generic mentions
("in talks", "the negotiations so far") are skipped: an event needs something that makes
it one occasion - an ordinal, a date, a place, named participants, a proper-noun name or
an event verb (hold, attend, schedule), "between X and Y", or a trip made for it ("flew
to Washington for talks with X", whose traveller takes part). Dates and places right
after an event phrase attach to it, not to the clause's verb ("met Ishiba ahead of talks
later this week in Washington": the talks are in Washington later this week, the meeting
was not).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext, clean_text, entity_span, is_title_word
from kg.extractors.patterns.meetings import BEFORE_PREPS, MEETING_NOUNS, STATUS_CUES
from kg.extractors.titles import country_of_person
from kg.facts import (
    CANCELLED,
    COUNTRY,
    EXPECTED,
    GOVERNMENT,
    HELD,
    PERSON,
    PLACE,
    PLANNED,
    PROPOSED,
    DateValue,
    EntityRef,
    Meeting,
)

EVENT_VERBS = frozenset(
    {
        "hold",
        "attend",
        "schedule",
        "host",
        "have",
        "join",
        "skip",
        "chair",
        "convene",
        "plan",
        "organize",
        "organise",
        "cancel",
        "postpone",
        "arrange",
        "open",
        "call",
        "make",  # "make an official visit"
        "pay",  # "pay a visit"
    }
)
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
# Words for one side of a meeting that name no one: "the Chinese side", "U.S. negotiators".
_SIDE_NOUNS = frozenset(
    {
        "side",
        "sides",
        "delegation",
        "delegations",
        "team",
        "negotiators",
        "officials",
        "counterpart",
        "counterparts",
        "leaders",
        "government",
    }
)
# Verbs an event noun is the subject of when it took place: "talks resumed in Tokyo".
_EVENT_SUBJECT_VERBS = frozenset(
    {"resume", "begin", "start", "end", "conclude", "open", "close", "collapse", "stall"}
)
# "called off", "put off", "pushed back": a cancelled or postponed event.
_CANCEL_VERBS = frozenset({"suspend", "abandon", "delay", "shelve", "defer"})
_CANCEL_PARTICLES = {("call", "off"), ("put", "off"), ("push", "back")}
# Journeys made for an event: "flew to Washington for talks with ...".
_TRIP_VERBS = frozenset({"arrive", "travel", "fly", "go", "come", "head", "leave", "return"})
# Journeys that are visits when they reach another country: "will travel to India".
_VISIT_TRIP_VERBS = frozenset({"travel", "fly", "head", "go"})
_PHONE_WORDS = frozenset({"phone", "telephone", "video", "videolink", "videoconference"})
_STATUS_RANK = {CANCELLED: 0, PROPOSED: 1, EXPECTED: 2, PLANNED: 3, HELD: 4}
_PARTY_KINDS = (PERSON, GOVERNMENT, COUNTRY)


def _ordinal(noun: Token) -> int | None:
    for child in noun.lefts:
        word = child.lower_
        if word in _ORDINALS:
            return _ORDINALS[word]
        if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
            return int(word[:-2])
    return None


def _governing_verbs(token: Token) -> list[Token]:
    """Verbs above the token, nearest first, up to the sentence root."""
    verbs = []
    node = token
    while node.head != node:
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            verbs.append(node)
    return verbs


def _inside_event(noun: Token) -> bool:
    """True when another event noun stands between this noun and its verb."""
    node = noun.head
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        if node.lower_ in MEETING_NOUNS and node.lower_ not in ("round", "rounds"):
            return True
        node = node.head
    return False


def _status_cues(verbs: list[Token], noun: Token) -> str | None:
    found = []
    words: list[Token] = []
    for verb in verbs:
        words.append(verb)
        words.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass", "acomp", "advmod"))
    words.extend(c for c in noun.children if c.dep_ in ("amod", "advmod"))
    for verb in verbs:
        for prt in verb.children:
            if prt.dep_ == "prt" and (verb.lemma_, prt.lower_) in _CANCEL_PARTICLES:
                found.append(CANCELLED)
    for word in words:
        # the word first: "scheduled" (planned) is not "schedule" (hoped-for)
        cue = STATUS_CUES.get(word.lower_) or STATUS_CUES.get(word.lemma_.lower())
        if cue is None and word.lemma_.lower() in _CANCEL_VERBS:
            cue = CANCELLED
        if cue:
            found.append(cue)
    if not found:
        return None
    return min(found, key=lambda s: _STATUS_RANK[s])


class _Finder:
    """Collects the events of one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.reference = ctx.reference_date()
        # DATE entities and place mentions that sit right after an event phrase belong to it,
        # not to the clause's verb (filled by from_nouns, read by from_verbs)
        self.claimed_dates: set[int] = set()
        self.claimed_places: set[int] = set()

    # --- pieces ------------------------------------------------------------------------
    def trailing_modifiers(self, end: int) -> tuple[list[Span], list[EntityRef], int]:
        """DATE entities and 'in <place>' phrases directly after token ``end - 1``."""
        doc, ctx = self.doc, self.ctx
        dates: list[Span] = []
        places: list[EntityRef] = []
        i = end
        while i < len(doc):
            token = doc[i]
            ent = entity_span(token) if token.ent_type_ == "DATE" else None
            if ent is not None and token.ent_iob_ == "B":
                dates.append(ent)
                i = ent.end
                continue
            if token.lower_ in ("in", "on") and i + 1 < len(doc):
                nxt = doc[i + 1]
                mention = (
                    ctx.mention_at(nxt)
                    if nxt.lower_ != "the"
                    else (ctx.mention_at(doc[i + 2]) if i + 2 < len(doc) else None)
                )
                if mention is not None and mention.ref.kind in (PLACE, COUNTRY):
                    places.append(mention.ref)
                    self.claimed_places.update(range(mention.start, mention.end))
                    i = mention.end
                    continue
                if nxt.ent_type_ == "DATE":
                    i += 1
                    continue
            break
        return dates, places, i

    def participants(self, tokens: list[Token]) -> list[EntityRef]:
        refs: list[EntityRef] = []
        for token in tokens:
            for member in [token, *token.conjuncts]:
                found = self.resolve(member)
                for ref in [found] if found is not None else self.sides(member):
                    if ref.kind in _PARTY_KINDS and ref not in refs:
                        refs.append(
                            ref
                            if ref.kind != COUNTRY
                            else EntityRef(GOVERNMENT, ref.key, ref.label)
                        )
        return refs

    def sides(self, token: Token) -> list[EntityRef]:
        """The governments an unnamed party speaks for: "his Japanese counterpart", "the
        Chinese side", "negotiators from Japan and the United States"."""
        if not (is_title_word(token.lower_) or token.lower_ in _SIDE_NOUNS):
            return []
        refs: list[EntityRef] = []
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                ref = self.ctx.entity_at(child)
                if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
                    refs.append(ref)
            elif child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    for member in [obj, *obj.conjuncts] if obj.dep_ == "pobj" else []:
                        ref = self.ctx.entity_at(member)
                        if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
                            refs.append(ref)
        return refs

    def resolve(self, token: Token) -> EntityRef | None:
        """The entity a participant token names, including 'he', 'who' and 'the two governments'."""
        ref = self.ctx.entity_at(token)
        if ref is not None:
            return ref
        for title in self.ctx.titles:  # "the minister", "his counterpart Takeshi Iwaya"
            if title.person and title.start <= token.i < title.end:
                return EntityRef(PERSON, title.person, title.person)
        if token.lower_ == "who" and token.head.dep_ == "relcl":
            return self.ctx.entity_at(token.head.head)
        if token.lower_ in ("he", "she"):
            return self.previous_person(token)
        return None

    def previous_person(self, token: Token) -> EntityRef | None:
        """The nearest person named before a pronoun, within this and the previous sentence."""
        sent_start = token.sent.start
        prev_start = sent_start
        if sent_start > 0:
            prev_start = self.doc[sent_start - 1].sent.start
        for i in range(token.i - 1, prev_start - 1, -1):
            ref = self.ctx.entity_at(self.doc[i])
            if ref is not None and ref.kind == PERSON:
                return ref
        return None

    def group_participants(self, token: Token) -> list[EntityRef]:
        """'the two governments/countries/sides': the two countries the article names most."""
        if token.lower_ not in ("governments", "countries", "sides", "nations"):
            return []
        if not any(c.lower_ in ("two", "both") for c in token.children):
            return []
        counts: dict[str, tuple[int, str]] = {}
        for mention in self.ctx.mentions:
            if mention.start >= token.i:
                break
            if mention.ref.kind in (COUNTRY, GOVERNMENT):
                n, label = counts.get(mention.ref.key, (0, mention.ref.label))
                counts[mention.ref.key] = (n + 1, label)
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))[:2]
        if len(ranked) < 2:
            return []
        return [EntityRef(GOVERNMENT, key, label) for key, (_, label) in ranked]

    def date_from(self, spans: list[Span], tense: str | None) -> DateValue | None:
        for span in spans:
            value = self.ctx.date_of(span, tense)
            if value is not None:
                return value
        return None

    def clause_dates(self, verbs: list[Token]) -> list[Span]:
        """DATE entities attached to the governing verbs (not claimed by another event)."""
        spans = []
        for verb in verbs:
            for child in verb.children:
                for ent in self.ctx.ents:
                    if ent.label_ != "DATE" or ent.start in self.claimed_dates:
                        continue
                    if ent.root == child or (child.dep_ == "prep" and ent.root.head == child):
                        spans.append(ent)
        return spans

    # --- triggers ------------------------------------------------------------------------
    def from_nouns(self) -> Iterator[tuple[Token, Meeting]]:
        doc, ctx = self.doc, self.ctx
        nouns = [t for t in ctx.tokens if t.lower_ in MEETING_NOUNS and t.pos_ in ("NOUN", "PROPN")]
        for noun in nouns:
            if (
                noun.lower_ in ("call",)
                and noun.head.lemma_ != "phone"
                and not any(c.lower_ in ("phone", "telephone") for c in noun.children)
            ):
                continue
            # "round of tariff talks": the round is the event, the talks name it
            if noun.dep_ == "pobj" and noun.head.head.lower_ in ("round", "rounds", "week"):
                continue
            end = noun.i + 1
            of_phrase = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"]
            kind = MEETING_NOUNS[noun.lower_]
            if noun.lower_ in ("round", "rounds"):
                if not of_phrase:
                    continue
                talks = [c for c in of_phrase[0].children if c.dep_ == "pobj"]
                if not talks or talks[0].lower_ not in MEETING_NOUNS:
                    continue
                end = talks[0].i + 1
            start = noun.i
            for child in noun.lefts:
                if child.dep_ in ("det", "poss") or child.lower_ in ("the", "a", "an"):
                    continue
                start = min(start, child.left_edge.i)
            while start < noun.i and (doc[start].dep_ in ("det", "poss") or doc[start].is_punct):
                start += 1
            label = clean_text(doc[start:end].text)
            dates, places, _ = self.trailing_modifiers(end)
            for span in dates:
                self.claimed_dates.add(span.start)
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
            party_tokens = [
                c
                for prep in noun.rights
                if prep.dep_ == "prep" and prep.lower_ in ("between", "with", "among", "by")
                for c in prep.children
                if c.dep_ == "pobj"
            ]
            between = sum(
                1 + len(c.conjuncts)
                for prep in noun.rights
                if prep.dep_ == "prep" and prep.lower_ == "between"
                for c in prep.children
                if c.dep_ == "pobj"
            )
            # "Merz's visit", "Japan's talks with ...": the possessor takes part
            party_tokens.extend(c for c in noun.lefts if c.dep_ == "poss" and c.pos_ != "PRON")
            if kind == "visit":  # "the visit to Beijing": the place visited
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
            verbs = _governing_verbs(noun)
            nested = _inside_event(noun)
            if nested:
                verbs = []  # "the sidelines of the G7 summit": the outer clause is not its own
            if noun.dep_ in ("dobj", "nsubjpass") and verbs and noun.head == verbs[0]:
                subjects = [c for c in verbs[0].children if c.dep_ in ("nsubj",)]
                if verbs[0].lemma_ in EVENT_VERBS:
                    party_tokens.extend(subjects)
                    # "is hoping to schedule", "will visit ... and hold talks": the subject
                    # of the verb above
                    if not subjects and verbs[0].dep_ in ("xcomp", "conj"):
                        party_tokens.extend(c for c in verbs[0].head.children if c.dep_ == "nsubj")
            trip = self.trip_verb(noun)
            if trip is not None:  # "Macron flew to Berlin for talks with Merz"
                party_tokens.extend(c for c in trip.children if c.dep_ == "nsubj")
            participants = self.participants(party_tokens)
            for token in party_tokens:
                for group in self.group_participants(token):
                    if group not in participants:
                        participants.append(group)
            ordinal = _ordinal(noun)
            has_name = any(t.pos_ == "PROPN" and t.i < noun.i for t in doc[start : noun.i])
            event_verb = (
                bool(verbs)
                and verbs[0].lemma_ in EVENT_VERBS
                and noun.dep_ in ("dobj", "nsubjpass")
            )
            took_place = (  # "talks between ... resumed in Tokyo on Monday"
                bool(verbs)
                and noun.dep_ == "nsubj"
                and noun.head == verbs[0]
                and verbs[0].lemma_ in _EVENT_SUBJECT_VERBS
            )
            if trip is not None and not places:
                held_at = self.verb_place(trip, ("in", "at", "to"))
                if held_at is not None:
                    places.append(held_at)
            if (event_verb or took_place) and not places:  # "hold a summit ... in Beijing"
                held_at = self.verb_place(verbs[0])
                if held_at is not None:
                    places.append(held_at)
            determiner = [c.lower_ for c in noun.lefts if c.dep_ == "det"]
            plural_generic = noun.tag_ in ("NNS", "NNPS") and not determiner and ordinal is None
            specific = (
                ordinal is not None
                or bool(places)
                or has_name
                or event_verb
                or (bool(participants) and not plural_generic)
                or (between >= 2 and len(participants) >= 2)  # "talks between X and Y"
                or (trip is not None and len(participants) >= 2)
                or any(ctx.date_of(s) is not None for s in dates)
            )
            if not specific:
                continue
            before = (
                noun.head.dep_ == "pobj"
                and noun.head.head.lower_ in BEFORE_PREPS
                or (
                    noun.dep_ == "pobj"
                    and noun.head.lower_ == "of"
                    and noun.head.head.lower_ in BEFORE_PREPS
                )
            )
            tense = FUTURE if before else (ctx.tense_of(verbs[0]) if verbs else None)
            when = self.date_from(dates, tense)
            if when is None and not before:
                when = self.date_from(self.clause_dates(verbs[:2]), tense)
            status = self.status(verbs, noun, when, tense, before)
            part_of = None
            for prep in noun.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("on", "at", "during", "ahead"):
                    for obj in prep.subtree:
                        if obj.lower_ in MEETING_NOUNS and obj.i != noun.i:
                            part_of = obj.i
            yield (
                noun,
                Meeting(
                    label=label,
                    kind=kind,
                    participants=tuple(participants),
                    place=places[0] if places else None,
                    when=when,
                    status=status,
                    ordinal=ordinal,
                    part_of=str(part_of) if part_of is not None else None,
                    evidence=ctx.evidence(doc[start], doc[end - 1]),
                ),
            )

    def status(
        self,
        verbs: list[Token],
        noun: Token | None,
        when: DateValue | None,
        tense: str | None,
        before: bool,
    ) -> str:
        cue = (
            _status_cues(verbs[:3], noun) if noun is not None else _status_cues(verbs[:3], verbs[0])
        )
        if cue:
            return cue
        anchor = self.ctx.anchor
        if when is not None and anchor is not None:
            if when.latest < anchor:
                return HELD
            if when.earliest > anchor:
                return PLANNED
        if before or tense == FUTURE:
            return PLANNED
        if tense == PAST:
            return HELD
        return PLANNED

    def trip_verb(self, noun: Token) -> Token | None:
        """The journey an event is the purpose of: 'arrived in Berlin for talks with X'."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
            return None
        verb = prep.head
        return verb if verb.pos_ == "VERB" and verb.lemma_ in _TRIP_VERBS else None

    def home_country(self, ref: EntityRef) -> str | None:
        """The country a participant belongs to (a person's by their title)."""
        if ref.kind == PERSON:
            return country_of_person(self.ctx, ref.key)
        return ref.key if ref.kind in (GOVERNMENT, COUNTRY) else None

    def trip_destination(self, verb: Token) -> EntityRef | None:
        """'travelled to India', 'flew to Beijing': a country or a capital city reached."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            for obj in prep.children:
                mention = self.ctx.mention_at(obj)
                if mention is None or obj.conjuncts:
                    continue
                if mention.how in ("capital", "seat") or mention.ref.kind == COUNTRY:
                    ref = mention.ref
                    return ref if ref.kind != GOVERNMENT else EntityRef(COUNTRY, ref.key, ref.label)
        return None

    def verb_place(self, verb: Token, preps: tuple[str, ...] = ("in", "at")) -> EntityRef | None:
        """'met ... in Jakarta', 'will meet in Geneva' (not a place that names a participant)."""
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                mention = self.ctx.mention_at(obj)
                if (
                    mention is not None
                    and mention.ref.kind in (PLACE, COUNTRY)
                    and (obj.i not in self.claimed_places)
                ):
                    return mention.ref
        return None

    def verb_kind(self, verb: Token) -> str | None:
        """The event a verb names: meet, visit, host, confer; a call for 'phoned' or
        'spoke by phone with'."""
        if verb.pos_ != "VERB":
            return None
        lemma = verb.lemma_
        if lemma in ("meet", "confer"):
            return "meeting"
        if lemma in ("visit", "host"):
            return lemma
        if lemma in _VISIT_TRIP_VERBS and self.trip_destination(verb) is not None:
            return "visit"  # "will travel to India next month"
        if lemma in ("phone", "telephone"):
            return "call"
        if lemma in ("speak", "talk"):
            for prep in verb.children:
                if (
                    prep.dep_ == "prep"
                    and prep.lower_ in ("by", "on", "over", "via")
                    and any(t.lower_ in _PHONE_WORDS for t in prep.subtree)
                ):
                    return "call"
        return None

    def from_verbs(self) -> Iterator[tuple[Token, Meeting]]:
        doc, ctx = self.doc, self.ctx
        for verb in ctx.tokens:
            kind = self.verb_kind(verb)
            if kind is None:
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subjects and verb.dep_ in ("xcomp", "conj"):
                subjects = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            objects += [
                g
                for prep in verb.children
                if prep.dep_ == "prep" and prep.lower_ == "with"
                for g in prep.children
                if g.dep_ == "pobj"
            ]
            if kind == "call":  # "spoke by phone with X": 'with' hangs from 'phone'
                objects += [
                    g
                    for prep in verb.children
                    if prep.dep_ == "prep"
                    for with_ in prep.subtree
                    if with_.lower_ == "with" and with_.head != verb
                    for g in with_.children
                    if g.dep_ == "pobj"
                ]
            place = self.verb_place(verb)
            destination = self.trip_destination(verb) if verb.lemma_ in _VISIT_TRIP_VERBS else None
            if destination is not None:  # "will travel to India", the trip is the visit
                place = destination
                participants = self.participants(subjects)
                home = {self.home_country(p) for p in participants}
                if not participants or destination.key.split("/")[0] in home:
                    continue  # "Merz flew to Berlin": going home is no visit
            elif kind == "visit":
                # "will visit Beijing": one place visited, and the visitors are the subject
                # ("visits Leeds, York and Hull" is a tour, "visited a school" no meeting)
                visited = [o for o in objects if o.dep_ == "dobj"]
                mention = ctx.mention_at(visited[0]) if len(visited) == 1 else None
                if (
                    mention is None
                    or mention.ref.kind not in (PLACE, COUNTRY, GOVERNMENT)
                    or visited[0].conjuncts
                ):
                    continue
                place = mention.ref
                if place.kind == GOVERNMENT:  # "visit Washington" read as its government
                    place = EntityRef(COUNTRY, place.key, place.label)
                objects = visited
                participants = self.participants(subjects)
                if not participants:
                    continue
            else:
                participants = self.participants(subjects + objects)
                if len(participants) < 2:
                    continue
            verbs = [verb, *_governing_verbs(verb)]
            tense = ctx.tense_of(verb)
            own_dates = [
                e
                for e in ctx.ents
                if e.label_ == "DATE"
                and e.start not in self.claimed_dates
                and (
                    e.root.head == verb
                    # "will visit Japan in June", "met on Tuesday"
                    or (e.root.dep_ == "pobj" and e.root.head.head == verb)
                )
            ]
            when = self.date_from(own_dates, tense)
            status = self.status(verbs, None, when, tense, False)
            if when is None and status == HELD:
                when = self.reference
            names = " and ".join(p.label for p in participants)
            if kind == "visit":
                label = f"visit of {names}" + (f" to {place.label}" if place else "")
            elif kind == "call":
                label = f"call of {names}"
            else:
                label = f"meeting of {names}"
            first = min([verb, *subjects, *objects], key=lambda t: t.i)
            last = max([verb, *subjects, *objects], key=lambda t: t.i)
            last_mention = ctx.mention_at(last)
            yield (
                verb,
                Meeting(
                    label=label,
                    kind="meeting" if kind == "host" else kind,
                    participants=tuple(participants),
                    place=place,
                    when=when,
                    status=status,
                    ordinal=None,
                    part_of=None,
                    evidence=ctx.evidence(
                        first, doc[last_mention.end - 1] if last_mention else last
                    ),
                ),
            )


def extract(ctx: DocContext) -> Iterator[Meeting]:
    """Every specific event of the article, with an event beside another linked to it."""
    finder = _Finder(ctx)
    found = list(finder.from_nouns()) + list(finder.from_verbs())
    labels = {str(token.i): meeting for token, meeting in found}
    seen: set[tuple[str, str, tuple[EntityRef, ...]]] = set()
    for _, meeting in sorted(found, key=lambda pair: pair[1].evidence.anchor.start):
        if meeting.part_of is not None:
            parent = labels.get(meeting.part_of)
            meeting = replace(meeting, part_of=parent.label if parent else None)
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
