"""What the meeting shapes read around a trigger: parties, places, dates and status.

``Reader`` holds one article's context and the dates and places event phrases have
claimed (a date right after "talks" is the talks' date, not the clause verb's).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext, EntityMention, entity_span
from kg.extractors.meeting_parties import PartyReader
from kg.extractors.patterns.meetings import (
    ABRUPT_WORDS,
    CALL_VERBS,
    CANCEL_PARTICLES,
    CANCEL_VERBS,
    MEET_VERBS,
    MEETING_NOUNS,
    ORDINALS,
    PHONE_WORDS,
    SPEAK_VERBS,
    STATUS_CUES,
    STAY_VERBS,
    STOP_VERBS,
    TRIP_VERBS,
    VISIT_TRIP_VERBS,
)
from kg.extractors.patterns.quotes import SPEECH_VERBS
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
    MeetingStatus,
)

STATUS_RANK: dict[MeetingStatus, int] = {
    CANCELLED: 0,
    PROPOSED: 1,
    EXPECTED: 2,
    PLANNED: 3,
    HELD: 4,
}
PARTY_KINDS = (PERSON, GOVERNMENT, COUNTRY)


def ordinal_of(noun: Token) -> int | None:
    """'fourth round' -> 4, '7th meeting' -> 7."""
    for child in noun.lefts:
        word = child.lower_
        if word in ORDINALS:
            return ORDINALS[word]
        if word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
            return int(word[:-2])
    return None


def governing_verbs(token: Token) -> list[Token]:
    """Verbs above the token, nearest first, up to the sentence root or to a clause joined
    with its own subject ("was due to leave, but he extended his visit": 'due' is not the
    visit's)."""
    verbs = []
    node = token
    while node.head != node:
        if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            verbs.append(node)
    return verbs


def _cue_words(verbs: list[Token], noun: Token) -> list[Token]:
    words: list[Token] = []
    for verb in verbs:
        words.append(verb)
        words.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass", "acomp", "advmod"))
    words.extend(c for c in noun.children if c.dep_ in ("amod", "advmod"))
    for clause in noun.children:  # "summits that Trump is expected to attend", "a session
        if clause.dep_ in ("relcl", "acl"):  # planned to start on June 25"
            words.append(clause)
            words.extend(c for c in clause.children if c.dep_ in ("aux", "auxpass"))
    return words


def _cut_short(verb: Token) -> bool:
    """'abruptly ended the talks', 'broke off negotiations'."""
    return verb.lemma_ in STOP_VERBS and any(c.lower_ in ABRUPT_WORDS for c in verb.children)


def status_cues(verbs: list[Token], noun: Token) -> MeetingStatus | None:
    """The weakest status the words around an event cue ('called off' beats 'will')."""
    found: list[MeetingStatus] = [
        CANCELLED
        for verb in verbs
        for prt in verb.children
        if prt.dep_ == "prt" and (verb.lemma_, prt.lower_) in CANCEL_PARTICLES
    ]
    found += [CANCELLED for verb in verbs[:1] if _cut_short(verb)]
    for word in _cue_words(verbs, noun):
        # the word first: "scheduled" (planned) is not "schedule" (hoped-for)
        cue = STATUS_CUES.get(word.lower_) or STATUS_CUES.get(word.lemma_.lower())
        if cue is None and word.lemma_.lower() in CANCEL_VERBS:
            cue = CANCELLED
        if cue:
            found.append(cue)
    if not found:
        return None
    return min(found, key=lambda s: STATUS_RANK[s])


class Reader(PartyReader):
    """Reads the parts of the events of one document."""

    def __init__(self, ctx: DocContext) -> None:
        super().__init__(ctx)
        self.reference = ctx.reference_date()
        # DATE entities and place mentions that sit right after an event phrase belong to it,
        # not to the clause's verb (filled by the noun shapes, read by the verb shapes)
        self.claimed_dates: set[int] = set()
        self.claimed_places: set[int] = set()

    # --- places and dates after an event phrase -------------------------------------------
    def _place_after(self, i: int) -> EntityMention | None:
        """A place mention at token ``i`` or, after 'the', at ``i + 1``; claimed if found."""
        doc = self.doc
        at = doc[i] if doc[i].lower_ != "the" else (doc[i + 1] if i + 1 < len(doc) else None)
        mention = self.ctx.mention_at(at) if at is not None else None
        if mention is None or mention.ref.kind not in (PLACE, COUNTRY):
            return None
        self.claimed_places.update(range(mention.start, mention.end))
        return mention

    def trailing_modifiers(self, end: int) -> tuple[list[Span], list[EntityRef], int]:
        """DATE entities and 'in <place>' phrases directly after token ``end - 1``."""
        doc = self.doc
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
                # "talks in Geneva", but "talks on North Korea" is what they are about
                place = self._place_after(i + 1) if token.lower_ == "in" else None
                if place is not None:
                    places.append(place.ref)
                    i = place.end
                    continue
                if doc[i + 1].ent_type_ == "DATE":
                    i += 1
                    continue
            break
        return dates, places, i

    def home_country(self, ref: EntityRef) -> str | None:
        """The country a participant belongs to (a person's by their title)."""
        if ref.kind == PERSON:
            return country_of_person(self.ctx, ref.key)
        return ref.key if ref.kind in (GOVERNMENT, COUNTRY) else None

    # --- dates and status ----------------------------------------------------------------
    def date_from(self, spans: list[Span], tense: str | None) -> DateValue | None:
        """The first span that reads as a date; a span the tagger ran on ("April 29 for a
        week") is read up to its first preposition."""
        for span in spans:
            value = self.ctx.date_of(span, tense)
            cut = next((t.i for t in span[1:] if t.pos_ == "ADP"), None)
            if value is None and cut is not None:
                value = self.ctx.date_of(self.doc[span.start : cut], tense)
            if value is not None:
                return value
        return None

    def clause_dates(self, verbs: list[Token]) -> list[Span]:
        """DATE entities attached to the governing verbs (not claimed by another event); a
        verb of saying dates the saying, not the event ("said Tuesday he had called off")."""
        spans = []
        for verb in verbs:
            if verb.lemma_ in SPEECH_VERBS:
                continue
            for child in verb.children:
                for ent in self.ctx.ents:
                    if ent.label_ != "DATE" or ent.start in self.claimed_dates:
                        continue
                    if ent.root == child or (child.dep_ == "prep" and ent.root.head == child):
                        spans.append(ent)
        return spans

    def verb_dates(self, verb: Token) -> list[Span]:
        """DATE entities of an event verb: 'will visit Japan in June', 'met on Tuesday'."""
        return [
            e
            for e in self.ctx.ents
            if e.label_ == "DATE"
            and e.start not in self.claimed_dates
            and (e.root.head == verb or (e.root.dep_ == "pobj" and e.root.head.head == verb))
        ]

    def status(
        self,
        verbs: list[Token],
        noun: Token | None,
        when: DateValue | None,
        tense: str | None,
        before: bool,
    ) -> tuple[MeetingStatus, int]:
        """The status and how sure it is: 3 from cue words, 2 from the date against
        publication, 1 from the tense, 0 the default (planned)."""
        cue = status_cues(verbs[:3], noun if noun is not None else verbs[0])
        if cue:
            return cue, 3
        anchor = self.ctx.anchor
        if when is not None and anchor is not None:
            if when.latest < anchor:
                return HELD, 2
            if when.earliest > anchor:
                return PLANNED, 2
        if before or tense == FUTURE:
            return PLANNED, 1
        if tense == PAST:
            return HELD, 1
        return PLANNED, 0

    # --- verbs ------------------------------------------------------------------------------
    def inside_event(self, noun: Token) -> bool:
        """True when another event noun stands between this noun and its verb."""
        node = noun.head
        while node.head != node and node.pos_ not in ("VERB", "AUX"):
            if node.lower_ in MEETING_NOUNS and node.lower_ not in ("round", "rounds"):
                return True
            node = node.head
        return False

    def trip_verb(self, noun: Token) -> Token | None:
        """The journey an event is the purpose of: 'arrived in Berlin for talks with X'."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.dep_ != "prep":
            return None
        verb = prep.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in STAY_VERBS:
            return verb if self.verb_place(verb) is not None else None
        return verb if verb.pos_ == "VERB" and verb.lemma_ in TRIP_VERBS else None

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

    def _by_phone(self, verb: Token) -> bool:
        """'spoke by phone', 'talked over video link'."""
        return any(
            prep.dep_ == "prep"
            and prep.lower_ in ("by", "on", "over", "via")
            and any(t.lower_ in PHONE_WORDS for t in prep.subtree)
            for prep in verb.children
        )

    def verb_kind(self, verb: Token) -> str | None:
        """The event a verb names: meet, visit, host, confer; a call for 'phoned' or
        'spoke by phone with'."""
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound"):
            return None  # "the visiting minister said"
        lemma = verb.lemma_
        if lemma in MEET_VERBS:
            return "meeting"
        if lemma in ("visit", "host"):
            return lemma
        if lemma in VISIT_TRIP_VERBS and self.trip_destination(verb) is not None:
            return "visit"  # "will travel to India next month"
        if lemma in CALL_VERBS or (lemma in SPEAK_VERBS and self._by_phone(verb)):
            return "call"
        return None


def pobjs(head: Token, preps: frozenset[str] | set[str]) -> list[Token]:
    """Objects of the prepositions (or passive agents) under a token: 'with X', 'by X'."""
    return [
        c
        for prep in head.children
        if prep.dep_ in ("prep", "agent") and prep.lower_ in preps
        for c in prep.children
        if c.dep_ == "pobj"
    ]


def homes(reader: Reader, parties: list[EntityRef]) -> tuple[str, ...]:
    """The countries the persons taking part serve, "" for one the article gives none."""
    return tuple(sorted({reader.home_country(p) or "" for p in parties if p.kind == PERSON}))


def host_of(place: EntityRef | None) -> EntityRef | None:
    """The government of the country a visit goes to ('visit Japan', 'travel to Beijing')."""
    if place is None:
        return None
    code = place.key.split("/")[0]
    if place.kind == COUNTRY or (place.kind == PLACE and "/" in place.key):
        country = gazetteer.by_iso2(code) if gazetteer.is_iso2(code) else None
        return EntityRef(GOVERNMENT, code, country.name) if country else None
    return None
