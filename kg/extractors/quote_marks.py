"""Which words of an article stand between quotation marks, and where paragraphs break.

Straight marks (") open or close by the spaces around them, so a scare quote ("crippled")
cannot shift the pairing; curly and angle marks say which end they are. A quote that goes on
over paragraphs opens again without closing ("...first part. "Second part," he added.); its
segments form one run that has one speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extractors.patterns.quotes import (
    ALWAYS_CLOSE,
    ALWAYS_OPEN,
    OPENING_NEIGHBOURS,
    PARAGRAPH_END,
    PUNCT_AFTER_OPEN,
    SINGLE,
    STRAIGHT,
    TOGGLING,
)

OPEN, CLOSE = "open", "close"
_LINE_BREAK = re.compile(r"\n\s*")
_PARAGRAPHS = "kg.quotes.paragraph_ids"


@dataclass(frozen=True)
class Segment:
    """Quoted tokens ``open + 1 .. end - 1``; ``closed`` when a closing mark ends them.

    An unclosed segment ran on to a paragraph's end or to the next opening mark: the news
    convention for a quote that goes on in the next paragraph ("...first part.
    "Second part," he added.), whose segments form one ``run`` with one speaker.
    """

    open: int
    end: int  # the closing mark, or one past the last quoted token
    closed: bool
    run: int

    @property
    def last(self) -> int:
        """The last token of the quote, closing mark included."""
        return self.end if self.closed else self.end - 1

    def tokens(self) -> range:
        """The quote's tokens with both marks."""
        return range(self.open, self.end + (1 if self.closed else 0))


def paragraph_ids(doc: Doc) -> list[int]:
    """A paragraph number per token. A line break starts a paragraph after a blank line,
    before an indented line, or after a sentence's end; elsewhere it is wire copy's line
    wrapping ("said that\nprotectionist bills"), inside one paragraph. Computed once per doc
    (Doc.text re-joins every token)."""
    cached: list[int] | None = doc.user_data.get(_PARAGRAPHS)
    if cached is not None:
        return cached
    text = doc.text
    breaks = [m.end() for m in _LINE_BREAK.finditer(text) if _ends_paragraph(text, m)]
    ids = [bisect_right(breaks, token.idx) for token in doc]
    doc.user_data[_PARAGRAPHS] = ids
    return ids


def _ends_paragraph(text: str, match: re.Match[str]) -> bool:
    gap = match.group()
    i = match.start()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    before = text[i - 1] if i > 0 else ""
    return gap.count("\n") > 1 or gap.endswith((" ", "\t")) or before in PARAGRAPH_END


@dataclass(frozen=True)
class Mark:
    """A quotation mark: whether it opens or closes, and its family (double or single)."""

    kind: str
    family: str


def mark_at(doc: Doc, token: Token, is_open: bool) -> Mark | None:
    """Whether a token is a quotation mark that opens or closes, from the mark and the
    spaces around it."""
    text = token.text
    if text in ALWAYS_OPEN:
        # "... as soon as possible. “" at a line's end: a closing mark typed the wrong way
        kind = CLOSE if is_open and _ends_line(doc, token) else OPEN
        return Mark(kind, ALWAYS_OPEN[text])
    if text in ALWAYS_CLOSE:
        return Mark(CLOSE, ALWAYS_CLOSE[text])
    family = STRAIGHT.get(text)
    if family is None or (family == SINGLE and not _single_mark(doc, token)):
        return None
    before = _space_before(doc, token)
    after = _space_after(doc, token)
    if before and not after:
        return Mark(OPEN, family)
    if after and not before:
        return Mark(CLOSE, family)
    if text in TOGGLING:
        return Mark(CLOSE if is_open else OPEN, family)
    return None


def _ends_line(doc: Doc, token: Token) -> bool:
    if token.i + 1 == len(doc):
        return True
    nxt = doc[token.i + 1]
    return "\n" in token.whitespace_ or (nxt.is_space and "\n" in nxt.text)


def _single_mark(doc: Doc, token: Token) -> bool:
    """A straight apostrophe that can be a quotation mark: no possessive ("farmers' union"),
    and an opening one starts a word ('We..., not '90s)."""
    if token.tag_ == "POS":
        return False
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return nxt is None or nxt.is_alpha or nxt.is_space or nxt.is_punct


def _space_before(doc: Doc, token: Token) -> bool:
    if token.i == 0:
        return True
    prev = doc[token.i - 1]
    return bool(prev.whitespace_) or prev.is_space or prev.text in OPENING_NEIGHBOURS


def _space_after(doc: Doc, token: Token) -> bool:
    if token.whitespace_ or token.i + 1 == len(doc):
        return True
    nxt = doc[token.i + 1]
    return nxt.is_space or (nxt.is_punct and nxt.text not in PUNCT_AFTER_OPEN)


class _Pairing:
    """Walks the marks of a doc once, collecting segments."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.segments: list[Segment] = []
        self.open_at: int | None = None
        self.family: str | None = None
        self.run = 0

    def unclosed(self, end: int) -> None:
        """The open quote ran on to ``end`` without a closing mark."""
        start = self.open_at
        assert start is not None
        while end > start + 1 and self.doc[end - 1].is_space:
            end -= 1
        if end > start + 1:
            self.segments.append(Segment(start, end, False, self.run))
        self.open_at = None

    def mark(self, token: Token, mark: Mark) -> None:
        if self.open_at is not None and mark.family != self.family:
            return  # a quote nested in the open one is part of its text
        if mark.kind == OPEN:
            self._opening(token, mark.family)
        elif self.open_at is not None:
            self._closing(token)

    def _opening(self, token: Token, family: str) -> None:
        if self.open_at is not None:
            self.unclosed(token.i)  # "...first part. "Second part": one quote goes on
        elif not self._continues(token):
            self.run += 1
        self.open_at = token.i
        self.family = family

    def _closing(self, token: Token) -> None:
        assert self.open_at is not None
        if token.i > self.open_at + 1:
            self.segments.append(Segment(self.open_at, token.i, True, self.run))
        self.open_at = None

    def _continues(self, token: Token) -> bool:
        """The opening mark comes right after an unclosed segment (white space between)."""
        if not self.segments or self.segments[-1].closed:
            return False
        return all(t.is_space for t in self.doc[self.segments[-1].end : token.i])


def segments(doc: Doc) -> list[Segment]:
    """The quoted segments of a document, in text order, grouped into runs."""
    paragraph = paragraph_ids(doc)
    pairing = _Pairing(doc)
    for token in doc:
        if pairing.open_at is not None and paragraph[token.i] != paragraph[pairing.open_at]:
            pairing.unclosed(token.i)
        mark = mark_at(doc, token, pairing.open_at is not None)
        if mark is not None:
            pairing.mark(token, mark)
    if pairing.open_at is not None:
        pairing.unclosed(len(doc))
    return pairing.segments


def quote_paragraphs(doc: Doc, paragraph: list[int], quoted: frozenset[int]) -> frozenset[int]:
    """The paragraphs that have no word outside quotation marks."""
    with_words = {
        paragraph[t.i] for t in doc if t.i not in quoted and not (t.is_punct or t.is_space)
    }
    return frozenset(set(paragraph) - with_words)
