"""Meeting tables: event nouns and verbs, status cues, words for sides and journeys."""

from __future__ import annotations

from types import MappingProxyType

MEETING_NOUNS = MappingProxyType(
    {
        "meeting": "meeting",
        "meetings": "meeting",
        "talks": "talks",
        "negotiations": "negotiations",
        "summit": "summit",
        "summits": "summit",
        "visit": "visit",
        "conference": "conference",
        "call": "call",
        "phone call": "call",
        "telephone call": "call",
        "round": "talks",
        "rounds": "talks",
        "session": "meeting",
        "consultations": "talks",
        "dialogue": "talks",
    }
)

# Cue words -> status of a meeting, checked on the governing verbs and their auxiliaries.
STATUS_CUES = MappingProxyType(
    {
        "expect": "expected",
        "likely": "expected",
        "due": "planned",
        "scheduled": "planned",
        "schedule": "proposed",
        "plan": "planned",
        "will": "planned",
        "shall": "planned",
        "set": "planned",
        "prepare": "planned",
        "hope": "proposed",
        "might": "proposed",
        "may": "proposed",
        "could": "proposed",
        "possible": "proposed",
        "possibly": "proposed",
        "propose": "proposed",
        "seek": "proposed",
        "want": "proposed",
        "consider": "proposed",
        "cancel": "cancelled",
        "postpone": "cancelled",
        "call off": "cancelled",
        "scrap": "cancelled",
    }
)
# Prepositions that put the event they govern after the clause's own time.
BEFORE_PREPS = frozenset({"ahead", "before", "prior"})

# Verbs whose object is an event that is one occasion: "hold talks", "attend a summit".
EVENT_VERBS = frozenset(
    {
        "hold",
        "attend",
        "schedule",
        "host",
        "have",
        "join",
        "skip",
        "chair",
        "convene",
        "plan",
        "organize",
        "organise",
        "cancel",
        "postpone",
        "arrange",
        "open",
        "call",
        "make",  # "make an official visit"
        "pay",  # "pay a visit"
    }
)
ORDINALS = MappingProxyType(
    {
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "eleventh": 11,
        "twelfth": 12,
    }
)
# Words for one side of a meeting that name no one: "the Chinese side", "U.S. negotiators".
SIDE_NOUNS = frozenset(
    {
        "side",
        "sides",
        "delegation",
        "delegations",
        "team",
        "negotiators",
        "officials",
        "counterpart",
        "counterparts",
        "leaders",
        "government",
    }
)
# "the two governments": a group of the two countries the article names most.
GROUP_NOUNS = frozenset({"governments", "countries", "sides", "nations"})
# Prepositions that introduce the parties of an event noun: "talks between X and Y".
PARTY_PREPS = frozenset({"between", "with", "among", "by"})
# Prepositions that put an event beside another one: "on the sidelines of the summit".
BESIDE_PREPS = frozenset({"on", "at", "during", "ahead"})
# Nouns an event noun hangs from when it only names what something else is made of:
# "a round of talks" (the round is the event), "a week of talks".
CONTAINER_NOUNS = frozenset({"round", "rounds", "week"})
# Verbs an event noun is the subject of when it took place: "talks resumed in Tokyo".
EVENT_SUBJECT_VERBS = frozenset(
    {"resume", "begin", "start", "end", "conclude", "open", "close", "collapse", "stall"}
)
# "called off", "put off", "pushed back": a cancelled or postponed event.
CANCEL_VERBS = frozenset({"suspend", "abandon", "delay", "shelve", "defer"})
CANCEL_PARTICLES = frozenset({("call", "off"), ("put", "off"), ("push", "back")})
# Journeys made for an event: "flew to Washington for talks with ...".
TRIP_VERBS = frozenset({"arrive", "travel", "fly", "go", "come", "head", "leave", "return"})
# Journeys that are visits when they reach another country: "will travel to India".
VISIT_TRIP_VERBS = frozenset({"travel", "fly", "head", "go"})
# Verbs that are a meeting of their subject and object: "met Ishiba", "conferred with".
MEET_VERBS = frozenset({"meet", "confer"})
# Verbs that are a call by themselves ("phoned"), and nouns that make "spoke by phone" one.
CALL_VERBS = frozenset({"phone", "telephone"})
SPEAK_VERBS = frozenset({"speak", "talk"})
PHONE_WORDS = frozenset({"phone", "telephone", "video", "videolink", "videoconference"})
# Nouns that make "call" a phone call: "a phone call", "call by telephone".
PHONE_NOUNS = frozenset({"phone", "telephone"})
