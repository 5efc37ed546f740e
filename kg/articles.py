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
records that are merely empty are skipped with a logged warning. With ``keep_going`` a broken
record (a ``.jsonl`` line, a ``.json`` list entry) or an unusable file found in a directory is
skipped instead, and its ``file:line: reason`` is collected; :func:`check_inputs` runs the same
checks as a cheap pre-pass so a build can stop before it writes anything.

Bad bytes never stop a load: a file that is not UTF-8 is read as Latin-1 with a warning, and
lone surrogates (a JSON ``"\\ud800"``, which no encoder can write) become U+FFFD. A ``.txt``
file or record text that is an HTML page has its markup stripped with a warning (the visible
text is what NLP sees); ``.md`` files keep their inline HTML, as Markdown allows it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
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


@dataclass(frozen=True)
class InputCheck:
    """What :func:`check_inputs` found: counts, and the broken records or files it skipped."""

    articles: int
    files: int
    skipped: tuple[str, ...]  # "file:line: reason", one per skipped record or file


def check_inputs(inputs: Sequence[str | Path], keep_going: bool = False) -> InputCheck:
    """Validate every input before any work is done, keeping no article text.

    Reads each file once (``.jsonl`` line by line) through the same code as
    :func:`iter_articles`, so it finds exactly the problems a build would meet: a missing
    path, an unknown file type, a binary or empty file, a broken JSON line (named as
    ``file:line``), a bad field, a duplicate id. Without ``keep_going`` the first one is raised
    as :class:`InputError`; with it, broken records and unusable files are skipped and listed
    in ``skipped`` (a missing path or unknown file type is still an error: it is a typo in the
    command, not bad data). Raises ``InputError`` when no article is left.
    """
    skipped: list[str] = []
    count = 0
    files: set[str | None] = set()
    for article in iter_articles(inputs, keep_going=keep_going, skipped=skipped):
        count += 1
        files.add(article.path)
    if count == 0:
        names = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]
        extra = f" ({len(skipped)} skipped as broken)" if skipped else ""
        raise InputError("no articles found in: " + ", ".join(names) + extra)
    return InputCheck(articles=count, files=len(files), skipped=tuple(skipped))


def iter_articles(
    inputs: Sequence[str | Path],
    default_date: dt.date | None = None,
    *,
    keep_going: bool = False,
    skipped: list[str] | None = None,
    warn: bool = True,
) -> Iterator[Article]:
    """Yield the articles in the given files and directories, in a stable order.

    Directories are walked recursively in sorted order, taking only files with an accepted
    suffix and skipping hidden entries and ``.meta.json`` sidecars. ``default_date`` (the
    command line ``--date``) applies only to articles that carry no date of their own.
    With ``keep_going``, broken records and unusable files are skipped with a warning and
    their ``file:line: reason`` appended to ``skipped`` (see :func:`check_inputs`).
    ``warn=False`` silences the loader's warnings, for a second pass after
    :func:`check_inputs` has already shown them.
    """
    if isinstance(inputs, (str, Path)):  # a lone path, not a sequence of them
        inputs = [inputs]
    articles = _iter_articles(inputs, default_date, keep_going, skipped)
    return articles if warn else _quietly(articles)


def _quietly(articles: Iterator[Article]) -> Iterator[Article]:
    """Run the loader with its warnings off, but only while it runs (not between yields)."""
    while True:
        level = logger.level
        logger.setLevel(logging.ERROR)
        try:
            article = next(articles)
        except StopIteration:
            return
        finally:
            logger.setLevel(level)
        yield article


def _iter_articles(
    inputs: Sequence[str | Path],
    default_date: dt.date | None,
    keep_going: bool,
    skipped: list[str] | None,
) -> Iterator[Article]:
    for given in inputs:  # check every input before yielding anything: fail before slow work
        path = Path(given)
        if not path.exists():
            raise InputError(f"no such file or directory: '{given}'")
        if not path.is_dir():
            _check_suffix(path)

    def skip(message: str) -> None:
        logger.warning("skipped: %s", message)
        if skipped is not None:
            skipped.append(message)

    on_error = skip if keep_going else None
    seen: set[str] = set()
    for given in inputs:
        path = Path(given)
        files = _walk(path) if path.is_dir() else iter([path])
        for file in files:
            # in a directory, the default id is the path below the directory's parent
            # ("politics/001.txt" -> "politics-001"), so bbc/politics/001.txt and
            # bbc/business/001.txt stay two articles
            id_base = str(file.relative_to(path.parent).with_suffix("")) if path.is_dir() else None
            try:
                for article, where in _located(file, default_date, id_base, on_error):
                    if article.id in seen:  # the later one would silently replace the first
                        message = (
                            f"{where}: article id '{article.id}' is already used by an "
                            "earlier input; give the articles distinct ids (metadata 'id') or "
                            "pass their directories instead of the files"
                        )
                        if on_error is None:
                            raise InputError(message)
                        on_error(message)
                        continue
                    seen.add(article.id)
                    yield article
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(str(exc))  # the rest of this file is unusable; go on with the next


def load_article_file(
    path: Path,
    default_date: dt.date | None = None,
    id_base: str | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """Yield the articles in one file (a ``.json`` or ``.jsonl`` file may hold many).

    Articles without an id of their own get ``id_base`` (default: the file name without its
    suffix), with the record number appended for ``.json`` lists and ``.jsonl`` lines.
    A broken record raises :class:`InputError`, or is passed to ``on_error`` (as
    ``"file:line: reason"``) and skipped when ``on_error`` is given.
    """
    for article, _where in _located(Path(path), default_date, id_base, on_error):
        yield article


def _located(
    path: Path,
    default_date: dt.date | None,
    id_base: str | None,
    on_error: Callable[[str], None] | None,
) -> Iterator[tuple[Article, str]]:
    """The articles of one file, each with where it was read ("file:line" for a .jsonl)."""
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
        yield _load_txt(path, default_date, id_base), str(path)
    elif suffix == ".md":
        yield _load_md(path, default_date, id_base), str(path)
    elif suffix == ".json":
        yield from _load_json(path, default_date, id_base, on_error)
    else:
        yield from _load_jsonl(path, default_date, id_base, on_error)


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
    html_title = None
    if looks_like_html(content):
        logger.warning("%s: looks like HTML, not plain text; markup removed", path)
        content, html_title = strip_html(content)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    title, text = (html_title, content) if html_title else _split_title(content)
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


def _load_json(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    content = _read_text(path)
    if not content.strip():
        raise InputError(f"{path}: empty article")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}:{exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise InputError(f"{path}: JSON nested too deeply") from None
    if isinstance(data, dict):
        article = _record(data, str(path), id_base, default_date, path)
        if article is not None:
            yield article, str(path)
    elif isinstance(data, list):
        for number, record in enumerate(data, start=1):
            where = f"{path}: record {number}"
            try:
                if not isinstance(record, dict):
                    raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
                article = _record(record, where, f"{id_base}-{number}", default_date, path)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(str(exc))
                continue
            if article is not None:
                yield article, where
    else:
        raise InputError(
            f"{path}: expected a JSON object or list of objects, got {_json_type(data)}"
        )


def _load_jsonl(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
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
                article = _record(
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


def _json_line(line: str, where: str) -> dict[str, Any]:
    """One ``.jsonl`` line as a JSON object, or an InputError naming ``file:line``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: JSON nested too deeply") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {_json_type(record)}")
    return record


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
    if text is not None and looks_like_html(text):
        logger.warning("%s: text looks like HTML; markup removed", where)
        text = strip_html(text)[0] or None
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
    text = _replace_surrogates(text, where)
    meta = {k: _replace_surrogates(v, where) if isinstance(v, str) else v for k, v in meta.items()}
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_surrogates(text: str, where: str) -> str:
    """Lone surrogates (JSON ``"\\ud800"``) can be read but never written as UTF-8: replace
    each with U+FFFD, one code point for one, so offsets into the text stay valid."""
    if not _SURROGATE.search(text):
        return text
    logger.warning("%s: lone surrogate code points replaced by U+FFFD", where)
    return _SURROGATE.sub("\ufffd", text)


# --- HTML ----------------------------------------------------------------------------------

_HTML_DOCUMENT = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|h[1-6]|ul|ol|li|table|tr|td|th|script|style|article|section|"
    r"header|footer|nav|main|strong|em|b|i|img|meta|link|title|figure|figcaption|blockquote)"
    r"\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_HTML_PROBE_CHARS = 20_000
_SKIPPED_ELEMENTS = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas"}
)
_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


def looks_like_html(text: str) -> bool:
    """An HTML page rather than text: it opens with a doctype, ``<html>``, ``<head>`` or
    ``<body>``, or it opens with a tag and has at least three common HTML tags near the top.
    Plain text that merely quotes a tag (an article about ``<script>``) is not HTML."""
    if _HTML_DOCUMENT.match(text):
        return True
    return text.lstrip().startswith("<") and len(_HTML_TAG.findall(text[:_HTML_PROBE_CHARS])) >= 3


class _TextOfHtml(HTMLParser):
    """The visible text of a page: blocks become paragraphs; scripts and styles are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.title: list[str] = []
        self.skipping: list[str] = []
        self.in_title = False

    def _break(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        elif tag in _SKIPPED_ELEMENTS and tag != "head":
            self.skipping.append(tag)
        elif tag in _BLOCK_ELEMENTS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCK_ELEMENTS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)


def strip_html(html: str) -> tuple[str, str | None]:
    """The visible text of an HTML page (paragraphs separated by blank lines) and its
    ``<title>``, if any. Markup, scripts and styles are dropped; entities are decoded."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    parser._break()
    title = " ".join("".join(parser.title).split()) or None
    text = "\n\n".join(parser.blocks)
    return (text + "\n" if text else ""), title


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "a value")
