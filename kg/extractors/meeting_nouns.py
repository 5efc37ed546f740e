"""Meetings named by a noun phrase: "the fourth round of tariff talks", "the G7 summit",
"a phone call with X", "the meeting" referring back.

Each noun shape (``NOUN_SHAPES``) says where an event phrase ends and what kind of event it
names; ``noun_draft`` then reads its parties, place, date and status from the phrase and
its clause. Generic mentions ("in talks", "the negotiations so far") are no draft: an event
needs something that makes it one occasion - an ordinal, a date, a place, named parties, a
proper-noun name, an event verb (hold, attend, schedule), "between X and Y", or a trip made
for it. A definite mention with nothing of its own ("the meeting") is a draft marked as an
anaphor, for the grouping to join to the event it refers to. Dates and places right after an
event phrase attach to it, not to the clause's verb.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from kg import gazetteer
from kg.dates import FUTURE, PAST
from kg.extractors.context import clean_text, entity_span
from kg.extractors.meeting_events import (
    Draft,
)
from kg.extractors.meeting_parties import clause_subjects, np_tokens
from kg.extractors.meeting_reading import (
    Reader,
    governing_verbs,
    homes,
    host_of,
    ordinal_of,
    pobjs,
    status_cues,
)
from kg.extractors.patterns.meetings import (
    AFTER_PREPS,
    AGENT_VERBS,
    ANAPHOR_DETS,
    AUDIENCE_VERBS,
    BEFORE_PREPS,
    BESIDE_PREPS,
    CALL_NOUNS,
    CALL_VERBS_HELD,
    CLAUSE_DEPS,
    CONTAINER_NOUNS,
    CONTEXT_PREPS,
    DISTINCT_MODIFIERS,
    EVENT_SUBJECT_VERBS,
    EVENT_VERBS,
    GROUP_PARTY_NOUNS,
    INTENT_STATUS,
    LABEL_DEPS,
    MEETING_NOUNS,
    NOT_CALL_PREPS,
    NOT_EVENT_MODIFIERS,
    PARTICIPATION_NOUNS,
    PARTY_PREPS,
    PHONE_NOUNS,
    PHONE_WORDS,
    PLURAL_ONLY_NOUNS,
    RELATIVE_PARTY_VERBS,
    RELATIVE_WORDS,
    REMOTE_TALK_NOUNS,
    REMOTE_WORDS,
    RUN_VERBS,
    SPAN_NOUNS,
    START_VERBS,
    TELL_VERBS,
    WHEN_VERBS,
)
from kg.facts import (
    CANCELLED,
    COUNTRY,
    EXPECTED,
    GOVERNMENT,
    PERSON,
    PLACE,
    PLANNED,
    PROPOSED,
    DateValue,
    EntityRef,
    Meeting,
    MeetingStatus,
)

# --- noun triggers -------------------------------------------------------------------------
Phrase = tuple[int, str]  # where an event phrase ends, and the kind of event it names


def phone_call(noun: Token) -> Phrase | None:
    """'a phone call', 'a call by telephone', 'a call with X', 'we had a call', 'during the
    call' (not 'a call for a ceasefire' or 'calls to end the war')."""
    if noun.lower_ not in CALL_NOUNS:
        return None
    preps = {c.lower_ for c in noun.children if c.dep_ == "prep"}
    if noun.head.lemma_ == "phone" or any(c.lower_ in PHONE_NOUNS for c in noun.children):
        return noun.i + 1, "call"
    if preps & NOT_CALL_PREPS or any(_infinitive(c) for c in noun.children):
        return None  # "a call for calm", "calls to end the war"
    held = noun.dep_ == "dobj" and noun.head.lemma_ in CALL_VERBS_HELD
    if "with" in preps or held or _is_definite(noun):
        return noun.i + 1, "call"
    return None


def _infinitive(clause: Token) -> bool:
    """'(calls) to end the war': a clause that says what is called for."""
    return clause.dep_ in ("acl", "relcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def remote_talk(noun: Token) -> Phrase | None:
    """'a virtual chat with leaders', 'a video conference': a call."""
    if noun.lower_ not in REMOTE_TALK_NOUNS:
        return None
    if any(c.lower_ in PHONE_WORDS | REMOTE_WORDS for c in noun.lefts):
        return noun.i + 1, "call"
    return None


def round_of_talks(noun: Token) -> Phrase | None:
    """'the fourth round of tariff talks': the round is the event, up to its talks."""
    if noun.lower_ not in ("round", "rounds"):
        return None
    of_phrase = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if not of_phrase:
        return None
    talks = [c for c in of_phrase[0].children if c.dep_ == "pobj"]
    if not talks or talks[0].lower_ not in MEETING_NOUNS:
        return None
    return talks[0].i + 1, "talks"


def event_noun(noun: Token) -> Phrase | None:
    """'talks', 'the summit', 'a visit' (not a call or a round, which have their own shapes)."""
    if noun.lower_ in ("round", "rounds") or noun.lower_ in CALL_NOUNS:
        return None
    return noun.i + 1, MEETING_NOUNS[noun.lower_]


NounShape = Callable[[Token], "Phrase | None"]
NOUN_SHAPES: tuple[NounShape, ...] = (phone_call, remote_talk, round_of_talks, event_noun)


def _stands_for_an_event(noun: Token) -> bool:
    """Not a modifier ('Conference President X', 'summit venue'), not inside an organisation's
    name ('the UN Conference on Trade and Development'), not an audience ('told a banking
    conference')."""
    if noun.dep_ == "compound":
        return False
    if (
        noun.ent_type_ == "ORG"
        and noun.i + 1 < len(noun.doc)
        and noun.doc[noun.i + 1].ent_iob_ == "I"
    ):
        return False
    return not (noun.dep_ in ("dobj", "dative") and noun.head.lemma_ in AUDIENCE_VERBS)


def _noun_phrase(noun: Token) -> Phrase | None:
    """Where the event phrase a noun heads ends and its kind, by the first shape that takes
    the noun."""
    if noun.lower_ not in MEETING_NOUNS or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    # "round of tariff talks": the round is the event, the talks name it
    if noun.dep_ == "pobj" and noun.head.head.lower_ in CONTAINER_NOUNS:
        return None
    if any(c.lower_ in NOT_EVENT_MODIFIERS for c in noun.lefts):
        return None  # "a press conference", "a parliamentary session"
    if not _stands_for_an_event(noun):
        return None
    for shape in NOUN_SHAPES:
        found = shape(noun)
        if found is not None:
            return found
    return None


def _label_start(noun: Token) -> int:
    """The first word of the event's label: its modifiers, without determiners."""
    doc = noun.doc
    start = noun.i
    for child in noun.lefts:
        if child.dep_ not in LABEL_DEPS or child.lower_ in ("the", "a", "an"):
            continue  # determiners, possessors, and clauses the parser hung here
        start = min(start, child.left_edge.i)
    while start < noun.i and (doc[start].dep_ in ("det", "poss") or doc[start].is_punct):
        start += 1
    # "the Group of 20 summit", parsed as "Group of (20 summit)": the name starts at "Group"
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.i == start - 1:
        named = of.head
        if named.i == of.i - 1 and named.text[:1].isupper():
            start = min(c.i for c in named.subtree if c.i <= named.i and c.dep_ != "det")
    return start


def _between_count(noun: Token) -> int:
    """How many parties 'between' names: 'talks between X and Y' is 2."""
    return sum(
        1 + len(c.conjuncts)
        for prep in noun.rights
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for c in prep.children
        if c.dep_ == "pobj"
    )


def _governing_parties(noun: Token, verbs: list[Token], named: list[Token]) -> list[Token]:
    """Who acts on the event in its clause: 'X held talks', 'X sought a meeting with Y' (when
    the other side is named), 'the summit was hosted by X'."""
    slot = event_slot(noun)
    if slot.dep_ not in ("dobj", "nsubjpass") or not verbs or slot.head != verbs[0]:
        return []
    verb = verbs[0]
    if not (
        verb.lemma_ in EVENT_VERBS
        or verb.lemma_ in RUN_VERBS
        or (verb.lemma_ in AGENT_VERBS and named)
    ):
        return []
    tokens = [t for t in clause_subjects(verb) if t.i != noun.i]
    return tokens + pobjs(verb, {"with", "by"})


def _context_parties(noun: Token) -> list[Token]:
    """'said during a meeting with X', 'left after talks with X', 'spent an hour with X in a
    meeting': the clause's subject, and its 'with' party, take part ('was not at the meeting'
    says the opposite)."""
    noun = event_slot(noun)  # "after two days of talks"
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in CONTEXT_PREPS or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.pos_ in ("PROPN", "NOUN") and verb.ent_type_ == "PERSON":
        return [verb]  # "Chirac, in a visit this week with Reagan, ..."
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in verb.children):
        return []
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    told = told if verb.lemma_ in TELL_VERBS else []  # "told Y in a phone call that ..."
    return clause_subjects(verb) + pobjs(verb, {"with"}) + told


def _for_purpose(noun: Token) -> bool:
    """'came to Algiers for talks', 'is expected on Friday for talks': what a clause is for."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ in ("VERB", "AUX")


def _purpose_parties(noun: Token, named: list[Token]) -> list[Token]:
    """'X is expected here on Friday for talks with Y', 'X called for talks with Y': whoever
    the clause is about seeks the talks, when the other side is named."""
    if not named or not _for_purpose(noun):
        return []
    return clause_subjects(noun.head.head)


def _relative_parties(noun: Token) -> list[Token]:
    """'a meeting where they spoke', 'summits that Trump will attend', 'a meeting where X
    would join them', 'the gathering, hosted by X'."""
    tokens: list[Token] = []
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        tokens.extend(
            c
            for c in clause.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in RELATIVE_WORDS
        )
        if clause.lemma_ in RELATIVE_PARTY_VERBS:
            tokens.extend(c for c in clause.children if c.dep_ == "dobj")
        if clause.lemma_ in EVENT_VERBS:  # "the gathering, hosted by X"
            tokens.extend(pobjs(clause, {"by"}))
    return tokens


def _intent(noun: Token) -> MeetingStatus | None:
    """'plans for a meeting' (planned), 'a proposal for talks' (proposed)."""
    owner = noun.head.head if noun.dep_ == "pobj" else None
    return INTENT_STATUS.get(owner.lower_) if owner is not None else None


def _participation_owner(noun: Token) -> list[Token]:
    """'his plans for a meeting with X', 'on his way to the summit': the possessor."""
    owner = noun.head.head if noun.dep_ == "pobj" else None
    if owner is None or owner.lower_ not in PARTICIPATION_NOUNS:
        return []
    return [c for c in owner.children if c.dep_ == "poss"]


def _included(noun: Token, tokens: list[Token]) -> list[Token]:
    """'co-chaired the summit with X, who convened leaders including A, B and C': the people
    a party or a group of leaders in the event's sentence includes."""
    phrase = {t.i for token in tokens for t in np_tokens(token)}
    return [
        obj
        for word in noun.sent
        if word.lower_ == "including"
        and (word.head.i in phrase or word.head.lower_ in GROUP_PARTY_NOUNS)
        for obj in word.children
        if obj.dep_ == "pobj"
    ]


def _noun_party_tokens(reader: Reader, noun: Token, verbs: list[Token]) -> list[Token]:
    """Tokens naming the parties of an event noun: 'talks with X', 'Merz's visit', 'his
    meeting', the subject of 'X held talks', the traveller of 'flew to Y for talks with X',
    and the other shapes above."""
    tokens = pobjs(noun, PARTY_PREPS) + _relative_parties(noun)
    if _took_place(noun, verbs):  # "talks will continue between X and Y"
        tokens.extend(pobjs(verbs[0], {"between", "with", "among"}))
    named = list(tokens)
    # "Merz's visit", "his meeting with Xi": the possessor takes part ("their" is left to
    # the clause: "the two governments might hold their fifth round")
    tokens.extend(
        c
        for c in noun.lefts
        if c.dep_ == "poss" and (c.pos_ != "PRON" or c.lower_ in ("his", "her"))
    )
    tokens.extend(_governing_parties(noun, verbs, named))
    trip = reader.trip_verb(noun)
    if trip is not None:  # "Macron flew to Berlin for talks with Merz"
        tokens.extend(clause_subjects(trip))
    tokens.extend(_context_parties(noun))
    tokens.extend(_purpose_parties(noun, named))
    tokens.extend(_participation_owner(noun))
    return tokens + _included(noun, tokens)


def _phrase(noun: Token) -> list[Token]:
    """The event phrase without its clauses ('talks in Geneva', not the 'fighting in Gaza' of
    'talks on the deal that halted fighting in Gaza')."""
    out, stack = [], [noun]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ not in CLAUSE_DEPS)
    return out


def _noun_places(reader: Reader, noun: Token, places: list[EntityRef]) -> list[EntityRef]:
    """Places inside the event phrase ('talks in Geneva'), a visit's destination first."""
    ctx = reader.ctx
    for child in _phrase(noun):
        mention = ctx.mention_at(child)
        if (
            child.dep_ == "pobj"
            and child.head.lower_ in ("in", "at")
            and mention
            and mention.ref.kind in (PLACE, COUNTRY)
            and mention.ref not in places
        ):
            places.append(mention.ref)
    if noun.lower_ == "visit":  # "the visit to Beijing": the place visited
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for obj in prep.children:
                    mention = ctx.mention_at(obj)
                    if (
                        mention
                        and mention.ref.kind in (PLACE, COUNTRY)
                        and mention.ref not in places
                    ):
                        places.insert(0, mention.ref)
    return places


def event_slot(noun: Token) -> Token:
    """The word that stands in the clause for the event: 'held two days of talks' has the
    talks where 'days' is."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in SPAN_NOUNS:
        return noun.head.head
    return noun


def _event_verb(noun: Token, verbs: list[Token]) -> bool:
    """'hold talks', 'the summit was cancelled': a verb that makes the noun one occasion."""
    slot = event_slot(noun)
    return bool(verbs) and verbs[0].lemma_ in EVENT_VERBS and slot.dep_ in ("dobj", "nsubjpass")


def _took_place(noun: Token, verbs: list[Token]) -> bool:
    """'talks between ... resumed in Tokyo on Monday'."""
    slot = event_slot(noun)
    return (
        bool(verbs)
        and slot.dep_ == "nsubj"
        and slot.head == verbs[0]
        and verbs[0].lemma_ in EVENT_SUBJECT_VERBS
    )


def _verb_places(reader: Reader, noun: Token, verbs: list[Token], places: list[EntityRef]) -> None:
    """The place of the trip made for the event, or of the verb that holds it."""
    trip = reader.trip_verb(noun)
    if trip is not None and not places:
        held_at = reader.verb_place(trip, ("in", "at", "to"))
        if held_at is not None:
            places.append(held_at)
    if (_event_verb(noun, verbs) or _took_place(noun, verbs)) and not places:
        held_at = reader.verb_place(verbs[0])  # "hold a summit ... in Beijing"
        if held_at is not None:
            places.append(held_at)


def _is_specific(
    reader: Reader,
    noun: Token,
    verbs: list[Token],
    participants: list[EntityRef],
    places: list[EntityRef],
    dates: list[Span],
) -> bool:
    """Something makes the event one occasion: an ordinal, a place, a name, an event verb,
    named parties, 'between X and Y', a trip made for it, a date."""
    doc = noun.doc
    ordinal = ordinal_of(noun)
    start = _label_start(noun)
    determiner = [c.lower_ for c in noun.lefts if c.dep_ in ("det", "poss")]
    plural_generic = noun.tag_ in ("NNS", "NNPS") and not determiner and ordinal is None
    return (
        ordinal is not None
        or bool(places)
        or any(t.pos_ == "PROPN" and t.i < noun.i for t in doc[start : noun.i])
        or _event_verb(noun, verbs)
        or (bool(participants) and not plural_generic)
        or (_between_count(noun) >= 2 and len(participants) >= 2)  # "talks between X and Y"
        or (_for_purpose(noun) and len(participants) >= 2)  # "flew to X for talks with Y"
        or any(reader.ctx.date_of(s) is not None for s in dates)
    )


def _is_before(noun: Token) -> bool:
    """'ahead of the summit', 'before the talks': the event comes after the clause's time."""
    return (noun.head.dep_ == "pobj" and noun.head.head.lower_ in BEFORE_PREPS) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in BEFORE_PREPS
    )


def _in_context(noun: Token) -> bool:
    """'during a meeting with X', 'following talks with X': an event the clause is set in."""
    slot = event_slot(noun)
    return slot.dep_ == "pobj" and slot.head.lower_ in CONTEXT_PREPS


def _is_after(noun: Token) -> bool:
    """'left on Wednesday after a meeting with X': the clause's time is not the event's."""
    slot = event_slot(noun)
    return slot.dep_ == "pobj" and slot.head.lower_ in AFTER_PREPS


def _beside(noun: Token) -> int | None:
    """'on the sidelines of the G7 summit': the trigger of the event this one is beside."""
    part_of = None
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in BESIDE_PREPS:
            for obj in prep.subtree:
                if obj.lower_ in MEETING_NOUNS and obj.i != noun.i:
                    part_of = obj.i
    return part_of


def verb_beside(verb: Token) -> int | None:
    """'met Y on the sidelines of the G20 summit', 'met at the summit': that event."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "at", "during"):
            continue
        for obj in prep.subtree:
            if obj.lower_ in MEETING_NOUNS and obj.pos_ in ("NOUN", "PROPN"):
                return obj.i
    return None


def _when_participle(noun: Token, end: int) -> Token | None:
    """'the summit starting Sunday', 'the meeting, held Tuesday' (the parser often hangs the
    participle from the clause's verb; it follows the phrase all the same)."""
    doc = noun.doc
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.lemma_ in WHEN_VERBS:
            return clause
    for after in (end, noun.right_edge.i + 1):  # "the summit in Tianjin starting Sunday"
        i = after + (1 if after < len(doc) and doc[after].text == "," else 0)
        if i < len(doc) and doc[i].tag_ in ("VBG", "VBN") and doc[i].lemma_ in WHEN_VERBS:
            return doc[i]
    return None


def _participle_date(reader: Reader, noun: Token, end: int) -> DateValue | None:
    """The date a participle after the event gives: 'starting Sunday' is the next Sunday;
    'held Tuesday and Wednesday' is the two days."""
    clause = _when_participle(noun, end)
    spans = reader.verb_dates(clause) if clause is not None else []
    if clause is None or not spans:
        return None
    roots = {c.i for s in spans for c in s.root.conjuncts}  # "Tuesday and Wednesday"
    spans += [e for e in reader.ctx.ents if e.label_ == "DATE" and e.root.i in roots]
    ahead = clause.tag_ == "VBG" and clause.lemma_ in START_VERBS
    tense = FUTURE if ahead else reader.ctx.tense_of(clause)
    days = [d for s in spans if (d := reader.ctx.date_of(s, tense)) is not None]
    if len(days) < 2:
        return days[0] if days else None
    first, last = min(d.earliest for d in days), max(d.latest for d in days)
    text = " ".join(d.text for d in days)
    return DateValue(text, f"{first.isoformat()}/{last.isoformat()}", "range", first, last)


def _is_definite(noun: Token) -> bool:
    """'the meeting', 'those talks', 'his visit': a mention that may refer back (not 'the
    rounds of talks so far', which are several)."""
    if noun.tag_ in ("NNS", "NNPS") and noun.lower_ not in PLURAL_ONLY_NOUNS:
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ANAPHOR_DETS) or (c.dep_ == "poss" and c.pos_ == "PRON")
        for c in noun.lefts
    )


def _is_distinct(noun: Token) -> bool:
    """'a separate meeting', 'more talks', 'a second summit', 'several summits': another
    occasion (or several) than the ones before."""
    ordinal = ordinal_of(noun)
    several = noun.tag_ in ("NNS", "NNPS") and noun.lower_ not in PLURAL_ONLY_NOUNS
    return (
        several
        or (ordinal is not None and ordinal > 1)
        or any(c.lower_ in DISTINCT_MODIFIERS for c in noun.lefts)
    )


def _is_named(noun: Token, start: int) -> bool:
    """A proper noun or a capitalised word in the phrase ('the G7 summit', 'the G-20
    summit'), or an ordinal round ('the fourth round of talks'), names one occasion ('their
    first meeting' alone does not)."""
    round_ = noun.lower_ in ("round", "rounds") and ordinal_of(noun) is not None
    return round_ or any(
        t.pos_ == "PROPN" or (t.text[:1].isupper() and t.i > t.sent.start)
        for t in noun.doc[start : noun.i]
    )


def _name_place(reader: Reader, noun: Token, start: int) -> str | None:
    """The place an event is named by: 'the Geneva talks', 'the Downing Street meeting'."""
    for token in noun.doc[start : noun.i]:
        mention = reader.ctx.mention_at(token)
        if mention is not None and (
            mention.ref.kind == PLACE or mention.how in ("capital", "seat")
        ):
            return clean_text(noun.doc[mention.start : mention.end].text)
        if mention is None and _place_like(token):
            return token.text
    return None


def _place_like(token: Token) -> bool:
    """A proper noun that may name a place ('Downing Street'), not a group's acronym ('G7',
    'NATO') or a person's or an organisation's name."""
    word = token.text
    if word.isupper() or any(ch.isdigit() for ch in word) or not word[:1].isupper():
        return False
    return token.ent_type_ in ("GPE", "LOC", "FAC") or (
        token.pos_ == "PROPN" and token.ent_type_ == ""
    )


def _own_status(noun: Token, verbs: list[Token], status: MeetingStatus) -> bool:
    """Whether a definite mention's clause tells its event's status: 'the meeting was called
    off', 'the talks will resume' (not 'ahead of the meeting, they might ...')."""
    if status == CANCELLED:
        return True
    return bool(verbs) and noun.head == verbs[0] and noun.dep_ in ("nsubj", "nsubjpass")


def _has_group(reader: Reader, tokens: list[Token]) -> bool:
    """A party no name stands for: 'with European leaders', 'his counterparts' (not
    'Canadian officials', who are Canada's government)."""
    return any(t.lower_ in GROUP_PARTY_NOUNS and not reader.party_refs(t) for t in tokens)


def _label(noun: Token, start: int, end: int) -> str:
    """The phrase as written, without brackets the phrase does not close."""
    text = clean_text(noun.doc[start:end].text)
    if text.count("(") != text.count(")"):
        text = clean_text(text.replace("(", " ").replace(")", " "))
    return text


def _noun_dates(reader: Reader, noun: Token, end: int) -> tuple[list[Span], list[EntityRef]]:
    """Dates and places right after the event phrase, claimed for it."""
    dates, places, _ = reader.trailing_modifiers(end)
    if not dates and _in_context(noun) and noun.right_edge.i + 1 > end:
        # "following a chat with European leaders yesterday, he said": not the clause's date
        dates = reader.trailing_modifiers(noun.right_edge.i + 1)[0]
    if not dates:  # "Saturday's talks", "the Tuesday meeting"
        dates = [
            span
            for child in noun.lefts
            if child.dep_ in ("poss", "compound", "npadvmod") and child.ent_type_ == "DATE"
            if (span := entity_span(child)) is not None
        ]
    reader.claimed_dates.update(span.start for span in dates)
    return dates, _noun_places(reader, noun, places)


def _label_parties(reader: Reader, noun: Token) -> list[EntityRef]:
    """'U.S.-China talks', 'the Trump-Putin summit': two sides or more named in the label."""
    refs: list[EntityRef] = []
    for token in noun.doc[_label_start(noun) : noun.i]:
        found = reader.ctx.entity_at(token)
        for ref in [found] if found is not None else _hyphened_countries(token):
            if ref.kind in (PERSON, COUNTRY, GOVERNMENT):
                ref = ref if ref.kind != COUNTRY else EntityRef(GOVERNMENT, ref.key, ref.label)
                refs.extend([ref] if ref not in refs else [])
    return refs if len(refs) >= 2 else []


def _hyphened_countries(token: Token) -> list[EntityRef]:
    """'U.S.-China', kept as one token by the tokenizer: the countries it joins."""
    if "-" not in token.text:
        return []
    found = [gazetteer.lookup(part) for part in token.text.split("-")]
    return [
        EntityRef(GOVERNMENT, hit[0].iso2, hit[0].name)
        for hit in found
        if hit is not None and hit[1] in ("name", "alias", "demonym") and not hit[0].parent
    ]


def _noun_parties(
    reader: Reader, noun: Token, verbs: list[Token]
) -> tuple[list[EntityRef], list[Token]]:
    """The parties of an event noun and the tokens they were read from."""
    party_tokens = _noun_party_tokens(reader, noun, verbs)
    participants = reader.participants(party_tokens)
    participants += [p for p in _label_parties(reader, noun) if p not in participants]
    for token in party_tokens:
        for group_ref in reader.group_participants(token):
            if group_ref not in participants:
                participants.append(group_ref)
    return participants, party_tokens


def _noun_time(
    reader: Reader, noun: Token, end: int, verbs: list[Token], dates: list[Span], specific: bool
) -> tuple[DateValue | None, MeetingStatus, int]:
    """Date, status and how sure the status is, for an event noun."""
    before = _is_before(noun)
    tense = FUTURE if before else (reader.ctx.tense_of(verbs[0]) if verbs else None)
    if _is_after(noun) and tense is None:
        tense = PAST  # "told reporters following his meeting with X"
    if status_cues(verbs[:3], noun) in (PLANNED, EXPECTED, PROPOSED):
        tense = FUTURE  # "a summit is expected in June": the June to come
    when = reader.date_from(dates, tense) or _participle_date(reader, noun, end)
    if when is None and not before and specific and not _is_after(noun):
        when = reader.date_from(reader.clause_dates(verbs[:2]), tense)
    status, weight = reader.status(verbs, noun, when, tense, before)
    intent = _intent(noun)
    if intent is not None:  # "his plans for a meeting with X": planned, whenever he said so
        status, weight, when = intent, 3, reader.date_from(dates, FUTURE)
    if not specific and weight != 2 and not _own_status(noun, verbs, status):
        # "ahead of the meeting, they might ...": the clause is not the meeting's (a date of
        # its own, "the visit next week", still is)
        weight = 0
    return when, status, weight


def noun_draft(reader: Reader, noun: Token) -> Draft | None:
    """An event named by a noun phrase: one occasion, or a definite mention of one named
    before ('the meeting')."""
    phrase = _noun_phrase(noun)
    if phrase is None:
        return None
    end, kind = phrase
    dates, places = _noun_dates(reader, noun, end)
    verbs = governing_verbs(noun)
    if reader.inside_event(noun):
        verbs = []  # "the sidelines of the G7 summit": the outer clause is not its own
    participants, party_tokens = _noun_parties(reader, noun, verbs)
    _verb_places(reader, noun, verbs, places)
    specific = _is_specific(reader, noun, verbs, participants, places, dates)
    if not specific and (_is_distinct(noun) or not _is_definite(noun)):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.lefts):
        return None  # "no OPEC meeting was foreseen", "there were no plans for talks"
    when, status, weight = _noun_time(reader, noun, end, verbs, dates, specific)
    host = host_of(places[0]) if places else None
    guest = kind == "visit" and host is not None and host not in participants
    start = _label_start(noun)
    meeting = Meeting(
        label=_label(noun, start, end),
        kind=kind,
        participants=tuple([*participants, *([host] if guest and host else [])]),
        place=places[0] if places else None,
        when=when,
        status=status,
        ordinal=ordinal_of(noun),
        part_of=None,
        evidence=reader.ctx.evidence(noun.doc[start], noun.doc[end - 1]),
    )
    slot = event_slot(noun)
    beside = _beside(noun)
    if beside is None and verbs and slot.head == verbs[0] and slot.dep_ in ("dobj", "nsubjpass"):
        beside = verb_beside(verbs[0])  # "On the sidelines of the summit, X held talks"
    return Draft(
        noun.i,
        meeting,
        beside,
        sentence=reader.ctx.sentence_index(noun),
        anaphoric=not specific,
        definite=_is_definite(noun),
        distinct=_is_distinct(noun),
        named=_is_named(noun, start),
        name_place=_name_place(reader, noun, start),
        weight=weight,
        homes=homes(reader, participants),
        host=host,
        group=_has_group(reader, party_tokens),
        plural=reader.unresolved_plural(party_tokens),
    )
