"""Who said what: direct quotations and reported speech, linked to the speaker.

A direct quote is the text between a pair of quotation marks; its speaker is the subject
of the nearest speech verb outside the quote, in the quote's sentences or the one before
("Akazawa told reporters, “...”", "“...,” the minister said"). Quoted words with no
speech verb nearby ("a “reciprocal” tariff") are scare quotes and are skipped. Reported
speech is a speech verb with a clausal complement and no quotation marks ("X said
Thursday that purchases ... may help"). Anonymous speakers ("diplomatic sources") are
kept as a group.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from kg.extractors.context import DocContext, clean_text
from kg.extractors.patterns import CLOSE_QUOTES, OPEN_QUOTES, SPEECH_VERBS
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


def _quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """(open, close) token indices of quotation mark pairs."""
    spans = []
    open_at: int | None = None
    for token in doc:
        text = token.text
        if open_at is None and (text in OPEN_QUOTES and text not in ("’",)):
            open_at = token.i
        elif open_at is not None and text in CLOSE_QUOTES and text != "‘":
            if token.i > open_at + 1:
                spans.append((open_at, token.i))
            open_at = None
    return spans


def _speaker(ctx: DocContext, verb: Token) -> tuple[EntityRef | None, str]:
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        person = person_at(ctx, child)
        surface = clean_text(ctx.doc[child.left_edge.i : child.right_edge.i + 1].text)
        if person:
            return EntityRef(PERSON, person, person), clean_text(
                ctx.doc[child.left_edge.i : child.i + 1].text
            )
        ref = ctx.entity_at(child)
        if ref is not None:
            return ref, surface
        if child.lower_ in _GROUP_HEADS:
            label = surface.removeprefix("the ").removeprefix("The ")
            return EntityRef(GROUP, label.lower(), label), surface
    return None, ""


def _speech_verbs(ctx: DocContext, first: int, last: int, inside: set[int]) -> list[Token]:
    """Speech verbs outside the quote, in its sentences and the one before, nearest first."""
    doc = ctx.doc
    sent_start = doc[first].sent.start
    prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    sent_end = doc[last].sent.end
    verbs = [
        t
        for t in doc[prev_start:sent_end]
        if t.lemma_ in SPEECH_VERBS
        and t.pos_ == "VERB"
        and t.i not in inside
        and _same_paragraph(doc, t.i, first, last)
    ]

    def rank(verb: Token) -> tuple[bool, bool, int]:
        governs = verb.left_edge.i <= first and last <= verb.right_edge.i
        return (not governs, verb.i < sent_start, min(abs(verb.i - first), abs(verb.i - last)))

    return sorted(verbs, key=rank)


def _same_paragraph(doc: Doc, verb: int, first: int, last: int) -> bool:
    """Attribution stays within a paragraph: no line break between verb and quote."""
    lo, hi = (verb, first) if verb < first else (last, verb)
    return "\n" not in doc[lo : hi + 1].text.strip()


def extract(ctx: DocContext) -> Iterator[Quote]:
    """Direct quotes, then reported speech, each with a speaker where one can be found."""
    doc = ctx.doc
    quoted: set[int] = set()
    for open_i, close_i in _quote_spans(doc):
        inside = set(range(open_i, close_i + 1))
        quoted |= inside
        for verb in _speech_verbs(ctx, open_i, close_i, inside):
            speaker, surface = _speaker(ctx, verb)
            if speaker is None:
                continue
            text_span = ctx.span(doc[open_i].idx + len(doc[open_i].text), doc[close_i].idx)
            yield Quote(
                speaker,
                surface,
                verb.lemma_,
                text_span.text.rstrip(" ,"),  # '"We will not back down," X said'
                True,
                ctx.evidence(doc[open_i], doc[close_i]),
            )
            break
    for verb in doc:
        if verb.lemma_ not in SPEECH_VERBS or verb.pos_ != "VERB" or verb.i in quoted:
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses:
            continue
        clause = clauses[0]
        span = range(clause.left_edge.i, clause.right_edge.i + 1)
        if any(i in quoted for i in span) or len(span) < 4:
            continue
        speaker, surface = _speaker(ctx, verb)
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
