"""Quotation marks: which words stand between a pair of marks, nested quotes, apostrophes."""

import pytest

from kg.extractors.quote_marks import segments


def quoted(nlp, text):
    """The quoted texts of a made-up paragraph, marks dropped."""
    doc = nlp(text)
    return [doc[s.open + 1 : s.end].text for s in segments(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly double marks
        ("“We will win,” she said.", ["We will win,"]),
        # British single marks, curly and straight
        ("‘We will win,’ she said.", ["We will win,"]),
        ("'We will not bow to them,' she said.", ["We will not bow to them,"]),
        # the two-apostrophe double mark of newspaper archives and wire copy
        ("''We will win,'' said Mr. Jones.", ["We will win,"]),
        ("He called it ''a fair deal'' on Monday.", ["a fair deal"]),
        # a single-mark quote inside a double-mark one is part of it, and the other way round
        (
            "“Rivera promised to ‘close the gap’ by May. Still no gap closed,” Ms Ode said.",
            ["Rivera promised to ‘close the gap’ by May. Still no gap closed,"],
        ),
        (
            "\"They told us 'never', and we believed them,\" she said.",
            ["They told us 'never', and we believed them,"],
        ),
        (
            "‘They told us “never”, and we believed them,’ she said.",
            ["They told us “never”, and we believed them,"],
        ),
        # an opening mark typed at a line's end closes the quote
        ("“We will sign it soon. “\nThe talks ended.", ["We will sign it soon."]),
        # a straight single mark opening the next paragraph of a quote in curly marks
        (
            "He said: ‘Time is short for the mills.\n'Orders are being lost every week.’",
            ["Time is short for the mills.", "Orders are being lost every week."],
        ),
    ],
)
def test_quote_marks_pairs(nlp, text, expected):
    assert quoted(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The farmers' union said it would strike on Monday.",
        "It felt like the '90s again, said Mr Pike.",
        "Mr. Hale''s office said nothing on Monday.",
        "The two countries' leaders met in Oslo.",
    ],
)
def test_quote_marks_apostrophes_are_not_quotes(nlp, text):
    assert quoted(nlp, text) == []
