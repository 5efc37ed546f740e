"""Quote tables: speech verbs, quotation marks, speaker words."""

from __future__ import annotations

# --- cues ------------------------------------------------------------------------------
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "state",
        "declare",
        "announce",
        "insist",
        "warn",
        "stress",
        "explain",
        "argue",
        "claim",
        "suggest",
        "acknowledge",
        "admit",
        "write",
        "reply",
        "respond",
        "comment",
        "emphasize",
        "emphasise",
        "describe",
        "call",
        "urge",
        "predict",
        "remark",
        "point",
        "confirm",
        "deny",
        "vow",
        "pledge",
        "report",
        "recall",
        "shout",
        "joke",
        "concede",
        "caution",
        "complain",
        "tweet",
    }
)
# cues that relay someone else's words: another cue of the sentence goes first
# ('X argued "...", the BBC reported'; '"...," X said, according to the paper')
RELAY_CUES = frozenset({"report", "according"})
# verbs that speak only as the tag of a quote right beside them ('"...," he continued',
# 'X asked: "..."'); elsewhere they are no speech ("talks continued", "asked its ally to
# withdraw the "reciprocal" tariff", "to counter China")
TAG_CUES = frozenset({"continue", "conclude", "observe", "counter", "ask", "demand"})

# nouns whose owner speaks the quote in their clause ("Starmer's claim that it 'delivers'")
SPEECH_NOUNS = frozenset(
    {
        "claim",
        "statement",
        "remark",
        "comment",
        "promise",
        "pledge",
        "vow",
        "warning",
        "assertion",
        "insistence",
        "description",
        "assurance",
        "admission",
        "accusation",
        "boast",
        "plea",
        "declaration",
    }
)
# speech verbs that are no cue with a direct object ("program trading adds liquidity")
NO_OBJECT_CUES = frozenset({"add"})
# a quote whose words end in one of these is followed by its speech tag ('"Why?" she asked')
TAG_FOLLOWS = frozenset({",", "?", "!"})

# --- quotation marks -------------------------------------------------------------------
# Two families of marks: a quote opened by one family ends only at a mark of the same
# family; the other family's marks inside it are a nested quote, part of its text ("...
# promised to 'negotiate a win' ...").
DOUBLE, SINGLE = "double", "single"
# curly and angle marks say which end they are
ALWAYS_OPEN = {"“": DOUBLE, "«": DOUBLE, "‘": SINGLE}
ALWAYS_CLOSE = {"”": DOUBLE, "»": DOUBLE, "’": SINGLE}
# straight marks are read from the spaces around them; a straight double mark between two
# words toggles ('"crippled" by'), the others then count for nothing (Smith''s, rock'n'roll).
# '' is the two-apostrophe double mark of older newspaper archives and wire copy.
STRAIGHT = {'"': DOUBLE, "''": DOUBLE, "'": SINGLE}
TOGGLING = frozenset({'"'})
# a straight mark right after one of these opens a quote ("(" + '"', "—" + '"')
OPENING_NEIGHBOURS = frozenset({"(", "[", "—", "–", "-"})
# a straight mark followed by one of these is not closing on that account
PUNCT_AFTER_OPEN = frozenset({"(", "[", "‘", "'"})
# the last character of a line that ends a paragraph (wire copy wraps lines elsewhere)
PARAGRAPH_END = frozenset('.!?:"“”‘’»')

# --- speakers --------------------------------------------------------------------------
# heads of subjects that speak as an anonymous group ("diplomatic sources", "a spokesman")
GROUP_HEADS = frozenset(
    {
        "sources",
        "officials",
        "source",
        "official",
        "diplomats",
        "analysts",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "people",
    }
)
# honorifics that give a person's gender, for resolving "he"/"she"
MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "lady", "baroness", "dame"})
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
