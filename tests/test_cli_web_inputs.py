"""kg build with pages, feeds, web archives and URLs, as a user runs it: a feed served on
127.0.0.1 builds into the graph; a bad input of each kind is one line and nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.net import free_port
from tests.paths import ROOT
from tests.web_site import serve_site


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def site():
    with serve_site() as running:
        yield running


def test_a_feed_url_builds_its_linked_pages_into_the_graph(site, tmp_path):
    out = tmp_path / "out"
    done = kg("build", f"{site.url}/feed.rss", "--out", str(out), "--no-html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built 3 articles")
    officials = kg("query", "officials", "--format", "csv", "--store", str(out / "store")).stdout
    assert "Ryosei Akazawa" in officials and "Piyush Goyal" in officials
    assert "Macron" not in officials  # a commenter's words never reach the graph
    articles = kg(
        "query",
        "SELECT ?url ?who WHERE { ?a <https://schema.org/url> ?url ; "
        '<https://schema.org/articleBody> ?body FILTER (!CONTAINS(?body, "Related stories")) '
        "OPTIONAL { ?a <https://schema.org/author> ?who } } ORDER BY ?url",
        "--format",
        "csv",
        "--store",
        str(out / "store"),
    ).stdout.splitlines()
    assert articles[1:3] == [
        f"{site.url}/akazawa.html,Mina Okafor",
        f"{site.url}/steel.html,Mina Okafor",
    ]


BAD = {
    "empty page": ("a.html", "", "a.html: empty article"),
    "page without text": ("s.htm", "<html><script>x()</script></html>", "no article text"),
    "not a feed": ("n.rss", "<html><p>a page</p></html>", "n.rss: not an RSS or Atom feed"),
    "not a warc": ("c.warc", "plain words\n", "c.warc: not a WARC file"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_of_each_kind_is_one_line_and_nothing_written(tmp_path: Path, case: str):
    name, content, message = BAD[case]
    (tmp_path / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    done = kg("build", str(tmp_path / name), "--out", str(out))
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: ") and message in lines[0], lines
    assert not out.exists() or list(out.iterdir()) == []


def test_a_bad_url_is_one_line_and_nothing_written(site, tmp_path: Path):
    out = tmp_path / "out"
    for url, message in [
        (f"{site.url}/missing.html", "the server answered HTTP 404"),
        (f"http://127.0.0.1:{free_port()}/page.html", "cannot connect"),
        (f"{site.url}/to-ftp", "redirect to a non-HTTP URL refused"),
    ]:
        done = kg("build", url, "--out", str(out))
        assert done.returncode == 1
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0], lines
    assert not out.exists() or list(out.iterdir()) == []
