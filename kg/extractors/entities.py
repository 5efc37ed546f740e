"""Entity mentions: every person, country, government and place the article names."""

from __future__ import annotations

from collections.abc import Iterator

from kg.extractors.context import DocContext, clean_text
from kg.facts import Mention


def extract(ctx: DocContext) -> Iterator[Mention]:
    """One Mention per entity, at its first mention, with all surface forms as aliases."""
    first: dict[tuple[str, str], Mention] = {}
    aliases: dict[tuple[str, str], set[str]] = {}
    for found in ctx.mentions:
        key = (found.ref.kind, found.ref.key)
        span = ctx.doc[found.start : found.end]
        aliases.setdefault(key, set()).add(clean_text(span.text))
        if key not in first:
            first[key] = Mention(found.ref, (), ctx.evidence(span))
    for key, mention in first.items():
        forms = tuple(sorted(a for a in aliases[key] if a != mention.entity.label))
        yield Mention(mention.entity, forms, mention.evidence)
