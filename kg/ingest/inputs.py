"""Inputs to articles: files and directories walked in a stable order, checked before any work."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.ingest.files import check_regular
from kg.ingest.json_records import load_json, load_jsonl
from kg.ingest.markdown import load_md
from kg.ingest.records import Article
from kg.ingest.txt import SIDECAR_SUFFIX, load_txt
from kg.ingest.web_inputs import (
    FEED_SUFFIXES,
    PAGE_SUFFIXES,
    WARC_SUFFIXES,
    is_web_url,
    load_url,
    load_web_file,
    suffix_of,
    wanted_in_directory,
)

logger = logging.getLogger("kg.ingest")

SUFFIXES = (".txt", ".md", ".json", ".jsonl", *PAGE_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES)
_ALLOWED = ", ".join(SUFFIXES)


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
    _check_paths(inputs)  # check every input before yielding anything: fail before slow work

    def skip(message: str) -> None:
        logger.warning("skipped: %s", message)
        if skipped is not None:
            skipped.append(message)

    on_error = skip if keep_going else None
    seen = _Seen()
    for given in inputs:
        for found in _sources(given, default_date, on_error):
            try:
                yield from _first_of_each(found, seen, on_error)
            except InputError as exc:
                if on_error is None:
                    raise
                on_error(str(exc))  # the rest of this file is unusable; go on with the next


def _check_paths(inputs: Sequence[str | Path]) -> None:
    """Every input that is not a web URL exists, and a file is a regular one of a known kind."""
    for given in inputs:
        if is_web_url(str(given)):
            continue
        path = Path(given)
        if not path.exists():
            raise InputError(f"no such file or directory: '{given}'")
        if not path.is_dir():
            _check_suffix(path)
            check_regular(path)  # a FIFO would block, a device never end


def _sources(
    given: str | Path, default_date: dt.date | None, on_error: Callable[[str], None] | None
) -> Iterator[Iterator[tuple[Article, str]]]:
    """The articles of one input, file by file (a URL, a file, or a directory's files)."""
    if is_web_url(str(given)):
        yield load_url(str(given), default_date, on_error)
        return
    path = Path(given)
    files = _walk(path) if path.is_dir() else iter([path])
    for file in files:
        # in a directory, the default id is the path below the directory's parent
        # ("politics/001.txt" -> "politics-001"), so bbc/politics/001.txt and
        # bbc/business/001.txt stay two articles
        id_base = str(file.relative_to(path.parent).with_suffix("")) if path.is_dir() else None
        yield _located(file, default_date, id_base, on_error)


def _first_of_each(
    found: Iterator[tuple[Article, str]],
    seen: _Seen,
    on_error: Callable[[str], None] | None,
) -> Iterator[Article]:
    """The articles whose id no earlier article has (see :class:`_Seen`)."""
    for article, where in found:
        clash = seen.clash(article, where)
        if clash is None:
            yield article
        elif on_error is None:
            raise InputError(clash)
        else:
            on_error(clash)  # the first stays; this one is named and left out


class _Seen:
    """The articles read so far, by the key the store files them under (``Article.key``):
    ids that differ only in case or punctuation ("Story-1", "story.1", "story_1/") would
    be one graph, the later silently replacing the earlier."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[str, str]] = {}  # key -> (id, where it was read)

    def clash(self, article: Article, where: str) -> str | None:
        """None for a new article, else the message naming both inputs."""
        key = article.key
        if key not in self.first:
            self.first[key] = (article.id, where)
            return None
        first_id, first_where = self.first[key]
        same = (
            f"article id '{article.id}' is already used by {first_where}"
            if first_id == article.id
            else f"article id '{article.id}' names the same graph as '{first_id}' from "
            f"{first_where} (ids are compared without case and punctuation: both are "
            f"'{key}')"
        )
        return (
            f"{where}: {same}; give the articles distinct ids (metadata 'id') or pass "
            "their directories instead of the files"
        )


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
    check_regular(path)
    suffix = suffix_of(path)
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        logger.info("%s: sidecar metadata, not an article; skipped", path)
        return
    if suffix == ".txt":
        yield load_txt(path, default_date, id_base), str(path)
    elif suffix == ".md":
        yield load_md(path, default_date, id_base), str(path)
    elif suffix == ".json":
        yield from load_json(path, default_date, id_base, on_error)
    elif suffix == ".jsonl":
        yield from load_jsonl(path, default_date, id_base, on_error)
    else:  # pages, feeds, web archives
        yield from load_web_file(path, default_date, id_base, on_error)


def _check_suffix(path: Path) -> None:
    if suffix_of(path) not in SUFFIXES:
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
            and suffix_of(entry) in SUFFIXES
            and not entry.name.lower().endswith(SIDECAR_SUFFIX)
            and wanted_in_directory(entry)
        ):
            yield entry
