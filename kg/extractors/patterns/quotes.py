"""Quote tables: speech verbs and quotation marks."""

from __future__ import annotations

# --- quotes ---------------------------------------------------------------------------
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
OPEN_QUOTES = frozenset({"“", '"', "«", "‘"})
CLOSE_QUOTES = frozenset({"”", '"', "»", "’"})
