"""Reruns and interrupted builds: unchanged articles are skipped, a killed build resumes
to the same graph as an uninterrupted one, worker processes give the same graph."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.rdf.store import DEFAULT, open_store

SHAPES = [
    "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on {day}.",
    "Japan's Prime Minister Shigeru Ishiba said on {day} that talks with Washington "
    "would continue.",
    "U.S. Treasury Secretary Scott Bessent will hold talks with Chinese Vice Premier "
    "He Lifeng in Geneva on {day}.",
    "The United States imposed a 25 percent tariff on imported steel on {day}, "
    "Commerce Secretary Howard Lutnick said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def corpus(path: Path, n: int) -> Path:
    """A jsonl of ``n`` short, distinct news-shaped records."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = " ".join(
                SHAPES[(i + k) % len(SHAPES)].format(day=DAYS[(i + k) % len(DAYS)])
                for k in range(3)
            )
            record = {"id": f"story-{i:03d}", "title": f"Story {i}", "date": "2025-05-29"}
            record["text"] = f"{text} Story number {i}."
            handle.write(json.dumps(record) + "\n")
    return path


def dataset(out: Path) -> tuple[set[ox.Quad], int]:
    """The named-graph quads and the union's size of the store under ``out``."""
    store = open_store(out / "store", read_only=True)
    quads = {q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT}
    union = sum(1 for _ in store.quads_for_pattern(None, None, None, DEFAULT))
    return quads, union


def test_second_build_skips_unchanged_and_rebuilds_only_the_changed_article(tmp_path):
    source = corpus(tmp_path / "news.jsonl", 6)
    first = build([source], tmp_path / "out", html=False)
    assert (first.articles, first.skipped) == (6, 0)
    before, _ = dataset(tmp_path / "out")

    again = build([source], tmp_path / "out", html=False)
    assert (again.articles, again.skipped) == (0, 6)
    assert dataset(tmp_path / "out")[0] == before

    lines = source.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[2])
    record["text"] = "British Prime Minister Keir Starmer visited Berlin on Monday."
    lines[2] = json.dumps(record)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = build([source], tmp_path / "out", html=False)
    assert (changed.articles, changed.skipped) == (1, 5)
    after, union = dataset(tmp_path / "out")
    graph = ox.NamedNode("https://example.org/kg/graph/story-002")
    resolved = ox.NamedNode("https://example.org/kg/graph/resolved")  # recomputed, by design
    assert {q for q in after if q.graph_name not in (graph, resolved)} == {
        q for q in before if q.graph_name not in (graph, resolved)
    }
    assert "Keir Starmer" in str({q for q in after if q.graph_name == graph})
    assert "Keir Starmer" not in str({q for q in before if q.graph_name == graph})

    # the union equals a fresh build of the changed corpus: nothing stale is left behind
    fresh = build([source], tmp_path / "fresh", html=False)
    assert fresh.articles == 6
    assert dataset(tmp_path / "fresh") == (after, union)


def test_force_rebuilds_everything(tmp_path):
    source = corpus(tmp_path / "news.jsonl", 3)
    build([source], tmp_path / "out", html=False)
    report = build([source], tmp_path / "out", html=False, force=True)
    assert (report.articles, report.skipped) == (3, 0)


def test_worker_processes_give_the_same_graph_as_one_process(tmp_path):
    source = corpus(tmp_path / "news.jsonl", 40)
    one = build([source], tmp_path / "one", html=False, jobs=1)
    two = build([source], tmp_path / "two", html=False, jobs=2)
    assert one.articles == two.articles == 40
    assert one.facts == two.facts
    assert dataset(tmp_path / "one") == dataset(tmp_path / "two")


def _kg_build(source: Path, out: Path, stderr: int | None = None) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "kg", "build", str(source), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--no-html", "--jobs", "1", "--verbose"],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
    )


@pytest.mark.slow
def test_a_build_killed_with_sigkill_resumes_to_the_uninterrupted_graph(tmp_path):
    source = corpus(tmp_path / "news.jsonl", 120)
    out = tmp_path / "out"
    process = _kg_build(source, out, stderr=subprocess.PIPE)
    # kill at a random point: after a random number of articles (the verbose log names each
    # one as it is stored), plus a random fraction of the next article's work
    target = random.randint(5, 90)
    built = 0
    assert process.stderr is not None
    for line in process.stderr:
        built += b": built" in line
        if built >= target:
            break
    time.sleep(random.uniform(0, 0.3))
    if process.poll() is not None:
        pytest.fail("the build finished before it could be killed")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()
    partial, _ = dataset(out)
    written = {q.graph_name for q in partial}
    assert target <= len(written) - 1 < 120, "the kill should land mid-build"

    resumed = _kg_build(source, out, stderr=subprocess.PIPE)
    _, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr.decode()
    assert stderr.count(b": skipped") + stderr.count(b": built") == 120

    reference = build([source], tmp_path / "reference", html=False)
    assert reference.articles == 120
    quads, union = dataset(out)
    expected_quads, expected_union = dataset(tmp_path / "reference")
    assert (len(quads), union) == (len(expected_quads), expected_union)
    assert quads == expected_quads


def test_shards_partition_the_input_and_together_equal_one_build(tmp_path):
    from kg.build import in_shard, parse_shard
    from kg.errors import InputError

    ids = [f"story-{i:03d}" for i in range(300)]
    parts = [{i for i in ids if in_shard(i, (k, 3))} for k in (1, 2, 3)]
    assert set().union(*parts) == set(ids) and sum(map(len, parts)) == len(ids)
    assert all(60 < len(p) < 140 for p in parts)  # roughly even
    assert parse_shard("2/8") == (2, 8)
    for bad in ("0/3", "4/3", "x", "1/2/3"):
        with pytest.raises(InputError, match="--shard"):
            parse_shard(bad)

    source = corpus(tmp_path / "news.jsonl", 12)
    one = build([source], tmp_path / "whole", html=False)
    first = build([source], tmp_path / "shared", html=False, shard=(1, 2))
    second = build([source], tmp_path / "shared", html=False, shard=(2, 2))
    assert first.articles + second.articles == one.articles == 12
    assert 0 < first.articles < 12
    assert dataset(tmp_path / "shared") == dataset(tmp_path / "whole")


def test_a_changed_kg_or_model_rebuilds_unchanged_articles(tmp_path, monkeypatch):
    import kg.pipeline

    source = corpus(tmp_path / "news.jsonl", 3)
    build([source], tmp_path / "out", html=False)
    monkeypatch.setattr(kg.pipeline, "build_key", lambda model=None: "kg 99.0 (new code)")
    upgraded = build([source], tmp_path / "out", html=False)
    assert (upgraded.articles, upgraded.skipped) == (3, 0)
    again = build([source], tmp_path / "out", html=False)
    assert (again.articles, again.skipped) == (0, 3)
    store = open_store(tmp_path / "out" / "store", read_only=True)
    keys = {
        row["k"].value
        for row in store.query(
            "SELECT DISTINCT ?k { ?a <https://example.org/kg/ontology#buildKey> ?k }"
        )
    }
    assert keys == {"kg 99.0 (new code)"}  # the old key left with the old graphs


def test_build_key_names_kg_its_code_and_the_model():
    from kg.pipeline import build_key

    key = build_key()
    assert key.startswith("kg ") and "en_core_web_sm" in key
    assert key == build_key()  # deterministic
