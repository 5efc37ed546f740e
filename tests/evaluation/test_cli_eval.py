"""``kg eval news`` end to end on a tiny set written for the test, and what ``kg eval`` says
when its gold is not where it looks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import ROOT

ARTICLES = [
    {
        "id": "fish-talks",
        "title": "Fish talks end well",
        "date": "2025-04-11",
        "text": "Canada's Trade Minister Leo Varga met Norwegian Finance Minister Siri Dahl in "
        "Oslo on Thursday.\n"
        '"We have a fair deal for both countries," Varga told reporters after the talks.',
    },
    {
        "id": "home-again",
        "title": "Minister heads home",
        "date": "2025-04-14",
        "text": 'Leo Varga returned to Ottawa on Monday. "The deal is done," Varga said.',
    },
]


def official(name, government, key):
    return {
        "name": name,
        "role": "minister",
        "government": government,
        "class": "minister",
        "key": key,
    }


GOLD = {
    "fish-talks": {
        "split": "tune",
        "officials": [
            official("Leo Varga", "Canada", "leo-varga"),
            official("Siri Dahl", "Norway", "siri-dahl"),
        ],
        "meetings": [
            {
                "desc": "Varga-Dahl meeting",
                "participants": ["Varga", "Dahl"],
                "place": "Oslo",
                "date": "2025-04-10",
                "status": "held",
            }
        ],
        "policies": [],
        "quotes": [{"speaker": "Varga", "text": "a fair deal for both countries"}],
    },
    "home-again": {
        "split": "check",
        "officials": [],
        "meetings": [],
        "policies": [],
        "quotes": [{"speaker": "Varga", "text": "The deal is done"}],
    },
}


def kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", "eval", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def news_set(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny-news"
    folder.mkdir()
    lines = "\n".join(json.dumps(a) for a in ARTICLES)
    (folder / "articles.jsonl").write_text(lines + "\n", encoding="utf-8")
    (folder / "gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return folder


def test_eval_news_builds_the_whole_set_and_scores_one_split(news_set):
    result = kg("news", str(news_set), "--split", "tune", "--verbose")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "tiny-news [tune]: 1 articles scored (2 built)" in lines
    for fact in ("officials", "meetings", "policies", "quotes"):
        assert any(line.startswith(f"{fact:<10} ") for line in lines), fact
    # the plain cases of the article: both ministers with their governments, the meeting and
    # the quote under its speaker
    assert "gold 2/2 found" in next(line for line in lines if line.startswith("officials "))
    assert "gold 1/1 found" in next(line for line in lines if line.startswith("meetings "))
    assert "gold 1/1 found" in next(line for line in lines if line.startswith("quotes "))
    assert lines[-1].startswith("tiny-news [tune]: officials F1 ")


def test_eval_news_takes_the_gold_file_too(news_set):
    result = kg("news", str(news_set / "gold.json"), "--split", "check")
    assert result.returncode == 0, result.stderr
    assert "tiny-news [check]: 1 articles scored (2 built)" in result.stdout


@pytest.mark.parametrize(
    "dataset, default, form",
    [
        ("news", "../shared/eval/news2025", "kg eval news DIR"),
        ("dwie", "../shared/eval/dwie/dwie-dev.jsonl", "kg eval dwie FILE"),
    ],
)
def test_a_missing_default_is_one_line_naming_it_and_the_way_out(tmp_path, dataset, default, form):
    cwd = tmp_path / "elsewhere"  # ../shared does not exist from here
    cwd.mkdir()
    result = kg(dataset, cwd=cwd)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"kg: error: no {dataset} gold at the default path '{default}'")
    assert str((cwd / default).resolve()) in result.stderr
    assert result.stderr.rstrip().endswith(f"give its location: {form}")


def test_a_missing_given_path_is_named_as_given(tmp_path):
    result = kg("news", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert result.stderr == (
        f"kg: error: no news gold at path '{tmp_path / 'nowhere'}'; "
        "give its location: kg eval news DIR\n"
    )


def test_a_folder_without_the_gold_says_what_it_needs(tmp_path):
    result = kg("news", str(tmp_path))
    assert result.returncode == 1
    assert "no articles.jsonl in" in result.stderr and "gold.json" in result.stderr


def test_options_of_the_other_data_set_are_refused(news_set):
    result = kg("news", str(news_set), "--limit", "3")
    assert result.returncode == 1 and "--limit is for kg eval dwie" in result.stderr
    result = kg("dwie", str(news_set / "gold.json"), "--split", "tune")
    assert result.returncode == 1 and "--split is for kg eval news" in result.stderr
