"""The one atomic-write helper (issue 11, item 7; issue 15, step 3): no half files, ordinary
permissions, one clear error, and the leftovers of a crashed write removed at the next one."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import kg.atomic as atomic
from kg.atomic import remove_stale_temps, write_atomic
from kg.errors import ExportError


def dead_pid() -> int:
    """The PID of a process that has exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def crash_while_writing(target: Path) -> list[Path]:
    """Run write_atomic in a child killed (SIGKILL) just before its rename; return what it
    left beside ``target``."""
    script = textwrap.dedent(
        f"""
        import os, signal
        import kg.atomic
        def die(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        kg.atomic.os.replace = die
        kg.atomic.write_atomic({str(target)!r}, b"x" * 100_000)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=False)
    return sorted(p for p in target.parent.iterdir() if p.name != target.name)


def test_write_atomic_writes_bytes_and_text_alike(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.ttl", b"caf\xc3\xa9\n")
    write_atomic(tmp_path / "b.html", "café\n")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.html"]


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_outputs_get_the_permissions_of_a_new_file(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "graph.ttl", b"x")
        (tmp_path / "plain").write_bytes(b"x")
    finally:
        os.umask(old)
    mode = (tmp_path / "graph.ttl").stat().st_mode & 0o777
    assert mode == (tmp_path / "plain").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_crash_leaves_the_old_file_and_the_next_write_removes_the_leftover(
    tmp_path: Path,
) -> None:
    target = tmp_path / "graph.ttl"
    write_atomic(target, b"old")
    leftovers = crash_while_writing(target)
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".graph.ttl.")
    assert leftovers[0].stat().st_size == 100_000  # as large as the output
    assert target.read_bytes() == b"old"  # never half a file
    write_atomic(target, b"new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]
    assert target.read_bytes() == b"new"


def test_only_stale_leftovers_of_this_target_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "graph.html"
    dead, live = dead_pid(), os.getppid()
    stale = tmp_path / f".graph.html.{dead}-abcd_123.tmp"
    old_style = tmp_path / ".graph.html.k2j4_x9q.tmp"  # mkstemp's name, no PID
    kept = [
        tmp_path / f".graph.html.{live}-abcd_123.tmp",  # a writer that is still running
        tmp_path / ".graph.html.zzzzzzzz.tmp",  # no PID and recent: maybe being written
        tmp_path / f".graph.ttl.{dead}-abcd_123.tmp",  # another target's
        tmp_path / f".graph.html.{dead}-abcd_123.tmp.bak",  # not kg's naming
        tmp_path / "notes.tmp",
    ]
    for path in [stale, old_style, *kept]:
        path.write_bytes(b"leftover")
    hour_ago = time.time() - 2 * atomic.STALE_AFTER_SECONDS
    os.utime(old_style, (hour_ago, hour_ago))
    assert sorted(remove_stale_temps(target)) == sorted([stale, old_style])
    assert all(p.exists() for p in kept)


def test_a_full_disk_is_one_line_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    target = tmp_path / "graph.ttl"
    with pytest.raises(ExportError) as info:
        write_atomic(target, b"data")
    assert str(info.value) == (
        f"cannot write '{target}': no space left on the device; free some space and rerun"
    )
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too


def test_an_unwritable_directory_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    for target in (blocker / "graph.ttl", blocker / "deeper" / "graph.ttl"):
        with pytest.raises(ExportError) as info:
            write_atomic(target, b"x")
        assert str(info.value) == (
            f"cannot write '{target}': a part of its folder '{target.parent}' is not a directory"
        )


def test_export_and_the_page_share_the_helper() -> None:
    import kg.graph.analyze as analyze
    import kg.graph.viz as viz
    import kg.rdf.export as export

    assert export.write_atomic is write_atomic
    assert analyze.write_atomic is write_atomic
    assert viz.write_atomic is write_atomic
    assert not hasattr(viz, "_write_atomic")
