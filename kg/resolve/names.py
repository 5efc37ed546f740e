"""Personal names compared across articles: folded forms, name order, surnames.

News writes one person many ways: "Lee Jae Myung", "Lee Jae-myung", "Maroš Šefčovič" and
"Maros Sefcovic", "Xi Jinping" and, later in another story, just "Xi". These helpers turn a
name into comparable parts; they know no names, only how names are written.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Generational suffixes tell a father from his son: "Donald Trump Jr." is not "Donald Trump".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Lower-case particles inside names ("von der", "da", "al-"); never a surname on their own.
PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "du", "da", "di", "al", "el", "bin", "ibn", "la", "le"}
)
_SPLIT = re.compile(r"[\s\-‐‑‒–—]+")


def fold(text: str) -> str:
    """Lower case without diacritics or punctuation: 'Šefčovič' -> 'sefcovic'."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^\w\s\-]", "", plain.lower())


def parts(name: str) -> tuple[str, ...]:
    """The folded words of a name, hyphenated given names split ('Jae-myung' -> 'jae', 'myung')."""
    return tuple(p for p in _SPLIT.split(fold(name)) if p)


def core_parts(name: str) -> tuple[str, ...]:
    """The words that identify a person: no initials ('J.'), no particles, no suffix."""
    return tuple(p for p in parts(name) if len(p) > 1 and p not in PARTICLES and p not in SUFFIXES)


def suffix(name: str) -> str:
    """'jr' for 'Donald Trump Jr.', else ''."""
    found = [p for p in parts(name) if p in SUFFIXES]
    return found[-1] if found else ""


def is_full(name: str) -> bool:
    """A name of at least two identifying words ('Ryosei Akazawa', 'Xi Jinping')."""
    return len(core_parts(name)) >= 2


def same_written_name(a: str, b: str) -> bool:
    """Whether two full names are the same words in any order and spelling of hyphens and
    accents: 'Lee Jae Myung' = 'Lee Jae-myung' = 'Jae-myung Lee'; 'Orbán Viktor' = 'Viktor
    Orban'. Suffixes must agree ('Jr.')."""
    if not (is_full(a) and is_full(b)) or suffix(a) != suffix(b):
        return False
    return Counter(core_parts(a)) == Counter(core_parts(b))


# Countries whose people English news names family name first ("Xi Jinping", "Lee Jae-myung",
# "To Lam", "Orban Viktor"): there a lone first word is the surname, elsewhere a given name.
FAMILY_NAME_FIRST = frozenset({"CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH", "MN", "HU"})


def short_forms(name: str, family_name_first: bool = False) -> frozenset[str]:
    """The one-word forms a full name is referred to by later: its last identifying word
    ('Akazawa' for 'Ryosei Akazawa'), and its first where the family name comes first
    ('Xi' for 'Xi Jinping')."""
    core = core_parts(name)
    if len(core) < 2:
        return frozenset()
    return frozenset({core[0], core[-1]}) if family_name_first else frozenset({core[-1]})


def one_edit_apart(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, deleted or changed letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


def spelling_variants(a: str, b: str) -> bool:
    """Two transliterations of one name: the same words but one, and that one a long word
    spelt one letter differently ('Volodymyr Zelensky', 'Volodymyr Zelenskyy'). Short words
    never count ('Kim Jong-un' is not 'Kim Jong-il')."""
    pa, pb = core_parts(a), core_parts(b)
    if len(pa) != len(pb) or len(pa) < 2 or suffix(a) != suffix(b):
        return False
    rest_a, rest_b = Counter(pa), Counter(pb)
    only_a, only_b = list((rest_a - rest_b).elements()), list((rest_b - rest_a).elements())
    if len(only_a) != 1 or len(only_b) != 1:
        return False
    x, y = only_a[0], only_b[0]
    return min(len(x), len(y)) >= 6 and x[:4] == y[:4] and one_edit_apart(x, y)
