"""Scoring officials against the DWIE gold annotations (``kg eval dwie``).

Each article is run through the normal pipeline (parse -> facts -> RDF graph -> store) and
``queries/officials.rq`` is asked for its officials, so the figures measure what a user of
the graph would see. Predicted (person, government) pairs are compared with the gold pairs
of the same article:

- a predicted person matches a gold concept when the name equals one of the concept's
  ``names``, or shares the surname (last word) with the concept's longest name;
- a predicted government matches a gold concept when its label equals one of the concept's
  names, its Wikipedia link or an adjectival form, or both resolve to the same country in
  the shipped gazetteer (which holds aliases such as US / United States / Washington).

Pairs are compared as sets per article after this normalisation, so two wordings of one
role count once. Rows without a government are no pair and are not scored (``--verbose``
lists them). Role-class accuracy is the share of correct pairs whose predicted class
(the most senior class the graph gives the pair) is one of the gold classes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import gazetteer
from kg.errors import InputError
from kg.evaluation.graphs import (
    ROLE_CLASS_QUERY,
    add_result,
    article_results,
    memory_store,
    resolve,
    select,
)
from kg.evaluation.scoring import Tally
from kg.facts import HEAD_OF_GOVERNMENT, HEAD_OF_STATE, MINISTER, OTHER
from kg.ingest import Article

# DWIE relations -> the role classes kg uses; the rest ("agent_of", "head_of", ...) are OTHER.
_GOLD_CLASS = {
    "head_of_state": HEAD_OF_STATE,
    "head_of_gov": HEAD_OF_GOVERNMENT,
    "minister_of": MINISTER,
}
_HYPHEN = re.compile(r"\s*-\s*")
# Most senior first: a pair with several predicted roles is judged by the highest one.
_SENIORITY = (HEAD_OF_STATE, HEAD_OF_GOVERNMENT, MINISTER, OTHER)


@dataclass(frozen=True)
class Concept:
    """A gold entity: its surface names, Wikipedia link and adjectival forms."""

    id: str
    names: tuple[str, ...]
    link: str | None = None
    adjectives: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@dataclass
class GoldArticle:
    """One DWIE article: its text and its gold (person, government) pairs with classes."""

    id: str
    text: str
    concepts: dict[str, Concept]
    pairs: dict[tuple[str, str], frozenset[str]]  # (person id, government id) -> classes


@dataclass(frozen=True)
class Prediction:
    """One row of officials.rq for an article, with the class the graph gives the role."""

    person: str
    government: str | None
    role: str
    role_class: str


@dataclass
class ArticleScore:
    """Matched, missed and false pairs of one article, in readable form."""

    id: str
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    class_correct: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    wrong_class: list[str] = field(default_factory=list)
    no_government: list[str] = field(default_factory=list)


@dataclass
class Score:
    """Totals over a set of articles."""

    articles: list[ArticleScore] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.articles)

    @property
    def tally(self) -> Tally:
        correct = self._sum("correct")
        return Tally(self._sum("predicted"), correct, self._sum("gold"), correct)

    @property
    def precision(self) -> float:
        return self.tally.precision

    @property
    def recall(self) -> float:
        return self.tally.recall

    @property
    def f1(self) -> float:
        return self.tally.f1

    @property
    def class_accuracy(self) -> float:
        correct = self._sum("correct")
        return self._sum("class_correct") / correct if correct else 0.0

    def summary(self) -> str:
        return (
            f"articles {len(self.articles)}, gold pairs {self._sum('gold')}, "
            f"predicted pairs {self._sum('predicted')}, correct {self._sum('correct')}\n"
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"role-class accuracy {self.class_accuracy:.3f} "
            f"({self._sum('class_correct')}/{self._sum('correct')})"
        )

    def details(self) -> str:
        """Misses, false hits, wrong classes and rows without a government, per article."""
        lines: list[str] = []
        for a in self.articles:
            for label, items in (
                ("miss", a.misses),
                ("false", a.false_hits),
                ("class", a.wrong_class),
                ("no-gov", a.no_government),
            ):
                lines.extend(f"{a.id}\t{label}\t{item}" for item in items)
        return "\n".join(lines)


# --- reading the gold ---------------------------------------------------------------------
def _gold_article(record: Mapping[str, Any], where: str) -> GoldArticle:
    try:
        concepts = {
            str(cid): Concept(
                id=str(cid),
                names=tuple(entity.get("names") or ()),
                link=entity.get("link"),
                adjectives=tuple(entity.get("adjectives") or ()),
                types=tuple(entity.get("types") or ()),
            )
            for cid, entity in record["entities"].items()
        }
        classes: dict[tuple[str, str], set[str]] = {}
        for person, government, relation in record.get("officials") or ():
            classes.setdefault((str(person), str(government)), set()).add(
                _GOLD_CLASS.get(relation, OTHER)
            )
        text = record["text"]
        article_id = str(record["id"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{where}: not a DWIE record ({type(exc).__name__}: {exc})") from exc
    # "agent_of" goes with every specific relation; the specific one is the pair's class
    pairs = {
        key: frozenset(found - {OTHER} if found - {OTHER} else found)
        for key, found in classes.items()
    }
    return GoldArticle(article_id, text, concepts, pairs)


def load_dwie(path: Path) -> list[GoldArticle]:
    """The articles of a DWIE-format JSONL file (see ../shared/eval/dwie/README.md)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror}") from exc
    articles = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{lineno}: not JSON: {exc.msg}") from exc
        articles.append(_gold_article(record, f"{path}:{lineno}"))
    if not articles:
        raise InputError(f"no articles in '{path}'")
    return articles


def as_article(gold: GoldArticle) -> Article:
    """The article kg reads: the first line of a DWIE text is its headline."""
    return Article(id=gold.id, text=gold.text, title=gold.text.split("\n", 1)[0].strip() or None)


# --- matching -----------------------------------------------------------------------------
def _tidy(name: str) -> str:
    """DWIE texts were re-joined from tokens ("Jean - Claude"): hyphens lose their spaces,
    on both sides of the comparison, so "Jean - Claude" and "Jean-Claude" are one name."""
    return " ".join(_HYPHEN.sub("-", name).split())


def _surname(name: str) -> str:
    words = _tidy(name).replace("’s", "").replace("'s", "").split()
    return words[-1] if words else ""


def match_person(name: str, concepts: Iterable[Concept]) -> str | None:
    """The gold concept a predicted person name refers to (exact name first, then surname)."""
    candidates = [c for c in concepts if c.names]
    for concept in candidates:
        if _tidy(name) in {_tidy(n) for n in concept.names}:
            return concept.id
    surname = _surname(name)
    for concept in candidates:
        if surname and _surname(max(concept.names, key=len)) == surname:
            return concept.id
    return None


def _country_code(surface: str) -> str | None:
    found = gazetteer.lookup(surface)
    return found[0].iso2 if found is not None else None


def _forms(concept: Concept) -> set[str]:
    forms = set(concept.names) | set(concept.adjectives)
    if concept.link:
        forms.add(concept.link.replace("_", " "))
    return forms


def match_government(label: str, concepts: Iterable[Concept]) -> str | None:
    """The gold concept a predicted government label refers to."""
    candidates = list(concepts)
    for concept in candidates:
        if label in _forms(concept):
            return concept.id
    code = _country_code(label)
    if code is None:
        return None
    for concept in candidates:
        if any(_country_code(form) == code for form in _forms(concept)):
            return concept.id
    return None


def score_article(gold: GoldArticle, predictions: Sequence[Prediction]) -> ArticleScore:
    """Compare one article's predicted rows with its gold pairs."""
    result = ArticleScore(gold.id, gold=len(gold.pairs))
    concepts = list(gold.concepts.values())
    people = [c for c in concepts if "person" in c.types]
    predicted: dict[tuple[str, str], set[str]] = {}
    shown: dict[tuple[str, str], str] = {}
    for row in predictions:
        if row.government is None:
            result.no_government.append(f"{row.person} | {row.role}")
            continue
        person = match_person(row.person, people)
        government = match_government(row.government, concepts)
        key = (person or f"?{row.person}", government or f"?{row.government}")
        predicted.setdefault(key, set()).add(row.role_class)
        shown.setdefault(key, f"{row.person} | {row.government} | {row.role}")
    result.predicted = len(predicted)

    def name(cid: str) -> str:
        concept = gold.concepts.get(cid)
        return max(concept.names, key=len) if concept and concept.names else cid

    for key, classes in sorted(predicted.items()):
        if key not in gold.pairs:
            result.false_hits.append(shown[key])
            continue
        result.correct += 1
        best = next(c for c in _SENIORITY if c in classes)
        if best in gold.pairs[key]:
            result.class_correct += 1
        else:
            wanted = "/".join(sorted(gold.pairs[key]))
            result.wrong_class.append(f"{shown[key]} | {best}, gold {wanted}")
    for (person, government), wanted_classes in sorted(gold.pairs.items()):
        if (person, government) not in predicted:
            result.misses.append(
                f"{name(person)} | {name(government)} | {'/'.join(sorted(wanted_classes))}"
            )
    return result


# --- running the pipeline -----------------------------------------------------------------
def predict(
    articles: Sequence[GoldArticle], model: str | None = None
) -> Iterator[tuple[GoldArticle, list[Prediction]]]:
    """Officials of each article as officials.rq returns them, all articles built into one
    store and resolved across it as ``kg build`` does (DWIE's pairs are per article: the
    rows are grouped by their article)."""
    from kg.rdf.iris import article_iri

    by_iri = {str(article_iri(a.id)): a for a in articles}
    store = memory_store()
    for result in article_results((as_article(a) for a in articles), model=model):
        add_result(store, result)
    resolve(store)
    classes = {
        (row["article"], row["official"], row["role"]): row["roleClass"]
        for row in select(store, ROLE_CLASS_QUERY)
    }
    found: dict[str, list[Prediction]] = {iri: [] for iri in by_iri}
    for row in select(store, "officials"):
        if row["article"] in found:
            key = (row["article"], row["official"], row["role"])
            found[row["article"]].append(
                Prediction(
                    person=row["name"],
                    government=row.get("government"),
                    role=row["role"],
                    role_class=classes.get(key, OTHER),
                )
            )
    for iri, gold in by_iri.items():
        yield gold, found[iri]


def evaluate(articles: Sequence[GoldArticle], model: str | None = None) -> Score:
    """Build, query and score every article."""
    score = Score()
    for gold, predictions in predict(articles, model=model):
        score.articles.append(score_article(gold, predictions))
    return score
