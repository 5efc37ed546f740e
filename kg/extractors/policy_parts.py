"""Readers of the parts of one policy mention: its phrase and label, goods, rate, trade
value, dates, status and the government a token stands for.

Each reader takes the measure's head noun (or verb) and returns plain values; the named
rules in ``kg.extractors.policies`` assemble them into drafts. The small parser often
hangs a measure's "on goods", "to 145 percent" and dates on the verb it is the object of
("imposed tariffs on ..."), so several readers look at that verb too.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg import gazetteer
from kg.extractors.context import DocContext, clean_text, entity_span
from kg.extractors.patterns.policies import (
    END_WORDS,
    PAUSE_VERBS,
    PLAIN_MEASURE_MODIFIERS,
    PLANNED_VERBS,
    RATE_RUN_POS,
)
from kg.extractors.titles import country_of_person, person_at
from kg.facts import COUNTRY, GOVERNMENT, PERSON, DateValue, EntityRef

NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")
_DOLLAR_PREFIXES = {"": "USD", "US": "USD", "C": "CAD", "A": "AUD", "HK": "HKD", "NZ": "NZD"}
_SCALE = {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9, "trillion": 1e12}


def government(ctx: DocContext, token: Token) -> EntityRef | None:
    """The government a token stands for: a country word, a capital, or a person's country."""
    ref = ctx.entity_at(token)
    if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
        return EntityRef(GOVERNMENT, ref.key.split("/")[0], ref.label)
    if ref is not None and ref.kind == PERSON:
        iso = country_of_person(ctx, ref.key)
        if iso:
            return EntityRef(GOVERNMENT, iso, gazetteer.by_iso2(iso).name)
    person = person_at(ctx, token)
    if person:
        iso = country_of_person(ctx, person)
        if iso:
            return EntityRef(GOVERNMENT, iso, gazetteer.by_iso2(iso).name)
    return None


def country_ref(ref: EntityRef | None) -> EntityRef | None:
    """The country behind a country or government mention, else None."""
    if ref is None or ref.kind not in (COUNTRY, GOVERNMENT):
        return None
    return EntityRef(COUNTRY, ref.key.split("/")[0], ref.label)


def phrase(ctx: DocContext, token: Token, with_preps: tuple[str, ...] = ()) -> tuple[int, int]:
    """Token span of a noun phrase without determiners, possessives or country words."""
    doc = ctx.doc
    start = token.i
    for child in token.lefts:
        if child.dep_ in ("det", "poss", "predet") or ctx.entity_at(child) is not None:
            continue
        start = min(start, child.left_edge.i)
    while start < token.i and (
        doc[start].dep_ in ("det", "poss")
        or doc[start].is_punct
        or ctx.entity_at(doc[start]) is not None
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


def label(ctx: DocContext, start: int, end: int) -> str:
    """The text of tokens ``start:end`` as a label: one line, no quotation marks."""
    text = clean_text(ctx.doc[start:end].text)
    return re.sub(r"[“”\"‘’«»]", "", text).strip(" ,")


def verb_of(noun: Token) -> Token | None:
    """The verb a measure is the object of ("imposed tariffs on ...")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
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
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        token = token.head
    return False


def _goods_objects(noun: Token) -> list[Token]:
    """The objects of the measure's (or its verb's) "on"/"against" phrases, conjuncts too."""
    verb = verb_of(noun)
    preps = list(noun.rights) + ([c for c in verb.rights if c.i > noun.i] if verb else [])
    return [
        item
        for prep in preps
        if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
        for obj in prep.children
        if obj.dep_ == "pobj"
        for item in [obj, *obj.conjuncts]
    ]


def _is_trade_value(item: Token) -> bool:
    """'C$30 billion of X', 'roughly 250 mln dlrs worth of X', '300 mln dlrs of X'."""
    return (
        item.ent_type_ in ("MONEY", "DATE", "CARDINAL")
        or item.lower_ == "worth"
        or any(c.dep_ == "nummod" for c in item.children)
    )


def _goods_label(ctx: DocContext, item: Token) -> str:
    start, end = phrase(ctx, item, ("of",))
    # keep the country word: "U.S. goods", "Chinese goods"
    while start > item.left_edge.i and ctx.entity_at(ctx.doc[start - 1]) is not None:
        start -= 1
    return label(ctx, start, end)


def _origin(ctx: DocContext, item: Token) -> EntityRef | None:
    """The first country named in the goods' phrase, outside clauses below it."""
    for child in item.subtree:
        if in_clause(child, item):
            continue  # "products which ... hardly any cost to the American shopper"
        found = country_ref(ctx.entity_at(child))
        if found is not None:
            return found
    return None


def goods(ctx: DocContext, noun: Token) -> tuple[list[str], EntityRef | None, list[Token]]:
    """Goods a measure is on, the country they come from, and the trade values named
    before them ("on 300 mln dlrs of Japanese goods")."""
    found: list[str] = []
    amounts: list[Token] = []
    target = None
    for item in _goods_objects(noun):
        as_country = country_ref(ctx.entity_at(item))
        if as_country is not None:
            target = as_country
            continue
        if _is_trade_value(item):
            worth = of_objects(item)
            if not worth:
                continue
            amounts.append(item)
            item = worth[0]
        found.append(_goods_label(ctx, item))
        if target is None:
            target = _origin(ctx, item)
    return found, target, amounts


def amount(ctx: DocContext, item: Token) -> tuple[float, str, str] | None:
    """'about 300 mln dlrs worth', 'C$30 billion': value in units, unit, and the text."""
    start = item.left_edge.i
    end = item.i + 1 if item.lower_ != "worth" else item.i
    text = clean_text(ctx.doc[start:end].text)
    match = NUMBER.search(text)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    words = text.lower().split()
    value *= next((_SCALE[w] for w in words if w in _SCALE), 1.0)
    prefix = re.search(r"([A-Z]{0,2})\$\s*\d", text)
    if prefix is not None:
        unit = _DOLLAR_PREFIXES.get(prefix.group(1))
    elif any(w in ("dlrs", "dollars", "usd") for w in words):
        unit = "USD"  # wire copy's "dlrs" are U.S. dollars
    else:
        unit = None
    if unit is None:
        return None  # another currency or a count: kept in the label only
    return value, unit, clean_text(ctx.doc[start : item.i + 1].text)


def _number_unit(token: Token) -> tuple[float, str] | None:
    """The number and unit of a PERCENT/MONEY entity (or '25 pct') around ``token``."""
    ent = entity_span(token)
    text = ent.text if ent is not None else token.doc[max(0, token.i - 2) : token.i + 1].text
    match = NUMBER.search(text)
    if not match:
        return None
    is_percent = ent is None or ent.label_ == "PERCENT" or re.search(r"per ?cent|pct|%", text)
    return float(match.group(1).replace(",", "")), "percent" if is_percent else "USD"


def _is_rate_token(token: Token) -> bool:
    return token.ent_type_ in ("PERCENT", "MONEY") or token.lower_ in ("percent", "pct", "%")


def _rate_candidates(noun: Token) -> list[Token]:
    """Tokens a measure's rate may be read from, nearest first."""
    doc = noun.doc
    candidates = [t for t in noun.subtree if t.i < noun.i]
    window = doc[max(noun.sent.start, noun.left_edge.i - 5) : noun.left_edge.i]
    # only a plain run of modifiers may stand between a rate and its measure, not a clause
    # ("95 plus pct certain that it (the levy) will not ...")
    plain = [t for t in window if _is_rate_token(t) or t.pos_ in RATE_RUN_POS]
    candidates += plain if len(plain) == len(window) else []
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            candidates += list(prep.subtree)
    verb = verb_of(noun)
    if verb is not None:
        for prep in verb.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "by", "at") and prep.i > noun.i:
                candidates += list(prep.subtree)
    return candidates


def rate(noun: Token) -> tuple[float | None, str | None]:
    """'25-percent tariff', '25 per cent counter-tariffs', 'tariffs of 15%', 'raise ... to 145
    percent'."""
    for token in _rate_candidates(noun):
        if _is_rate_token(token):
            found = _number_unit(token)
            if found:
                return found
    return None, None


def _date_on_measure(ent, noun: Token, verb: Token | None) -> bool:
    """A DATE entity inside the measure's phrase or hung on its verb."""
    on_verb = (
        verb is not None
        and ent.start > noun.i
        and (ent.root.head == verb or (ent.root.head.dep_ == "prep" and ent.root.head.head == verb))
    )
    inside = noun.left_edge.i <= ent.start < noun.right_edge.i + 1
    return ent.label_ == "DATE" and (inside or on_verb)


def dates(
    ctx: DocContext, noun: Token, tense: str | None
) -> tuple[DateValue | None, DateValue | None]:
    """Start and end of a measure: 'imposed since April 3', 'until July 9'."""
    start = end = None
    verb = verb_of(noun)
    for ent in ctx.ents:
        if not _date_on_measure(ent, noun, verb):
            continue
        if ent.root.head.lemma_ in PAUSE_VERBS or ent.root.head.head.lemma_ in PAUSE_VERBS:
            continue  # "part of which has been paused through early July": the pause's date
        before = {t.lower_ for t in ctx.doc[max(0, ent.start - 3) : ent.start]}
        value = ctx.date_of(ent, tense)
        if value is None:
            continue
        if before & END_WORDS:
            end = end or value
        else:
            start = start or value
    return start, end


def measure_status(noun: Token) -> str:
    """'will impose' -> planned, 'threatened' -> threatened, 'could impose' -> proposed."""
    verb = verb_of(noun)
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


def has_own_name(noun: Token) -> bool:
    """A measure named by a modifier of its own ("reciprocal tariff", "steel tariffs")."""
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ not in PLAIN_MEASURE_MODIFIERS
        for c in noun.lefts
    )
