"""The ``Article`` record and how metadata and text become one (ids, titles, dates, sources)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.html import looks_like_html
from kg.ingest.wire_dates import parse_date, wire_date
from kg.keys import slug

logger = logging.getLogger(__name__)

_ID_KEYS = ("id", "newid", "doc_id")
_DATE_KEYS = ("date_iso", "published", "date")  # an explicit ISO field first
_TEXT_KEYS = ("text", "body")
_UNSAFE_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]")


@dataclass(frozen=True)
class Article:
    """One news article: the text NLP runs on plus the metadata the graph records."""

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    author: str | None = None  # the byline, as the page or record gives it

    @property
    def key(self) -> str:
        """The key the graph uses for this article (its IRI and named graph): ``id`` without
        case or punctuation. Two articles with one key would be one article in the store."""
        return slug(self.id)

    @property
    def content_hash(self) -> str:
        """SHA-256 of every field, which is exactly what the article's graph is made of (the
        mapping reads them all: id, text, title, date, source, url, file, author). Recorded in the
        graph (kg:contentHash); kg build skips an article whose hash and build key are
        already in the store, so a change to any field, metadata included, rebuilds it."""
        values = [getattr(self, f.name) for f in fields(self)]
        payload = json.dumps(values, ensure_ascii=False, default=_iso)
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"an Article field holds {type(value).__name__}")


def record_article(
    record: Mapping[str, Any],
    where: str,
    default_id: str,
    default_date: dt.date | None,
    path: Path,
) -> Article | None:
    """Turn one JSON record into an Article, or None (with a warning) if it has no text."""
    text = None
    for key in _TEXT_KEYS:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string, got {json_type(value)}")
        if value.strip():
            text = value
            break
    found: dict[str, Any] = {}
    if text is not None and looks_like_html(text):
        from kg.ingest.pages import page_or_text

        page = page_or_text(text, where, _str_or_none(record.get("url")))
        logger.info("%s: text is HTML; its article text is used", where)
        text = page.text or None
        found = {"title": page.title, "date": page.date, "author": page.author}
        found["source"] = page.site
    if text is None:
        logger.debug("%s: record has no text (keys 'text' or 'body'); skipped", where)
        return None
    meta = {
        "id": _first(record, _ID_KEYS),
        "date": _first(record, _DATE_KEYS) or found.get("date"),
        "title": record.get("title") or found.get("title"),
        "source": record.get("source") or found.get("source"),
        "url": record.get("url"),
        "author": record.get("author") or found.get("author"),
    }
    return build_article(
        meta,
        where=where,
        text=text,
        default_id=default_id,
        default_title=None,
        default_date=default_date,
        path=path,
    )


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _first(record: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def build_article(
    meta: Mapping[str, Any],
    *,
    where: str,
    text: str,
    default_id: str,
    default_title: str | None,
    default_date: dt.date | None,
    path: Path,
) -> Article:
    """Combine metadata with the defaults detected from the file into an Article."""
    text = _replace_surrogates(text, where)
    meta = {k: _replace_surrogates(v, where) if isinstance(v, str) else v for k, v in meta.items()}
    raw_id = meta.get("id")
    article_id = _clean_id(raw_id, where) or _clean_id(default_id, where) or "article"
    title = _clean_str(meta.get("title"), "title", where)
    published = _coerce_date(meta.get("date"), where)
    return Article(
        id=article_id,
        text=text,
        title=title if title is not None else default_title,
        published=published if published is not None else default_date,
        source=_clean_str(meta.get("source"), "source", where),
        url=_clean_str(meta.get("url"), "url", where),
        path=str(path),
        author=_clean_str(meta.get("author"), "author", where),
    )


def _clean_id(value: Any, where: str) -> str:
    """Make an id safe for file names and IRIs: only ``[A-Za-z0-9._-]`` (may be empty)."""
    return _UNSAFE_ID_CHARS.sub("-", _scalar(value, "id", where) or "")


def _clean_str(value: Any, key: str, where: str) -> str | None:
    text = _scalar(value, key, where)
    return text.strip() or None if text is not None else None


def _scalar(value: Any, key: str, where: str) -> str | None:
    """A metadata field as text: strings, numbers and dates only. A list, mapping or
    (in YAML) a yes/no would otherwise become an odd id or title without a word."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        raise InputError(
            f"{where}: '{key}' must be a string or a number, got a boolean ({value}); "
            "quote it in YAML front matter"
        )
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):  # YAML reads 2025-05-29 as a date
        return value.isoformat()
    raise InputError(f"{where}: '{key}' must be a string or a number, got {json_type(value)}")


def _coerce_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):  # YAML front matter may give these already parsed
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (dict, list, set, tuple)):
        raise InputError(f"{where}: 'date' must be a date, got {json_type(value)}")
    if not isinstance(value, str):
        raise InputError(f"{where}: not a date: {value!r}; expected YYYY-MM-DD or an ISO datetime")
    try:
        return parse_date(value)
    except InputError as exc:
        wire = wire_date(value)
        if wire is not None:
            return wire
        raise InputError(f"{where}: {exc}") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(text: str, where: str) -> str:
    """Lone surrogates (JSON ``"\\ud800"``) can be read but never written as UTF-8: replace
    each with U+FFFD, one code point for one, so offsets into the text stay valid."""
    if not _SURROGATE.search(text):
        return text
    logger.warning("%s: lone surrogate code points replaced by U+FFFD", where)
    return _SURROGATE.sub("\ufffd", text)


def json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", set: "a set"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "a value")
