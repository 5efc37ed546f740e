"""What every gold set's scorer shares: precision/recall/F1 tallies, failures sorted into
categories, and names and quoted words normalised for comparison.

A gold set's scorer counts into a :class:`Tally` per fact type and records every miss and
false hit in :class:`Failures` under a category that says why, so the summary can tell where
the errors come from and ``--verbose`` can list them by category.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

MISSED = "missed"  # a gold item no prediction matches
FALSE = "false"  # a predicted item no gold item matches
WRONG = "wrong"  # matched, but a detail (status, date, one IRI per person) is wrong
UNSCORED = "unscored"  # listed for reading, counted nowhere
SIDES = (MISSED, FALSE, WRONG)
SIDE_NOUN = {MISSED: "misses", FALSE: "false hits", WRONG: "wrong details"}

_NOT_WORD = re.compile(r"[^a-z0-9.]+")


@dataclass
class Tally:
    """Counts behind one fact type's precision and recall.

    Precision counts predictions that match some gold item, recall gold items that some
    prediction matches; with one-to-one matching (DWIE pairs) the two right counts agree.
    """

    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Failure:
    """One miss, false hit or wrong detail, readable on its own."""

    fact: str  # officials, meetings, ...
    side: str  # MISSED, FALSE, WRONG or UNSCORED
    category: str  # why, in a few words: "no imposer", "person not found"
    article: str
    text: str


@dataclass
class Failures:
    """Every failure of a run, in the order found."""

    items: list[Failure] = field(default_factory=list)

    def add(self, fact: str, side: str, category: str, article: str, text: str) -> None:
        self.items.append(Failure(fact, side, category, article, text))

    def of(self, fact: str, side: str | None = None) -> list[Failure]:
        return [f for f in self.items if f.fact == fact and side in (None, f.side)]

    def categories(self, fact: str) -> list[tuple[str, str, int, int]]:
        """(side, category, count, total of that side) for one fact type, most frequent
        first (ties in the order first seen); unscored items are left out."""
        counts = Counter((f.side, f.category) for f in self.items if f.fact == fact)
        sides = Counter(f.side for f in self.items if f.fact == fact)
        return [
            (side, category, n, sides[side])
            for (side, category), n in counts.most_common()
            if side in SIDES
        ]


# --- text as compared -------------------------------------------------------------------------
def plain(text: str | None) -> str:
    """ASCII lower case with punctuation turned to spaces (dots kept, for "U.S.")."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(_NOT_WORD.sub(" ", ascii_text.lower()).split())


def words(text: str | None) -> str:
    """Like :func:`plain` without the dots: names and quoted words compared word by word."""
    return " ".join(plain(text).replace(".", " ").split())


def has_words(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` as whole words (both already :func:`words`)."""
    return bool(needle) and f" {needle} " in f" {haystack} "
