"""The Python API (kg.api): the README's example runs as written; the API builds what kg
build builds; rows, DataFrames, rdflib, networkx and the inline page."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import api
from kg.errors import InputError, KGError, QueryError
from kg.rdf.store import DEFAULT, open_store
from tests.browser import CHROMIUM, CHROMIUM_ARGS, MISSING, route_offline
from tests.paths import ROOT, SEEDS


def readme_example() -> tuple[str, str]:
    """The Python block of the README's API section, and the output block after it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python: notebooks and scripts", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    output = re.search(r"```text\n(.*?)```", section, re.S)
    assert code and output, "no python example (and its output) in the README's API section"
    return code.group(1), output.group(1)


def test_the_readme_example_runs_as_written_and_prints_what_the_readme_shows(tmp_path):
    code, shown = readme_example()
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "example.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == shown
    assert (tmp_path / "talks.html").is_file() and (tmp_path / "notebook-store").is_dir()


def test_the_api_builds_what_kg_build_builds(seed_build, tmp_path):
    out, _report = seed_build
    graph = api.build(files=[SEEDS], store=tmp_path / "store")
    assert graph.report is not None and graph.report.articles == 1
    del graph
    cli = open_store(out / "store", read_only=True)
    mine = open_store(tmp_path / "store", read_only=True)

    def named(store: ox.Store) -> set[ox.Quad]:
        return {
            q for q in store.quads_for_pattern(None, None, None, None) if q.graph_name != DEFAULT
        }

    assert named(mine) == named(cli)


@pytest.fixture(scope="module")
def talks():
    return api.build(
        texts={
            "monday": "Japan's chief tariff negotiator Ryosei Akazawa met Treasury "
            "Secretary Scott Bessent in Washington on Monday."
        },
        date=dt.date(2025, 5, 26),
    )


def test_rows_are_python_values_and_bindings_narrow_them(talks):
    rows = talks.query("officials", government="Japan")
    assert [(r["name"], r["role"]) for r in rows] == [("Ryosei Akazawa", "chief tariff negotiator")]
    assert rows[0]["official"] == "https://example.org/kg/id/person/ryosei-akazawa"
    (meeting,) = {r["meeting"]: r for r in talks.query("meetings")}.values()
    assert meeting["date"] == dt.date(2025, 5, 26)  # xsd:date -> datetime.date
    with pytest.raises(QueryError, match="needs a value for day"):
        talks.query("policies_in_force")
    with pytest.raises(QueryError):
        talks.query("DELETE WHERE { ?s ?p ?o }")


def test_rdflib_dataset_and_networkx_graph(talks):
    dataset = talks.dataset()
    graphs = {str(g.identifier): g for g in dataset.graphs()}
    article = graphs["https://example.org/kg/graph/monday"]
    assert len(article) > 0 and len(graphs["urn:x-rdflib:default"]) == len(talks)
    assert sum(1 for g in graphs.values() if len(g)) == 4  # article, vocabulary, resolved, union
    network = talks.networkx()
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    assert {"Ryosei Akazawa", "Scott Bessent"} <= labels


def test_dataframe_needs_pandas_and_says_so(talks, monkeypatch):
    frame = talks.dataframe("officials")
    assert list(frame.columns) == ["article", "official", "name", "role", "government"]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(KGError, match=r"needs pandas: pip install 'kg\[notebook\]'"):
        talks.dataframe("officials")


def test_inputs_are_checked(tmp_path: Path):
    with pytest.raises(InputError, match="no articles given"):
        api.build()
    with pytest.raises(InputError, match="two articles have the id 'a'"):
        api.build(texts={"a": "One."}, records=[{"id": "a", "text": "Two."}])


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=MISSING)
def test_the_inline_page_draws_the_graph_in_a_notebook_frame(talks, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    host = tmp_path / "notebook.html"
    host.write_text(
        f"<!doctype html><html><body><h1>cell</h1>{talks.page()._repr_html_()}</body></html>",
        encoding="utf-8",
    )
    blocked: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", route_offline(blocked, allow=("file:", "about:")))
            page = context.new_page()
            page.goto(host.as_uri())
            frame = page.frame_locator("iframe")
            frame.locator("body[data-kg-stabilized]").wait_for(timeout=30000)
            inner = page.frames[1]
            labels = inner.evaluate("network.body.data.nodes.get().map(n => n.label)")
        finally:
            browser.close()
    assert blocked == []
    assert {"Ryosei Akazawa", "Scott Bessent"} <= set(labels)
