"""--limit/--offset: pages of a listing, asked of the store, that join back to the whole."""

from __future__ import annotations

import csv
import io

import pytest

from kg.errors import QueryError
from kg.query import execute, resolve_query
from kg.query.paging import page


def _rows(store, sparql: str) -> list[list[str]]:
    text = execute(store, sparql, {}, "csv")
    return list(csv.reader(io.StringIO(text)))[1:]


def test_pages_of_an_ordered_listing_join_back_to_it(seed_build):
    out, _ = seed_build
    store = out / "store"
    officials = resolve_query("officials")
    whole = _rows(store, officials)
    assert len(whole) >= 6
    pages = [_rows(store, page(officials, 3, offset)) for offset in range(0, len(whole) + 3, 3)]
    assert all(len(p) == 3 for p in pages[: len(whole) // 3])
    assert [row for p in pages for row in p] == whole
    assert pages[-1] == [] or len(whole) % 3


def test_offset_alone_and_a_limit_of_zero(seed_build):
    out, _ = seed_build
    store = out / "store"
    officials = resolve_query("officials")
    whole = _rows(store, officials)
    assert _rows(store, page(officials, offset=2)) == whole[2:]
    assert _rows(store, page(officials, 0)) == []


@pytest.mark.parametrize(
    ("sparql", "limit", "offset", "message"),
    [
        ("ASK { ?s ?p ?o }", 1, None, "not ASK"),
        ("SELECT * { ?s ?p ?o } LIMIT 2", 5, None, "its own LIMIT"),
        ("SELECT * { ?s ?p ?o } OFFSET 2", 5, None, "its own LIMIT or OFFSET"),
        ("SELECT * { ?s ?p ?o } VALUES ?s { <http://a> }", 5, None, "VALUES"),
        ("SELECT * { ?s ?p ?o }", -1, None, "--limit must be 0 or more"),
        ("SELECT * { ?s ?p ?o }", None, -3, "--offset must be 0 or more"),
    ],
)
def test_what_cannot_be_paged_is_refused(sparql, limit, offset, message):
    with pytest.raises(QueryError, match=message):
        page(sparql, limit, offset)


def test_a_trailing_comment_does_not_swallow_the_page():
    paged = page("SELECT * { ?s ?p ?o } # the end", 4)
    assert paged.endswith("\nLIMIT 4\n")
    from kg.query.parse import parse

    assert parse(paged).form == "SELECT"


def test_without_either_the_text_is_unchanged():
    text = "SELECT * { ?s ?p ?o } LIMIT 2"
    assert page(text) is text


def test_kg_query_pages_from_the_command_line(seed_build):
    import subprocess
    import sys

    out, _ = seed_build
    store = str(out / "store")
    whole = _rows(out / "store", resolve_query("officials"))
    run = subprocess.run(
        [sys.executable, "-m", "kg", "query", "officials", "--store", store, "--format", "csv",
         "--limit", "2", "--offset", "1"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert list(csv.reader(io.StringIO(run.stdout)))[1:] == whole[1:3]
