"""Readers of the parts of one policy mention: its phrase and label, goods, the countries
its clause names (imposer, target, destination), rate and rate change, trade value, dates
and status.

Each reader takes the measure's head noun (or verb) and returns plain values; the named
rules in ``kg.extractors.policies`` assemble them into drafts. The small parser often
hangs a measure's "on goods", "to 145 percent" and dates on the verb it is the object of
("imposed tariffs on ..."), so several readers look at that verb too, and rates are read
from the words around the measure rather than from the tree alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext, clean_text
from kg.extractors.patterns.policies import (
    ACTOR_VERBS,
    BEARER_VERBS,
    CHANGE_NOUNS,
    CONTAINER_NOUNS,
    CURRENCY_WORDS,
    DECISION_NOUNS,
    DOLLAR_PREFIXES,
    EFFECT_VERBS,
    END_WORDS,
    GOODS_NOUNS,
    HIT_VERBS,
    IMPOSE_VERBS,
    PAUSE_VERBS,
    PLAIN_MEASURE_MODIFIERS,
    PLANNED_VERBS,
    POLICY_NOUNS,
    RATE_RUN_POS,
    SCALE_WORDS,
    START_WORDS,
    TRADE_WORDS,
)
from kg.extractors.titles import country_of_person, person_at
from kg.facts import COUNTRY, GOVERNMENT, PERSON, PLACE, DateValue, EntityRef, PolicyStatus

NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)")
_PERCENT = re.compile(r"per ?cent|percent|pct|%|percentage", re.IGNORECASE)
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Nouns that stand for a country, not for goods ("against the East Asian country").
_PARTY_NOUNS = frozenset({"country", "countries", "nation", "nations", "side", "government"})


# --- entities ------------------------------------------------------------------------------
def _blocs_of(ctx: DocContext) -> dict[int, EntityRef]:
    """Token index -> the bloc a token names ("the EU", "European Union", "the European
    Commission"); read once per article. The gazetteer keeps blocs out of the shared
    reading (a bloc is no country for officials), so policies match them here."""
    key = "kg.policies.blocs"
    found: dict[int, EntityRef] | None = ctx.doc.user_data.get(key)
    if found is not None:
        return found
    found = {}
    texts = [t.text for t in ctx.tokens]
    for bloc in gazetteer.blocs():
        ref = EntityRef(COUNTRY, bloc.iso2, bloc.name)
        for surface in (bloc.name, *bloc.aliases, *bloc.seats):
            words = surface.split()
            for i in range(len(texts) - len(words) + 1):
                if texts[i : i + len(words)] == words:
                    found.update({j: ref for j in range(i, i + len(words))})
    named = set(found.values())
    if len(named) == 1:  # "the bloc", "the 27-nation bloc": the one the article names
        ref = next(iter(named))
        found.update({t.i: ref for t in ctx.tokens if t.lower_ == "bloc" and t.pos_ == "NOUN"})
    ctx.doc.user_data[key] = found
    return found


def country_at(ctx: DocContext, token: Token) -> EntityRef | None:
    """The country (or bloc) a token names, as a COUNTRY reference."""
    return country_ref(ctx.entity_at(token)) or _blocs_of(ctx).get(token.i)


def bloc_mentions(ctx: DocContext) -> list[tuple[int, EntityRef]]:
    """Where the article names a bloc: (first token, bloc), one per mention."""
    blocs = _blocs_of(ctx)
    return [(i, ref) for i, ref in sorted(blocs.items()) if blocs.get(i - 1) != ref]


def government(ctx: DocContext, token: Token) -> EntityRef | None:
    """The government a token stands for: a country word, a capital, or a person's country."""
    bloc = _blocs_of(ctx).get(token.i)
    if bloc is not None:
        return EntityRef(GOVERNMENT, bloc.key, bloc.label)
    ref = ctx.entity_at(token)
    if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
        return EntityRef(GOVERNMENT, ref.key.split("/")[0], ref.label)
    person = ref.key if ref is not None and ref.kind == PERSON else person_at(ctx, token)
    if not person:
        return None
    bloc = _bloc_of_person(ctx, person)  # "EU trade chief X" serves the bloc, wherever he is
    if bloc is not None:
        return bloc
    iso = country_of_person(ctx, person)
    return EntityRef(GOVERNMENT, iso, gazetteer.by_iso2(iso).name) if iso else None


def _bloc_of_person(ctx: DocContext, person: str) -> EntityRef | None:
    """'EU trade chief Maros Sefcovic': the bloc a person's title names."""
    blocs = _blocs_of(ctx)
    for title in ctx.titles:
        if title.person == person:
            for i in range(max(0, title.anchor_start - 2), title.anchor_end):
                if i in blocs:
                    return EntityRef(GOVERNMENT, blocs[i].key, blocs[i].label)
    return None


def country_ref(ref: EntityRef | None) -> EntityRef | None:
    """The country behind a country or government mention, else None."""
    if ref is None or ref.kind not in (COUNTRY, GOVERNMENT):
        return None
    return EntityRef(COUNTRY, ref.key.split("/")[0], ref.label)


def same_side(a: EntityRef | None, b: EntityRef | None) -> bool:
    """Whether two references name the same country (or its government)."""
    return a is not None and b is not None and a.key.split("/")[0] == b.key.split("/")[0]


# --- phrase and label ----------------------------------------------------------------------
def phrase(ctx: DocContext, token: Token, with_preps: tuple[str, ...] = ()) -> tuple[int, int]:
    """Token span of a noun phrase without determiners, possessives or country words."""
    doc = ctx.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "poss", "predet") or _named(ctx, child):
            continue
        start = min(start, child.left_edge.i)
    while start < token.i and (
        doc[start].dep_ in ("det", "poss")
        or doc[start].is_punct
        or _named(ctx, doc[start])
        or doc[start].text in ("'s", "’s")
    ):
        start += 1
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in with_preps:
            end = child.right_edge.i + 1
            while end > token.i + 1 and doc[end - 1].is_punct:
                end -= 1
    return start, end


def _named(ctx: DocContext, token: Token) -> bool:
    return ctx.entity_at(token) is not None or token.i in _blocs_of(ctx)


def label(ctx: DocContext, start: int, end: int) -> str:
    """The text of tokens ``start:end`` as a label: one line, no quotation marks."""
    text = clean_text(ctx.doc[start:end].text)
    return re.sub(r"[“”\"‘’«»()]", "", text).strip(" ,")


def verb_of(noun: Token) -> Token | None:
    """The verb a measure is the object of ("imposed tariffs on ..."), or, for a measure in
    a package or series, the verb of that ("adopted the 18th package of sanctions")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("in", "of") and head.head.ent_type_ == "MONEY":
        money = head.head  # "slap 300 mln dlrs in tariffs on Japanese imports"
        if money.dep_ in ("dobj", "nsubjpass") and money.head.pos_ in ("VERB", "AUX"):
            return money.head
    container = container_of(noun)
    if container is not None and container.dep_ in ("dobj", "nsubjpass"):
        return container.head if container.head.pos_ in ("VERB", "AUX") else None
    return None


def prep_verb(noun: Token) -> Token | None:
    """'agreed to a 15% tariff on most of its exports': the verb the measure's preposition
    hangs on, which the parser often gives the measure's own 'on' phrase too."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        return head.head
    return None


def _hit_agent(ctx: DocContext, noun: Token) -> EntityRef | None:
    """'India was slapped with a 50% tariff by Washington': the agent of the hit."""
    verb = prep_verb(noun)
    if verb is None or verb.lemma_ not in HIT_VERBS or noun.head.lower_ != "with":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return _subject(ctx, verb) if agent is not None else None


def container_of(noun: Token) -> Token | None:
    """'the 18th package of sanctions', 'the latest series of duties': the package."""
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lower_ in CONTAINER_NOUNS
    ):
        return noun.head.head
    return None


def effect_verb(noun: Token) -> Token | None:
    """'the tariffs take effect on August 1', 'the deal came into force'."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_ in EFFECT_VERBS:
        words = {t.lower_ for c in verb.children for t in c.subtree}
        if words & {"effect", "force"}:
            return verb
    return None


def of_objects(token: Token) -> list[Token]:
    """The objects of the token's 'of' phrases ("purchases of X" -> X)."""
    return [
        obj
        for prep in token.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def in_clause(token: Token, top: Token) -> bool:
    """Whether ``token`` sits in a clause hanging below ``top`` (relative, participial...)."""
    while token != top and token.head != token:
        if token.dep_ in _CLAUSE_DEPS:
            return True
        token = token.head
    return False


def negated(noun: Token) -> bool:
    """'did not announce a pause', 'will not be required to pay tariffs': the verb that
    governs the measure (or the one it depends on) is negated."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "not retaliating with tariffs"
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
            return False
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in verb.children):
            return True
        if verb.dep_ not in ("xcomp", "auxpass") or verb.head == verb:
            return False
        verb = verb.head
    return False


def own_name(ctx: DocContext, noun: Token) -> frozenset[str]:
    """The modifiers that name a measure ("reciprocal tariff", "steel tariffs"), not the
    plain ones ("new", "hefty"), trade words ("tariff rates"), country words or rates."""
    return frozenset(
        c.lower_
        for c in noun.lefts
        if c.dep_ in ("amod", "compound")
        and c.lower_ not in PLAIN_MEASURE_MODIFIERS
        and c.lower_ not in TRADE_WORDS
        and not _named(ctx, c)
        and c.ent_type_ not in ("GPE", "NORP", "PERCENT", "MONEY", "CARDINAL", "DATE")
        and not c.like_num
    )


# --- goods and the countries named with them -------------------------------------------------
def _goods_preps(noun: Token) -> list[Token]:
    """The 'on'/'against'/'for' phrases of the measure, of its verb and of its participle
    ("tariffs unleashed against Beijing"), and of a rate it is named by ("rates of 20
    percent on X")."""
    verb = verb_of(noun) or prep_verb(noun)
    heads = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    heads += [obj for obj in of_objects(noun) if obj.ent_type_ in ("PERCENT", "MONEY")]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.i > noun.i]
    if verb is not None:
        preps += [c for c in verb.rights if c.dep_ == "prep" and c.i > noun.i]
    return [p for p in preps if p.lower_ in ("on", "against", "for")]


def _is_goods_like(ctx: DocContext, item: Token) -> bool:
    """'Korean goods', 'American products', 'car imports': what a "for" phrase must name."""
    return item.lower_ in GOODS_NOUNS or any(country_at(ctx, c) is not None for c in item.lefts)


def _goods_objects(ctx: DocContext, noun: Token) -> list[Token]:
    """The objects of the measure's goods phrases, conjuncts too."""
    items = []
    for prep in _goods_preps(noun):
        for obj in prep.children:
            if obj.dep_ == "pcomp":  # "for American goods entering the country"
                obj = next((c for c in obj.children if c.dep_ == "nsubj"), obj)
            elif obj.dep_ != "pobj":
                continue
            for item in [obj, *obj.conjuncts]:
                if item.lower_ in _PARTY_NOUNS:
                    continue  # "measures against the East Asian country": a side, not goods
                if prep.lower_ == "for" and not _is_goods_like(ctx, item):
                    continue
                items.append(item)
    return items


def _is_trade_value(item: Token) -> bool:
    """'C$30 billion of X', 'roughly 250 mln dlrs worth of X', '300 mln dlrs of X'."""
    return (
        item.ent_type_ in ("MONEY", "DATE", "CARDINAL")
        or item.lower_ == "worth"
        or any(c.dep_ == "nummod" for c in item.children)
    )


def _goods_label(ctx: DocContext, item: Token) -> str:
    start, end = phrase(ctx, item, ("of", "from"))
    # keep the country word: "U.S. goods", "Chinese goods"
    while start > item.left_edge.i and _named(ctx, ctx.doc[start - 1]):
        start -= 1
    return label(ctx, start, end)


def _is_destination(token: Token, top: Token) -> bool:
    """'exports to the U.S.', 'goods into the US': the country goods go to."""
    while token != top and token.head != token:
        if token.dep_ == "pobj" and token.head.lower_ in ("to", "into"):
            return True
        token = token.head
    return False


def origins(ctx: DocContext, item: Token) -> list[EntityRef]:
    """The countries goods come from: 'Japanese cars', 'imports from Mexico and Canada';
    not a country in a clause below them, nor the one they go to ('exports to the U.S.')."""
    found: list[EntityRef] = []
    for child in item.subtree:
        if in_clause(child, item) or _is_destination(child, item):
            continue  # "products which ... hardly any cost to the American shopper"
        country = country_at(ctx, child)
        if country is not None and not any(same_side(country, f) for f in found):
            found.append(country)
    return found


def destination(ctx: DocContext, noun: Token) -> EntityRef | None:
    """The country a measure's goods go to ('steel exports to the U.S.', 'car imports to
    the US', 'sales into the US'): the one that taxes them."""
    verb = verb_of(noun) or prep_verb(noun)
    tops = [noun] + ([verb] if verb is not None else [])
    for top in tops:
        for token in top.subtree:
            if token.i < noun.i or in_clause(token, top):
                continue  # "... hardly any cost to the American shopper"
            country = country_at(ctx, token)
            if country is not None and _is_destination(token, top):
                return country
    return None


@dataclass
class Goods:
    """What a measure is on: goods as written, the countries they come from, trade values."""

    items: list[str]
    countries: list[EntityRef]
    values: list[Token]


def goods(ctx: DocContext, noun: Token) -> Goods:
    """Goods a measure is on, the countries they come from, and the trade values named
    before them ("on 300 mln dlrs of Japanese goods")."""
    found = Goods([], [], [])
    for country in _from_countries(ctx, noun):  # "a 30% tariff on goods from Mexico"
        _add_country(found.countries, country)
    for item in _goods_objects(ctx, noun):
        as_country = country_at(ctx, item) or _capital(ctx, item)
        if as_country is not None:
            _add_country(found.countries, as_country)
            continue
        if item.pos_ == "PRON":
            continue  # "tariffs on it": the goods are named elsewhere
        if _is_trade_value(item):
            worth = of_objects(item)
            if not worth:
                continue
            found.values.append(item)
            item = worth[0]
        found.items.append(_goods_label(ctx, item))
        for country in origins(ctx, item) or _owner(ctx, item):
            _add_country(found.countries, country)
    return found


def _capital(ctx: DocContext, token: Token) -> EntityRef | None:
    """'tariffs against Beijing': a capital a measure is aimed at stands for its country."""
    ref = ctx.entity_at(token)
    code = ref.key.split("/")[0] if ref is not None and ref.kind == PLACE else ""
    if "/" not in (ref.key if ref is not None else "") or not gazetteer.is_iso2(code):
        return None
    return EntityRef(COUNTRY, code, gazetteer.by_iso2(code).name)


def _add_country(found: list[EntityRef], country: EntityRef) -> None:
    if not any(same_side(country, c) for c in found):
        found.append(country)


def _from_countries(ctx: DocContext, noun: Token) -> list[EntityRef]:
    """'a tariff on goods from Mexico and the EU': the countries of the measure's 'from'."""
    found: list[EntityRef] = []
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                for item in [obj, *obj.conjuncts]:
                    country = country_at(ctx, item)
                    if country is not None:
                        found.append(country)
    return found


def _owner(ctx: DocContext, item: Token) -> list[EntityRef]:
    """'Brazil faces a tariff on its exports': the country an 'its' before the goods
    stands for, the last one named before it in the sentence."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in item.children):
        return []
    for head in item.ancestors:  # the subject of the clause first
        for child in head.children:
            country = country_at(ctx, child) if child.dep_ == "nsubj" else None
            if country is not None:
                return [country]
    for token in reversed(ctx.doc[item.sent.start : item.i]):
        country = country_at(ctx, token)
        if country is not None:
            return [country]
    return []


# --- quantities: rates and amounts --------------------------------------------------------
@dataclass(frozen=True)
class Quantity:
    """A rate ("25 percent") or an amount ("$350 billion") at tokens ``start:end``."""

    start: int
    end: int
    value: float
    unit: str  # "percent", or a currency code ("USD")


def _number(text: str) -> float | None:
    match = NUMBER.search(text)
    if not match:
        return None
    try:
        return float(match.group(1).replace(",", ""))
    except ValueError:
        return None


def money(text: str) -> tuple[float, str] | None:
    """'about 300 mln dlrs', 'C$30 billion', '$350 billion': value in units and currency."""
    value = _number(text)
    if value is None:
        return None
    words = text.lower().replace("$", "$ ").split()
    value *= next((SCALE_WORDS[w] for w in words if w in SCALE_WORDS), 1.0)
    prefix = re.search(r"([A-Z.]{0,4})\$\s*\d", text)
    if prefix is not None:
        currency = DOLLAR_PREFIXES.get(prefix.group(1))
    else:
        currency = next((CURRENCY_WORDS[w] for w in words if w in CURRENCY_WORDS), None)
        currency = currency or next((CURRENCY_WORDS[c] for c in text if c in CURRENCY_WORDS), None)
    return (value, currency) if currency else None


def _percents_in(span: Span) -> list[Quantity]:
    """Each 'N percent' of an entity: the tagger makes one of "25 percent to 50 percent"."""
    found = []
    for token in span:
        if not token.like_num or _number(token.text) is None:
            continue
        after = span.doc[token.i + 1 : min(span.end, token.i + 3)]
        unit_end = next(
            (t.i + 1 for t in after if _PERCENT.fullmatch(t.text) or t.lower_ == "cent"), None
        )
        if unit_end is None and "%" in token.text:
            unit_end = token.i + 1
        if unit_end is not None:
            found.append(Quantity(token.i, unit_end, _number(token.text) or 0.0, "percent"))
    return found


def _quantities_of(span: Span) -> list[Quantity]:
    """The rates or the amount an entity gives."""
    if span.label_ == "PERCENT" or _PERCENT.search(span.text):
        return _percents_in(span)
    found = money(span.text)
    if found is None:
        return []
    # the tagger takes words before the number into the entity ("about $5 billion")
    start = next((t.i for t in span if t.like_num or t.is_currency), span.start)
    return [Quantity(start, span.end, found[0], found[1])]


def quantities(ctx: DocContext, start: int, end: int) -> list[Quantity]:
    """The rates and amounts among tokens ``start:end``: PERCENT and MONEY entities, and a
    number before 'pct'/'percent' the tagger left out ("25 pct")."""
    found = []
    taken: set[int] = set()
    for ent in ctx.ents_within(start, end):
        if ent.start >= start and ent.end <= end and ent.label_ in ("PERCENT", "MONEY"):
            for quantity in _quantities_of(ent):
                found.append(quantity)
            taken.update(range(ent.start, ent.end))
    doc = ctx.doc
    for i in range(max(start, 1), end):
        if doc[i].lower_ in ("pct", "percent", "%") and i not in taken and i - 1 not in taken:
            value = _number(doc[i - 1].text) if doc[i - 1].like_num else None
            if value is not None:
                found.append(Quantity(i - 1, i + 1, value, "percent"))
    return sorted(found, key=lambda q: q.start)


@dataclass(frozen=True)
class Rate:
    """A measure's rate, and the rate it replaced ("from 25 percent to 50 percent")."""

    value: float | None
    unit: str | None
    old: float | None = None


def _rate_before(ctx: DocContext, noun: Token) -> Quantity | None:
    """'25-percent tariff', '25 per cent counter-tariffs': a rate in front of the measure,
    with only a plain run of modifiers between them (not a clause: "95 plus pct certain
    that it (the levy) will not ...")."""
    doc = noun.doc
    window_start = max(noun.sent.start, noun.left_edge.i - 5)
    window = doc[window_start : noun.left_edge.i]
    plain = all(
        t.ent_type_ in ("PERCENT", "MONEY") or t.pos_ in RATE_RUN_POS or t.lower_ in ("pct", "%")
        for t in window
    )
    start = window_start if plain else noun.left_edge.i
    found = [q for q in quantities(ctx, start, noun.i) if q.unit == "percent"]
    return found[-1] if found else None


def _rate_after(ctx: DocContext, noun: Token, end: int) -> Rate | None:
    """'tariffs of 15%', 'duties ... from 25 percent to 50 percent', 'the tariff on cars to
    27.5 percent from 2.5 percent', 'tariffs on it at 25%': the words right after the
    measure's phrase, up to the next measure or the end of the clause."""
    doc = noun.doc
    stop = min(noun.sent.end, end + 12)
    for i in range(noun.i + 1, stop):
        if (
            POLICY_NOUNS.get(doc[i].lower_)
            or doc[i].text in (";", "—", "–")
            or doc[i].lower_
            in (
                "while",
                "but",
                "whereas",
            )
        ):
            stop = i
            break
    new = old = None
    for q in quantities(ctx, noun.i + 1, stop):
        before = doc[q.start - 1].lower_ if q.start > 0 else ""
        if q.unit != "percent" or before not in ("to", "from", "at", "of", "by"):
            continue
        if before == "from":
            old = old if old is not None else q.value
        elif new is None:
            new = q.value
    if new is None and old is None:
        return None
    if new is None:  # "from 25 percent" alone names the old rate of a change
        return None
    return Rate(new, "percent", old)


def rate(ctx: DocContext, noun: Token, end: int | None = None) -> Rate:
    """A measure's rate ('25-percent tariff', 'tariffs of 15%', 'raised ... to 145 percent')
    and the one it replaced, if the article gives the change."""
    before = _rate_before(ctx, noun)
    after = _rate_after(ctx, noun, end if end is not None else noun.right_edge.i + 1)
    change = _rate_of_change(ctx, noun)
    if after is not None:
        if before is not None and after.old is None:
            return Rate(before.value, "percent")
        return after
    if before is not None:
        return Rate(before.value, "percent")
    return change or Rate(None, None)


def _change_noun(noun: Token) -> Token | None:
    """'the increase in April of the tariff': the change noun a measure is the 'of' of."""
    token = noun
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.lower_ != "of":
            return None
        head = token.head.head
        if head.lower_ in CHANGE_NOUNS:
            return head
        token = head
    return None


def _rate_of_change(ctx: DocContext, noun: Token) -> Rate | None:
    """The rates named after a change noun the measure belongs to."""
    change = _change_noun(noun)
    if change is None:
        return None
    return _rate_after(ctx, change, noun.right_edge.i + 1)


def trade_value(ctx: DocContext, item: Token) -> tuple[float, str, str] | None:
    """'about 300 mln dlrs worth', 'C$30 billion': value in units, currency, and the text."""
    start = item.left_edge.i
    end = item.i + 1 if item.lower_ != "worth" else item.i
    found = money(clean_text(ctx.doc[start:end].text))
    if found is None:
        return None  # a count, or a currency kg does not know: kept in the label only
    return found[0], found[1], clean_text(ctx.doc[start : item.i + 1].text)


# --- who: the imposer the clause names ---------------------------------------------------
def _poss_actor(ctx: DocContext, noun: Token) -> EntityRef | None:
    """ "Beijing's duties", "Trump's tariffs", "the Trump administration's increase"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return side_of(ctx, child)
    return None


def side_of(ctx: DocContext, token: Token) -> EntityRef | None:
    """The government a subject stands for: 'Japan', 'Trump', 'the U.S. Treasury', 'British
    officials' (a country word on it)."""
    found = government(ctx, token)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ in ("compound", "amod", "poss") and child.i < token.i:
            found = government(ctx, child)
            if found is not None:
                return found
    return None


def _subject(ctx: DocContext, verb: Token) -> EntityRef | None:
    """The government of a verb's subject, or of the agent of a passive."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return side_of(ctx, child)
        if child.dep_ == "agent":
            return side_of(ctx, next(child.children, child))
    return None


def _verb_actor(ctx: DocContext, noun: Token) -> EntityRef | None:
    """'Canada imposed tariffs', 'tariffs imposed by Washington', 'the US plans to slap
    tariffs', 'Washington's decision to raise duties'."""
    verb = verb_of(noun)
    if verb is None or (verb.lemma_ not in ACTOR_VERBS and noun.dep_ != "nsubjpass"):
        return None
    for _ in range(3):
        found = _subject(ctx, verb)
        if found is not None or any(c.dep_ in ("nsubj", "agent") for c in verb.children):
            return found
        if verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # "decided to give", "plans to impose"
        elif verb.dep_ == "acl" and verb.head.lower_ in DECISION_NOUNS:
            return _decider(ctx, verb.head)
        else:
            return None
    return None


def _decider(ctx: DocContext, decision: Token) -> EntityRef | None:
    """ "Washington's decision to raise duties", "Washington announced plans to put
    tariffs on ...": whose decision or plan it is."""
    found = _poss_actor(ctx, decision)
    if found is not None or any(c.dep_ == "poss" for c in decision.children):
        return found
    if decision.dep_ == "dobj" and decision.head.pos_ in ("VERB", "AUX"):
        return _subject(ctx, decision.head)
    return None


def _participle_actor(ctx: DocContext, noun: Token) -> EntityRef | None:
    """'the duties imposed by Washington', 'tariffs unleashed by Beijing', 'slapped with a
    tariff by Washington'."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            by = next((c for c in child.children if c.dep_ == "pobj"), None)
            found = side_of(ctx, by) if by is not None else None
            if found is not None:
                return found
        if child.dep_ == "acl" and child.lemma_ in ACTOR_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    return government(ctx, next(agent.children, agent))
    return None


@dataclass(frozen=True)
class Sides:
    """Who imposes a measure and whom it is aimed at, as its own clause says, and how."""

    actor: EntityRef | None
    actor_how: str  # "poss", "demonym", "compound", "verb", "destination", "change", ""
    targets: tuple[EntityRef, ...]


def _word_actor(ctx: DocContext, noun: Token) -> tuple[EntityRef | None, str]:
    """A country word on the measure: 'U.S. tariffs' (compound), 'Chinese tariffs'."""
    for child in noun.lefts:
        if child.i in _blocs_of(ctx):
            return government(ctx, child), "compound"
        mention = ctx.mention_at(child)
        if mention is None or mention.ref.kind not in (COUNTRY, GOVERNMENT):
            continue
        how = "demonym" if mention.how == "demonym" else "compound"
        return government(ctx, child), how
    return None, ""


def clause_actor(ctx: DocContext, noun: Token) -> tuple[EntityRef | None, str]:
    """The imposer the measure's own clause names, and how it names it."""
    for anchor in (noun, container_of(noun)):
        if anchor is None:
            continue
        found = _poss_actor(ctx, anchor)
        if found is not None:
            owner = next(c for c in anchor.children if c.dep_ == "poss")
            country = country_at(ctx, owner) is not None
            return found, "poss-country" if country else "poss"
        found, how = _word_actor(ctx, anchor)
        if found is not None:
            return found, how
    found = _verb_actor(ctx, noun) or _participle_actor(ctx, noun) or _hit_agent(ctx, noun)
    if found is not None:
        return found, "verb"
    change = _change_noun(noun)
    found = _poss_actor(ctx, change) if change is not None else None
    if found is not None:
        return found, "change"
    found = destination(ctx, noun)
    if found is not None:
        return EntityRef(GOVERNMENT, found.key, found.label), "destination"
    return None, ""


def bearer(ctx: DocContext, noun: Token) -> EntityRef | None:
    """Who a measure hits: 'Canada is being slammed by tariffs', 'Japan faces tariffs'."""
    head = noun.head
    by = head.dep_ == "agent" or head.lower_ == "with"  # "hit by tariffs", "hit with a tariff"
    if noun.dep_ == "pobj" and by and head.head.lemma_ in HIT_VERBS:
        for child in head.head.children:
            if child.dep_ == "nsubjpass":
                return country_at(ctx, child) or _country_of(ctx, child)
    if noun.dep_ == "dobj" and head.lemma_ in BEARER_VERBS:
        for child in head.children:
            if child.dep_ == "nsubj":
                return country_at(ctx, child) or _country_of(ctx, child)
    return None


def _country_of(ctx: DocContext, token: Token) -> EntityRef | None:
    gov = government(ctx, token)
    return EntityRef(COUNTRY, gov.key, gov.label) if gov is not None else None


def is_imposing_verb(token: Token) -> bool:
    return token.lemma_ in IMPOSE_VERBS and token.pos_ == "VERB"


# --- when: dates and status --------------------------------------------------------------
def _date_on_measure(ent: Span, noun: Token, verb: Token | None) -> bool:
    """A DATE entity inside the measure's phrase or hung on its verb."""
    on_verb = (
        verb is not None
        and ent.start > noun.i
        and (ent.root.head == verb or (ent.root.head.dep_ == "prep" and ent.root.head.head == verb))
    )
    inside = noun.left_edge.i <= ent.start < noun.right_edge.i + 1
    return ent.label_ == "DATE" and (inside or on_verb)


def _effective_date(ctx: DocContext, noun: Token, ent: Span) -> bool:
    """'..., effective Wednesday', 'from September 1', 'starting Aug. 7' later in the
    measure's sentence."""
    if ent.label_ != "DATE" or ent.start <= noun.i or ent.start >= noun.sent.end:
        return False
    before = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    return before in ("effective", "starting", "beginning") or (
        before == "from" and ent.root.head.head.pos_ in ("VERB", "AUX", "ADJ")
    )


def _date_tense(ctx: DocContext, ent: Span, tense: str | None) -> str | None:
    """'since April 3' is past; 'from September 1' or 'effective Wednesday' is the nearest
    such day unless the verb says it is to come: never last year's by default."""
    word = ctx.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if word == "since":
        return PAST
    if word in START_WORDS and tense != FUTURE:
        return None
    return tense


def dates(
    ctx: DocContext, noun: Token, tense: str | None
) -> tuple[DateValue | None, DateValue | None]:
    """Start and end of a measure: 'imposed since April 3', 'until July 9', 'effective
    Wednesday'."""
    start = end = None
    verb = verb_of(noun) or effect_verb(noun)
    sent = noun.sent  # a measure's dates are in its own sentence (a lookup, not a walk)
    for ent in ctx.ents_within(sent.start, sent.end):
        if not (_date_on_measure(ent, noun, verb) or _effective_date(ctx, noun, ent)):
            continue
        if ent.root.head.lemma_ in PAUSE_VERBS or ent.root.head.head.lemma_ in PAUSE_VERBS:
            continue  # "part of which has been paused through early July": the pause's date
        before = {t.lower_ for t in ctx.doc[max(0, ent.start - 3) : ent.start]}
        value = ctx.date_of(ent, _date_tense(ctx, ent, tense))
        if value is None:
            continue
        if before & END_WORDS:
            end = end or value
        else:
            start = start or value
    return start, end


def measure_status(noun: Token) -> PolicyStatus:
    """'will impose' -> planned, 'threatened' -> threatened, 'could impose' -> proposed."""
    verb = verb_of(noun) or effect_verb(noun)
    if verb is None:
        return "in force"
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp") else [])
    for v in chain:
        auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if v.lemma_ == "threaten":
            return "threatened"
        if auxes & {"could", "might", "may"}:
            return "proposed"
        if auxes & {"will", "would", "'ll", "shall"} or v.lemma_ in PLANNED_VERBS:
            return "planned"
    return "in force"
