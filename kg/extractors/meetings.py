"""Meetings, talks, summits, visits and calls, with participants, place, date and status.

The article is read as a whole, in three steps:

1. every mention of an event is a draft: event nouns (``meeting_nouns``: "the fourth round
   of tariff talks", "a call with X", "the meeting" referring back), event verbs and trips
   (``meeting_verbs``: "met", "will visit Beijing", "spoke by phone with", "will travel to
   India"), and the heads of delegations and mediators told beside an event; their parties
   come from the whole paragraph (``meeting_parties``: "he", "his meeting", "the pair", "we"
   in a quote, "her counterpart" after a trip), their dates and statuses from the words around
   them (``meeting_reading``);
2. drafts that tell of one real event are grouped (``meeting_events``): anaphora, the same
   people, ordinal, name or place name;
3. each group that is one occasion (two parties or more, or a name) becomes one ``Meeting``,
   and an event held beside another ("on the sidelines of the G7 summit") points at its key.

Countries taking part are their governments, and so are unnamed sides ("his Japanese
counterpart", "negotiators from Japan and the United States").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from kg.extractors.context import DocContext
from kg.extractors.meeting_events import (
    Draft,
    Event,
    group,
    is_occasion,
    to_meeting,
)
from kg.extractors.meeting_nouns import noun_draft
from kg.extractors.meeting_reading import Reader
from kg.extractors.meeting_verbs import delegation_draft, verb_draft
from kg.facts import (
    Meeting,
)


# --- the article's events ------------------------------------------------------------------
def read_drafts(ctx: DocContext) -> list[Draft]:
    """Every event mention of the article: all nouns first (they claim the dates and places
    right after them), then the verbs."""
    reader = Reader(ctx)
    drafts = [d for t in ctx.tokens if (d := noun_draft(reader, t)) is not None]
    drafts += [d for t in ctx.tokens if (d := verb_draft(reader, t)) is not None]
    drafts += [d for t in ctx.tokens if (d := delegation_draft(reader, t)) is not None]
    return drafts


def extract(ctx: DocContext) -> Iterator[Meeting]:
    """Every event of the article, its mentions grouped into one fact each, with an event
    beside another linked to it by key."""
    events = [e for e in group(read_drafts(ctx)) if is_occasion(e)]
    meetings = [to_meeting(e) for e in events]
    by_trigger = {d.trigger: m for e, m in zip(events, meetings, strict=True) for d in e.drafts}
    for event, meeting in zip(events, meetings, strict=True):
        yield _beside_link(event, meeting, by_trigger)


def _beside_link(event: Event, meeting: Meeting, by_trigger: dict[int, Meeting]) -> Meeting:
    """Point at the event this one is held beside; take its date when it has none."""
    parent = next(
        (by_trigger.get(d.part_of) for d in event.drafts if d.part_of in by_trigger), None
    )
    if parent is None or parent.key == meeting.key:
        return meeting
    return replace(
        meeting,
        part_of=parent.key,
        when=meeting.when or parent.when,
        place=meeting.place or parent.place,
    )
