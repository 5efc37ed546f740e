"""Grouping reports of one thing: a deterministic union-find over compatible pairs.

Meetings and policies are grouped the same way: reports from different articles that a
``same`` test accepts end up in one group (transitively). Items are visited in sorted order
and every group is returned sorted, so the result does not depend on build order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def groups(
    items: Sequence[T],
    same: Callable[[T, T], bool],
    key: Callable[[T], str],
    bucket: Callable[[T], str],
) -> list[list[T]]:
    """Groups of two or more items; ``same`` is only asked within one ``bucket``."""
    ordered = sorted(items, key=key)
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    buckets: dict[str, list[int]] = defaultdict(list)
    for i, item in enumerate(ordered):
        buckets[bucket(item)].append(i)
    for members in buckets.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if root(i) != root(j) and same(ordered[i], ordered[j]):
                    parent[max(root(i), root(j))] = min(root(i), root(j))
    found: dict[int, list[T]] = defaultdict(list)
    for i, item in enumerate(ordered):
        found[root(i)].append(item)
    return [found[r] for r in sorted(found) if len(found[r]) > 1]


def day(text: str | None) -> dt.date | None:
    """A date from an ISO ``YYYY-MM-DD`` prefix, else None."""
    if not text or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def overlaps(
    a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, slack: int = 1
) -> bool:
    """Whether two inclusive date ranges overlap, ``slack`` days apart at most."""
    if a is None or b is None:
        return False
    gap = dt.timedelta(days=slack)
    return a[0] - gap <= b[1] and b[0] - gap <= a[1]
