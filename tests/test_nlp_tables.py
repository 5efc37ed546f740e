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

from kg.nlp import choose_model
from kg.nlp_tables import COMPONENT, FAST, array_tables, use_array_tables
from tests.same_reading import TEXTS, assert_same_seed_reading, token_rows


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
    assert token_rows(fast(text)) == token_rows(full(text))


def test_the_seed_gives_the_same_tokens_facts_and_graph(pipelines, seed_article):
    full, fast = pipelines
    assert_same_seed_reading(full, fast, seed_article)


def test_batches_through_pipe_match_one_at_a_time(pipelines):
    full, fast = pipelines
    piped = list(fast.pipe(TEXTS * 3, batch_size=5))
    assert [token_rows(d) for d in piped] == [token_rows(full(t)) for t in TEXTS * 3]


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
        assert token_rows(fast(text)) == token_rows(full(text))


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
