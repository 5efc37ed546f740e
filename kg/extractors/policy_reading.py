"""The article's measures read as a whole: which government imposes the measures the article
is about, which country they are aimed at, and which mentions are one measure.

News names a measure's imposer and target once and then writes "the tariffs", "40 per cent
duties" or "levies at 30%". The rules in ``kg.extractors.policies`` read each mention's own
clause into a ``Draft`` (and say how the clause named its imposer); this module then
- reads the article's main imposer (the government its clauses name most often as imposing
  a measure: "U.S. tariffs", "Trump's tariffs", the subject of impose/announce/slap, the
  country goods are exported to) and main target (the country they name most often as
  aimed at, else the country the article mentions most);
- fills each draft's missing sides from the nearest earlier mention of a measure, then from
  that reading (a counter-measure the other way round);
- merges mentions of one measure, and drops mentions that say nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from kg import gazetteer
from kg.extractors.context import DocContext
from kg.extractors.patterns.policies import MEASURE_KINDS
from kg.extractors.policy_parts import bloc_mentions, same_side
from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    DateValue,
    EntityRef,
    Evidence,
    Policy,
    PolicyKind,
    PolicyStatus,
)

# Kinds whose imposer and target the article's reading may fill.
IMPOSED_KINDS = frozenset({*MEASURE_KINDS, "pause", "exemption"})
# Kinds one side pledges to the other (an investment, a purchase).
PLEDGED_KINDS = frozenset({"investment", "purchase"})
# Kinds with two parties either way round.
PARTY_KINDS = frozenset({"agreement", "ceasefire"})
# How a clause names an imposer, and how much that says about the article's imposer.
_VOTE_WEIGHT = {
    "poss": 2,
    "poss-country": 0,  # "Switzerland's 39% tariff": imposed by or on Switzerland
    "demonym": 2,
    "verb": 2,
    "destination": 2,
    "change": 2,
    "compound": 1,
}


@dataclass
class Draft:
    """A policy being assembled; frozen into a Policy at the end."""

    kind: PolicyKind
    label: str
    token: Token
    evidence: Evidence
    actor: EntityRef | None = None
    target: EntityRef | None = None
    goods: list[str] = field(default_factory=list)
    rate: float | None = None
    unit: str | None = None
    amount: float | None = None
    currency: str | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    status: PolicyStatus = "in force"
    about: str | None = None
    refs: list[Draft] = field(default_factory=list)  # measures a request is about
    replaces: Draft | None = None  # the measure this one changed ("cut from 25 to 15")
    actor_how: str = ""  # how the mention's own clause names the imposer ("" if it does not)
    counter: bool = False  # a counter-measure ("retaliatory tariffs")
    name: frozenset[str] = frozenset()  # words that name the measure ("reciprocal")

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
            amount=self.amount,
            currency=self.currency,
            replaces=self.replaces.label if self.replaces is not None else None,
        )


@dataclass(frozen=True)
class Reading:
    """The government whose measures the article is about, and the country they aim at."""

    imposer: EntityRef | None
    target: EntityRef | None


def _as_government(ref: EntityRef | None) -> EntityRef | None:
    return EntityRef(GOVERNMENT, ref.key.split("/")[0], ref.label) if ref is not None else None


def _as_country(ref: EntityRef | None) -> EntityRef | None:
    return EntityRef(COUNTRY, ref.key.split("/")[0], ref.label) if ref is not None else None


def _top(votes: Counter[str], first: dict[str, int]) -> str | None:
    """The key with most votes; of equals, the one named first."""
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], -first[k]))


_TITLE_WORDS = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}")


def _title_countries(title: str | None) -> list[str]:
    """The countries an article's title names ("Trump delays Mexico tariffs")."""
    found = []
    for match in _TITLE_WORDS.finditer(title or ""):
        words = match.group().split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                text = " ".join(words[i : i + n]).strip(",'’")
                hit = gazetteer.lookup(text.rstrip("."))
                if hit is not None:
                    found.append(hit[0].parent or hit[0].iso2)
                found += [b.iso2 for b in gazetteer.blocs() if text in (b.name, *b.aliases)]
    return found


def _salience(ctx: DocContext) -> Counter[str]:
    """How much the article is about each country: its mentions in the text, and three
    for each in the title."""
    votes: Counter[str] = Counter()
    for mention in ctx.mentions:
        if mention.ref.kind in (COUNTRY, GOVERNMENT):
            votes[mention.ref.key.split("/")[0]] += 1
    for _start, bloc in bloc_mentions(ctx):
        votes[bloc.key] += 1
    for iso in _title_countries(ctx.article.title):
        votes[iso] += 3
    return votes


def _two_sides(ctx: DocContext) -> Reading:
    """An article without measures: the two countries it names most, each at least twice."""
    top = [k for k, n in _salience(ctx).most_common() if n >= 2 and gazetteer.is_iso2(k)][:2]
    if len(top) < 2:
        return Reading(None, None)
    first, second = (gazetteer.by_iso2(k) for k in top)
    return Reading(
        EntityRef(GOVERNMENT, first.iso2, first.name), EntityRef(COUNTRY, second.iso2, second.name)
    )


def read_measures(
    ctx: DocContext, drafts: list[Draft], votes: list[tuple[EntityRef, str, int]]
) -> Reading:
    """The article's main imposer and target, from the imposers and targets its measure
    mentions name (``votes`` adds imposers named by mentions too bare to keep)."""
    imposers: Counter[str] = Counter()
    first: dict[str, int] = {}
    refs: dict[str, EntityRef] = {}
    cast = [
        (d.actor, d.actor_how, d.token.i)
        for d in drafts
        if d.kind in IMPOSED_KINDS and d.actor is not None and d.actor_how and not d.counter
    ]
    for actor, how, at in cast + votes:
        key = actor.key.split("/")[0]
        imposers[key] += _VOTE_WEIGHT.get(how, 1)
        first.setdefault(key, at)
        refs.setdefault(key, actor)
    top = _top(imposers, first)
    imposer = _as_government(refs[top]) if top is not None else None
    return Reading(imposer, _main_target(ctx, drafts, imposer))


def _main_target(
    ctx: DocContext, drafts: list[Draft], imposer: EntityRef | None
) -> EntityRef | None:
    """The country the article's measures are aimed at: the one their clauses name (two
    points each) and the article is most about (its salience), other than the imposer."""
    scores = _salience(ctx)
    named: set[str] = set()
    for draft in drafts:
        if draft.kind in IMPOSED_KINDS and draft.target is not None and not draft.counter:
            key = draft.target.key.split("/")[0]
            scores[key] += 2
            named.add(key)
    others = {k for k in scores if imposer is None or k != imposer.key.split("/")[0]}
    first = {m.ref.key.split("/")[0]: m.start for m in reversed(ctx.mentions)}
    for start, bloc in reversed(bloc_mentions(ctx)):
        first[bloc.key] = min(first.get(bloc.key, start), start)
    candidates = Counter(
        {
            k: v
            for k, v in scores.items()
            if (imposer is None or k != imposer.key.split("/")[0])
            and (k in named or v >= 2 or len(others) == 1)  # or the only other country
            and gazetteer.is_iso2(k)
        }
    )
    best = _top(candidates, {k: first.get(k, 10**9) for k in candidates})
    if best is None:
        return None
    info = gazetteer.by_iso2(best)
    return EntityRef(COUNTRY, info.iso2, info.name)


# --- filling each draft from its neighbours and the reading ----------------------------------
def _other_side(reading: Reading, side: EntityRef | None) -> EntityRef | None:
    """The reading's party that is not ``side``."""
    if side is None or not same_side(side, reading.imposer):
        return _as_government(reading.imposer)
    if reading.target is not None and not same_side(side, reading.target):
        return _as_government(reading.target)
    return None


def _fill_imposed(draft: Draft, reading: Reading, near: EntityRef | None) -> None:
    """A measure's missing imposer: the nearest earlier one, else the article's; its
    missing target: the article's (the other way round for a counter-measure)."""
    if (
        draft.actor_how == "compound"
        and draft.target is None
        and reading.imposer is not None
        and not same_side(draft.actor, reading.imposer)
    ):
        # "Mexico tariffs" in an article about U.S. measures: Mexico is the target
        draft.target, draft.actor = _as_country(draft.actor), None
    if (
        draft.actor_how == "poss-country"
        and not draft.counter
        and draft.target is None
        and reading.imposer is not None
        and not same_side(draft.actor, reading.imposer)
        and same_side(draft.actor, reading.target)
    ):
        # "Switzerland's 39% tariff" in an article about U.S. tariffs on Switzerland
        draft.target, draft.actor = _as_country(draft.actor), None
    if draft.counter and draft.actor is None and reading.target is not None:
        draft.actor = _as_government(reading.target)
    if draft.actor is None:
        candidate = near if near is not None else _as_government(reading.imposer)
        if candidate is not None and same_side(candidate, draft.target):
            candidate = _as_government(reading.target)
        if candidate is not None and not same_side(candidate, draft.target):
            draft.actor = candidate
    if draft.target is None and draft.actor is not None:
        other = reading.target if not same_side(reading.target, draft.actor) else None
        other = other or _as_country(_other_side(reading, draft.actor))
        draft.target = _as_country(other)


def _fill_parties(draft: Draft, reading: Reading) -> None:
    """An agreement that names one party or none is between the article's two sides (the
    imposer and target of its measures, else the two countries it is most about)."""
    if draft.actor is None and draft.target is None:
        draft.actor = _as_government(reading.imposer)
        draft.target = _as_government(reading.target) if draft.actor is not None else None
    elif draft.actor is None:
        draft.actor = _other_side(reading, draft.target)
    elif draft.target is None:
        draft.target = _other_side(reading, draft.actor)


def _fill_pledged(draft: Draft, reading: Reading, deals: list[Draft]) -> None:
    """An investment or purchase pledge with no side named is the target country's, to the
    imposer: what a government pledges in return for lower tariffs; or, in an article with
    no measures, to its partner in the deal ("under the deal, Korea pledged $350 billion")."""
    if draft.actor is None:
        side = reading.target if not same_side(reading.target, draft.target) else None
        draft.actor = _as_government(side)
    if draft.target is None and draft.actor is not None:
        draft.target = _other_side(reading, draft.actor)
    for deal in deals:
        if draft.target is None and draft.actor is not None:
            if same_side(deal.actor, draft.actor):
                draft.target = deal.target
            elif same_side(deal.target, draft.actor):
                draft.target = deal.actor


def fill_sides(ctx: DocContext, drafts: list[Draft], reading: Reading) -> None:
    """Give every draft the imposer and target its clause leaves out."""
    near: EntityRef | None = None
    near_sentence = -9
    for draft in sorted(drafts, key=lambda d: d.token.i):
        sentence = ctx.sentence_index(draft.token)
        if sentence - near_sentence > 1:
            near = None
        if draft.kind in IMPOSED_KINDS:
            _fill_imposed(draft, reading, None if draft.counter else near)
            if draft.actor_how and draft.actor is not None and not draft.counter:
                near, near_sentence = draft.actor, sentence
        elif draft.kind == "agreement":
            _fill_parties(draft, reading if reading.imposer else _two_sides(ctx))
    deals = [d for d in drafts if d.kind == "agreement" and d.actor and d.target]
    for draft in drafts:
        if draft.kind in PLEDGED_KINDS:
            _fill_pledged(draft, reading, deals)


# --- one draft per measure ---------------------------------------------------------------
_SPELLINGS = {"aluminium": "aluminum", "automobiles": "cars", "autos": "cars", "car": "cars"}
# Words that name no particular goods ("imports from Canada", "all Korean goods").
_FILLER = frozenset(
    {"and", "the", "of", "on", "from", "to", "into", "imported", "all", "most", "other"}
    | {"goods", "products", "imports", "exports", "items", "sales", "shipments", "trade"}
)


def _goods_words(goods: list[str]) -> set[str]:
    """The words that tell goods apart: no filler, no country names or demonyms."""
    words = {w.strip(",.()").lower() for g in goods for w in g.split()}
    return {
        _SPELLINGS.get(w, w)
        for w in words
        if w and w not in _FILLER and gazetteer.lookup(w.title()) is None and not _is_country(w)
    }


def _is_country(word: str) -> bool:
    return gazetteer.lookup(word.upper()) is not None or gazetteer.lookup(word) is not None


def _words(draft: Draft) -> set[str]:
    return _goods_words(draft.goods) | draft.name


def _goods_fit(a: Draft, b: Draft) -> bool:
    """Names and goods of one measure: what one mention says is part of what the other
    says ("steel and aluminum" within "imported steel and aluminium"; "the 25-percent
    tariff" within "the 25-percent tariff on cars"), never "reciprocal tariff" and
    "tariffs on cars"."""
    wa, wb = _words(a), _words(b)
    return wa <= wb or wb <= wa


def _pair(d: Draft) -> frozenset[str]:
    return frozenset(r.key.split("/")[0] for r in (d.actor, d.target) if r is not None)


def _same_measure(a: Draft, b: Draft) -> bool:
    """Two mentions of one tariff, sanction, quota or export control."""
    if not (same_side(a.actor, b.actor) or a.actor is b.actor is None):
        return False
    if not (same_side(a.target, b.target) or a.target is b.target is None):
        return False
    if "superseded" in (a.status, b.status):
        return a.status == b.status and a.rate == b.rate
    if a.rate is not None and b.rate is not None:
        return a.rate == b.rate and _goods_fit(a, b)
    if a.rate is not None or b.rate is not None:
        # a mention without a rate is the rated measure only if it names a part of it
        # ("tariffs on steel" of "50% duties on steel and aluminum"), not more
        rated, plain = (a, b) if a.rate is not None else (b, a)
        return _words(plain) <= _words(rated)
    return _goods_fit(a, b)


def same(a: Draft, b: Draft) -> bool:
    """Whether two drafts are mentions of one policy."""
    if a.kind != b.kind:
        return False
    if a.kind == "pause":
        return a.about == b.about or _pair(a) == _pair(b)
    if a.kind == "request":
        return same_side(a.actor, b.actor) or a.actor is b.actor is None
    if a.kind in MEASURE_KINDS:
        return _same_measure(a, b)
    if a.kind in PARTY_KINDS or a.kind == "exemption":
        return _pair(a) == _pair(b) and bool(_pair(a)) and _goods_fit(a, b)
    if a.kind in PLEDGED_KINDS:
        same_amount = a.amount is None or b.amount is None or a.amount == b.amount
        return _pair(a) == _pair(b) and same_amount and _goods_fit(a, b)
    return a.label == b.label and a.target == b.target


_STATUS_RANK = ("in force", "signed", "reached", "planned", "expected", "proposed")


def absorb(twin: Draft, draft: Draft) -> None:
    """Fold another mention of the same policy into the first one."""
    twin.goods = twin.goods + [g for g in draft.goods if g not in twin.goods]
    if twin.rate is None and draft.rate is not None:
        twin.rate, twin.unit, twin.replaces = draft.rate, draft.unit, draft.replaces
    if twin.amount is None:
        twin.amount, twin.currency = draft.amount, draft.currency
    twin.start = _better(twin.start, draft.start)
    twin.end = _better(twin.end, draft.end)
    twin.actor = twin.actor or draft.actor
    twin.target = twin.target or draft.target
    if twin.kind in PARTY_KINDS and _rank(draft.status) < _rank(twin.status):
        twin.status = draft.status


def _rank(status: str) -> int:
    return _STATUS_RANK.index(status) if status in _STATUS_RANK else len(_STATUS_RANK)


def _better(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """Of two readings of the same date, the more precise one."""
    order = {"day": 0, "month": 1, "range": 2, "year": 3}
    if a is None or b is None:
        return a or b
    return a if order[a.precision] <= order[b.precision] else b


def merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per policy, in text order; a later mention fills what the first lacks."""
    merged: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: d.token.i):
        twin = next((m for m in merged if same(m, draft)), None)
        if twin is None:
            merged.append(draft)
        else:
            absorb(twin, draft)
            for other in merged:  # a change now points at the mention kept
                if other.replaces is draft:
                    other.replaces = twin
    return merged


def informative(draft: Draft) -> bool:
    """A policy worth a node: a measure someone imposes, an agreement or ceasefire between
    two parties, a pledge someone makes."""
    if draft.kind in IMPOSED_KINDS:
        return draft.actor is not None or draft.target is not None
    if draft.kind in PARTY_KINDS or draft.kind in PLEDGED_KINDS or draft.kind == "pledge":
        return draft.actor is not None and draft.target is not None
    return True
