"""``.json`` (one record or a list) and ``.jsonl`` (one record a line, streamed) inputs."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.files import (
    BINARY_PROBE_BYTES,
    MAX_FILE_BYTES,
    open_regular,
    read_text,
    reject_binary,
    too_big,
)
from kg.ingest.records import Article, json_type, record_article

logger = logging.getLogger(__name__)


def load_json(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    data = _parse(path)
    if isinstance(data, dict):
        article = record_article(data, str(path), id_base, default_date, path)
        if article is not None:
            yield article, str(path)
    elif isinstance(data, list):
        yield from _records(data, path, default_date, id_base, on_error)
    else:
        raise InputError(
            f"{path}: expected a JSON object or list of objects, got {json_type(data)}"
        )


def _parse(path: Path) -> Any:
    """The file's JSON value, or an InputError naming the line."""
    content = read_text(path)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    try:
        return json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None


def _records(
    data: list[Any],
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None,
) -> Iterator[tuple[Article, str]]:
    """The articles of a JSON list, numbered from 1; a broken record raises or goes to
    ``on_error``."""
    for number, record in enumerate(data, start=1):
        where = f"{path}: record {number}"
        try:
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected a JSON object, got {json_type(record)}")
            article = record_article(record, where, f"{id_base}-{number}", default_date, path)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(str(exc))
            continue
        if article is not None:
            yield article, where


def load_jsonl(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    with open_regular(path, whole=False) as handle:
        reject_binary(path, handle.read(BINARY_PROBE_BYTES))
        handle.seek(0)
        warned_latin1 = False
        count = skipped = 0
        for lineno, raw in enumerate(_lines(handle, path), start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                if not warned_latin1:
                    logger.warning("%s:%d: not valid UTF-8; decoded as Latin-1", path, lineno)
                    warned_latin1 = True
                line = raw.decode("latin-1")
            where = f"{path}:{lineno}"
            try:
                article = record_article(
                    _json_line(line, where), where, f"{id_base}-{lineno}", default_date, path
                )
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(str(exc))
                continue
            if article is None:
                skipped += 1
                continue
            count += 1
            yield article, where
    if skipped:
        logger.warning("%s: %d records without text (keys 'text' or 'body') skipped", path, skipped)
    if count == 0:
        logger.info("%s: no articles in file", path)


def _lines(handle: BinaryIO, path: Path) -> Iterator[bytes]:
    """The file's lines, none read past :data:`MAX_FILE_BYTES` (a file with no newline
    would otherwise be read whole as one line)."""
    lineno = 0
    while True:
        lineno += 1
        try:
            raw = handle.readline(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        if not raw:
            return
        too_big(f"{path}:{lineno}", len(raw) - raw.endswith(b"\n"), "the line")
        yield raw


def _json_line(line: str, where: str) -> dict[str, Any]:
    """One ``.jsonl`` line as a JSON object, or an InputError naming ``file:line``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {json_type(record)}")
    return record
