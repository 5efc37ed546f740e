"""kg query --list: every packaged query with what it asks, its parameters and its columns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import kg
from kg.query import run_query
from kg.query.catalog import catalog
from kg.rdf.store import open_store

PACKAGED = Path(kg.__file__).parent / "query" / "queries"


def test_catalog_lists_every_packaged_query_with_its_parameters():
    infos = {info.name: info for info in catalog()}
    assert set(infos) >= {p.stem for p in PACKAGED.glob("*.rq")}
    assert infos["policies_in_force"].params == {"day": "YYYY-MM-DD"}
    assert infos["person_month"].params == {"name": '"Ryosei Akazawa"', "month": "YYYY-MM"}
    assert infos["officials"].params == {}
    assert infos["who_met_whom"].about == "Who met whom"


def test_catalog_columns_are_the_columns_a_query_returns(seed_build):
    out, _report = seed_build
    store = open_store(out / "store", read_only=True)
    for info in catalog():
        if info.params:
            continue
        header = run_query(store, info.path.read_text(encoding="utf-8"), {}, "csv").splitlines()[0]
        assert tuple(header.split(",")) == info.columns, info.name


def test_cli_query_list_from_another_folder(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "kg", "query", "--list"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    lines = done.stdout.splitlines()
    assert "officials: One row per official and role, with the government or country served" in (
        lines
    )
    at = lines.index("policies_in_force: Policies in force on a given day")
    assert lines[at + 1] == "  needs:   --bind day=YYYY-MM-DD"
    assert lines[at + 2].startswith("  columns: ?day ?article ?policy ?label")
