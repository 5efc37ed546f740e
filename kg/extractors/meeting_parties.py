"""Who takes part in an event: the persons and governments a party phrase stands for.

A party phrase is read as a whole noun phrase ("U.S. Treasury Secretary Scott Bessent" is
Bessent, not the United States beside him), a country with a named official right after it
is that official ("Spain Prime Minister Pedro Sanchez", which the parser often splits), and
words that name no one are resolved from the text around them: "he", "his meeting", "the
minister"; "the pair" and "they" (the persons named together just before); "I" and "we"
in a quote (its speaker, and for "we" the other person the quote names); "his Japanese
counterpart" (Japan's government) and, with no country, the country the traveller of the
paragraph went to ("travelled to Ottawa ... met her counterpart").
"""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Token

from kg import gazetteer
from kg.extractors import quotes
from kg.extractors.context import DocContext, EntityMention, clean_text, is_title_word
from kg.extractors.patterns.meetings import (
    CLAUSE_DEPS,
    GROUP_NOUNS,
    PLURAL_PARTY_WORDS,
    SIDE_NOUNS,
    VISIT_TRIP_VERBS,
)
from kg.facts import COUNTRY, GOVERNMENT, PERSON, PLACE, EntityRef

PARTY_KINDS = (PERSON, GOVERNMENT, COUNTRY)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Dependencies along which a clause without a subject of its own takes the one above:
# "agreed to hold talks", "before jetting off to attend", "will visit ... and hold talks".
_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})
_RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "where"})
_FIRST_PERSON = frozenset({"i", "me", "myself", "my"})
_PLURAL_PEOPLE = frozenset({"leaders", "men", "women", "presidents", "ministers"})


_TRIP_LEMMAS = VISIT_TRIP_VERBS | {"visit", "arrive"}


def _trip_objects(verb: Token) -> list[Token]:
    """What a trip verb reaches: 'visited Seoul', 'travelled to Ottawa', 'arrived in Tokyo'."""
    out = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
            out.extend(c for c in prep.children if c.dep_ == "pobj")
    return out


def clause_subjects(verb: Token) -> list[Token]:
    """The subject of a verb, or of the clause above when it has none of its own."""
    node = verb
    for _ in range(4):
        subjects = [c for c in node.children if c.dep_ in _SUBJECT_DEPS]
        if subjects or node.dep_ not in _CLIMB_DEPS:
            return subjects
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.head != node:
            node = node.head
    return []


def np_tokens(token: Token) -> list[Token]:
    """The tokens of the noun phrase a token heads, without its clauses or its prepositional
    phrases other than 'of' ("Secretary of State X")."""
    out = [token]
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in CLAUSE_DEPS or (child.dep_ == "prep" and child.lower_ != "of"):
            continue
        out.append(child)
        stack.extend(child.children)
    return sorted(out, key=lambda t: t.i)


def as_party(ref: EntityRef) -> EntityRef:
    """A country takes part through its government."""
    return ref if ref.kind != COUNTRY else EntityRef(GOVERNMENT, ref.key, ref.label)


class PartyReader:
    """Resolves party phrases of one article."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc = ctx.doc

    def participants(self, tokens: list[Token]) -> list[EntityRef]:
        """The persons and governments the tokens (and their conjuncts) name."""
        refs: list[EntityRef] = []
        for token in tokens:
            for member in [token, *token.conjuncts]:
                for ref in self.party_refs(member):
                    if ref.kind in PARTY_KINDS and as_party(ref) not in refs:
                        refs.append(as_party(ref))
        return refs

    def party_refs(self, token: Token) -> list[EntityRef]:
        """What one party word stands for, by the first reading that finds someone: a
        plural word, a title standing for its person ("Japan's chief negotiator"), the names
        in the phrase, a pronoun, a side."""
        if self.is_plural(token):
            found = self.plural_parties(token)
            if found:
                return found
        titled = self.titled_person(token) or self.surname_read_as_place(token)
        if titled is not None:
            return [titled]
        found = self.np_parties(token)
        if found:
            return found
        ref = self.resolve(token)
        return [ref] if ref is not None else self.sides(token)

    def surname_read_as_place(self, token: Token) -> EntityRef | None:
        """'calls with Lutnick', where the tagger took the surname of a person the article
        names in full for a place: that person."""
        mention = self.ctx.mention_at(token)
        if mention is None or mention.ref.kind != PLACE or mention.how != "ner":
            return None
        word = clean_text(self.doc[mention.start : mention.end].text)
        people = [name for name in self.ctx.person_aliases if name.split()[-1] == word]
        return EntityRef(PERSON, people[0], people[0]) if len(people) == 1 else None

    def titled_person(self, token: Token) -> EntityRef | None:
        """'the minister', 'Japan's chief negotiator': the person a title stands for; 'the US
        President' with no name beside it is the one person the article gives that title."""
        for title in self.ctx.titles:
            if not title.start <= token.i < title.end:
                continue
            if title.person:
                return EntityRef(PERSON, title.person, title.person)
            if title.country:
                return self._sole_holder(title.head, title.country)
        return None

    def _sole_holder(self, head: str, country: str) -> EntityRef | None:
        """The one person the article names with this title of this country."""
        holders = {
            t.person
            for t in self.ctx.titles
            if t.person and t.head == head and t.country == country
        }
        if len(holders) != 1:
            return None
        person = holders.pop()
        return EntityRef(PERSON, person, person)

    def unresolved_plural(self, tokens: list[Token]) -> bool:
        """A plural party ('they', 'the pair') that no nearby names resolve."""
        return any(self.is_plural(t) and not self.plural_parties(t) for t in tokens)

    # --- names in the phrase -------------------------------------------------------------
    def np_parties(self, token: Token) -> list[EntityRef]:
        """Persons named in the phrase (their countries are only modifiers), else the
        countries; a country right before a named title is that official. A phrase about a
        thing names no party ("Britain's rebate")."""
        if not self._names_someone(token):
            return []
        refs: list[EntityRef] = []
        for t in np_tokens(token):
            mention = self.ctx.mention_at(t)
            ref = mention.ref if mention is not None else self.titled_person(t)
            if ref is not None and ref.kind in PARTY_KINDS and ref not in refs:
                refs.append(ref)
        persons = [r for r in refs if r.kind == PERSON]
        if persons:
            return persons
        official = self.official_after(token)
        if official is not None:
            return [official]
        return refs

    def _names_someone(self, token: Token) -> bool:
        """The head of the phrase is a name, a title or a side, or a word a person's name is a
        compound of (the parser's "Hugo Salas co-chaired"); not "U.S. complaints"."""
        return (
            self.ctx.mention_at(token) is not None
            or is_title_word(token.lower_)
            or token.lower_ in SIDE_NOUNS
            or any(
                c.dep_ in ("compound", "appos") and (self._is_person(c) or self.titled_person(c))
                for c in token.children
            )
        )

    def _is_person(self, token: Token) -> bool:
        ref = self.ctx.entity_at(token)
        return ref is not None and ref.kind == PERSON

    def official_after(self, token: Token) -> EntityRef | None:
        """'Spain Prime Minister Pedro Sanchez' with 'Spain' as the party: the official."""
        mention = self.ctx.mention_at(token)
        if mention is None or mention.ref.kind not in (COUNTRY, GOVERNMENT):
            return None
        for title in self.ctx.titles:
            if title.person and title.start == mention.end:
                return EntityRef(PERSON, title.person, title.person)
        return None

    # --- words that name no one --------------------------------------------------------------
    def resolve(self, token: Token) -> EntityRef | None:
        """The entity a party word names: a title's person, 'who', 'he', 'his', 'I'."""
        ref = self.ctx.entity_at(token) or self.titled_person(token)
        if ref is not None:
            return ref
        word = token.lower_
        if word == "who" and token.head.dep_ == "relcl":
            return self.ctx.entity_at(token.head.head)
        if word in ("he", "she"):
            return self.previous_person(token)
        if word in ("his", "her") and token.dep_ == "poss":
            return self.possessor(token)
        if word in _FIRST_PERSON:
            return self.speaker_at(token)
        return None

    def previous_person(self, token: Token) -> EntityRef | None:
        """The person a pronoun stands for: the nearest person before it (this and the previous
        sentence) that is a subject, else the nearest person ("Sefcovic said that during a
        meeting with Greer he told him": he is Sefcovic)."""
        nearest = None
        for i in reversed(self._window(token)):
            word = self.doc[i]
            ref = self.ctx.entity_at(word)
            if ref is None and word.dep_ in _SUBJECT_DEPS:
                ref = self.titled_person(word)  # "The trade secretary told ... He said"
            if ref is None or ref.kind != PERSON:
                continue
            mention = self.ctx.mention_at(word)
            head = self.doc[mention.end - 1] if mention is not None else word
            if head.dep_ in _SUBJECT_DEPS:
                return ref
            nearest = nearest or ref
        return nearest or self._earlier_subject(token)

    def _earlier_subject(self, token: Token) -> EntityRef | None:
        """With no one named in this or the last sentence (a quote in between), the subject
        person of the two sentences before."""
        window = self._window(token)
        first = window.start if len(window) else token.i
        if first == 0:
            return None
        start = self.doc[first - 1].sent.start
        start = self.doc[start - 1].sent.start if start > 0 else start
        for i in reversed(range(start, first)):
            word = self.doc[i]
            if word.dep_ not in _SUBJECT_DEPS:
                continue
            ref = self.ctx.entity_at(word) or self.titled_person(word)
            if ref is not None and ref.kind == PERSON:
                return ref
        return None

    def possessor(self, token: Token) -> EntityRef | None:
        """'his meeting with Xi': the subject of the clause when a person, else the nearest
        person before."""
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        for subject in clause_subjects(verb):
            ref = self.ctx.entity_at(subject)
            if subject.lower_ in ("he", "she"):
                ref = self.previous_person(subject)
            if ref is not None and ref.kind == PERSON:
                return ref
        return self.previous_person(token)

    @cached_property
    def _speakers(self) -> list[tuple[int, int, EntityRef]]:
        """Character spans of the article's direct quotes whose speaker is a person."""
        return [
            (q.evidence.anchor.start, q.evidence.anchor.end, q.speaker)
            for q in quotes.extract(self.ctx)
            if q.direct and q.speaker is not None and q.speaker.kind == PERSON
        ]

    def speaker_at(self, token: Token) -> EntityRef | None:
        """The speaker of the direct quote a token stands in ('I', 'we')."""
        for start, end, speaker in self._speakers:
            if start <= token.idx < end:
                return speaker
        return None

    # --- several people at once -------------------------------------------------------------
    def is_plural(self, token: Token) -> bool:
        """'they', 'the pair', 'both', 'the two leaders', 'we'."""
        if token.lower_ in PLURAL_PARTY_WORDS:
            return True
        return token.lower_ in _PLURAL_PEOPLE and any(
            c.lower_ in ("two", "both") for c in token.children
        )

    def plural_parties(self, token: Token) -> list[EntityRef]:
        """'we' in a quote: its speaker and the other person it names; otherwise the persons
        named together just before ('Trump and Putin ... when the pair meet')."""
        if token.lower_ in ("we", "us"):
            speaker = self.speaker_at(token)
            if speaker is None:
                return []
            other = self._person_before(token, exclude=speaker)
            return [speaker, *([other] if other else [])]
        return self._coordinated_before(token)

    def _window(self, token: Token) -> range:
        """Token indices from the previous sentence's start up to the token."""
        sent_start = token.sent.start
        start = self.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        return range(start, token.i)

    def _person_before(self, token: Token, exclude: EntityRef) -> EntityRef | None:
        for i in reversed(self._window(token)):
            ref = self.ctx.entity_at(self.doc[i])
            if ref is not None and ref.kind == PERSON and ref != exclude:
                return ref
        return None

    def _coordinated_before(self, token: Token) -> list[EntityRef]:
        """The last persons coordinated with 'and' before the token, this or last sentence."""
        found: list[EntityRef] = []
        for i in self._window(token):
            head = self.doc[i]
            ref = self.ctx.entity_at(head)
            if ref is None or ref.kind != PERSON or head.dep_ == "conj":
                continue
            others = [self.ctx.entity_at(c) for c in head.conjuncts if c.i < token.i]
            persons = [r for r in others if r is not None and r.kind == PERSON and r != ref]
            if persons:
                found = [ref, *dict.fromkeys(persons)]
        return found

    # --- sides ----------------------------------------------------------------------------------
    def _country_at(self, token: Token) -> EntityRef | None:
        ref = self.ctx.entity_at(token)
        return ref if ref is not None and ref.kind in (COUNTRY, GOVERNMENT) else None

    def sides(self, token: Token) -> list[EntityRef]:
        """The governments an unnamed party speaks for: "his Japanese counterpart", "the
        Chinese side", "negotiators from Japan and the United States"; a counterpart with
        no country is of the country the paragraph's traveller went to."""
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
        if not refs and token.lower_ in ("counterpart", "counterparts"):
            host = self.trip_host_before(token)
            refs.extend([host] if host is not None else [])
        return refs

    def _trip_before(self, token: Token) -> EntityMention | None:
        """The country or capital a trip told in this or the previous sentence went to
        ('travelled to Ottawa', 'arrived in Japan', 'visited Seoul')."""
        for i in reversed(self._window(token)):
            verb = self.doc[i]
            if verb.pos_ != "VERB" or verb.lemma_ not in _TRIP_LEMMAS:
                continue
            for obj in _trip_objects(verb):
                mention = self.ctx.mention_at(obj)
                if mention is not None and (
                    mention.how in ("capital", "seat") or mention.ref.kind in (COUNTRY, GOVERNMENT)
                ):
                    return mention
        return None

    def trip_host_before(self, token: Token) -> EntityRef | None:
        """The government of the country a trip just before went to."""
        mention = self._trip_before(token)
        code = mention.ref.key.split("/")[0] if mention is not None else ""
        if not gazetteer.is_iso2(code):
            return None
        return EntityRef(GOVERNMENT, code, gazetteer.by_iso2(code).name)

    def trip_place_before(self, token: Token) -> EntityRef | None:
        """'There she met ...': the place a trip just before went to."""
        mention = self._trip_before(token)
        if mention is None:
            return None
        ref = mention.ref
        return ref if ref.kind != GOVERNMENT else EntityRef(COUNTRY, ref.key, ref.label)

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
