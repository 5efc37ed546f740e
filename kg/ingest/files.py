"""Reading a file as text: UTF-8 (BOM dropped), UTF-16 by its mark, else Latin-1; no binaries.

Only regular files are read, and never more than :data:`MAX_FILE_BYTES` of one: a FIFO named
as input would block forever and a device such as ``/dev/zero`` would never end, so both are
refused in one line before a byte is read (the size is checked from ``stat`` first, and the
read itself stops one byte past the limit, for files that grow or do not know their size).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import BinaryIO

from kg.errors import InputError

logger = logging.getLogger(__name__)

BINARY_PROBE_BYTES = 8192
# The most kg reads from one file (or one .jsonl line). Past this a file is not an article:
# a 10 MB article already takes minutes to parse; a corpus belongs in a .jsonl or a folder.
MAX_FILE_BYTES = 256 * 1024 * 1024

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a directory"),
)


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path) -> None:
    """Refuse anything but a regular file (following symlinks) without opening it."""
    try:
        mode = Path(path).stat().st_mode
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(mode):
        raise InputError(
            f"{path}: is {file_kind(mode)}, not a regular file; kg reads article files "
            "and directories of them"
        )


def open_regular(path: Path, whole: bool = True) -> BinaryIO:
    """Open a regular file for reading; never blocks (a FIFO swapped in is refused too).
    ``whole``: the file will be read at once, so its size is checked against the limit
    (a ``.jsonl`` file streams and checks each line instead)."""
    check_regular(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is {file_kind(info.st_mode)}, not a regular file")
        if whole:
            too_big(path, info.st_size)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def too_big(path: Path | str, size: int, what: str = "the file") -> None:
    """Refuse a file (or line) over :data:`MAX_FILE_BYTES` before it is read whole."""
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{path}: {what} is larger than {_size(MAX_FILE_BYTES)}, the most kg reads at "
            "once; split it into smaller files, or one record a line in a .jsonl file"
        )


def _size(n: int) -> str:
    mib = 1024 * 1024
    return f"{n // mib} MiB" if n % mib == 0 else f"{n:,} bytes"


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, at most :data:`MAX_FILE_BYTES`."""
    with open_regular(path) as handle:
        try:
            return _read_bounded(handle, path)
        except OSError as exc:
            raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def _read_bounded(handle: BinaryIO, path: Path) -> bytes:
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(size + 1)  # one byte more tells a file that grew, or /proc's size 0
    if len(data) <= size:
        return data
    parts, total = [data], len(data)
    while total <= MAX_FILE_BYTES:
        chunk = handle.read(1 << 20)
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    too_big(path, total)
    return b"".join(parts)


def read_text(path: Path) -> str:
    """Read a whole file as text: UTF-8 (BOM dropped), else Latin-1 with a warning."""
    data = read_bytes(path)
    reject_binary(path, data[:BINARY_PROBE_BYTES])
    return decode(data, path)


def reject_binary(path: Path, head: bytes) -> None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text has NUL bytes but is text
    if b"\x00" in head:
        raise InputError(f"{path}: looks binary, not text (NUL bytes in its first 8 KB)")


def decode(data: bytes, path: Path) -> str:
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
