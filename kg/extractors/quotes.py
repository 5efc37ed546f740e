"""Who said what: direct quotations and reported speech, linked to the speaker.

A direct quote is the text between a pair of quotation marks (see ``quote_marks``). Its speaker
comes from the first quote shape that fits, each one small named rule: the subject of the
nearest speech verb (or "according to") outside quotes, in the quote's sentences or the one
before, within the paragraph ("Akazawa told reporters, "..."", ""...," the minister said");
when that verb governs the quote but its subject cannot be named, no other sentence's speaker
is taken. A quote that goes on over paragraphs takes the speaker of its run. Who a subject
stands for ("he", "the minister", "the shadow secretary, Jane Doe") is read by ``speakers``.
Quoted words with no speech verb nearby ("a "reciprocal" tariff") are scare quotes and are
skipped. Reported speech is a speech verb with a clausal complement and no quotation marks
("X said Thursday that purchases ... may help reduce"). Anonymous speakers ("diplomatic
sources") are kept as a group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from kg.extractors.context import DocContext
from kg.extractors.patterns.quotes import (
    NO_OBJECT_CUES,
    RELAY_CUES,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    TAG_CUES,
    TAG_FOLLOWS,
)
from kg.extractors.quote_marks import Segment, paragraph_ids, quote_paragraphs, segments
from kg.extractors.speakers import Reading, Speaker, speaker_at, speaker_of, subjects
from kg.facts import PERSON, Quote

# reported speech shorter than this many tokens is no statement ("he said so")
_MIN_REPORTED_TOKENS = 4


@dataclass(frozen=True)
class Attribution:
    """A quote's speaker and the cue that gives it (a speech verb lemma, "according to")."""

    speaker: Speaker
    cue: str


# --- cues ------------------------------------------------------------------------------
def _is_cue(token: Token, quoted: frozenset[int]) -> bool:
    """A speech verb outside quotes, or "according to"."""
    if token.i in quoted or (token.pos_ != "VERB" and token.lower_ != "according"):
        return False
    if token.lemma_ in TAG_CUES:
        return _beside_quote(token, quoted)
    if token.lemma_ in SPEECH_VERBS:
        # "trading adds liquidity": with an object of its own, "add" is no speech
        return token.lemma_ not in NO_OBJECT_CUES or not any(
            c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in quoted for c in token.children
        )
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def _beside_quote(verb: Token, quoted: frozenset[int]) -> bool:
    """A quote ends just before the verb and its subject ('"...," she continued', '"...,"
    concluded Smith') or starts right after the verb ('he continued: "..."')."""
    doc = verb.doc
    after = [t.i for t in doc[verb.i + 1 : verb.i + 3] if not t.is_space]
    if after and doc[after[0]].text in (":", ","):
        after = after[1:]
    subject = [c.left_edge.i for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    before = (subject[0] if subject else verb.i) - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    return bool(after and after[0] in quoted) or (before >= 0 and before in quoted)


def _cue_name(verb: Token) -> str:
    return "according to" if verb.lower_ == "according" else verb.lemma_


def _governs(verb: Token, first: int, last: int) -> bool:
    return verb.left_edge.i <= first and last <= verb.right_edge.i


def _words(reading: Reading, segment: Segment) -> tuple[int, int]:
    """The first and last quoted word, marks and punctuation left out (the parser often
    hangs a closing mark on the verb after it)."""
    doc = reading.ctx.doc
    inside = [t.i for t in doc[segment.open + 1 : segment.end] if not (t.is_punct or t.is_space)]
    return (inside[0], inside[-1]) if inside else (segment.open, segment.last)


def _speech_verbs(reading: Reading, segment: Segment) -> list[Token]:
    """Speech verbs outside quotes, in the quote's sentences and the one before, in the
    quote's paragraph: those whose clause holds the quote first, innermost first, then the
    nearest."""
    doc = reading.ctx.doc
    first, last = segment.open, segment.last
    sent_start = doc[first].sent.start
    prev_start = doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
    paragraphs = (reading.paragraph[first], reading.paragraph[last])
    verbs = [
        t
        for t in doc[prev_start : doc[last].sent.end]
        if _is_cue(t, reading.quoted) and reading.paragraph[t.i] in paragraphs
    ]
    words = _words(reading, segment)

    def rank(verb: Token) -> tuple[bool, bool, bool, int, int]:
        governs = _governs(verb, *words)
        return (
            verb.i < sent_start,
            # a paper that reports someone's words relays them ('X argued "...", the
            # BBC reported')
            verb.lemma_ in RELAY_CUES or verb.lower_ in RELAY_CUES,
            not governs,
            # of two cues around the quote the inner one speaks, the outer relays it
            # ("Lee stressed that "...", Kim said": Lee's words)
            verb.right_edge.i - verb.left_edge.i if governs else 0,
            min(abs(verb.i - first), abs(verb.i - last)),
        )

    return sorted(verbs, key=rank)


# --- direct quotes: shapes read from the quote's own sentences -------------------------
def _cue_near_quote(reading: Reading, segment: Segment) -> Attribution | None:
    """'"...," the minister said', 'X told reporters: "..."', '"...", according to X'."""
    words = _words(reading, segment)
    verbs = _speech_verbs(reading, segment)
    for n, verb in enumerate(verbs):
        speaker = speaker_at(reading, verb)
        if speaker is not None:
            return Attribution(speaker, _cue_name(verb))
        who = subjects(verb, reading.quoted)
        if not who or not _governs(verb, *words):
            continue
        # "X said ..., although he added "..."": an unresolved "he" inside another cue's
        # clause leaves the quote to that cue
        outer = any(_governs(v, *words) for v in verbs[n + 1 :])
        if not (outer and all(t.pos_ == "PRON" for t in who)):
            return None  # the quote's own cue names someone unknown: no other verb's subject
    return None


def _tag_after_break(reading: Reading, segment: Segment) -> Attribution | None:
    """'"Why now?" she asked.', '"...," a spokesperson for the ministry, Jane Doe, said':
    a quote ending in a comma, question or exclamation mark is followed by its speech tag,
    even where the parser started a new sentence at the mark or inside the tag."""
    window = _tag_window(reading, segment)
    if window is None:
        return None
    doc = reading.ctx.doc
    verb = next((t for t in doc[window[0] : window[1]] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not _is_cue(verb, reading.quoted):
        return None
    speaker = speaker_at(reading, verb)
    return Attribution(speaker, _cue_name(verb)) if speaker is not None else None


def _tag_window(reading: Reading, segment: Segment) -> tuple[int, int] | None:
    """The tokens after a closing mark that may hold the quote's tag, when the parser cut
    the sentence there or inside the tag (a piece with no verb)."""
    doc = reading.ctx.doc
    if not segment.closed:
        return None
    after = segment.end + 1
    if after < len(doc) and doc[after].text == ",":
        after += 1
    ends_open = doc[segment.end - 1].text[-1:] in TAG_FOLLOWS or doc[after - 1].text == ","
    if (
        not ends_open
        or after >= len(doc)
        or reading.paragraph[after] != reading.paragraph[segment.end]
    ):
        return None
    sent = doc[after].sent
    if sent.start == after:
        return after, sent.end
    if any(t.pos_ in ("VERB", "AUX") for t in doc[after : sent.end]) or sent.end >= len(doc):
        return None
    return after, doc[sent.end].sent.end


def _speech_noun(reading: Reading, segment: Segment) -> Attribution | None:
    """ "Starmer's claim that it 'delivers ...'", "her promise to be "tough"": the quote lies
    in the clause of a speech noun whose possessor is a person."""
    doc = reading.ctx.doc
    token = doc[_words(reading, segment)[0]]
    while token.head != token:
        token = token.head
        if token.pos_ == "VERB" and _is_cue(token, reading.quoted):
            return None  # a speech verb between: the verb cues read it
        if token.pos_ != "NOUN" or token.lemma_ not in SPEECH_NOUNS:
            continue
        owners = [c for c in token.children if c.dep_ == "poss"]
        speaker = speaker_of(reading, owners[0]) if owners else None
        if speaker is not None and speaker.ref.kind == PERSON:
            return Attribution(speaker, token.lemma_)
        return None
    return None


def _colon_before_paragraph(reading: Reading, segment: Segment) -> Attribution | None:
    """'Mr Shultz replied:' ending a paragraph, the quote opening the next one."""
    doc = reading.ctx.doc
    before = segment.open - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or doc[before].text != ":":
        return None
    if reading.paragraph[before] == reading.paragraph[segment.open]:
        return None  # in one paragraph, the cue near the quote reads it
    sentence = doc[before].sent
    cues = [t for t in doc[sentence.start : before] if _is_cue(t, reading.quoted)]
    speaker = speaker_at(reading, cues[-1]) if cues else None
    return Attribution(speaker, _cue_name(cues[-1])) if speaker is not None else None


QuoteShape = Callable[[Reading, Segment], "Attribution | None"]

# A quote's own attribution: tried in order, the first that fits wins.
QUOTE_SHAPES: tuple[tuple[str, QuoteShape], ...] = (
    ("speech noun with its owner", _speech_noun),
    ("speech verb near the quote", _cue_near_quote),
    ("speech tag after a sentence break", _tag_after_break),
    ("cue and colon ending the paragraph before", _colon_before_paragraph),
)


# --- direct quotes: shapes that borrow another statement's speaker --------------------
@dataclass
class _Statements:
    """The article's quotes with the attributions found so far (in text order, borrowed ones
    included), and its reported statements by cue token: what a quote with no cue of its
    own may borrow from."""

    reading: Reading
    quotes: list[Segment]
    own: list[Attribution | None]
    found: list[Attribution | None]
    reported: list[tuple[int, Attribution]]


def _same_run(statements: _Statements, n: int) -> Attribution | None:
    """A quote that goes on over paragraphs has one speaker: the nearest attribution of its
    run, the one after first ("...first part. "Second part," he added.)."""
    quotes, own = statements.quotes, statements.own
    later = [(quotes[m], own[m]) for m in range(n + 1, len(quotes))]
    earlier = [(quotes[m], own[m]) for m in range(n - 1, -1, -1)]
    for other, attribution in later + earlier:
        if attribution is not None and other.run == quotes[n].run:
            return attribution
    return None


def _paragraph_after_speaker(statements: _Statements, n: int) -> Attribution | None:
    """A paragraph that is nothing but a quote goes on with the last speaker of the paragraph
    before ('"...," she said. / "And we will not stop there."')."""
    reading, segment = statements.reading, statements.quotes[n]
    if not _whole_paragraph(reading, segment) or _headline(reading, segment):
        return None
    before = reading.paragraph[segment.open] - 1
    spoken = [
        (quote.open, attribution)
        for quote, attribution in zip(statements.quotes[:n], statements.found, strict=False)
        if attribution is not None and reading.paragraph[quote.last] == before
    ]
    spoken += [(i, a) for i, a in statements.reported if reading.paragraph[i] == before]
    return max(spoken, key=lambda pair: pair[0])[1] if spoken else None


def _whole_paragraph(reading: Reading, segment: Segment) -> bool:
    """The quote opens its paragraph and no word of the paragraph stands outside quotes."""
    here = reading.paragraph[segment.open]
    opens = segment.open == 0 or reading.paragraph[segment.open - 1] != here
    return opens and here in reading.quote_paragraphs


def _headline(reading: Reading, segment: Segment) -> bool:
    """A quoted subheading ('All Is Well.'): no lower-case word longer than three letters."""
    words = reading.ctx.doc[segment.open + 1 : segment.end]
    return not any(t.is_alpha and t.is_lower and len(t) > 3 for t in words)


BorrowShape = Callable[[_Statements, int], "Attribution | None"]

# For quotes none of QUOTE_SHAPES attributes, in text order: the first that fits wins.
BORROW_SHAPES: tuple[tuple[str, BorrowShape], ...] = (
    ("quote run over paragraphs", _same_run),
    ("quote paragraph after a speaker's paragraph", _paragraph_after_speaker),
)


def _attribute(
    reading: Reading, quotes: list[Segment], reported: list[tuple[int, Quote]]
) -> list[Attribution | None]:
    """Each quote's attribution: its own, else one borrowed from a statement around it."""
    own = [_first_shape(reading, segment) for segment in quotes]
    said = [
        (i, Attribution(Speaker(q.speaker, q.speaker_text), q.cue))
        for i, q in reported
        if q.speaker is not None
    ]
    statements = _Statements(reading, quotes, own, [], said)
    for n in range(len(quotes)):
        attribution = own[n]
        for _name, shape in BORROW_SHAPES:
            if attribution is not None:
                break
            attribution = shape(statements, n)
        statements.found.append(attribution)
    return statements.found


def _first_shape(reading: Reading, segment: Segment) -> Attribution | None:
    for _name, shape in QUOTE_SHAPES:
        attribution = shape(reading, segment)
        if attribution is not None:
            return attribution
    return None


def _direct_quote(reading: Reading, segment: Segment, attribution: Attribution) -> Quote:
    ctx, doc = reading.ctx, reading.ctx.doc
    last = doc[segment.last]
    end_char = last.idx if segment.closed else last.idx + len(last.text)
    opening = doc[segment.open]
    text_span = ctx.span(opening.idx + len(opening.text), end_char)
    return Quote(
        attribution.speaker.ref,
        attribution.speaker.surface,
        attribution.cue,
        text_span.text.rstrip(" ,"),  # '"We will not back down," X said'
        True,
        ctx.evidence(opening, last),
    )


# --- reported speech -------------------------------------------------------------------
def _said_that(reading: Reading, verb: Token) -> Quote | None:
    """'X said (that) the talks would go on': a speech verb's clausal complement."""
    ctx, doc = reading.ctx, reading.ctx.doc
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return None
    clause = clauses[0]
    span = range(clause.left_edge.i, clause.right_edge.i + 1)
    if any(i in reading.quoted for i in span) or len(span) < _MIN_REPORTED_TOKENS:
        return None
    speaker = speaker_at(reading, verb)
    if speaker is None:
        return None
    first = doc[clause.left_edge.i]
    if first.lower_ == "that":
        first = doc[first.i + 1]
    last = doc[clause.right_edge.i]
    while last.is_punct and last.i > first.i:
        last = doc[last.i - 1]
    text = ctx.span(first.idx, last.idx + len(last.text)).text
    return Quote(speaker.ref, speaker.surface, verb.lemma_, text, False, ctx.evidence(first, last))


ReportedShape = Callable[[Reading, Token], "Quote | None"]

REPORTED_SHAPES: tuple[tuple[str, ReportedShape], ...] = (
    ("speech verb with a clause", _said_that),
)


def _reported(reading: Reading) -> list[tuple[int, Quote]]:
    """Reported statements with the index of their cue."""
    found = []
    for verb in reading.ctx.tokens:
        if verb.lemma_ not in SPEECH_VERBS or verb.pos_ != "VERB" or verb.i in reading.quoted:
            continue
        for _name, shape in REPORTED_SHAPES:
            quote = shape(reading, verb)
            if quote is not None:
                found.append((verb.i, quote))
                break
    return found


def extract(ctx: DocContext) -> Iterator[Quote]:
    """Direct quotes, then reported speech, each with a speaker where one can be found."""
    quotes = segments(ctx.doc)
    quoted = frozenset(i for segment in quotes for i in segment.tokens())
    paragraph = paragraph_ids(ctx.doc)
    reading = Reading(ctx, paragraph, quoted, quote_paragraphs(ctx.doc, paragraph, quoted))
    reported = _reported(reading)
    for segment, attribution in zip(quotes, _attribute(reading, quotes, reported), strict=True):
        if attribution is not None:
            yield _direct_quote(reading, segment, attribution)
    for _i, quote in reported:
        yield quote
