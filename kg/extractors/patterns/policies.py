"""Policy tables: measure nouns, trade words, and the verbs and nouns of each policy shape."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from kg.facts import PolicyKind

# --- policies -------------------------------------------------------------------------
POLICY_NOUNS: Mapping[str, PolicyKind] = MappingProxyType(
    {
        "tariff": "tariff",
        "tariffs": "tariff",
        "levy": "tariff",
        "levies": "tariff",
        "duty": "tariff",
        "duties": "tariff",
        "charge": "tariff",
        "charges": "tariff",
        "rate": "tariff",
        "rates": "tariff",
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
        "penalty": "tariff",
        "penalties": "tariff",
        "ban": "sanction",
        "bans": "sanction",
        "memorandum": "agreement",
        "swap": "agreement",
        "exemption": "exemption",
        "exemptions": "exemption",
        "carve-out": "exemption",
        "carve-outs": "exemption",
        "carveout": "exemption",
        "waiver": "exemption",
        "waivers": "exemption",
        "exclusion": "exemption",
        "exclusions": "exemption",
        "relief": "exemption",
        "ceasefire": "ceasefire",
        "ceasefires": "ceasefire",
        "cease-fire": "ceasefire",
        "truce": "ceasefire",
    }
)
# Policy nouns that only count with a trade word nearby ("deal", "duty" are too common).
NEEDS_TRADE_CONTEXT = frozenset(
    {
        "deal",
        "deals",
        "duty",
        "duties",
        "agreement",
        "agreements",
        "charge",
        "charges",
        "rate",
        "rates",
        "waiver",
        "waivers",
        "exclusion",
        "exclusions",
        "relief",
        "penalty",
        "penalties",
        "ban",
        "bans",
        "swap",
        "quota",
        "quotas",
        "exemption",
        "exemptions",
        "carve-out",
        "carve-outs",
        "carveout",
    }
)
# Of those, the nouns a country word alone does not make a trade measure ("U.K. interest
# rates", "Dutch credit quota"): they need a trade word or goods.
NEEDS_TRADE_WORD = frozenset({"rate", "rates", "charge", "charges", "quota", "quotas"})
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
# Words that make a rate, charge or relief a trade one when they follow it
# ("relief from tariffs", "rates of 20 percent on goods").
MEASURE_WORDS = frozenset({"tariff", "tariffs", "duty", "duties", "levy", "levies", "sanctions"})
# Nouns a trade measure is on: goods as such, or what a country sells ("Thai exports").
GOODS_NOUNS = frozenset(
    {
        "goods",
        "products",
        "imports",
        "exports",
        "shipments",
        "sales",
        "items",
        "commodities",
        "sectors",
        "industries",
        "vehicles",
        "cars",
        "steel",
        "aluminum",
        "aluminium",
    }
)
# Anaphoric nouns that refer back to the measures of the previous sentence.
ANAPHORIC_MEASURES = frozenset({"measures", "tariffs", "levies", "duties", "sanctions"})
IMPOSE_VERBS = frozenset({"impose", "levy", "slap", "introduce", "announce", "raise", "apply"})
# Verbs whose subject is the one who sets a measure that is their object.
ACTOR_VERBS = frozenset(
    IMPOSE_VERBS
    | {
        "put",
        "set",
        "keep",
        "maintain",
        "extend",
        "reimpose",
        "unveil",
        "unleash",
        "threaten",
        "hike",
        "increase",
        "double",
        "triple",
        "lower",
        "cut",
        "reduce",
        "slash",
        "ease",
        "drop",
        "lift",
        "remove",
        "scrap",
        "end",
        "eliminate",
        "waive",
        "grant",
        "give",
        "offer",
        "expand",
        "adjust",
        "pause",
        "suspend",
        "delay",
        "postpone",
        "approve",
        "adopt",
        "agree",
        "decide",
    }
)
# Verbs whose subject bears a measure that is their object ("Japan faces tariffs").
BEARER_VERBS = frozenset({"face", "pay", "suffer", "avoid", "escape", "fear", "absorb", "bear"})
# Verbs whose passive subject is hit by a measure ("Canada is slammed by tariffs").
HIT_VERBS = frozenset(
    {"hit", "slam", "slap", "target", "affect", "expose", "punish", "batter", "saddle"}
)
# Verbs that are a sanction themselves ("Washington sanctioned two oil firms").
SANCTION_VERBS = frozenset({"sanction", "blacklist"})
# Words of a clause that make "X and Y agreed to ..." a trade or security agreement.
AGREEMENT_TOPICS = frozenset(
    {
        "tariff",
        "tariffs",
        "duties",
        "trade",
        "deal",
        "ceasefire",
        "truce",
        "sanctions",
        "quota",
        "exchange",
        "swap",
        "prisoners",
    }
)
# Verbs that end a measure; "all" or "eliminate" takes it to zero.
REMOVAL_VERBS = frozenset({"drop", "lift", "remove", "scrap", "end", "eliminate", "abolish"})
ZERO_WORDS = frozenset({"all", "eliminate", "abolish", "zero"})
# Heads a measure word is the compound of: "sanctions package", "tariff hike".
COMPOUND_HEADS = frozenset(
    {
        "package",
        "packages",
        "hike",
        "hikes",
        "increase",
        "increases",
        "rise",
        "regime",
        "threat",
        "threats",
        "measure",
        "measures",
        "ceiling",
        "cap",
    }
)
# Sanctions named by a compound: "a price cap on Russian oil", "asset freezes".
SANCTION_COMPOUNDS = MappingProxyType({"cap": "price", "caps": "price", "freeze": "asset"})
# Nouns a measure is one of: "the 18th package of sanctions", "a series of duties".
CONTAINER_NOUNS = frozenset(
    {
        "package",
        "packages",
        "set",
        "round",
        "wave",
        "series",
        "raft",
        "batch",
        "list",
        "slate",
        "program",
        "programme",
    }
)
# Verbs that put a measure that is their subject in force ("the tariffs take effect").
EFFECT_VERBS = frozenset({"take", "come", "go", "kick"})
# Nouns that name a change of a measure ("the increase of the tariff to 27.5 percent").
CHANGE_NOUNS = frozenset(
    {"increase", "hike", "rise", "cut", "cuts", "reduction", "raise", "lowering", "decision"}
)
# Nouns of a decision or plan whose clause sets a measure ("Washington's decision to raise").
DECISION_NOUNS = frozenset({"decision", "plan", "plans", "move", "order", "threat", "bid"})
# Modifiers that name a counter-measure: imposed by the side the main measures hit.
COUNTER_WORDS = frozenset(
    {"retaliatory", "counter", "counter-tariffs", "counter-tariff", "countermeasures", "reprisal"}
)
# Words in front of a country that make it the broker of a deal, not a party to it.
BROKER_WORDS = frozenset({"brokered", "mediated", "backed", "sponsored", "led"})
PAUSE_VERBS = frozenset({"pause", "suspend", "freeze", "delay", "postpone"})
REQUEST_VERBS = frozenset({"ask", "request", "urge", "call", "demand", "press"})
REQUEST_NOUNS = frozenset({"request", "demand", "call"})
PLEDGE_VERBS = frozenset({"pledge", "promise", "vow", "commit"})
# "Vietnam's commitment to granting ...": a pledge told as a noun with its owner
PLEDGE_NOUNS = frozenset({"commitment", "pledge", "promise", "vow"})
REMOVE_VERBS = frozenset(
    {"withdraw", "remove", "lift", "scrap", "review", "cut", "reduce", "drop", "ease", "lower"}
)
PROPOSAL_NOUNS = frozenset({"bargaining chip", "offer", "proposal", "concession"})
PURCHASE_NOUNS = frozenset({"purchases", "purchase", "imports", "buying"})
AGREE_VERBS = frozenset({"reach", "sign", "strike", "conclude", "seal", "agree", "finalize"})
# Verbs and phrases that put an agreement in force ("came into effect").
IN_FORCE_WORDS = frozenset({"effect", "force"})
# Verbs that leave an agreement still to come ("negotiate a deal", "get a deal").
PROSPECT_VERBS = frozenset(
    {"negotiate", "seek", "pursue", "want", "hope", "get", "secure", "discuss", "work", "push"}
)
# Investment pledges: "$350 billion investment package", "investment of $550 billion".
INVESTMENT_NOUNS = frozenset({"investment", "investments"})
INVESTMENT_HEADS = frozenset({"package", "fund", "pledge", "pledges", "plan", "commitment"})
INVEST_VERBS = frozenset({"invest"})
EARMARK_VERBS = frozenset({"earmark", "allocate", "set", "commit", "pledge", "promise"})
# Purchase commitments: "$100 billion in energy purchases", "plans to buy ships from X".
PURCHASE_VERBS = frozenset({"purchase", "buy"})
# Verbs that commit a government to purchases named without a sum ("increase purchases of
# U.S. rice").
COMMIT_VERBS = frozenset({"increase", "boost", "expand", "agree", "make", "resume", "double"})
# Export controls: "export controls on chips", "export curbs", "an export ban".
EXPORT_CONTROL_HEADS = frozenset(
    {"control", "controls", "curb", "curbs", "restriction", "restrictions", "ban", "bans", "limits"}
)
# Exemption verbs: "spares car makers from the duties", "exempted from tariffs".
EXEMPT_WORDS = frozenset(
    {"spare", "spares", "spared", "sparing", "exempt", "exempts", "exempted", "exempting"}
)
# Words before a date that make it the end of a measure ("until July 9").
END_WORDS = frozenset({"until", "through", "till", "ends", "end", "expires", "expire"})
# Words before a date that make it the start of a measure ("effective Wednesday").
START_WORDS = frozenset({"from", "effective", "starting", "since", "beginning", "as"})
# Verbs that put a measure in the future ("plans tariffs", "announced tariffs").
PLANNED_VERBS = frozenset({"plan", "prepare", "propose", "consider", "announce", "unveil"})
# Parts of speech that may stand between a rate and its measure ("25 pct new tariff").
RATE_RUN_POS = frozenset({"NUM", "ADJ", "NOUN", "PROPN", "DET", "PUNCT", "SYM", "ADP"})
# Modifiers that do not give a measure a name of its own ("new tariffs", "hefty tariffs").
PLAIN_MEASURE_MODIFIERS = frozenset(
    {
        "new",
        "higher",
        "lower",
        "reduced",
        "increased",
        "raised",
        "initial",
        "such",
        "these",
        "those",
        "other",
        "extra",
        "damaging",
        "heavy",
        "hefty",
        "steep",
        "swingeing",
        "punishing",
        "high",
        "huge",
        "massive",
        "current",
        "existing",
        "latest",
        "additional",
        "further",
        "some",
        "any",
        "all",
        "more",
        "tough",
    }
)
# Kinds of measure that someone imposes on goods or countries.
MEASURE_KINDS: frozenset[PolicyKind] = frozenset({"tariff", "sanction", "quota", "export control"})
# Currencies by the words and symbols news writes them with.
CURRENCY_WORDS = MappingProxyType(
    {
        "dlrs": "USD",
        "dollars": "USD",
        "dollar": "USD",
        "usd": "USD",
        "euros": "EUR",
        "euro": "EUR",
        "eur": "EUR",
        "€": "EUR",
        "yen": "JPY",
        "¥": "JPY",
        "won": "KRW",
        "pounds": "GBP",
        "sterling": "GBP",
        "£": "GBP",
        "yuan": "CNY",
        "renminbi": "CNY",
        "rupees": "INR",
    }
)
DOLLAR_PREFIXES = MappingProxyType(
    {"": "USD", "US": "USD", "U.S.": "USD", "C": "CAD", "A": "AUD", "HK": "HKD", "NZ": "NZD"}
)
SCALE_WORDS = MappingProxyType(
    {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9, "trillion": 1e12, "tln": 1e12}
)
