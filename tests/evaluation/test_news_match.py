"""The news2025 matching rules, on names, labels and dates written for these tests."""

from __future__ import annotations

import pytest

from kg.evaluation.news_match import (
    Person,
    dates_agree,
    first_number,
    government,
    is_participant,
    is_party,
    is_person,
    period,
    same_speaker,
)

BRENNER = Person("Hal Brenner", "United States")
JI = Person("Ji Woo-sung", "South Korea", surname="Ji")  # family name first
PARIS = Person("Leo Paris", "Canada")  # a surname that is also a capital


def test_a_person_is_found_by_full_name_or_surname():
    assert is_person("Hal Brenner", BRENNER)
    assert is_person("Brenner", BRENNER)
    assert is_person("Commerce Secretary Hal Brenner", BRENNER)  # the name inside a longer one
    assert is_person("HAL BRENNER", BRENNER)
    assert not is_person("Hal", BRENNER)  # a given name alone is nobody
    assert not is_person("Brennan", BRENNER)
    assert not is_person("", BRENNER)


def test_the_gold_surname_wins_for_family_name_first_names():
    assert is_person("Ji", JI)
    assert is_person("Minister Ji", JI)
    assert not is_person("Woo-sung", JI)
    # without the gold's surname the last word would be taken as the family name
    assert is_person("Woo-sung", Person("Ji Woo-sung", "South Korea"))


def test_names_match_without_accents_and_punctuation():
    person = Person("Zoë Lemaître-Soto", "France")
    assert is_person("Zoe Lemaitre-Soto", person)
    assert is_person("Lemaître Soto", person)


def test_a_speaker_matches_either_way_round_or_by_last_word():
    assert same_speaker("Brenner", "Hal Brenner")
    assert same_speaker("Hal Brenner", "Brenner")
    assert same_speaker("Secretary Hal Brenner", "Brenner")
    assert same_speaker("H. Brenner", "Hal Brenner")  # the last words agree
    assert not same_speaker("Hal Jensen", "Hal Brenner")
    # quoted words the article gives to no one: no predicted speaker is right
    assert not same_speaker("Hal Brenner", None)
    assert not same_speaker("", "Hal Brenner")


@pytest.mark.parametrize(
    "label, expected",
    [
        ("United States", "United States"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("Washington", "United States"),
        ("the White House", "United States"),
        ("the Trump administration", "United States"),
        ("Office of the U.S. Trade Representative", "United States"),
        ("US-China", "United States"),  # the first alias in the table wins
        ("European Commission", "European Union"),
        ("Brussels", "European Union"),
        ("EU", "European Union"),
        ("Beijing", "China"),
        ("Seoul", "South Korea"),
        ("Russian", "Russia"),
        ("Sweden", "sweden"),  # no alias: the label stands for itself
        ("", ""),
    ],
)
def test_government_aliases(label, expected):
    assert government(label) == expected


def test_a_meeting_participant_may_be_a_country_or_one_of_its_officials():
    people = [BRENNER, JI, PARIS]
    assert is_participant("Seoul", "South Korea", people)
    assert is_participant("Ji Woo-sung", "South Korea", people)  # serves South Korea
    assert not is_participant("Hal Brenner", "South Korea", people)
    assert is_participant("Hal Brenner", "Brenner", people)
    assert not is_participant("", "Brenner", people)
    # "Paris" is a gold person's surname here, not France
    assert is_participant("Leo Paris", "Paris", people)
    assert not is_participant("France", "Paris", people)
    assert is_participant("France", "Paris", [BRENNER])  # with no such person it is France


def test_a_policy_party_may_be_a_country_alias_or_an_official():
    people = [BRENNER, JI]
    assert is_party(["Washington"], "United States", people)
    assert is_party(["Hal Brenner"], "United States", people)
    assert is_party(["Japan", "Seoul"], "South Korea", people)
    assert not is_party([], "United States", people)
    assert not is_party(["Ji Woo-sung"], "United States", people)


def test_rates_read_from_the_first_number():
    assert first_number("25") == 25.0
    assert first_number("12.5") == 12.5
    assert first_number("about 15 percent") == 15.0
    assert first_number("") is None


def test_dates_agree_when_their_periods_overlap():
    assert period("2025-06") == period("2025-06-01/2025-06-30")
    assert period("2024-02")[1].day == 29  # a leap year's February
    assert period("2025-12")[1].isoformat() == "2025-12-31"
    assert dates_agree("2025-06-16", "2025-06-15/2025-06-17")
    assert dates_agree("2025-06-16", "2025-06")
    assert dates_agree("2025", "2025-11-03")
    assert not dates_agree("2025-06-16", "2025-06-17")
    assert not dates_agree("2025-06-16", "")  # no date agrees with nothing
    assert not dates_agree("2025-06-16", "2025-13")  # not a month
