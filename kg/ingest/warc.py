"""WARC files (the web-archive format of crawls such as Common Crawl): every HTML page the
archive holds (a ``response`` record with status 200) becomes an article, named after its
URL. Needs the optional ``warcio`` reader (``pip install 'kg[warc]'``).

The capture date of a record is when the crawler saw the page, not when it was published,
so an article's date is the one its page gives (else ``--date``).
"""

from __future__ import annotations

import datetime as dt
import gzip
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.fetch import MAX_BYTES
from kg.ingest.pages import page_article, page_or_text
from kg.ingest.records import Article
from kg.ingest.web import decode_page, url_id

WARC_SUFFIXES = (".warc", ".warc.gz")


def _reader() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise InputError(
            "reading WARC files needs the warcio package: pip install 'kg[warc]'"
        ) from None
    return ArchiveIterator


def load_warc(
    path: Path,
    default_date: dt.date | None,
    id_base: str,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[tuple[Article, str]]:
    """The HTML pages of one WARC file (plain or gzipped), in archive order."""
    archive_iterator = _reader()
    from warcio.exceptions import ArchiveLoadFailed

    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with handle:
        _check_start(path, handle)
        try:
            for number, record in enumerate(archive_iterator(handle), start=1):
                found = _page(record, f"{path}: record {number}", path, default_date, on_error)
                if found is not None:
                    yield found
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a WARC file: {str(exc).splitlines()[0]}") from None


def _check_start(path: Path, handle: BinaryIO) -> None:
    """A WARC file starts with a ``WARC/1.x`` record (warcio reads nearly anything)."""
    head = handle.read(2)
    handle.seek(0)
    try:
        first = gzip.GzipFile(fileobj=handle).read(5) if head == b"\x1f\x8b" else handle.read(5)
    except (OSError, EOFError) as exc:
        raise InputError(f"{path}: not a WARC file: {exc}") from None
    handle.seek(0)
    if first != b"WARC/":
        raise InputError(f"{path}: not a WARC file (it does not start with a WARC/1.x record)")


def _page(
    record: Any,
    where: str,
    path: Path,
    default_date: dt.date | None,
    on_error: Callable[[str], None] | None,
) -> tuple[Article, str] | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        data = record.content_stream().read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{where}: page larger than {MAX_BYTES} bytes")
        charset = content_type.split("charset=")[-1].strip() if "charset=" in content_type else None
        page = page_or_text(decode_page(data, charset), where, url or None)
        if not page.text.strip():
            return None
        meta = {"url": url or None}
        article = page_article(
            page,
            where=where,
            meta=meta,
            default_id=url_id(url) if url else f"{path.stem}-{where.rsplit(' ', 1)[-1]}",
            default_date=default_date,
            path=path,
        )
    except InputError as exc:
        if on_error is None:
            raise
        on_error(str(exc))
        return None
    return article, where
