"""Policies: tariffs, sanctions, quotas, export controls, pauses, exemptions, agreements,
ceasefires, investment and purchase pledges, requests, pledges and proposals.

Each shape of English news that states a policy is one named rule below, listed in
``SHAPES`` and run over every token in that order (later rules see the drafts of earlier
ones: a request finds the tariffs it asks to withdraw). A rule reads what the mention's own
clause says: goods ("on cars, key car parts"), rate and the rate it replaced ("cut from 25
to 15 percent"), trade value or amount ("$350 billion"), dates ("imposed since April 3",
"from September 1"), and the sides it names ("U.S. tariffs", "Trump's tariffs", the subject
of impose/announce/slap, "exports to the U.S.", "tariffs on Thai exports").

``kg.extractors.policy_reading`` then reads the article as a whole: the government whose
measures it is about and the country they are aimed at fill what a clause leaves out
("40 per cent duties"), mentions of one measure are merged, and mentions that say nothing
are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext
from kg.extractors.patterns.policies import (
    AGREE_VERBS,
    AGREEMENT_TOPICS,
    ANAPHORIC_MEASURES,
    BROKER_WORDS,
    COMMIT_VERBS,
    COMPOUND_HEADS,
    COUNTER_WORDS,
    EARMARK_VERBS,
    EXEMPT_WORDS,
    EXPORT_CONTROL_HEADS,
    GOODS_NOUNS,
    IMPOSE_VERBS,
    IN_FORCE_WORDS,
    INVEST_VERBS,
    INVESTMENT_HEADS,
    INVESTMENT_NOUNS,
    MEASURE_KINDS,
    MEASURE_WORDS,
    NEEDS_TRADE_CONTEXT,
    NEEDS_TRADE_WORD,
    PAUSE_VERBS,
    PLEDGE_NOUNS,
    PLEDGE_VERBS,
    POLICY_NOUNS,
    PROPOSAL_NOUNS,
    PROSPECT_VERBS,
    PURCHASE_NOUNS,
    PURCHASE_VERBS,
    REMOVAL_VERBS,
    REMOVE_VERBS,
    REQUEST_NOUNS,
    REQUEST_VERBS,
    SANCTION_COMPOUNDS,
    SANCTION_VERBS,
    TRADE_WORDS,
    ZERO_WORDS,
)
from kg.extractors.policy_parts import (
    NUMBER,
    Goods,
    Quantity,
    Rate,
    bearer,
    clause_actor,
    country_at,
    dates,
    destination,
    goods,
    government,
    label,
    measure_status,
    negated,
    of_objects,
    origins,
    own_name,
    phrase,
    prep_verb,
    quantities,
    rate,
    same_side,
    side_of,
    trade_value,
    verb_of,
)
from kg.extractors.policy_reading import (
    Draft,
    fill_sides,
    informative,
    merge,
    read_measures,
)
from kg.facts import GROUP, EntityRef, Policy, PolicyKind, PolicyStatus


@dataclass
class _Found:
    """What the rules have read so far in one article."""

    ctx: DocContext
    drafts: list[Draft] = field(default_factory=list)
    # imposers named by mentions too bare to keep ("U.S. tariffs"): they still tell whose
    # measures the article is about
    votes: list[tuple[EntityRef, str, int]] = field(default_factory=list)


Rule = Callable[[_Found, Token], list[Draft]]


# --- helpers shared by the rules ---------------------------------------------------------
def _noun_kind(noun: Token) -> PolicyKind | None:
    """The kind of policy a noun names, before any check of its context."""
    kind = POLICY_NOUNS.get(noun.lower_)
    if kind is None or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
        return None
    return kind


def _in_trade_context(ctx: DocContext, noun: Token) -> bool:
    """'trade deal', 'import charges', 'tariff relief', 'relief from tariffs', 'rates of 20
    percent on goods', 'US duties on Korean goods': a trade word or a country before the
    noun, or a measure, a rate or goods after it."""
    loose = noun.lower_ not in NEEDS_TRADE_WORD
    if loose and any(country_at(ctx, c) is not None for c in noun.lefts if c.dep_ != "poss"):
        return True
    if loose and any(t.ent_type_ == "PERCENT" for t in noun.lefts):
        return True  # "40 per cent duties", "an additional 25% penalty"
    if any(
        t.lower_ in TRADE_WORDS or t.lower_.split("-")[0] in TRADE_WORDS
        for t in noun.subtree
        if t.i < noun.i
    ):
        return True
    objects = [o for p in noun.rights if p.dep_ == "prep" for o in p.children]
    if any(o.lower_ in MEASURE_WORDS for o in objects):
        return True
    ons = [o for p in noun.rights if p.dep_ == "prep" and p.lower_ == "on" for o in p.children]
    if any(o.lower_ in GOODS_NOUNS or _names_country(ctx, o) for o in ons):
        return True
    rates = [o for o in of_objects(noun) if o.ent_type_ in ("PERCENT", "MONEY")]
    if any(p.lower_ == "on" for r in rates for p in r.children):
        return True
    # "cut duties on Korean cars from 25 percent to 15 percent": a rate after it
    return noun.lower_ not in NEEDS_TRADE_WORD and _rate_after_noun(ctx, noun)


def _rate_after_noun(ctx: DocContext, noun: Token) -> bool:
    found = rate(ctx, noun, noun.right_edge.i + 1)
    return found.value is not None and found.unit == "percent"


def _names_country(ctx: DocContext, token: Token) -> bool:
    """'Korean goods', 'imports from Mexico': a country in the phrase."""
    return any(country_at(ctx, t) is not None for t in token.subtree)


def _measure_kind(ctx: DocContext, noun: Token) -> PolicyKind | None:
    """The kind of policy a noun names, or None ("deal" and "duty" need a trade word)."""
    kind = _noun_kind(noun)
    if kind is None:
        return None
    if noun.lower_ in NEEDS_TRADE_CONTEXT and not _in_trade_context(ctx, noun):
        return None
    return kind


def _measure_head(ctx: DocContext, token: Token) -> tuple[PolicyKind | None, Token]:
    """The kind of measure a token names and the noun that stands for it: the token itself,
    or the head it is the compound of ("the 18th sanctions package", "a tariff hike")."""
    compound = SANCTION_COMPOUNDS.get(token.lower_)
    if compound and any(c.lower_ == compound for c in token.lefts) and token.pos_ == "NOUN":
        return "sanction", token  # "a price cap on Russian oil", "asset freezes"
    if token.lower_ in EXPORT_CONTROL_HEADS and any(
        c.lower_ in ("export", "exports") for c in token.lefts
    ):
        return None, token  # "an export ban" is an export control
    if (
        token.dep_ == "compound"
        and token.lower_ in POLICY_NOUNS
        and token.head.lower_ in COMPOUND_HEADS
        and token.head.pos_ == "NOUN"
    ):
        kind = POLICY_NOUNS[token.lower_]
        return (kind if kind in MEASURE_KINDS else None), token.head
    return _measure_kind(ctx, token), token


def _is_planned(ctx: DocContext, draft: Draft) -> bool:
    """A measure that starts after the article's day is still to come."""
    anchor = ctx.anchor
    return anchor is not None and draft.start is not None and draft.start.earliest > anchor


def _removal(noun: Token, actor_how: str) -> tuple[PolicyStatus, float | None] | None:
    """'Canada will drop some retaliatory tariffs', 'Hanoi will cut all tariffs': the
    status a removal gives the measure, and rate 0 when all of it goes."""
    verb = verb_of(noun)
    if verb is None or actor_how != "verb" or noun.dep_ != "dobj" or negated(noun):
        return None  # "will not drop the tariffs": they stay
    zero = verb.lemma_ in ZERO_WORDS or any(c.lower_ in ZERO_WORDS for c in noun.children)
    if verb.lemma_ not in REMOVAL_VERBS and not (verb.lemma_ == "cut" and zero):
        return None
    future = any(c.lower_ in ("will", "'ll", "would", "shall") for c in verb.children)
    return ("to be lifted" if future else "lifted"), (0.0 if zero else None)


def _kept(noun: Token) -> bool:
    """'will not drop the tariffs', 'did not lift the sanctions': a negated removal keeps
    the measure."""
    verb = verb_of(noun)
    return verb is not None and verb.lemma_ in REMOVAL_VERBS | REMOVE_VERBS


def _tense(ctx: DocContext, noun: Token, status: PolicyStatus) -> str | None:
    """The tense to read a measure's dates in: its verb's, else by its status."""
    verb = verb_of(noun)
    tense = ctx.tense_of(verb) if verb is not None else None
    if tense is not None:
        return tense
    return PAST if status == "in force" else FUTURE


def _measure_draft(found: _Found, noun: Token, kind: PolicyKind) -> Draft:
    """The parts of a tariff-like mention its own phrase gives."""
    ctx = found.ctx
    start, end = phrase(ctx, noun, ("on", "against"))
    draft = Draft(
        kind, label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], ctx.doc[end - 1])
    )
    on = goods(ctx, noun)
    draft.goods = on.items
    value = trade_value(ctx, on.values[0]) if on.values else None
    if draft.goods and not all(g in draft.label for g in draft.goods):  # goods on the verb
        worth = f"{value[2]} of " if value else ""
        draft.label = f"{draft.label} on {worth}{', '.join(draft.goods)}"
    if value is not None:
        draft.amount, draft.currency = value[0], value[1]
    draft.name = own_name(ctx, noun)
    draft.counter = noun.lower_ in COUNTER_WORDS or bool(draft.name & COUNTER_WORDS)
    draft.status = measure_status(noun)
    draft.start, draft.end = dates(ctx, noun, _tense(ctx, noun, draft.status))
    if draft.status == "in force" and _is_planned(ctx, draft):
        draft.status = "planned"
    draft.actor, draft.actor_how = clause_actor(ctx, noun)
    return draft


def _targets(ctx: DocContext, noun: Token, on: Goods, actor: EntityRef | None) -> list[EntityRef]:
    """The countries a measure is aimed at: its goods' countries, or who it hits."""
    found = [c for c in on.countries if not same_side(c, actor)]
    hit = bearer(ctx, noun)
    if hit is not None and not any(same_side(hit, c) for c in found):
        found.append(hit)
    return found


def _with_rate(draft: Draft, found_rate: Rate) -> list[Draft]:
    """The draft at its rate, and the measure it replaced when the article gives the
    change ("lowered US duties from 25 percent to 15 percent")."""
    draft.rate, draft.unit = found_rate.value, found_rate.unit
    if found_rate.old is None:
        return [draft]
    old = Draft(
        draft.kind,
        f"{draft.label} at {found_rate.old:g} percent",
        draft.token,
        draft.evidence,
        actor=draft.actor,
        target=draft.target,
        goods=list(draft.goods),
        rate=found_rate.old,
        unit="percent",
        status="superseded",
        actor_how=draft.actor_how,
        name=draft.name,
    )
    if f"{found_rate.value:g}" not in draft.label:
        draft.label = f"{draft.label} at {found_rate.value:g} percent"
    draft.replaces = old
    return [draft, old]


def _split_by_target(draft: Draft, targets: Sequence[EntityRef]) -> list[Draft]:
    """One draft per country a measure is aimed at ("on imports from Mexico and Canada")."""
    drafts = []
    sides: list[EntityRef | None] = [*targets] or [None]
    for target in sides:
        copy = Draft(**{**draft.__dict__, "goods": list(draft.goods)})
        copy.target = target
        if len(targets) > 1 and target is not None:
            copy.label = f"{draft.label} ({target.label})"
        drafts.append(copy)
    return drafts


def _pause_days(ent_text: str) -> float | None:
    """'90-day', '90 days' -> 90."""
    if re.search(r"\d+-day|\d+ days", ent_text):
        return float(NUMBER.search(ent_text).group(1))  # type: ignore[union-attr]
    return None


def _pause_draft(ctx: DocContext, token: Token, paused: Draft | None) -> Draft:
    """A pause of the measure ``paused`` (or of the tariff named below ``token``)."""
    about = paused.label if paused else None
    if about is None:
        for child in token.subtree:
            if POLICY_NOUNS.get(child.lower_) == "tariff":
                about = label(ctx, *phrase(ctx, child))
                break
    anchor_start = token.left_edge.i if token.pos_ == "NOUN" else token.i
    draft = Draft(
        "pause",
        f"pause of {about}" if about else "pause",
        token,
        ctx.evidence(ctx.doc[anchor_start], token),
        status="in force",
        about=about,
    )
    _pause_dates(ctx, token, draft)
    return draft


def _pause_dates(ctx: DocContext, token: Token, draft: Draft) -> None:
    """A pause's length ('the 90-day pause') and end ('ends on July 9')."""
    for ent in ctx.ents_within(token.sent.start, token.sent.end):
        if not (
            ent.label_ == "DATE"
            and token.sent.start <= ent.start < token.sent.end
            and (ent.start > token.i or ent.root.head == token)
        ):
            continue
        days = _pause_days(ent.text)
        if days is not None:
            draft.rate, draft.unit = days, "days"
            continue
        if not _same_clause(ent.root, token):
            continue  # "..., the minister said on Monday": the day of the saying
        value = ctx.date_of(ent, FUTURE)
        if value is not None and draft.end is None:
            draft.end = value
    for child in token.lefts:
        if child.ent_type_ == "DATE" and re.fullmatch(r"\d+(\.\d+)?", child.text):
            draft.rate, draft.unit = float(child.text), "days"


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token is in: itself, or its nearest verb ancestor."""
    for node in [token, *token.ancestors]:
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _same_clause(date: Token, token: Token) -> bool:
    """Whether a date belongs to the clause of ``token`` (in its phrase, or on its verb)."""
    if date in token.subtree:
        return True
    verb = _clause_verb(token)
    return verb is not None and _clause_verb(date) == verb


def _party(ctx: DocContext, token: Token, groups: bool = False) -> EntityRef | None:
    """A party to an agreement: a government; to a ceasefire also a named organisation."""
    gov = government(ctx, token)
    if gov is not None or not groups:
        return gov
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN" and ctx.entity_at(token) is None:
        return EntityRef(GROUP, token.text.lower(), token.text)
    return None


def _add(parties: list[EntityRef], ref: EntityRef | None) -> None:
    if ref is not None and not any(same_side(ref, p) or ref == p for p in parties):
        parties.append(ref)


def _brokered(token: Token, noun: Token) -> bool:
    """'the U.S.-brokered deal': the country brokers the deal, it is no party to it."""
    while token != noun and token.head != token:
        if token.head.lower_ in BROKER_WORDS or token.head.lower_.split("-")[-1] in BROKER_WORDS:
            return True
        if token.head == noun:
            return False
        token = token.head
    return False


def _named_parties(ctx: DocContext, noun: Token, groups: bool = False) -> list[EntityRef]:
    """'a US-UK tariff deal', 'Japan's trade agreement', 'the deal between X and Y', 'a
    deal reached with X': the parties the agreement's own phrase names."""
    parties: list[EntityRef] = []
    for child in noun.lefts:
        for token in child.subtree:
            if not _brokered(token, noun):
                _add(parties, _party(ctx, token, groups))
    heads = [noun, *(c for c in noun.children if c.dep_ == "acl")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                for obj in prep.children:
                    for item in [obj, *obj.conjuncts]:
                        _add(parties, _party(ctx, item, groups))
    return parties


def _verb_parties(ctx: DocContext, noun: Token) -> tuple[list[EntityRef], list[EntityRef]]:
    """'Seoul and Washington reached a deal' (subjects), '... a deal with China' (the
    verb's 'with')."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return [], []
    subjects: list[EntityRef] = []
    others: list[EntityRef] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            for item in [child, *child.conjuncts]:
                _add(subjects, _party(ctx, item))
        if child.dep_ == "prep" and child.lower_ == "with" and child.i > noun.i:
            for obj in child.children:
                for item in [obj, *obj.conjuncts]:
                    _add(others, _party(ctx, item))
    return subjects, others


def _agreement_status(ctx: DocContext, noun: Token) -> PolicyStatus:
    """Reached (a past 'reach/sign/strike'), in force ('came into effect'), or proposed."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else prep_verb(noun)
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if any(p.lemma_ in AGREE_VERBS for p in participles):
        return "reached"  # "a deal reached with X"
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return "proposed"
    if noun.dep_ == "nsubj" and any(
        o.lower_ in IN_FORCE_WORDS for p in verb.children for o in p.subtree
    ):
        return "in force"  # "the deal came into effect"
    if verb.lemma_ in PROSPECT_VERBS or ctx.tense_of(verb) == FUTURE:
        return "proposed"
    if verb.lemma_ in AGREE_VERBS and ctx.tense_of(verb) == PAST:
        return "reached"
    return "proposed"


def _money_near(ctx: DocContext, noun: Token) -> Quantity | None:
    """The amount of an investment or purchase: '$350 billion investment package',
    'investment of $550 billion', '$100 billion in energy purchases'."""
    start, end = noun.left_edge.i, noun.right_edge.i + 1
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.ent_type_ == "MONEY":
        start = min(start, head.head.left_edge.i)  # "$100 billion in ... purchases"
    found = [q for q in quantities(ctx, start, end) if q.unit != "percent"]
    return found[0] if found else None


def _pledger(ctx: DocContext, noun: Token) -> EntityRef | None:
    """Who pledges an investment: 'the package Korea pledged', 'Japan pledged $550
    billion of investment', 'Korea's investment'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return government(ctx, child)
        if child.dep_ in ("relcl", "acl"):
            for sub in child.children:
                if sub.dep_ == "nsubj":
                    return government(ctx, sub)
    verb = verb_of(noun)
    if verb is not None and verb.lemma_ in PLEDGE_VERBS | {"offer", "agree", "make"}:
        return side_of(ctx, next((c for c in verb.children if c.dep_ == "nsubj"), verb))
    actor, how = clause_actor(ctx, noun)
    return actor if how in ("verb", "poss", "poss-country") else None


def _recipient(ctx: DocContext, token: Token) -> EntityRef | None:
    """'... to the United States', '... in the US': where an investment goes."""
    for child in token.subtree:
        if child.dep_ == "pobj" and child.head.lower_ in ("to", "in", "into"):
            found = side_of(ctx, child)  # "in the United States", "in U.S. projects"
            if found is not None:
                return found
    return None


# --- rules: one per shape ----------------------------------------------------------------
def tariff_noun(found: _Found, noun: Token) -> list[Draft]:
    """'25% tariffs on Japanese cars', 'U.S. sanctions', 'rates of 20 percent on Vietnamese
    goods': a measure with goods, rate, dates and sides; one per country it is aimed at;
    a pause inside its phrase ('part of which has been paused') is read with it."""
    ctx = found.ctx
    kind, noun = _measure_head(ctx, noun)
    if kind not in MEASURE_KINDS or (negated(noun) and not _kept(noun)):
        return []
    draft = _measure_draft(found, noun, kind)
    if noun.lower_ in ("threat", "threats"):
        draft.status = "threatened"
    on = goods(ctx, noun)
    if any(same_side(draft.actor, c) for c in on.countries):
        # "X's tariffs on X's exports" contradicts itself: the goods say whom it is aimed
        # at, so the imposer read from the clause (a person's country, often) is wrong
        draft.actor, draft.actor_how = None, ""
    targets = _targets(ctx, noun, on, draft.actor)
    found_rate = rate(ctx, noun, noun.right_edge.i + 1)
    if any(c.lower_ == "zero" for c in noun.lefts):
        found_rate = Rate(0.0, "percent")  # "zero tariffs on U.S. cars"
    removal = _removal(noun, draft.actor_how)
    if removal is not None:
        draft.status = removal[0]
        if removal[1] is not None:
            found_rate = Rate(removal[1], "percent")
    specific = draft.goods or found_rate.value is not None or draft.start or draft.end
    if not (specific or targets or draft.name):
        if draft.actor is not None and draft.actor_how:
            found.votes.append((draft.actor, draft.actor_how, noun.i))
        return []
    drafts = [d for t in _split_by_target(draft, targets) for d in _with_rate(t, found_rate)]
    pauses = [
        _pause_draft(ctx, child, draft)
        for child in noun.subtree
        if child.lemma_ in PAUSE_VERBS and child.pos_ == "VERB"
    ]
    return drafts + pauses


def bare_rate(found: _Found, token: Token) -> list[Draft]:
    """'(40 per cent on transhipped goods)': a rate on goods with no measure noun, in an
    article whose measures are tariffs."""
    ctx = found.ctx
    if token.ent_type_ not in ("PERCENT", "MONEY") or token.ent_iob_ != "B":
        return []
    ent = next((e for e in ctx.ents if e.start == token.i), None)
    if ent is None or not any(d.kind == "tariff" for d in found.drafts):
        return []
    root = ent.root
    ons = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "on"]
    items = [o for p in ons for o in p.children if o.dep_ == "pobj" and o.lower_ in GOODS_NOUNS]
    if not items or _under_measure(root):
        return []
    quantity = next(iter(quantities(ctx, ent.start, ent.end)), None)
    if quantity is None or quantity.unit != "percent":
        return []
    item = items[0]
    end = item.right_edge.i + 1
    draft = Draft(
        "tariff", label(ctx, ent.start, end), token, ctx.evidence(token, ctx.doc[end - 1])
    )
    draft.rate, draft.unit = quantity.value, "percent"
    draft.goods = [label(ctx, item.left_edge.i, end)]
    countries = origins(ctx, item)
    draft.target = countries[0] if countries else None
    return [draft]


def _under_measure(token: Token) -> bool:
    """Whether a rate belongs to a measure noun above it ("tariffs of 20 percent")."""
    for _ in range(3):
        if token.head == token:
            return False
        token = token.head
        if POLICY_NOUNS.get(token.lower_) is not None:
            return True
    return False


def pause_noun(found: _Found, noun: Token) -> list[Draft]:
    """'a 90-day pause on the reciprocal tariff until July 9', announced by someone; 'the
    tariff truce' (a truce in a trade war pauses tariffs)."""
    kind = _measure_kind(found.ctx, noun)
    truce = kind == "ceasefire" and _trade_truce(found, noun)
    if (kind != "pause" and not truce) or negated(noun):
        return []
    draft = _pause_draft(found.ctx, noun, None)
    draft.actor, draft.actor_how = clause_actor(found.ctx, noun)
    parties = _named_parties(found.ctx, noun) if truce else []
    if len(parties) >= 2:  # "the truce between Washington and Beijing"
        draft.actor, draft.target, draft.actor_how = parties[0], parties[1], "verb"
    return [draft]


def _trade_truce(found: _Found, noun: Token) -> bool:
    """'the tariff truce', or a truce in an article whose measures are tariffs."""
    trade = any(d.kind in MEASURE_KINDS for d in found.drafts)
    return _in_trade_context(found.ctx, noun) or (trade and noun.lower_ == "truce")


def pause_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Trump paused the tariffs for 90 days', 'Washington delayed its duties on Mexican
    goods until April 2': a pause of the measure, by whoever set it."""
    if verb.lemma_ not in PAUSE_VERBS or verb.pos_ != "VERB" or negated(verb):
        return []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    measures = [o for o in objects if _names_measure(o)]
    if not measures or any(d.kind == "pause" and d.token == verb for d in found.drafts):
        return []  # the participle of a measure already read ("part of which was paused")
    ctx = found.ctx
    measure = measures[0]
    draft = _pause_draft(ctx, verb, None)
    draft.about = label(ctx, *phrase(ctx, measure, ("on",)))
    draft.label = f"pause of {draft.about}"
    actor, how = clause_actor(ctx, measure)
    draft.actor, draft.actor_how = (actor, how) if how == "verb" else (None, "")
    countries = goods(ctx, measure).countries
    draft.target = countries[0] if countries else None
    return [draft]


def sanction_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Washington sanctioned Russia's two largest oil companies'."""
    if verb.lemma_ not in SANCTION_VERBS or verb.pos_ != "VERB" or negated(verb):
        return []
    ctx = found.ctx
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    actor = side_of(ctx, subjects[0]) if subjects else None
    if not objects or actor is None:
        return []
    end = objects[0].right_edge.i + 1
    draft = Draft("sanction", label(ctx, verb.i, end), verb, ctx.evidence(verb, ctx.doc[end - 1]))
    draft.actor, draft.actor_how = actor, "verb"
    countries = [c for c in origins(ctx, objects[0]) if not same_side(c, actor)]
    draft.target = countries[0] if countries else None
    draft.goods = [label(ctx, objects[0].left_edge.i, end)]
    return [draft]


def agree_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Washington and Beijing agreed to cut tariffs', 'Japan agreed with the U.S. on a
    tariff cut': an agreement between the two, reached."""
    if verb.lemma_ != "agree" or verb.pos_ != "VERB" or negated(verb):
        return []
    ctx = found.ctx
    if ctx.tense_of(verb) != PAST:
        return []
    parties: list[EntityRef] = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            for item in [child, *child.conjuncts]:
                _add(parties, side_of(ctx, item))
        if child.dep_ == "prep" and child.lower_ == "with":
            for obj in child.children:
                _add(parties, side_of(ctx, obj))
    topic = any(t.lower_ in AGREEMENT_TOPICS for t in verb.subtree if t.i > verb.i)
    if len(parties) < 2 or not topic:
        return []
    end = min(verb.right_edge.i, verb.i + 15) + 1
    while end > verb.i + 2 and ctx.doc[end - 1].is_punct:
        end -= 1
    text = "agreement to " + label(ctx, verb.i + 1, end).removeprefix("to ")
    return [
        Draft(
            "agreement",
            text,
            verb,
            ctx.evidence(verb, ctx.doc[end - 1]),
            actor=parties[0],
            target=parties[1],
            status="reached",
        )
    ]


def agreement_noun(found: _Found, noun: Token) -> list[Draft]:
    """'X has reached tariff-cutting agreements with China and Britain' (one per party),
    'Seoul and Washington reached a trade deal', 'a US-UK tariff deal', 'the trade
    agreement between the United States and Japan'."""
    if _noun_kind(noun) != "agreement" or negated(noun):
        return []
    ctx = found.ctx
    subjects, others = _verb_parties(ctx, noun)
    named = _named_parties(ctx, noun)
    trade_article = any(d.kind in MEASURE_KINDS for d in found.drafts)
    if noun.pos_ == "PROPN" and not (subjects or others or named):
        return []  # "the General Agreement on Tariffs and Trade": a name, no parties
    governments = [p for p in subjects + others + named if p.kind == "government"]
    if not (
        _in_trade_context(ctx, noun)
        or len(governments) >= 2  # "the deal between Israel and Egypt"
        or ((subjects or named) and _has_goods(noun))
        or (trade_article and (_has_goods(noun) or _reached_participle(noun)))
        or _agreed_pact(noun)
    ):
        return []
    start, _ = phrase(ctx, noun)
    base = label(ctx, start, noun.i + 1)
    singular = base[:-1] if base.endswith("agreements") or base.endswith("deals") else base
    evidence = ctx.evidence(ctx.doc[start], ctx.doc[noun.right_edge.i])
    status = _agreement_status(ctx, noun)
    when, _ = dates(ctx, noun, PAST if status == "reached" else None)
    pairs = _agreement_pairs(subjects, others + named)
    return [
        Draft(
            "agreement",
            f"{singular} with {other.label}" if other is not None and len(pairs) > 1 else singular,
            noun,
            evidence,
            actor=actor,
            target=other,
            status=status,
            start=when,
            goods=[g for g in goods(ctx, noun).items],
        )
        for actor, other in pairs
    ]


def _agreed_pact(noun: Token) -> bool:
    """'the two sides agreed on a prisoner swap', 'they signed a memorandum': a word for a
    pact between governments (not the plain "deal"), reached or signed."""
    verb = verb_of(noun) or prep_verb(noun)
    plain = noun.lower_ in ("deal", "deals", "agreement", "agreements")
    return not plain and verb is not None and verb.lemma_ in AGREE_VERBS


def _reached_participle(noun: Token) -> bool:
    """'the agreement reached by the two teams', 'a deal struck last week'."""
    return any(c.dep_ == "acl" and c.lemma_ in AGREE_VERBS for c in noun.children)


def _has_goods(noun: Token) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == "on" for p in noun.children)


def _agreement_pairs(
    subjects: list[EntityRef], others: list[EntityRef]
) -> list[tuple[EntityRef | None, EntityRef | None]]:
    """Who agrees with whom: one subject with each party it agrees with, or the two
    parties named, or what is known (the article's reading fills the rest)."""
    if len(subjects) == 1 and others:
        rest = [o for o in others if not same_side(o, subjects[0])]
        if rest:
            return [(subjects[0], o) for o in rest]
    parties: list[EntityRef] = []
    for ref in subjects + others:
        _add(parties, ref)
    if len(parties) >= 2:
        return [(parties[0], parties[1])]
    return [(parties[0] if parties else None, None)]


def exemption_noun(found: _Found, noun: Token) -> list[Draft]:
    """'a one-month tariff exemption to automakers importing vehicles from Mexico and
    Canada', 'tariff relief for UK steel': one per country it covers."""
    if _measure_kind(found.ctx, noun) != "exemption" or negated(noun):
        return []
    ctx = found.ctx
    start, end = noun.left_edge.i, noun.right_edge.i + 1
    while start < noun.i and ctx.doc[start].dep_ in ("det", "poss", "case"):
        start += 1
    draft = Draft("exemption", label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], noun))
    draft.actor, draft.actor_how = clause_actor(ctx, noun)
    status = measure_status(noun)
    verb = verb_of(noun)
    draft.status = "proposed" if verb is not None and verb.lemma_ in PROSPECT_VERBS else status
    covered = [c for c in _countries_in(ctx, noun) if not same_side(c, draft.actor)]
    draft.goods = [label(ctx, noun.i + 1, end)] if end > noun.i + 2 else []
    return _split_by_target(draft, covered)


def _countries_in(ctx: DocContext, noun: Token) -> list[EntityRef]:
    """The countries named after a noun, in its phrase ('... from Mexico and Canada') or
    in what its verb says of it ('gave an exemption to automakers from Mexico')."""
    found: list[EntityRef] = []
    verb = verb_of(noun)
    after = [c for c in verb.children if c.i > noun.i and c.dep_ != "conj"] if verb else []
    for top in [noun, *after]:
        for token in top.subtree:
            country = country_at(ctx, token)
            if token.i > noun.i and country is not None:
                _add(found, country)
    return found


def exempt_verb(found: _Found, token: Token) -> list[Draft]:
    """'the deal spares car makers in Britain from the duties', 'Mexican goods are exempted
    from tariffs': an exemption from a measure, for the country named."""
    if token.lower_ not in EXEMPT_WORDS or (token.pos_ == "ADJ" and token.dep_ == "amod"):
        return []
    ctx, doc = found.ctx, found.ctx.doc
    stop = min(token.sent.end, token.i + 12)
    source = next(
        (i for i in range(token.i + 1, stop) if doc[i].lower_ == "from"),
        None,
    )
    if source is None:
        return []
    window = range(source + 1, min(stop, source + 5))
    measure = next((j for j in window if POLICY_NOUNS.get(doc[j].lower_) in MEASURE_KINDS), None)
    if measure is None:
        return []
    countries: list[EntityRef] = []
    for i in range(token.i + 1, source):
        _add(countries, country_at(ctx, doc[i]))
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    if token.dep_ == "acomp":  # "U.S. goods are exempt from tariffs"
        subjects += [c for c in token.head.children if c.dep_ == "nsubj"]
    for child in subjects:
        for sub in child.subtree:
            _add(countries, country_at(ctx, sub))
    if not countries:
        return []
    text = label(ctx, token.i, measure + 1)  # "exempt from Canadian tariffs"
    draft = Draft("exemption", text, token, ctx.evidence(token, doc[measure]))
    draft.goods = [label(ctx, token.i + 1, source)] if source > token.i + 1 else []
    return _split_by_target(draft, list(countries))


def ceasefire_noun(found: _Found, noun: Token) -> list[Draft]:
    """'a ceasefire between Israel and Hamas', 'the Israel-Hamas truce'."""
    if _noun_kind(noun) != "ceasefire" or negated(noun):
        return []
    ctx = found.ctx
    if _trade_truce(found, noun):
        return []  # a "tariff truce" is a pause
    parties = _named_parties(ctx, noun, groups=True)
    if len(parties) < 2:
        return []
    start, end = phrase(ctx, noun, ("between",))
    verb = verb_of(noun)
    status: PolicyStatus = (
        "proposed" if verb is not None and verb.lemma_ in PROSPECT_VERBS else "in force"
    )
    return [
        Draft(
            "ceasefire",
            label(ctx, start, end),
            noun,
            ctx.evidence(ctx.doc[start], ctx.doc[end - 1]),
            actor=parties[0],
            target=parties[1],
            status=status,
        )
    ]


def export_control_noun(found: _Found, noun: Token) -> list[Draft]:
    """'export controls on advanced chips to China', 'new export curbs'."""
    if noun.lower_ not in EXPORT_CONTROL_HEADS or noun.pos_ != "NOUN" or negated(noun):
        return []
    if not any(c.lower_ in ("export", "exports") for c in noun.lefts):
        return []
    ctx = found.ctx
    start, end = phrase(ctx, noun, ("on",))
    draft = Draft(
        "export control", label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], noun)
    )
    actor, how = clause_actor(ctx, noun)
    if how != "destination":
        draft.actor, draft.actor_how = actor, how
    draft.target = destination(ctx, noun)
    draft.goods = goods(ctx, noun).items
    draft.status = measure_status(noun)
    return [draft]


def investment_noun(found: _Found, noun: Token) -> list[Draft]:
    """'a $350 billion investment package', 'the $350 billion investment fund Korea pledged
    to the United States', 'investment of $550 billion in the US'."""
    is_head = noun.lower_ in INVESTMENT_HEADS and any(
        c.lower_ in INVESTMENT_NOUNS for c in noun.lefts
    )
    if not ((noun.lower_ in INVESTMENT_NOUNS and noun.dep_ != "compound") or is_head):
        return []
    ctx = found.ctx
    money = _money_near(ctx, noun)
    if money is None or negated(noun):
        return []
    start, end = phrase(ctx, noun)
    draft = Draft("investment", label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], noun))
    draft.amount, draft.currency = money.value, money.unit
    draft.actor = _pledger(ctx, noun)
    draft.target = _recipient(ctx, noun)
    draft.status = "pledged"
    return [draft]


def invest_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Japan pledged to invest $550 billion in the United States'."""
    if verb.lemma_ not in INVEST_VERBS or verb.pos_ != "VERB" or negated(verb):
        return []
    ctx = found.ctx
    money = next(
        (q for q in quantities(ctx, verb.i, verb.right_edge.i + 1) if q.unit != "percent"), None
    )
    if money is None:
        return []
    subject = verb
    while subject.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in subject.children):
        subject = subject.head
    subjects = [c for c in subject.children if c.dep_ == "nsubj"]
    actor = government(ctx, subjects[0]) if subjects else None
    if actor is None:
        return []  # "the amount invested": no one pledges it
    end = verb.right_edge.i + 1
    draft = Draft("investment", label(ctx, verb.i, end), verb, ctx.evidence(verb, ctx.doc[end - 1]))
    draft.amount, draft.currency = money.value, money.unit
    draft.actor = actor
    draft.target = _recipient(ctx, verb)
    draft.status = "pledged"
    return [draft]


def earmark_verb(found: _Found, verb: Token) -> list[Draft]:
    """'$150 billion was earmarked for shipbuilding': part of an investment set aside for a
    sector."""
    if verb.lemma_ not in EARMARK_VERBS or verb.pos_ != "VERB" or verb.lemma_ == "pledge":
        return []
    ctx = found.ctx
    amounts = [
        c for c in verb.children if c.dep_ in ("nsubjpass", "dobj") and c.ent_type_ == "MONEY"
    ]
    fors = [
        o
        for p in verb.children
        if p.lower_ == "for"
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
    ]
    if not amounts or not fors:
        return []
    money = next(iter(quantities(ctx, amounts[0].left_edge.i, amounts[0].i + 1)), None)
    if money is None or money.unit == "percent":
        return []
    end = fors[0].i + 1
    text = label(ctx, amounts[0].left_edge.i, end)
    draft = Draft("investment", text, verb, ctx.evidence(amounts[0].left_edge, ctx.doc[end - 1]))
    draft.amount, draft.currency = money.value, money.unit
    draft.goods = [label(ctx, fors[0].left_edge.i, end)]
    draft.status = "pledged"
    return [draft]


def purchase_noun(found: _Found, noun: Token) -> list[Draft]:
    """'$100 billion in US energy purchases', 'purchases of $40 billion of U.S. farm goods':
    a purchase commitment with its amount (an offer floated without one is a proposal)."""
    if noun.lower_ not in ("purchase", "purchases") or noun.pos_ != "NOUN" or negated(noun):
        return []
    ctx = found.ctx
    money = _money_near(ctx, noun)
    verb = verb_of(noun)
    committed = verb is not None and verb.lemma_ in PLEDGE_VERBS | COMMIT_VERBS
    if money is None and not (committed and of_objects(noun)):
        return []  # "purchases ... as a bargaining chip" is a proposal
    seller = None
    kinds = []
    for child in noun.lefts:
        ref = country_at(ctx, child)
        seller = seller or ref
        if ref is None and child.dep_ in ("compound", "amod"):
            kinds.append(child.text)
    for obj in of_objects(noun):
        seller = seller or next(iter(origins(ctx, obj)), None)
    start, end = phrase(ctx, noun, ("of",))
    draft = Draft("purchase", label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], noun))
    if money is not None:
        draft.amount, draft.currency = money.value, money.unit
    draft.target = EntityRef("government", seller.key, seller.label) if seller else None
    draft.goods = [" ".join(kinds)] if kinds else []
    for obj in of_objects(noun)[:1] if not kinds else []:  # "purchases of U.S. rice"
        draft.goods = [label(ctx, obj.left_edge.i, obj.i + 1)]
    draft.actor, how = clause_actor(ctx, noun)
    if how not in ("verb", "poss", "poss-country"):
        draft.actor = None
    draft.status = "pledged"
    return [draft]


def purchase_verb(found: _Found, verb: Token) -> list[Draft]:
    """'the US plans to purchase ships from South Korea'."""
    if verb.lemma_ not in PURCHASE_VERBS or verb.pos_ != "VERB" or negated(verb):
        return []
    ctx = found.ctx
    sellers = [
        government(ctx, o)
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for o in p.children
        if o.dep_ == "pobj"
    ]
    head = verb
    while head.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in head.children):
        head = head.head
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    buyer = government(ctx, subjects[0]) if subjects and subjects[0].pos_ != "PRON" else None
    seller = next((s for s in sellers if s is not None), None)
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        seller = seller or next(iter(origins(ctx, obj)), None)  # "buy U.S. farm goods"
    if buyer is None or same_side(buyer, seller):
        return []
    future = head.lemma_ in ("plan", "intend", "want", "go") or ctx.tense_of(head) == FUTURE
    pledged = head.lemma_ in PLEDGE_VERBS or head.lemma_ in ("agree", "offer")
    if not (future or pledged):
        return []  # "Spain buys goods from China": trade, not a commitment
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.dep_ in ("dobj", "prep")])
    end = min(end, verb.i + 12) + 1
    draft = Draft("purchase", label(ctx, verb.i, end), verb, ctx.evidence(verb, ctx.doc[end - 1]))
    draft.actor = buyer
    draft.target = EntityRef("government", seller.key, seller.label) if seller else None
    if objects:
        money = _money_near(ctx, objects[0])
        if money is not None:
            draft.amount, draft.currency = money.value, money.unit
        what = of_objects(objects[0]) if objects[0].ent_type_ == "MONEY" else [objects[0]]
        if what:  # "buy $750 billion of U.S. energy": the energy
            draft.goods = [label(ctx, what[0].left_edge.i, what[0].i + 1)]
    draft.status = "planned" if future else "pledged"
    return [draft]


def request_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Japan has asked the U.S. to withdraw higher tariffs on cars', 'with Japan requesting
    the U.S. side to drop the tariff measures'."""
    if verb.pos_ != "VERB" or verb.lemma_ not in REQUEST_VERBS:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    actions = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux"))
    ]
    if not (actions and actions[0].lemma_ in REMOVE_VERBS and subjects):
        return []
    ctx, action = found.ctx, actions[0]
    objects = [c for c in action.children if c.dep_ == "dobj"]
    if not objects or not _names_measure(objects[0]):
        return []  # "pressing Japan to reduce its trade surplus": no measure asked about
    measures = [
        d for d in found.drafts if objects and d.token in [objects[0], *objects[0].conjuncts]
    ]
    asked = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    text = label(ctx, action.i, (objects[0].right_edge.i + 1) if objects else action.i + 1)
    return [
        Draft(
            "request",
            f"request to {text}",
            verb,
            ctx.evidence(subjects[0], ctx.doc[objects[0].right_edge.i] if objects else action),
            actor=government(ctx, subjects[0]),
            target=next((g for t in asked for c in t.subtree if (g := government(ctx, c))), None),
            goods=[g for d in measures for g in d.goods],
            status="requested",
            refs=measures,
        )
    ]


def _names_measure(token: Token) -> bool:
    """'higher tariffs on cars', 'the tariff measures', 'the levies'."""
    return (
        token.lower_ in POLICY_NOUNS
        or token.lower_ in ANAPHORIC_MEASURES
        or any(c.lower_ in POLICY_NOUNS for c in token.children if c.dep_ == "compound")
    )


def pledge_verb(found: _Found, verb: Token) -> list[Draft]:
    """'Ishiba has pledged to support the United States in ...'."""
    if verb.pos_ != "VERB" or verb.lemma_ not in PLEDGE_VERBS:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    if not (xcomps and subjects) or xcomps[0].lemma_ in INVEST_VERBS:
        return []
    ctx, action = found.ctx, xcomps[0]
    end = _pledge_end(ctx, action)
    target = None
    for child in action.children:
        if child.dep_ == "dobj":
            target = government(ctx, child)
    return [
        Draft(
            "pledge",
            "pledge to " + label(ctx, action.i, end + 1),
            verb,
            ctx.evidence(subjects[0], ctx.doc[end]),
            actor=government(ctx, subjects[0]),
            target=target,
            status="pledged",
        )
    ]


def _pledge_end(ctx: DocContext, action: Token) -> int:
    """The last token of what is pledged: the action's phrase up to a comma, 'amid' or
    'while' ('pledged to cut tariffs, officials said': not the report)."""
    for token in ctx.doc[action.i : action.right_edge.i + 1]:
        if token.text == "," or token.lower_ in ("amid", "while"):
            return token.i - 1
    return action.right_edge.i


def pledge_noun(found: _Found, noun: Token) -> list[Draft]:
    """'Vietnam's commitment to granting preferential market access for US goods', 'the
    U.S. pledge to lower tariffs': a pledge by the owner of the noun, to do what its 'to'
    says, towards the first other government that part names."""
    if noun.pos_ != "NOUN" or noun.lemma_ not in PLEDGE_NOUNS:
        return []
    ctx = found.ctx
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
    actor = next((g for c in owners if (g := government(ctx, c))), None)
    action = _to_complement(noun)
    if actor is None or action is None:
        return []
    end = _pledge_end(ctx, action)
    target = next(
        (
            g
            for t in ctx.doc[action.i : end + 1]
            if (g := government(ctx, t)) is not None and g.key != actor.key
        ),
        None,
    )
    return [
        Draft(
            "pledge",
            "pledge to " + label(ctx, action.i, end + 1),
            noun,
            ctx.evidence(min(owners, key=lambda t: t.i), ctx.doc[end]),
            actor=actor,
            target=target,
            status="pledged",
        )
    ]


def _to_complement(noun: Token) -> Token | None:
    """What a pledge noun is to do: 'commitment to granting ...' (a gerund after 'to'),
    'pledge to lower ...' (an infinitive)."""
    for child in noun.children:
        if child.dep_ == "acl" and any(a.lower_ == "to" for a in child.children):
            return child
        if child.dep_ == "prep" and child.lower_ == "to":
            verbs = [c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]
            if verbs:
                return verbs[0]
    return None


def request_noun(found: _Found, noun: Token) -> list[Draft]:
    """'the request to have all tariff measures reviewed': by the earlier request's side."""
    if not (
        noun.lower_ in REQUEST_NOUNS
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "acl" for c in noun.children)
    ):
        return []
    ctx = found.ctx
    clause = next(c for c in noun.children if c.dep_ == "acl")
    earlier = [d for d in found.drafts if d.kind == "request"]
    return [
        Draft(
            "request",
            label(ctx, noun.i, clause.right_edge.i + 1),
            noun,
            ctx.evidence(noun, ctx.doc[clause.right_edge.i]),
            actor=earlier[-1].actor if earlier else None,
            target=earlier[-1].target if earlier else None,
            status="requested",
        )
    ]


def _speaker_government(ctx: DocContext, sent: Span) -> EntityRef | None:
    """The government of the subject of the sentence's first 'say', 'tell' or 'suggest'
    whose subject has one."""
    for verb in sent:
        if verb.lemma_ in ("say", "tell", "suggest") and verb.pos_ == "VERB":
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            actor = government(ctx, subjects[-1]) if subjects else None
            if actor is not None:
                return actor
    return None


def purchase_proposal(found: _Found, noun: Token) -> list[Draft]:
    """'purchases of U.S. defense equipment ... as a bargaining chip': an offer floated."""
    if noun.lower_ not in PURCHASE_NOUNS or noun.pos_ != "NOUN":
        return []
    ctx, sent = found.ctx, noun.sent
    if not any(
        " ".join(t.lower_ for t in sent[i : i + 2]) in PROPOSAL_NOUNS
        or sent[i].lower_ in PROPOSAL_NOUNS
        for i in range(len(sent))
    ):
        return []
    objects = of_objects(noun)
    if not objects or _money_near(ctx, noun) is not None:
        return []
    end = objects[0].right_edge.i + 1
    target = None
    for token in objects[0].subtree:
        target = government(ctx, token) or target
    return [
        Draft(
            "proposal",
            label(ctx, noun.i, end),
            noun,
            ctx.evidence(noun, ctx.doc[end - 1]),
            actor=_speaker_government(ctx, sent),
            target=target,
            goods=[label(ctx, objects[0].left_edge.i, end)],
            status="proposed",
        )
    ]


SHAPES: tuple[tuple[str, Rule], ...] = (
    ("tariff noun", tariff_noun),
    ("bare rate", bare_rate),
    ("pause noun", pause_noun),
    ("pause verb", pause_verb),
    ("sanction verb", sanction_verb),
    ("agreement noun", agreement_noun),
    ("agree verb", agree_verb),
    ("exemption noun", exemption_noun),
    ("exempt verb", exempt_verb),
    ("ceasefire noun", ceasefire_noun),
    ("export control noun", export_control_noun),
    ("investment noun", investment_noun),
    ("invest verb", invest_verb),
    ("earmark verb", earmark_verb),
    ("purchase noun", purchase_noun),
    ("purchase verb", purchase_verb),
    ("request verb", request_verb),
    ("pledge verb", pledge_verb),
    ("pledge noun", pledge_noun),
    ("request noun", request_noun),
    ("purchase proposal", purchase_proposal),
)


# --- reading the drafts as a whole -------------------------------------------------------
def _anaphoric_objects(verb: Token) -> list[Token]:
    """'the measures', 'these tariffs' as the object of an imposing verb."""
    return [
        c
        for c in verb.children
        if c.dep_ == "dobj"
        and c.lower_ in ANAPHORIC_MEASURES
        and any(d.lower_ in ("the", "these", "those") for d in c.children)
    ]


def carry_anaphora(found: _Found) -> None:
    """'Trump has imposed the measures': the imposer of the previous sentence's tariffs."""
    ctx = found.ctx
    for verb in ctx.tokens:
        if verb.lemma_ not in IMPOSE_VERBS or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not _anaphoric_objects(verb) or not subjects:
            continue
        actor = government(ctx, subjects[0])
        if actor is None:
            continue
        sent_start = verb.sent.start
        prev_start = ctx.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
        for draft in found.drafts:
            if (
                prev_start <= draft.token.i < verb.sent.end
                and draft.actor is None
                and draft.kind in MEASURE_KINDS
            ):
                draft.actor, draft.actor_how = actor, "verb"


def fill_from_reading(found: _Found) -> None:
    """The article's imposer and target fill the sides each mention leaves out."""
    reading = read_measures(found.ctx, found.drafts, found.votes)
    fill_sides(found.ctx, found.drafts, reading)


def request_targets(found: _Found) -> None:
    """A request is aimed at whoever imposes the measures it asks about."""
    for draft in found.drafts:
        if draft.kind == "request" and draft.target is None:
            draft.target = next((m.actor for m in draft.refs if m.actor), None)


def merge_mentions(found: _Found) -> None:
    """One draft per policy."""
    found.drafts = merge(found.drafts)


def mark_partly_paused(found: _Found) -> None:
    """A tariff a pause applies to is partly paused."""
    for draft in found.drafts:
        if draft.kind == "tariff" and any(
            p.kind == "pause" and p.about and p.about in draft.label for p in found.drafts
        ):
            draft.status = "partly paused"


def drop_empty(found: _Found) -> None:
    """Drop what says nothing: a measure no one imposes on no one, an agreement with no
    parties, a pledge with no one pledging."""
    found.drafts = [d for d in found.drafts if informative(d)]


FINISH: tuple[tuple[str, Callable[[_Found], None]], ...] = (
    ("anaphora", carry_anaphora),
    ("reading", fill_from_reading),
    ("request targets", request_targets),
    ("merge mentions", merge_mentions),
    ("partly paused", mark_partly_paused),
    ("drop empty", drop_empty),
)


def extract(ctx: DocContext) -> Iterator[Policy]:
    """All policies of the article, merged across their mentions."""
    found = _Found(ctx)
    for _name, rule in SHAPES:
        for token in ctx.tokens:
            found.drafts.extend(rule(found, token))
    for _name, step in FINISH:
        step(found)
    yield from (d.freeze() for d in found.drafts)
