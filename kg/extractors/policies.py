"""Policies: tariffs, sanctions, pauses, agreements, requests, pledges and proposals.

Each shape of English news that states a policy is one named rule below, listed in
``SHAPES`` and run over every token in that order (later rules see the drafts of earlier
ones: a request finds the tariffs it asks to withdraw). Tariff-like nouns give measures
with their goods ("on cars, key car parts"), rate ("25-percent"), dates ("imposed since
April 3") and imposer: a country word on the noun ("U.S. tariffs"), or the subject of an
imposing verb. Verbs give the rest: "asked ... to withdraw" (request), "pledged to support"
(pledge), "reached agreements with China and Britain" (one agreement per party),
"purchases of X ... as a bargaining chip" (proposal).

Then ``FINISH`` reads the drafts as a whole: an anaphor in the next sentence ("Trump has
imposed the measures") or the imposer the article already named fills a missing imposer,
mentions of the same measure (same kind and rate, or the pause of the same tariff) are
merged, and measures that say nothing are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext
from kg.extractors.patterns.policies import (
    AGREE_VERBS,
    ANAPHORIC_MEASURES,
    IMPOSE_VERBS,
    MEASURE_KINDS,
    NEEDS_TRADE_CONTEXT,
    PAUSE_VERBS,
    PLEDGE_VERBS,
    POLICY_NOUNS,
    PROPOSAL_NOUNS,
    PURCHASE_NOUNS,
    REMOVE_VERBS,
    REQUEST_NOUNS,
    REQUEST_VERBS,
    TRADE_WORDS,
)
from kg.extractors.policy_parts import (
    NUMBER,
    amount,
    dates,
    goods,
    government,
    has_own_name,
    label,
    measure_status,
    of_objects,
    phrase,
    rate,
)
from kg.facts import COUNTRY, GOVERNMENT, PERSON, DateValue, EntityRef, Evidence, Policy


@dataclass
class _Draft:
    """A policy being assembled; frozen into a Policy at the end."""

    kind: str
    label: str
    token: Token
    evidence: Evidence
    actor: EntityRef | None = None
    target: EntityRef | None = None
    goods: list[str] = field(default_factory=list)
    rate: float | None = None
    unit: str | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    status: str = "in force"
    about: str | None = None
    refs: list[_Draft] = field(default_factory=list)  # measures a request is about

    def freeze(self) -> Policy:
        return Policy(
            self.kind,
            self.label,
            self.actor,
            self.target,
            tuple(self.goods),
            self.rate,
            self.unit,
            self.start,
            self.end,
            self.status,
            self.about,
            self.evidence,
        )


@dataclass
class _Found:
    """What the rules have read so far in one article."""

    ctx: DocContext
    drafts: list[_Draft] = field(default_factory=list)


Rule = Callable[[_Found, Token], list[_Draft]]


# --- helpers shared by the rules ---------------------------------------------------------
def _measure_kind(noun: Token) -> str | None:
    """The kind of policy a noun names, or None ("deal" and "duty" need a trade word)."""
    kind = POLICY_NOUNS.get(noun.lower_)
    if kind is None or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
        return None
    if noun.lower_ in NEEDS_TRADE_CONTEXT and not any(
        t.lower_ in TRADE_WORDS or t.lower_.split("-")[0] in TRADE_WORDS
        for t in noun.subtree
        if t.i < noun.i
    ):
        return None
    return kind


def _specific(noun: Token, draft: _Draft) -> bool:
    """A measure worth a node: it has goods, a rate, a date, a target or a name of its own."""
    if draft.goods or draft.rate is not None or draft.start or draft.end or draft.target:
        return True
    return has_own_name(noun)


def _actor_on_noun(ctx: DocContext, noun: Token) -> EntityRef | None:
    """'U.S. tariffs', 'Beijing's duties': a country word before the measure."""
    for child in noun.lefts:
        gov = government(ctx, child)
        ref = ctx.entity_at(child)
        if gov is not None and ref is not None and ref.kind != PERSON:
            return gov
    return None


def _actor_of_verb(ctx: DocContext, noun: Token) -> EntityRef | None:
    """'Taiwan will cut import tariffs', 'tariffs imposed by Washington'."""
    verb = noun.head
    if verb.pos_ != "VERB" or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    for child in verb.children:
        if child.dep_ == "nsubj" and (verb.lemma_ in IMPOSE_VERBS or noun.dep_ == "dobj"):
            ref = ctx.entity_at(child)
            if ref is not None and ref.kind in (COUNTRY, GOVERNMENT) or verb.lemma_ in IMPOSE_VERBS:
                return government(ctx, child)
        if child.dep_ == "agent":
            return government(ctx, next(child.children, child))
    return None


def _actor_of(ctx: DocContext, noun: Token) -> EntityRef | None:
    return _actor_on_noun(ctx, noun) or _actor_of_verb(ctx, noun)


def _pause_days(ent_text: str) -> float | None:
    """'90-day', '90 days' -> 90."""
    if re.search(r"\d+-day|\d+ days", ent_text):
        return float(NUMBER.search(ent_text).group(1))  # type: ignore[union-attr]
    return None


def _pause_draft(ctx: DocContext, token: Token, paused: _Draft | None) -> _Draft:
    """A pause of the measure ``paused`` (or of the tariff named below ``token``)."""
    about = paused.label if paused else None
    if about is None:
        for child in token.subtree:
            if POLICY_NOUNS.get(child.lower_) == "tariff":
                about = label(ctx, *phrase(ctx, child))
                break
    anchor_start = token.left_edge.i if token.pos_ == "NOUN" else token.i
    draft = _Draft(
        "pause",
        f"pause of {about}" if about else "pause",
        token,
        ctx.evidence(ctx.doc[anchor_start], token),
        status="in force",
        about=about,
    )
    _pause_dates(ctx, token, draft)
    return draft


def _pause_dates(ctx: DocContext, token: Token, draft: _Draft) -> None:
    """A pause's length ('the 90-day pause') and end ('ends on July 9')."""
    for ent in ctx.ents:
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
        value = ctx.date_of(ent, FUTURE)
        if value is not None and draft.end is None:
            draft.end = value
    for child in token.lefts:
        if child.ent_type_ == "DATE" and re.fullmatch(r"\d+(\.\d+)?", child.text):
            draft.rate, draft.unit = float(child.text), "days"


def _agreement_parties(ctx: DocContext, noun: Token, actor: EntityRef | None) -> list[EntityRef]:
    """'agreements with China and Britain', 'a deal between X and Y'."""
    parties: list[EntityRef] = []
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
            for obj in prep.children:
                for item in [obj, *obj.conjuncts]:
                    gov = government(ctx, item)
                    if gov is not None and gov != actor:
                        parties.append(gov)
    return parties


def _agreement_actor_status(ctx: DocContext, noun: Token) -> tuple[EntityRef | None, str]:
    """The subject of 'reached/signed an agreement', and whether it is reached."""
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None:
        return None, "proposed"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    actor = government(ctx, subjects[0]) if subjects else None
    reached = verb.lemma_ in AGREE_VERBS and ctx.tense_of(verb) == PAST
    return actor, "reached" if reached else "proposed"


def _speaker_government(ctx: DocContext, sent) -> EntityRef | None:
    """The government of the subject of the sentence's first 'say', 'tell' or 'suggest'
    whose subject has one."""
    for verb in sent:
        if verb.lemma_ in ("say", "tell", "suggest") and verb.pos_ == "VERB":
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            actor = government(ctx, subjects[-1]) if subjects else None
            if actor is not None:
                return actor
    return None


# --- rules: one per shape ----------------------------------------------------------------
def tariff_noun(found: _Found, noun: Token) -> list[_Draft]:
    """'25% tariffs on Japanese cars', 'U.S. sanctions': a measure with goods, rate, dates;
    a pause inside its phrase ('part of which has been paused') is read with it."""
    ctx = found.ctx
    kind = _measure_kind(noun)
    if kind is None or kind in ("pause", "agreement"):
        return []
    start, end = phrase(ctx, noun, ("on", "against"))
    draft = _Draft(
        kind, label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], ctx.doc[end - 1])
    )
    draft.goods, draft.target, amounts = goods(ctx, noun)
    value = amount(ctx, amounts[0]) if amounts else None
    if draft.goods and " on " not in draft.label:  # goods hung on the verb
        worth = f"{value[2]} of " if value else ""
        draft.label = f"{draft.label} on {worth}{', '.join(draft.goods)}"
    draft.rate, draft.unit = rate(noun)
    if draft.rate is None and value is not None:  # kg:rate holds a rate or amount
        draft.rate, draft.unit = value[0], value[1]
    draft.status = measure_status(noun)
    draft.start, draft.end = dates(ctx, noun, PAST if draft.status == "in force" else FUTURE)
    draft.actor = _actor_of(ctx, noun)
    if not _specific(noun, draft):
        return []
    pauses = [
        _pause_draft(ctx, child, draft)
        for child in noun.subtree
        if child.lemma_ in PAUSE_VERBS and child.pos_ == "VERB"
    ]
    return [draft, *pauses]


def pause_noun(found: _Found, noun: Token) -> list[_Draft]:
    """'a 90-day pause on the reciprocal tariff until July 9'."""
    if _measure_kind(noun) != "pause":
        return []
    return [_pause_draft(found.ctx, noun, None)]


def agreement_noun(found: _Found, noun: Token) -> list[_Draft]:
    """'X has reached tariff-cutting agreements with China and Britain': one per party."""
    if _measure_kind(noun) != "agreement":
        return []
    ctx = found.ctx
    actor, status = _agreement_actor_status(ctx, noun)
    parties = _agreement_parties(ctx, noun, actor)
    if not parties and actor is None:
        return []
    start, _ = phrase(ctx, noun)
    base = label(ctx, start, noun.i + 1)
    singular = base[:-1] if base.endswith("agreements") or base.endswith("deals") else base
    evidence = ctx.evidence(ctx.doc[start], ctx.doc[noun.right_edge.i])
    return [
        _Draft(
            "agreement",
            f"{singular} with {party.label}" if party else singular,
            noun,
            evidence,
            actor=actor,
            target=party,
            status=status,
        )
        for party in (parties or [None])  # type: ignore[list-item]
    ]


def request_verb(found: _Found, verb: Token) -> list[_Draft]:
    """'Japan has asked the U.S. to withdraw higher tariffs on cars'."""
    if verb.pos_ != "VERB" or verb.lemma_ not in REQUEST_VERBS:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    if not (xcomps and xcomps[0].lemma_ in REMOVE_VERBS and subjects):
        return []
    ctx, action = found.ctx, xcomps[0]
    objects = [c for c in action.children if c.dep_ == "dobj"]
    measures = [
        d for d in found.drafts if objects and d.token in [objects[0], *objects[0].conjuncts]
    ]
    text = label(ctx, action.i, (objects[0].right_edge.i + 1) if objects else action.i + 1)
    return [
        _Draft(
            "request",
            f"request to {text}",
            verb,
            ctx.evidence(subjects[0], ctx.doc[objects[0].right_edge.i] if objects else action),
            actor=government(ctx, subjects[0]),
            target=next((d.actor for d in measures if d.actor), None),
            goods=[g for d in measures for g in d.goods],
            status="requested",
            refs=measures,
        )
    ]


def pledge_verb(found: _Found, verb: Token) -> list[_Draft]:
    """'Ishiba has pledged to support the United States in ...'."""
    if verb.pos_ != "VERB" or verb.lemma_ not in PLEDGE_VERBS:
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    if not (xcomps and subjects):
        return []
    ctx, action = found.ctx, xcomps[0]
    end = action.right_edge.i
    for token in ctx.doc[action.i : action.right_edge.i + 1]:
        if token.text == "," or token.lower_ in ("amid", "while"):
            end = token.i - 1
            break
    target = None
    for child in action.children:
        if child.dep_ == "dobj":
            target = government(ctx, child)
    return [
        _Draft(
            "pledge",
            "pledge to " + label(ctx, action.i, end + 1),
            verb,
            ctx.evidence(subjects[0], ctx.doc[end]),
            actor=government(ctx, subjects[0]),
            target=target,
            status="pledged",
        )
    ]


def request_noun(found: _Found, noun: Token) -> list[_Draft]:
    """'the request to have all tariff measures reviewed': by the earlier request's side."""
    if not (
        noun.lower_ in REQUEST_NOUNS
        and noun.pos_ == "NOUN"
        and any(c.dep_ == "acl" for c in noun.children)
    ):
        return []
    ctx = found.ctx
    clause = [c for c in noun.children if c.dep_ == "acl"][0]
    earlier = [d for d in found.drafts if d.kind == "request"]
    return [
        _Draft(
            "request",
            label(ctx, noun.i, clause.right_edge.i + 1),
            noun,
            ctx.evidence(noun, ctx.doc[clause.right_edge.i]),
            actor=earlier[-1].actor if earlier else None,
            target=earlier[-1].target if earlier else None,
            status="requested",
        )
    ]


def purchase_proposal(found: _Found, noun: Token) -> list[_Draft]:
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
    if not objects:
        return []
    end = objects[0].right_edge.i + 1
    target = None
    for token in objects[0].subtree:
        target = government(ctx, token) or target
    return [
        _Draft(
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
    ("pause noun", pause_noun),
    ("agreement noun", agreement_noun),
    ("request verb", request_verb),
    ("pledge verb", pledge_verb),
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
                draft.actor = actor


def carry_last_actor(found: _Found) -> None:
    """A measure with no imposer of its own is the last named imposer's."""
    last_actor = None
    for draft in sorted(found.drafts, key=lambda d: d.token.i):
        if draft.kind in MEASURE_KINDS:
            if draft.actor is None and _may_impose(last_actor, draft):
                draft.actor = last_actor
            last_actor = draft.actor or last_actor


def request_targets(found: _Found) -> None:
    """A request is aimed at whoever imposes the measures it asks about."""
    for draft in found.drafts:
        if draft.kind == "request" and draft.target is None:
            draft.target = next((m.actor for m in draft.refs if m.actor), None)


def _absorb(twin: _Draft, draft: _Draft) -> None:
    """Fold another mention of the same measure into the first one."""
    twin.goods = twin.goods + [g for g in draft.goods if g not in twin.goods]
    twin.rate = twin.rate if twin.rate is not None else draft.rate
    twin.unit = twin.unit or draft.unit
    twin.start = _better(twin.start, draft.start)
    twin.end = _better(twin.end, draft.end)
    twin.actor = twin.actor or draft.actor
    twin.target = twin.target or draft.target


def merge_mentions(found: _Found) -> None:
    """One draft per measure; a pause or measure still without imposer takes the first one."""
    ordered = sorted(found.drafts, key=lambda d: d.token.i)
    first_actor = next((d.actor for d in ordered if d.kind in MEASURE_KINDS and d.actor), None)
    merged: list[_Draft] = []
    for draft in ordered:
        if (
            draft.kind in (*MEASURE_KINDS, "pause")
            and draft.actor is None
            and _may_impose(first_actor, draft)
        ):
            draft.actor = first_actor
        twin = next((m for m in merged if _same(m, draft)), None)
        if twin is None:
            merged.append(draft)
        else:
            _absorb(twin, draft)
    found.drafts = merged


def mark_partly_paused(found: _Found) -> None:
    """A tariff a pause applies to is partly paused."""
    for draft in found.drafts:
        if draft.kind == "tariff" and any(
            p.kind == "pause" and p.about and p.about in draft.label for p in found.drafts
        ):
            draft.status = "partly paused"


def drop_empty(found: _Found) -> None:
    """A measure nobody imposes, on nothing, at no rate and no date says nothing."""
    found.drafts = [
        d
        for d in found.drafts
        if d.kind not in MEASURE_KINDS
        or d.actor
        or d.target
        or d.goods
        or d.rate is not None
        or d.start
        or d.end
    ]


FINISH: tuple[tuple[str, Callable[[_Found], None]], ...] = (
    ("anaphora", carry_anaphora),
    ("last imposer", carry_last_actor),
    ("request targets", request_targets),
    ("merge mentions", merge_mentions),
    ("partly paused", mark_partly_paused),
    ("drop empty", drop_empty),
)


def _may_impose(actor: EntityRef | None, draft: _Draft) -> bool:
    """An imposer carried over from elsewhere in the article must not be the measure's own
    target ("tariffs on Japanese exports" is not Japan's measure)."""
    return actor is None or draft.target is None or actor.key != draft.target.key


def _same(a: _Draft, b: _Draft) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "pause":
        return a.about == b.about
    if a.kind == "request":
        return a.actor == b.actor
    if a.kind in MEASURE_KINDS:
        return a.rate is not None and a.rate == b.rate and a.actor == b.actor
    return a.label == b.label and a.target == b.target


def _better(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """Of two readings of the same date, the more precise one."""
    order = {"day": 0, "month": 1, "range": 2, "year": 3}
    if a is None or b is None:
        return a or b
    return a if order[a.precision] <= order[b.precision] else b


def extract(ctx: DocContext) -> Iterator[Policy]:
    """All policies of the article, merged across their mentions."""
    found = _Found(ctx)
    for _name, rule in SHAPES:
        for token in ctx.tokens:
            found.drafts.extend(rule(found, token))
    for _name, step in FINISH:
        step(found)
    yield from (d.freeze() for d in found.drafts)
