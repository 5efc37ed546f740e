"""Shared fixtures: the real spaCy pipeline, the seed article, and a store built from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.articles import Article, iter_articles

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    (article,) = list(iter_articles([SEED_DIR]))
    return article


@pytest.fixture(scope="session")
def seed_facts(nlp, seed_article):
    from kg.extractors import extract_facts

    return extract_facts(nlp(seed_article.text), seed_article)


@pytest.fixture(scope="session")
def extract(nlp):
    """Facts of a small made-up article (published 2025-05-29 unless given)."""
    from kg.extractors import extract_facts

    def run(text: str, published: dt.date | None = dt.date(2025, 5, 29)):
        article = Article(
            id="t", text=text, title=None, published=published, source=None, url=None, path=None
        )
        return extract_facts(nlp(text), article)

    return run


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed built into a fresh output directory, as `kg build` does."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed-output")
    report = build([SEED_DIR], out)
    return out, report
