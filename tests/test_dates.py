import datetime as dt

import pytest

from kg.dates import FUTURE, PAST, normalise_date

THURSDAY = dt.date(2025, 5, 29)  # the seed's publication date


@pytest.mark.parametrize(
    ("text", "tense", "iso", "precision"),
    [
        ("Thursday", None, "2025-05-29", "day"),
        ("Monday", None, "2025-05-26", "day"),
        ("on Friday", FUTURE, "2025-05-30", "day"),
        ("yesterday", None, "2025-05-28", "day"),
        ("July 9", None, "2025-07-09", "day"),
        ("since April 3", PAST, "2025-04-03", "day"),
        ("May 29, 2025", None, "2025-05-29", "day"),
        ("29 May 2025", None, "2025-05-29", "day"),
        ("in June", None, "2025-06", "month"),
        ("January", PAST, "2025-01", "month"),
        ("January", FUTURE, "2026-01", "month"),
        ("next month", None, "2025-06", "month"),
        ("later this week", None, "2025-05-30/2025-06-01", "range"),
        ("last week", None, "2025-05-19/2025-05-25", "range"),
        ("last weekend", None, "2025-05-24/2025-05-25", "range"),
        ("this weekend", None, "2025-05-31/2025-06-01", "range"),
        ("next weekend", None, "2025-06-07/2025-06-08", "range"),
        ("early July", None, "2025-07-01/2025-07-10", "range"),
        ("mid-June", None, "2025-06-11/2025-06-20", "range"),
        ("1987", None, "1987", "year"),
    ],
)
def test_dates_normalise_against_publication_date(text, tense, iso, precision):
    value = normalise_date(text, THURSDAY, tense)
    assert value is not None
    assert (value.iso, value.precision, value.text) == (iso, precision, text)
    assert value.earliest <= value.latest


@pytest.mark.parametrize("text", ["90-day", "two weeks", "second consecutive week", "", "soon"])
def test_dates_durations_and_vague_words_are_not_dates(text):
    assert normalise_date(text, THURSDAY) is None


def test_dates_relative_expression_needs_an_anchor():
    assert normalise_date("Thursday", None) is None
    assert normalise_date("2025-05-29", None).iso == "2025-05-29"
