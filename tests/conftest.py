"""Shared fixtures: the real spaCy pipeline, the seed article, and a store built from it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.ingest import Article, iter_articles
from kg.rdf.remote import RemoteStore
from tests.net import free_port
from tests.paths import ROOT

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


@pytest.fixture(scope="session")
def sparql_url(tmp_path_factory):
    """A real SPARQL server (Oxigraph's): the one .ci/run starts ($KG_TEST_SPARQL_URL), or
    one started here from the ``oxigraph`` command of the test dependencies."""
    url = os.environ.get("KG_TEST_SPARQL_URL")
    process = None
    if not url:
        binary = shutil.which("oxigraph") or shutil.which(
            "oxigraph", path=str(Path(sys.executable).parent)
        )
        if binary is None:
            pytest.skip("no Oxigraph server: set KG_TEST_SPARQL_URL or install 'oxigraph'")
        port = free_port()
        location = tmp_path_factory.mktemp("oxigraph")
        process = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while True:
        try:
            RemoteStore(url).query("ASK { }")
            break
        except StoreError:
            if time.monotonic() > deadline:
                pytest.fail(f"the SPARQL server at {url} did not come up")
            time.sleep(0.2)
    yield url
    if process is not None:
        process.terminate()
        process.wait(timeout=10)
