"""Who speaks at a cue: the subjects a speech verb has or shares."""

import pytest

from kg.extractors.speakers import subjects


def cue(doc, word):
    (token,) = [t for t in doc if t.text == word]
    return token


@pytest.mark.parametrize(
    ("text", "verb", "speaker"),
    [
        ("Ms Okafor criticised the levy, calling it a tax on jobs.", "calling", "Okafor"),
        ("Mr Harlow met the union on Monday and added that talks went well.", "added", "Harlow"),
        ("The minister spoke for an hour, adding that more talks were due.", "adding", "minister"),
    ],
)
def test_speakers_participle_shares_the_subject_of_its_verb(nlp, text, verb, speaker):
    assert [t.text for t in subjects(cue(nlp(text), verb))] == [speaker]


def test_speakers_participle_on_a_reported_clause_shares_nothing(nlp):
    # the parser hangs "adding" on the reported clause ("officials were ..."): its subject
    # is not the one who speaks
    doc = nlp(
        "Mr Pike said bank officials were in talks with other lenders for most of the week, "
        'adding that "the whole market has been calm."'
    )
    adding = cue(doc, "adding")
    assert adding.head.dep_ == "ccomp"  # the parse this test is about
    assert subjects(adding) == []
