"""What the meeting shapes read around a trigger: parties, places, dates and status.

``Reader`` holds one article's context and the dates and places event phrases have
claimed (a date right after "talks" is the talks' date, not the clause verb's).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext, EntityMention, entity_span, is_title_word
from kg.extractors.patterns.meetings import (
    CALL_VERBS,
    CANCEL_PARTICLES,
    CANCEL_VERBS,
    GROUP_NOUNS,
    MEET_VERBS,
    MEETING_NOUNS,
    ORDINALS,
    PHONE_WORDS,
    SIDE_NOUNS,
    SPEAK_VERBS,
    STATUS_CUES,
    TRIP_VERBS,
    VISIT_TRIP_VERBS,
)
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
)

STATUS_RANK = {CANCELLED: 0, PROPOSED: 1, EXPECTED: 2, PLANNED: 3, HELD: 4}
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
    """Verbs above the token, nearest first, up to the sentence root."""
    verbs = []
    node = token
    while node.head != node:
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
    return words


def status_cues(verbs: list[Token], noun: Token) -> str | None:
    """The weakest status the words around an event cue ('called off' beats 'will')."""
    found = [
        CANCELLED
        for verb in verbs
        for prt in verb.children
        if prt.dep_ == "prt" and (verb.lemma_, prt.lower_) in CANCEL_PARTICLES
    ]
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


class Reader:
    """Reads the parts of the events of one document."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
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
                place = self._place_after(i + 1)
                if place is not None:
                    places.append(place.ref)
                    i = place.end
                    continue
                if doc[i + 1].ent_type_ == "DATE":
                    i += 1
                    continue
            break
        return dates, places, i

    # --- parties ---------------------------------------------------------------------------
    def participants(self, tokens: list[Token]) -> list[EntityRef]:
        """The persons and governments the tokens (and their conjuncts) name."""
        refs: list[EntityRef] = []
        for token in tokens:
            for member in [token, *token.conjuncts]:
                found = self.resolve(member)
                for ref in [found] if found is not None else self.sides(member):
                    if ref.kind in PARTY_KINDS and ref not in refs:
                        refs.append(
                            ref
                            if ref.kind != COUNTRY
                            else EntityRef(GOVERNMENT, ref.key, ref.label)
                        )
        return refs

    def _country_at(self, token: Token) -> EntityRef | None:
        ref = self.ctx.entity_at(token)
        return ref if ref is not None and ref.kind in (COUNTRY, GOVERNMENT) else None

    def sides(self, token: Token) -> list[EntityRef]:
        """The governments an unnamed party speaks for: "his Japanese counterpart", "the
        Chinese side", "negotiators from Japan and the United States"."""
        if not (is_title_word(token.lower_) or token.lower_ in SIDE_NOUNS):
            return []
        refs: list[EntityRef] = []
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod", "poss"):
                ref = self._country_at(child)
                refs.extend([ref] if ref is not None else [])
            elif child.dep_ == "prep" and child.lower_ in ("from", "of"):
                for obj in child.children:
                    for member in [obj, *obj.conjuncts] if obj.dep_ == "pobj" else []:
                        ref = self._country_at(member)
                        refs.extend([ref] if ref is not None else [])
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
        if token.lower_ not in GROUP_NOUNS:
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

    def home_country(self, ref: EntityRef) -> str | None:
        """The country a participant belongs to (a person's by their title)."""
        if ref.kind == PERSON:
            return country_of_person(self.ctx, ref.key)
        return ref.key if ref.kind in (GOVERNMENT, COUNTRY) else None

    # --- dates and status ----------------------------------------------------------------
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
    ) -> str:
        """The status the cue words give, else the date against publication, else the tense."""
        cue = status_cues(verbs[:3], noun if noun is not None else verbs[0])
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
        if verb.pos_ != "VERB":
            return None
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
