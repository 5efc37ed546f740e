"""Writing an output file atomically: the one place kg writes graph.ttl, pages and exports.

The data goes to a temporary file beside the target (``.NAME.PID-XXXXXXXX.tmp``), is synced,
then renamed over the target, so a reader never sees half a file and a crash never leaves
one. A crash can leave the temporary file, as large as the output; the next write of the
same target removes such leftovers: files of exactly that naming whose writer (the PID in
the name) is no longer running, or, for names without a PID (earlier versions of kg), older
than an hour.
Output files get the ordinary permissions of a new file (``0o666`` less the umask).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from kg.errors import ExportError

log = logging.getLogger(__name__)

STALE_AFTER_SECONDS = 3600.0  # for leftovers whose name carries no PID


def temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}-"


def write_atomic(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` through a temporary file and a
    rename. Raises :class:`ExportError` naming the file and the cause (a full disk says so)."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(path)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            Path(tmp).chmod(0o666 & ~_umask())  # mkstemp makes it private; outputs are not
            Path(tmp).replace(path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(_message(path, exc)) from exc


def _message(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return f"cannot write '{path}': no space left on the device; free some space and rerun"
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):  # a file where a directory should be
        return f"cannot write '{path}': a part of its folder '{path.parent}' is not a directory"
    return f"cannot write '{path}': {exc.strerror or exc}"


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _leftover_pattern(path: Path) -> re.Pattern[str]:
    """Temporary names kg gives ``path``'s data: ``.NAME.PID-XXXXXXXX.tmp``, and the
    ``.NAME.XXXXXXXX.tmp`` of earlier versions (mkstemp's 8 random characters)."""
    return re.compile(rf"\.{re.escape(path.name)}\.(?:(\d+)-)?[a-z0-9_]{{8}}\.tmp")


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove the temporary files a crashed write of ``path`` left beside it; returns them.

    Only kg's own naming for this very target is touched, and only when its writer is gone:
    another process writing the same file at this moment keeps its temporary file.
    """
    pattern = _leftover_pattern(path)
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            match = pattern.fullmatch(entry.name)
            if match is None or not entry.is_file(follow_symlinks=False):
                continue
            if not _stale(match.group(1), entry):
                continue
            with contextlib.suppress(FileNotFoundError):
                Path(entry.path).unlink()
                removed.append(Path(entry.path))
    for leftover in removed:
        log.info("removed %s, left by an interrupted write", leftover)
    return removed


def _stale(pid: str | None, entry: os.DirEntry[str]) -> bool:
    if pid is not None:
        return not _running(int(pid))
    try:
        return time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True  # this process: another write of ours may be under way (threads)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process (or a number no process can have): keep it
    return True
