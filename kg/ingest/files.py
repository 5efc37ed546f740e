"""Reading a file as text: UTF-8 (BOM dropped), UTF-16 by its mark, else Latin-1; no binaries."""

from __future__ import annotations

import logging
from pathlib import Path

from kg.errors import InputError

logger = logging.getLogger(__name__)

BINARY_PROBE_BYTES = 8192


def read_text(path: Path) -> str:
    """Read a whole file as text: UTF-8 (BOM dropped), else Latin-1 with a warning."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
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
