"""Find political titles and the person each one belongs to.

Shapes handled (all read from the dependency parse, not from word order alone):
- title before the name: "Prime Minister Shigeru Ishiba", "U.S. Treasury Secretary Scott
  Bessent", "Japanese economic revitalization minister Ryosei Akazawa";
- apposition either way: "Akazawa, a close aide to Ishiba", "the president of Syria,
  Bashar al-Assad";
- copula: "Merkel is the chancellor";
- a title standing for a person ("Japan's chief tariff negotiator said",
  "the minister in charge of economic revitalization said"), resolved to a named person
  of the article by shared title words, or by the news lead convention (a nameless title
  in the lead is the first person named as a subject right after it);
- a title set off by commas before the name ("Greece's prime minister at the time, Nikos
  Andreou, ..."), a country's leader ("Libyan leader Moammar Gadhafi"), the head of
  "the Obama administration", and who "has governed Bolivia".

The country served comes from the title itself ("Japan's", "U.S.", "of Syria"), then from
the person's other titles, a "<Surname> administration" phrase, a title that names one
country's office ("Treasury Secretary"), and last the country the article is datelined in
or clearly about. A state or province with its own government ("Bavarian premier",
"governor of Punjab", "state premier" in a story about one state) is
served instead of its country; offices of parties, international bodies and cities
("CDU general secretary", "EU parliament president", "Paris Mayor") serve no national
government.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Token

from kg import gazetteer
from kg.extractors.context import DocContext, clean_text, entity_span
from kg.extractors.patterns.titles import (
    AIDE_HEADS,
    CITY_HEADS,
    CLASS_BY_COUNTRY,
    COUNTRY_BOUND_HEADS,
    DOWNGRADED_BY_QUALIFIER,
    FORMAL_HEADS,
    GOVERNMENT_BODY_WORDS,
    LEADER_NOT_GOVERNMENT,
    NATIONAL_OTHER_HEADS,
    PARTY_WORDS,
    QUALIFIERS,
    QUALIFIERS_OUTSIDE_TITLE,
    REGIONAL_HEADS,
    REGIONAL_MARKERS,
    REGIONAL_ONLY_HEADS,
    RULE_VERBS,
    SECRETARY_PORTFOLIOS,
    SPOKES_HEADS,
    SPOKESPERSON_OF,
    SUPRANATIONAL,
    TITLE_DEFAULT_COUNTRY,
    TITLE_HEADS,
    TITLE_STOP,
)
from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    HEAD_OF_GOVERNMENT,
    HEAD_OF_STATE,
    MINISTER,
    OTHER,
    PERSON,
    PLACE,
)

_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "nummod"})
_NORMALISE_DROP = frozenset({"in", "charge", "of", "for", "the", "and", "to", "'s", "’s", "-"})
_NON_GOV_ORG_LABELS = frozenset({"ORG"})


@dataclass(frozen=True)
class TitleMention:
    """A title in the text and, once resolved, the person and country it belongs to."""

    head: str  # key of TITLE_HEADS that matched
    start: int  # token span of the title as written (country words excluded)
    end: int
    text: str
    qualifier: str
    country: str | None  # ISO alpha-2 of the government served
    person: str | None  # canonical person name
    anchor_start: int  # token span covering title and name, for evidence
    anchor_end: int
    named: bool  # the title sits next to the person's name (not a stand-in for it)
    partisan: bool = False  # a shadow, party or regional role: serves no national government
    office_name: str | None = None  # set when the office is not the title's own words

    @property
    def role_class(self) -> str:
        base = CLASS_BY_COUNTRY.get((self.head, self.country or ""), TITLE_HEADS[self.head])
        # a state or province has no head of state: its premier, governor or "president"
        # heads its government
        regional = self.country is not None and gazetteer.is_region(self.country)
        if regional and (base == HEAD_OF_STATE or self.head in REGIONAL_HEADS):
            base = HEAD_OF_GOVERNMENT
        words = self.text.lower().split()
        if base == MINISTER and "assistant" in words:
            base = OTHER  # "Assistant Secretary of State" is below the cabinet
        if "parliament" in words:
            base = OTHER  # "EU parliament president" presides over a legislature
        if self.qualifier == "shadow" or self.partisan:
            return OTHER
        if self.qualifier in DOWNGRADED_BY_QUALIFIER and base in (
            HEAD_OF_STATE,
            HEAD_OF_GOVERNMENT,
        ):
            return OTHER
        return base

    @property
    def formal(self) -> bool:
        return self.head in FORMAL_HEADS

    @property
    def key_words(self) -> frozenset[str]:
        """Content words of the title, to match "economic revitalization minister" with
        "minister in charge of economic revitalization"."""
        return _key_words(self.text)

    @property
    def office(self) -> str:
        """The office as a normalised name: "Economic Revitalization Minister"."""
        return self.office_name or _office(self.text)


# Titles are compared with every other title of the article; their words are worked out
# once per distinct text (a long article repeats a few titles hundreds of times).
@lru_cache(maxsize=4096)
def _key_words(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in text.lower().replace("-", " ").split()
        if w not in _NORMALISE_DROP and w not in QUALIFIERS
    )


@lru_cache(maxsize=4096)
def _office(text: str) -> str:
    """The office a title's words name (see :attr:`TitleMention.office`)."""
    words = [w for w in text.split() if w.lower() not in QUALIFIERS]
    lowered = [w.lower() for w in words]
    # "minister in charge of / for / of X" -> "X Minister" (not "Secretary of State")
    for prep in ("in charge of", "for", "of"):
        seq = prep.split()
        for i in range(1, len(lowered) - len(seq) + 1):
            if lowered[i : i + len(seq)] == seq and lowered[i - 1] == "minister":
                words = words[i + len(seq) :] + words[:i]
                break
        else:
            continue
        break
    words = [w for w in words if w.lower() != "the"]
    small = {"of", "to", "for", "in", "and", "on", "at"}
    return " ".join(
        w.lower() if i and w.lower() in small else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    )


def _head_key(ctx: DocContext, token: Token) -> str | None:
    """The TITLE_HEADS key a title ends in at ``token`` ("prime minister" at "Minister")."""
    return ctx.title_heads.get(token.i)


def _is_title_token(ctx: DocContext, token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    key = _head_key(ctx, token)
    if key is None:
        return False
    if key == "secretary":
        prev = {t.lower_ for t in token.doc[max(0, token.i - 2) : token.i]}
        nxt = token.doc[token.i + 1 : token.i + 2]
        if not (prev & SECRETARY_PORTFOLIOS or (len(nxt) and nxt[0].lower_ == "of")):
            return False
    if key in COUNTRY_BOUND_HEADS:
        return _leads_a_country(token)
    return True


def _leads_a_country(token: Token) -> bool:
    """'Libyan leader Moammar Gadhafi', 'leader of North Korea', but not 'opposition leader'
    or 'party leader': a leader is a country's only with the country word right there."""
    doc = token.doc
    before = doc[max(0, token.i - 3) : token.i]
    if any(t.lower_ in LEADER_NOT_GOVERNMENT or t.lower_ in PARTY_WORDS for t in before):
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    if prev is not None and prev.text in ("'s", "’s") and token.i > 1:
        prev = doc[token.i - 2]
    if prev is not None and gazetteer.lookup(prev.text) is not None:
        return True
    nxt = doc[token.i + 1 : token.i + 3]
    return len(nxt) == 2 and nxt[0].lower_ == "of" and gazetteer.lookup(nxt[1].text) is not None


def _person_of(ctx: DocContext, token: Token) -> str | None:
    ref = ctx.entity_at(token)
    return ref.key if ref is not None and ref.kind == PERSON else None


def _country_after_name(ctx: DocContext, name: Token) -> tuple[str | None, int]:
    """'Jane Doe of Canada': the country after the name, and where the phrase ends."""
    mention = ctx.mention_at(name)
    # the "of" may hang off any word of the name ("Kim Min - jun of South Korea")
    words = ctx.doc[mention.start : mention.end] if mention is not None else [name]
    preps = [p for w in words for p in w.rights if p.i >= (mention.end if mention else 0)]
    for prep in preps or list(name.rights):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                ref = ctx.entity_at(obj)
                if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
                    return ref.key.split("/")[0], obj.i + 1
    return None, name.i + 1


def _name_group(ctx: DocContext, name: Token) -> list[Token]:
    """Names listed after a plural title: the name's appositions and conjuncts."""
    group = []
    for child in name.children:
        if child.dep_ in ("appos", "conj") and _person_of(ctx, child) is not None:
            if any(_is_title_token(ctx, t) for t in child.subtree if t.i < child.i):
                continue  # "..., Prime Minister Manmohan Singh": a title of his own
            group.append(child)
            group.extend(_name_group(ctx, child))
    return group


def _left_edge(ctx: DocContext, head: Token) -> int:
    """Leftmost token of the title's own modifiers (determiners excluded)."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "predet") or child.lower_ in TITLE_STOP:
            continue
        if child.dep_ in _TITLE_DEPS or child.dep_ == "advmod":
            start = min(start, child.left_edge.i)
    # the words of a multi-word head ("Prime" of "Prime Minister") are part of the title
    start = min(start, head.i - len(_head_key(ctx, head).split()) + 1)  # type: ignore[union-attr]
    for i in range(head.i - 1, start - 1, -1):
        token = ctx.doc[i]
        if (
            (token.is_punct and token.text not in ("-", "'s", "’s"))
            or token.is_quote
            or (token.is_space and token.text.count("\n") >= 2)  # a paragraph break
        ):
            start = i + 1
            break
    while start < head.i and (
        ctx.doc[start].dep_ == "det"
        or ctx.doc[start].lower_ in TITLE_STOP
        or ctx.doc[start].is_punct
    ):
        start += 1
    return start


def _at_the_time(prep: Token) -> bool:
    return prep.lower_ == "at" and any(t.lower_ == "time" for t in prep.children)


def _right_edge(head: Token) -> int:
    """End of the title phrase: its prepositional complements, not clauses or appositions."""
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "in", "at"):
            if any(t.dep_ in ("relcl", "appos") or t.text == "," for t in child.subtree):
                break
            if _at_the_time(child):
                break  # "prime minister at the time": when, not which office
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return end


def _split_country(ctx: DocContext, start: int, end: int) -> tuple[int, str | None]:
    """Strip leading country words ("U.S.", "Japan's", "German") off a title span."""
    country = None
    i = start
    while i < end:
        mention = ctx.by_token.get(i)
        token = ctx.doc[i]
        if (
            mention is not None
            and mention.ref.kind in (COUNTRY, GOVERNMENT, PLACE)
            and "/" not in mention.ref.key.split("/")[0]
        ):
            iso = mention.ref.key.split("/")[0]
            if gazetteer.is_iso2(iso) or gazetteer.is_region(iso):
                country = _narrower(country, iso)
                i = mention.end
                continue
        if token.text in ("'s", "’s", "-") or token.dep_ == "det":
            i += 1
            continue
        break
    # "of Syria", "of Japan", "of Pakistan's Punjab" inside the title
    for j in range(i, end):
        mention = ctx.by_token.get(j)
        if mention is not None and mention.ref.kind in (COUNTRY, GOVERNMENT):
            country = _narrower(country, mention.ref.key.split("/")[0])
    return i, country


def _narrower(current: str | None, found: str) -> str | None:
    """The first country named keeps the title, unless a region of it follows
    ("Pakistan's Punjab governor": the government of Punjab)."""
    if current is None:
        return found
    if gazetteer.is_region(found) and gazetteer.country_code(found) == current:
        return found
    return current


def _is_regional_title(ctx: DocContext, title: TitleMention) -> bool:
    """'state premier', 'chief minister': an office of a state or province,
    never the national government's."""
    if title.head in REGIONAL_ONLY_HEADS:
        return True
    words = {t.lower_ for t in ctx.doc[title.start : title.end]}
    return title.head in REGIONAL_HEADS and bool(words & REGIONAL_MARKERS)


def _region_before(ctx: DocContext, title: TitleMention) -> str | None:
    """The nearest region named earlier in the title's own sentence."""
    sent = ctx.doc[title.start].sent
    for i in range(title.start - 1, sent.start - 1, -1):
        ref = ctx.entity_at(ctx.doc[i])
        if ref is not None and ref.kind in (COUNTRY, GOVERNMENT) and gazetteer.is_region(ref.key):
            return ref.key
    return None


def _main_region(ctx: DocContext) -> str | None:
    """The region an article names most often (strictly more than any other), if any."""
    counts: dict[str, int] = {}
    for mention in ctx.mentions:
        if mention.ref.kind in (COUNTRY, GOVERNMENT) and gazetteer.is_region(mention.ref.key):
            counts[mention.ref.key] = counts.get(mention.ref.key, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _is_country_word(ctx: DocContext, token: Token) -> bool:
    """'British' or 'U.S.' in front of a title: the country served, not part of the title."""
    ref = ctx.entity_at(token)
    return ref is not None and ref.kind in (COUNTRY, GOVERNMENT)


def _qualifier(ctx: DocContext, start: int, head: Token) -> tuple[int, str]:
    """A former/acting/deputy word at the start of the title, or one just before it."""
    qualifier = ""
    doc = ctx.doc
    probe = start - 1
    while probe >= 0 and doc[probe].text in ("-",):
        probe -= 1
    if probe >= 0 and doc[probe].lower_.rstrip("-") in QUALIFIERS:
        return start, QUALIFIERS[doc[probe].lower_.rstrip("-")]
    for i in range(start, head.i):
        word = doc[i].lower_.rstrip("-")
        if QUALIFIERS.get(word):
            qualifier = qualifier or QUALIFIERS[word]
    if not qualifier and any(_at_the_time(c) for c in head.rights if c.dep_ == "prep"):
        qualifier = "former"  # "Greece's prime minister at the time, Nikos Andreou"
    return start, qualifier


def _of_country_before_comma(ctx: DocContext, head: Token) -> int | None:
    """'The president of Syria, Bashar al-Assad, ...': the parse hangs the name on the
    country; the title ends after the country, right before the comma."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        mention = ctx.mention_at(objects[0]) if objects else None
        if (
            mention is not None
            and mention.ref.kind in (COUNTRY, GOVERNMENT)
            and mention.end < len(ctx.doc)
            and ctx.doc[mention.end].text == ","
        ):
            return mention.end
    return None


def _name_between_commas(ctx: DocContext, end: int) -> tuple[str | None, int]:
    """The person named between a comma right after a title and the next comma."""
    doc = ctx.doc
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None, end
    mention = ctx.mention_at(doc[end + 1])
    if mention is None or mention.ref.kind != PERSON or mention.start != end + 1:
        return None, end
    if mention.end < len(doc) and doc[mention.end].text == ",":
        return mention.ref.key, mention.end
    return None, end


def _non_government(ctx: DocContext, start: int, end: int) -> bool:
    """A title of a company or club ("chief executive of Toyota") is no government role."""
    for token in ctx.doc[start:end]:
        if (
            token.ent_type_ in _NON_GOV_ORG_LABELS
            and ctx.entity_at(token) is None
            and token.head.lower_ in ("of", "at")
        ):
            return True
    return False


def _body_title(ctx: DocContext, start: int, end: int, head: Token) -> bool:
    """'CDU general secretary', 'EU parliament president', 'president of Rwanda's Green
    Party', 'Taliban spokesman': the office of a party or international body, which serves
    no national government. A ministry or department in the title does not count."""
    if any(_is_country_word(ctx, t) for t in ctx.doc[start : head.i]):
        # "Austrian Foreign Minister X of the Austrian People's Party": the country's office;
        # the party after it is the minister's, not the title's
        end = head.i
    for token in ctx.doc[start:end]:
        ref = ctx.entity_at(token)
        if token.i == head.i or (ref is not None and ref.kind != PLACE):
            continue
        if token.lower_ in ("party", "parliament", "parliamentary") and token.i > head.i:
            return True
        if token.ent_type_ not in ("ORG", "NORP") or token.lower_ in SECRETARY_PORTFOLIOS:
            continue
        ent = entity_span(token)
        words = {t.lower_ for t in ent} if ent is not None else {token.lower_}
        # "New Home Secretary": the tagger's ORG "New Home" is a portfolio and a qualifier
        words -= QUALIFIERS_OUTSIDE_TITLE | set(QUALIFIERS)
        if words & GOVERNMENT_BODY_WORDS or words <= SECRETARY_PORTFOLIOS | set(TITLE_HEADS):
            continue
        return True
    return False


@dataclass
class _Draft:
    """Where a title phrase runs and whose it is, before its country and qualifier are read."""

    start: int
    end: int
    anchor_start: int
    anchor_end: int
    person: str | None = None
    named: bool = True  # the title sits next to the person's name
    name_root: Token | None = None  # the name a plural title lists others after
    country_after: str | None = None  # "Finance Minister Jane Doe of Canada"


def _chain_to_name(ctx: DocContext, token: Token, key: str) -> tuple[Token, Token, list[Token]]:
    """The title's first head word, the word its compound chain ends at, and the chain.
    "Secretary of State Marco Rubio": the chain to the name starts at "Secretary"."""
    doc = ctx.doc
    first = doc[token.i - len(key.split()) + 1] if " of " in key else token
    up = first
    chain = [first]
    while up.dep_ in ("compound", "nmod") and up.head != up and _person_of(ctx, up) is None:
        up = up.head
        chain.append(up)
    right_after = ctx.mention_at(doc[token.i + 1]) if token.i + 1 < len(doc) else None
    if right_after is not None and right_after.ref.kind == PERSON and up.i >= right_after.end:
        up = first  # "Prime Minister Hun Sen. Kestrel ...": the parse ran past the name
    return first, up, chain


def _title_before_name(ctx: DocContext, token: Token, key: str) -> _Draft | None:
    """'Prime Minister Shigeru Ishiba': the head is a compound of the name (possibly via
    other titles)."""
    first, up, chain = _chain_to_name(ctx, token, key)
    person = _person_of(ctx, up)
    if up is first or person is None:
        return None
    mention = ctx.mention_at(up)
    start = _left_edge(ctx, token)
    # "West German Chancellor Karl Weber", "U.S. Secretary of State": country words
    # may hang off the name or the first word of the title
    for child in (c for link in chain for c in link.lefts):
        ref = ctx.entity_at(child)
        modifier = child.dep_ in ("amod", "compound", "poss", "nmod")
        if child.i < start and modifier and ref is not None and ref.kind != PERSON:
            start = child.left_edge.i
    country_after, after_end = _country_after_name(ctx, up)
    anchor_end = max(mention.end if mention else up.i + 1, after_end)
    return _Draft(start, token.i + 1, token.i, anchor_end, person, True, up, country_after)


def _name_right_after(ctx: DocContext, token: Token, key: str) -> _Draft | None:
    """'US Secretary of State Laura Hayes's tour': the parse missed it, but the name follows
    the title directly."""
    doc = ctx.doc
    nxt = ctx.mention_at(doc[token.i + 1]) if token.i + 1 < len(doc) else None
    if nxt is None or nxt.ref.kind != PERSON:
        return None
    _, _, chain = _chain_to_name(ctx, token, key)
    start = _left_edge(ctx, token)
    for child in (c for link in chain for c in link.lefts):
        ref = ctx.entity_at(child)
        if child.i < start and ref is not None and ref.kind != PERSON:
            start = child.left_edge.i
    return _Draft(start, token.i + 1, token.i, nxt.end, nxt.ref.key, True, doc[nxt.end - 1])


def _apposition_to_name(ctx: DocContext, token: Token, draft: _Draft) -> _Draft | None:
    """'Akazawa, a close aide to Ishiba': the title in apposition to the name."""
    if token.dep_ != "appos":
        return None
    if _person_of(ctx, token.head) is None:
        ctx.add_person_from(token.head)  # a name the tagger missed ("X, adviser to")
    person = _person_of(ctx, token.head)
    if person is None:
        return None
    return replace(draft, person=person, anchor_start=token.head.i)


def _name_in_apposition(ctx: DocContext, token: Token, draft: _Draft) -> _Draft | None:
    """'the president of Syria, Bashar al-Assad': the name in apposition to the title."""
    for child in token.children:
        if child.dep_ == "appos" and _person_of(ctx, child) is not None:
            return replace(draft, person=_person_of(ctx, child), anchor_end=child.i + 1)
    return None


def _comma_set_off(ctx: DocContext, token: Token, draft: _Draft) -> _Draft | None:
    """'Greece's prime minister at the time, Nikos Andreou, turned ...': an apposition set
    off by commas that the parse missed."""
    after = max([draft.end] + [c.right_edge.i + 1 for c in token.rights if _at_the_time(c)])
    person, name_end = _name_between_commas(ctx, after)
    # the phrase up to the comma is the title's evidence, named or not
    draft.anchor_end = max(draft.anchor_end, name_end)
    return replace(draft, person=person) if person is not None else None


def _copula(ctx: DocContext, token: Token, draft: _Draft) -> _Draft | None:
    """'Merkel is the chancellor': the subject of the copula the title is attribute of."""
    if token.dep_ != "attr":
        return None
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if not subjects or _person_of(ctx, subjects[0]) is None:
        return None
    return replace(draft, person=_person_of(ctx, subjects[0]), anchor_start=subjects[0].i)


# Ways a title that is not right before a name finds its person, tried in order.
NAME_SHAPES = (_apposition_to_name, _name_in_apposition, _comma_set_off, _copula)


def _title_on_its_own(ctx: DocContext, token: Token, key: str) -> _Draft | None:
    """A title phrase with its complements ("the president of Syria"): its person from
    NAME_SHAPES, else a title standing for a person, resolved later."""
    start = _left_edge(ctx, token)
    end = _of_country_before_comma(ctx, token) or _right_edge(token)
    draft = _Draft(start, end, token.i, token.i + 1)
    # "Kim, the chief of staff, said": the phrase hangs on its first word
    phrase = ctx.doc[token.i - len(key.split()) + 1] if " of " in key else token
    for shape in NAME_SHAPES:
        found = shape(ctx, phrase, draft)
        if found is not None:
            return found
    draft.named = False
    return draft


# Where a title stands towards its person's name, tried in order at every title head.
TITLE_SHAPES = (_title_before_name, _name_right_after, _title_on_its_own)


def _is_title_head(ctx: DocContext, token: Token) -> bool:
    """A title ends at ``token`` (and not in a longer title that ends later)."""
    doc = ctx.doc
    if not _is_title_token(ctx, token) or ctx.entity_at(token) is not None:
        return False
    # in a chain "Prime Minister": only the last word of the title is a head
    if (
        token.dep_ == "compound"
        and _is_title_token(ctx, token.head)
        and token.head.i == token.i + 1
    ):
        return False
    # "Secretary" of "Secretary of State": the longer title is found at "State"
    later = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return not (
        later is not None
        and doc[token.i + 1].lower_ == "of"
        and _is_title_token(ctx, later)
        and (" of " in (_head_key(ctx, later) or ""))
    )


def _serves_no_government(ctx: DocContext, token: Token, key: str, draft: _Draft) -> bool:
    """'chief executive of Toyota': a company's or club's office."""
    head_start = token.i - len(key.split()) + 1
    # "Austrian Foreign Minister X of the People's Party": a country's office, whatever
    # follows it
    national = any(_is_country_word(ctx, t) for t in ctx.doc[draft.start : head_start])
    if _non_government(ctx, draft.start, head_start):
        return True
    return not national and (
        _non_government(ctx, token.i + 1, draft.end)
        # "president and chief executive of Bergmann Optics": the "of" hangs past "and"
        or any(
            _non_government(ctx, c.left_edge.i, c.right_edge.i + 1)
            for c in token.rights
            if c.dep_ == "prep" and c.lower_ in ("of", "at")
        )
    )


def _text_start(ctx: DocContext, text_start: int, head: Token) -> int:
    """The title as written keeps "Deputy" and "acting" but not "former" or "Gibraltar's"."""
    doc = ctx.doc
    while text_start < head.i and (
        doc[text_start].lower_ in QUALIFIERS_OUTSIDE_TITLE
        or doc[text_start].lower_ in TITLE_STOP
        or doc[text_start].is_punct
        or doc[text_start].is_space
        or doc[text_start].text in ("'s", "’s")
        or (doc[text_start].ent_type_ in ("GPE", "NORP") and doc[text_start].dep_ == "poss")
        or _is_country_word(ctx, doc[text_start])
    ):
        text_start += 1
    return text_start


def _mention(ctx: DocContext, token: Token, key: str, draft: _Draft) -> TitleMention | None:
    """The title a draft stands for, with its qualifier and the country the title names."""
    doc = ctx.doc
    if _serves_no_government(ctx, token, key, draft):
        return None
    start, qualifier = _qualifier(ctx, draft.start, token)
    text_start, country = _split_country(ctx, start, draft.end)
    country = country or draft.country_after
    if key in CITY_HEADS and country and not gazetteer.is_region(country):
        country = None  # "Paris Mayor Anne Hidalgo" serves the city, not France
    text_start = _text_start(ctx, text_start, token)
    partisan = (
        qualifier == "shadow"
        or (key in SPOKES_HEADS and any(t.lower_ in PARTY_WORDS for t in doc[start : token.i]))
        or _body_title(ctx, start, draft.end, token)
    )
    if partisan:
        country = None  # opposition and party roles do not serve the government
    # "Bavarian premier", "Saxony's premier", "European Commission President": a place or
    # body named in the title that is no country -> not a national office to guess
    regional = country is None and any(
        t.ent_type_ in ("GPE", "NORP", "LOC") and ctx.entity_at(t) is None
        for t in doc[start : token.i]
    )
    text = clean_text(doc[text_start : draft.end].text)
    if country is None and qualifier != "shadow" and text.lower() in TITLE_DEFAULT_COUNTRY:
        # an office only one government has ("European Commissioner for Trade"), whatever
        # else the title names
        country, partisan, regional = TITLE_DEFAULT_COUNTRY[text.lower()], False, False
    return TitleMention(
        key,
        text_start,
        draft.end,
        text,
        qualifier,
        country,
        draft.person,
        min(draft.anchor_start, start),
        max(draft.anchor_end, draft.end),
        draft.named,
        partisan or regional,
    )


def _plural_group(
    ctx: DocContext, token: Token, key: str, title: TitleMention, name_root: Token
) -> list[TitleMention]:
    """'Presidents Dilma Rousseff of Brazil, Vladimir Putin of Russia': one title per name."""
    if token.lower_ == key.split()[-1]:
        return [title]
    title = replace(title, office_name=key.title())
    group = [title]
    for other in _name_group(ctx, name_root):
        other_country, other_end = _country_after_name(ctx, other)
        group.append(
            replace(
                title,
                country=other_country,
                person=_person_of(ctx, other),
                anchor_end=max(other_end, other.i + 1),
            )
        )
    return group


def _administrations(ctx: DocContext) -> list[TitleMention]:
    """'the Obama administration': its head is the U.S. president."""
    doc = ctx.doc
    return [
        TitleMention(
            "president",
            start,
            end,
            clean_text(doc[start:end].text),
            "",
            "US",
            person,
            start,
            end,
            True,
            office_name="President",
        )
        for (start, end), person in ctx.administrations.items()
    ]


def find_titles(ctx: DocContext) -> list[TitleMention]:
    """Every title in the document, with its person and country resolved where possible."""
    found: list[TitleMention] = []
    for token in ctx.tokens:
        if not _is_title_head(ctx, token):
            continue
        key = _head_key(ctx, token)
        assert key is not None
        draft = next(d for shape in TITLE_SHAPES if (d := shape(ctx, token, key)) is not None)
        title = _mention(ctx, token, key, draft)
        if title is None:
            continue
        if draft.name_root is None:
            found.append(title)
        else:
            found.extend(_plural_group(ctx, token, key, title, draft.name_root))
    found.extend(_rulers(ctx))
    found.extend(_administrations(ctx))
    resolved = _resolve(ctx, found)
    # when the article calls him president itself, "the Trump administration" adds no role
    presidents = {
        m.person
        for m in resolved
        if m.head == "president" and m.country == "US" and not m.office_name
    }
    return [
        m
        for m in resolved
        if not ((m.start, m.end) in ctx.administrations and m.person in presidents)
    ]


def _rulers(ctx: DocContext) -> list[TitleMention]:
    """'Carlos Rivas has governed Paraguay for years', 'Assad, who has ruled Syria':
    the person at the head of that country, without a title word."""
    out = []
    for verb in ctx.tokens:
        if verb.pos_ != "VERB" or verb.lemma_ not in RULE_VERBS:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        country = ctx.entity_at(objects[0]) if objects else None
        if country is None or country.kind not in (COUNTRY, GOVERNMENT):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subject = subjects[0] if subjects else None
        if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
            subject = verb.head
        person = _person_of(ctx, subject) if subject is not None else None
        if person is None:
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        qualifier = "former" if verb.tag_ == "VBD" and not auxes & {"has", "have"} else ""
        end = ctx.mention_at(objects[0]).end  # type: ignore[union-attr]
        out.append(
            TitleMention(
                "head of state",
                verb.i,
                end,
                clean_text(ctx.doc[verb.i : end].text),
                qualifier,
                gazetteer.country_code(country.key) if "-" not in country.key else country.key,
                person,
                min(subject.i, verb.i),  # type: ignore[union-attr]
                end,
                True,
                office_name="Head of State",
            )
        )
    return out


def _resolve(ctx: DocContext, titles: list[TitleMention]) -> list[TitleMention]:
    """Give nameless titles their person, and every title its country."""
    named = [t for t in titles if t.person is not None]
    resolved = []
    for title in titles:
        if title.person is None:
            title = replace(title, person=_person_for_nameless(ctx, title, named))
            if title.person is not None:
                named.append(title)  # "the Ukrainian President" now says who Zelensky is
        resolved.append(title)
    resolved = _counterparts(ctx, resolved)
    countries = _Governments(ctx, resolved).read()
    return [
        replace(t, country=countries.get(t.person))
        if t.country is None and t.person and not t.partisan
        else t
        for t in resolved
    ]


class _Governments:
    """Which government each titled person of the article serves, from the strongest
    evidence anywhere in the article: a country named in one of their titles, "the Trump
    administration", an office only one country has, the person they are aide to (or who is
    aide to them); then, for leaders, the one country of the article whose leader is not
    someone else; last the country the article is about. A dateline only breaks a tie."""

    def __init__(self, ctx: DocContext, titles: list[TitleMention]) -> None:
        self.ctx = ctx
        self.by_person: dict[str, list[TitleMention]] = {}
        for title in titles:
            if title.person:
                self.by_person.setdefault(title.person, []).append(title)
        self.counts = _country_counts(ctx)

    def read(self) -> dict[str, str | None]:
        found = {person: self._stated(person) for person in self.by_person}
        changed = True
        while changed:  # each round may settle a leader or an aide that settles the next
            open_ = [person for person, country in found.items() if country is None]
            settled = {p: c for p in open_ if (c := self._linked(p, found))}
            by_elimination = {p: self._leader_country(p, found) for p in open_}
            settled.update(self._one_per_country(by_elimination) | settled)
            changed = bool(settled)
            found.update(settled)
        return {p: c or self._article_country(p) for p, c in found.items()}

    def _one_per_country(self, claims: dict[str, str | None]) -> dict[str, str]:
        """Leaders settled by elimination, one per country: of two left for one country,
        the one the article names together with that country, if only one of them is."""
        by_country: dict[str, list[str]] = {}
        for person, country in claims.items():
            if country:
                by_country.setdefault(country, []).append(person)
        settled = {}
        for country, people in by_country.items():
            together = [p for p in people if self._named_with(p, country)]
            if len(people) == 1:
                settled[people[0]] = country
            elif len(together) == 1:
                settled[together[0]] = country
        return settled

    def _named_with(self, person: str, country: str) -> bool:
        """The person and the country are named in one sentence, the country not as part of
        another person's title ("U.S. President Trump")."""
        ctx = self.ctx
        own = {
            ctx.sentence_index(ctx.doc[m.start])
            for m in ctx.mentions
            if m.ref.kind == PERSON and m.ref.key == person
        }
        in_other_titles = {
            i
            for other, titles in self.by_person.items()
            if other != person
            for t in titles
            for i in range(min(t.start, t.anchor_start) - 3, t.end)
        }
        return any(
            m.ref.kind in (COUNTRY, GOVERNMENT)
            and gazetteer.country_code(m.ref.key) == country
            and m.start not in in_other_titles
            and ctx.sentence_index(ctx.doc[m.start]) in own
            for m in ctx.mentions
        )

    def _stated(self, person: str) -> str | None:
        """A country the article states for the person: in a title, by "the X
        administration", or by an office only one country has ("Treasury Secretary")."""
        titles = self.by_person[person]
        for title in titles:
            if title.country:
                return title.country
        if person in self.ctx.person_country_hint:
            return self.ctx.person_country_hint[person]
        for title in titles:
            if title.office.lower() in TITLE_DEFAULT_COUNTRY:
                return TITLE_DEFAULT_COUNTRY[title.office.lower()]
        return None

    def _linked(self, person: str, found: dict[str, str | None]) -> str | None:
        """'Akazawa, a close aide to Ishiba': the aide serves Ishiba's government, and
        Ishiba the government his aide serves."""
        for title in self.by_person[person]:
            for other in self._people_in(title):
                if other != person and found.get(other):
                    return found[other]
        for other, titles in self.by_person.items():
            if other == person or not found.get(other):
                continue
            for title in titles:
                if title.head in AIDE_HEADS and person in self._people_in(title):
                    return found[other]
        return None

    def _people_in(self, title: TitleMention) -> set[str]:
        doc = self.ctx.doc
        return {p for t in doc[title.start : title.end] if (p := _person_of(self.ctx, t))}

    def _is_leader(self, person: str) -> bool:
        """A sitting head of state or government of a country (not of a state or party)."""
        return any(
            TITLE_HEADS[t.head] in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
            and t.role_class in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
            and t.qualifier not in ("former", "designate")
            and not t.partisan
            and not _is_regional_title(self.ctx, t)
            and not self._of_a_place(t)
            for t in self.by_person[person]
        )

    def _of_a_place(self, title: TitleMention) -> bool:
        """'Gaza's prime minister': the title names a place that is no country."""
        doc = self.ctx.doc
        start = max(0, min(title.start, title.anchor_start) - 2)
        refs = [self.ctx.entity_at(t) for t in doc[start : title.end]]
        return any(ref is not None and ref.kind == PLACE for ref in refs)

    def _leader_country(self, person: str, found: dict[str, str | None]) -> str | None:
        """'President Lee' in a story on Korea and the U.S. whose U.S. president is Trump:
        one country has one leader in an article, so the countries whose leader is someone
        else are ruled out; what is left must be the only country, or the clear main one. A
        country named alone rules nothing out ("Prime Minister X will visit Japan")."""
        if not self._is_leader(person):
            return None
        taken = {
            country
            for other, country in found.items()
            if other != person and country and self._is_leader(other)
        }
        left = {c: n for c, n in self.counts.items() if c not in taken}
        if taken and len(left) == 1:  # eliminated: not merely the one country named
            return next(iter(left))
        return _main_country(left, self.ctx.dateline_country)

    def _article_country(self, person: str) -> str | None:
        """Last resort, for cabinet-level titles only (an ambassador or a commissioner abroad
        serves another country than the one the article is about)."""
        titles = [t for t in self.by_person[person] if t.qualifier != "shadow"]
        if titles and all(_is_regional_title(self.ctx, t) for t in titles):
            # "in the state of Saxony, State Premier X"; else the story's main state
            return _region_before(self.ctx, titles[0]) or _main_region(self.ctx)
        if self._is_leader(person):
            return None  # settled above if it could be
        national = [  # "government spokesman", "Vice President": the national government's
            t
            for t in titles
            if TITLE_HEADS[t.head] != OTHER
            or t.head in NATIONAL_OTHER_HEADS
            or _government_spokesperson(t)
        ]
        if national and not any(
            t.head in SPOKES_HEADS and not _government_spokesperson(t) for t in titles
        ):
            return _main_country(self.counts, self.ctx.dateline_country)
        return None


def _government_spokesperson(title: TitleMention) -> bool:
    """'government spokesman', 'Foreign Ministry spokeswoman': speaks for the government."""
    return title.head in SPOKES_HEADS and bool(set(title.text.lower().split()) & SPOKESPERSON_OF)


def _country_counts(ctx: DocContext) -> dict[str, int]:
    """How often the article names each country (a state speaks for its country here)."""
    counts: dict[str, int] = {}
    for mention in ctx.mentions:
        if mention.ref.kind in (COUNTRY, GOVERNMENT):
            key = gazetteer.country_code(mention.ref.key)  # Bavaria speaks for Germany here
            if key not in SUPRANATIONAL:
                counts[key] = counts.get(key, 0) + 1
    return counts


def _main_country(counts: dict[str, int], dateline: str | None) -> str | None:
    """The country the article is clearly about (see _dominant); else the dateline's country
    when it is named at least as often as any other (where the reporter is breaks a tie,
    and no more: a WASHINGTON dateline does not make a visiting minister American)."""
    dominant = _dominant(counts)
    if dominant is not None or dateline is None or dateline not in counts:
        return dominant
    if all(counts[dateline] >= n for n in counts.values()):
        return dateline
    return None


def _counterparts(ctx: DocContext, titles: list[TitleMention]) -> list[TitleMention]:
    """'Ana Ribeiro is meeting her South African counterpart Thabo Nkosi': Nkosi holds the same
    office as the person he is the counterpart of (the last titled person before him in the
    sentence), for his own country."""
    out: list[TitleMention] = []
    for title in titles:
        if title.head == "counterpart" and title.person:
            sent = ctx.doc[title.start].sent
            before = [
                t
                for t in out
                if t.person not in (None, title.person)
                and t.head != "counterpart"
                and sent.start <= t.start < title.start
            ]
            if before:
                other = before[-1]
                title = replace(title, head=other.head, office_name=other.office)
        out.append(title)
    return out


def _recent_subject(ctx: DocContext, title: TitleMention, named: list[TitleMention]) -> str | None:
    """A title that names a country and stands as a subject ("the Ukrainian President said",
    "China's president said") is the person named as a subject last before it, in its
    sentence or the two before, unless that person holds a title of another country."""
    heads = [i for i in range(title.start, title.end) if ctx.title_heads.get(i) == title.head]
    head = ctx.doc[heads[-1]] if heads else None
    if title.country is None or head is None or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not any(t.lower_ == "the" or t.dep_ == "poss" for t in head.lefts):
        return None  # "a spokesman for the Kremlin said": someone not named before
    words = ctx.doc[max(0, title.start - 3) : title.end]
    if any(_person_of(ctx, t) for t in words) or not any(
        _is_country_word(ctx, t) for t in words if t.i < head.i
    ):
        return None  # "the spokesman for Russian Prime Minister Putin": someone else
    first_sentence = max(0, ctx.sentence_index(head) - 2)
    start = ctx.sentences[first_sentence].start
    for token in reversed(ctx.tokens[start : title.start]):
        if not _main_subject(token):
            continue
        person = _person_of(ctx, token) or _pronoun_person(ctx, token)
        if person is None:
            continue
        countries = {t.country for t in named if t.person == person and t.country}
        hinted = ctx.person_country_hint.get(person)
        if countries - {title.country} or hinted not in (None, title.country):
            return None
        return person
    return None


def _main_subject(token: Token) -> bool:
    """The subject of a sentence's main verb (or of a verb joined to it by "and")."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return verb.dep_ in ("ROOT", "ccomp") or verb.head == verb


def _pronoun_person(ctx: DocContext, token: Token) -> str | None:
    """'he' or 'she': the person last named as a subject before it, in its sentence or the
    one before ("When Trump met Putin, he said": Trump)."""
    if token.lower_ not in ("he", "she"):
        return None
    sentence = ctx.sentence_index(token)
    start = ctx.sentences[max(0, sentence - 1)].start
    for other in reversed(ctx.tokens[start : token.i]):
        person = _person_of(ctx, other)
        if person and other.dep_ in ("nsubj", "nsubjpass"):
            return person
    return None


def _person_for_nameless(
    ctx: DocContext, title: TitleMention, named: list[TitleMention]
) -> str | None:
    """The named person a bare title stands for, or None when unsure."""
    head_word = ctx.doc[title.end - 1]
    if head_word.tag_ in ("NNS", "NNPS") and not head_word.lower_.endswith("ss"):
        return None  # "Lithuanian lawmakers approved ...": a group, never one person
    # 0. "Zelensky has pushed back. ... the Ukrainian president said": the last subject
    recent = _recent_subject(ctx, title, named)
    if recent is not None:
        return recent
    # 1. a named person of the article holds a title with the same head and content words
    named = [  # "the Swiss foreign minister" is not the Turkish one named earlier
        t for t in named if not (t.country and title.country and t.country != title.country)
    ]
    candidates = {
        t.person
        for t in named
        if t.head == title.head
        and t.person
        and (title.key_words <= t.key_words or t.key_words <= title.key_words)
    }
    if len(candidates) == 1:
        return candidates.pop()
    candidates = {
        t.person
        for t in named
        if t.head == title.head and t.person and len(title.key_words & t.key_words) >= 2
    }
    if len(candidates) == 1:
        return candidates.pop()
    if candidates:
        return None
    # 2. news lead: "X's chief negotiator said ..." then "Ryosei Akazawa, who ..., told"
    doc = ctx.doc
    head_token = doc[title.end - 1]
    sents = ctx.sentences  # indexed once per article, not listed again for every title
    index = ctx.sentence_index(head_token)
    if index > 1 or head_token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    # a head of state or government is not also the bare "chief negotiator" of the lead
    taken = {
        t.person
        for t in named
        if t.head != title.head
        and t.person
        and TITLE_HEADS[t.head] in (HEAD_OF_STATE, HEAD_OF_GOVERNMENT)
    }
    for sent in sents[index + 1 : index + 3]:
        for token in sent:
            person = _person_of(ctx, token)
            if person and token.dep_ in ("nsubj", "nsubjpass") and person not in taken:
                return person
    return None


def _dominant(counts: dict[str, int]) -> str | None:
    """The country an article is clearly about: at least three mentions, and three times the
    next country's, or twice when that one is named fewer than five times ("Dutch" seven
    times among five countries named once). A story between two countries, both named
    again and again (Japan 10, U.S. 5), has none to guess from."""
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    key, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top >= 3 and (top >= 3 * second or (top >= 2 * second and second < 5)):
        return key
    return None


def person_at(ctx: DocContext, token: Token) -> str | None:
    """The person a token refers to: a name, a title standing for a person, 'who', 'he'."""
    person = _person_of(ctx, token)
    if person:
        return person
    if token.lower_ == "who" and token.head.dep_ == "relcl":
        return _person_of(ctx, token.head.head)
    titled = ctx.title_person_at(token.i)
    if titled:
        return titled
    if token.lower_ in ("he", "she", "him", "her"):
        sent_start = token.sent.start
        prev_start = ctx.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for i in range(token.i - 1, prev_start - 1, -1):
            person = _person_of(ctx, ctx.doc[i])
            if person:
                return person
    return None


def country_of_person(ctx: DocContext, person: str) -> str | None:
    """The country a person serves, by the first of their titles that names one."""
    for title in ctx.titles:
        if title.person == person and title.country:
            return title.country
    return ctx.person_country_hint.get(person)
