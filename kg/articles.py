"""Load news articles from files into plain ``Article`` objects.

Accepted inputs are files or directories of ``.txt``, ``.md``, ``.json`` and ``.jsonl``:

* ``.txt``   one article; an optional BBC-style title line followed by a blank line; optional
  sidecar ``X.meta.json`` beside ``X.txt`` with ``id``, ``title``, ``date``, ``source``, ``url``.
* ``.md``    one article; optional YAML front matter between ``---`` lines at the top.
* ``.json``  one record (an object) or a list of records.
* ``.jsonl`` one record per line, streamed line by line so large corpora never sit in memory.

``Article.text`` is the exact string NLP runs on and evidence offsets index into, so the
loader never strips or normalises it: it only cuts off a detected title or front matter.
Every problem with an input is raised as :class:`kg.errors.InputError` naming the bad value;
records that are merely empty are skipped with a logged warning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".json", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"
_ALLOWED = ", ".join(SUFFIXES)

# Longest first line still taken as a title, and what a title never ends with.
MAX_TITLE_CHARS = 150
_NOT_TITLE_ENDINGS = tuple(".!?:") + tuple("\"'“”‘’«»„‟‹›`")

_BINARY_PROBE_BYTES = 8192

_ID_KEYS = ("id", "newid", "doc_id")
_DATE_KEYS = ("date_iso", "published", "date")  # an explicit ISO field first
_TEXT_KEYS = ("text", "body")

_DATE_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})"  # the date itself
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"  # optional time
    r"\s*(?:Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?"  # optional zone
)
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

    @property
    def content_hash(self) -> str:
        """SHA-256 of id, title, date and text, recorded in the graph (kg:contentHash) so a later
        build can tell an unchanged article; kg build does not skip on it yet."""
        published = self.published.isoformat() if self.published else None
        payload = json.dumps([self.id, self.title, published, self.text], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def parse_date(value: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` or an ISO datetime (with or without zone) to the date it names.

    The date is taken as written, never shifted to UTC: a news article dated
    ``2025-05-29T23:30:00+09:00`` was published on the 29th where it was written.
    """
    text = value.strip() if isinstance(value, str) else None
    match = _DATE_RE.fullmatch(text) if text else None
    if match is None:
        raise InputError(
            f"not a date: {value!r}; expected YYYY-MM-DD or an ISO datetime"
            " such as 2025-05-29T10:00:00"
        )
    year, month, day = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise InputError(f"not a date: {value!r}; {exc}") from None


# Date layouts news feeds use besides ISO 8601 (Reuters: "26-FEB-1987 15:01:01.79").
_WIRE_DATE_FORMATS = (
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y %H:%M:%S",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
)


def _wire_date(value: str) -> dt.date | None:
    """A record date in a common news-wire or e-mail (RFC 2822) layout, else None."""
    text = " ".join(value.split())
    for layout in _WIRE_DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, layout).date()
        except ValueError:
            continue
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    # a garbled time after a good date ("31-MAR-1987 605:12:19.12" in Reuters-21578):
    # the date is what kg needs
    day = text.split(" ", 1)[0]
    if day != text:
        return _wire_date(day)
    return None


def iter_articles(
    inputs: Sequence[str | Path], default_date: dt.date | None = None
) -> Iterator[Article]:
    """Yield the articles in the given files and directories, in a stable order.

    Directories are walked recursively in sorted order, taking only files with an accepted
    suffix and skipping hidden entries and ``.meta.json`` sidecars. ``default_date`` (the
    command line ``--date``) applies only to articles that carry no date of their own.
    """
    if isinstance(inputs, (str, Path)):  # a lone path, not a sequence of them
        inputs = [inputs]
    for given in inputs:  # check every input before yielding anything: fail before slow work
        path = Path(given)
        if not path.exists():
            raise InputError(f"no such file or directory: '{given}'")
        if not path.is_dir():
            _check_suffix(path)
    seen: set[str] = set()
    for given in inputs:
        path = Path(given)
        files = _walk(path) if path.is_dir() else iter([path])
        for file in files:
            # in a directory, the default id is the path below the directory's parent
            # ("politics/001.txt" -> "politics-001"), so bbc/politics/001.txt and
            # bbc/business/001.txt stay two articles
            id_base = str(file.relative_to(path.parent).with_suffix("")) if path.is_dir() else None
            for article in load_article_file(file, default_date, id_base):
                if article.id in seen:  # the later one would silently replace the first
                    raise InputError(
                        f"{article.path}: article id '{article.id}' is already used by an "
                        "earlier input; give the articles distinct ids (metadata 'id') or "
                        "pass their directories instead of the files"
                    )
                seen.add(article.id)
                yield article


def load_article_file(
    path: Path, default_date: dt.date | None = None, id_base: str | None = None
) -> Iterator[Article]:
    """Yield the articles in one file (a ``.json`` or ``.jsonl`` file may hold many).

    Articles without an id of their own get ``id_base`` (default: the file name without its
    suffix), with the record number appended for ``.json`` lists and ``.jsonl`` lines.
    """
    path = Path(path)
    id_base = id_base or path.stem
    if not path.exists():
        raise InputError(f"no such file or directory: '{path}'")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a file ({_ALLOWED})")
    _check_suffix(path)
    suffix = path.suffix.lower()
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        logger.info("%s: sidecar metadata, not an article; skipped", path)
        return
    if suffix == ".txt":
        yield _load_txt(path, default_date, id_base)
    elif suffix == ".md":
        yield _load_md(path, default_date, id_base)
    elif suffix == ".json":
        yield from _load_json(path, default_date, id_base)
    else:
        yield from _load_jsonl(path, default_date, id_base)


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        raise InputError(f"{path}: unsupported file type {shown}; expected one of {_ALLOWED}")


# --- walking -------------------------------------------------------------------------------


def _walk(directory: Path, _visited: set[Path] | None = None) -> Iterator[Path]:
    """Yield article files under ``directory`` depth-first in name order, once each."""
    visited = set() if _visited is None else _visited
    real = directory.resolve()
    if real in visited:  # a symlink loop
        return
    visited.add(real)
    for entry in sorted(directory.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, visited)
        elif (
            entry.is_file()
            and entry.suffix.lower() in SUFFIXES
            and not entry.name.lower().endswith(SIDECAR_SUFFIX)
        ):
            yield entry


# --- one-article files ---------------------------------------------------------------------


def _read_text(path: Path) -> str:
    """Read a whole file as text: UTF-8 (BOM dropped), else Latin-1 with a warning."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    _reject_binary(path, data[:_BINARY_PROBE_BYTES])
    return _decode(data, path)


def _reject_binary(path: Path, head: bytes) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text has NUL bytes but is text
    if b"\x00" in head:
        raise InputError(f"{path}: looks binary, not text (NUL bytes in its first 8 KB)")


def _decode(data: bytes, path: Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: has a UTF-16 mark but is not UTF-16: {exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        logger.warning("%s: not valid UTF-8; decoded as Latin-1", path)
        return data.decode("latin-1")


def _load_txt(path: Path, default_date: dt.date | None, id_base: str) -> Article:
    content = _read_text(path)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    title, text = _split_title(content)
    meta, sidecar = _read_sidecar(path)
    return _build(
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
    if not sidecar.is_file():
        return {}, None
    try:
        meta = json.loads(_decode(sidecar.read_bytes(), sidecar))
    except OSError as exc:
        raise InputError(f"{sidecar}: cannot read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{sidecar}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    if not isinstance(meta, dict):
        raise InputError(f"{sidecar}: expected a JSON object, got {_json_type(meta)}")
    return {str(key): value for key, value in meta.items()}, str(sidecar)


def _load_md(path: Path, default_date: dt.date | None, id_base: str) -> Article:
    content = _read_text(path)
    meta: dict[str, Any] = {}
    text = content
    lines = content.split("\n")
    if lines[0].rstrip() == "---":
        offset = len(lines[0]) + 1
        for line in lines[1:]:
            if line.rstrip() in ("---", "..."):
                front = content[len(lines[0]) + 1 : offset]
                text = content[offset + len(line) + 1 :]
                meta = _parse_front_matter(path, front)
                break
            offset += len(line) + 1
        else:
            raise InputError(f"{path}: front matter opened with '---' on line 1 is never closed")
    if not text.strip():
        raise InputError(f"{path}: empty article")
    return _build(
        meta,
        where=str(path),
        text=text,
        default_id=id_base,
        default_title=None,
        default_date=default_date,
        path=path,
    )


def _parse_front_matter(path: Path, front: str) -> dict[str, Any]:
    try:
        meta = yaml.safe_load(front)
    except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for 2025-13-01
        first = " ".join(str(exc).split("\n")[0].split())
        raise InputError(f"{path}: front matter is not valid YAML: {first}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise InputError(
            f"{path}: front matter must be a mapping of keys, got {type(meta).__name__}"
        )
    return {str(key): value for key, value in meta.items()}


# --- record files --------------------------------------------------------------------------


def _load_json(path: Path, default_date: dt.date | None, id_base: str) -> Iterator[Article]:
    content = _read_text(path)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    if isinstance(data, dict):
        article = _record(data, str(path), id_base, default_date, path)
        if article is not None:
            yield article
    elif isinstance(data, list):
        for number, record in enumerate(data, start=1):
            where = f"{path}: record {number}"
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
            article = _record(record, where, f"{id_base}-{number}", default_date, path)
            if article is not None:
                yield article
    else:
        raise InputError(
            f"{path}: expected a JSON object or list of objects, got {_json_type(data)}"
        )


def _load_jsonl(path: Path, default_date: dt.date | None, id_base: str) -> Iterator[Article]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        _reject_binary(path, handle.read(_BINARY_PROBE_BYTES))
        handle.seek(0)
        warned_latin1 = False
        count = skipped = 0
        for lineno, raw in enumerate(handle, start=1):
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
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{where}: not valid JSON: {exc.msg} (column {exc.colno})"
                ) from None
            if not isinstance(record, dict):
                raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
            article = _record(record, where, f"{id_base}-{lineno}", default_date, path)
            if article is None:
                skipped += 1
                continue
            count += 1
            yield article
    if skipped:
        logger.warning("%s: %d records without text (keys 'text' or 'body') skipped", path, skipped)
    if count == 0:
        logger.warning("%s: no articles in file", path)


def _record(
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
            raise InputError(f"{where}: '{key}' must be a string, got {_json_type(value)}")
        if value.strip():
            text = value
            break
    if text is None:
        logger.debug("%s: record has no text (keys 'text' or 'body'); skipped", where)
        return None
    meta = {
        "id": _first(record, _ID_KEYS),
        "date": _first(record, _DATE_KEYS),
        "title": record.get("title"),
        "source": record.get("source"),
        "url": record.get("url"),
    }
    return _build(
        meta,
        where=where,
        text=text,
        default_id=default_id,
        default_title=None,
        default_date=default_date,
        path=path,
    )


def _first(record: Mapping[str, Any], keys: Sequence[str]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


# --- shared --------------------------------------------------------------------------------


def _build(
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
    raw_id = meta.get("id")
    article_id = _clean_id(raw_id) if raw_id is not None else ""
    article_id = article_id or _clean_id(default_id) or "article"
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
    )


def _clean_id(value: Any) -> str:
    """Make an id safe for file names and IRIs: only ``[A-Za-z0-9._-]`` (may be empty)."""
    return _UNSAFE_ID_CHARS.sub("-", str(value).strip())


def _clean_str(value: Any, key: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(f"{where}: '{key}' must be a string, got {_json_type(value)}")
    text = str(value).strip()
    return text or None


def _coerce_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):  # YAML front matter may give these already parsed
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{where}: not a date: {value!r}; expected YYYY-MM-DD or an ISO datetime")
    try:
        return parse_date(value)
    except InputError as exc:
        wire = _wire_date(value)
        if wire is not None:
            return wire
        raise InputError(f"{where}: {exc}") from None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "a value")
