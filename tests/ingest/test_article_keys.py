"""Article ids that name one graph (issue 11, item 3): the store files an article under
``slug(id)``, so ids differing only in case or punctuation must not both get in."""

from __future__ import annotations

import json
import logging
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import Article, check_inputs, iter_articles
from kg.keys import slug
from kg.rdf.iris import article_iri, graph_iri

PROPS = settings(max_examples=100, derandomize=True, database=None, deadline=None)


def jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# A family of ids that all slug alike: one stem, spelt with other cases and separators, and
# with separators at either end ("story-1", "Story.1", "STORY_1/", "-story--1-", ...).
stems = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=6), min_size=1, max_size=3
)
separators = st.text("-._/ ", min_size=1, max_size=3)


@st.composite
def colliding_ids(draw: st.DrawFn) -> list[str]:
    words = draw(stems)
    spellings = []
    for _ in range(draw(st.integers(2, 5))):
        cased = [w.upper() if draw(st.booleans()) else w for w in words]
        inner = [draw(separators) for _ in cased[1:]]
        text = cased[0] + "".join(s + w for s, w in zip(inner, cased[1:], strict=True))
        spellings.append(
            draw(st.sampled_from(["", "-", "_", "/"]))
            + text
            + draw(st.sampled_from(["", "-", ".", "/", "__"]))
        )
    return spellings


@PROPS
@given(ids=colliding_ids())
def test_colliding_ids_are_refused_naming_both_inputs(ids: list[str]) -> None:
    records = [{"id": i, "text": f"Article number {n}."} for n, i in enumerate(ids)]
    with tempfile.TemporaryDirectory() as tmp:
        path = jsonl(Path(tmp) / "c.jsonl", records)
        with pytest.raises(InputError) as info:
            list(iter_articles([path]))
        message = str(info.value)
        assert "\n" not in message
        assert message.startswith(f"{path}:2: ")  # the second record is the one refused
        assert f"{path}:1" in message  # and the first is named as what it collides with
        # with --keep-going the first stays, every later spelling is listed as skipped
        logging.getLogger("kg.ingest").setLevel(logging.ERROR)
        try:
            check = check_inputs([path], keep_going=True)
            kept = list(iter_articles([path], keep_going=True, warn=False))
        finally:
            logging.getLogger("kg.ingest").setLevel(logging.NOTSET)
    assert check.articles == 1 and len(check.skipped) == len(ids) - 1
    assert [a.text for a in kept] == ["Article number 0."]


@PROPS
@given(ids=colliding_ids())
def test_colliding_ids_really_name_one_graph(ids: list[str]) -> None:
    """The premise of the check: these ids, once cleaned, share a key and a graph."""
    cleaned = iter_articles_ids(ids)
    assert len({a.key for a in cleaned}) == 1
    assert len({graph_iri(a.id) for a in cleaned}) == 1
    assert len({article_iri(a.id) for a in cleaned}) == 1
    assert graph_iri(cleaned[0].id).endswith("/" + slug(cleaned[0].id))


def iter_articles_ids(ids: list[str]) -> list[Article]:
    """Each id loaded on its own, as a loader cleans it."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, i in enumerate(ids):
            path = jsonl(Path(tmp) / f"{n}.jsonl", [{"id": i, "text": "x"}])
            out += list(iter_articles([path]))
    return out


def test_ids_that_differ_in_their_key_all_load(tmp_path: Path) -> None:
    ids = ["story-1", "story-12", "story-1-2", "stor-y1", "1-story"]
    path = jsonl(tmp_path / "ok.jsonl", [{"id": i, "text": "x"} for i in ids])
    assert [a.id for a in iter_articles([path])] == ids


def test_collision_across_files_names_both_files(tmp_path: Path) -> None:
    first = tmp_path / "a" / "Report.txt"
    second = tmp_path / "b.jsonl"
    first.parent.mkdir()
    first.write_text("One.\n", encoding="utf-8")
    jsonl(second, [{"id": "REPORT", "text": "Two."}])
    with pytest.raises(InputError) as info:
        check_inputs([first, second])
    message = str(info.value)
    assert message.startswith(f"{second}:1: article id 'REPORT' names the same graph as 'Report'")
    assert str(first) in message and "'report'" in message
