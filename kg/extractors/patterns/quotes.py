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
    }
)

# --- quotation marks -------------------------------------------------------------------
OPEN_QUOTES = frozenset({"“", '"', "«", "‘"})
CLOSE_QUOTES = frozenset({"”", '"', "»", "’"})
# curly and angle marks say which end they are; straight ones are read from their spacing
ALWAYS_OPEN = frozenset({"“", "«", "‘"})
ALWAYS_CLOSE = frozenset({"”", "»", "’"})
# a straight mark right after one of these opens a quote ("(" + '"', "—" + '"')
OPENING_NEIGHBOURS = frozenset({"(", "[", "—", "–", "-"})
# a straight mark followed by one of these is not closing on that account
PUNCT_AFTER_OPEN = frozenset({"(", "[", "‘", "'"})
# the last character of a line that ends a paragraph (wire copy wraps lines elsewhere)
PARAGRAPH_END = frozenset('.!?:"”’»')

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
