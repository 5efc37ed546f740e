"""Policy tables: measure nouns, trade words, verbs that impose, pause, request, pledge, agree."""

from __future__ import annotations

from types import MappingProxyType

# --- policies -------------------------------------------------------------------------
POLICY_NOUNS = MappingProxyType(
    {
        "tariff": "tariff",
        "tariffs": "tariff",
        "levy": "tariff",
        "levies": "tariff",
        "duty": "tariff",
        "duties": "tariff",
        "sanction": "sanction",
        "sanctions": "sanction",
        "embargo": "sanction",
        "quota": "quota",
        "quotas": "quota",
        "pause": "pause",
        "suspension": "pause",
        "moratorium": "pause",
        "agreement": "agreement",
        "agreements": "agreement",
        "deal": "agreement",
        "deals": "agreement",
        "accord": "agreement",
        "pact": "agreement",
        "treaty": "agreement",
    }
)
# Policy nouns that only count with a trade word nearby ("deal", "duty" are too common).
NEEDS_TRADE_CONTEXT = frozenset({"deal", "deals", "duty", "duties", "agreement", "agreements"})
TRADE_WORDS = frozenset(
    {
        "trade",
        "tariff",
        "tariffs",
        "tariff-cutting",
        "import",
        "imports",
        "export",
        "exports",
        "customs",
        "free-trade",
        "trading",
        "duty",
        "economic",
        "investment",
        "levy",
        "levies",
        "nuclear",
        "peace",
        "ceasefire",
        "security",
        "defense",
        "defence",
        "climate",
    }
)
# Anaphoric nouns that refer back to the measures of the previous sentence.
ANAPHORIC_MEASURES = frozenset({"measures", "tariffs", "levies", "duties", "sanctions"})
IMPOSE_VERBS = frozenset({"impose", "levy", "slap", "introduce", "announce", "raise", "apply"})
PAUSE_VERBS = frozenset({"pause", "suspend", "freeze", "delay", "postpone"})
REQUEST_VERBS = frozenset({"ask", "request", "urge", "call", "demand", "press"})
REQUEST_NOUNS = frozenset({"request", "demand", "call"})
PLEDGE_VERBS = frozenset({"pledge", "promise", "vow", "commit"})
REMOVE_VERBS = frozenset({"withdraw", "remove", "lift", "scrap", "review", "cut", "reduce"})
PROPOSAL_NOUNS = frozenset({"bargaining chip", "offer", "proposal", "concession"})
PURCHASE_NOUNS = frozenset({"purchases", "purchase", "imports", "buying"})
AGREE_VERBS = frozenset({"reach", "sign", "strike", "conclude", "seal", "agree"})
# Words before a date that make it the end of a measure ("until July 9").
END_WORDS = frozenset({"until", "through", "till", "ends", "end", "expires", "expire"})
# Verbs that put a measure in the future ("plans tariffs", "announced tariffs").
PLANNED_VERBS = frozenset({"plan", "prepare", "propose", "consider", "announce", "unveil"})
# Parts of speech that may stand between a rate and its measure ("25 pct new tariff").
RATE_RUN_POS = frozenset({"NUM", "ADJ", "NOUN", "PROPN", "DET", "PUNCT", "SYM", "ADP"})
# Modifiers that do not give a measure a name of its own ("new tariffs").
PLAIN_MEASURE_MODIFIERS = frozenset({"new", "higher", "such", "these", "those", "other", "extra"})
# Kinds of measure that someone imposes on goods.
MEASURE_KINDS = frozenset({"tariff", "sanction", "quota"})
