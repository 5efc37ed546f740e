"""Inputs that are not regular files, or too large to read at once (issue 11, items 5, 6):
refused in one line before a byte is read, never a hang or a MemoryError."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

import kg.ingest.files as files
from kg.errors import InputError
from kg.ingest import check_inputs, iter_articles

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def refused(path: Path) -> str:
    """The one-line error for ``path``, from a worker thread so a hang fails instead."""
    result: list[BaseException | None] = []

    def run() -> None:
        try:
            check_inputs([path])
            result.append(None)
        except BaseException as exc:  # the assertion below says which
            result.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert result, f"reading {path} did not return (it blocks)"
    error = result[0]
    assert isinstance(error, InputError), error
    assert "\n" not in str(error)
    return str(error)


@needs_fifo
@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".jsonl"])
def test_a_fifo_named_as_input_is_refused_not_read(tmp_path: Path, suffix: str) -> None:
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    assert refused(fifo) == (
        f"{fifo}: is a FIFO (named pipe), not a regular file; kg reads article files and "
        "directories of them"
    )


@needs_fifo
def test_a_fifo_inside_a_directory_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text("Alpha.\n", encoding="utf-8")
    assert [a.id for a in iter_articles([tmp_path])] == [f"{tmp_path.name}-a"]


@needs_fifo
def test_a_fifo_as_sidecar_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Alpha.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "a.meta.json")
    assert "a.meta.json: is a FIFO (named pipe), not a regular file" in refused(tmp_path / "a.txt")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("suffix", [".txt", ".jsonl"])
def test_a_device_named_as_input_is_refused(tmp_path: Path, suffix: str) -> None:
    link = tmp_path / f"zero{suffix}"
    link.symlink_to("/dev/zero")
    assert refused(link).startswith(f"{link}: is a character device, not a regular file")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    ok = tmp_path / "ok.txt"
    ok.write_text("x" * 999 + "\n", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text("x" * 1000 + "\n", encoding="utf-8")
    assert [a.id for a in iter_articles([ok])] == ["ok"]
    assert refused(big) == (
        f"{big}: the file is larger than 1,000 bytes, the most kg reads at once; split it into "
        "smaller files, or one record a line in a .jsonl file"
    )
    reads: list[int] = []
    real_open = files.os.fdopen

    def spying_fdopen(fd: int, mode: str = "r"):  # type: ignore[no-untyped-def]
        handle = real_open(fd, mode)
        reads.append(fd)
        return handle

    monkeypatch.setattr(files.os, "fdopen", spying_fdopen)
    refused(big)
    assert reads == []  # refused from its size, before any of it was read


def test_a_jsonl_line_over_the_limit_is_refused_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.jsonl"
    lines = [json.dumps({"text": "y" * 1000}) for _ in range(3)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1500)  # under it: the file streams through
    assert len(list(iter_articles([path]))) == 3
    path.write_text(lines[0] + "\n" + json.dumps({"text": "y" * 1500}) + "\n", encoding="utf-8")
    assert refused(path).startswith(f"{path}:2: the line is larger than 1,500 bytes")


def test_a_sidecar_over_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    (tmp_path / "a.txt").write_text("Alpha.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "t" * 200}), encoding="utf-8")
    assert refused(tmp_path / "a.txt").startswith(f"{tmp_path / 'a.meta.json'}: the file is larger")
