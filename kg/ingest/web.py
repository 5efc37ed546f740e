"""``kg build URL``: a page or a feed fetched over HTTP (:mod:`kg.ingest.fetch`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import InputError
from kg.ingest.feeds import feed_articles, looks_like_feed, parse_feed
from kg.ingest.pages import page_article, page_or_text
from kg.ingest.records import Article

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def decode_page(data: bytes, charset: str | None) -> str:
    """A page's text: its declared charset, else UTF-8, else Latin-1 (which never fails)."""
    for encoding in (charset, "utf-8-sig"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")


def url_id(url: str) -> str:
    """An article id from a URL: host and path, without the scheme ("example.net/a/b")."""
    return _SCHEME.sub("", url).rstrip("/") or "page"


def load_url(
    url: str,
    default_date: dt.date | None,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """The article of a fetched page, or the articles of a fetched feed."""
    from kg.ingest.fetch import fetch

    answer = fetch(url)
    if not answer.data.strip():
        raise InputError(f"{url}: empty answer")
    if looks_like_feed(answer.data, answer.content_type):
        feed = parse_feed(answer.data, url, answer.url)
        for article, where in feed_articles(
            feed, url, Path(url_id(url)), default_date, on_error, local=False
        ):
            yield dataclasses.replace(article, path=url), where
        return
    page = page_or_text(decode_page(answer.data, answer.charset), url, answer.url)
    if not page.text.strip():
        raise InputError(f"{url}: no article text in the page")
    article = page_article(
        page,
        where=url,
        meta={"url": answer.url},
        default_id=url_id(url),
        default_date=default_date,
        path=Path(url_id(url)),
    )
    yield dataclasses.replace(article, path=url), url
