"""Web pages as articles: the main text, title, date, author and site of a saved news page.

A page holds far more than its article: menus, "related stories", comment threads, cookie
banners, footers. Trafilatura (Apache-2.0; it reads the page given, it never fetches) finds
the article's own text and metadata. What it returns **is** the article text: paragraphs
joined by blank lines, the headline left out (it is the title), so the evidence offsets
index exactly this string. A fragment too small for trafilatura to call an article (HTML in
a JSON record) falls back to its visible text.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.files import read_text
from kg.ingest.html import strip_html
from kg.ingest.records import Article, build_article

logger = logging.getLogger(__name__)
# trafilatura and htmldate log every page they find little in at ERROR/WARNING level ("empty
# HTML tree"); kg says itself, in one line, what it did with such a page
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

PAGE_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True)
class Page:
    """What a page holds as an article; ``text`` is empty when it holds none."""

    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 day, as found in the page
    author: str | None = None
    site: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """The article of an HTML page (see the module docstring)."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    if found is None:
        return Page(text="")
    meta: dict[str, Any] = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    title = _clean(meta.get("title"))
    return Page(
        text=_paragraphs(meta.get("text") or "", title),
        title=title,
        date=_clean(meta.get("date")),
        author=_clean(meta.get("author")),
        site=_clean(meta.get("sitename")),
    )


def _clean(value: Any) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph a line -> paragraphs between blank lines, the headline line dropped."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines) + "\n" if lines else ""


def page_or_text(html: str, where: str, url: str | None = None) -> Page:
    """The article of a page, or for a fragment the extractor does not take as an article,
    its visible text (with a warning); an empty text when neither holds any."""
    page = extract_page(html, url)
    if page.text.strip():
        return page
    text, title = strip_html(html)
    if not text.strip():
        return Page(text="")
    logger.info("%s: no article found in the HTML; its visible text is used", where)
    return Page(text=text, title=title)


def page_article(
    page: Page,
    *,
    where: str,
    meta: dict[str, Any],
    default_id: str,
    default_date: dt.date | None,
    path: Path,
) -> Article:
    """An Article of a page: ``meta`` (a record's or feed entry's fields) wins over what the
    page says of itself."""
    found = {"title": page.title, "date": page.date, "author": page.author, "source": page.site}
    merged = {k: v for k, v in found.items() if v} | {k: v for k, v in meta.items() if v}
    return build_article(
        merged,
        where=where,
        text=page.text,
        default_id=default_id,
        default_title=None,
        default_date=default_date,
        path=path,
    )


def load_page(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """An ``.html`` / ``.htm`` file: one article."""
    html = read_text(path)
    if not html.strip():
        raise InputError(f"{path}: empty article")
    page = page_or_text(html, str(path))
    if not page.text.strip():
        raise InputError(f"{path}: no article text in the page")
    article = page_article(
        page, where=str(path), meta={}, default_id=id_base, default_date=default_date, path=path
    )
    yield article, str(path)
