"""Quotes: direct quotes with their speaker and cue, reported speech, scare quotes."""

from kg.facts import Quote


def quotes(facts):
    return [f for f in facts if isinstance(f, Quote)]


def test_quotes_seed_akazawa_quotes(seed_facts):
    akazawa = {
        q.text
        for q in quotes(seed_facts)
        if q.direct and q.speaker and q.speaker.key == "Ryosei Akazawa"
    }
    assert "Our position has not changed. We absolutely cannot compromise" in akazawa
    assert any(t.startswith("If you ask me whether") for t in akazawa)
    assert any(t.startswith("based on different logic") for t in akazawa)
    # "the minister in charge of economic revitalization said" is Akazawa
    assert "extraordinary" in akazawa


def test_quotes_scare_quotes_are_not_statements(seed_facts):
    assert not any(q.text == "reciprocal" for q in quotes(seed_facts))


def test_quotes_reported_speech_by_anonymous_sources(seed_facts):
    groups = [q for q in quotes(seed_facts) if q.speaker and q.speaker.kind == "group"]
    assert any("fifth round" in q.text and q.speaker.label == "diplomatic sources" for q in groups)


def test_quotes_speaker_after_the_quote(extract):
    facts = extract("“We will not back down,” Chancellor Olaf Scholz said on Monday.")
    (quote,) = [q for q in quotes(facts) if q.direct]
    assert quote.speaker.key == "Olaf Scholz" and quote.cue == "say"
    assert quote.text == "We will not back down"  # the comma belongs to the sentence


def test_quotes_without_speech_verb_are_skipped(extract):
    assert quotes(extract("The so-called “special relationship” has lasted decades.")) == []
