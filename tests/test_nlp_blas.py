"""kg.nlp_blas: the pipeline's matrix products through numpy give what BLIS gives.

The same real texts are parsed by ``en_core_web_sm`` as shipped (BLIS) and with its layers
switched to numpy's BLAS; every token attribute, the seed's facts and its graph must agree.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import spacy

from kg.nlp import choose_model
from kg.nlp_blas import use_numpy_blas
from tests.same_reading import TEXTS, assert_same_seed_reading, token_rows


def _ops(nlp):
    models = [getattr(c, "model", None) for _, c in nlp.pipeline]
    return {
        type(n.ops).__name__ + str(n.ops.use_blis)
        for m in models
        if hasattr(m, "walk")
        for n in m.walk()
    }


@pytest.fixture(scope="module")
def pipelines():
    shipped = spacy.load(choose_model())
    numpy_blas = spacy.load(choose_model())
    assert use_numpy_blas(numpy_blas) > 0
    return shipped, numpy_blas


def test_every_layer_of_the_switched_pipeline_multiplies_through_numpy(pipelines):
    shipped, numpy_blas = pipelines
    assert _ops(shipped) == {"NumpyOpsTrue"}
    assert _ops(numpy_blas) == {"NumpyOpsFalse"}


@pytest.mark.parametrize("text", TEXTS)
def test_every_token_attribute_is_the_same(pipelines, text):
    shipped, numpy_blas = pipelines
    assert token_rows(numpy_blas(text)) == token_rows(shipped(text))


def test_the_seed_gives_the_same_tokens_facts_and_graph(pipelines, seed_article):
    shipped, numpy_blas = pipelines
    assert_same_seed_reading(shipped, numpy_blas, seed_article)


def test_batches_through_pipe_are_the_same(pipelines):
    shipped, numpy_blas = pipelines
    piped = list(numpy_blas.pipe(TEXTS * 3, batch_size=5))
    assert [token_rows(d) for d in piped] == [
        token_rows(d) for d in shipped.pipe(TEXTS * 3, batch_size=5)
    ]


def test_openblas_runs_on_one_thread_after_the_switch(pipelines):
    from threadpoolctl import threadpool_info

    blas = [i for i in threadpool_info() if i["user_api"] == "blas"]
    assert blas and all(i["num_threads"] == 1 for i in blas)


def test_the_loaded_model_uses_it_unless_told_blis():
    code = (
        "from kg.nlp import load_model; nlp = load_model(); "
        "ms = [getattr(c, 'model', None) for _, c in nlp.pipeline]; "
        "print(sorted({n.ops.use_blis for m in ms if hasattr(m, 'walk') for n in m.walk()}))"
    )
    runs = {}
    for value in ("", "blis"):
        env = {**os.environ, "KG_BLAS": value}
        out = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        runs[value] = out.stdout.strip()
    assert runs == {"": "[False]", "blis": "[True]"}


def test_a_pipeline_without_models_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert use_numpy_blas(nlp) == 0
