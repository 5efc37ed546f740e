"""Who said what: direct quotations and reported speech, linked to the speaker.

A direct quote is the text between a pair of quotation marks; straight marks (") open or
close by the spaces around them, so a scare quote ("crippled") cannot shift the pairing.
A quote that goes on over paragraphs opens again without closing ("...first part.
"Second part," he added.); its parts form one run with one speaker. The speaker is the
subject of the nearest speech verb (or "according to") outside quotes, in the quote's
sentences or the one before, within the paragraph ("Akazawa told reporters, "..."",
""...," the minister said"); when that verb governs the quote but its subject cannot be
named, no other sentence's speaker is taken. "He"/"she" is resolved to the nearest person
subject before it outside any quote (main clause first, gender from Mr/Ms/Sir/Lady when
the article gives it); a title stands for its holder, or for the name set beside it.
Quoted words with no speech verb nearby ("a "reciprocal" tariff") are scare quotes and are
skipped. Reported speech is a speech verb with a clausal complement and no quotation marks
("X said Thursday that purchases ... may help reduce"). Anonymous speakers ("diplomatic
sources") are kept as a group.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extractors.context import DocContext, clean_text, is_title_word
from kg.extractors.patterns.quotes import CLOSE_QUOTES, OPEN_QUOTES, SPEECH_VERBS
from kg.extractors.titles import person_at
from kg.facts import GROUP, PERSON, EntityRef, Quote

_GROUP_HEADS = frozenset(
    {
        "sources",
        "officials",
        "source",
        "official",
        "diplomats",
        "analysts",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "people",
    }
)


_MALE = frozenset({"mr", "mr.", "sir", "lord"})
_FEMALE = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "lady", "baroness", "dame"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OPEN, _CLOSE = "open", "close"
_LINE_BREAK = re.compile(r"\n\s*")
_PARAGRAPH_END = frozenset('.!?:"”’»')


@dataclass(frozen=True)
class _Segment:
    """Quoted tokens ``open + 1 .. end - 1``; ``closed`` when a closing mark ends them.

    An unclosed segment ran on to a paragraph's end or to the next opening mark: the news
    convention for a quote that goes on in the next paragraph ("...first part.
    "Second part," he added.), whose segments form one ``run`` with one speaker.
    """

    open: int
    end: int  # the closing mark, or one past the last quoted token
    closed: bool
    run: int


_PARAGRAPHS = "kg.quotes.paragraph_ids"


def _paragraph_ids(doc: Doc) -> list[int]:
    """A paragraph number per token. A line break starts a paragraph after a blank line,
    before an indented line, or after a sentence's end; elsewhere it is wire copy's line
    wrapping ("said that\nprotectionist bills"), inside one paragraph. Computed once per doc
    (Doc.text re-joins every token)."""
    cached: list[int] | None = doc.user_data.get(_PARAGRAPHS)
    if cached is not None:
        return cached
    text = doc.text
    breaks = []
    for match in _LINE_BREAK.finditer(text):
        gap = match.group()
        i = match.start()
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        before = text[i - 1] if i > 0 else ""
        if gap.count("\n") > 1 or gap.endswith((" ", "\t")) or before in _PARAGRAPH_END:
            breaks.append(match.end())
    ids = [bisect_right(breaks, token.idx) for token in doc]
    doc.user_data[_PARAGRAPHS] = ids
    return ids


def _mark_kind(doc: Doc, token: Token, is_open: bool) -> str | None:
    """Whether a quotation mark opens or closes, from the marks and the spaces around them."""
    text = token.text
    if text in ("“", "«", "‘"):
        return _OPEN
    if text in ("”", "»", "’"):
        return _CLOSE
    if text not in OPEN_QUOTES and text not in CLOSE_QUOTES:
        return None
    before = token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_space
    before = before or doc[token.i - 1].text in ("(", "[", "—", "–", "-")
    after = (
        bool(token.whitespace_)
        or token.i + 1 == len(doc)
        or doc[token.i + 1].is_space
        or (doc[token.i + 1].is_punct and doc[token.i + 1].text not in ("(", "[", "‘", "'"))
    )
    if before and not after:
        return _OPEN
    if after and not before:
        return _CLOSE
    return _CLOSE if is_open else _OPEN


def _segments(doc: Doc) -> list[_Segment]:
    """The quoted segments of a document, in text order, grouped into runs."""
    paragraph = _paragraph_ids(doc)
    segments: list[_Segment] = []
    open_at: int | None = None
    run = 0

    def unclosed(end: int) -> None:
        nonlocal open_at
        assert open_at is not None
        while end > open_at + 1 and doc[end - 1].is_space:
            end -= 1
        if end > open_at + 1:
            segments.append(_Segment(open_at, end, False, run))
        open_at = None

    for token in doc:
        if open_at is not None and paragraph[token.i] != paragraph[open_at]:
            unclosed(token.i)
        kind = _mark_kind(doc, token, open_at is not None)
        if kind == _OPEN:
            if open_at is not None:
                unclosed(token.i)  # "...first part. "Second part": one quote goes on
            elif not segments or segments[-1].closed or not _adjacent(doc, segments[-1], token):
                run += 1
            open_at = token.i
        elif kind == _CLOSE and open_at is not None:
            if token.i > open_at + 1:
                segments.append(_Segment(open_at, token.i, True, run))
            open_at = None
    if open_at is not None:
        unclosed(len(doc))
    return segments


def _adjacent(doc: Doc, segment: _Segment, token: Token) -> bool:
    """The opening mark comes right after an unclosed segment (white space between)."""
    return all(t.is_space for t in doc[segment.end : token.i])


def _gender_of(ctx: DocContext, person: str) -> str | None:
    """'m' or 'f' when the article gives the person an honorific (Mr, Ms, Sir, Lady)."""
    for mention in ctx.mentions:
        if mention.ref.kind != PERSON or mention.ref.key != person:
            continue
        for i in (mention.start - 1, mention.start):
            if 0 <= i < len(ctx.doc):
                word = ctx.doc[i].lower_
                if word in _MALE:
                    return "m"
                if word in _FEMALE:
                    return "f"
    return None


def _is_subject(token: Token) -> bool:
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


def _antecedent(
    ctx: DocContext,
    pronoun: Token,
    quoted: set[int],
    paragraph: list[int],
    depth: int = 0,
) -> str | None:
    """The person a 'he'/'she' refers to: going back sentence by sentence through its
    paragraph and the one before, the first subject that is a person of the pronoun's
    gender (when the article gives one), a main clause's subject first; an earlier 'he'
    that is a subject stands for its own antecedent. Persons named inside quotes are not
    candidates. A subject that is an unresolved title ("the Shadow Secretary ..., said")
    stops the search: the speaker is someone the article did not name clearly."""
    gender = _PRONOUN_GENDER.get(pronoun.lower_)
    here = paragraph[pronoun.i]
    sentence = ctx.sentence_index(pronoun)
    nearby: str | None = None
    while sentence >= 0:
        sent = ctx.sentences[sentence]
        if paragraph[sent.start] < here - 1 and paragraph[sent.end - 1] < here - 1:
            break
        main: str | None = None
        other: str | None = None
        for token in reversed(sent):
            if token.i >= pronoun.i or token.i in quoted or paragraph[token.i] < here - 1:
                continue
            if not _is_subject(token) and token.dep_ not in ("pobj", "dobj", "poss"):
                continue
            person: str | None = None
            if token.lower_ in _PRONOUN_GENDER and _is_subject(token):
                if depth >= 3 or _PRONOUN_GENDER[token.lower_] != gender:
                    continue
                person = _antecedent(ctx, token, quoted, paragraph, depth + 1)
            else:
                person = person_at(ctx, token) if token.pos_ != "PRON" else None
                if person is None and _is_subject(token):
                    person = _appositive_name(ctx, token)
                if person is None:
                    if _is_subject(token) and _main_clause(token) and is_title_word(token.lower_):
                        return None  # "The Shadow Secretary ..., Theresa May, said"
                    continue
                if gender is not None and _gender_of(ctx, person) not in (None, gender):
                    continue
            if person is None:
                continue
            if _is_subject(token):
                if _main_clause(token):
                    main = main or person
                else:
                    other = person
            elif nearby is None and sentence >= ctx.sentence_index(pronoun) - 1:
                nearby = person
        if main or other:
            return main or other
        sentence -= 1
    return nearby


def _appositive_name(ctx: DocContext, subject: Token) -> str | None:
    """The name set beside a title that the tagger did not take as a person ("the shadow
    secretary, Jane Doe, said"): two or more capitalised proper nouns, no place or group."""
    if not (is_title_word(subject.lower_) or subject.lower_ in _GROUP_HEADS):
        return None
    for appos in subject.children:
        if appos.dep_ != "appos" or appos.pos_ != "PROPN":
            continue
        ref = ctx.entity_at(appos)
        if ref is not None and ref.kind == PERSON:
            return ref.key
        words = [t for t in appos.lefts if t.dep_ == "compound"] + [appos]
        if len(words) < 2 or words[-1].i - words[0].i != len(words) - 1:
            continue
        if any(
            not t.text[:1].isupper()
            or not t.is_alpha
            or t.ent_type_ not in ("", "PERSON", "DATE")
            or ctx.entity_at(t) is not None
            or is_title_word(t.lower_)
            for t in words
        ):
            continue
        return " ".join(t.text for t in words)
    return None


def _governs(verb: Token, first: int, last: int) -> bool:
    return verb.left_edge.i <= first and last <= verb.right_edge.i


def _subjects(verb: Token) -> list[Token]:
    """Who speaks at a cue: the verb's subject, or the object of 'according to'."""
    if verb.lower_ == "according":
        return [
            g for to in verb.children if to.lower_ == "to" for g in to.children if g.dep_ == "pobj"
        ]
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _speaker(
    ctx: DocContext, verb: Token, quoted: set[int], paragraph: list[int]
) -> tuple[EntityRef | None, str]:
    for child in _subjects(verb):
        surface = clean_text(ctx.doc[child.left_edge.i : child.right_edge.i + 1].text)
        if child.lower_ in _PRONOUN_GENDER:
            person = _antecedent(ctx, child, quoted, paragraph)
            if person:
                return EntityRef(PERSON, person, person), child.text
            continue
        person = person_at(ctx, child)
        if person:
            return EntityRef(PERSON, person, person), clean_text(
                ctx.doc[child.left_edge.i : child.i + 1].text
            )
        ref = ctx.entity_at(child)
        if ref is not None:
            return ref, surface
        name = _appositive_name(ctx, child)
        if name:  # "The Shadow Secretary for the Family, Jane Doe, said"
            return EntityRef(PERSON, name, name), clean_text(
                ctx.doc[child.left_edge.i : child.i + 1].text
            )
        if child.lower_ in _GROUP_HEADS:
            label = surface.removeprefix("the ").removeprefix("The ")
            return EntityRef(GROUP, label.lower(), label), surface
    return None, ""


def _is_cue(token: Token) -> bool:
    if token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB":
        return True
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def _cue_name(verb: Token) -> str:
    return "according to" if verb.lower_ == "according" else verb.lemma_


def _speech_verbs(
    ctx: DocContext, first: int, last: int, quoted: set[int], paragraph: list[int]
) -> list[Token]:
    """Speech verbs outside quotes, in the quote's sentences and the one before, nearest
    first, in the quote's paragraph."""
    doc = ctx.doc
    sent_start = doc[first].sent.start
    prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    sent_end = doc[min(last, len(doc) - 1)].sent.end
    verbs = [
        t
        for t in doc[prev_start:sent_end]
        if _is_cue(t)
        and t.i not in quoted
        and paragraph[t.i] in (paragraph[first], paragraph[min(last, len(doc) - 1)])
    ]

    def rank(verb: Token) -> tuple[bool, bool, int]:
        return (
            not _governs(verb, first, last),
            verb.i < sent_start,
            min(abs(verb.i - first), abs(verb.i - last)),
        )

    return sorted(verbs, key=rank)


def extract(ctx: DocContext) -> Iterator[Quote]:
    """Direct quotes, then reported speech, each with a speaker where one can be found."""
    doc = ctx.doc
    paragraph = _paragraph_ids(doc)
    segments = _segments(doc)
    quoted: set[int] = set()
    for segment in segments:
        quoted.update(range(segment.open, segment.end + (1 if segment.closed else 0)))
    found: list[tuple[_Segment, EntityRef, str, str] | None] = []
    for segment in segments:
        last_i = segment.end if segment.closed else segment.end - 1
        attribution = None
        for verb in _speech_verbs(ctx, segment.open, last_i, quoted, paragraph):
            speaker, surface = _speaker(ctx, verb, quoted, paragraph)
            if speaker is not None:
                attribution = (segment, speaker, surface, _cue_name(verb))
                break
            if _governs(verb, segment.open, last_i) and _subjects(verb):
                break  # the quote's own cue names someone unknown: no other verb's subject
        found.append(attribution)
    for n, segment in enumerate(segments):
        attribution = found[n]
        if attribution is None:
            # a quote that goes on over paragraphs has one speaker: the nearest attribution
            # of its run, the one after first ("...first part. "Second part," he added.)
            run = [
                a
                for a in found[n + 1 :] + found[:n][::-1]
                if a is not None and a[0].run == segment.run
            ]
            if not run:
                continue
            attribution = run[0]
        _, speaker, surface, cue = attribution
        end_char = (
            doc[segment.end].idx
            if segment.closed
            else doc[segment.end - 1].idx + len(doc[segment.end - 1].text)
        )
        text_span = ctx.span(doc[segment.open].idx + len(doc[segment.open].text), end_char)
        last_token = doc[segment.end] if segment.closed else doc[segment.end - 1]
        yield Quote(
            speaker,
            surface,
            cue,
            text_span.text.rstrip(" ,"),  # '"We will not back down," X said'
            True,
            ctx.evidence(doc[segment.open], last_token),
        )
    for verb in ctx.tokens:
        if verb.lemma_ not in SPEECH_VERBS or verb.pos_ != "VERB" or verb.i in quoted:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses:
            continue
        clause = clauses[0]
        span = range(clause.left_edge.i, clause.right_edge.i + 1)
        if any(i in quoted for i in span) or len(span) < 4:
            continue
        speaker, surface = _speaker(ctx, verb, quoted, paragraph)
        if speaker is None:
            continue
        first = doc[clause.left_edge.i]
        if first.lower_ == "that":
            first = doc[first.i + 1]
        last = doc[clause.right_edge.i]
        while last.is_punct and last.i > first.i:
            last = doc[last.i - 1]
        text = ctx.span(first.idx, last.idx + len(last.text)).text
        yield Quote(speaker, surface, verb.lemma_, text, False, ctx.evidence(first, last))
