"""RSS and Atom feeds as inputs: each entry becomes an article.

An entry gives the article's title, date (published, else updated), link (the article's
URL), author and id; the feed's title is its source. The text is the linked page's article
text (:mod:`kg.ingest.pages`) when the page can be read: a local file when the feed itself is
a local file (a remote feed never makes kg read a local file), or an http(s) page fetched
with :mod:`kg.ingest.fetch` unless ``KG_OFFLINE`` is set. Otherwise it is the entry's own
content or summary, with a warning. feedparser is given bytes only, so it never fetches.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from kg.errors import InputError
from kg.ingest.files import read_text
from kg.ingest.html import looks_like_html
from kg.ingest.pages import Page, page_article, page_or_text
from kg.ingest.records import Article

logger = logging.getLogger(__name__)

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """An RSS or Atom document rather than a page, by its media type or its first element."""
    if any(word in content_type for word in ("rss", "atom", "xml")) and "html" not in content_type:
        return True
    head = data[:2048].lstrip().lower()
    head = re.sub(rb"^(<\?xml[^>]*>\s*|<!--.*?-->\s*)+", b"", head, flags=re.S)
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes, where: str, location: str | None) -> Any:
    """The feedparser result of a feed's bytes; an InputError when it is no feed. Relative
    links are resolved against ``location`` (a fetched feed's URL); a local feed's stay
    relative, to its folder."""
    import feedparser

    headers = {"content-location": location} if location else {}
    feed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not feed.get("version") and not feed.entries:
        reason = feed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        raise InputError(f"{where}: not an RSS or Atom feed{detail}")
    return feed


def load_feed_file(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """A feed saved as ``.rss``, ``.atom`` or ``.xml``: its links may be local files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError(f"{path}: empty feed")
    feed = parse_feed(data, str(path), None)
    yield from feed_articles(feed, str(path), path, default_date, on_error, local=True)


def feed_articles(
    feed: Any,
    where: str,
    path: Path,
    default_date: dt.date | None,
    on_error: Callable[[str], None] | None,
    *,
    local: bool,
) -> Iterator[tuple[Article, str]]:
    """The articles of a parsed feed, one per entry with text."""
    source = (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, start=1):
        at = f"{where}: entry {number}"
        try:
            article = _entry_article(entry, at, path, source, default_date, local)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(str(exc))
            continue
        if article is not None:
            yield article, at


def _entry_article(
    entry: Any,
    where: str,
    path: Path,
    source: str | None,
    default_date: dt.date | None,
    local: bool,
) -> Article | None:
    link = (entry.get("link") or "").strip() or None
    page = _linked_page(link, where, path.parent if local else None) if link else None
    if page is None:
        page = _entry_text(entry, where)
    if not page.text.strip():
        logger.warning("%s: no text in the entry nor its linked page; skipped", where)
        return None
    meta = {
        "id": _SCHEME.sub("", entry.get("id") or link or ""),
        "title": entry.get("title"),
        "date": _entry_date(entry),
        "url": _absolute(link, path.parent) if local else link,
        "source": source,
        "author": entry.get("author"),
    }
    return page_article(
        page,
        where=where,
        meta=meta,
        default_id=f"{path.stem}-{where.rsplit(' ', 1)[-1]}",
        default_date=default_date,
        path=path,
    )


def _absolute(link: str | None, folder: Path) -> str | None:
    """A local feed's relative link as a ``file:`` URL, so the article's URL is usable."""
    if link is None:
        return None
    file = _local_file(link, folder)
    return file.resolve().as_uri() if file is not None else link


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]).isoformat() if parsed else None


def _entry_text(entry: Any, where: str) -> Page:
    """The entry's own content (the fullest one), else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body = max(contents, key=len) if contents else entry.get("summary", "")
    if looks_like_html(body) or "<" in body:
        return page_or_text(body, where)
    text = "\n\n".join(p.strip() for p in body.split("\n\n") if p.strip())
    return Page(text=text + "\n" if text else "")


def _local_file(link: str, folder: Path) -> Path | None:
    """The file a local feed's link names: a ``file:`` URL or a path relative to the feed."""
    parts = urlsplit(link)
    if parts.scheme.lower() == "file":
        file = Path(url2pathname(parts.path))
    elif not parts.scheme and not parts.netloc:
        file = folder / url2pathname(parts.path)
    else:
        return None
    return file if file.is_file() else None


def _linked_page(link: str, where: str, folder: Path | None) -> Page | None:
    """The linked page's article, or None (with a warning) when it cannot be read. Only a
    local feed (``folder`` given) may name local files."""
    from kg.ingest.fetch import fetch, is_web_url
    from kg.ingest.web import decode_page

    file = _local_file(link, folder) if folder is not None else None
    try:
        if file is not None:
            html, url = read_text(file), None
        elif is_web_url(link):
            answer = fetch(link)
            html, url = decode_page(answer.data, answer.charset), answer.url
        else:
            return None
    except InputError as exc:
        logger.warning("%s: linked page not read (%s); the entry's own text is used", where, exc)
        return None
    page = page_or_text(html, where, url)
    return page if page.text.strip() else None
