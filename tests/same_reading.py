"""Two spaCy pipelines that should read text the same way: texts and comparisons shared by
the tests of kg's pipeline changes (``test_nlp_tables``, ``test_nlp_blas``)."""

from __future__ import annotations

from typing import Any

from rdflib.compare import isomorphic

from kg.extractors import extract_facts
from kg.rdf.mapping import article_graph

# Written for these tests: contractions, possessives, a space token, numbers and symbols,
# quotes, abbreviations, a hyphenated compound and a newline, where the ruler's word
# exceptions and the lemmatizer's rules show.
TEXTS = [
    "The U.S. trade representative didn't say whether the 25% tariffs on Canada's steel "
    'would be paused; "We\'re not there yet," she said.\n\nTalks resume on Monday.',
    "Ministers  met in Geneva (again)   on 12 May 2025 -- and agreed to cut duties to "
    "10 per cent, officials said. It's the EU's third round of talks this year.",
    "Mr. Ishiba's envoy, Ryosei Akazawa, flew to Washington on Wednesday for his fifth round "
    "of talks; he'd already met Treasury Secretary Scott Bessent twice.",
    "'Gonna', 'wanna' & 'gotta': U.K. ministers' words; e-mails, 3.5bn yen, $1,200 -- "
    "you'll see. Don't! Won't? Can't... ain't.",
]

ATTRIBUTES = ("text", "tag_", "pos_", "morph", "lemma_", "dep_", "ent_iob_", "ent_type_")


def token_rows(doc: Any) -> list[tuple[object, ...]]:
    """Every attribute kg (or anyone) reads of each token, and its head."""
    return [(*(str(getattr(token, a)) for a in ATTRIBUTES), token.head.i) for token in doc]


def assert_same_seed_reading(reference: Any, changed: Any, article: Any) -> None:
    """The seed parsed by both pipelines: same tokens, same facts, isomorphic graphs."""
    ref_doc, changed_doc = reference(article.text), changed(article.text)
    assert len(ref_doc) > 500
    assert token_rows(changed_doc) == token_rows(ref_doc)
    ref_facts = extract_facts(ref_doc, article)
    changed_facts = extract_facts(changed_doc, article)
    assert changed_facts == ref_facts
    assert isomorphic(article_graph(article, changed_facts), article_graph(article, ref_facts))
