"""Title tables: head words and their role classes, qualifiers, portfolios, party words."""

from __future__ import annotations

from types import MappingProxyType

from kg.facts import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, MINISTER, OTHER

# --- titles ---------------------------------------------------------------------------
# Head words (lower case) of political titles -> role class. Multi-word heads are matched
# on the last words of a title phrase ("prime minister", "secretary of state").
TITLE_HEADS = MappingProxyType(
    {
        "president": HEAD_OF_STATE,
        "king": HEAD_OF_STATE,
        "queen": HEAD_OF_STATE,
        "emperor": HEAD_OF_STATE,
        "monarch": HEAD_OF_STATE,
        "sultan": HEAD_OF_STATE,
        "emir": HEAD_OF_STATE,
        "supreme leader": HEAD_OF_STATE,
        "head of state": HEAD_OF_STATE,
        "prime minister": HEAD_OF_GOVERNMENT,
        "premier": HEAD_OF_GOVERNMENT,
        "chancellor": HEAD_OF_GOVERNMENT,
        "taoiseach": HEAD_OF_GOVERNMENT,
        "head of government": HEAD_OF_GOVERNMENT,
        "minister": MINISTER,
        "secretary": MINISTER,
        "secretary of state": MINISTER,
        "chancellor of the exchequer": MINISTER,
        "attorney general": MINISTER,
        "attorney-general": MINISTER,
        "ambassador": OTHER,
        "envoy": OTHER,
        "negotiator": OTHER,
        "spokesman": OTHER,
        "spokeswoman": OTHER,
        "spokesperson": OTHER,
        "representative": OTHER,
        "trade representative": MINISTER,  # the U.S. Trade Representative sits in the cabinet
        "governor": OTHER,
        "mayor": OTHER,
        "senator": OTHER,
        "commissioner": OTHER,
        "secretary-general": OTHER,
        "secretary general": OTHER,
        "undersecretary": OTHER,
        "under secretary": OTHER,
        "aide": OTHER,
        "adviser": OTHER,
        "advisor": OTHER,
        "diplomat": OTHER,
        "point man": OTHER,
        "chief of staff": OTHER,
        "press secretary": OTHER,
        "lawmaker": OTHER,
        "vice president": OTHER,
        "counterpart": OTHER,  # takes the role of the person it is the counterpart of
        "vice premier": MINISTER,
        "deputy prime minister": MINISTER,
        "vice prime minister": MINISTER,
        "chief minister": HEAD_OF_GOVERNMENT,
        "minister president": HEAD_OF_GOVERNMENT,
        "minister-president": HEAD_OF_GOVERNMENT,
        "dictator": HEAD_OF_STATE,
        "leader": HEAD_OF_STATE,  # only as a country's leader, see COUNTRY_BOUND_HEADS
        "intelligence chief": OTHER,
        "spy chief": OTHER,
        "police chief": OTHER,
        "army chief": OTHER,
        "military chief": OTHER,
        "security chief": OTHER,
        "defense chief": OTHER,
        "defence chief": OTHER,
        "foreign policy chief": OTHER,
    }
)

# Offices that serve the person they are held for ("aide to Ishiba", "spokesman for Putin"):
# that person's government is theirs, and theirs that person's.
AIDE_HEADS = frozenset(
    {"aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "chief of staff"}
)

# A spokesperson of one of these speaks for the national government ("Foreign Ministry
# spokesman"); a department's may be of a state or a company.
SPOKESPERSON_OF = frozenset({"government", "ministry", "cabinet"})

# Unions in the country table: their officials are theirs only where a title names them
# ("EU trade commissioner"), never by guessing what country an article is about.
SUPRANATIONAL = frozenset({"EU"})

# Offices of a city: they serve no national government (a city-state's are its region's).
CITY_HEADS = frozenset({"mayor"})

# Heads that are a title only next to a country word ("Libyan leader", "leader of Cuba").
COUNTRY_BOUND_HEADS = frozenset({"leader"})
# Words that make a leader someone else's than the government's.
LEADER_NOT_GOVERNMENT = frozenset(
    {
        "opposition",
        "rebel",
        "rebels",
        "militia",
        "religious",
        "spiritual",
        "union",
        "group",
        "tribal",
        "community",
        "business",
        "military",
        "protest",
        "student",
        "team",
    }
)
# Verbs whose subject heads the country they take as object ("X has governed Bolivia").
RULE_VERBS = frozenset({"govern", "rule"})

# Non-cabinet offices that still serve the national government when no country is named.
NATIONAL_OTHER_HEADS = frozenset({"vice president", "vice premier"})

# Heads that are offices (org:Post); the rest are informal or reported roles.
FORMAL_HEADS = frozenset(
    {
        "president",
        "king",
        "queen",
        "emperor",
        "monarch",
        "sultan",
        "emir",
        "supreme leader",
        "prime minister",
        "premier",
        "chancellor",
        "taoiseach",
        "minister",
        "secretary",
        "secretary of state",
        "chancellor of the exchequer",
        "attorney general",
        "attorney-general",
        "ambassador",
        "governor",
        "mayor",
        "senator",
        "commissioner",
        "secretary-general",
        "secretary general",
        "trade representative",
        "vice president",
        "vice premier",
        "deputy prime minister",
        "vice prime minister",
        "undersecretary",
        "under secretary",
        "press secretary",
        "chief of staff",
        "chief minister",
        "minister president",
        "minister-president",
    }
)

# Offices of a state or province: with a region in the title they head its government
# ("Bavarian premier", "governor of Punjab"); these words mark them when no region is named.
REGIONAL_HEADS = frozenset(
    {"premier", "governor", "prime minister", "minister president", "minister-president"}
)
REGIONAL_ONLY_HEADS = frozenset({"chief minister"})
REGIONAL_MARKERS = frozenset({"state", "provincial", "regional", "state's"})

# Words before a head that change the role ("former president" is no head of state now).
QUALIFIERS = MappingProxyType(
    {
        "former": "former",
        "ex": "former",
        "ex-": "former",
        "then": "former",
        "then-": "former",
        "late": "former",
        "acting": "acting",
        "interim": "acting",
        "deputy": "deputy",
        "vice": "vice",
        "vice-": "vice",
        "assistant": "deputy",
        "junior": "deputy",
        "designate": "designate",
        "elect": "designate",
        "outgoing": "",
        "incoming": "designate",
        "shadow": "shadow",
    }
)

# Qualifiers that are not part of the title as written ("former President X" -> "President").
QUALIFIERS_OUTSIDE_TITLE = frozenset(
    {"former", "ex", "ex-", "then", "then-", "late", "outgoing", "now", "new", "current"}
)


# An office whose class depends on the country: Britain's Chancellor runs the Treasury.
# The European Commission's members are the Union's ministers (news2025's convention).
CLASS_BY_COUNTRY = MappingProxyType(
    {("chancellor", "GB"): MINISTER, ("commissioner", "EU"): MINISTER}
)

# Party words: a party's spokesperson speaks for the party, not the government.
PARTY_WORDS = frozenset(
    {
        "labour",
        "tory",
        "tories",
        "conservative",
        "conservatives",
        "democrat",
        "democratic",
        "democrats",
        "republican",
        "republicans",
        "liberal",
        "lib",
        "dem",
        "snp",
        "green",
        "greens",
        "ukip",
        "opposition",
        "party",
    }
)
SPOKES_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# A deputy or vice of these is not their head of state/government.
DOWNGRADED_BY_QUALIFIER = frozenset({"deputy", "vice"})

# Words never part of a title phrase even when the parser attaches them.
TITLE_STOP = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "then", "'s", "’s"})

# "Secretary" alone is ambiguous (a club secretary); accept it only with a portfolio word.
SECRETARY_PORTFOLIOS = frozenset(
    {
        "treasury",
        "state",
        "defense",
        "defence",
        "foreign",
        "home",
        "commerce",
        "energy",
        "labor",
        "labour",
        "interior",
        "agriculture",
        "health",
        "education",
        "transportation",
        "transport",
        "homeland",
        "trade",
        "press",
        "cabinet",
        "chief",
        "general",
        "war",
        "finance",
        "environment",
        "justice",
        "housing",
        "veterans",
        "culture",
        "business",
        "northern",
        "scottish",
        "welsh",
        "work",
        "pensions",
        "international",
    }
)

# Titles that, in English-language news, name one country's office when no country is given.
TITLE_DEFAULT_COUNTRY = MappingProxyType(
    {
        "treasury secretary": "US",
        "secretary of the treasury": "US",
        "secretary of state": "US",
        "commerce secretary": "US",
        "defense secretary": "US",
        "trade representative": "US",
        "chancellor of the exchequer": "GB",
        "foreign secretary": "GB",
        "home secretary": "GB",
        "business secretary": "GB",
        "state department spokesman": "US",
        "state department spokeswoman": "US",
        "state department spokesperson": "US",
        "business and trade secretary": "GB",
        "taoiseach": "IE",
        "european commissioner": "EU",
    }
)

# Words that make an organisation in a title part of a government ("State Department
# spokesman", "Foreign Ministry spokeswoman", "Cabinet secretary").
GOVERNMENT_BODY_WORDS = frozenset(
    {
        "ministry",
        "department",
        "cabinet",
        "government",
        "administration",
        "office",
        "chancellery",
        "council",
        "house",
        "federal",
    }
)
