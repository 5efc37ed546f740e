"""The news2025 scorer on hand-written gold and predictions (made up for these tests, not
taken from the data set), one rule at a time, then the whole summary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluation.news import (
    NewsScore,
    news_files,
    policy_fails,
    score_articles,
    score_identity,
    score_meetings,
    score_officials,
    score_policies,
    score_quotes,
)
from kg.evaluation.news_gold import (
    Meeting,
    OfficialRow,
    Policy,
    Predictions,
    Statement,
    load_gold,
    meetings_of,
    policies_of,
)

GOLD = {
    "_about": "made up for the tests",
    "harbour-talks": {
        "split": "tune",
        "officials": [
            {
                "name": "Hal Brenner",
                "role": "Commerce Secretary",
                "government": "United States",
                "class": "minister",
                "key": "hal-brenner",
            },
            {
                "name": "Ji Woo-sung",
                "role": "Prime Minister",
                "government": "South Korea",
                "class": "head_of_gov",
                "key": "ji-woo-sung",
                "surname": "Ji",
            },
            {
                "name": "Tove Aalto",
                "role": "former minister",
                "government": "Finland",
                "class": "other",
                "key": "tove-aalto",
                "optional": True,
            },
        ],
        "meetings": [
            {
                "desc": "Brenner-Ji talks in Busan",
                "participants": ["Brenner", "Ji"],
                "place": "Busan",
                "date": "2025-04-10",
                "status": ["held", "expected"],
            },
            {
                "desc": "harbour summit, no one named",
                "participants": [],
                "place": None,
                "date": "2025-05",
                "status": "planned",
                "match": "harbou?r summit",
            },
            {
                "desc": "an earlier call",
                "participants": ["United States", "South Korea"],
                "place": None,
                "date": None,
                "status": "held",
                "optional": True,
            },
        ],
        "policies": [
            {
                "kind": "agreement",
                "imposer": "United States",
                "target": "South Korea",
                "goods": None,
                "rate": None,
                "start": None,
                "end": None,
                "status": "agreed",
                "note": "the shipping accord",
            },
            {
                "kind": "tariff",
                "imposer": "United States",
                "target": "South Korea",
                "goods": "steel",
                "rate": 15,
                "start": None,
                "end": None,
                "status": "in force",
                "note": "15% on steel",
            },
            {
                "kind": ["investment", "pledge"],
                "imposer": "South Korea",
                "target": None,
                "goods": None,
                "rate": None,
                "start": None,
                "end": None,
                "status": "pledged",
                "note": "$20 billion for shipyards",
                "optional": True,
            },
        ],
        "quotes": [
            {"speaker": "Brenner", "text": "we shook hands on a fair deal"},
            {"speaker": None, "text": "both sides shall remove duties"},
            {"speaker": "Ji", "text": "a good day for the harbour", "optional": True},
        ],
    },
    "quiet-day": {"split": "check", "officials": [], "meetings": [], "policies": [], "quotes": []},
}

US = "United States"


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "articles.jsonl").write_text("", encoding="utf-8")
    return path


@pytest.fixture
def talks(gold_file):
    return load_gold(gold_file, "tune")[0]


def row(name, government, official=None, role="minister", role_class="minister"):
    iri = official or "id:person/" + name.lower().replace(" ", "-")
    return OfficialRow(iri, name, role, government, role_class)


# --- the gold --------------------------------------------------------------------------------
def test_load_gold_reads_items_and_keeps_one_split(gold_file):
    assert [a.id for a in load_gold(gold_file)] == ["harbour-talks", "quiet-day"]  # no "_about"
    (talks,) = load_gold(gold_file, "tune")
    assert [a.id for a in load_gold(gold_file, "check")] == ["quiet-day"]
    assert talks.officials[1].person.family_name == "ji"
    assert talks.officials[1].role_class == "head_of_government"  # the gold's head_of_gov
    assert talks.officials[2].optional and not talks.officials[0].optional
    assert talks.meetings[0].statuses == ("held", "expected")
    assert talks.meetings[1].statuses == ("planned",)
    assert talks.policies[1].rate == 15.0 and talks.policies[0].rate is None
    assert talks.policies[2].kinds == ("investment", "pledge")
    assert talks.quotes[1].speaker is None


def test_load_gold_refuses_what_it_cannot_score(gold_file, tmp_path):
    with pytest.raises(InputError, match="unknown split 'train'"):
        load_gold(gold_file, "train")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"a": {"split": "tune", "officials": [{"name": "X"}]}}))
    with pytest.raises(InputError, match="article 'a': not news2025 gold"):
        load_gold(broken)
    broken.write_text("{not json")
    with pytest.raises(InputError, match="not JSON"):
        load_gold(broken)
    only_check = tmp_path / "check.json"
    only_check.write_text(json.dumps({"a": GOLD["quiet-day"]}))
    with pytest.raises(InputError, match=r"no gold articles .* in split tune"):
        load_gold(only_check, "tune")


def test_news_files_from_a_folder_or_its_gold(gold_file):
    folder = gold_file.parent
    assert news_files(folder) == (folder / "articles.jsonl", gold_file)
    assert news_files(gold_file) == (folder / "articles.jsonl", gold_file)
    (folder / "articles.jsonl").unlink()
    with pytest.raises(InputError, match=re.escape("no articles.jsonl in")):
        news_files(folder)


def test_query_rows_group_into_one_meeting_and_one_policy_per_iri():
    meetings = meetings_of(
        [
            {"meeting": "m1", "label": "talks", "participant": "Hal Brenner", "status": "held"},
            {"meeting": "m1", "label": "talks", "participant": "Ji Woo-sung", "status": "held"},
            {"meeting": "m2", "label": "summit", "status": "planned"},  # no participant
        ]
    )
    assert [(m.iri, m.participants) for m in meetings] == [
        ("m1", ["Hal Brenner", "Ji Woo-sung"]),
        ("m2", []),
    ]
    policies = policies_of(
        [
            {
                "policy": "p1",
                "label": "deal",
                "kind": "agreement",
                "imposedBy": US,
                "target": "Japan",
            },
            {
                "policy": "p1",
                "label": "deal",
                "kind": "agreement",
                "imposedBy": US,
                "target": "Peru",
            },
        ]
    )
    assert len(policies) == 1
    assert policies[0].imposers == [US] and policies[0].targets == ["Japan", "Peru"]


# --- officials -------------------------------------------------------------------------------
def test_officials_are_pairs_judged_by_surname_and_government_alias(talks):
    score = NewsScore()
    rows = [
        row("Hal Brenner", "U.S."),
        row("Brenner", "Washington", official="id:person/hal-brenner"),  # the same pair again
        row("Hal Brenner", ""),  # a role with no government: counted apart
        row("Ji", "Seoul", role="Prime Minister", role_class="minister"),  # class is wrong
        row("Tove Aalto", "Finland"),  # optional: no penalty
        row("Tove Aalto", "Norway"),  # optional, wrongly placed: no penalty either
        row("Dan Okafor", "Japan"),  # nobody in the gold
    ]
    score_officials(talks, rows, score)
    tally = score.tallies["officials"]
    assert (tally.predicted, tally.predicted_right, tally.gold, tally.gold_found) == (3, 2, 2, 2)
    assert score.no_government == 1
    assert score.class_right == 1 and score.class_accuracy == 0.5
    assert [(f.side, f.category) for f in score.failures.of("officials")] == [
        ("false", "false person"),
        ("wrong", "role class"),
    ]


def test_officials_misses_say_why(talks):
    score = NewsScore()
    rows = [row("Hal Brenner", ""), row("Ji Woo-sung", "China")]
    score_officials(talks, rows, score)
    assert score.tallies["officials"].gold_found == 0
    failures = [(f.side, f.category) for f in score.failures.of("officials")]
    assert ("false", "wrong government") in failures
    assert ("missed", "title found but no government") in failures  # Brenner
    assert ("missed", "wrong government") in failures  # Ji
    score = NewsScore()
    score_officials(talks, [], score)
    assert [f.category for f in score.failures.of("officials")] == ["person not found"] * 2


def test_identity_counts_people_found_in_several_articles(gold_file):
    (talks,) = load_gold(gold_file, "tune")
    other = type(talks)(id="second", split="tune", officials=talks.officials)
    third = type(talks)(id="third", split="tune", officials=talks.officials)
    same = Predictions(officials=[row("Hal Brenner", US), row("Ji", "Seoul")])
    split = Predictions(officials=[row("Brenner", US, official="id:person/brenner"), row("Ji", "")])
    score = NewsScore()
    score_identity([(talks, same), (other, split), (third, Predictions())], score)
    # Brenner has two IRIs, Ji one (a row without government still names the person)
    assert (score.people_in_several, score.people_one_iri) == (2, 1)
    assert score.identity == 0.5
    (failure,) = score.failures.of("identity")
    assert failure.article == "hal-brenner"
    assert sorted(failure.text.split(", ")) == ["brenner x1", "hal-brenner x1"]


# --- meetings --------------------------------------------------------------------------------
def test_meetings_need_every_participant_and_report_status_and_date(talks):
    meetings = [
        Meeting("m1", "talks", "held", "2025-04-09/2025-04-11", ["Hal Brenner", "Ji Woo-sung"]),
        Meeting("m2", "the harbour summit", "held", "2025-05"),  # found by its label; wrong status
        Meeting("m3", "call", "held", "", ["Washington", "Seoul"]),  # the optional call
        Meeting("m4", "talks", "held", "", ["Hal Brenner"]),  # one participant short
        Meeting("m5", "press conference", "held", ""),
    ]
    score = NewsScore()
    score_meetings(talks, meetings, score)
    tally = score.tallies["meetings"]
    assert (tally.predicted, tally.predicted_right, tally.gold, tally.gold_found) == (4, 2, 2, 2)
    assert (score.status_right, score.dated, score.date_right) == (1, 2, 2)
    assert [(f.side, f.category) for f in score.failures.of("meetings")] == [
        ("false", "wrong or missing participants"),
        ("false", "no participants"),
        ("wrong", "found, status wrong"),
    ]


def test_a_gold_meeting_missed_with_some_of_its_participants(talks):
    score = NewsScore()
    score_meetings(talks, [Meeting("m4", "talks", "held", "2025-04-10", ["Brenner"])], score)
    missed = [f.category for f in score.failures.of("meetings", "missed")]
    assert missed == ["participants incomplete", "no such meeting"]


def test_any_status_of_the_gold_list_is_right_and_a_month_overlaps_the_day(talks):
    score = NewsScore()
    found = Meeting("m1", "talks", "expected", "2025-04", ["Hal Brenner", "Ji Woo-sung"])
    score_meetings(talks, [found], score)
    assert score.tallies["meetings"].gold_found == 1
    assert (score.status_right, score.date_right) == (1, 1)


def test_a_country_does_not_stand_for_a_named_person(talks):
    score = NewsScore()
    score_meetings(talks, [Meeting("m1", "talks", "held", "", ["Seoul", "Hal Brenner"])], score)
    assert score.tallies["meetings"].gold_found == 0


# --- policies --------------------------------------------------------------------------------
def test_agreements_match_either_way_round_other_kinds_do_not(talks):
    accord, tariff, _ = talks.policies
    people = talks.people
    reversed_deal = Policy("p", "accord", "agreement", "", ["Seoul"], ["Washington"])
    assert policy_fails(reversed_deal, accord, people) == []
    reversed_tariff = Policy("p", "tariff", "tariff", "15", ["Seoul"], ["Washington"])
    assert policy_fails(reversed_tariff, tariff, people) == ["imposer", "target"]
    by_official = Policy("p", "tariff", "tariff", "15 percent", ["Hal Brenner"], ["South Korea"])
    assert policy_fails(by_official, tariff, people) == []
    assert policy_fails(Policy("p", "t", "tariff", "25", [US], ["Korea"]), tariff, people) == [
        "rate"
    ]
    assert policy_fails(Policy("p", "t", "quota", "15", [US], ["Korea"]), tariff, people) == [
        "kind"
    ]


def test_an_investment_is_a_pledge_and_a_missing_target_is_not_checked(talks):
    pledge = talks.policies[2]
    assert (
        policy_fails(Policy("p", "p", "pledge", "", ["Seoul"], ["Peru"]), pledge, talks.people)
        == []
    )


def test_policies_optional_items_cost_nothing_and_misses_say_why(talks):
    policies = [
        Policy("p1", "shipyard pledge", "pledge", "", ["South Korea"]),  # optional gold: no count
        Policy("p2", "steel tariff", "tariff", "15", [], ["South Korea"]),  # no imposer
        Policy("p3", "accord", "agreement", "", ["South Korea"], ["United States"]),
    ]
    score = NewsScore()
    score_policies(talks, policies, score)
    tally = score.tallies["policies"]
    assert (tally.predicted, tally.predicted_right, tally.gold, tally.gold_found) == (2, 1, 2, 1)
    assert [(f.side, f.category) for f in score.failures.of("policies")] == [
        ("false", "no imposer"),
        ("missed", "no imposer"),
    ]
    score = NewsScore()
    score_policies(talks, [], score)
    assert [f.category for f in score.failures.of("policies")] == ["no policy of that kind"] * 2


# --- quotes ----------------------------------------------------------------------------------
def test_quotes_with_no_speaker_in_the_text_must_stay_unattributed(talks):
    statements = [
        Statement("Hal Brenner", "We shook hands on a fair deal, and we mean it", True),
        Statement("Ji Woo-sung", "Both sides shall remove duties", True),  # no one said this
        Statement("Ji Woo-sung", "a good day for the harbour", True),  # optional, right speaker
        Statement("Hal Brenner", "a good day for the harbour", True),  # optional, wrong: free
        Statement("Ji Woo-sung", "the weather was kind to the ships", True),  # not in the gold
        Statement("Ji Woo-sung", "shook hands on a fair deal", False),  # indirect: recall only
    ]
    score = NewsScore()
    score_quotes(talks, statements, score)
    tally = score.tallies["quotes"]
    # gold: only Brenner's quote counts (the unattributed one and the optional one do not)
    assert (tally.predicted, tally.predicted_right, tally.gold, tally.gold_found) == (3, 2, 1, 1)
    assert [(f.side, f.category) for f in score.failures.of("quotes")] == [
        ("false", "given to a speaker the text does not name"),
        ("unscored", "direct statement matching no gold quote"),
    ]


def test_a_quote_found_under_the_wrong_speaker(talks):
    score = NewsScore()
    score_quotes(talks, [Statement("Ji Woo-sung", "we shook hands on a fair deal", True)], score)
    assert [(f.side, f.category) for f in score.failures.of("quotes")] == [
        ("false", "given to the wrong speaker"),
        ("missed", "text found, wrong speaker"),
    ]
    score = NewsScore()
    score_quotes(talks, [], score)
    assert [f.category for f in score.failures.of("quotes")] == ["quote not extracted"]


# --- the whole run ---------------------------------------------------------------------------
def test_summary_and_details_of_a_run(gold_file):
    gold = load_gold(gold_file)
    predicted = {
        "harbour-talks": Predictions(
            officials=[row("Hal Brenner", US), row("Ji", "", role="Prime Minister")],
            meetings=[Meeting("m1", "talks", "held", "2025-04-10", ["Brenner", "Ji"])],
            statements=[Statement("Hal Brenner", "we shook hands on a fair deal", True)],
        )
    }  # "quiet-day" was not built: it simply has no predictions
    score = score_articles(gold, predicted)
    score.built = 1
    summary = score.summary().splitlines()
    assert summary[0] == "news2025: 2 articles scored (1 built)"
    assert summary[2].split()[:4] == ["officials", "1.00", "0.50", "0.67"]
    assert summary[3].split()[:4] == ["meetings", "1.00", "0.50", "0.67"]
    assert summary[4].split()[:4] == ["policies", "0.00", "0.00", "0.00"]
    assert summary[5].split()[:4] == ["quotes", "1.00", "1.00", "1.00"]
    assert "1 roles with no government" in summary[6]
    assert "role class right on 1.00 of 1 matched pairs" in summary[6]
    assert "status right 1/1, date right 1/1" in score.summary()
    assert "  officials missed  title found but no government" in score.summary()
    assert summary[-1] == (
        "news2025: officials F1 0.67, meetings F1 0.67, policies F1 0.00, quotes F1 1.00, "
        "identity 0.00"
    )
    details = score.details().splitlines()
    assert details[0] == "[officials] missed: title found but no government (1)"
    assert details[1] == "  harbour-talks: Ji Woo-sung (Prime Minister)"
    assert "[policies] missed: no policy of that kind (2)" in details
