"""Who speaks at a cue: the subject of a speech verb, resolved to a person, place or group.

Each shape of subject is one small rule (a name, a title standing for its holder, a title with
the name set beside it, an anonymous group); "he"/"she" is resolved to the nearest person
subject before it outside any quote (main clause first, gender from Mr/Ms/Sir/Lady when the
article gives it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from spacy.tokens import Span, Token

from kg.extractors.context import DocContext, clean_text, is_title_word
from kg.extractors.patterns.quotes import (
    FEMALE_HONORIFICS,
    GROUP_HEADS,
    MALE_HONORIFICS,
    PRONOUN_GENDER,
)
from kg.extractors.titles import country_of_person, person_at
from kg.facts import COUNTRY, GOVERNMENT, GROUP, PERSON, PLACE, EntityRef

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# how far "he" may follow a chain of earlier "he"s back to a name
_MAX_PRONOUN_CHAIN = 3


@dataclass(frozen=True)
class Reading:
    """One article as the quote rules read it: its context, a paragraph number per token and
    the tokens inside quotation marks (never a speaker, never a cue)."""

    ctx: DocContext
    paragraph: list[int]
    quoted: frozenset[int]
    # paragraphs with no word outside quotation marks
    quote_paragraphs: frozenset[int] = frozenset()

    def paragraph_before(self, here: int) -> int:
        """The paragraph before ``here``, passing over one that is nothing but a quote (the
        speaker named before a quoted paragraph is still in view after it)."""
        before = here - 1
        return before - 1 if before in self.quote_paragraphs else before


@dataclass(frozen=True)
class Speaker:
    """Who speaks, and how the text refers to them at the cue ("the minister")."""

    ref: EntityRef
    surface: str


class _Stop:
    """The search for a pronoun's antecedent met a speaker the article did not name."""


_STOP: Final = _Stop()


# --- the subject of a cue --------------------------------------------------------------
def subjects(verb: Token, quoted: frozenset[int] = frozenset()) -> list[Token]:
    """Who speaks at a cue: the verb's subject, or the object of 'according to'."""
    if verb.lower_ == "according":
        return [
            g for to in verb.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"
        ]
    own = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if own or verb.head == verb:
        return own
    # "he said, adding: ...", "X criticised the plan, calling it ...", "X spoke and added:"
    # (only from the sentence's own verb outside quotes: "X said the figures were ...,
    # adding" hangs the participle on the reported clause, whose subject is not the speaker)
    participle = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")
    sharing = participle or (verb.dep_ == "conj" and verb.head.pos_ == "VERB")
    if sharing and _main_clause(verb) and verb.head.i not in quoted:
        return subjects(verb.head, quoted)
    return []


def speaker_at(reading: Reading, verb: Token) -> Speaker | None:
    """The first subject of the cue that names someone; an organisation only where no
    subject names a person, place or group ("the company's chairman, X, told")."""
    for shapes in (SUBJECT_SHAPES[:-1], SUBJECT_SHAPES[-1:]):
        for subject in subjects(verb, reading.quoted):
            speaker = speaker_of(reading, subject, shapes)
            if speaker is not None:
                return speaker
    return None


def speaker_of(
    reading: Reading, subject: Token, shapes: Sequence[tuple[str, SubjectShape]] | None = None
) -> Speaker | None:
    """The speaker one subject token stands for, by the first subject shape that fits."""
    if subject.lower_ in PRONOUN_GENDER:
        return _pronoun(reading, subject)
    for _name, shape in SUBJECT_SHAPES if shapes is None else shapes:
        speaker = shape(reading, subject)
        if speaker is not None:
            return speaker
    return None


def _phrase(ctx: DocContext, subject: Token) -> str:
    """The subject as written up to its head ("the minister", not "... in charge of")."""
    return clean_text(ctx.doc[_first_word(subject) : subject.i + 1].text)


def _whole(ctx: DocContext, subject: Token) -> str:
    return clean_text(ctx.doc[_first_word(subject) : subject.right_edge.i + 1].text)


def _first_word(subject: Token) -> int:
    """Where the subject phrase starts, a quotation mark the parser hung on it left out."""
    start = subject.left_edge.i
    while start < subject.i and (subject.doc[start].is_punct or subject.doc[start].is_space):
        start += 1
    return start


def _pronoun(reading: Reading, subject: Token) -> Speaker | None:
    """'he said': the person the pronoun refers to."""
    person = antecedent(reading, subject)
    return Speaker(EntityRef(PERSON, person, person), subject.text) if person else None


def person_named(ctx: DocContext, token: Token) -> str | None:
    """The person a token names: ``titles.person_at``, or the surname of a person the
    article names in full where the tagger took the surname for a place ("Carney said")."""
    person = person_at(ctx, token)
    if person is not None or token.pos_ != "PROPN":
        return person
    ref = ctx.entity_at(token)
    if ref is None or ref.kind != PLACE or ref.label != token.text:
        return None
    named = {full for full in ctx.person_aliases if full.split()[-1] == token.text}
    return named.pop() if len(named) == 1 else None


def title_holder(reading: Reading, token: Token) -> str | None:
    """Who a definite title standing alone refers to when ``titles`` left it open ("the
    Republican president said", "the Ukrainian President said"): the one person the
    article gave that title (and country, when the phrase names one) before it; else, for
    a title that names a country, the nearest person subject before it, in its paragraph or
    the one before, of no other country or title. Spokespeople, plural titles and "a ..."
    titles stand for no one in particular."""
    ctx = reading.ctx
    title = next((t for t in ctx.titles if t.start <= token.i < t.end), None)
    if title is None or title.person or not _definite_title(ctx, token):
        return None
    holders = {
        t.person
        for t in ctx.titles
        if t.person and t.head == title.head and t.start < title.start
        if title.country is None or _country(ctx, t.person, t.country) == title.country
    }
    if len(holders) == 1:
        return holders.pop()
    if holders or title.country is None:
        return None
    return _subject_before(reading, token, title.head, title.country)


def _definite_title(ctx: DocContext, token: Token) -> bool:
    """'the minister', 'China's president': one known holder, not 'a spokesman' or
    'Mr X's aide' or 'ministers'."""
    if not is_subject(token) or token.lower_ in GROUP_HEADS or token.tag_ in ("NNS", "NNPS"):
        return False
    marks = [c for c in token.children if c.dep_ in ("det", "poss")]
    return bool(marks) and all(
        c.lower_ == "the" if c.dep_ == "det" else _is_country(ctx, c) for c in marks
    )


def _is_country(ctx: DocContext, token: Token) -> bool:
    ref = ctx.entity_at(token)
    return ref is not None and ref.kind in (COUNTRY, GOVERNMENT)


def _country(ctx: DocContext, person: str, given: str | None) -> str | None:
    return given or country_of_person(ctx, person)


def _subject_before(reading: Reading, token: Token, head: str, country: str | None) -> str | None:
    """The nearest person subject before ``token`` (outside quotes, within its paragraph
    and the one before) whom no title or country of the article sets apart."""
    ctx, paragraph = reading.ctx, reading.paragraph
    floor = paragraph[token.i] - 1
    for i in range(token.i - 1, -1, -1):
        if paragraph[i] < floor:
            return None
        candidate = ctx.doc[i]
        if i in reading.quoted or not is_subject(candidate) or candidate.pos_ != "PROPN":
            continue
        person = person_named(ctx, candidate)
        if person is None:
            continue
        heads = {t.head for t in ctx.titles if t.person == person}
        elsewhere = country is not None and _country(ctx, person, None) not in (None, country)
        if heads - {head} or elsewhere:
            return None
        return person
    return None


def _person(reading: Reading, subject: Token) -> Speaker | None:
    """A person's name, or a title standing for its holder ("the minister said")."""
    person = person_named(reading.ctx, subject) or title_holder(reading, subject)
    if not person:
        return None
    return Speaker(EntityRef(PERSON, person, person), _phrase(reading.ctx, subject))


def _entity(reading: Reading, subject: Token) -> Speaker | None:
    """A country, government or other known entity ("Japan said")."""
    ref = reading.ctx.entity_at(subject)
    return Speaker(ref, _whole(reading.ctx, subject)) if ref is not None else None


def _title_with_name(reading: Reading, subject: Token) -> Speaker | None:
    """'The Shadow Secretary for the Family, Jane Doe, said'."""
    name = appositive_name(reading.ctx, subject)
    if not name:
        return None
    return Speaker(EntityRef(PERSON, name, name), _phrase(reading.ctx, subject))


def _group(reading: Reading, subject: Token) -> Speaker | None:
    """Anonymous speakers kept as a group ("diplomatic sources said")."""
    if subject.lower_ not in GROUP_HEADS:
        return None
    surface = _whole(reading.ctx, subject)
    label = surface.removeprefix("the ").removeprefix("The ")
    return Speaker(EntityRef(GROUP, label.lower(), label), surface)


def _initialled_name(reading: Reading, subject: Token) -> Speaker | None:
    """A person's name with a middle initial that the tagger took for something else
    ("Vann R. Newkirk II said"): capitalised words, an initial inside."""
    ent = next((e for e in reading.ctx.ents if e.start <= subject.i < e.end), None)
    if ent is None or ent.label_ == "PERSON" or not 3 <= len(ent) <= 5:
        return None
    words = list(ent)
    inner = words[1:-1]
    if not all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in words):
        return None
    if not any(_initial(t) for t in inner) or (_initial(words[0]) and _initial(words[-1])):
        return None
    name = clean_text(ent.text)
    return Speaker(EntityRef(PERSON, name, name), _phrase(reading.ctx, subject))


def _initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _organisation(reading: Reading, subject: Token) -> Speaker | None:
    """A named organisation ("The New York Times reported", "the IAEA said"): an ORG entity
    that cannot be a lone surname (several words, "the" before it, an acronym or inner
    capitals) nor a person's name the tagger ran into it ("credit analyst Jane Doe",
    "Vann R. Newkirk"), kept as a group agent."""
    ctx = reading.ctx
    ent = next((e for e in ctx.ents if e.start <= subject.i < e.end), None)
    if ent is None or ent.label_ != "ORG" or not _organisation_name(ctx, ent):
        return None
    words = [t for t in ent if t.lower_ != "the"]
    label = clean_text(" ".join(t.text for t in words))
    return Speaker(EntityRef(GROUP, label.lower(), label), _whole(ctx, subject))


def _organisation_name(ctx: DocContext, ent: Span) -> bool:
    words = [t for t in ent if t.lower_ != "the"]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if not words or (before is not None and before.pos_ == "NOUN" and before.is_lower):
        return False  # "Bombay broker Jane Doe"
    if any(_personal(ctx, t) for t in words):
        return False
    definite = ent[0].lower_ == "the" or (before is not None and before.lower_ == "the")
    text = "".join(t.text for t in words)
    return len(words) > 1 or definite or text.isupper() or any(c.isupper() for c in text[1:])


def _personal(ctx: DocContext, token: Token) -> bool:
    """A word that marks a person's name: an initial ("R."), a lower-case noun ("analyst"),
    a title, or a known person."""
    ref = ctx.entity_at(token)
    initial = len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."
    common = token.is_lower and token.pos_ == "NOUN"
    return (
        initial or common or is_title_word(token.lower_) or (ref is not None and ref.kind == PERSON)
    )


SubjectShape = Callable[[Reading, Token], "Speaker | None"]

# Tried in order; a pronoun is resolved apart (see ``antecedent``).
SUBJECT_SHAPES: tuple[tuple[str, SubjectShape], ...] = (
    ("person or title standing for one", _person),
    ("country, government or place", _entity),
    ("title with the name beside it", _title_with_name),
    ("anonymous group", _group),
    ("name with a middle initial", _initialled_name),
    ("organisation", _organisation),
)


# --- grammar helpers -------------------------------------------------------------------
def is_subject(token: Token) -> bool:
    """The subject of a clause, also through apposition ("Mr Balls, a Labour MP, said")."""
    while token.dep_ in ("appos", "conj", "compound") and token.head != token:
        token = token.head
    # "one of the four, Gerry Conlon - who ... - said": the tagger hangs the name on the verb
    misparsed = token.dep_ == "npadvmod" and token.pos_ == "PROPN" and token.head.pos_ == "VERB"
    return token.dep_ in _SUBJECT_DEPS or misparsed


def _main_clause(token: Token) -> bool:
    """The token's clause is the sentence's own, not a complement or relative clause."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _gender_of(ctx: DocContext, person: str) -> str | None:
    """'m' or 'f' when the article gives the person an honorific (Mr, Ms, Sir, Lady)."""
    for mention in ctx.mentions:
        if mention.ref.kind != PERSON or mention.ref.key != person:
            continue
        for i in (mention.start - 1, mention.start):
            if 0 <= i < len(ctx.doc):
                word = ctx.doc[i].lower_
                if word in MALE_HONORIFICS:
                    return "m"
                if word in FEMALE_HONORIFICS:
                    return "f"
    return None


def appositive_name(ctx: DocContext, subject: Token) -> str | None:
    """The name set beside a title that the tagger did not take as a person ("the shadow
    secretary, Jane Doe, said"): two or more capitalised proper nouns, no place or group."""
    if not (is_title_word(subject.lower_) or subject.lower_ in GROUP_HEADS):
        return None
    for appos in subject.children:
        if appos.dep_ != "appos" or appos.pos_ != "PROPN":
            continue
        ref = ctx.entity_at(appos)
        if ref is not None and ref.kind == PERSON:
            return ref.key
        words = [t for t in appos.lefts if t.dep_ == "compound"] + [appos]
        if _bare_name(ctx, words):
            return " ".join(t.text for t in words)
    return None


def _bare_name(ctx: DocContext, words: list[Token]) -> bool:
    """Two or more adjacent capitalised words that are no place, group or title."""
    if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1:
        return False
    return not any(
        not t.text[:1].isupper()
        or not t.is_alpha
        or t.ent_type_ not in ("", "PERSON", "DATE")
        or ctx.entity_at(t) is not None
        or is_title_word(t.lower_)
        for t in words
    )


# --- he / she --------------------------------------------------------------------------
def antecedent(reading: Reading, pronoun: Token, depth: int = 0) -> str | None:
    """The person a 'he'/'she' refers to: going back sentence by sentence through its
    paragraph and the one before, the first subject that is a person of the pronoun's
    gender (when the article gives one), a main clause's subject first; an earlier 'he'
    that is a subject stands for its own antecedent. Persons named inside quotes are not
    candidates. A subject that is an unresolved title ("the Shadow Secretary ..., said")
    stops the search: the speaker is someone the article did not name clearly."""
    ctx, paragraph = reading.ctx, reading.paragraph
    floor = reading.paragraph_before(paragraph[pronoun.i])
    own = ctx.sentence_index(pronoun)
    nearby: str | None = None
    for sentence in range(own, -1, -1):
        sent = ctx.sentences[sentence]
        if paragraph[sent.start] < floor and paragraph[sent.end - 1] < floor:
            break
        found = _sentence_candidates(reading, sent, pronoun, depth)
        if isinstance(found, _Stop):
            return None
        main, other, near = found
        if main or other:
            return main or other
        if nearby is None and sentence >= own - 1:
            nearby = near
    return nearby


def _sentence_candidates(
    reading: Reading, sent: Span, pronoun: Token, depth: int
) -> tuple[str | None, str | None, str | None] | _Stop:
    """A sentence's persons before the pronoun, read from its end: the main clause's
    subject, another clause's subject, and the nearest person that is no subject."""
    main: str | None = None
    other: str | None = None
    near: str | None = None
    for token in reversed(sent):
        person = _candidate(reading, token, pronoun, depth)
        if isinstance(person, _Stop):
            return person
        if person is None:
            continue
        if is_subject(token):
            if _main_clause(token):
                main = main or person
            else:
                other = person
        elif near is None:
            near = person
    return main, other, near


def _candidate(reading: Reading, token: Token, pronoun: Token, depth: int) -> str | _Stop | None:
    """The person a token before the pronoun names, if it can be its antecedent."""
    floor = reading.paragraph_before(reading.paragraph[pronoun.i])
    if token.i >= pronoun.i or token.i in reading.quoted or reading.paragraph[token.i] < floor:
        return None
    subject = is_subject(token)
    if not subject and token.dep_ not in ("pobj", "dobj", "poss"):
        return None
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    if token.lower_ in PRONOUN_GENDER and subject:
        if depth >= _MAX_PRONOUN_CHAIN or PRONOUN_GENDER[token.lower_] != gender:
            return None
        return antecedent(reading, token, depth + 1)
    person = None
    if token.pos_ != "PRON":
        person = person_named(reading.ctx, token) or title_holder(reading, token)
    if person is None and subject:
        person = appositive_name(reading.ctx, token)
    if person is None:
        if subject and _main_clause(token) and is_title_word(token.lower_):
            return _STOP  # "The Shadow Secretary ..., Theresa May, said"
        return None
    if gender is not None and _gender_of(reading.ctx, person) not in (None, gender):
        return None
    return person
