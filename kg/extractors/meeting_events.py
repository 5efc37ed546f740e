"""One article's event mentions grouped into events: one real meeting, one Meeting fact.

A meeting is often reported in several sentences ("Lee met Bessent in New York on
Wednesday ... Lee stressed to Bessent during the meeting that ..."). Mentions are read in
text order and each joins an earlier event when it refers to it:

- a definite mention that says nothing of its own ("the meeting", "during the call") joins
  the nearest earlier event of a compatible kind (``anaphora``);
- a mention that names the same parties, in a compatible kind, date, status and ordinal,
  joins that event (``same_parties``): "Lee met Bessent" and "his meeting with Bessent";
- a mention marked as another occasion ("a separate meeting", "more talks", "a second
  summit") never joins an event by its parties alone.

The event then takes the union of its mentions' parties, the first place and date given,
the status of its strongest cue, and the label of its most specific mention.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.extractors.patterns.meetings import KIND_FAMILIES
from kg.facts import (
    CANCELLED,
    GOVERNMENT,
    HELD,
    PERSON,
    DateValue,
    EntityRef,
    Meeting,
    MeetingStatus,
)


@dataclass(frozen=True)
class Draft:
    """One mention of an event, read from one trigger token (``trigger`` is its index)."""

    trigger: int
    meeting: Meeting
    part_of: int | None = None  # trigger index of the event it happens beside
    sentence: int = 0
    anaphoric: bool = False  # "the meeting": refers back, says nothing of its own
    definite: bool = False  # "the summit", "those talks": may refer back
    distinct: bool = False  # "a separate meeting", "more talks": another occasion
    named: bool = False  # a proper name or an ordinal in the phrase ("G7 summit")
    name_place: str | None = None  # the place it is named by ("the Geneva talks")
    weight: int = 0  # how sure the status is: 3 cue word, 2 date, 1 tense, 0 default
    # countries the persons taking part serve ("" for one whose country the article does not
    # say)
    homes: tuple[str, ...] = ()
    verb: str = ""  # the event verb's kind ("meeting", "call", "visit") when a verb named it
    # the government of the country a visit goes to, or an event is held in
    host: EntityRef | None = None
    group: bool = False  # a party no name stands for ("the two leaders", "his counterparts")
    plural: bool = False  # "they", "the pair" with no names nearby: the last event's parties
    reach: int | None = None  # how many sentences back an anaphor may find its event
    fallback_when: DateValue | None = None  # the story's day, for a meeting told as done


@dataclass
class Event:
    """Mentions of one real event, in text order."""

    drafts: list[Draft] = field(default_factory=list)

    @property
    def first(self) -> Draft:
        return self.drafts[0]

    @property
    def kinds(self) -> set[str]:
        return {d.meeting.kind for d in self.drafts}

    @property
    def parties(self) -> list[EntityRef]:
        """Every mention's parties; a visit's host country only if none of its people is
        named ("visited Tokyo and met Ishiba" is a meeting with Ishiba)."""
        out: list[EntityRef] = []
        for draft in self.drafts:
            out.extend(p for p in draft.meeting.participants if p not in out)
        hosts = {d.host for d in self.drafts if d.host is not None and d.meeting.kind == "visit"}
        homes = self.homes
        return [p for p in out if not (p in hosts and p.key in homes)]

    @property
    def homes(self) -> set[str]:
        return {h for d in self.drafts for h in d.homes}

    @property
    def grounds(self) -> set[str]:
        """Countries the event's parties serve or that it is held in."""
        return self.homes | {d.host.key for d in self.drafts if d.host is not None}

    @property
    def when(self) -> DateValue | None:
        return next((d.meeting.when for d in self.drafts if d.meeting.when), None)

    @property
    def fallback_when(self) -> DateValue | None:
        return next((d.fallback_when for d in self.drafts if d.fallback_when), None)

    @property
    def ordinal(self) -> int | None:
        return next((d.meeting.ordinal for d in self.drafts if d.meeting.ordinal), None)

    @property
    def status(self) -> MeetingStatus:
        return _strongest(self.drafts).meeting.status

    @property
    def last_sentence(self) -> int:
        return max(d.sentence for d in self.drafts)


def _strongest(drafts: list[Draft]) -> Draft:
    """The mention whose status to trust: a cancellation, else the surest cue, else the first."""
    cancelled = [d for d in drafts if d.meeting.status == CANCELLED and d.weight >= 3]
    if cancelled:
        return cancelled[0]
    return max(drafts, key=lambda d: d.weight)  # max keeps the first of equals


def _family(kind: str) -> str:
    return KIND_FAMILIES.get(kind, kind)


def kinds_agree(draft: Draft, event: Event) -> bool:
    """A call is only a call; meetings, talks, summits and visits may name one event."""
    families = {_family(k) for k in event.kinds}
    mine = _family(draft.meeting.kind)
    if "call" in families or mine == "call":
        return families == {"call"} and mine == "call"
    return True


def dates_agree(a: DateValue | None, b: DateValue | None) -> bool:
    return a is None or b is None or (a.earliest <= b.latest and b.earliest <= a.latest)


def statuses_agree(draft: Draft, event: Event) -> bool:
    """Held and still to come are two occasions; a cancellation may end either; a status
    no word or date gave says nothing."""
    a, b = draft.meeting.status, event.status
    if draft.weight == 0 or _strongest(event.drafts).weight == 0:
        return True
    return CANCELLED in (a, b) or (a == HELD) == (b == HELD)


def _covers(parties: list[EntityRef], grounds: set[str], ref: EntityRef) -> bool:
    """A party is among the others, or its government is served by one of them or is the
    host (a person whose country the article does not say may serve it too)."""
    if ref in parties:
        return True
    return ref.kind == GOVERNMENT and (ref.key in grounds or "" in grounds)


def same_parties(draft: Draft, event: Event) -> bool:
    """One side's parties are all among the other's, and they share a person. A named
    event ('the OECD ministerial meeting') only takes a mention with its very parties."""
    mine, theirs = list(draft.meeting.participants), event.parties
    persons = {p for p in mine if p.kind == PERSON} & {p for p in theirs if p.kind == PERSON}
    if not persons:
        return False
    if any(d.named and not d.meeting.ordinal for d in event.drafts) and set(mine) != set(theirs):
        return False
    mine_grounds = set(draft.homes) | ({draft.host.key} if draft.host else set())
    return all(_covers(theirs, event.grounds, p) for p in mine) or all(
        _covers(mine, mine_grounds, p) for p in theirs
    )


def anaphora(draft: Draft, events: list[Event]) -> Event | None:
    """The nearest earlier event a bare definite mention ('the talks') refers to."""
    if not draft.anaphoric:
        return None
    for event in reversed(events):
        if draft.reach is not None and event.last_sentence < draft.sentence - draft.reach:
            return None
        kind_ok = kinds_agree(draft, event) or draft.meeting.kind in ("talks", "negotiations")
        if kind_ok and dates_agree(draft.meeting.when, event.when) and statuses_agree(draft, event):
            return event
    return None


def _compatible(draft: Draft, event: Event) -> bool:
    """Kind, date, status and ordinal do not tell the two apart."""
    m = draft.meeting
    return (
        kinds_agree(draft, event)
        and dates_agree(m.when, event.when)
        and statuses_agree(draft, event)
        and m.ordinal == event.ordinal
    )


def _near(draft: Draft, event: Event, sentences: int = 2) -> bool:
    return event.last_sentence >= draft.sentence - sentences


def by_parties(draft: Draft, events: list[Event]) -> Event | None:
    """The earlier event with the same parties, kind, date, status and ordinal; a side with a
    single party only joins an event told in the last two sentences."""
    if draft.anaphoric or draft.distinct:
        return None
    for event in reversed(events):
        if not (_compatible(draft, event) and same_parties(draft, event)):
            continue
        single = min(len(draft.meeting.participants), len(event.parties)) < 2
        if not single or _near(draft, event):
            return event
    return None


def _persons(parties: list[EntityRef] | tuple[EntityRef, ...]) -> set[EntityRef]:
    return {p for p in parties if p.kind == PERSON}


def definite_back(draft: Draft, events: list[Event]) -> Event | None:
    """'the summit', 'those talks' with parties of their own: the event told in the last two
    sentences, unless the two name different people ('the talks' may be a call's)."""
    if not draft.definite or draft.named or draft.distinct or draft.anaphoric:
        return None
    mine = _persons(draft.meeting.participants)
    for event in reversed(events):
        if not _near(draft, event):
            # further back, only the last event of the very kind ("the summit")
            same = [e for e in events if draft.meeting.kind in e.kinds and _fits(draft, e)]
            return same[-1] if same and _no_other_people(draft, same[-1]) else None
        theirs = _persons(event.parties)
        if mine and theirs and not mine & theirs:
            continue
        talks = draft.meeting.kind in ("talks", "negotiations")
        if (talks or kinds_agree(draft, event)) and dates_agree(draft.meeting.when, event.when):
            return event
    return None


def _fits(draft: Draft, event: Event) -> bool:
    """Date and status do not tell the mention from the event (asked of an event told further
    back, where nearness says less)."""
    return dates_agree(draft.meeting.when, event.when) and statuses_agree(draft, event)


def _no_other_people(draft: Draft, event: Event) -> bool:
    """Nothing tells the two apart by who takes part (a summit has many people)."""
    if draft.meeting.kind == "summit":
        return True
    mine, theirs = _persons(draft.meeting.participants), _persons(event.parties)
    return not (mine and theirs and not mine & theirs)


def by_place_name(draft: Draft, events: list[Event]) -> Event | None:
    """'the Geneva talks', 'the Alaska summit': the event held in the place it is named by,
    or told just before with no place ('X met Y. The Downing Street talks ...')."""
    if not draft.named:
        return None
    words = f" {draft.meeting.label.lower()} "
    for event in reversed(events):
        places = {d.meeting.place.label.lower() for d in event.drafts if d.meeting.place}
        if any(f" {p} " in words for p in places) and kinds_agree(draft, event):
            return event
    last = events[-1] if events else None
    if (
        draft.name_place
        and draft.definite
        and not draft.meeting.participants
        and last is not None
        and _near(draft, last, 1)
        and not any(d.named or d.meeting.place for d in last.drafts)
        and _compatible(draft, last)
    ):
        return last
    return None


def same_name(draft: Draft, events: list[Event]) -> Event | None:
    """'the BNP meeting' told again: the event of that name."""
    if not draft.named:
        return None
    label = draft.meeting.label.lower()
    for event in reversed(events):
        if any(d.named and d.meeting.label.lower() == label for d in event.drafts):
            return event
    return None


def same_ordinal(draft: Draft, events: list[Event]) -> Event | None:
    """'a second meeting ... the quick second meeting': the same ordinal and kind."""
    m = draft.meeting
    if m.ordinal is None:
        return None
    for event in reversed(events):
        if event.ordinal == m.ordinal and kinds_agree(draft, event):
            return event
    return None


Link = Callable[[Draft, list[Event]], "Event | None"]
LINKS: tuple[Link, ...] = (
    anaphora,
    same_ordinal,
    same_name,
    by_place_name,
    definite_back,
    by_parties,
)


def group(drafts: list[Draft]) -> list[Event]:
    """Mentions in text order, each joined to the event the first link finds, or a new one;
    a bare definite mention with nothing to refer to is dropped. Mentions that only add
    people ('X headed the delegation') then join the nearest event, before or after."""
    events: list[Event] = []
    ordered = sorted(drafts, key=lambda d: d.meeting.evidence.anchor.start)
    for draft in (d for d in ordered if d.reach is None):
        if draft.plural and len(draft.meeting.participants) < 2:
            draft = _with_last_parties(draft, events)
        event = next((e for link in LINKS if (e := link(draft, events)) is not None), None)
        if event is not None:
            event.drafts.append(draft)
        elif not draft.anaphoric:
            events.append(Event([draft]))
    for draft in (d for d in ordered if d.reach is not None):
        event = nearest(draft, events)
        if event is not None:
            event.drafts.append(draft)
    return events


def nearest(draft: Draft, events: list[Event]) -> Event | None:
    """The event told closest to a mention (within its reach), the earlier of two as close."""

    def gap(event: Event) -> int:
        sentences = [d.sentence for d in event.drafts]
        if min(sentences) <= draft.sentence <= max(sentences):
            return 0
        return min(abs(draft.sentence - n) for n in sentences)

    reach = draft.reach or 0
    close = [e for e in events if gap(e) <= reach and kinds_agree(draft, e)]
    return min(close, key=gap) if close else None


def _with_last_parties(draft: Draft, events: list[Event]) -> Draft:
    """'they held a meeting': the parties of the event told just before (this or the last
    sentence)."""
    last = events[-1] if events else None
    if last is None or last.last_sentence < draft.sentence - 1:
        return draft
    parties = list(draft.meeting.participants)
    parties += [p for p in last.parties if p not in parties]
    return replace(
        draft,
        meeting=replace(draft.meeting, participants=tuple(parties)),
        homes=tuple({*draft.homes, *last.homes}),
    )


# --- one Meeting per event -----------------------------------------------------------------
def _label_draft(event: Event) -> Draft:
    """The mention that names the event best: a named one, else the first noun that is not
    an anaphor, else the first verb."""
    for draft in event.drafts:
        if draft.named:
            return draft
    nouns = [d for d in event.drafts if not d.anaphoric and not d.verb]
    verbs = [d for d in event.drafts if d.verb]
    return (nouns or verbs or event.drafts)[0]


def verb_label(kind: str, parties: list[EntityRef], place: EntityRef | None) -> str:
    """'meeting of A and B', 'call of A and B', 'visit of A to Place'."""
    names = " and ".join(p.label for p in parties)
    if kind == "visit":
        return f"visit of {names}" + (f" to {place.label}" if place else "")
    return f"{'call' if kind == 'call' else 'meeting'} of {names}"


def label_of(event: Event, place: EntityRef | None) -> str:
    """The label of the best mention; a verb's is made anew from all the event's parties, and
    a bare noun ('meeting') gets its parties or its place."""
    draft = _label_draft(event)
    parties = [p for p in event.parties if not (draft.verb == "visit" and p == draft.host)]
    if draft.verb:
        return verb_label(draft.verb, parties, draft.meeting.place)
    label = draft.meeting.label
    if " " in label or draft.named:
        return label
    if parties:
        talks = draft.meeting.kind in ("talks", "negotiations") and len(parties) > 1
        joint = "between" if talks else "of"
        return f"{label} {joint} {' and '.join(p.label for p in parties)}"
    return f"{label} in {place.label}" if place else label


def event_key(meeting: Meeting) -> str:
    """The key of an event within its article: its kind and where it is first named."""
    return f"{meeting.kind}@{meeting.evidence.anchor.start}"


def to_meeting(event: Event) -> Meeting:
    """The event as one fact: first mention's evidence, union of parties, strongest status."""
    place = next((d.meeting.place for d in event.drafts if d.meeting.place), None)
    draft = _label_draft(event)
    meeting = replace(
        event.first.meeting,
        label=label_of(event, place),
        kind=draft.meeting.kind,
        participants=tuple(event.parties),
        place=place,
        when=event.when or (event.fallback_when if event.status == HELD else None),
        status=event.status,
        ordinal=event.ordinal,
    )
    return replace(meeting, key=event_key(meeting))


def is_occasion(event: Event) -> bool:
    """Two parties or more, one and a group ('with European leaders'), or a name or ordinal
    that makes it one occasion ('G7 summit'): one person alone is no meeting, nor is 'a
    meeting' with no one."""
    parties = len(event.parties)
    return (
        parties >= 2
        or (parties == 1 and any(d.group for d in event.drafts))
        or any(d.named for d in event.drafts)
    )
