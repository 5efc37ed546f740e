"""Policies: tariffs, sanctions, pauses, agreements, requests, pledges and proposals.

Tariff-like nouns give measures with their goods ("on cars, key car parts"), rate
("25-percent"), dates ("imposed since April 3") and imposer: a country word on the noun
("U.S. tariffs"), the subject of an imposing verb, an anaphor in the next sentence ("Trump
has imposed the measures"), or else the imposer the article already named. Mentions of
the same measure (same kind and rate, or the pause of the same tariff) are merged.
Verbs give the rest: "asked ... to withdraw" (request), "pledged to support" (pledge),
"reached agreements with China and Britain" (one agreement per party), "purchases of X
... as a bargaining chip" (proposal).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from kg import gazetteer
from kg.dates import FUTURE, PAST
from kg.extractors.context import DocContext, clean_text, entity_span
from kg.extractors.patterns.policies import (
    AGREE_VERBS,
    ANAPHORIC_MEASURES,
    IMPOSE_VERBS,
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
from kg.extractors.titles import country_of_person, person_at
from kg.facts import COUNTRY, GOVERNMENT, PERSON, DateValue, EntityRef, Evidence, Policy

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)")
_RATE_RUN_POS = frozenset({"NUM", "ADJ", "NOUN", "PROPN", "DET", "PUNCT", "SYM", "ADP"})
_END_WORDS = frozenset({"until", "through", "till", "ends", "end", "expires", "expire"})


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


def _government(ctx: DocContext, token: Token) -> EntityRef | None:
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


def _phrase(ctx: DocContext, token: Token, with_preps: tuple[str, ...] = ()) -> tuple[int, int]:
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


def _label(ctx: DocContext, start: int, end: int) -> str:
    text = clean_text(ctx.doc[start:end].text)
    return re.sub(r"[“”\"‘’«»]", "", text).strip(" ,")


def _verb_of(noun: Token) -> Token | None:
    """The verb a measure is the object of ("imposed tariffs on ..."): the small parser often
    hangs the measure's "on goods", "to 145 percent" and dates on that verb instead."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def _of_objects(token: Token) -> list[Token]:
    """The objects of the token's 'of' phrases ("purchases of X" -> X)."""
    return [
        obj
        for prep in token.rights
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _goods(ctx: DocContext, noun: Token) -> tuple[list[str], EntityRef | None, list[Token]]:
    """Goods a measure is on, the country they come from, and the trade values named
    before them ("on 300 mln dlrs of Japanese goods")."""
    goods: list[str] = []
    amounts: list[Token] = []
    target = None
    verb = _verb_of(noun)
    preps = list(noun.rights) + ([c for c in verb.rights if c.i > noun.i] if verb else [])
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "against"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            for item in [obj, *obj.conjuncts]:
                ref = ctx.entity_at(item)
                if ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
                    target = EntityRef(COUNTRY, ref.key.split("/")[0], ref.label)
                    continue
                if (
                    item.ent_type_ in ("MONEY", "DATE", "CARDINAL")
                    or item.lower_ == "worth"
                    or any(c.dep_ == "nummod" for c in item.children)  # "300 mln dlrs of"
                ):
                    # "on C$30 billion of X", "on roughly 250 mln dlrs worth of X"
                    worth = _of_objects(item)
                    if not worth:
                        continue
                    amounts.append(item)
                    item = worth[0]
                start, end = _phrase(ctx, item, ("of",))
                # keep the country word: "U.S. goods", "Chinese goods"
                while start > item.left_edge.i and ctx.entity_at(ctx.doc[start - 1]) is not None:
                    start -= 1
                goods.append(_label(ctx, start, end))
                for child in item.subtree:
                    ref = ctx.entity_at(child)
                    if _in_clause(child, item):
                        continue  # "products which ... hardly any cost to the American shopper"
                    if target is None and ref is not None and ref.kind in (COUNTRY, GOVERNMENT):
                        target = EntityRef(COUNTRY, ref.key.split("/")[0], ref.label)
    return goods, target, amounts


_DOLLAR_PREFIXES = {"": "USD", "US": "USD", "C": "CAD", "A": "AUD", "HK": "HKD", "NZ": "NZD"}
_SCALE = {"mln": 1e6, "million": 1e6, "bln": 1e9, "billion": 1e9, "trillion": 1e12}


def _amount(ctx: DocContext, item: Token) -> tuple[float, str, str] | None:
    """'about 300 mln dlrs worth', 'C$30 billion': value in units, unit, and the text."""
    start = item.left_edge.i
    end = item.i + 1 if item.lower_ != "worth" else item.i
    text = clean_text(ctx.doc[start:end].text)
    match = _NUMBER.search(text)
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


def _in_clause(token: Token, top: Token) -> bool:
    """Whether ``token`` sits in a clause hanging below ``top`` (relative, participial...)."""
    while token != top and token.head != token:
        if token.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        token = token.head
    return False


def _number_unit(token: Token) -> tuple[float, str] | None:
    """The number and unit of a PERCENT/MONEY entity (or '25 pct') around ``token``."""
    ent = entity_span(token)
    text = ent.text if ent is not None else token.doc[max(0, token.i - 2) : token.i + 1].text
    match = _NUMBER.search(text)
    if not match:
        return None
    is_percent = ent is None or ent.label_ == "PERCENT" or re.search(r"per ?cent|pct|%", text)
    return float(match.group(1).replace(",", "")), "percent" if is_percent else "USD"


def _is_rate_token(token: Token) -> bool:
    return token.ent_type_ in ("PERCENT", "MONEY") or token.lower_ in ("percent", "pct", "%")


def _rate(noun: Token) -> tuple[float | None, str | None]:
    """'25-percent tariff', '25 per cent counter-tariffs', 'tariffs of 15%', 'raise ... to 145
    percent'."""
    doc = noun.doc
    candidates = [t for t in noun.subtree if t.i < noun.i]
    window = doc[max(noun.sent.start, noun.left_edge.i - 5) : noun.left_edge.i]
    # only a plain run of modifiers may stand between a rate and its measure, not a clause
    # ("95 plus pct certain that it (the levy) will not ...")
    plain = [t for t in window if _is_rate_token(t) or t.pos_ in _RATE_RUN_POS]
    candidates += plain if len(plain) == len(window) else []
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            candidates += list(prep.subtree)
    verb = _verb_of(noun)
    if verb is not None:
        for prep in verb.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "by", "at") and prep.i > noun.i:
                candidates += list(prep.subtree)
    for token in candidates:
        if _is_rate_token(token):
            found = _number_unit(token)
            if found:
                return found
    return None, None


def _dates(
    ctx: DocContext, noun: Token, tense: str | None
) -> tuple[DateValue | None, DateValue | None]:
    start = end = None
    verb = _verb_of(noun)
    for ent in ctx.ents:
        on_verb = (
            verb is not None
            and ent.start > noun.i
            and (
                ent.root.head == verb
                or (ent.root.head.dep_ == "prep" and ent.root.head.head == verb)
            )
        )
        inside = noun.left_edge.i <= ent.start < noun.right_edge.i + 1
        if ent.label_ != "DATE" or not (inside or on_verb):
            continue
        if ent.root.head.lemma_ in PAUSE_VERBS or ent.root.head.head.lemma_ in PAUSE_VERBS:
            continue  # "part of which has been paused through early July": the pause's date
        before = {t.lower_ for t in ctx.doc[max(0, ent.start - 3) : ent.start]}
        value = ctx.date_of(ent, tense)
        if value is None:
            continue
        if before & _END_WORDS:
            end = end or value
        else:
            start = start or value
    return start, end


_PLANNED_VERBS = frozenset({"plan", "prepare", "propose", "consider", "announce", "unveil"})


def _measure_status(ctx: DocContext, noun: Token) -> str:
    """'will impose' -> planned, 'threatened' -> threatened, 'could impose' -> proposed."""
    verb = _verb_of(noun)
    if verb is None:
        return "in force"
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "ccomp") else [])
    for v in chain:
        auxes = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
        if v.lemma_ == "threaten":
            return "threatened"
        if auxes & {"could", "might", "may"}:
            return "proposed"
        if auxes & {"will", "would", "'ll", "shall"} or v.lemma_ in _PLANNED_VERBS:
            return "planned"
    return "in force"


def _specific(noun: Token, draft: _Draft) -> bool:
    """A measure worth a node: it has goods, a rate, a date, a target or a name of its own."""
    if draft.goods or draft.rate is not None or draft.start or draft.end or draft.target:
        return True
    return any(
        c.dep_ in ("amod", "compound")
        and c.lower_ not in ("new", "higher", "such", "these", "those", "other", "extra")
        for c in noun.lefts
    )


class _Finder:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.drafts: list[_Draft] = []

    def nouns(self) -> None:
        ctx = self.ctx
        for noun in ctx.tokens:
            kind = POLICY_NOUNS.get(noun.lower_)
            if kind is None or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ == "compound":
                continue
            if noun.lower_ in NEEDS_TRADE_CONTEXT and not any(
                t.lower_ in TRADE_WORDS or t.lower_.split("-")[0] in TRADE_WORDS
                for t in noun.subtree
                if t.i < noun.i
            ):
                continue
            if kind == "pause":
                self.pause(noun, None)
                continue
            if kind == "agreement":
                self.agreement(noun)
                continue
            start, end = _phrase(ctx, noun, ("on", "against"))
            draft = _Draft(
                kind, _label(ctx, start, end), noun, ctx.evidence(ctx.doc[start], ctx.doc[end - 1])
            )
            draft.goods, draft.target, amounts = _goods(ctx, noun)
            amount = _amount(ctx, amounts[0]) if amounts else None
            if draft.goods and " on " not in draft.label:  # goods hung on the verb
                value = f"{amount[2]} of " if amount else ""
                draft.label = f"{draft.label} on {value}{', '.join(draft.goods)}"
            draft.rate, draft.unit = _rate(noun)
            if draft.rate is None and amount is not None:  # kg:rate holds a rate or amount
                draft.rate, draft.unit = amount[0], amount[1]
            draft.status = _measure_status(ctx, noun)
            tense = PAST if draft.status == "in force" else FUTURE
            draft.start, draft.end = _dates(ctx, noun, tense)
            draft.actor = self.actor_of(noun)
            if not _specific(noun, draft):
                continue
            self.drafts.append(draft)
            for child in noun.subtree:
                if child.lemma_ in PAUSE_VERBS and child.pos_ == "VERB":
                    self.pause(child, draft)

    def actor_of(self, noun: Token) -> EntityRef | None:
        ctx = self.ctx
        for child in noun.lefts:
            gov = _government(ctx, child)
            ref = ctx.entity_at(child)
            if gov is not None and ref is not None and ref.kind != PERSON:
                return gov
        verb = noun.head
        if verb.pos_ != "VERB" or noun.dep_ not in ("dobj", "nsubjpass"):
            return None
        for child in verb.children:
            # "Taiwan will cut import tariffs", "tariffs imposed by Washington"
            if child.dep_ == "nsubj" and (verb.lemma_ in IMPOSE_VERBS or noun.dep_ == "dobj"):
                ref = ctx.entity_at(child)
                if (
                    ref is not None
                    and ref.kind in (COUNTRY, GOVERNMENT)
                    or (verb.lemma_ in IMPOSE_VERBS)
                ):
                    return _government(ctx, child)
            if child.dep_ == "agent":
                return _government(ctx, next(child.children, child))
        return None

    def pause(self, token: Token, paused: _Draft | None) -> None:
        ctx = self.ctx
        doc = ctx.doc
        about = paused.label if paused else None
        if about is None:
            for child in token.subtree:
                if POLICY_NOUNS.get(child.lower_) == "tariff":
                    about = _label(ctx, *_phrase(ctx, child))
                    break
        anchor_start = token.left_edge.i if token.pos_ == "NOUN" else token.i
        draft = _Draft(
            "pause",
            f"pause of {about}" if about else "pause",
            token,
            ctx.evidence(doc[anchor_start], token),
            status="in force",
            about=about,
        )
        for ent in ctx.ents:
            if (
                ent.label_ == "DATE"
                and token.sent.start <= ent.start < token.sent.end
                and (ent.start > token.i or ent.root.head == token)
            ):
                if any(ch.isdigit() for ch in ent.text) and re.search(
                    r"\d+-day|\d+ days", ent.text
                ):
                    draft.rate, draft.unit = float(_NUMBER.search(ent.text).group(1)), "days"  # type: ignore[union-attr]
                    continue
                value = ctx.date_of(ent, FUTURE)
                if value is not None and draft.end is None:
                    draft.end = value
        for child in token.lefts:
            if child.ent_type_ == "DATE" and re.match(r"\d+", child.text):
                draft.rate, draft.unit = float(child.text), "days"
        self.drafts.append(draft)

    def agreement(self, noun: Token) -> None:
        ctx = self.ctx
        doc = ctx.doc
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
        actor = None
        status = "proposed"
        if verb is not None:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects:
                actor = _government(ctx, subjects[0])
            if verb.lemma_ in AGREE_VERBS and ctx.tense_of(verb) == PAST:
                status = "reached"
        parties: list[EntityRef] = []
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("with", "between"):
                for obj in prep.children:
                    for item in [obj, *obj.conjuncts]:
                        gov = _government(ctx, item)
                        if gov is not None and gov != actor:
                            parties.append(gov)
        if not parties and actor is None:
            return
        start, _ = _phrase(ctx, noun)
        base = _label(ctx, start, noun.i + 1)
        singular = base[:-1] if base.endswith("agreements") or base.endswith("deals") else base
        for party in parties or [None]:  # type: ignore[list-item]
            label = f"{singular} with {party.label}" if party else singular
            self.drafts.append(
                _Draft(
                    "agreement",
                    label,
                    noun,
                    ctx.evidence(doc[start], doc[noun.right_edge.i]),
                    actor=actor,
                    target=party,
                    status=status,
                )
            )

    def verbs(self) -> None:
        ctx = self.ctx
        for verb in ctx.tokens:
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            if lemma in REQUEST_VERBS and xcomps and xcomps[0].lemma_ in REMOVE_VERBS and subjects:
                self.request(verb, subjects[0], xcomps[0])
            elif lemma in PLEDGE_VERBS and xcomps and subjects:
                self.pledge(verb, subjects[0], xcomps[0])
        for token in ctx.tokens:
            if (
                token.lower_ in REQUEST_NOUNS
                and token.pos_ == "NOUN"
                and any(c.dep_ == "acl" for c in token.children)
            ):
                self.request_noun(token)
            if token.lower_ in PURCHASE_NOUNS and token.pos_ == "NOUN":
                self.proposal(token)

    def request(self, verb: Token, subject: Token, action: Token) -> None:
        ctx = self.ctx
        actor = _government(ctx, subject)
        objects = [c for c in action.children if c.dep_ == "dobj"]
        measures = [
            d for d in self.drafts if objects and d.token in [objects[0], *objects[0].conjuncts]
        ]
        goods = [g for d in measures for g in d.goods]
        target = next((d.actor for d in measures if d.actor), None)
        label = _label(ctx, action.i, (objects[0].right_edge.i + 1) if objects else action.i + 1)
        self.drafts.append(
            _Draft(
                "request",
                f"request to {label}",
                verb,
                ctx.evidence(subject, ctx.doc[objects[0].right_edge.i] if objects else action),
                actor=actor,
                target=target,
                goods=goods,
                status="requested",
                refs=measures,
            )
        )

    def request_noun(self, noun: Token) -> None:
        ctx = self.ctx
        clause = [c for c in noun.children if c.dep_ == "acl"][0]
        label = _label(ctx, noun.i, clause.right_edge.i + 1)
        earlier = [d for d in self.drafts if d.kind == "request"]
        actor = earlier[-1].actor if earlier else None
        target = earlier[-1].target if earlier else None
        self.drafts.append(
            _Draft(
                "request",
                label,
                noun,
                ctx.evidence(noun, ctx.doc[clause.right_edge.i]),
                actor=actor,
                target=target,
                status="requested",
            )
        )

    def pledge(self, verb: Token, subject: Token, action: Token) -> None:
        ctx = self.ctx
        doc = ctx.doc
        end = action.right_edge.i
        for token in doc[action.i : action.right_edge.i + 1]:
            if token.text == "," or token.lower_ in ("amid", "while"):
                end = token.i - 1
                break
        target = None
        for child in action.children:
            if child.dep_ == "dobj":
                target = _government(ctx, child)
        label = "pledge to " + _label(ctx, action.i, end + 1)
        self.drafts.append(
            _Draft(
                "pledge",
                label,
                verb,
                ctx.evidence(subject, doc[end]),
                actor=_government(ctx, subject),
                target=target,
                status="pledged",
            )
        )

    def proposal(self, noun: Token) -> None:
        """'purchases of U.S. defense equipment ... as a bargaining chip': an offer floated."""
        ctx = self.ctx
        sent = noun.sent
        if not any(
            " ".join(t.lower_ for t in sent[i : i + 2]) in PROPOSAL_NOUNS
            or sent[i].lower_ in PROPOSAL_NOUNS
            for i in range(len(sent))
        ):
            return
        objects = _of_objects(noun)
        if not objects:
            return
        start, end = noun.i, objects[0].right_edge.i + 1
        goods = [_label(ctx, objects[0].left_edge.i, end)]
        target = None
        for token in objects[0].subtree:
            gov = _government(ctx, token)
            if gov is not None:
                target = gov
        actor = None
        for verb in sent:
            if verb.lemma_ in ("say", "tell", "suggest") and verb.pos_ == "VERB":
                for child in verb.children:
                    if child.dep_ == "nsubj":
                        actor = _government(ctx, child)
                if actor:
                    break
        self.drafts.append(
            _Draft(
                "proposal",
                _label(ctx, start, end),
                noun,
                ctx.evidence(noun, ctx.doc[end - 1]),
                actor=actor,
                target=target,
                goods=goods,
                status="proposed",
            )
        )

    def anaphora(self) -> None:
        """'Trump has imposed the measures': the imposer of the previous sentence's tariffs."""
        ctx = self.ctx
        for verb in ctx.tokens:
            if verb.lemma_ not in IMPOSE_VERBS or verb.pos_ != "VERB":
                continue
            objects = [
                c
                for c in verb.children
                if c.dep_ == "dobj"
                and c.lower_ in ANAPHORIC_MEASURES
                and any(d.lower_ in ("the", "these", "those") for d in c.children)
            ]
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not objects or not subjects:
                continue
            actor = _government(ctx, subjects[0])
            if actor is None:
                continue
            sent_start = verb.sent.start
            prev_start = ctx.doc[sent_start - 1].sent.start if sent_start > 0 else sent_start
            for draft in self.drafts:
                if (
                    prev_start <= draft.token.i < verb.sent.end
                    and draft.actor is None
                    and draft.kind in ("tariff", "sanction", "quota")
                ):
                    draft.actor = actor

    def finish(self) -> list[Policy]:
        self.anaphora()
        measures = ("tariff", "sanction", "quota", "pause")
        last_actor = None
        for draft in sorted(self.drafts, key=lambda d: d.token.i):
            if draft.kind in ("tariff", "sanction", "quota"):
                if draft.actor is None and _may_impose(last_actor, draft):
                    draft.actor = last_actor
                last_actor = draft.actor or last_actor
        first_actor = next(
            (
                d.actor
                for d in sorted(self.drafts, key=lambda d: d.token.i)
                if d.kind in measures[:3] and d.actor
            ),
            None,
        )
        for draft in self.drafts:
            if draft.kind == "request" and draft.target is None:
                draft.target = next((m.actor for m in draft.refs if m.actor), None)
        merged: list[_Draft] = []
        for draft in sorted(self.drafts, key=lambda d: d.token.i):
            if draft.kind in measures and draft.actor is None and _may_impose(first_actor, draft):
                draft.actor = first_actor
            twin = next((m for m in merged if _same(m, draft)), None)
            if twin is None:
                merged.append(draft)
                continue
            twin.goods = twin.goods + [g for g in draft.goods if g not in twin.goods]
            twin.rate = twin.rate if twin.rate is not None else draft.rate
            twin.unit = twin.unit or draft.unit
            twin.start = _better(twin.start, draft.start)
            twin.end = _better(twin.end, draft.end)
            twin.actor = twin.actor or draft.actor
            twin.target = twin.target or draft.target
        for draft in merged:
            if draft.kind == "tariff" and any(
                p.kind == "pause" and p.about and p.about in draft.label for p in merged
            ):
                draft.status = "partly paused"
        # a measure nobody imposes, on nothing, at no rate and no date says nothing
        kept = [
            d
            for d in merged
            if d.kind not in ("tariff", "sanction", "quota")
            or d.actor
            or d.target
            or d.goods
            or d.rate is not None
            or d.start
            or d.end
        ]
        return [d.freeze() for d in kept]


def _may_impose(actor: EntityRef | None, draft: _Draft) -> bool:
    """An imposer carried over from elsewhere in the article must not be the measure's own
    target ("tariffs on Japanese exports" is not Japan's measure)."""
    return actor is None or draft.target is None or actor.key != draft.target.key


def _same(a: _Draft, b: _Draft) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "pause":
        return a.about == b.about
    if a.kind in ("request",):
        return a.actor == b.actor
    if a.kind in ("tariff", "sanction", "quota"):
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
    finder = _Finder(ctx)
    finder.nouns()
    finder.verbs()
    yield from finder.finish()


__all__ = ["extract", "replace"]
