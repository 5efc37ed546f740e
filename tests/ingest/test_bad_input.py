"""Bad input (issue 6): each case gets the behaviour a user expects, at the loader level.

The command-line side (one line on stderr, exit code, nothing written) is in
test_cli_bad_input.py; the long-article parse is tested here on small pieces.
"""

from __future__ import annotations

import json
import logging
import re
import tracemalloc
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    check_inputs,
    iter_articles,
    looks_like_html,
    strip_html,
)

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def jsonl(path: Path, *lines: str | dict) -> Path:
    text = "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines) + "\n"
    return write(path, text)


# --- the pre-pass and --keep-going ---------------------------------------------------------


def test_check_inputs_counts_without_keeping_texts(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha.\n")
    jsonl(tmp_path / "b.jsonl", {"text": "Beta."}, {"text": "Gamma."})
    check = check_inputs([tmp_path])
    assert (check.articles, check.files, check.skipped) == (3, 2, ())


def test_check_inputs_names_the_broken_line_and_stops(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", {"text": "ok"}, "{broken", {"text": "ok2"})
    with pytest.raises(InputError, match=r"c\.jsonl:2: not valid JSON") as info:
        check_inputs([path])
    assert "\n" not in str(info.value)


def test_keep_going_skips_the_broken_line_and_reports_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = jsonl(
        tmp_path / "c.jsonl",
        {"id": "a", "text": "ok"},
        "{broken",
        "[1, 2]",
        {"id": "d", "text": 5},
        {"id": "e", "text": "fine", "date": "not a date"},
        {"id": "f", "text": "last"},
    )
    check = check_inputs([path], keep_going=True)
    assert check.articles == 2
    assert [s.split(": ")[0] for s in check.skipped] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "not valid JSON" in check.skipped[0] and "not a date" in check.skipped[3]
    skipped: list[str] = []
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        ids = [a.id for a in iter_articles([path], keep_going=True, skipped=skipped)]
    assert ids == ["a", "f"]
    assert tuple(skipped) == check.skipped  # the pre-pass and the build agree
    assert sum("skipped: " in r.getMessage() for r in caplog.records) == 4


def test_keep_going_skips_unusable_files_in_a_directory(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Alpha.\n")
    write(tmp_path / "b.txt", PNG)
    write(tmp_path / "c.txt", "  \n")
    write(tmp_path / "d.json", "{nope")
    write(tmp_path / "e.json", json.dumps([{"text": "E1"}, "oops", {"text": "E3"}]))
    with pytest.raises(InputError, match=r"b\.txt: looks binary"):
        check_inputs([tmp_path])
    check = check_inputs([tmp_path], keep_going=True)
    assert check.articles == 3
    assert [s.split(":")[0] for s in check.skipped] == [
        str(tmp_path / n) for n in ("b.txt", "c.txt", "d.json", "e.json")
    ]
    assert "record 2: expected a JSON object" in check.skipped[3]


def test_keep_going_skips_a_duplicate_id(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", {"id": "x", "text": "a"}, {"id": "x", "text": "b"})
    with pytest.raises(InputError, match="already used"):
        check_inputs([path])
    check = check_inputs([path], keep_going=True)
    assert check.articles == 1 and "article id 'x' is already used" in check.skipped[0]


def test_keep_going_does_not_hide_a_typo_in_the_command(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", "Alpha.\n")
    with pytest.raises(InputError, match="no such file"):
        check_inputs([good, tmp_path / "missing.txt"], keep_going=True)
    with pytest.raises(InputError, match=re.escape("unsupported file type '.pdf'")):
        check_inputs([good, write(tmp_path / "x.pdf", "%PDF")], keep_going=True)


def test_nothing_left_is_an_error_that_counts_the_skipped(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", "{broken", "also broken")
    with pytest.raises(InputError, match=r"no articles found in: .*c\.jsonl \(2 skipped"):
        check_inputs([path], keep_going=True)
    no_text = jsonl(tmp_path / "n.jsonl", {"id": "a", "title": "no text"}, {"body": "  "})
    with pytest.raises(InputError, match="no articles found"):
        check_inputs([no_text])


def test_second_pass_can_be_quiet(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = write(tmp_path / "l.txt", "Caf\xe9 owners met.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        check_inputs([path])
        assert len(caplog.records) == 1 and "Latin-1" in caplog.records[0].getMessage()
        (article,) = iter_articles([path], warn=False)
    assert len(caplog.records) == 1  # not repeated by the build's pass
    assert article.text == "Café owners met.\n"
    assert logging.getLogger("kg.ingest").level == logging.NOTSET  # restored


# --- encodings and odd bytes ---------------------------------------------------------------


def test_latin1_jsonl_line_is_decoded_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "l.jsonl", '{"text": "Z\xfcrich talks."}\n'.encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = iter_articles([path])
    assert article.text == "Zürich talks."
    assert any(
        "l.jsonl:1: not valid UTF-8; decoded as Latin-1" in r.getMessage() for r in caplog.records
    )


def test_lone_surrogates_become_replacement_characters(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", '{"text": "Bad \\ud800 char.", "title": "T\\udfff"}\n')
    (article,) = iter_articles([path])
    assert article.text == "Bad \ufffd char." and article.title == "T\ufffd"
    article.text.encode("utf-8")  # writable: the store and Turtle never see a surrogate


def test_deeply_nested_json_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path / "n.jsonl", "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError, match=r"n\.jsonl:1: "):
        check_inputs([path])


def test_control_characters_and_nul_in_a_record_are_kept(tmp_path: Path) -> None:
    path = jsonl(tmp_path / "c.jsonl", {"text": "A\u0000B\u001bC\u202eD"})
    (article,) = iter_articles([path])
    assert article.text == "A\x00B\x1bC\u202eD"  # data, not markup: kept for the offsets


# --- HTML instead of text -----------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Talks &amp; tariffs</title><style>p { color: red }</style>
<script>document.write("not news")</script></head>
<body><h1>Talks resume</h1><p>Japan&#39;s negotiator Ryosei Akazawa
   met Scott Bessent.</p><div>Talks went on.<br>More next week.</div></body></html>
"""


def test_html_page_in_a_txt_file_is_stripped_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "page.txt", PAGE)
    with caplog.at_level(logging.WARNING, logger="kg.ingest"):
        (article,) = iter_articles([path])
    assert article.title == "Talks & tariffs"
    assert article.text == (
        "Talks resume\n\nJapan's negotiator Ryosei Akazawa met Scott Bessent.\n\n"
        "Talks went on.\n\nMore next week.\n"
    )
    assert "<" not in article.text and "not news" not in article.text
    assert any("looks like HTML" in r.getMessage() for r in caplog.records)


def test_html_record_text_is_stripped_and_empty_html_has_no_text(tmp_path: Path) -> None:
    path = jsonl(
        tmp_path / "h.jsonl",
        {"id": "a", "text": "<p>One <b>bold</b> claim.</p><p>Two.</p><p>Three.</p>"},
        {"id": "b", "text": "<html><body><script>x()</script></body></html>"},
    )
    (article,) = iter_articles([path])
    assert article.text == "One bold claim.\n\nTwo.\n\nThree.\n"


def test_text_that_only_mentions_tags_is_not_html() -> None:
    assert not looks_like_html("Hackers used a <script> tag and <img onerror> in the attack.")
    assert not looks_like_html("A plain article.\n<p> appears once.")
    assert looks_like_html("  <!doctype HTML><p>x")
    assert strip_html("<p>a &lt;b&gt; &amp; c</p>") == ("a <b> & c\n", None)


# --- a 10 MB article -----------------------------------------------------------------------


def test_ten_megabyte_article_loads_in_bounded_memory(tmp_path: Path) -> None:
    paragraph = "Prime Minister Shigeru Ishiba met President Donald Trump in Washington.\n\n"
    path = write(tmp_path / "big.txt", paragraph * (10_000_000 // len(paragraph)))
    size = path.stat().st_size
    tracemalloc.start()
    try:
        (article,) = iter_articles([path])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(article.text) == size > 9_900_000
    assert peak < 4 * size  # the bytes and the text once each, not copies per line


def test_long_text_is_split_at_paragraphs_and_joins_back() -> None:
    from kg.nlp import split_text

    text = ("A sentence here. Another one.\n\n" * 50) + "x" * 500 + " tail"
    pieces = split_text(text, 200)
    assert "".join(pieces) == text
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:5])  # paragraph breaks first
    assert split_text("short", 200) == ["short"]


def test_long_article_is_parsed_in_pieces_with_article_offsets(nlp) -> None:
    from kg.extractors import extract_facts
    from kg.ingest import Article
    from kg.nlp import parse

    paragraph = (
        "Prime Minister Shigeru Ishiba met President Donald Trump in Washington on Thursday. "
        "Japan's chief tariff negotiator Ryosei Akazawa said the talks went well.\n\n"
    )
    text = paragraph * 12
    article = Article(id="long", text=text)
    ((doc, same),) = list(parse([article], chunk_chars=400))
    assert same is article and doc.text == text
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    assert len(persons) >= 24
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    facts = extract_facts(doc, article)
    assert facts
    for fact in facts:
        span = fact.evidence.sentence
        assert text[span.start : span.end] == span.text
    ((whole, _),) = list(parse([article]))  # the same article in one piece
    assert [e.text for e in whole.ents] == [e.text for e in doc.ents]


def test_long_articles_between_short_ones_keep_their_order(nlp) -> None:
    from kg.ingest import Article
    from kg.nlp import parse

    texts = ["Short one.", "Long paragraph here.\n\n" * 30, "Short two.", "Another long.\n\n" * 40]
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    out = list(parse(articles, chunk_chars=100))
    assert [a.id for _, a in out] == ["0", "1", "2", "3"]
    assert [d.text for d, _ in out] == texts
