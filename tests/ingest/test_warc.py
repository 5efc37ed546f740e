"""WARC files: the HTML pages a web archive holds become articles named after their URLs."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_articles
from tests.web_site import SITE

warcio = pytest.importorskip("warcio")


def _warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url: str, status: str, kind: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        page = (SITE / "akazawa.html").read_bytes()
        response("https://ledger.example.net/2025/05/26/akazawa", "200 OK", "text/html", page)
        response("https://ledger.example.net/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response("https://ledger.example.net/gone", "404 Not Found", "text/html", b"<p>gone</p>")
        steel = (SITE / "steel.html").read_bytes()
        response(
            "https://ledger.example.net/2025/06/02/steel",
            "200 OK",
            "text/html; charset=utf-8",
            steel,
        )
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_of_an_archive_become_articles(tmp_path, name):
    akazawa, steel = iter_articles([_warc(tmp_path / name)])
    assert akazawa.url == "https://ledger.example.net/2025/05/26/akazawa"
    assert akazawa.id == "ledger.example.net-2025-05-26-akazawa"
    assert akazawa.title == "Akazawa heads to Washington for fourth round of tariff talks"
    assert akazawa.published is not None and akazawa.published.isoformat() == "2025-05-26"
    assert akazawa.text.startswith("Japan's chief tariff negotiator") and "Macron" not in (
        akazawa.text
    )
    assert "Ahn Duk-geun" in steel.text


def test_a_file_that_is_no_warc_is_one_error(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_text("this is not a web archive\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("broken.warc: not a WARC file")):
        list(iter_articles([path]))
