"""kg build against the data-safety holes of issue 11: colliding ids (item 3), metadata-only
changes (item 4), a full disk and a damaged store (item 6), crash leftovers (item 7)."""

from __future__ import annotations

import errno
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib.namespace import SDO

import kg.rdf.store as store_module
from kg.build import build
from kg.errors import InputError, StoreError
from kg.query import run_query
from kg.rdf.store import open_store

TEXT = "Prime Minister Aiko Tanaka met Foreign Minister Lars Berg in Oslo on Monday."


def jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def article_ids(out: Path) -> list[str]:
    store = open_store(out / "store", read_only=True)
    rows = run_query(
        store, f"SELECT ?id WHERE {{ ?a <{SDO.identifier}> ?id }} ORDER BY ?id", {}, "csv"
    )
    return rows.split()[1:]


# --- item 3: ids that name one graph -------------------------------------------------------


def test_colliding_ids_stop_the_build_before_anything_is_written(tmp_path: Path) -> None:
    source = jsonl(
        tmp_path / "c.jsonl",
        [{"id": "Story-1", "text": TEXT}, {"id": "story.1", "text": "Another story."}],
    )
    with pytest.raises(InputError, match=r"c\.jsonl:2: article id 'story\.1' names the same"):
        build([source], tmp_path / "out", html=False)
    assert not (tmp_path / "out" / "store").exists()


def test_keep_going_keeps_the_first_counts_right_and_a_rerun_builds_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = [
        {"id": "Story-1", "text": TEXT},
        {"id": "story.1", "text": "Berg said the talks were useful."},
        {"id": "STORY_1/", "text": "Tanaka flew home on Tuesday."},
        {"id": "story-2", "text": "Berg will visit Tokyo in June."},
    ]
    source = jsonl(tmp_path / "c.jsonl", records)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        first = build([source], tmp_path / "out", html=False, keep_going=True)
    assert (first.articles, first.skipped) == (2, 0)
    assert [b.split(": ")[0] for b in first.broken] == [f"{source}:2", f"{source}:3"]
    assert all(f"'Story-1' from {source}:1" in b for b in first.broken)
    assert article_ids(tmp_path / "out") == ["Story-1", "story-2"]
    again = build([source], tmp_path / "out", html=False, keep_going=True)
    assert (again.articles, again.skipped) == (0, 2)  # not rebuilt on every run any more


# --- item 4: what reaches the graph, changed alone, rebuilds ----------------------------------

FRONT = {
    "id": "talks-1",
    "title": "Talks in Oslo",
    "date": "2025-05-26",
    "source": "The Daily",
    "url": "https://news.example/talks-1",
}
CHANGES = {
    "title": ("Talks in Oslo, updated", SDO.headline),
    "date": ("2025-05-27", SDO.datePublished),
    "source": ("The Weekly", SDO.publisher),
    "url": ("https://news.example/talks-1?v=2", SDO.url),
}


def md(path: Path, meta: dict[str, str], body: str = TEXT) -> Path:
    front = "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items())
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    return path


def stored_value(out: Path, predicate: object) -> str:
    store = open_store(out / "store", read_only=True)
    (row,) = store.query(f"SELECT ?v WHERE {{ ?a <{predicate}> ?v }}")  # type: ignore[misc]
    return str(row["v"].value)


@pytest.mark.parametrize("field", sorted(CHANGES))
def test_a_metadata_only_change_rebuilds_the_article(tmp_path: Path, field: str) -> None:
    value, predicate = CHANGES[field]
    path = md(tmp_path / "a.md", FRONT)
    out = tmp_path / "out"
    assert build([path], out, html=False).articles == 1
    assert build([path], out, html=False).skipped == 1
    md(path, {**FRONT, field: value})
    report = build([path], out, html=False)
    assert (report.articles, report.skipped) == (1, 0)
    assert stored_value(out, predicate) == value


def test_a_text_change_and_a_moved_file_rebuild_too(tmp_path: Path) -> None:
    path = md(tmp_path / "a.md", FRONT)
    out = tmp_path / "out"
    build([path], out, html=False)
    md(path, FRONT, TEXT.replace("Monday", "Tuesday"))
    assert build([path], out, html=False).articles == 1
    moved = tmp_path / "news" / "a.md"
    moved.parent.mkdir()
    path.rename(moved)
    assert build([moved], out, html=False).articles == 1
    assert stored_value(out, "https://example.org/kg/ontology#sourceFile") == str(moved)


# --- item 6: a full disk, a damaged store ------------------------------------------------------


def test_a_full_disk_while_storing_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = md(tmp_path / "a.md", FRONT)

    def full(*args: object) -> None:  # what pyoxigraph raises (measured on a full tmpfs)
        raise OSError(
            "IO error: No space left on device: While appending to file: "
            f"{tmp_path}/out/store/000012.sst: No space left on device"
        )

    monkeypatch.setattr(store_module, "write_graph", full)
    with pytest.raises(StoreError) as info:
        build([path], tmp_path / "out", html=False)
    assert str(info.value) == (
        f"no space left on the device of the graph store '{tmp_path / 'out' / 'store'}'; free "
        "some space and run the same command again (the articles already stored are kept)"
    )


def test_a_full_disk_while_writing_the_page_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kg.atomic

    path = md(tmp_path / "a.md", FRONT)
    real_mkstemp, real_fsync = kg.atomic.tempfile.mkstemp, os.fsync
    temp_names: list[str] = []

    def recording_mkstemp(**kwargs: str) -> tuple[int, str]:
        fd, name = real_mkstemp(**kwargs)
        temp_names.append(Path(name).name)
        return fd, name

    def full_for_pages(fd: int) -> None:  # the disk fills up while the page is written
        if temp_names[-1].startswith(".graph.html."):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(kg.atomic.tempfile, "mkstemp", recording_mkstemp)
    monkeypatch.setattr(kg.atomic.os, "fsync", full_for_pages)
    with pytest.raises(
        kg.atomic.ExportError, match=re.escape("graph.html': no space left on the device")
    ):
        build([path], tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "store"]


def damage(store_dir: Path) -> None:
    """Flip bytes through the store's table files, as a failing disk would."""
    for table in sorted(store_dir.glob("*.sst")):
        data = bytearray(table.read_bytes())
        for i in range(100, len(data) - 100, 97):
            data[i] ^= 0xFF
        table.write_bytes(bytes(data))


def test_a_damaged_store_is_one_line_saying_what_helps(tmp_path: Path) -> None:
    path = md(tmp_path / "a.md", FRONT)
    out = tmp_path / "out"
    build([path], out, html=False)
    damage(out / "store")
    with pytest.raises(StoreError) as info:
        build([path], out, html=False)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"the graph store at '{out / 'store'}' is damaged (")
    assert "kg build --force --store NEW_DIR" in message
    assert f"try kg export --store {out / 'store'} to save what is still readable" in message
    assert "The file" not in message  # RocksDB's guess about its MANIFEST is left out
    with pytest.raises(StoreError, match="is damaged"):
        open_store(out / "store", read_only=True)
    fresh = build([path], out, html=False, store_location=tmp_path / "fresh", force=True)
    assert fresh.articles == 1


# --- item 7: leftovers of a crashed write -------------------------------------------------------


def test_a_build_removes_what_a_crashed_write_left(tmp_path: Path) -> None:
    path = md(tmp_path / "a.md", FRONT)
    out = tmp_path / "out"
    build([path], out)
    crashed = subprocess.Popen([sys.executable, "-c", "pass"])  # a build that is gone
    crashed.wait()
    child = crashed.pid
    for name in (f".graph.ttl.{child}-a1b2c3d4.tmp", f".graph.html.{child}-zz_9xx8y.tmp"):
        leftover = out / name
        leftover.write_bytes(b"x" * 10_000)
    build([path], out)
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "store"]
