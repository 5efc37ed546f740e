"""YAML front matter that would hang or mislead the loader (issue 11, items 5, 6 and 9):
alias bombs, recursive aliases, deep nesting, oversized front matter, and lists or mappings
where a scalar belongs. Each is one InputError line naming the file; the property tests
run generated front matter through the loader."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.ingest.markdown as markdown
from kg.errors import InputError
from kg.ingest import iter_articles

PROPS = settings(max_examples=150, derandomize=True, database=None, deadline=None)
BODY = "Prime Minister Aiko Tanaka spoke in Oslo.\n"


def md(path: Path, front: str, body: str = BODY) -> Path:
    path.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    return path


def load(path: Path) -> list:
    return list(iter_articles([path]))


def alias_bomb(levels: int, width: int = 9) -> str:
    """The 'billion laughs': each level a list of ``width`` aliases of the level before."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * width) + "]")
    lines.append(f"id: *l{levels - 1}")
    return "\n".join(lines)


def test_an_alias_bomb_fails_at_once_naming_the_line(tmp_path: Path) -> None:
    path = md(tmp_path / "bomb.md", alias_bomb(12))  # 9**12 strings if it were expanded
    started = time.process_time()
    with pytest.raises(InputError) as info:
        load(path)
    assert time.process_time() - started < 5  # it hung forever before
    assert str(info.value) == (
        f"{path}:3: front matter uses the YAML alias *l0; aliases are not allowed, "
        "write the value out"
    )


@pytest.mark.parametrize(
    "front", ["id: &a [*a]", "id: &a {x: *a}", "base: &b {title: T}\n<<: *b", "a: &x 1\nid: *x"]
)
def test_every_alias_is_refused(tmp_path: Path, front: str) -> None:
    with pytest.raises(InputError, match=r"uses the YAML alias \*\w; aliases are not allowed"):
        load(md(tmp_path / "a.md", front))


def test_an_anchor_without_alias_is_harmless(tmp_path: Path) -> None:
    [article] = load(md(tmp_path / "a.md", "title: &t Talks in Oslo\nid: oslo-1"))
    assert (article.title, article.id) == ("Talks in Oslo", "oslo-1")


def test_deep_nesting_is_one_line_not_a_recursion_error(tmp_path: Path) -> None:
    for front in ("id: " + "[" * 5000 + "]" * 5000, "id: " + "{a: " * 3000 + "}" * 3000):
        path = md(tmp_path / "deep.md", front)
        with pytest.raises(InputError) as info:
            load(path)
        assert str(info.value).startswith(f"{path}: front matter is ")
        assert "\n" not in str(info.value)


def test_front_matter_over_the_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    size = markdown.MAX_FRONT_MATTER_BYTES
    path = md(tmp_path / "big.md", "title: " + "x" * size)
    with pytest.raises(InputError, match=f"over the {size:,}-byte limit"):
        load(path)
    [article] = load(md(tmp_path / "ok.md", "title: " + "x" * (size - 100)))
    assert len(article.title) == size - 100


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("id: [a, b]", "'id' must be a string or a number, got a list"),
        ("id: {a: 1}", "'id' must be a string or a number, got an object"),
        ("id: yes", "'id' must be a string or a number, got a boolean (True)"),
        ("title: [Talks, Oslo]", "'title' must be a string or a number, got a list"),
        ("source: {name: Daily}", "'source' must be a string or a number, got an object"),
        ("url: [https://a.example]", "'url' must be a string or a number, got a list"),
        ("date: [2025-05-29]", "'date' must be a date, got a list"),
        ("title: !!binary aGVsbG8=", "'title' must be a string or a number, got a value"),
    ],
)
def test_a_non_scalar_field_is_refused_naming_the_field(
    tmp_path: Path, front: str, message: str
) -> None:
    path = md(tmp_path / "a.md", front)
    with pytest.raises(InputError) as info:
        load(path)
    assert str(info.value).startswith(f"{path}: {message}")


def test_scalars_that_yaml_types_are_read_as_text(tmp_path: Path) -> None:
    [article] = load(md(tmp_path / "a.md", "id: 2025-05-29\ntitle: 42\nsource: 1.5\nurl: x"))
    assert (article.id, article.title, article.source) == ("2025-05-29", "42", "1.5")


def test_non_scalar_ids_in_json_records_are_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": ["a"], "text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"r\.jsonl:1: 'id' must be a string or a number"):
        load(path)


# --- property tests -----------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
FIELDS = ("id", "title", "date", "source", "url", "tags")
metadata = st.dictionaries(st.sampled_from(FIELDS), values, max_size=5)


def read_md(front: str) -> list | None:
    """The articles of a .md file with this front matter, or None after a clean InputError."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.md"
        path.write_text(f"---\n{front}\n---\n{BODY}", encoding="utf-8")
        logging.getLogger("kg.ingest").setLevel(logging.ERROR)
        try:
            return load(path)
        except InputError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(str(path))
            return None
        finally:
            logging.getLogger("kg.ingest").setLevel(logging.NOTSET)


def is_scalar(value: object) -> bool:
    return value is None or (
        isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool)
    )


@PROPS
@given(meta=metadata)
def test_any_front_matter_gives_an_article_with_text_fields_or_one_line(meta: dict) -> None:
    articles = read_md(yaml.safe_dump(meta, allow_unicode=True))
    if not all(is_scalar(meta.get(k)) for k in ("id", "title", "source", "url")):
        assert articles is None  # a list, mapping or boolean in a scalar field: refused
        return
    if articles is None:
        return  # e.g. a date field that is not a date
    [article] = articles
    for value in (article.id, article.title, article.source, article.url):
        assert value is None or isinstance(value, str)
    assert article.text == BODY


@PROPS
@given(meta=metadata, shared=st.lists(st.sampled_from(FIELDS), min_size=2, max_size=3, unique=True))
def test_front_matter_with_shared_values_is_refused(meta: dict, shared: list[str]) -> None:
    """yaml.dump writes a value used twice as an anchor and an alias: always refused."""
    value = ["shared", "list"]
    for key in shared:
        meta[key] = value
    front = yaml.dump(meta, allow_unicode=True)
    assert "*id001" in front
    assert read_md(front) is None


@PROPS
@given(levels=st.integers(2, 40), width=st.integers(2, 12))
def test_any_alias_bomb_fails_fast(levels: int, width: int) -> None:
    started = time.process_time()
    assert read_md(alias_bomb(levels, width)) is None
    assert time.process_time() - started < 2
