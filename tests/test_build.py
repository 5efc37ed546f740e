"""kg build as a library call: outputs, per-article failures, rebuilds."""

from __future__ import annotations

import logging

import pytest

import kg.extractors
from kg.build import build
from kg.errors import InputError
from kg.query import resolve_query, run_query
from kg.rdf.store import open_store


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_build_skips_a_failing_article_and_keeps_the_rest(tmp_path, monkeypatch, caplog):
    good = write(tmp_path / "good.txt", "Prime Minister Shigeru Ishiba spoke in Tokyo.\n")
    bad = write(tmp_path / "bad.txt", "President Joe Biden spoke in Washington.\n")
    real = kg.extractors.extract_facts

    def flaky(doc, article):
        if article.id == "bad":
            raise RuntimeError("simulated extractor bug")
        return real(doc, article)

    monkeypatch.setattr(kg.extractors, "extract_facts", flaky)
    with caplog.at_level(logging.WARNING, logger="kg.build"):
        report = build([good, bad], tmp_path / "out", html=False)
    assert report.failed == ["bad"] and report.articles == 1
    assert any("article 'bad' skipped" in r.getMessage() for r in caplog.records)
    store = open_store(tmp_path / "out" / "store", read_only=True)
    officials = run_query(store, resolve_query("officials"), {}, "csv")
    assert "Shigeru Ishiba" in officials and "Joe Biden" not in officials
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_build_with_no_articles_is_an_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no articles found"):
        build([tmp_path / "empty"], tmp_path / "out")


def test_build_output_path_that_is_a_file_is_an_input_error(tmp_path):
    article = write(tmp_path / "a.txt", "Hello.\n")
    blocker = write(tmp_path / "out", "not a directory")
    with pytest.raises(InputError, match="not a directory"):
        build([article], blocker)
