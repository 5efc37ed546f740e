"""Officials: which person serves which government, in which role, as the article says."""

from __future__ import annotations

from collections.abc import Iterator

from kg import gazetteer
from kg.extractors.context import DocContext
from kg.facts import COUNTRY, PERSON, EntityRef, OfficialRole


def extract(ctx: DocContext) -> Iterator[OfficialRole]:
    """One fact per (person, role, country); the first wording of the role is kept."""
    seen: set[tuple[str, frozenset[str], str | None, str]] = set()
    for title in ctx.titles:
        if title.person is None:
            continue
        key = (title.person, title.key_words, title.country, title.qualifier)
        if key in seen:
            continue
        seen.add(key)
        government = None
        if title.country:
            government = EntityRef(COUNTRY, title.country, gazetteer.by_iso2(title.country).name)
        doc = ctx.doc
        yield OfficialRole(
            person=EntityRef(PERSON, title.person, title.person),
            # "Former British prime minister X": the role as given keeps "former"
            # (not before a verb: "ruled Iraq" stays as written)
            title=f"former {title.text}"
            if title.qualifier == "former" and ctx.doc[title.start].pos_ != "VERB"
            else title.text,
            office=title.office,
            role_class=title.role_class,
            government=government,
            formal=title.formal,
            qualifier=title.qualifier,
            evidence=ctx.evidence(doc[title.anchor_start], doc[title.anchor_end - 1]),
        )
