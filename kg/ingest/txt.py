"""``.txt`` articles: an optional BBC-style title line, and an optional ``X.meta.json`` sidecar."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.files import decode, read_bytes, read_text
from kg.ingest.html import looks_like_html, strip_html
from kg.ingest.records import Article, build_article, json_type

logger = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"

# Longest first line still taken as a title, and what a title never ends with.
MAX_TITLE_CHARS = 150
_NOT_TITLE_ENDINGS = tuple(".!?:") + tuple("\"'“”‘’«»„‟‹›`")


def load_txt(path: Path, default_date: dt.date | None, id_base: str) -> Article:
    content = read_text(path)
    html_title = None
    if looks_like_html(content):
        logger.warning("%s: looks like HTML, not plain text; markup removed", path)
        content, html_title = strip_html(content)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    title, text = (html_title, content) if html_title else _split_title(content)
    meta, sidecar = _read_sidecar(path)
    return build_article(
        meta,
        where=sidecar or str(path),
        text=text,
        default_id=id_base,
        default_title=title,
        default_date=default_date,
        path=path,
    )


def _split_title(content: str) -> tuple[str | None, str]:
    """Split off a BBC-style title: a short first line, then a blank line, then the body.

    Returns ``(None, content)`` unchanged when the first non-empty line does not look like a
    title, so that offsets into the text stay those of the file.
    """
    start = 0
    while True:  # find the first non-empty line
        end = content.find("\n", start)
        line = content[start:] if end == -1 else content[start:end]
        if line.strip():
            break
        if end == -1:
            return None, content
        start = end + 1
    title = line.strip()
    if end == -1 or len(title) > MAX_TITLE_CHARS or title.endswith(_NOT_TITLE_ENDINGS):
        return None, content
    blank_start = end + 1
    blank_end = content.find("\n", blank_start)
    if blank_end == -1 or content[blank_start:blank_end].strip():
        return None, content
    body = content[blank_end + 1 :]
    if not body.strip():
        return None, content
    return title, body


def _read_sidecar(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata from ``X.meta.json`` beside ``X.txt`` and that file's name, or ``({}, None)``."""
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}, None  # read_bytes refuses a sidecar that is not a regular file
    try:
        meta = json.loads(decode(read_bytes(sidecar), sidecar))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{sidecar}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{sidecar}: JSON nested too deeply") from None
    if not isinstance(meta, dict):
        raise InputError(f"{sidecar}: expected a JSON object, got {json_type(meta)}")
    return {str(key): value for key, value in meta.items()}, str(sidecar)
