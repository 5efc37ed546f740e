"""Governments carried across articles: a role stated without one takes it from elsewhere.

"President Reagan" in one story has no government; hundreds of others write "U.S. President
Reagan". A membership with no government takes the government that the same person's same
role (the same normalised office) has in the other articles of the store, when every article
that states one states the same. The conclusion is marked as inferred and names the articles
it rests on; the article graphs keep what the text says.
"""

from __future__ import annotations

from collections import defaultdict
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
        basis = [b for b in stated.get((who(m), m.role), []) if b.article != m.article]
        governments = {b.government for b in basis}
        if len(governments) != 1:
            continue
        (government,) = governments
        assert government is not None
        out.append(
            Inferred(
                m.iri,
                government,
                "same-role",
                tuple(sorted({b.iri for b in basis})),
                frozenset(b.article for b in basis),
            )
        )
    return sorted(out, key=lambda i: i.membership)
