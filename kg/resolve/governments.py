"""Governments carried across articles: a role stated without one takes it from elsewhere.

"President Reagan" in one story has no government; hundreds of others write "U.S. President
Reagan". A membership with no government takes the government that the same person's same
role (the same normalised office) has in the other articles of the store: the one they all
state, or a clear majority (at least twice as many articles as any other government, and two
at least), since a story that never names a country can get its leader's government wrong.
The conclusion is marked as inferred and names the articles it rests on; the article graphs
keep what the text says.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from kg.resolve.read import Membership


@dataclass(frozen=True)
class Inferred:
    """Membership ``membership`` serves ``government``, as ``basis`` (other memberships) state."""

    membership: str
    government: str
    rule: str
    basis: tuple[str, ...]  # the memberships that state the government
    sources: frozenset[str]  # their articles


def infer_governments(
    memberships: list[Membership], canonical: Mapping[str, str]
) -> list[Inferred]:
    """Inferred governments for memberships that state none, sorted by membership IRI."""

    def who(m: Membership) -> str:
        return canonical.get(m.person, m.person)

    stated: dict[tuple[str, str], list[Membership]] = defaultdict(list)
    for m in memberships:
        if m.government:
            stated[(who(m), m.role)].append(m)
    out: list[Inferred] = []
    for m in memberships:
        if m.government:
            continue
        others = [b for b in stated.get((who(m), m.role), []) if b.article != m.article]
        government = _clear_majority(others)
        if government is None:
            continue
        basis = [b for b in others if b.government == government]
        unanimous = len(basis) == len(others)
        out.append(
            Inferred(
                m.iri,
                government,
                "same-role" if unanimous else "same-role-majority",
                tuple(sorted({b.iri for b in basis})),
                frozenset(b.article for b in basis),
            )
        )
    return sorted(out, key=lambda i: i.membership)


def _clear_majority(basis: list[Membership]) -> str | None:
    """The government all of ``basis`` state, or one stated by two or more articles and by at
    least twice as many as any other; else None."""
    counts = Counter(b.government for b in basis if b.government)
    if len(counts) == 1:
        return next(iter(counts))
    ranked = counts.most_common()
    if len(ranked) > 1 and ranked[0][1] >= 2 and ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    return None
