"""Saved web pages: the article's own text and metadata, without menus, links and comments."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from kg.build import build
from kg.ingest import iter_articles
from kg.ingest.pages import extract_page
from kg.rdf.store import open_store
from tests.web_site import SITE

PAGE = SITE / "akazawa.html"
BOILERPLATE = [
    "Subscribe",  # navigation
    "Markets",
    "Home",  # breadcrumbs
    "cookies",  # banner
    "Sign up for our morning trade briefing",  # promotion inside the story
    "Canada reviews steel quota",  # related stories
    "Related stories",
    "Macron",  # comments
    "Merz",
    "harbourwatcher",
    "Great reporting",
    "All rights reserved",  # footer
    "dataLayer",  # script
]


def test_a_saved_news_page_is_its_article_and_nothing_else():
    (article,) = iter_articles([PAGE])
    assert article.title == "Akazawa heads to Washington for fourth round of tariff talks"
    assert article.published is not None and article.published.isoformat() == "2025-05-26"
    assert article.author == "Mina Okafor"
    assert article.source == "The Harbour Ledger"
    assert article.text.startswith("Japan's chief tariff negotiator Ryosei Akazawa will travel")
    assert article.text.rstrip().endswith("a long dispute would hurt exports.")
    assert article.text.count("\n\n") == 4  # five paragraphs, blank lines between them
    for words in BOILERPLATE:
        assert words not in article.text, words


def test_the_graph_of_a_page_has_no_comment_people_and_its_offsets_index_the_text(tmp_path):
    build([PAGE], tmp_path / "out", html=False, resolve=False)
    store = open_store(tmp_path / "out" / "store", read_only=True)
    people = "SELECT ?n { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }"
    names = {str(r["n"].value) for r in store.query(people)}
    assert {"Ryosei Akazawa", "Scott Bessent", "Shigeru Ishiba"} <= names
    assert not any("Macron" in n or "Merz" in n for n in names)
    rows = list(
        store.query(
            "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> "
            "SELECT ?body ?s ?b ?e { ?a <https://schema.org/articleBody> ?body ; "
            "<https://schema.org/author> ?who . ?ev nif:referenceContext ?a ; "
            "nif:anchorOf ?s ; nif:beginIndex ?b ; nif:endIndex ?e }"
        )
    )
    assert rows
    for row in rows:
        body, start, end = row["body"].value, int(row["b"].value), int(row["e"].value)
        assert body[start:end] == row["s"].value


def test_html_in_a_record_is_reduced_to_its_article_and_fills_missing_fields(tmp_path):
    html = PAGE.read_text(encoding="utf-8")
    records = [
        {"id": "given", "title": "The record's own title", "text": html},
        {"id": "bare", "text": html},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    given, bare = iter_articles([path])
    assert given.title == "The record's own title"  # the record wins over the page
    assert bare.title == "Akazawa heads to Washington for fourth round of tariff talks"
    assert bare.published is not None and bare.published.isoformat() == "2025-05-26"
    assert given.text == bare.text and "Macron" not in given.text


def test_extraction_makes_no_network_call(monkeypatch):
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the extractor tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = extract_page(PAGE.read_text(encoding="utf-8"), url="https://ledger.example.net/a")
    assert page.text.startswith("Japan's chief tariff negotiator")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", "", "empty.html: empty article"),
        ("script.html", "<html><body><script>x()</script></body></html>", "no article text"),
    ],
)
def test_a_page_without_article_text_is_one_error(tmp_path: Path, name, content, message):
    from kg.errors import InputError

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(iter_articles([path]))
