"""The news2025 gold (``gold.json``) and kg's predictions, as plain records.

The gold's format is described in ``../shared/eval/news2025/README.md``: one entry per
article id with its ``split`` and lists of officials, meetings, policies and quotes; items
marked ``optional`` cost nothing either way. Predictions are the rows of the packaged
queries, grouped the way they are scored: one meeting per meeting IRI, one policy per
policy IRI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluation.news_match import GOLD_ROLE_CLASS, Person

SPLITS = ("tune", "check", "all")


def _listed(value: Any) -> tuple[str, ...]:
    """A gold field that holds one value or a list of acceptable ones."""
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


@dataclass(frozen=True)
class GoldOfficial:
    person: Person
    role: str
    role_class: str
    key: str  # the same person has the same key in every article
    optional: bool = False


@dataclass(frozen=True)
class GoldMeeting:
    description: str
    participants: tuple[str, ...]
    date: str | None
    statuses: tuple[str, ...]
    pattern: str | None = None  # a regex on the label, for meetings naming no participant
    optional: bool = False

    def __str__(self) -> str:
        return (
            f"{self.description} [{', '.join(self.participants)}] "
            f"{'/'.join(self.statuses)} {self.date or ''}"
        ).rstrip()


@dataclass(frozen=True)
class GoldPolicy:
    kinds: tuple[str, ...]
    imposer: str | None
    target: str | None
    rate: float | None
    note: str = ""
    optional: bool = False

    def __str__(self) -> str:
        rate = f" rate {self.rate:g}" if self.rate is not None else ""
        return f"{'/'.join(self.kinds)} by {self.imposer} on {self.target}{rate} ({self.note})"


@dataclass(frozen=True)
class GoldQuote:
    speaker: str | None  # None: the article gives these words to no one
    text: str
    optional: bool = False


@dataclass(frozen=True)
class GoldArticle:
    id: str
    split: str
    officials: tuple[GoldOfficial, ...] = ()
    meetings: tuple[GoldMeeting, ...] = ()
    policies: tuple[GoldPolicy, ...] = ()
    quotes: tuple[GoldQuote, ...] = ()

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(o.person for o in self.officials)


# --- reading the gold ---------------------------------------------------------------------
def _official(item: Mapping[str, Any]) -> GoldOfficial:
    person = Person(str(item["name"]), str(item["government"]), item.get("surname"))
    role_class = GOLD_ROLE_CLASS.get(item["class"], item["class"])
    return GoldOfficial(
        person,
        str(item.get("role") or ""),
        role_class,
        str(item["key"]),
        bool(item.get("optional")),
    )


def _meeting(item: Mapping[str, Any]) -> GoldMeeting:
    return GoldMeeting(
        description=str(item.get("desc") or ""),
        participants=_listed(item["participants"]),
        date=item.get("date"),
        statuses=_listed(item["status"]),
        pattern=item.get("match"),
        optional=bool(item.get("optional")),
    )


def _policy(item: Mapping[str, Any]) -> GoldPolicy:
    rate = item.get("rate")
    return GoldPolicy(
        kinds=_listed(item["kind"]),
        imposer=item.get("imposer"),
        target=item.get("target"),
        rate=None if rate is None else float(rate),
        note=str(item.get("note") or item.get("goods") or ""),
        optional=bool(item.get("optional")),
    )


def _quote(item: Mapping[str, Any]) -> GoldQuote:
    return GoldQuote(item.get("speaker"), str(item["text"]), bool(item.get("optional")))


def _article(article_id: str, entry: Mapping[str, Any]) -> GoldArticle:
    return GoldArticle(
        id=article_id,
        split=str(entry.get("split") or ""),
        officials=tuple(_official(x) for x in entry.get("officials") or ()),
        meetings=tuple(_meeting(x) for x in entry.get("meetings") or ()),
        policies=tuple(_policy(x) for x in entry.get("policies") or ()),
        quotes=tuple(_quote(x) for x in entry.get("quotes") or ()),
    )


def load_gold(path: Path, split: str = "all") -> list[GoldArticle]:
    """The gold articles of one split (``all``: every one) from a news2025 ``gold.json``;
    keys starting with "_" are notes, not articles."""
    if split not in SPLITS:
        raise InputError(f"unknown split '{split}'; choose one of: {', '.join(SPLITS)}")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read '{path}': {exc.strerror}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a news2025 gold file (expected an object of articles)")
    articles = []
    for article_id, entry in data.items():
        if article_id.startswith("_"):
            continue
        try:
            articles.append(_article(article_id, entry))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            problem = f"{type(exc).__name__}: {exc}"
            raise InputError(
                f"{path}: article '{article_id}': not news2025 gold ({problem})"
            ) from exc
    chosen = [a for a in articles if split == "all" or a.split == split]
    if not chosen:
        raise InputError(
            f"no gold articles in '{path}'" + (f" in split {split}" if split != "all" else "")
        )
    return chosen


# --- kg's predictions ---------------------------------------------------------------------
@dataclass(frozen=True)
class OfficialRow:
    """A row of officials.rq with the class the graph gives the role."""

    official: str  # the person's IRI
    name: str
    role: str
    government: str  # "" when the graph gives the role no government
    role_class: str


@dataclass
class Meeting:
    """One predicted meeting: the first row's label, status and date, every participant."""

    iri: str
    label: str
    status: str
    date: str
    participants: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"'{self.label}' [{', '.join(self.participants)}] {self.status}"


@dataclass
class Policy:
    """One predicted policy: the first row's fields, every imposer and target."""

    iri: str
    label: str
    kind: str
    rate: str
    imposers: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"'{self.label}' {self.kind} by {self.imposers} on {self.targets} rate [{self.rate}]"


@dataclass(frozen=True)
class Statement:
    name: str
    quote: str
    direct: bool


@dataclass
class Predictions:
    """What the graph says about one article."""

    officials: list[OfficialRow] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def meetings_of(rows: Iterable[Mapping[str, str]]) -> list[Meeting]:
    """meetings.rq gives one row per participant: one Meeting per meeting IRI."""
    found: dict[str, Meeting] = {}
    for row in rows:
        iri = row.get("meeting", "")
        meeting = found.setdefault(
            iri, Meeting(iri, row.get("label", ""), row.get("status", ""), row.get("date", ""))
        )
        if row.get("participant"):
            meeting.participants.append(row["participant"])
    return list(found.values())


def policies_of(rows: Iterable[Mapping[str, str]]) -> list[Policy]:
    """policies.rq gives one row per imposer and target: one Policy per policy IRI."""
    found: dict[str, Policy] = {}
    for row in rows:
        key = row.get("policy") or row.get("label", "")
        policy = found.setdefault(
            key, Policy(key, row.get("label", ""), row.get("kind", ""), row.get("rate", ""))
        )
        for value, values in (
            (row.get("imposedBy"), policy.imposers),
            (row.get("target"), policy.targets),
        ):
            if value and value not in values:
                values.append(value)
    return list(found.values())
