"""The inputs of the web: saved pages, feeds, web archives and URLs, dispatched by name.

Kept apart from :mod:`kg.ingest.inputs` so that module only routes: the loaders live in
:mod:`kg.ingest.pages`, :mod:`kg.ingest.feeds`, :mod:`kg.ingest.warc` and
:mod:`kg.ingest.web`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.ingest.feeds import FEED_SUFFIXES, load_feed_file, looks_like_feed
from kg.ingest.fetch import is_web_url
from kg.ingest.pages import PAGE_SUFFIXES, load_page
from kg.ingest.records import Article
from kg.ingest.warc import WARC_SUFFIXES, load_warc
from kg.ingest.web import load_url

__all__ = [
    "FEED_SUFFIXES",
    "PAGE_SUFFIXES",
    "WARC_SUFFIXES",
    "is_web_url",
    "load_url",
    "load_web_file",
    "suffix_of",
    "wanted_in_directory",
]


def suffix_of(path: Path) -> str:
    """The suffix that says how to read a file: ``.warc.gz`` counts as one."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else path.suffix.lower()


def wanted_in_directory(path: Path) -> bool:
    """Whether a directory walk takes the file: an ``.xml`` file only when it is a feed (a
    folder of articles may hold a sitemap or other XML); given by name, any is read."""
    if suffix_of(path) != ".xml":
        return True
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(2048))
    except OSError:
        return True  # let the loader report it


def load_web_file(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """A saved page, a feed or a web archive, by its suffix."""
    suffix = suffix_of(path)
    if suffix in PAGE_SUFFIXES:
        yield from load_page(path, default_date, id_base, on_error)
    elif suffix in FEED_SUFFIXES:
        yield from load_feed_file(path, default_date, id_base, on_error)
    else:
        yield from load_warc(path, default_date, id_base, on_error)
