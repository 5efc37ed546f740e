"""The DWIE scorer: name matching, pair counting and role classes, on hand-made records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluation.dwie import (
    Concept,
    Prediction,
    Score,
    load_dwie,
    match_government,
    match_person,
    score_article,
)
from tests.paths import ROOT

# Two made-up articles in the DWIE layout (not taken from the data set).
RECORDS = [
    {
        "id": "T1",
        "text": "Talks in Vienna\nGerman Chancellor Anna Berg met Rivian President Tom Hale. "
        "Berg said the talks went well, Finance Minister Jo Pratt added.",
        "entities": {
            "0": {
                "link": "Germany",
                "names": ["Germany"],
                "types": ["gpe"],
                "adjectives": ["German"],
            },
            "1": {"link": "Anna_Berg", "names": ["Anna Berg", "Berg"], "types": ["person"]},
            "2": {"link": "Tom_Hale", "names": ["Tom Hale"], "types": ["person", "politician"]},
            "3": {"link": "United_States", "names": ["US"], "types": ["gpe"]},
            "4": {"link": "Jo_Pratt", "names": ["Jo Pratt"], "types": ["person"]},
        },
        "officials": [
            [1, 0, "head_of_gov"],
            [1, 0, "agent_of"],
            [2, 3, "head_of_state"],
            [2, 3, "agent_of"],
            [4, 0, "minister_of"],
        ],
        "meetings": [],
    },
    {
        "id": "T2",
        "text": "Nothing official\nA quiet day.",
        "entities": {},
        "officials": [],
        "meetings": [],
    },
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


def test_load_dwie_reads_pairs_and_specific_classes(gold_file):
    first, second = load_dwie(gold_file)
    assert first.id == "T1" and second.pairs == {}
    # "agent_of" beside a specific relation: the specific one is the class
    assert first.pairs[("1", "0")] == frozenset({"head_of_government"})
    assert first.pairs[("2", "3")] == frozenset({"head_of_state"})
    assert first.pairs[("4", "0")] == frozenset({"minister"})


def test_load_dwie_rejects_records_without_entities(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "t"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a DWIE record"):
        load_dwie(path)
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no articles"):
        load_dwie(tmp_path / "empty.jsonl")


def test_match_person_by_name_then_surname():
    people = [Concept("1", ("Anna Berg", "Berg")), Concept("2", ("Tom Hale",))]
    assert match_person("Berg", people) == "1"
    assert match_person("Thomas Hale", people) == "2"  # same surname as the longest name
    assert match_person("Anna Hall", people) is None
    # the data set's re-joined tokens: "Jean - Claude" is "Jean-Claude"
    assert match_person("Jean - Claude Roy", [Concept("5", ("Jean-Claude Roy",))]) == "5"
    assert match_person("Claude Roy", [Concept("5", ("Jean-Claude Roy",))]) == "5"
    assert match_person("Claude", [Concept("5", ("Jean-Claude Roy",))]) is None


def test_match_government_by_name_adjective_link_and_alias():
    concepts = [
        Concept("0", ("Germany",), "Germany", ("German",)),
        Concept("3", ("US",), "United_States"),
    ]
    assert match_government("Germany", concepts) == "0"
    assert match_government("German", concepts) == "0"
    assert match_government("United States", concepts) == "3"  # the link
    assert match_government("Washington", concepts) == "3"  # gazetteer alias of the US
    assert match_government("France", concepts) is None


def test_score_counts_pairs_once_and_judges_the_senior_class(gold_file):
    article = load_dwie(gold_file)[0]
    predictions = [
        Prediction("Anna Berg", "Germany", "Chancellor", "head_of_government"),
        Prediction("Berg", "Germany", "chancellor", "head_of_government"),  # same pair again
        Prediction("Tom Hale", "United States", "former President", "other"),
        Prediction("Tom Hale", "United States", "President", "head_of_state"),
        Prediction("Jo Pratt", "Austria", "Finance Minister", "minister"),  # wrong country
        Prediction("Sam Cole", None, "spokesman", "other"),  # no government: not scored
    ]
    result = score_article(article, predictions)
    assert (result.gold, result.predicted, result.correct, result.class_correct) == (3, 3, 2, 2)
    assert result.misses == ["Jo Pratt | Germany | minister"]
    assert result.false_hits == ["Jo Pratt | Austria | Finance Minister"]
    assert result.no_government == ["Sam Cole | spokesman"]


def test_score_wrong_class_and_totals(gold_file):
    article = load_dwie(gold_file)[0]
    result = score_article(article, [Prediction("Tom Hale", "US", "Vice President", "other")])
    assert result.correct == 1 and result.class_correct == 0
    assert result.wrong_class == ["Tom Hale | US | Vice President | other, gold head_of_state"]
    score = Score([result])
    assert score.precision == 1.0
    assert score.recall == pytest.approx(1 / 3)
    assert score.f1 == pytest.approx(0.5)
    assert score.class_accuracy == 0.0
    assert "precision 1.000  recall 0.333  F1 0.500" in score.summary()


def test_cli_eval_runs_the_pipeline_on_a_file(gold_file):
    result = subprocess.run(
        [sys.executable, "-m", "kg", "eval", "dwie", str(gold_file), "--verbose"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "articles 2, gold pairs 3" in result.stdout
    assert "precision" in result.stdout and "role-class accuracy" in result.stdout


def test_cli_eval_reports_an_unreadable_file(tmp_path):
    (tmp_path / "gold.jsonl").mkdir()  # there, but not a file
    result = subprocess.run(
        [sys.executable, "-m", "kg", "eval", "dwie", str(tmp_path / "gold.jsonl")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("kg: error: cannot read") and result.stderr.count("\n") == 1
