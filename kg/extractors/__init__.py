"""Extractors: ``DocContext -> Iterator[Fact]``, listed once here.

Adding a kind of fact is one module with an ``extract(ctx)`` function and one line in
``EXTRACTORS``. The context resolves names, places and titles once per article so the
extractors share one reading of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from kg.errors import ExtractionError
from kg.extractors import entities, meetings, officials, policies, quotes
from kg.extractors.context import DocContext
from kg.facts import Fact

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kg.ingest import Article

Extractor = Callable[[DocContext], Iterable[Fact]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("entities", entities.extract),
    ("officials", officials.extract),
    ("meetings", meetings.extract),
    ("policies", policies.extract),
    ("quotes", quotes.extract),
)

# The annotations every extractor relies on; checked once per doc.
REQUIRED_ANNOTATIONS = ("DEP", "ENT_IOB", "TAG")


def analyse(doc: Doc, article: Article) -> DocContext:
    """Resolve mentions and titles of one parsed article."""
    missing = [attr for attr in REQUIRED_ANNOTATIONS if not doc.has_annotation(attr)]
    if missing:
        raise ExtractionError(
            f"article '{article.id}': the spaCy pipeline set no {', '.join(missing)} "
            "annotations; use a pipeline with a tagger, parser and ner"
        )
    return DocContext.read(doc, article)


def extract_facts(doc: Doc, article: Article) -> list[Fact]:
    """All facts of one article, in extractor order, then text order."""
    ctx = analyse(doc, article)
    facts: list[Fact] = []
    for name, extractor in EXTRACTORS:
        try:
            facts.extend(extractor(ctx))
        except (ValueError, KeyError, IndexError, AttributeError) as exc:
            raise ExtractionError(
                f"article '{article.id}': extractor '{name}' failed: {exc}"
            ) from exc
    return facts
