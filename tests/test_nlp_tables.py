"""kg.nlp_tables gives exactly what the pipeline's own attribute ruler and lemmatizer give.

Each test parses the same real text twice, once with ``en_core_web_sm`` as shipped and once
with kg's array component in place of the two, and compares every token attribute kg (or
anyone) reads, then the facts and the graph built from them.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy
from rdflib.compare import isomorphic

from kg.extractors import extract_facts
from kg.nlp import choose_model
from kg.nlp_tables import COMPONENT, FAST, array_tables, use_array_tables
from kg.rdf.mapping import article_graph

# Written for this test: contractions, possessives, a space token, numbers and symbols,
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


def _rows(doc):
    return [(*(str(getattr(token, a)) for a in ATTRIBUTES), token.head.i) for token in doc]


@pytest.fixture(scope="module")
def pipelines():
    full = spacy.load(choose_model())
    fast = spacy.load(choose_model())
    if not use_array_tables(fast):
        pytest.fail(f"{choose_model()} is expected to have the shape kg.nlp_tables handles")
    return full, fast


def test_the_component_replaces_the_two(pipelines):
    full, fast = pipelines
    assert set(FAST) <= set(full.pipe_names)
    assert COMPONENT in fast.pipe_names
    assert not set(FAST) & set(fast.pipe_names)


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_is_the_pipelines(pipelines, text):
    full, fast = pipelines
    assert _rows(fast(text)) == _rows(full(text))


def test_the_seed_gives_the_same_tokens_facts_and_graph(pipelines, seed_article):
    full, fast = pipelines
    full_doc, fast_doc = full(seed_article.text), fast(seed_article.text)
    assert len(full_doc) > 500
    assert _rows(fast_doc) == _rows(full_doc)
    full_facts = extract_facts(full_doc, seed_article)
    fast_facts = extract_facts(fast_doc, seed_article)
    assert fast_facts == full_facts
    assert isomorphic(
        article_graph(seed_article, fast_facts), article_graph(seed_article, full_facts)
    )


def test_batches_through_pipe_match_one_at_a_time(pipelines):
    full, fast = pipelines
    piped = list(fast.pipe(TEXTS * 3, batch_size=5))
    assert [_rows(d) for d in piped] == [_rows(full(t)) for t in TEXTS * 3]


def test_a_pipeline_of_another_shape_is_left_as_it_is():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    names = list(nlp.pipe_names)
    assert array_tables(nlp) is None
    assert use_array_tables(nlp) is False
    assert nlp.pipe_names == names


def test_an_empty_text_and_only_white_space(pipelines):
    full, fast = pipelines
    for text in ("", "   ", "\n\n"):
        assert _rows(fast(text)) == _rows(full(text))


def test_the_loaded_model_uses_it(nlp):
    assert COMPONENT in nlp.pipe_names


def test_switched_off_the_loaded_model_is_the_pipeline_as_shipped():
    code = "from kg.nlp import load_model; print(','.join(load_model().pipe_names))"
    env = {**os.environ, "KG_ARRAY_TABLES": "0"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    names = out.stdout.strip().split(",")
    assert COMPONENT not in names
    assert set(FAST) <= set(names)
