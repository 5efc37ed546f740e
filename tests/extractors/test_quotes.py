"""Quotes: direct quotes with their speaker and cue, reported speech, scare quotes."""

import pytest

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


def speakers(facts, direct=True):
    """quoted text -> speaker label (None when the quote was kept without one)."""
    return {
        q.text: (q.speaker.label if q.speaker else None)
        for q in quotes(facts)
        if q.direct == direct
    }


def test_quotes_straight_marks_pair_by_spacing_despite_scare_quotes(extract):
    facts = extract(
        'Mr Frostwick warned that small firms could be "crippled" by the move. '
        '"While costs may be covered, retraining costs will not be," he said.'
    )
    found = speakers(facts)
    assert found["While costs may be covered, retraining costs will not be"] == "Frostwick"
    assert not any(text.startswith("by the move") for text in found)


def test_quotes_continued_without_closing_mark_keep_one_speaker(extract):
    # BBC layout: a quote that goes on opens again without closing the first part
    facts = extract(
        'Sir Digby Marsh added: "I do not think he will. Stability is the key word. '
        '"That would be a sensible use of any surplus." Mr Harlow left.'
    )
    found = speakers(facts)
    assert found["I do not think he will. Stability is the key word."] == "Digby Marsh"
    assert found["That would be a sensible use of any surplus."] == "Digby Marsh"
    assert not any("Mr Harlow left" in text for text in found)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a paragraph that is nothing but a quote goes on with the speaker before it
        (
            '"We have made a firm commitment," Ms Hewlett said.\n\n'
            '"Nothing has changed since the spring."\n\nThe talks ended.',
            "Nothing has changed since the spring.",
            "Hewlett",
        ),
        (
            "Mr Harlow said he flew to Oslo on Sunday.\n"
            '"I met the minister twice, and we agreed on the main points."\nTalks resume in May.',
            "I met the minister twice, and we agreed on the main points.",
            "Harlow",
        ),
    ],
)
def test_quotes_quote_paragraph_after_a_speaker(extract, text, quote, speaker):
    assert speakers(extract(text))[quote] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # no one speaks in the paragraph before
        'Talks went on all day.\n\n"Nothing has changed since the spring."\n\nThe talks ended.',
        # a quoted subheading is no one's words
        '"We have made a firm commitment," Ms Hewlett said.\n\n"Nothing Has Changed."\n\nEnd.',
    ],
)
def test_quotes_quote_paragraph_without_a_speaker_before(extract, text):
    found = speakers(extract(text))
    assert not any(quote.startswith("Nothing") for quote in found)


def test_quotes_according_to_is_a_cue(extract):
    facts = extract('The deal is "dead in the water", according to Mr Harlow.')
    (quote,) = [q for q in quotes(facts) if q.direct]
    assert (quote.speaker.label, quote.cue) == ("Harlow", "according to")
    assert quotes(extract('The deal is "dead in the water", according to reports.')) == []


def test_quotes_cue_verbs_stressed_warned_added(extract):
    facts = extract(
        'Mr Harlow stressed: "The budget is balanced." '
        '"It will not last," Ms Okafor warned. "Nor should it," she added.'
    )
    found = {q.text: (q.speaker.label, q.cue) for q in quotes(facts) if q.direct}
    assert found["The budget is balanced."] == ("Harlow", "stress")
    assert found["It will not last"] == ("Okafor", "warn")
    assert found["Nor should it"] == ("Okafor", "add")


def test_quotes_title_with_the_name_in_apposition(extract):
    facts = extract(
        "Mr Harlow said the plan was costed. The Shadow Secretary of State for Transport, "
        'Jane Doe, said: "These plans were announced months ago." '
        "She said her party would publish its own plans."
    )
    assert speakers(facts)["These plans were announced months ago."] == "Jane Doe"
    assert speakers(facts, direct=False)["her party would publish its own plans"] == "Jane Doe"
    # a company named in apposition is no person
    facts = extract('The company, Acme Widgets, said: "We are pleased."')
    assert not any(q.speaker and q.speaker.kind == "person" for q in quotes(facts))


def test_quotes_nested_quote_is_part_of_the_quote(extract):
    facts = extract(
        "“Rivera promised to ‘close the gap’ by May. Still no gap closed,” Ms Ode said in a post."
    )
    found = speakers(facts)
    assert found["Rivera promised to ‘close the gap’ by May. Still no gap closed"] == "Ode"
    assert "close the gap" not in found


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            '"How many more plants must close?" Mr Dunmore said at the rally.',
            "How many more plants must close?",
            "Dunmore",
        ),
        ('"Enough is enough!" Ms Okafor said on Tuesday.', "Enough is enough!", "Okafor"),
    ],
)
def test_quotes_tag_after_a_sentence_break(extract, text, quote, speaker):
    # the parser ends the sentence at the closing mark; the tag that follows is the quote's
    assert speakers(extract(text))[quote] == speaker


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        # a participle cue speaks with the subject of the verb it hangs on
        (
            'Ms Okafor criticised the levy, calling it "a tax on jobs".',
            "a tax on jobs",
            ("Okafor", "call"),
        ),
        (
            'Ms Okafor praised the deal, saying: "It is a fair one."',
            "It is a fair one.",
            ("Okafor", "say"),
        ),
        (
            'Mr Harlow met the union on Monday and added: "The talks are going well."',
            "The talks are going well.",
            ("Harlow", "add"),
        ),
    ],
)
def test_quotes_participle_and_conjoined_cues(extract, text, quote, expected):
    found = {q.text: (q.speaker.label, q.cue) for q in quotes(extract(text)) if q.direct}
    assert found[quote] == expected


def test_quotes_surname_the_tagger_takes_for_a_place(extract):
    # "Denver" alone is tagged as a city; the article names Lisa Denver in full before
    facts = extract(
        "Prime Minister Lisa Denver flew home on Monday.\n"
        'Denver said the offer was "not serious enough".'
    )
    (quote,) = [q for q in quotes(facts) if q.direct]
    assert (quote.speaker.kind, quote.speaker.key) == ("person", "Lisa Denver")
    # a city no person of the article is named after stays a place
    facts = extract('Denver said the offer was "not serious enough".')
    assert not any(q.speaker.kind == "person" for q in quotes(facts))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the one person the article gave that title before
        (
            "Tom Hale and Ivan Petrov will meet in Alaska on Friday.\n"
            "The US President and his Russian counterpart will sit down at an air base.\n"
            "Addressing reporters last week, Hale suggested some exchange of land.\n"
            "‘There will be some swapping of land,’ the Republican president said.",
            "There will be some swapping of land",
            "Tom Hale",
        ),
        # a title naming a country: the person just before it, of no other title or country
        (
            "Olena Marchuk rejected the plan on Sunday. In a video address, the Ukrainian "
            'President said: "This plan would reward aggression."',
            "This plan would reward aggression.",
            "Olena Marchuk",
        ),
    ],
)
def test_quotes_title_standing_alone(extract, text, quote, speaker):
    assert speakers(extract(text))[quote] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # someone's spokesman is not that someone
        'Mr Harlow flew to Rome. "No comment on the talks," Mr Harlow\'s spokesman said.',
        # a plural title is no one person
        'President Tom Hale met the finance ministers. "We agreed on nothing," the ministers said.',
    ],
)
def test_quotes_title_for_no_one_in_particular(extract, text):
    assert not any(q.speaker.kind == "person" for q in quotes(extract(text)) if q.direct)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            'Anna Okafor repeated her claim that the levy is "a tax on jobs".',
            "a tax on jobs",
            ("Anna Okafor", "claim"),
        ),
        (
            'Voters remember Mr Harlow\'s promise to be "tough on waste" in the spring.',
            "tough on waste",
            ("Harlow", "promise"),
        ),
    ],
)
def test_quotes_speech_noun_with_its_owner(extract, text, quote, expected):
    found = {q.text: (q.speaker.label, q.cue) for q in quotes(extract(text)) if q.direct}
    assert found[quote] == expected


def test_quotes_words_about_a_speech_noun_are_not_its_owners(extract):
    # the quote judges the comments; it is not part of them
    facts = extract('Mr Harlow\'s comments were "deeply unhelpful", the report found.')
    assert speakers(facts).get("deeply unhelpful") != "Harlow"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            'The International Grain Council said the harvest was "the worst in a decade".',
            "the worst in a decade",
            "International Grain Council",
        ),
        (
            'The IGC said: "Stocks are lower than at any time since 1990."',
            "Stocks are lower than at any time since 1990.",
            "IGC",
        ),
    ],
)
def test_quotes_organisation_speaks(extract, text, quote, speaker):
    (found,) = [q for q in quotes(extract(text)) if q.direct and q.text == quote]
    assert (found.speaker.kind, found.speaker.label) == ("group", speaker)


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            'Mr Harlow asked: "Who will pay for the new roads?"',
            "Who will pay for the new roads?",
            ("Harlow", "ask"),
        ),
        (
            'Anna Keller recalled: "We met every week that winter."',
            "We met every week that winter.",
            ("Anna Keller", "recall"),
        ),
        (
            'Mr Harlow continued: "The roads will be paid for by tolls."',
            "The roads will be paid for by tolls.",
            ("Harlow", "continue"),
        ),
        # a cue that relays gives way to the speaker it reports
        (
            'Ms Varga, who argued the pact was "the only way forward", spoke first, '
            "the Daily Courier reported.",
            "the only way forward",
            ("Varga", "argue"),
        ),
    ],
)
def test_quotes_more_cue_verbs(extract, text, quote, expected):
    found = {q.text: (q.speaker.label, q.cue) for q in quotes(extract(text)) if q.direct}
    assert found[quote] == expected


def test_quotes_continue_is_a_cue_only_beside_a_quote(extract):
    # "talks continued" is no speech: the quote is Ode's
    facts = extract('Talks continued on Friday, "a good sign," Ms Ode said.')
    found = {q.text: (q.speaker.label, q.cue) for q in quotes(facts) if q.direct}
    assert found["a good sign"] == ("Ode", "say")


def test_quotes_ask_to_do_is_no_speech(extract):
    # a request, not words of the asker: the quoted word is a scare quote
    assert quotes(extract("Norway asked its ally to withdraw the “punitive” levy.")) == []


# --- tables: a text, and who speaks each quote or statement in it -------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Mr Harlow said he was sure Mr Brennan's budget would be prudent. "
            '"We will not see a spending spree this year," he said.',
            {"We will not see a spending spree this year": "Harlow"},
            id="pronoun_speaker_is_the_subject_not_a_nearer_mention-1",
        ),
        pytest.param(
            "Ms Okafor, the party's spokeswoman, said the plan had been costed. "
            '"Nobody is going to pay more tax," she told reporters.',
            {"Nobody is going to pay more tax": "Okafor"},
            id="pronoun_speaker_is_the_subject_not_a_nearer_mention-2",
        ),
        pytest.param(
            "Mr Dalby, who left the Treasury last year, had suggested that Mr Brennan "
            "would meet his rules. He said he hoped more would be done. Prices rose in May. "
            '"This is a big change," he told a lunch.',
            {"This is a big change": "Dalby"},
            id="pronoun_speaker_follows_an_earlier_pronoun",
        ),
        pytest.param(
            "Ms Garland met Mr Pruett on Monday and Mr Pruett left early. "
            '"The talks were useful," she said.',
            {"The talks were useful": "Garland"},
            id="pronoun_gender_from_honorific",
        ),
        pytest.param(
            'Mr Harlow spoke at the conference. "I told Ken Morton that the plan would fail," '
            "he said.",
            {"I told Ken Morton that the plan would fail": "Harlow"},
            id="person_named_inside_the_quote_is_not_the_speaker",
        ),
        pytest.param(
            "Foreign Minister Anna Keller arrived in Vienna on Monday. "
            '"We expect a result by the summer," the minister said.',
            {"We expect a result by the summer": "Anna Keller"},
            id="title_stands_for_the_person_who_holds_it",
        ),
        pytest.param(
            "Talks went on all day.\n\n"
            '"We have made a firm commitment to the farmers.\n\n'
            '"We will extend the support to nine months," Ms Hewlett added.',
            {
                "We have made a firm commitment to the farmers.": "Hewlett",
                "We will extend the support to nine months": "Hewlett",
            },
            id="spanning_paragraphs_take_the_attribution_of_the_run",
        ),
        # Reuters layout: lines wrapped inside a paragraph, paragraphs indented
        pytest.param(
            "Trade Minister Karl Weston said if the bill\n"
            'passed, "the community would have to\n'
            'retaliate." He spoke in London.\n'
            '    "That is not our aim," a spokesman said.',
            {
                "the community would have to\nretaliate.": "Karl Weston",
                "That is not our aim": "a spokesman",
            },
            id="wire_copy_line_wrapping_is_not_a_paragraph",
        ),
        # "one of ..., Peter Callan - who ... - said": the name, not an earlier speaker
        pytest.param(
            "Mr Blair said sorry. However, one of the so-called Leeds Six, Peter Callan - who was "
            "wrongly jailed for the fire - said the families were pleased. He said Mr Blair had "
            'spoken with "real warmth", adding: "He listened to everyone."',
            {"He listened to everyone.": "Peter Callan"},
            id="pronoun_after_a_name_set_beside_the_subject",
        ),
        pytest.param(
            "Gareth Pike, head of the Millers' Guild, said: ‘Time is short for the mills.\n"
            "'Orders are being lost every week.’\nThe guild meets in May.",
            {
                "Time is short for the mills.": "Gareth Pike",
                "Orders are being lost every week.": "Gareth Pike",
            },
            id="in_single_marks",
        ),
        # a spokesman relays what the leader stressed: the leader's words
        pytest.param(
            'Ms Varga stressed to Mr Holm that "the pact must survive the election," '
            "Jan Ekberg said.",
            {"the pact must survive the election": "Varga"},
            id="relayed_words_belong_to_the_inner_speaker",
        ),
        pytest.param(
            "The union spokesman said no strike was planned, although he added, "
            '"Nobody knows what the members will decide."',
            {"Nobody knows what the members will decide.": "union spokesman"},
            id="unresolved_pronoun_inside_a_cue_leaves_the_quote_to_it",
        ),
        # "selling adds depth" is no speech: the quote is Lund's
        pytest.param(
            "Ms Lund said short selling adds depth to the market but "
            '"in a panic it deepens the fall."',
            {"in a panic it deepens the fall.": "Lund"},
            id="add_with_an_object_is_no_cue",
        ),
        # the parser hangs "noting" on the quoted "give in": its subject "we" does not speak
        pytest.param(
            'But Mr Harlow told reporters, "Our view is the same. We will not give in" on the '
            'levy, noting that farmers are likely to face "real hardship" due to it.',
            {"real hardship": "Harlow"},
            id="participle_on_a_quoted_verb_keeps_the_cue_before",
        ),
        pytest.param(
            "Asked whether the levy would go, Anna Keller replied:\n"
            '    "These rules were agreed by both sides and they will stay."\n'
            "    The talks resume in May.",
            {"These rules were agreed by both sides and they will stay.": "Anna Keller"},
            id="cue_and_colon_ending_the_paragraph_before",
        ),
    ],
)
def test_quotes_direct_speakers(extract, text, expected):
    found = speakers(extract(text))
    assert {quote: found[quote] for quote in expected} == expected


# reported speech ('said that ...')
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Anna Keller told the paper that exports were "holding up well".\n'
            '"We are making progress every week."\n'
            "She said she would travel to Oslo in May.",
            {"she would travel to Oslo in May": "Anna Keller"},
            id="pronoun_looks_past_a_quote_paragraph",
        ),
        pytest.param(
            "Mr Harlow, a Labour MP, said there would be no giveaway. "
            "He told reporters the chancellor would meet his rules.",
            {"the chancellor would meet his rules": "Harlow"},
            id="reported_speech_with_pronoun_subject",
        ),
    ],
)
def test_quotes_reported_speakers(extract, text, expected):
    found = speakers(extract(text), direct=False)
    assert {statement: found[statement] for statement in expected} == expected


# quoted words kg does not take for anyone's direct quote
@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # the quote's own cue has a subject kg cannot name: no speaker from another sentence
        pytest.param(
            "Mr Harlow said the plan was costed. The shadow secretary said: "
            '"These plans were announced months ago."',
            "These plans were announced months ago.",
            id="unknown_subject_of_the_cue_gives_no_other_speaker",
        ),
        # "X said senators told him, "..."": the senators speak, not X
        pytest.param(
            'But Mr Weston said senators told him, "There is no doubt cheating is going on," '
            "based on invoices.",
            "There is no doubt cheating is going on",
            id="speaker_of_the_cue_is_someone_else",
        ),
        pytest.param(
            '"Who pays for it?" Nobody knows, Mr Harlow said later.',
            "Who pays for it?",
            id="tag_after_a_sentence_break_must_start_with_the_cue",
        ),
        # the quoted words are the agreement's, not the official's who describes it
        pytest.param(
            "Anna Dorn said the accord calls for both sides to buy grain at "
            '"prices in effect in each country."',
            "prices in effect in each country.",
            id="text_of_a_document_is_nobodys",
        ),
    ],
)
def test_quotes_words_not_taken_for_a_quote(extract, text, quote):
    assert quote not in speakers(extract(text))
