"""The matching rules of the news2025 gold (``../shared/eval/news2025/README.md``).

They are lenient on purpose, so that the figures measure facts and not spelling:

- a person is found under the full name or the surname (the gold's ``surname`` where the
  family name is not the last word), also inside a longer predicted name;
- a speaker or meeting participant matches on the name either way round or on the last word;
- a government is found under any of its aliases ("U.S.", "Washington", "the Trump
  administration" are the United States): :data:`GOVERNMENTS`, tried in order, the first
  alias found inside the label wins; a label that has none stands for itself;
- a gold country among a meeting's participants or a policy's parties may be stood for by a
  person who serves it; an agreement's two parties may come either way round;
- dates agree when their periods overlap ("2025-06-16" and "2025-06-15/2025-06-17").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kg.evaluation.scoring import has_words, plain, words

# Government -> aliases (regular expressions over plain() text), in the order they are tried:
# "US-China talks" is the United States, "North Korea" would be South Korea (the set has none).
GOVERNMENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "United States",
        (
            "united states",
            r"\bu ?s ?a?\b",
            r"\bu\.s\.?",
            "america",
            "washington",
            "white house",
            "trump administration",
            r"\bustr\b",
            "trade representative",
            "commerce department",
            "treasury department",
            "state department",
            "pentagon",
        ),
    ),
    (
        "United Kingdom",
        (
            "united kingdom",
            "britain",
            "british",
            r"\buk\b",
            r"\bu\.k\.?",
            "england",
            "london",
            "downing street",
        ),
    ),
    (
        "European Union",
        (
            "european union",
            "european commission",
            r"\beu\b",
            r"\be\.u\.?",
            "brussels",
            "commission",
        ),
    ),
    ("China", ("china", "chinese", "beijing", r"\bprc\b")),
    ("Japan", ("japan", "tokyo")),
    ("South Korea", ("korea", "seoul")),
    ("Mexico", ("mexic",)),
    ("Canada", ("canad", "ottawa")),
    ("Brazil", ("brazil", "brasilia")),
    ("Switzerland", ("switzerland", "swiss", r"\bbern\b")),
    ("Germany", ("germany", "german", "berlin")),
    ("France", ("france", "french", "paris", "elysee")),
    ("India", ("india", "new delhi")),
    ("Russia", ("russia", "moscow", "kremlin")),
    ("Philippines", ("philippin", "manila")),
    ("Indonesia", ("indonesia", "jakarta")),
    ("Belgium", ("belgi",)),
    ("Vietnam", ("vietnam", "viet nam", "hanoi")),
    ("Thailand", ("thailand", r"\bthai\b", "bangkok")),
    ("Malaysia", ("malaysia", "kuala lumpur", "putrajaya")),
    ("Singapore", ("singapore",)),
    ("Australia", ("australia", "canberra")),
    ("Ukraine", ("ukrain", "kyiv", "kiev")),
    ("Iran", (r"\biran", "tehran")),
    ("Israel", ("israel",)),
    ("Oman", (r"\boman",)),
    ("Qatar", ("qatar", "doha")),
    ("Egypt", ("egypt", "cairo")),
    ("Turkey", ("turkey", "turkiye", "turkish", "ankara")),
    ("Saudi Arabia", ("saudi", "riyadh")),
    ("Taiwan", ("taiwan", "taipei")),
    ("Italy", ("italy", "italian", r"\brome\b")),
    ("Poland", ("poland", "polish", "warsaw")),
    ("Netherlands", ("netherlands", "dutch")),
    ("NATO", (r"\bnato\b", "north atlantic treaty")),
    ("United Nations", ("united nations", r"\bu\.?n\.?\b")),
)
_ALIASES = tuple((name, re.compile("|".join(aliases))) for name, aliases in GOVERNMENTS)
KNOWN_GOVERNMENTS = frozenset(name for name, _ in GOVERNMENTS)

# The gold's role classes, in kg's names.
GOLD_ROLE_CLASS = {"head_of_gov": "head_of_government"}

# kg has no kind of its own for an investment pledge: a pledge stands for it.
SAME_KIND = {"investment": "pledge"}


@dataclass(frozen=True)
class Person:
    """What a gold official gives the matching rules: the name, its surname, the government."""

    name: str
    government: str
    surname: str | None = None  # where the family name is not the last word

    @property
    def family_name(self) -> str:
        parts = self.name.split()
        return words(self.surname or (parts[-1] if parts else ""))


def government(label: str | None) -> str:
    """The government a label names ("" for none; the plain label itself when no alias fits)."""
    text = plain(label)
    if not text:
        return ""
    for name, pattern in _ALIASES:
        if pattern.search(text):
            return name
    return text


def is_person(predicted: str, person: Person) -> bool:
    """A predicted name is the gold person: full name, surname, or either inside it."""
    name, full, family = words(predicted), words(person.name), person.family_name
    return name in (full, family) or has_words(name, full) or has_words(name, family)


def same_speaker(predicted: str | None, speaker: str | None) -> bool:
    """A predicted speaker is the gold one; a gold speaker of None (words the article gives
    to no one) matches no prediction."""
    mine, theirs = words(predicted), words(speaker)
    if not mine or not theirs:
        return False
    return (
        mine == theirs
        or has_words(mine, theirs)
        or has_words(theirs, mine)
        or mine.split()[-1] == theirs.split()[-1]
    )


def serves(label: str, country: str, people: Iterable[Person]) -> bool:
    """A predicted label is the gold country, or a person who serves its government."""
    if government(label) == country:
        return True
    return any(is_person(label, p) and government(p.government) == country for p in people)


def is_participant(predicted: str, wanted: str, people: Sequence[Person]) -> bool:
    """A gold participant (a person's name or surname, or a country) is the predicted one."""
    if not predicted:
        return False
    country = government(wanted)
    surnames = {p.family_name for p in people}
    if country in KNOWN_GOVERNMENTS and words(wanted) not in surnames:
        return serves(predicted, country, people)
    return same_speaker(predicted, wanted)


def is_party(labels: Iterable[str], wanted: str, people: Sequence[Person]) -> bool:
    """A gold imposer or target is among a policy's predicted parties."""
    country = government(wanted)
    return any(serves(label, country, people) for label in labels)


def first_number(text: str | None) -> float | None:
    """The rate a predicted value gives ("25", "25.0", "25 percent")."""
    found = re.search(r"\d+(\.\d+)?", text or "")
    return float(found.group()) if found else None


def period(text: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO date, ``YYYY-MM``, ``YYYY`` or ``A/B`` interval."""
    start, _, end = (text or "").strip().partition("/")
    first, last = _days(start), _days(end or start)
    return (first[0], last[1]) if first and last else None


def _days(text: str) -> tuple[dt.date, dt.date] | None:
    numbers = [int(n) for n in re.findall(r"\d+", text)[:3]]
    try:
        if len(numbers) == 1:
            return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
        if len(numbers) == 2:
            year, month = numbers
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return day, day
    except (ValueError, calendar.IllegalMonthError):
        return None
    return None


def dates_agree(gold: str | None, predicted: str | None) -> bool:
    """Whether the two periods overlap; an unreadable or missing date agrees with nothing."""
    wanted, got = period(gold), period(predicted)
    return bool(wanted and got and wanted[0] <= got[1] and got[0] <= wanted[1])
