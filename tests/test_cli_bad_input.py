"""Bad input on the command line (issue 6): one line on stderr, exit 1, nothing written.

Each case runs ``kg build`` as a user does, in a real process. Only the two builds that
succeed load spaCy; every failure happens before the model is loaded.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.namespace import SDO

from kg.build import build
from tests.paths import ROOT

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
BUILD_KEEPS_GOING = "keep_going" in inspect.signature(build).parameters


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def one_error_line(result: subprocess.CompletedProcess[str], warnings: int = 0) -> str:
    """The error line; ``warnings`` lines may come before it (why records were dropped)."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 + warnings and lines[-1].startswith("kg: error: "), result.stderr
    assert all(line.startswith("kg: WARNING: ") for line in lines[:-1])
    assert "Traceback" not in result.stderr
    return lines[-1]


def written(out: Path) -> list[str]:
    """What a failed build left in its output directory (it may create the empty directory)."""
    return sorted(p.name for p in out.iterdir()) if out.exists() else []


CASES: dict[str, tuple[str, str | bytes, str]] = {
    "empty": ("a.txt", "", "a.txt: empty article"),
    "whitespace": ("a.txt", " \n\t\n", "a.txt: empty article"),
    "png": ("photo.txt", PNG, "photo.txt: looks binary, not text"),
    "broken-line": (
        "c.jsonl",
        '{"text": "Japan and the United States met."}\n{broken\n{"text": "More."}\n',
        "c.jsonl:2: not valid JSON",
    ),
    "no-text": ("n.jsonl", '{"id": "a", "title": "x"}\n{"body": ""}\n', "no articles found in"),
    "bad-field": ("f.jsonl", '{"text": "x", "date": "soon"}\n', "f.jsonl:1: not a date: 'soon'"),
    "unknown-type": ("report.pdf", "%PDF-1.4", "unsupported file type '.pdf'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_in_one_line_and_writes_nothing(tmp_path: Path, case: str) -> None:
    name, content, message = CASES[case]
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    out = tmp_path / "out"
    warnings = 1 if case == "no-text" else 0  # "2 records without text skipped"
    line = one_error_line(kg("build", str(path), "--out", str(out)), warnings)
    assert message in line
    assert written(out) == []  # no store, no Turtle, no page


def test_missing_path_and_bad_date_fail_in_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert "no such file or directory" in one_error_line(kg("build", "nope.txt", "--out", str(out)))
    line = one_error_line(kg("build", "seeds", "--date", "yesterday", "--out", str(out)))
    assert "not a date: 'yesterday'" in line
    assert written(out) == []


def test_unusable_output_directory_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a directory should be\n")
    line = one_error_line(kg("build", "seeds", "--out", str(blocker)))
    assert "exists and is not a directory" in line
    line = one_error_line(kg("build", "seeds", "--out", str(blocker / "out")))
    assert "cannot create output directory" in line


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("")
    result = kg("build", str(path), "--out", str(tmp_path / "out"), "--debug")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_latin1_and_entity_free_articles_build_a_small_valid_graph(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "latin1.txt").write_bytes(
        "Caf\xe9 owners in Z\xfcrich met on Monday.\n".encode("latin-1")
    )
    (src / "quiet.txt").write_text("the weather was mild and nothing at all happened.\n")
    out = tmp_path / "out"
    result = kg("build", str(src), "--out", str(out), "--no-html")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1 and "latin1.txt: not valid UTF-8; decoded as Latin-1" in warnings[0]
    assert "built 2 articles" in result.stdout
    turtle = (out / "graph.ttl").read_bytes()
    graph = Graph().parse(data=turtle, format="turtle")
    bodies = {str(o) for o in graph.objects(None, SDO.articleBody)}
    assert "Café owners in Zürich met on Monday.\n" in bodies and len(bodies) == 2
    store = ox.Store()
    store.load(turtle, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 10


@pytest.mark.skipif(
    not BUILD_KEEPS_GOING,
    reason="build() takes keep_going with the lead's build.py rewrite (issue 6)",
)
def test_keep_going_builds_the_rest_and_says_what_it_skipped(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    records = [{"id": "a", "text": "Japan and the United States met in Washington."}]
    path.write_text(json.dumps(records[0]) + "\n{broken\n[1]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = kg("build", str(path), "--out", str(out), "--no-html", "--keep-going")
    assert result.returncode == 0, result.stderr
    assert "built 1 article" in result.stdout
    last = result.stderr.strip().splitlines()[-1]
    assert f"skipped 2 broken input(s): {path}:2: not valid JSON" in last
    assert f"{path}:3: expected a JSON object" in last
    Graph().parse(out / "graph.ttl")


# --- issue 11: inputs that hung or ended in "internal error" -------------------------------


def special_input(tmp_path: Path, case: str) -> tuple[Path, str]:
    """The input of one case and the start of the line that must report it."""
    if case == "fifo":
        path = tmp_path / "pipe.txt"
        os.mkfifo(path)
        return path, f"{path}: is a FIFO (named pipe), not a regular file"
    if case == "device":
        path = tmp_path / "zero.txt"
        path.symlink_to("/dev/zero")
        return path, f"{path}: is a character device, not a regular file"
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [
        f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 12)
    ]
    fronts = {
        "alias-bomb": ("\n".join(levels), ":3: front matter uses the YAML alias *a0"),
        "recursive-id": ("id: &a [*a]", ":2: front matter uses the YAML alias *a"),
        "deep-yaml": ("id: " + "[" * 5000 + "]" * 5000, ": front matter is nested too deeply"),
        "list-id": ("id: [a, b]", ": 'id' must be a string or a number, got a list"),
    }
    front, message = fronts[case]
    path = tmp_path / f"{case}.md"
    path.write_text(f"---\n{front}\n---\nJapan and Norway met.\n", encoding="utf-8")
    return path, f"{path}{message}"


@pytest.mark.parametrize(
    "case", ["fifo", "device", "alias-bomb", "recursive-id", "deep-yaml", "list-id"]
)
def test_special_inputs_fail_in_one_line_without_hanging(tmp_path: Path, case: str) -> None:
    if case == "fifo" and not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    if case == "device" and not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path, message = special_input(tmp_path, case)
    out = tmp_path / "out"
    line = one_error_line(kg("build", str(path), "--out", str(out)))  # kg() times out at 300 s
    assert line.startswith(f"kg: error: {message}"), line
    assert written(out) == []


def test_a_damaged_store_fails_in_one_line_saying_what_helps(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Japan and Norway met in Oslo on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert kg("build", str(path), "--out", str(out), "--no-html").returncode == 0
    for table in (out / "store").glob("*.sst"):
        data = bytearray(table.read_bytes())
        data[100:-100:97] = bytes(b ^ 0xFF for b in data[100:-100:97])
        table.write_bytes(bytes(data))
    line = one_error_line(kg("build", str(path), "--out", str(out), "--no-html"))
    assert line.startswith(f"kg: error: the graph store at '{out / 'store'}' is damaged (")
    assert "kg build --force --store NEW_DIR" in line and "kg export --store" in line
