"""Tests for kg.ingest: loading .txt/.md/.json/.jsonl files into Article objects."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import shutil
from pathlib import Path

import pytest

from kg.errors import InputError, KGError
from kg.ingest import Article, iter_articles, load_article_file, parse_date
from tests.paths import SEEDS

SEED_TXT = SEEDS / "000_c6673815f6e7e950.txt"
SEED_TITLE = "Japan's chief tariff negotiator says U.S. defense purchases could help in talks"

BBC = "Harbour cafe doubles its winter trade\n\nProfits at a seaside cafe in Devon rose sharply.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def load(*inputs: str | Path, default_date: dt.date | None = None) -> list[Article]:
    return list(iter_articles(list(inputs), default_date=default_date))


# --- the seed article ----------------------------------------------------------------------


def test_articles_seed_file_loads_with_sidecar_metadata() -> None:
    [article] = load(SEED_TXT)
    assert article.id == "000_c6673815f6e7e950"
    assert article.published == dt.date(2025, 5, 29)
    assert article.source == "Kyodo / Times Union"
    assert article.title == SEED_TITLE  # from the sidecar, not detected
    assert article.url is None
    assert article.path == str(SEED_TXT)
    assert article.text == SEED_TXT.read_text(encoding="utf-8")
    assert article.text.startswith("\nTOKYO : Japan’s chief tariff negotiator")


def test_articles_seed_first_line_is_body_not_title(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    shutil.copy(SEED_TXT, copy)  # no sidecar beside the copy
    [article] = load(copy)
    assert article.title is None
    assert article.published is None
    assert article.id == "seed"
    assert article.text == SEED_TXT.read_text(encoding="utf-8")


def test_articles_seed_directory_skips_meta_json() -> None:
    articles = load(SEEDS)
    assert [a.id for a in articles] == ["000_c6673815f6e7e950"]


# --- .txt ----------------------------------------------------------------------------------


def test_articles_bbc_title_and_blank_line(tmp_path: Path) -> None:
    [article] = load(write(tmp_path / "business" / "001.txt", BBC))
    assert article.title == "Harbour cafe doubles its winter trade"
    assert article.text == "Profits at a seaside cafe in Devon rose sharply.\n"
    assert article.id == "001"


def test_articles_bbc_title_with_crlf_keeps_body_bytes(tmp_path: Path) -> None:
    body = "First paragraph.\r\n\r\nSecond paragraph.\r\n"
    [article] = load(write(tmp_path / "a.txt", "Headline here\r\n\r\n" + body))
    assert article.title == "Headline here"
    assert article.text == body


@pytest.mark.parametrize(
    "first_line",
    [
        "This is a sentence.",
        "Is this a question?",
        "He said:",
        "Wow!",
        "“We will not back down”",
        "He said it was 'fine'",
        "x" * 151,
    ],
)
def test_articles_first_line_that_is_not_a_title(tmp_path: Path, first_line: str) -> None:
    content = first_line + "\n\nBody text follows here.\n"
    [article] = load(write(tmp_path / "a.txt", content))
    assert article.title is None
    assert article.text == content


def test_articles_short_first_line_without_blank_line_is_body(tmp_path: Path) -> None:
    content = "Short line\nmore body on the next line\n"
    [article] = load(write(tmp_path / "a.txt", content))
    assert article.title is None
    assert article.text == content


def test_articles_title_of_150_chars_is_accepted(tmp_path: Path) -> None:
    title = "T" * 150
    [article] = load(write(tmp_path / "a.txt", f"{title}\n\nBody.\n"))
    assert article.title == title
    assert article.text == "Body.\n"


def test_articles_title_only_file_keeps_content_as_text(tmp_path: Path) -> None:
    content = "Just a headline\n\n"
    [article] = load(write(tmp_path / "a.txt", content))
    assert article.title is None
    assert article.text == content


def test_articles_utf8_bom_is_dropped(tmp_path: Path) -> None:
    [article] = load(write(tmp_path / "a.txt", b"\xef\xbb\xbfBody with BOM. Caf\xc3\xa9.\n"))
    assert article.text == "Body with BOM. Café.\n"


def test_articles_latin1_file_decoded_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "latin.txt", "Le café était fermé à Zürich.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        [article] = load(path)
    assert article.text == "Le café était fermé à Zürich.\n"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "Latin-1" in warnings[0].getMessage()
    assert str(path) in warnings[0].getMessage()


def test_articles_sidecar_overrides_detected_title(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", BBC)
    meta = {"id": "my id/1", "title": "Sidecar title", "date": "2024-01-02", "url": "http://e/1"}
    write(tmp_path / "x.meta.json", json.dumps(meta))
    [article] = load(path)
    assert article.title == "Sidecar title"
    assert article.text == "Profits at a seaside cafe in Devon rose sharply.\n"
    assert article.id == "my-id-1"
    assert article.published == dt.date(2024, 1, 2)
    assert article.url == "http://e/1"
    assert article.source is None


def test_articles_sidecar_bad_date_names_sidecar_and_value(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "Body.\n")
    write(tmp_path / "x.meta.json", json.dumps({"date": "last Tuesday"}))
    with pytest.raises(InputError, match=r"x\.meta\.json.*'last Tuesday'"):
        load(path)


def test_articles_sidecar_broken_json(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "Body.\n")
    write(tmp_path / "x.meta.json", "{not json")
    with pytest.raises(InputError, match=r"x\.meta\.json:1: not valid JSON"):
        load(path)


# --- .md -----------------------------------------------------------------------------------


def test_articles_md_front_matter(tmp_path: Path) -> None:
    content = (
        "---\n"
        "title: Summit ends\n"
        "date: 2025-06-01\n"
        "source: Example News\n"
        "url: https://example.org/a\n"
        "id: summit\n"
        "---\n"
        "Leaders met in Rome.\n"
    )
    [article] = load(write(tmp_path / "post.md", content))
    assert article.title == "Summit ends"
    assert article.published == dt.date(2025, 6, 1)
    assert article.source == "Example News"
    assert article.url == "https://example.org/a"
    assert article.id == "summit"
    assert article.text == "Leaders met in Rome.\n"


def test_articles_md_front_matter_datetime_and_string_dates(tmp_path: Path) -> None:
    a = write(tmp_path / "a.md", "---\ndate: 2025-06-01 10:30:00\n---\nBody A.\n")
    b = write(tmp_path / "b.md", "---\ndate: '2025-06-02'\n---\nBody B.\n")
    assert [x.published for x in load(a, b)] == [dt.date(2025, 6, 1), dt.date(2025, 6, 2)]


def test_articles_explicit_meta_json_is_not_an_article(tmp_path: Path) -> None:
    write(tmp_path / "x.txt", "Body.\n")
    sidecar = write(tmp_path / "x.meta.json", json.dumps({"id": "x", "text": "not a body"}))
    assert load(sidecar) == []


def test_articles_md_without_front_matter(tmp_path: Path) -> None:
    content = "# Heading\n\nSome text.\n"
    [article] = load(write(tmp_path / "plain.md", content))
    assert article.text == content
    assert article.title is None
    assert article.id == "plain"


def test_articles_md_unclosed_front_matter(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="never closed"):
        load(write(tmp_path / "a.md", "---\ntitle: x\nBody\n"))


def test_articles_md_empty_body(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty article"):
        load(write(tmp_path / "a.md", "---\ntitle: x\n---\n  \n"))


# --- .json and .jsonl ----------------------------------------------------------------------


def test_articles_json_object(tmp_path: Path) -> None:
    record = {
        "id": "r1",
        "title": "T",
        "date": "2025-05-29T10:00:00",
        "body": "Body text.",
        "source": "Wire",
        "url": "u",
    }
    [article] = load(write(tmp_path / "one.json", json.dumps(record)))
    assert article == Article(
        id="r1",
        text="Body text.",
        title="T",
        published=dt.date(2025, 5, 29),
        source="Wire",
        url="u",
        path=str(tmp_path / "one.json"),
    )


def test_articles_json_object_without_id_uses_stem(tmp_path: Path) -> None:
    [article] = load(write(tmp_path / "single.json", json.dumps({"text": "Hello."})))
    assert article.id == "single"


def test_articles_json_list(tmp_path: Path) -> None:
    records = [
        {"newid": 17, "text": "First.", "date_iso": "1987-02-26 15:01:01"},
        {"text": "Second.", "published": "2025-05-29T10:00:00+09:00"},
        {"text": ""},
    ]
    articles = load(write(tmp_path / "many.json", json.dumps(records)))
    assert [(a.id, a.text, a.published) for a in articles] == [
        ("17", "First.", dt.date(1987, 2, 26)),
        ("many-2", "Second.", dt.date(2025, 5, 29)),
    ]


def test_articles_json_list_of_non_objects(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"record 2: expected a JSON object, got a string"):
        load(write(tmp_path / "bad.json", json.dumps([{"text": "ok"}, "oops"])))


def test_articles_json_broken(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"bad\.json:2: not valid JSON"):
        load(write(tmp_path / "bad.json", '{"text":\n oops}'))


def test_articles_json_bad_date_names_file_and_value(tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", json.dumps({"text": "x", "date": "the 26th of never"}))
    with pytest.raises(InputError, match=r"d\.json.*not a date: 'the 26th of never'"):
        load(path)


def test_articles_jsonl_records_skips_empty_and_blank_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Alpha."}),
        "",
        json.dumps({"doc_id": "b c", "body": "Beta.", "date": "2025-01-02"}),
        json.dumps({"id": "empty", "title": "No text here"}),
        "   ",
        json.dumps({"text": "Gamma.", "title": "G"}),
    ]
    path = write(tmp_path / "corpus.jsonl", "\n".join(lines) + "\n")
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        articles = load(path)
    assert [(a.id, a.text, a.title, a.published) for a in articles] == [
        ("a", "Alpha.", None, None),
        ("b-c", "Beta.", None, dt.date(2025, 1, 2)),
        ("corpus-6", "Gamma.", "G", None),
    ]
    messages = [r.getMessage() for r in caplog.records]
    assert any("corpus.jsonl" in m and "1 records without text" in m for m in messages)


def test_articles_jsonl_broken_line_names_line_number(tmp_path: Path) -> None:
    content = json.dumps({"text": "ok"}) + "\n" + json.dumps({"text": "ok2"}) + "\n{broken\n"
    path = write(tmp_path / "c.jsonl", content)
    seen: list[str] = []
    with pytest.raises(InputError, match=r"c\.jsonl:3: not valid JSON"):
        for article in iter_articles([path]):
            seen.append(article.text)
    assert seen == ["ok", "ok2"]  # streamed: earlier records came out before the error


def test_articles_jsonl_is_streamed_lazily(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", json.dumps({"text": "first"}) + "\n{broken\n")
    articles = iter_articles([path])
    assert next(articles).text == "first"
    with pytest.raises(InputError, match=":2:"):
        next(articles)


def test_articles_jsonl_non_object_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"c\.jsonl:1: expected a JSON object, got a list"):
        load(write(tmp_path / "c.jsonl", "[1, 2]\n"))


def test_articles_jsonl_non_string_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"c\.jsonl:1: 'text' must be a string"):
        load(write(tmp_path / "c.jsonl", '{"text": 5}\n'))


# --- directories ---------------------------------------------------------------------------


def test_articles_directory_walk_order_and_skips(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B body.\n")
    write(tmp_path / "a.md", "A body.\n")
    write(tmp_path / "a.meta.json", json.dumps({"title": "ignored for .md"}))
    write(tmp_path / "b.meta.json", json.dumps({"title": "B title", "date": "2025-01-01"}))
    write(tmp_path / "orphan.meta.json", json.dumps({"id": "not-an-article", "text": "x"}))
    write(tmp_path / "sub" / "c.jsonl", json.dumps({"id": "c1", "text": "C1."}) + "\n")
    write(tmp_path / "sub" / "deeper" / "d.json", json.dumps({"id": "d", "text": "D."}))
    write(tmp_path / "z.txt", "Z body.\n")
    write(tmp_path / ".hidden.txt", "hidden\n")
    write(tmp_path / ".git" / "e.txt", "in a hidden dir\n")
    write(tmp_path / "notes.csv", "a,b\n")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    articles = load(tmp_path)
    base = tmp_path.name  # files without an id of their own are named by their path
    assert [a.id for a in articles] == [f"{base}-a", f"{base}-b", "c1", "d", f"{base}-z"]
    assert articles[1].title == "B title"  # the sidecar was read as metadata for b.txt
    assert articles[1].published == dt.date(2025, 1, 1)
    assert articles[0].title is None  # sidecars belong to .txt files only
    assert [a.path for a in articles][2:4] == [
        str(tmp_path / "sub" / "c.jsonl"),
        str(tmp_path / "sub" / "deeper" / "d.json"),
    ]


def test_articles_directory_and_files_in_given_order(tmp_path: Path) -> None:
    one = write(tmp_path / "d" / "one.txt", "One.\n")
    two = write(tmp_path / "two.txt", "Two.\n")
    assert [a.id for a in load(two, str(one.parent))] == ["two", "d-one"]


def test_articles_duplicate_id_is_an_error(tmp_path: Path) -> None:
    # the second article would silently replace the first in the store
    path = write(tmp_path / "dup.jsonl", '{"id": "x", "text": "a"}\n{"id": "x", "text": "b"}\n')
    with pytest.raises(InputError, match="article id 'x' is already used"):
        load(path)
    one = write(tmp_path / "d1" / "001.txt", "One.\n")
    two = write(tmp_path / "d2" / "001.txt", "Two.\n")
    with pytest.raises(InputError, match="'001' is already used"):
        load(str(one), str(two))
    assert [a.id for a in load(str(one.parent), str(two.parent))] == ["d1-001", "d2-001"]


def test_articles_utf16_and_bad_front_matter_date(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes("President Joe Biden spoke.\n".encode("utf-16"))
    assert load(path)[0].text == "President Joe Biden spoke.\n"
    md = write(tmp_path / "bad.md", "---\ndate: 2025-13-01\n---\nBody.\n")
    with pytest.raises(InputError, match="not valid YAML") as info:
        load(md)
    assert "\n" not in str(info.value)


# --- errors --------------------------------------------------------------------------------


def test_articles_empty_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError) as info:
        load(path)
    assert str(info.value) == f"{path}: empty article"


def test_articles_whitespace_only_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", " \n\t\n\n")
    with pytest.raises(InputError, match="empty article"):
        load(path)


def test_articles_binary_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match=r"photo\.txt: looks binary, not text"):
        load(path)


def test_articles_binary_jsonl_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="looks binary"):
        load(write(tmp_path / "x.jsonl", b'{"text": "a"}\n\x00\x01\x02'))


def test_articles_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError) as info:
        load(missing)
    assert str(info.value) == f"no such file or directory: '{missing}'"
    assert isinstance(info.value, KGError)


def test_articles_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", "whatever")
    with pytest.raises(InputError) as info:
        load(path)
    message = str(info.value)
    assert "'.pdf'" in message
    assert ".txt, .md, .json, .jsonl" in message


def test_articles_bad_inputs_fail_before_any_article(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Body.\n")
    articles = iter_articles([good, tmp_path / "later.txt"])
    with pytest.raises(InputError, match="no such file"):
        next(articles)
    articles = iter_articles([good, write(tmp_path / "x.docx", "x")])
    with pytest.raises(InputError, match=re.escape("'.docx'")):
        next(articles)


def test_articles_load_article_file_rejects_unknown_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "README", "whatever")
    with pytest.raises(
        InputError, match=r"no suffix.*expected one of \.txt, \.md, \.json, \.jsonl"
    ):
        list(load_article_file(path))


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-29", dt.date(2025, 5, 29)),
        ("2025-05-29T10:00:00", dt.date(2025, 5, 29)),
        ("1987-02-26 15:01:01", dt.date(1987, 2, 26)),
        ("1987-02-26 15:01:01.79", dt.date(1987, 2, 26)),
        ("2025-05-29T23:30:00+09:00", dt.date(2025, 5, 29)),
        ("2025-05-29T10:00:00Z", dt.date(2025, 5, 29)),
        ("2025-05-29T10:00", dt.date(2025, 5, 29)),
        (" 2025-05-29 ", dt.date(2025, 5, 29)),
    ],
)
def test_articles_parse_date_good(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value", ["xyz", "", "2025-13-01", "2025-02-30", "29/05/2025", "2025-5-29"]
)
def test_articles_parse_date_bad(value: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(value)
    message = str(info.value)
    assert message.startswith(f"not a date: {value!r}")


def test_articles_parse_date_message_says_what_is_expected() -> None:
    with pytest.raises(InputError, match=r"not a date: 'xyz'; expected YYYY-MM-DD"):
        parse_date("xyz")


def test_articles_default_date_used_only_when_missing(tmp_path: Path) -> None:
    default = dt.date(2000, 1, 1)
    dated = write(tmp_path / "a.jsonl", json.dumps({"id": "d", "text": "x", "date": "2025-05-29"}))
    undated = write(tmp_path / "b.txt", "Undated body.\n")
    articles = load(dated, undated, default_date=default)
    assert [(a.id, a.published) for a in articles] == [
        ("d", dt.date(2025, 5, 29)),
        ("b", default),
    ]
    [seed] = load(SEED_TXT, default_date=default)
    assert seed.published == dt.date(2025, 5, 29)


# --- ids and hashes ------------------------------------------------------------------------


def test_articles_ids_are_sanitised(tmp_path: Path) -> None:
    records = [
        {"id": "a b/c:d?é", "text": "x"},
        {"id": "ok_id-1.2", "text": "y"},
        {"id": "", "text": "z"},
    ]
    articles = load(write(tmp_path / "ids.json", json.dumps(records)))
    assert [a.id for a in articles] == ["a-b-c-d--", "ok_id-1.2", "ids-3"]


def test_articles_file_stem_id_is_sanitised(tmp_path: Path) -> None:
    [article] = load(write(tmp_path / "my story (1).txt", "Body.\n"))
    assert article.id == "my-story--1-"


def test_articles_content_hash_stable_and_sensitive() -> None:
    base = Article(id="a", text="Some text.", title="T", published=dt.date(2025, 5, 29))
    same = Article(id="a", text="Some text.", title="T", published=dt.date(2025, 5, 29))
    assert base.content_hash == same.content_hash
    assert len(base.content_hash) == 64
    int(base.content_hash, 16)
    # the file's path reaches the graph (kg:sourceFile), so a moved file is a changed article
    moved = Article(
        id="a", text="Some text.", title="T", published=dt.date(2025, 5, 29), path="elsewhere.txt"
    )
    assert moved.content_hash != base.content_hash
    changed = [
        Article(id="a", text="Some text!", title="T", published=dt.date(2025, 5, 29)),
        Article(id="b", text="Some text.", title="T", published=dt.date(2025, 5, 29)),
        Article(id="a", text="Some text.", title="U", published=dt.date(2025, 5, 29)),
        Article(id="a", text="Some text.", title=None, published=dt.date(2025, 5, 29)),
        Article(id="a", text="Some text.", title="T", published=dt.date(2025, 5, 30)),
        Article(id="a", text="Some text.", title="T", published=None),
    ]
    hashes = {a.content_hash for a in changed}
    assert base.content_hash not in hashes
    assert len(hashes) == len(changed)


def test_articles_content_hash_of_reloaded_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Body one.\n")
    first = load(path)[0].content_hash
    assert load(path)[0].content_hash == first
    write(path, "Body two.\n")
    assert load(path)[0].content_hash != first


def test_articles_same_file_names_in_two_directories_stay_distinct(tmp_path: Path) -> None:
    for section in ("politics", "business"):
        (tmp_path / section).mkdir()
        (tmp_path / section / "001.txt").write_text(f"A {section} story.\n", encoding="utf-8")
    ids = [a.id for a in iter_articles([tmp_path / "politics", tmp_path / "business"])]
    assert ids == ["politics-001", "business-001"]
    ids = [a.id for a in iter_articles([tmp_path])]
    assert ids == [f"{tmp_path.name}-business-001", f"{tmp_path.name}-politics-001"]


def test_articles_wire_dates_and_iso_field_first(tmp_path: Path) -> None:
    lines = [
        json.dumps({"newid": 1, "body": "A.", "date": "26-FEB-1987 15:01:01.79"}),
        json.dumps({"newid": 2, "body": "B.", "date": "junk", "date_iso": "1987-02-27T10:00:00"}),
        json.dumps({"id": "c", "text": "C.", "date": "Thu, 29 May 2025 09:00:00 +0900"}),
        # a garbled time after a good date, as in one Reuters-21578 record
        json.dumps({"newid": 4, "body": "D.", "date": "31-MAR-1987 605:12:19.12"}),
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")
    assert [a.published for a in load(path)] == [
        dt.date(1987, 2, 26),
        dt.date(1987, 2, 27),
        dt.date(2025, 5, 29),
        dt.date(1987, 3, 31),
    ]
