"""The command line, run as a user runs it: real processes, real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.paths import ROOT

OX_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "out"
    result = kg("build", "seeds", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out, result


def test_cli_build_writes_turtle_html_and_store(built):
    out, result = built
    assert "built 1 article" in result.stdout
    assert (out / "graph.ttl").stat().st_size > 1000
    assert (out / "graph.html").stat().st_size > 1000
    assert (out / "store").is_dir()
    Graph().parse(out / "graph.ttl")  # valid Turtle


def test_cli_rebuild_replaces_instead_of_duplicating(built):
    out, _ = built
    before = Graph().parse(out / "graph.ttl")
    again = kg("build", "seeds", "--out", str(out))
    assert again.returncode == 0, again.stderr
    after = Graph().parse(out / "graph.ttl")
    assert len(before) == len(after) and isomorphic(before, after)


def test_cli_query_formats(built):
    out, _ = built
    table = kg("query", "officials", "--store", str(out / "store"))
    assert table.returncode == 0 and "Shigeru Ishiba" in table.stdout
    csv_out = kg("query", "queries/meetings.rq", "--format", "csv", "--store", str(out / "store"))
    assert csv_out.stdout.splitlines()[0] == "article,meeting,label,participant,place,date,status"
    inline = kg(
        "query",
        "PREFIX schema: <https://schema.org/> "
        "SELECT (COUNT(?p) AS ?n) WHERE { ?p a schema:Person }",
        "--format",
        "tsv",
        "--store",
        str(out / "store"),
    )
    assert inline.stdout.splitlines() == ["?n", "4"]


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "nquads", "jsonld"])
def test_cli_export_formats_reparse(built, tmp_path, fmt):
    out, _ = built
    target = tmp_path / f"graph.{fmt}"
    result = kg("export", "--format", fmt, "--out", str(target), "--store", str(out / "store"))
    assert result.returncode == 0, result.stderr
    rdflib_format = {
        "turtle": "turtle",
        "trig": "trig",
        "nt": "nt",
        "nquads": "nquads",
        "jsonld": "json-ld",
    }[fmt]
    if fmt in ("trig", "nquads", "jsonld"):
        store = ox.Store()
        store.load(path=str(target), format=OX_FORMATS[fmt])
        graphs = {g.value for g in store.named_graphs()}
        # the article's named graph is kept, beside the vocabulary's and resolution's graphs
        assert graphs == {
            "https://example.org/kg/graph/000-c6673815f6e7e950",
            "https://example.org/kg/graph/ontology",
            "https://example.org/kg/graph/resolved",
        }
        assert len(store) > 300
    else:
        assert len(Graph().parse(target, format=rdflib_format)) > 300


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "no/such/file.txt"], "no such file or directory"),
        (["build", "seeds", "--date", "29/05/2025"], "not a date"),
        (["build", "pyproject.toml"], "'.toml'"),
        (["export", "--format", "ttl2", "--store", "seeds"], "unknown format 'ttl2'"),
        (["query", "officials", "--store", "/nonexistent/store"], "no graph store"),
        (["query", "nope"], "no query named 'nope'"),
        (["query", "officials", "--bind", "oops"], "bad --bind"),
    ],
)
def test_cli_errors_are_one_line_without_traceback(args, message):
    result = kg(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error:"), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_build_of_an_empty_file_fails_cleanly(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    result = kg("build", str(empty), "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "empty" in result.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
