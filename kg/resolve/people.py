"""One person, one IRI across the store.

Person IRIs are minted from the name as the article writes it, so "Ryosei Akazawa" is one
IRI in every article that writes it so, but "Akazawa" alone (an article that never gives the
full name), "Lee Jae-myung" beside "Lee Jae Myung" and "Šefčovič" beside "Sefcovic" are
others. Two rules merge them, both conservative:

* ``same-name``: two full names made of the same words (order, hyphens, accents and
  initials aside) are one person;
* ``spelling``: two full names that differ only in one long word spelt one letter
  differently (transliterations: "Zelensky", "Zelenskyy") are one person, unless the
  governments they are said to serve disagree;
* ``short-name``: a one-word name is the full-named person whose last word it is (or first
  word, for people of countries that put the family name first: China, Korea, Vietnam,
  Hungary, ...), when exactly one such person is in the store and their governments do not
  disagree.

The canonical IRI of a group is the full name written in the most articles (then the
longest, then the first IRI), so the same store gives the same answer in any build order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.resolve import names
from kg.resolve.read import Membership, Person


@dataclass(frozen=True)
class Merge:
    """``member`` is the same person as ``canonical``, by ``rule``; ``why`` says it in words."""

    member: str
    canonical: str
    rule: str
    why: str
    sources: frozenset[str]  # the articles the conclusion rests on


def _governments(memberships: Iterable[Membership]) -> dict[str, set[str]]:
    stated: dict[str, set[str]] = defaultdict(set)
    for m in memberships:
        if m.government:
            stated[m.person].add(m.government)
    return stated


def _full_name_groups(people: list[Person]) -> list[list[Person]]:
    groups: dict[tuple[tuple[str, ...], str], list[Person]] = defaultdict(list)
    for person in people:
        if names.is_full(person.name):
            key = (tuple(sorted(names.core_parts(person.name))), names.suffix(person.name))
            groups[key].append(person)
    return [groups[k] for k in sorted(groups)]


def _spelling_pairs(
    groups: list[list[Person]], stated: Mapping[str, set[str]]
) -> list[tuple[int, int]]:
    """Pairs of groups (by index) whose names are spelling variants of each other and whose
    stated governments do not disagree. Names are bucketed by all their words but one, so
    only names that could differ in one word are compared."""
    buckets: dict[tuple[tuple[str, ...], str], list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        name = group[0].name
        core = sorted(names.core_parts(name))
        for i in range(len(core)):
            buckets[(tuple(core[:i] + core[i + 1 :]), names.suffix(name))].append(index)
    pairs = set()
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = groups[i], groups[j]
                if not names.spelling_variants(a[0].name, b[0].name):
                    continue
                ga = set().union(*(stated.get(p.iri, set()) for p in a))
                gb = set().union(*(stated.get(p.iri, set()) for p in b))
                if not ga or not gb or ga & gb:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _join_spellings(
    groups: list[list[Person]], stated: Mapping[str, set[str]]
) -> list[tuple[list[Person], str]]:
    """Groups with spelling variants joined; each with the rule that joined it."""
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in _spelling_pairs(groups, stated):
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    joined: dict[int, list[int]] = defaultdict(list)
    for i in range(len(groups)):
        joined[root(i)].append(i)
    return [
        ([p for i in members for p in groups[i]], "spelling" if len(members) > 1 else "same-name")
        for _, members in sorted(joined.items())
    ]


def _canonical_of(group: list[Person]) -> Person:
    return min(group, key=lambda p: (-len(p.articles), -len(p.name), p.iri))


def _articles(people: Iterable[Person]) -> frozenset[str]:
    return frozenset(a for p in people for a in p.articles)


def resolve_people(people: list[Person], memberships: list[Membership]) -> list[Merge]:
    """The merges of the store's people, sorted by member IRI."""
    stated = _governments(memberships)
    merges: list[Merge] = []
    joined = _join_spellings(_full_name_groups(people), stated)
    groups = [group for group, _ in joined]
    for group, rule in joined:
        head = _canonical_of(group)
        for person in group:
            if person.iri == head.iri:
                continue
            same = names.same_written_name(person.name, head.name)
            why = (
                f"'{person.name}' and '{head.name}' are the same words of one name"
                if same
                else f"'{person.name}' and '{head.name}' are spellings of one name"
            )
            merges.append(
                Merge(
                    person.iri,
                    head.iri,
                    "same-name" if same else rule,
                    why,
                    _articles([person, head]),
                )
            )
    by_short: dict[str, list[list[Person]]] = defaultdict(list)
    for group in groups:
        served = set().union(*(stated.get(p.iri, set()) for p in group))
        first = any(g.rsplit("/", 1)[-1].upper() in names.FAMILY_NAME_FIRST for g in served)
        for form in names.short_forms(_canonical_of(group).name, family_name_first=first):
            by_short[form].append(group)
    for person in people:
        if names.is_full(person.name):
            continue
        merge = _short_name(person, by_short, stated)
        if merge is not None:
            merges.append(merge)
    return sorted(merges, key=lambda m: m.member)


def _short_name(
    person: Person,
    by_short: Mapping[str, list[list[Person]]],
    stated: Mapping[str, set[str]],
) -> Merge | None:
    core = names.core_parts(person.name)
    if len(core) != 1:
        return None
    candidates = by_short.get(core[0], [])
    own = stated.get(person.iri, set())

    def compatible(group: list[Person]) -> bool:
        theirs = set().union(*(stated.get(p.iri, set()) for p in group))
        return not own or not theirs or bool(own & theirs)

    fitting = [g for g in candidates if compatible(g)]
    if len(fitting) != 1 or (len(candidates) > 1 and not own):
        return None
    head = _canonical_of(fitting[0])
    others = "" if len(candidates) == 1 else f" with {'; '.join(sorted(own))}"
    return Merge(
        person.iri,
        head.iri,
        "short-name",
        f"'{person.name}' is the only person of the store called so{others}: '{head.name}'",
        _articles([person, *fitting[0]]),
    )


def canonical_map(merges: Iterable[Merge]) -> dict[str, str]:
    """Member IRI -> canonical IRI (people that are their own canonical are not listed)."""
    return {m.member: m.canonical for m in merges}
