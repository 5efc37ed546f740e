"""One measure across articles, with its dated history of states and rates.

A tariff is threatened in March, imposed in April, paused, then cut in July; each article
reports one step, as its own policy node. Reports are the same measure when they come from
different articles, are of the same kind, have the same imposer and the same target (both
stated, or the target missing on both), and cover the same goods (a common word such as
"steel", or no goods named on either when the target is named: "tariffs" of one government
with neither a target nor goods are too vague to be one measure). The measure keeps every
report, in the order the articles were published: its history.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.resolve.clusters import groups
from kg.resolve.read import Report

# Words of a goods phrase that say nothing about which goods ("imports of", "key").
_GOODS_NOISE = frozenset(
    {
        "imported",
        "imports",
        "import",
        "exports",
        "export",
        "goods",
        "products",
        "key",
        "all",
        "other",
        "and",
        "of",
        "on",
        "from",
        "the",
        "into",
        "some",
        "most",
        "foreign",
        "made",
        "parts",
    }
)


@dataclass(frozen=True)
class Measure:
    """One policy and its reports, in publication order."""

    reports: tuple[Report, ...]


def _goods_words(report: Report) -> frozenset[str]:
    words = set()
    for phrase in report.values.get("goods", ()):
        for word in re.findall(r"[a-z]+", phrase.lower()):
            if word not in _GOODS_NOISE and len(word) > 2:
                words.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(words)


def _same(a: Report, b: Report) -> bool:
    if a.article == b.article:
        return False
    if a.values.get("imposer") != b.values.get("imposer") or not a.values.get("imposer"):
        return False
    if a.values.get("target") != b.values.get("target"):
        return False
    ga, gb = _goods_words(a), _goods_words(b)
    if not a.values.get("target") and not (ga & gb):
        return False  # "tariffs" by one government with no target and no goods: too vague
    return (not ga and not gb) or bool(ga & gb)


def resolve_policies(reports: list[Report], dates: Mapping[str, str]) -> list[Measure]:
    """Measures reported by two or more articles, sorted by their first report."""
    found = groups(
        reports,
        _same,
        key=lambda r: r.iri,
        bucket=lambda r: f"{r.kind}|{'|'.join(sorted(r.values.get('imposer', ())))}",
    )
    measures = [
        Measure(tuple(sorted(g, key=lambda r: (dates.get(r.article, ""), r.iri)))) for g in found
    ]
    return sorted(measures, key=lambda m: m.reports[0].iri)
