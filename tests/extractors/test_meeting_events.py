"""Grouping event mentions into events, on hand-built drafts (no parser involved)."""

import datetime as dt

from kg.extractors.meeting_events import Draft, group, is_occasion, to_meeting
from kg.facts import GOVERNMENT, PERSON, DateValue, EntityRef, Evidence, Meeting, Span

SATO = EntityRef(PERSON, "Kenji Sato", "Kenji Sato")
LUTZ = EntityRef(PERSON, "Dana Lutz", "Dana Lutz")
HART = EntityRef(PERSON, "Paul Hart", "Paul Hart")
US = EntityRef(GOVERNMENT, "US", "United States")


def day(iso: str) -> DateValue:
    d = dt.date.fromisoformat(iso)
    return DateValue(iso, iso, "day", d, d)


def draft(
    at: int, label: str, kind: str = "meeting", parties=(), status="held", weight=1, **extra
) -> Draft:
    evidence = Evidence(Span(at, at + 10, "x" * 10), Span(at, at + len(label), label))
    meeting = Meeting(
        label, kind, tuple(parties), None, extra.pop("when", None), status, None, None, evidence
    )
    return Draft(at, meeting, sentence=extra.pop("sentence", at // 100), weight=weight, **extra)


def test_meeting_events_the_meeting_joins_the_event_told_before():
    events = group(
        [
            draft(0, "meeting of Kenji Sato and Dana Lutz", parties=(SATO, LUTZ), verb="meeting"),
            draft(120, "meeting", anaphoric=True, definite=True, weight=0),
        ]
    )
    assert len(events) == 1 and len(events[0].drafts) == 2
    # with nothing told before, "the meeting" is no event
    assert group([draft(0, "meeting", anaphoric=True, definite=True, weight=0)]) == []


def test_meeting_events_same_people_join_a_separate_meeting_does_not():
    first = draft(0, "meeting of Kenji Sato and Dana Lutz", parties=(SATO, LUTZ), verb="meeting")
    again = draft(300, "meeting", parties=(LUTZ, SATO))
    other = draft(320, "separate meeting", parties=(SATO, LUTZ), distinct=True, status="planned")
    events = group([first, again, other])
    assert [len(e.drafts) for e in events] == [2, 1]


def test_meeting_events_a_call_and_a_meeting_or_two_days_stay_apart():
    meeting = draft(0, "meeting", parties=(SATO, LUTZ), when=day("2025-05-26"))
    call = draft(100, "call", kind="call", parties=(SATO, LUTZ), when=day("2025-05-26"))
    later = draft(200, "meeting", parties=(SATO, LUTZ), when=day("2025-05-28"))
    assert len(group([meeting, call, later])) == 3


def test_meeting_events_held_and_to_come_are_two_events_unless_a_cue_is_missing():
    held = draft(0, "meeting", parties=(SATO, LUTZ), status="held", weight=1)
    planned = draft(100, "meeting", parties=(SATO, LUTZ), status="planned", weight=3)
    assert len(group([held, planned])) == 2
    unsure = draft(100, "meeting", parties=(SATO, LUTZ), status="planned", weight=0)
    assert len(group([held, unsure])) == 1


def test_meeting_events_a_country_is_covered_by_its_official():
    visit = draft(0, "visit", kind="visit", parties=(SATO, US), homes=("JP",))
    talks = draft(50, "talks", kind="talks", parties=(SATO, LUTZ), homes=("JP", "US"))
    (event,) = group([visit, talks])
    assert set(event.parties) == {SATO, US, LUTZ}


def test_meeting_events_one_person_is_no_occasion_a_named_summit_is():
    (alone,) = group([draft(0, "meeting", parties=(HART,))])
    assert not is_occasion(alone)
    (named,) = group([draft(0, "G7 summit", kind="summit", named=True)])
    assert is_occasion(named) and to_meeting(named).label == "G7 summit"
    (pair,) = group([draft(0, "meeting", parties=(HART, LUTZ))])
    assert to_meeting(pair).label == "meeting of Paul Hart and Dana Lutz"
