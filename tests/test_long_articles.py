"""A long single-line article costs work in proportion to its length (issue 11, item 10).

A 300,000-character article took minutes: the extractors walked every entity (and every
title, and every sentence) of the article again for each mention, and spaCy's tokenizer is
quadratic in the length of a run without white space. The work is counted, not timed:
Python calls during extraction (deterministic for a given parse), and the pieces and
longest token spaCy is given. ``benchmarks/long_article.py`` prints the seconds.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest

from kg.ingest import Article
from kg.nlp import MAX_WORD_CHARS, has_long_word, parse, split_text
from tests.synthetic import news_text


def extraction_calls(text: str) -> tuple[int, int]:
    """Python function calls made while extracting the facts of ``text``, and its tokens."""
    from kg.extractors import extract_facts

    article = Article(id="long", text=text)
    ((doc, _),) = list(parse([article]))
    profile = cProfile.Profile()
    profile.enable()
    extract_facts(doc, article)
    profile.disable()
    return pstats.Stats(profile).total_calls, len(doc)


def test_extraction_work_grows_linearly_with_the_article(nlp) -> None:
    extraction_calls(news_text(3_000))  # first use: caches and matchers are built once
    calls_1, tokens_1 = extraction_calls(news_text(12_000))
    calls_2, tokens_2 = extraction_calls(news_text(24_000))
    assert 1.9 < tokens_2 / tokens_1 < 2.1
    # twice the text, twice the work (it was 3.3 times, and growing, with the walks)
    assert calls_2 / calls_1 < 1.25 * tokens_2 / tokens_1, (calls_1, calls_2)


@pytest.mark.parametrize("unit", ["http://a.b/c", "word,", "a.b:c;d-e/f"])
def test_runs_without_white_space_reach_spacy_in_bounded_pieces(nlp, unit: str) -> None:
    text = "Talks began. " + unit * (6_000 // len(unit)) + " Talks ended."
    assert has_long_word(text) and not has_long_word("Talks began. " + unit * 10)
    pieces = split_text(text, 100_000, MAX_WORD_CHARS)
    assert "".join(pieces) == text
    assert len(pieces) <= len(text) // MAX_WORD_CHARS + 3
    assert all(not has_long_word(piece) for piece in pieces)
    ((doc, _),) = list(parse([Article(id="run", text=text)]))
    assert doc.text == text  # offsets still index the article
    assert max(len(token) for token in doc) <= MAX_WORD_CHARS


def test_a_short_article_with_a_long_run_keeps_its_place_in_the_stream(nlp) -> None:
    run = Article(id="run", text="Prime Minister Aiko Tanaka spoke. " + "x/" * 1_000)
    plain = Article(id="plain", text="Foreign Minister Lars Berg met Tanaka in Oslo.")
    pairs = list(parse([plain, run, plain], batch_size=4))
    assert [a.id for _, a in pairs] == ["plain", "run", "plain"]
    assert [d.text for d, _ in pairs] == [plain.text, run.text, plain.text]


def test_split_text_cuts_long_runs_only() -> None:
    text = "ab " + "c" * 7 + " de\n\nfg"
    assert split_text(text, 100, 3) == ["ab ", "ccc", "ccc", "c", " de\n\nfg"]
    assert split_text(text, 100) == [text]
    assert split_text("", 100, 3) == [""]
