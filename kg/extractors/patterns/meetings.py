"""Meeting tables: event nouns, status cues, prepositions of time."""

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
