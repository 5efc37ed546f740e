"""Per-article analysis every extractor shares: who and where each mention refers to.

Built once per Doc (``DocContext.read(doc, article)``) so extractors do not each re-resolve
names. It decides, for every token that belongs to a mention:
- persons: PERSON entities, their surnames elsewhere (also where the tagger called them
  ORG or GPE, as it does for "Ishiba"), with the longest form as the canonical name;
- countries from the shipped gazetteer (names, aliases, demonyms, capitals, seats of
  government), each read in one sense: the COUNTRY, its GOVERNMENT ("Washington said",
  "the Trump administration", "the Kremlin") or, for a capital, the city as a PLACE
  ("talks in Washington");
- other places tagged GPE/LOC/FAC.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from kg import gazetteer
from kg.dates import FUTURE, PAST, normalise_date
from kg.extractors.patterns.names import (
    COURTESY_TITLES,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
)
from kg.extractors.patterns.titles import TITLE_HEADS
from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    PERSON,
    PLACE,
    DateValue,
    EntityRef,
    Evidence,
)
from kg.facts import (
    Span as TextSpan,
)
from kg.ingest import Article

if TYPE_CHECKING:
    from collections.abc import Callable

    from kg.extractors.titles import TitleMention

AGENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "csubj"})
PARTY_HEADS = frozenset(
    {
        "talks",
        "negotiations",
        "agreement",
        "agreements",
        "deal",
        "deals",
        "accord",
        "pact",
        "treaty",
        "dispute",
        "relations",
        "ties",
        "summit",
        "meeting",
        "dialogue",
        "war",
    }
)
# capitals with their accents ("HÀ NỘI —"); the match is kept only where it is all capitals
_CAPS = "A-ZÀ-ÖØ-Þ\u0100-\u024f\u1e00-\u1eff"
_DATELINE = re.compile(
    rf"^\s*([{_CAPS}][{_CAPS}.'\- ]{{1,40}}?)\s*(?:,[^:\n\-–—(]{{0,40}})?(?:\([^)]*\))?\s*[:\-–—]"
)
_BAD_PERSON = re.compile(r"[0-9@#/\\]|^[^A-Za-z]")


@dataclass(frozen=True)
class EntityMention:
    """Tokens ``start:end`` of the doc refer to ``ref``; ``how`` says how it was recognised."""

    start: int
    end: int
    ref: EntityRef
    how: str  # person | surname | name | alias | demonym | capital | seat | administration | ner


def clean_text(span_text: str) -> str:
    """Collapse runs of white space (names broken over lines in wire copy)."""
    return " ".join(span_text.split())


def person_name(span: Span) -> str:
    """A name as written, without the sentence's full stop the tokenizer left on its last
    word ("Prime Minister Hun Sen." at the end of a sentence); initials keep theirs."""
    name = clean_text(span.text)
    last = span[-1].text
    if last.endswith(".") and len(last) > 3 and last not in ("Jr.", "Sr."):
        name = name[:-1]
    return name


@lru_cache(maxsize=8)
def _gazetteer_matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher over every gazetteer surface form, built once per vocab."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    surfaces: set[str] = set()
    for country in gazetteer.countries() + gazetteer.regions():
        for form in (
            country.name,
            *country.aliases,
            *country.demonyms,
            *country.capitals,
            *country.seats,
        ):
            form = form[4:] if form.startswith("the ") else form
            if form:
                surfaces.add(form)
    tokenizer = _tokenizer_for(vocab)
    for form in sorted(surfaces):
        matcher.add(form, [tokenizer(form)])
    return matcher


def _tokenizer_for(vocab: Vocab) -> Callable[[str], Doc]:
    from spacy.lang.en import English

    nlp = English(vocab=vocab)
    return nlp.make_doc


@lru_cache(maxsize=8)
def _title_head_matcher(vocab: Vocab) -> PhraseMatcher:
    """One PhraseMatcher over every title head, singular and plural ("presidents"), built
    once per vocab. A head is matched word by word as the table writes it."""
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for key in TITLE_HEADS:
        forms = [key] if key.endswith("s") else [key, key + "s"]
        matcher.add(key, [Doc(vocab, words=form.split()) for form in forms])
    return matcher


def title_heads(doc: Doc) -> dict[int, str]:
    """Token index -> the TITLE_HEADS key of the longest title ending at that token
    ("prime minister" at "Minister", "president" at "Presidents")."""
    matcher = _title_head_matcher(doc.vocab)
    found: dict[int, tuple[int, str]] = {}
    for match_id, start, end in matcher(doc):
        last = end - 1
        if last not in found or end - start > found[last][0]:
            found[last] = (end - start, doc.vocab.strings[match_id])
    return {last: key for last, (_, key) in found.items()}


def is_title_word(word: str) -> bool:
    """A one-word title head, singular or plural ("president", "presidents")."""
    return word in TITLE_HEADS or (word.endswith("s") and word[:-1] in TITLE_HEADS)


class DocContext:
    """Mentions, persons and dates of one parsed article."""

    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text re-joins every token on each access
        # iterating a Doc makes a new Token object per token on every pass; the extractors
        # walk the whole doc a dozen times, so they share one list
        self.tokens: list[Token] = list(doc)
        # Doc.ents builds its spans anew on every access: read once (quadratic otherwise)
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts = [ent.start for ent in self.ents]  # sorted, and so are the ends:
        self._ent_ends = [ent.end for ent in self.ents]  # entities never overlap
        self.article = article
        self.anchor: dt.date | None = article.published
        self.mentions: list[EntityMention] = []
        self.by_token: dict[int, EntityMention] = {}
        self.person_aliases: dict[str, set[str]] = {}
        self.person_country_hint: dict[str, str] = {}
        # "the Obama administration": token span of the phrase -> the person who heads it
        self.administrations: dict[tuple[int, int], str] = {}
        self.dateline_country: str | None = None
        # filled by DocContext.read (kg.extractors.titles.find_titles)
        self._titles: list[TitleMention] = []
        self._title_person: dict[int, str] | None = None
        # token index -> the title head ending there (see title_heads)
        self.title_heads: dict[int, str] = title_heads(doc)
        self._index_sentences()
        self._find_persons()
        self._find_countries()
        self._find_other_places()
        self._find_person_surnames()
        self._find_dateline()
        self.mentions.sort(key=lambda m: m.start)

    @classmethod
    def read(cls, doc: Doc, article: Article) -> DocContext:
        """The complete reading of one article: its mentions, persons and places, then the
        titles and whom they belong to. Extractors only read what this returns."""
        from kg.extractors.titles import find_titles  # titles reads the mentions built here

        ctx = cls(doc, article)
        ctx.titles = find_titles(ctx)
        return ctx

    # --- building -----------------------------------------------------------------------
    def _claim(self, mention: EntityMention) -> None:
        if any(i in self.by_token for i in range(mention.start, mention.end)):
            return
        self.mentions.append(mention)
        for i in range(mention.start, mention.end):
            self.by_token[i] = mention

    def _person_span(self, ent: Span) -> Span | None:
        """Trim titles and possessives the tagger left inside a PERSON entity."""
        start, end = ent.start, ent.end
        while start < end and (
            self.doc[start].lower_ in TITLE_HEADS
            or self.doc[start].lower_ in COURTESY_TITLES
            or not self.doc[start].text[:1].isupper()
        ):
            start += 1
        while end > start and (
            self.doc[end - 1].text in ("'s", "’s", "'", "’", ",", ".", "-", "–", "—")
            or self.doc[end - 1].text in NAME_SUFFIXES
        ):
            end -= 1
        # "Andreas" + "Nikolaou": the tagger stopped before the surname it did not know
        while (
            end < len(self.doc)
            and end - start < 4
            and self.doc[end].pos_ == "PROPN"
            and self.doc[end].text[:1].isalpha()
            and self.doc[end].text[:1].isupper()
            and self.doc[end].ent_type_ == ""
            # a lone first name, or a parse that makes the name a compound of what follows
            and (end - start == 1 or self.doc[end - 1].head.i >= end)
            and gazetteer.lookup(self.doc[end].text) is None
            and not is_title_word(self.doc[end].lower_)
            and self.doc[end].lower_ not in GOVERNMENT_NOUNS
        ):
            end += 1
        # "Pieter van der" + "Berg": the tagger stopped at a particle; the surname follows
        while (
            end < len(self.doc)
            and self.doc[end - 1].lower_ in NAME_PARTICLES
            and (
                (self.doc[end].pos_ == "PROPN" and self.doc[end].text[:1].isupper())
                or self.doc[end].lower_ in NAME_PARTICLES  # "Ursula von" + "der Leyen"
            )
        ):
            end += 1
        if start >= end:
            return None
        span = self.doc[start:end]
        text = clean_text(span.text)
        if _BAD_PERSON.search(text) or (text.isupper() and len(text) > 3):
            return None
        if gazetteer.lookup(text) is not None:
            return None
        if len(span) == 1 and span[0].lower_ in TITLE_HEADS:
            return None
        return span

    def _titled_names(self) -> list[Span]:
        """'Chancellor Olaf Scholz': capitalised proper nouns right after a title are a person's
        name even where the tagger saw an ORG or nothing (it often does)."""
        doc = self.doc
        spans = []
        for token in self.tokens:
            if (
                token.i + 1 >= len(doc)
                or not (
                    is_title_word(token.lower_)
                    or (token.lower_ in HONORIFICS and token.text[:1].isupper())
                    # "Secretary of State Daniel Price", which the tagger reads as one ORG
                    or (
                        token.lower_ in _TITLE_LAST_WORDS
                        and " ".join(t.lower_ for t in doc[max(0, token.i - 2) : token.i + 1])
                        in TITLE_HEADS
                    )
                )
            ):
                continue
            end = token.i + 1
            while (
                end < len(doc)
                and end - token.i <= 4
                and (
                    (doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
                    # "Pieter van der Berg", "Bashar al-Assad": particles inside a name
                    or (
                        doc[end].lower_ in NAME_PARTICLES
                        and end + 1 < len(doc)
                        and (
                            doc[end + 1].text[:1].isupper() or doc[end + 1].lower_ in NAME_PARTICLES
                        )
                    )
                )
                and not is_title_word(doc[end].lower_)
                and doc[end].ent_type_ not in ("NORP", "DATE")
                # the tagger calls some names GPE ("Klaus Brenner"); real places stop it
                and gazetteer.lookup(doc[end].text) is None
            ):
                end += 1
                if len(doc[end - 1].text) > 3 and doc[end - 1].text.endswith("."):
                    break  # "Hun Sen." ends the sentence, the next name is someone else
            while end > token.i + 1 and doc[end - 1].lower_ in NAME_PARTICLES:
                end -= 1
            if end - token.i >= 3 or (end - token.i == 2 and doc[end - 1].ent_type_ == "PERSON"):
                spans.append(doc[token.i + 1 : end])
        return spans

    def _find_persons(self) -> None:
        spans = [
            s
            for ent in self.ents
            if ent.label_ == "PERSON"
            if (s := self._person_span(ent)) is not None and not self._government_noun_after(s)
        ]
        covered = {i for s in spans for i in range(s.start, s.end)}
        spans += [
            s
            for s in self._titled_names()
            if not covered & set(range(s.start, s.end))
            and gazetteer.lookup(clean_text(s.text)) is None
        ]
        spans += self._confirmed_names(spans)
        spans.sort(key=lambda s: s.start)
        full_names = sorted(
            {person_name(s) for s in spans if len(s) > 1}, key=lambda n: (-len(n), n)
        )
        for span in spans:
            name = person_name(span)
            canonical = _full_name(name, full_names)
            self.person_aliases.setdefault(canonical, set()).add(name)
            self._claim(
                EntityMention(
                    span.start, span.end, EntityRef(PERSON, canonical, canonical), "person"
                )
            )

    def _confirmed_names(self, spans: list[Span]) -> list[Span]:
        """'Xi Jinping urged ...' where the tagger saw no name, in an article that names
        "Xi" elsewhere: a run of capitalised proper nouns holding a word of a name the
        article confirms is that person's full name (family name first or last)."""
        parts = {
            t.text
            for s in spans
            for t in s
            if t.text[:1].isupper() and t.is_alpha and t.lower_ not in NAME_PARTICLES
        }
        if not parts:
            return []
        covered = {i for s in spans for i in range(s.start, s.end)}
        matcher = PhraseMatcher(self.doc.vocab, attr="ORTH")
        matcher.add("NAME_PART", [Doc(self.doc.vocab, words=[p]) for p in sorted(parts)])
        found: list[Span] = []
        for _, start, _ in matcher(self.doc):
            if start in covered or any(s.start <= start < s.end for s in found):
                continue
            run = self._name_run(start, covered)
            if run is not None and not any(i in covered for i in range(run.start, run.end)):
                found.append(run)
        return found

    def _name_run(self, i: int, covered: set[int]) -> Span | None:
        """The capitalised proper nouns around token ``i`` that make a full name."""
        if self.doc[i].pos_ != "PROPN":
            return None
        # one given name before a family name ("Maros" + "Sefcovic"), or up to two given
        # names after one written first ("Xi" + "Jinping", "Lee" + "Jae Myung")
        start, end = i, i + 1
        if start > 0 and self._name_word(self.doc[start - 1], covered):
            start -= 1
        else:
            while end < len(self.doc) and end - i < 3 and self._name_word(self.doc[end], covered):
                end += 1
        if end - start < 2:
            return None
        span = self.doc[start:end]
        if gazetteer.lookup(clean_text(span.text)) is not None or self._government_noun_after(span):
            return None
        return span

    def _name_word(self, token: Token, covered: set[int]) -> bool:
        return (
            token.i not in covered
            and token.pos_ == "PROPN"
            and token.is_alpha
            and token.text[:1].isupper()
            and token.ent_type_ in ("", "PERSON")
            and gazetteer.lookup(token.text) is None
            and not is_title_word(token.lower_)
            and token.lower_ not in GOVERNMENT_NOUNS
            and token.lower_ not in COURTESY_TITLES
        )

    def _government_noun_after(self, span: Span) -> bool:
        """'the Trump administration' names a government, not the person."""
        return span.end < len(self.doc) and self.doc[span.end].lower_ in GOVERNMENT_NOUNS

    def _find_person_surnames(self) -> None:
        """Surnames of known persons wherever they occur (the tagger often calls them ORG)."""
        by_surname: dict[str, str] = {}
        for canonical in self.person_aliases:
            parts = canonical.split()
            by_surname.setdefault(parts[-1], canonical)
        other_parts = self._other_name_parts(set(by_surname))
        for token in self.tokens:
            found = by_surname.get(token.text)
            if found is None and token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON", "ORG"):
                found = other_parts.get(token.text)  # not "April" of "in April"
            if found is None or token.i in self.by_token:
                continue
            canonical = found
            nxt = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
            if nxt is not None and nxt.lower_ in GOVERNMENT_NOUNS:
                # "the Trump administration": the government, conventionally the U.S. one
                # for "administration"; other nouns take the person's country later.
                iso = "US" if nxt.lower_ == "administration" else None
                if iso:
                    self._claim_administration(token.i, token.i + 1, canonical)
                continue
            self.person_aliases[canonical].add(token.text)
            self._claim(
                EntityMention(
                    token.i, token.i + 1, EntityRef(PERSON, canonical, canonical), "surname"
                )
            )

        # a name the article gives only in "the Obama administration"
        for ent in self.ents:
            span = self._person_span(ent) if ent.label_ == "PERSON" else None
            if (
                span is not None
                and span.end < len(self.doc)
                and self.doc[span.end].lower_ == "administration"
                and not any(i in self.by_token for i in range(span.start, span.end + 1))
            ):
                name = person_name(span)
                full = next((f for f in self.person_aliases if f.split()[-1] == name), name)
                self._claim_administration(span.start, span.end, full)

    def _other_name_parts(self, surnames: set[str]) -> dict[str, str]:
        """The other words of full names that name one person of the article only: a family
        name written first ("Wang" of "Wang Jianguo"), a second surname ("Lula")."""
        owners: dict[str, set[str]] = {}
        for canonical in self.person_aliases:
            for word in canonical.split()[:-1]:
                if word[:1].isupper() and word.isalpha() and word.lower() not in NAME_PARTICLES:
                    owners.setdefault(word, set()).add(canonical)
        return {
            word: next(iter(people))
            for word, people in owners.items()
            if len(people) == 1 and word not in surnames
        }

    def _claim_administration(self, start: int, end: int, person: str) -> None:
        """'the Trump administration' is the U.S. government (by the convention of English
        news), headed by that person."""
        self.person_country_hint.setdefault(person, "US")
        ref = EntityRef(GOVERNMENT, "US", gazetteer.by_iso2("US").name)
        if not any(i in self.by_token for i in range(start, end + 1)):
            self.administrations[(start, end + 1)] = person
        self._claim(EntityMention(start, end + 1, ref, "administration"))

    def _find_countries(self) -> None:
        matcher = _gazetteer_matcher(self.doc.vocab)
        matches = sorted(matcher(self.doc, as_spans=True), key=lambda s: (s.start, -len(s)))
        taken: set[int] = set()
        for span in matches:
            if any(i in taken for i in range(span.start, span.end)):
                continue
            if self._inside_person_name(span):
                continue
            found = gazetteer.lookup(span.text)
            if found is None or self._inside_other_place(span):
                continue
            country, how = found
            if how == "alias" and span.text == "US" and self._looks_like_pronoun_us(span):
                continue
            taken.update(range(span.start, span.end))
            kind, end = self._country_sense(span, how)
            label = country.name
            key = country.iso2
            if kind == PLACE:
                label = country.capitals[0] if how == "capital" else span.text
                key = f"{country.iso2}/{label}"
            self._claim(EntityMention(span.start, end, EntityRef(kind, key, label), how))

    def _inside_person_name(self, span: Span) -> bool:
        """'Jordan' in 'Michael Jordan' is a name; a PERSON entity that is nothing but a
        country's name or demonym ("Azerbaijani President ...") is the tagger's mistake."""
        for ent in self.ents_within(span.start, span.end):
            if ent.label_ == "PERSON" and ent.start < span.end and span.start < ent.end:
                return (ent.start, ent.end) != (span.start, span.end)
        return False

    def _inside_other_place(self, span: Span) -> bool:
        """'Ireland' in 'Northern Ireland', 'Mexico' in 'New Mexico': a longer place name."""
        for ent in self.ents_within(span.start, span.end):
            if ent.label_ in ("GPE", "LOC") and ent.start <= span.start and span.end <= ent.end:
                longer = len(ent) > len(span) and ent[0].lower_ != "the"
                return longer and gazetteer.lookup(clean_text(ent.text)) is None
        return False

    def _looks_like_pronoun_us(self, span: Span) -> bool:
        """'US' in an all-capitals headline or after a verb may be the pronoun 'us'."""
        token = span[0]
        return token.dep_ in ("dobj", "dative") and token.head.pos_ == "VERB"

    def _country_sense(self, span: Span, how: str) -> tuple[str, int]:
        """Country, its government or (for a capital) the city; and where the mention ends."""
        doc = self.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if how == "seat":
            return GOVERNMENT, span.end
        if nxt is not None and nxt.lower_ in GOVERNMENT_NOUNS:
            return GOVERNMENT, span.end + 1
        root = span.root
        if root.dep_ == "poss" and root.head.lower_ in GOVERNMENT_NOUNS:
            return GOVERNMENT, span.end
        if how == "demonym":
            return COUNTRY, span.end
        return _sense_by_role(root, how), span.end

    def _find_other_places(self) -> None:
        for ent in self.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            if any(i in self.by_token for i in range(ent.start, ent.end)):
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if start >= ent.end:
                continue
            text = clean_text(self.doc[start : ent.end].text)
            if not text[:1].isupper() or any(ch.isdigit() for ch in text) or text.isupper():
                continue
            # "/" separates a capital's country code from its name in keys; keep it out of names
            key = text.replace("/", " ")
            self._claim(EntityMention(start, ent.end, EntityRef(PLACE, key, text), "ner"))

    def _find_dateline(self) -> None:
        match = _DATELINE.match(self.text)
        if not match:
            return
        if not match.group(1).isupper():
            return
        city = match.group(1).strip().title()
        found = gazetteer.lookup(city)
        if found is not None:  # "HAMBURG -": a region's dateline is its country's
            self.dateline_country = found[0].parent or found[0].iso2

    def add_person_from(self, token: Token) -> None:
        """Take a capitalised proper-noun chain the tagger missed as a person's name, when a
        personal title stands in apposition to it."""
        if (
            token.pos_ != "PROPN"
            or token.i in self.by_token
            or token.ent_type_ in ("GPE", "NORP", "LOC", "DATE", "FAC")
        ):
            return
        start = token.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            and (self.doc[start - 1].pos_ == "PROPN" or self.doc[start - 1].text == "-")
        ):
            start -= 1
        span = self.doc[start : token.i + 1]
        name = clean_text(span.text)
        if not all(t.text[:1].isupper() or t.text == "-" for t in span):
            return
        # "Merkel, the chancellor, said": a lone surname, if the tagger saw no other entity
        if len(span) < 2 and (token.ent_type_ not in ("", "PERSON") or not token.is_alpha):
            return
        if gazetteer.lookup(name) is not None or any(
            i in self.by_token for i in range(start, token.i + 1)
        ):
            return
        self.person_aliases.setdefault(name, set()).add(name)
        self._claim(EntityMention(start, token.i + 1, EntityRef(PERSON, name, name), "apposition"))
        self.mentions.sort(key=lambda m: m.start)

    # --- queries ------------------------------------------------------------------------
    def mention_at(self, token: Token) -> EntityMention | None:
        return self.by_token.get(token.i)

    def entity_at(self, token: Token) -> EntityRef | None:
        mention = self.by_token.get(token.i)
        return mention.ref if mention else None

    def span(self, start_char: int, end_char: int) -> TextSpan:
        """A text span with surrounding white space trimmed, so text[start:end] is clean."""
        text = self.text
        while start_char < end_char and text[start_char].isspace():
            start_char += 1
        while end_char > start_char and text[end_char - 1].isspace():
            end_char -= 1
        return TextSpan(start_char, end_char, text[start_char:end_char])

    def sentence_chars(self, token: Token) -> tuple[int, int]:
        """Character bounds of the token's sentence."""
        sent = self.sentences[self._sentence_of[token.i]]
        return sent.start_char, sent.end_char

    @property
    def titles(self) -> list[TitleMention]:
        """The titles of the article (``TitleMention``), once found."""
        return self._titles

    @titles.setter
    def titles(self, titles: list[TitleMention]) -> None:
        self._titles = titles
        self._title_person = None

    def title_person_at(self, i: int) -> str | None:
        """The person of the first title (in :attr:`titles` order) that covers token ``i``.
        Indexed on first use: asked for every quote and participant, a walk over all titles
        each time made long articles quadratic."""
        if self._title_person is None:
            self._title_person = {}
            for title in self._titles:
                if title.person:
                    for j in range(title.start, title.end):
                        self._title_person.setdefault(j, title.person)
        return self._title_person.get(i)

    def ents_within(self, start: int, end: int) -> tuple[Span, ...]:
        """The entities overlapping tokens ``start``..``end - 1``, in document order.

        A lookup instead of a walk over every entity of the article: the extractors ask
        this for each mention, and walking ``ents`` each time made long articles quadratic
        (a 300,000-character article spent a minute in those walks)."""
        return self.ents[bisect_right(self._ent_ends, start) : bisect_left(self._ent_starts, end)]

    def ents_under(self, token: Token) -> tuple[Span, ...]:
        """The entities overlapping ``token``'s subtree (its whole span, left to right edge):
        every entity whose root hangs below the token is among them."""
        return self.ents_within(token.left_edge.i, token.right_edge.i + 1)

    def sentence_index(self, token: Token) -> int:
        """The number of the token's sentence."""
        return self._sentence_of[token.i]

    def _index_sentences(self) -> None:
        """Index the sentences once. spaCy's ``Token.sent`` and ``Span.sent`` rescan the
        whole doc on every call, and the extractors ask thousands of times per corpus; the
        span hook makes every ``.sent`` in the extractors a lookup.
        """
        try:
            self.sentences: list[Span] = list(self.doc.sents)
        except ValueError:  # a doc with no sentence boundaries (no tokens)
            self.sentences = []
        self._sentence_of = [0] * len(self.doc)
        for n, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self._sentence_of[i] = n
        if self.sentences:
            self.doc.user_span_hooks["sent"] = lambda span: self.sentences[
                self._sentence_of[span.start]
            ]

    def evidence(self, first: Token | Span, last: Token | Span | None = None) -> Evidence:
        """Evidence for a fact read from tokens ``first``..``last``: their sentence(s) and span."""
        last = first if last is None else last
        start_tok = first if isinstance(first, Token) else first[0]
        end_tok = last if isinstance(last, Token) else last[-1]
        if end_tok.i < start_tok.i:
            start_tok, end_tok = end_tok, start_tok
        sent_start = self.sentence_chars(start_tok)[0]
        sent_end = self.sentence_chars(end_tok)[1]
        anchor = self.span(start_tok.idx, end_tok.idx + len(end_tok.text))
        return Evidence(self.span(sent_start, sent_end), anchor)

    def date_of(self, ent: Span, tense: str | None = None) -> DateValue | None:
        """Normalise a DATE entity, taking a preposition in front of it as part of its text."""
        start = ent.start
        if start > 0 and self.doc[start - 1].lower_ in ("since", "until", "through", "till", "by"):
            start -= 1
        return normalise_date(self.doc[start : ent.end].text, self.anchor, tense)

    def reference_date(self) -> DateValue | None:
        """The day the story is about: the first day-precise date of the lead, else publication."""
        for ent in self.ents:
            if ent.label_ == "DATE" and ent.sent.start == self.sentences[0].start:
                value = normalise_date(ent.text, self.anchor, PAST)
                if value is not None and value.precision == "day":
                    return value
        if self.anchor is None:
            return None
        return normalise_date(self.anchor.isoformat(), self.anchor)

    def tense_of(self, verb: Token) -> str | None:
        """PAST or FUTURE for a verb, from its tag and auxiliaries; None when unclear."""
        auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a in ("will", "shall", "'ll") for a in auxes):
            return FUTURE
        if verb.tag_ in ("VBD", "VBN") or any(
            a in ("did", "had", "has", "have", "was", "were") for a in auxes
        ):
            return PAST
        return None


_TITLE_LAST_WORDS = frozenset(key.split()[-1] for key in TITLE_HEADS)


def _full_name(name: str, full_names: list[str]) -> str:
    """The longest name of the article this one is part of: "Xi" of "Xi Jinping" (family
    name first), "Lula" of "Luiz Inacio Lula da Silva", "Von der Leyen" of "Ursula von der
    Leyen"; ``full_names`` longest first."""
    if len(name.split()) == 1:
        # a surname, a family name written first, or a word inside one full name (a
        # nickname or second surname): only when it names one person of the article
        for place in (slice(-1, None), slice(0, 1), slice(1, -1)):
            found = [f for f in full_names if name in f.split()[place]]
            if found:
                return found[0] if len(found) == 1 else name
        return name
    lowered = name.lower()
    longer = [f for f in full_names if f != name and f.lower().endswith(" " + lowered)]
    # "Maria Lind" beside "Anna Maria Lind" and "Erik Maria Lind" names neither
    return longer[0] if len({f.lower() for f in longer}) == 1 else name


def entity_span(token: Token) -> Span | None:
    """The named entity ``token`` is part of, from its IOB tags (no ``Doc.ents`` rebuild)."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _sense_by_role(root: Token, how: str) -> str:
    """A capital or country name by its role in the clause (of the first of a conjunction):
    the agent of a verb, or after 'by' or a party's 'with'/'between', is the government."""
    first = root
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    dep, head = first.dep_, first.head
    by_agent = dep == "pobj" and head.lower_ == "by"
    if how == "capital":
        return GOVERNMENT if dep in AGENT_DEPS or dep == "poss" or by_agent else PLACE
    if (dep in AGENT_DEPS and head.pos_ in ("VERB", "AUX")) or by_agent:
        return GOVERNMENT
    if dep == "pobj" and head.lower_ in ("with", "between") and head.head.lower_ in PARTY_HEADS:
        return GOVERNMENT
    return COUNTRY
