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
