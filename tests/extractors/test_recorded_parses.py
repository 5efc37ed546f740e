"""Extractors on recorded parses: what each rule makes of a fixed reading of a sentence.

The parses under ``tests/data/parses/`` were recorded once from sentences written for these
tests (``python -m tests.extractors.record_parses``), so these tests do not load the model
and a model upgrade cannot change what they check; the tests on the seed and the eval sets
cover the live model. A Doc is rebuilt on spaCy's blank English vocabulary, which carries
the lexical attributes (numbers, stop words) the rules read.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy
from spacy.tokens import Doc

from kg.extractors import extract_facts
from kg.facts import Meeting, OfficialRole, Policy, Quote
from kg.ingest import Article
from tests.extractors.record_parses import PARSES, SENTENCES


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def facts_of(vocab, name: str) -> list:
    data = json.loads((PARSES / f"{name}.json").read_text())
    assert data["text"] == SENTENCES[name], "the recording is of another sentence: re-record"
    doc = Doc(vocab).from_json(data)
    article = Article(id=name, text=data["text"], published=dt.date(2025, 5, 29))
    return extract_facts(doc, article)


def of_type(facts: list, kind: type) -> list:
    return [f for f in facts if isinstance(f, kind)]


def test_every_sentence_has_its_recording():
    assert {p.stem for p in PARSES.glob("*.json")} == set(SENTENCES)


def test_a_planned_meeting_of_two_leaders(vocab):
    facts = facts_of(vocab, "summit_planned")
    roles = {(r.person.label, r.title, r.government.label) for r in of_type(facts, OfficialRole)}
    assert roles == {
        ("Shigeru Ishiba", "Prime Minister", "Japan"),
        ("Donald Trump", "President", "United States"),
    }
    (meeting,) = of_type(facts, Meeting)
    assert {p.label for p in meeting.participants} == {"Shigeru Ishiba", "Donald Trump"}
    assert meeting.status == "planned"
    assert meeting.place is not None and meeting.place.label == "Washington"
    assert meeting.when is not None and meeting.when.iso == "2025-05-30"  # the Friday after


def test_a_tariff_with_imposer_target_goods_rate_and_start(vocab):
    facts = facts_of(vocab, "tariff_imposed")
    (tariff,) = of_type(facts, Policy)
    assert (tariff.kind, tariff.actor.label, tariff.target.label) == (
        "tariff",
        "United States",
        "Japan",
    )
    assert (tariff.rate, tariff.unit, tariff.goods) == (25.0, "percent", ("Japanese cars",))
    assert tariff.start is not None and tariff.start.iso == "2025-04-03"
    assert tariff.status == "in force"
    assert not of_type(facts, OfficialRole)  # a department is not an official


def test_a_direct_quote_gets_the_speaker_and_the_title_its_country(vocab):
    facts = facts_of(vocab, "quote_and_title")
    (quote,) = of_type(facts, Quote)
    assert (quote.speaker.label, quote.text, quote.direct) == (
        "Melanie Joly",
        "We will not accept these tariffs",
        True,
    )
    (role,) = of_type(facts, OfficialRole)
    assert (role.title, role.government.label, role.role_class) == (
        "Foreign Minister",
        "Canada",
        "minister",
    )


def test_a_pause_points_at_the_tariff_it_pauses(vocab):
    facts = facts_of(vocab, "pause")
    policies = {p.kind: p for p in of_type(facts, Policy)}
    assert set(policies) == {"pause", "tariff"}
    tariff, pause = policies["tariff"], policies["pause"]
    assert (tariff.rate, tariff.actor.label) == (34.0, "United States")
    assert tariff.target.label == "China"
    assert tariff.status == "partly paused"
    assert pause.about == tariff.label
    assert pause.actor.label == "United States"
    (quote,) = of_type(facts, Quote)
    assert quote.speaker.label == "Scott Bessent" and not quote.direct
