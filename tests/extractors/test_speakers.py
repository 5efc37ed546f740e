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


@pytest.fixture()
def context(nlp):
    """The DocContext of a made-up sentence."""
    from kg.extractors import analyse
    from kg.ingest import Article

    def read(text):
        article = Article(
            id="t", text=text, title=None, published=None, source=None, url=None, path=None
        )
        return analyse(nlp(text), article)

    return read


@pytest.mark.parametrize(
    ("text", "start", "end", "named"),
    [
        ("The International Grain Council said so.", 0, 4, True),
        ("The IGC said so.", 0, 2, True),
        ("PolitiFact said so.", 0, 1, True),
        # a lone capitalised word may be a surname
        ("Kestrel said so.", 0, 1, False),
        # a person's name the tagger ran into an organisation
        ("Credit analyst Helga Brandt said so.", 0, 4, False),
        ("Seoul broker Park Minsoo said so.", 2, 4, False),
        ("Ravi K. Menon said so.", 0, 3, False),
    ],
)
def test_speakers_organisation_names(context, text, start, end, named):
    from spacy.tokens import Span

    from kg.extractors.speakers import _organisation_name

    ctx = context(text)
    assert _organisation_name(ctx, Span(ctx.doc, start, end, label="ORG")) is named


def test_speakers_name_with_a_middle_initial_tagged_as_organisation(nlp):
    from spacy.tokens import Span

    from kg.extractors import analyse
    from kg.extractors.speakers import Reading, speaker_at
    from kg.ingest import Article

    text = '"We are not done," Carl T. Brandvold II, a writer for the paper, said on Monday.'
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == "Carl")
    doc.ents = [Span(doc, start, start + 4, label="ORG")]  # the small model's mistake
    article = Article(
        id="t", text=text, title=None, published=None, source=None, url=None, path=None
    )
    ctx = analyse(doc, article)
    said = next(t for t in doc if t.text == "said")
    speaker = speaker_at(Reading(ctx, [0] * len(doc), frozenset(range(0, 7))), said)
    assert speaker is not None
    assert (speaker.ref.kind, speaker.ref.key, speaker.surface) == (
        "person",
        "Carl T. Brandvold II",
        "Carl T. Brandvold II",
    )
