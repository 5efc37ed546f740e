"""RSS and Atom feeds, and URLs fetched from a local HTTP server (never the internet)."""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pytest

from kg.errors import InputError
from kg.ingest import fetch as fetching
from kg.ingest import iter_articles
from kg.ingest.feeds import feed_articles, parse_feed
from tests.web_site import SITE, serve_site


@pytest.fixture(autouse=True)
def _fresh_fetch_state(monkeypatch):
    """Each test fetches anew: no cached answers, no host remembered as unreachable."""
    monkeypatch.setattr(fetching, "_cache", type(fetching._cache)())
    monkeypatch.setattr(fetching, "_unreachable", set())
    monkeypatch.delenv("KG_OFFLINE", raising=False)


@pytest.fixture(scope="module")
def site():
    with serve_site() as running:
        yield running


def test_a_local_feed_reads_its_linked_local_pages():
    akazawa, steel, goyal = iter_articles([SITE / "feed.rss"])
    assert akazawa.id == "ledger.example.net-2025-05-26-akazawa-talks"
    assert akazawa.title == "Akazawa heads to Washington for fourth round of tariff talks"
    assert akazawa.published == dt.date(2025, 5, 26)
    assert akazawa.source == "The Harbour Ledger: Trade"  # the feed's title
    assert akazawa.author == "Mina Okafor"
    assert akazawa.url is not None and akazawa.url.endswith("/site/akazawa.html")
    # the text is the linked page's article, not the entry's one-line summary
    assert akazawa.text.startswith("Japan's chief tariff negotiator Ryosei Akazawa")
    assert "Macron" not in akazawa.text and "Related stories" not in akazawa.text
    assert steel.published == dt.date(2025, 6, 2) and "Ahn Duk-geun" in steel.text
    # no link: the entry's own HTML description, as text
    assert goyal.text == (
        "Indian Commerce Minister Piyush Goyal will visit Washington next week for trade "
        "talks with U.S. Commerce Secretary Howard Lutnick, his ministry said on Tuesday.\n"
    )


def test_an_atom_feed_gives_its_entries_content_author_and_date():
    (entry,) = iter_articles([SITE / "feed.atom"])
    assert entry.title == "Lutnick and Goyal hold first round of talks"
    assert entry.published == dt.date(2025, 6, 4)
    assert entry.author == "Tomas Reyes" and entry.source == "Riverside Dispatch"
    assert entry.text == (
        "U.S. Commerce Secretary Howard Lutnick met Indian Commerce Minister Piyush Goyal in "
        'Washington on Wednesday for a first round of trade talks.\n\n"The talks were '
        'productive," Goyal told reporters.\n'
    )


def test_a_page_url_is_fetched_with_kgs_user_agent(site):
    (article,) = iter_articles([f"{site.url}/akazawa.html"])
    assert article.url == f"{site.url}/akazawa.html"
    assert article.title == "Akazawa heads to Washington for fourth round of tariff talks"
    assert article.text.startswith("Japan's chief tariff negotiator")
    assert "Macron" not in article.text
    assert site.agents[-1].startswith("kg/")


def test_a_feed_url_fetches_its_linked_pages_once_per_build(site):
    before = len(site.agents)
    articles = list(iter_articles([f"{site.url}/feed.rss"]))
    assert [a.url for a in articles[:2]] == [f"{site.url}/akazawa.html", f"{site.url}/steel.html"]
    assert "Ryosei Akazawa" in articles[0].text and "Ahn Duk-geun" in articles[1].text
    assert articles[0].path == f"{site.url}/feed.rss"
    list(iter_articles([f"{site.url}/feed.rss"]))  # a build's second pass: from the cache
    assert len(site.agents) - before == 3  # the feed and its two pages, once each


def test_a_redirect_is_followed_to_http_but_never_to_another_scheme(site):
    (article,) = iter_articles([f"{site.url}/to-page"])
    assert article.url == f"{site.url}/akazawa.html"
    with pytest.raises(InputError, match="redirect to a non-HTTP URL refused: 'ftp://"):
        list(iter_articles([f"{site.url}/to-ftp"]))


def test_size_limit_timeout_and_http_errors_are_one_error_each(site, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_BYTES", 100_000)
    with pytest.raises(InputError, match="more than the 100000 bytes kg reads"):
        list(iter_articles([f"{site.url}/huge"]))
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.5)
    with pytest.raises(InputError, match=r"/slow: no answer within 0.5 s"):
        list(iter_articles([f"{site.url}/slow"]))
    with pytest.raises(InputError, match=r"/gone.html: the server answered HTTP 404"):
        list(iter_articles([f"{site.url}/gone.html"]))


def test_offline_a_feed_keeps_its_summaries_and_a_url_is_refused(site, monkeypatch, tmp_path):
    feed = tmp_path / "remote-links.rss"
    text = (SITE / "feed.rss").read_text(encoding="utf-8")
    feed.write_text(text.replace("<link>akazawa.html", f"<link>{site.url}/akazawa.html"))
    monkeypatch.setenv("KG_OFFLINE", "1")
    before = len(site.agents)
    akazawa = next(iter(iter_articles([feed])))
    assert akazawa.text == "Japan's negotiator returns to Washington on Friday.\n"
    assert len(site.agents) == before  # nothing was fetched
    with pytest.raises(InputError, match="not fetched, KG_OFFLINE is set"):
        list(iter_articles([f"{site.url}/akazawa.html"]))


def test_a_remote_feed_never_reads_local_files(site, tmp_path):
    secret = tmp_path / "secret.html"
    shutil.copy(SITE / "akazawa.html", secret)
    assert secret.is_file()
    text = (
        (SITE / "feed.rss")
        .read_text(encoding="utf-8")
        .replace("<link>akazawa.html", f"<link>{secret.as_uri()}")
    )
    parsed = parse_feed(text.encode("utf-8"), "remote", f"{site.url}/feed.rss")
    articles = [a for a, _ in feed_articles(parsed, "remote", SITE, None, None, local=False)]
    assert articles[0].text == "Japan's negotiator returns to Washington on Friday.\n"


def test_not_a_feed_is_one_error(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<?xml version='1.0'?><notes><note>hello</note></notes>", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("notes.xml: not an RSS or Atom feed")):
        list(iter_articles([path]))
    # in a folder, an XML file that is no feed is not taken for one
    (tmp_path / "story.md").write_text("Akazawa met Bessent on Friday.\n", encoding="utf-8")
    assert [a.id for a in iter_articles([tmp_path])] == [f"{tmp_path.name}-story"]
