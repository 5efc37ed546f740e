"""Meeting tables: event nouns and verbs, status cues, words for sides and journeys."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kg.facts import MeetingStatus

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
        "calls": "call",
        "chat": "talks",
        "conversation": "talks",
        "round": "talks",
        "rounds": "talks",
        "session": "meeting",
        "consultations": "talks",
        "dialogue": "talks",
        "gathering": "summit",
    }
)

# Cue words -> status of a meeting, checked on the governing verbs and their auxiliaries.
STATUS_CUES: Mapping[str, MeetingStatus] = MappingProxyType(
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
        "potential": "proposed",
        "possibly": "proposed",
        "propose": "proposed",
        "seek": "proposed",
        "want": "proposed",
        "consider": "proposed",
        "cancel": "cancelled",
        "postpone": "cancelled",
        "call off": "cancelled",
        "scrap": "cancelled",
        "terminate": "cancelled",
        "conclude": "held",
        "complete": "held",
        "wrap": "held",
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
        "delegates",
        "envoys",
        "diplomats",
        "ministers",
        "representatives",
        "members",
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
    {
        "resume",
        "begin",
        "start",
        "end",
        "conclude",
        "open",
        "close",
        "collapse",
        "stall",
        "continue",
    }
)
# "called off", "put off", "pushed back": a cancelled or postponed event.
CANCEL_VERBS = frozenset({"suspend", "abandon", "delay", "shelve", "defer"})
CANCEL_PARTICLES = frozenset({("call", "off"), ("put", "off"), ("push", "back")})
# Journeys made for an event: "flew to Washington for talks with ...".
TRIP_VERBS = frozenset(
    {"arrive", "travel", "fly", "go", "come", "head", "leave", "return", "gather", "convene"}
)
# Verbs of being somewhere that are a trip when they have a place: "will be in Washington
# for talks with X", "stayed in Tokyo for talks".
STAY_VERBS = frozenset({"be", "stay", "remain"})
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
# Kinds of event that may name one occasion; a call is only ever the same as a call.
KIND_FAMILIES = MappingProxyType(
    {
        "meeting": "talks",
        "talks": "talks",
        "negotiations": "talks",
        "summit": "talks",
        "conference": "talks",
        "visit": "visit",
        "call": "call",
    }
)
# Modifiers that make an event noun something else than a meeting between parties:
# "a press conference", "a news conference", "a parliamentary session".
NOT_EVENT_MODIFIERS = frozenset(
    {
        "press",
        "news",
        "parliamentary",
        "plenary",
        "legislative",
        "photo",
        "budget",
        "questions",
        "question",
        "q&a",
    }
)
# Determiners of a mention that refers back to an event named before: "the meeting".
ANAPHOR_DETS = frozenset({"the", "this", "that", "those", "these"})
# Modifiers that make a mention another occasion than the ones before it.
DISTINCT_MODIFIERS = frozenset(
    {"separate", "another", "new", "further", "more", "next", "other", "future", "fresh"}
)
# Pronouns and nouns for several parties at once: "the pair met", "they held talks".
PLURAL_PARTY_WORDS = frozenset({"they", "pair", "two", "both", "duo", "we", "us"})
# People nouns that stand for a group taking part without naming anyone.
GROUP_PARTY_NOUNS = frozenset(
    {"leaders", "counterparts", "ministers", "officials", "delegates", "delegations", "heads"}
)
# Verbs whose subject takes part in the event they govern when it has another party named
# ("Trump floated a meeting with Putin", "she sought talks with Beijing").
AGENT_VERBS = frozenset(
    {
        "propose",
        "float",
        "suggest",
        "seek",
        "request",
        "explore",
        "offer",
        "want",
        "announce",
        "reveal",
        "agree",
        "accept",
        "welcome",
    }
)
# Verbs whose subject takes part in the event they govern, named or not ("concluded talks",
# "resumed negotiations", "co-chaired the summit"), beside EVENT_VERBS.
RUN_VERBS = frozenset(
    {
        "conclude",
        "complete",
        "wrap",
        "finish",
        "resume",
        "continue",
        "end",
        "start",
        "begin",
        "launch",
        "co-chair",
        "lead",
        "head",
    }
)
# "abruptly ended the talks", "broke off negotiations": the event was cut short.
STOP_VERBS = frozenset({"end", "halt", "stop", "break", "terminate", "quit"})
ABRUPT_WORDS = frozenset({"abruptly", "suddenly", "off", "unexpectedly"})
# Prepositions that put an event noun inside a clause its subject acts in: "said during a
# meeting with X", "left after talks with X", "spent an hour with X in a meeting".
CONTEXT_PREPS = frozenset({"during", "in", "at", "after", "following", "from"})
# Prepositions after which the clause's time is not the event's: "left Wednesday after a
# meeting" (the meeting came before).
AFTER_PREPS = frozenset({"after", "following", "since"})
# Nouns whose possessor takes part in the event they are about: "his plans for a meeting
# with X", "on his way to the summit", "her invitation to the talks".
PARTICIPATION_NOUNS = frozenset(
    {
        "plan",
        "plans",
        "way",
        "trip",
        "journey",
        "invitation",
        "participation",
        "attendance",
        "arrival",
        "proposal",
        "hope",
        "hopes",
        "bid",
        "offer",
        "request",
    }
)
# Verbs of a relative clause on an event noun whose object takes part too: "a meeting
# where Zelensky would join them".
RELATIVE_PARTY_VERBS = frozenset({"join", "meet", "include", "bring"})
# Dependencies that leave a noun phrase: its relative clauses and verbal modifiers.
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
# "X headed the U.S. delegation", "a delegation led by X", "X acted as mediator": the heads
# of the sides of an event told about just before.
DELEGATION_NOUNS = frozenset({"delegation", "delegations", "team", "side"})
LEAD_VERBS = frozenset({"head", "lead"})
MEDIATOR_NOUNS = frozenset({"mediator", "intermediary", "go-between"})
# Words that open a relative clause and name no one themselves.
RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "where", "when"})
# Event nouns that are plural in form but name one occasion: "the talks".
PLURAL_ONLY_NOUNS = frozenset({"talks", "negotiations", "consultations"})
# Nouns whose possessor plans or proposes the event they are for: "his plans for a meeting
# with X" (planned), "her proposal for talks" (proposed).
INTENT_STATUS: Mapping[str, MeetingStatus] = MappingProxyType(
    {
        "plan": "planned",
        "plans": "planned",
        "proposal": "proposed",
        "hope": "proposed",
        "hopes": "proposed",
        "bid": "proposed",
        "offer": "proposed",
        "request": "proposed",
        "invitation": "proposed",
    }
)
# Calls: "a call with X", "held a call", "during the call" (not "a call for calm").
CALL_NOUNS = frozenset({"call", "calls"})
CALL_VERBS_HELD = frozenset({"have", "hold", "make", "join", "take"})
NOT_CALL_PREPS = frozenset({"for", "to", "from", "by"})
# Talk nouns that are a call when held at a distance: "a virtual chat", "a video conference".
REMOTE_TALK_NOUNS = frozenset({"chat", "conversation", "conference"})
REMOTE_WORDS = frozenset({"virtual", "online", "remote", "video"})
# Participles after an event noun that tell when it is: "the summit starting Sunday", "the
# meeting, held Tuesday and Wednesday"; the first ones put it ahead.
WHEN_VERBS = frozenset(
    {"start", "begin", "open", "hold", "schedule", "set", "run", "take", "plan", "due"}
)
START_VERBS = frozenset({"start", "begin", "open", "run"})
# Modifiers of an event noun that belong in its label: "fourth round", "G7 summit",
# "in-person summit", "U.S.-China trade talks".
LABEL_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod", "advmod", "quantmod"})
# Verbs whose object hears the subject in the event the clause is set in: "told Y in a
# phone call that ...", "assured Y during the meeting".
TELL_VERBS = frozenset({"tell", "assure", "urge", "inform", "ask", "brief", "thank", "warn"})
# Nouns of a stretch of time or a series that an event noun fills: "held two days of
# talks", "a series of meetings" (the talks are the event, in the clause's place).
SPAN_NOUNS = frozenset({"day", "days", "hours", "weeks", "months", "series"})
# Verbs whose object is an audience, not a meeting one takes part in: "told a banking
# conference", "addressed the summit".
AUDIENCE_VERBS = frozenset({"tell", "address", "brief"})
# What a meeting or trip is for, whose 'with' names the other side: "will visit Washington
# to discuss trade with Y".
DISCUSS_VERBS = frozenset({"discuss", "negotiate", "talk", "confer", "hold"})
