"""Scoring every fact type against the news2025 gold (``kg eval news``).

All the set's articles are built into one store in memory through kg's own path (see
:mod:`kg.evaluation.graphs`), as ``kg build`` would build them into one store: that is what
makes one IRI per person across articles measurable. The packaged queries (officials,
meetings, policies, statements) give the rows, and the articles of the chosen split are
scored, each against its own gold, with the rules of :mod:`kg.evaluation.news_match`:

- officials: (person, government) pairs; rows with no government are counted apart;
  role-class accuracy over the gold officials found;
- meetings: a gold meeting is found when one predicted meeting has all its participants
  (or, naming none, a label its pattern matches); status and date of those found apart;
- policies: kind, imposer, target and rate, each only where the gold gives it;
- quotes: a statement holding the gold words, with the right speaker;
- identity: of the people the gold names in several articles and kg finds in several, the
  share that has one single IRI.

Precision counts the predictions that match some gold item; recall the gold items found.
Optional gold items cost nothing either way.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.evaluation.graphs import (
    ROLE_CLASS_QUERY,
    add_result,
    article_results,
    memory_store,
    resolve,
    select,
)
from kg.evaluation.news_gold import (
    GoldArticle,
    GoldMeeting,
    GoldOfficial,
    GoldPolicy,
    Meeting,
    OfficialRow,
    Policy,
    Predictions,
    Statement,
    load_gold,
    meetings_of,
    policies_of,
)
from kg.evaluation.news_match import (
    SAME_KIND,
    Person,
    dates_agree,
    first_number,
    government,
    is_participant,
    is_party,
    is_person,
    same_speaker,
)
from kg.evaluation.scoring import (
    FALSE,
    MISSED,
    SIDE_NOUN,
    UNSCORED,
    WRONG,
    Failures,
    Tally,
    has_words,
    plain,
    words,
)
from kg.facts import OTHER

ARTICLES_FILE = "articles.jsonl"
GOLD_FILE = "gold.json"
FACT_TYPES = ("officials", "meetings", "policies", "quotes")
_SIDE_ORDER = {MISSED: 0, FALSE: 1, WRONG: 2, UNSCORED: 3}


@dataclass
class NewsScore:
    """Tallies, detail counts and failures of one run over one split."""

    name: str = "news2025"  # the set's folder: another set in the same format names itself
    split: str = "all"
    articles: int = 0  # scored (the split)
    built: int = 0  # built into the store (the whole set)
    tallies: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in FACT_TYPES})
    no_government: int = 0  # officials rows with no government (not pairs)
    class_right: int = 0  # of the gold officials found
    status_right: int = 0  # of the gold meetings found
    dated: int = 0  # gold meetings found that the gold dates
    date_right: int = 0
    people_in_several: int = 0  # gold people kg found in two or more articles
    people_one_iri: int = 0
    failures: Failures = field(default_factory=Failures)

    @property
    def class_accuracy(self) -> float:
        found = self.tallies["officials"].gold_found
        return self.class_right / found if found else 0.0

    @property
    def identity(self) -> float:
        return self.people_one_iri / self.people_in_several if self.people_in_several else 0.0

    @property
    def label(self) -> str:
        return self.name + (f" [{self.split}]" if self.split != "all" else "")

    def summary(self) -> str:
        """P/R/F1 per fact type, the detail figures, failures by category, one closing line."""
        t = self.tallies
        lines = [
            f"{self.label}: {self.articles} articles scored ({self.built} built)",
            f"{'fact type':<10} {'P':>5} {'R':>5} {'F1':>5}   counts",
        ]
        for name, tally in t.items():
            lines.append(
                f"{name:<10} {tally.precision:5.2f} {tally.recall:5.2f} {tally.f1:5.2f}   "
                f"predicted {tally.predicted_right}/{tally.predicted} right, "
                f"gold {tally.gold_found}/{tally.gold} found"
            )
        unmatched = len(self.failures.of("quotes", UNSCORED))
        found = t["meetings"].gold_found
        lines += [
            f"officials: {self.no_government} roles with no government (not counted as pairs); "
            f"role class right on {self.class_accuracy:.2f} of "
            f"{t['officials'].gold_found} matched pairs",
            f"quotes: {unmatched} direct statements match no gold quote (not counted)",
            f"meetings: of the {found} gold meetings found, status right {self.status_right}/"
            f"{found}, date right {self.date_right}/{self.dated} (of those the gold dates)",
            f"identity: {self.identity:.2f} of {self.people_in_several} people found in "
            "several articles have one single IRI",
            "failures by category (share of that type's misses, false hits or wrong details):",
        ]
        for fact in (*FACT_TYPES, "identity"):
            for side, category, n, total in self.failures.categories(fact):
                lines.append(
                    f"  {fact:<9} {side:<7} {category:<42} {n:3d}  "
                    f"({n / total:.0%} of {SIDE_NOUN[side]})"
                )
        f1 = {name: f"{tally.f1:.2f}" for name, tally in t.items()}
        lines.append(
            f"{self.label}: officials F1 {f1['officials']}, meetings F1 {f1['meetings']}, "
            f"policies F1 {f1['policies']}, quotes F1 {f1['quotes']}, "
            f"identity {self.identity:.2f}"
        )
        return "\n".join(lines)

    def details(self) -> str:
        """Every miss, false hit, wrong detail and unscored statement, by fact type and category."""
        lines = []
        for fact in (*FACT_TYPES, "identity"):
            groups: dict[tuple[str, str], list[str]] = {}
            for f in self.failures.of(fact):
                groups.setdefault((f.side, f.category), []).append(f"{f.article}: {f.text}")
            order = sorted(groups.items(), key=lambda g: (_SIDE_ORDER[g[0][0]], -len(g[1])))
            for (side, category), items in order:
                lines.append(f"[{fact}] {side}: {category} ({len(items)})")
                lines.extend(f"  {item}" for item in items)
        return "\n".join(lines)


# --- officials ------------------------------------------------------------------------------
def score_officials(gold: GoldArticle, rows: Sequence[OfficialRow], score: NewsScore) -> None:
    """(person, government) pairs of one article against its gold officials."""
    tally = score.tallies["officials"]
    pairs: dict[tuple[str, str], OfficialRow] = {}
    for row in rows:
        if row.government:
            pairs.setdefault((row.official or words(row.name), government(row.government)), row)
        else:
            score.no_government += 1
    for (_, served), row in pairs.items():
        hits = [o for o in gold.officials if is_person(row.name, o.person)]
        right = [o for o in hits if government(o.person.government) == served]
        judged_by = right or hits
        if judged_by and all(o.optional for o in judged_by):
            continue  # an optional official, rightly or wrongly placed: no penalty either way
        tally.predicted += 1
        if right:
            tally.predicted_right += 1
            continue
        category = "wrong government" if hits else "false person"
        wanted = f" (gold {hits[0].person.government})" if hits else ""
        text = f"{row.name} ({row.role}) -> {served}{wanted}"
        score.failures.add("officials", FALSE, category, gold.id, text)
    for official in gold.officials:
        if not official.optional:
            _find_official(gold.id, official, rows, score)


def _find_official(
    article: str, official: GoldOfficial, rows: Sequence[OfficialRow], score: NewsScore
) -> None:
    tally, person = score.tallies["officials"], official.person
    tally.gold += 1
    mine = [r for r in rows if is_person(r.name, person)]
    served = government(person.government)
    right = [r for r in mine if r.government and government(r.government) == served]
    roles = "; ".join(r.role for r in (right or mine))
    if right:
        tally.gold_found += 1
        classes = sorted({r.role_class for r in right})
        if official.role_class in classes:
            score.class_right += 1
            return
        text = f"{person.name} gold {official.role_class}, got {'/'.join(classes)} ({roles})"
        score.failures.add("officials", WRONG, "role class", article, text)
    elif mine and not any(r.government for r in mine):
        text = f"{person.name} ({roles})"
        score.failures.add("officials", MISSED, "title found but no government", article, text)
    elif mine:
        got = sorted({r.government for r in mine if r.government})
        text = f"{person.name} -> {', '.join(got)} (gold {person.government})"
        score.failures.add("officials", MISSED, "wrong government", article, text)
    else:
        text = f"{person.name} ({official.role}, {person.government})"
        score.failures.add("officials", MISSED, "person not found", article, text)


def score_identity(scored: Sequence[tuple[GoldArticle, Predictions]], score: NewsScore) -> None:
    """People the gold names in several articles (one ``key``) and kg finds in at least two
    of them: do they have one single IRI?"""
    seen: dict[str, dict[str, set[str]]] = {}  # key -> article -> IRIs found for the person
    for gold, predicted in scored:
        for official in gold.officials:
            iris = {r.official for r in predicted.officials if is_person(r.name, official.person)}
            seen.setdefault(official.key, {}).setdefault(gold.id, set()).update(iris)
    for key, by_article in sorted(seen.items()):
        found = [iris for iris in by_article.values() if iris]
        if len(by_article) < 2 or len(found) < 2:
            continue
        score.people_in_several += 1
        iris = set().union(*found)
        if len(iris) == 1:
            score.people_one_iri += 1
            continue
        tally = Counter(iri for group in found for iri in group)
        text = ", ".join(f"{iri.rsplit('/', 1)[-1]} x{n}" for iri, n in tally.most_common())
        score.failures.add("identity", WRONG, "same person, several IRIs", key, text)


# --- meetings -------------------------------------------------------------------------------
def meeting_matches(meeting: Meeting, gold: GoldMeeting, people: Sequence[Person]) -> bool:
    """Every gold participant is among the meeting's; a gold meeting naming none is found by
    its label pattern."""
    if gold.participants:
        return all(
            any(is_participant(p, wanted, people) for p in meeting.participants)
            for wanted in gold.participants
        )
    return gold.pattern is not None and re.search(gold.pattern, plain(meeting.label)) is not None


def score_meetings(gold: GoldArticle, meetings: Sequence[Meeting], score: NewsScore) -> None:
    """Predicted meetings of one article against its gold meetings."""
    tally, people = score.tallies["meetings"], gold.people
    for meeting in meetings:
        hits = [m for m in gold.meetings if meeting_matches(meeting, m, people)]
        if hits and all(m.optional for m in hits):
            continue
        tally.predicted += 1
        if hits:
            tally.predicted_right += 1
            continue
        if not meeting.participants:
            category = "no participants"
        elif any(
            is_participant(p, wanted, people)
            for m in gold.meetings
            for wanted in m.participants
            for p in meeting.participants
        ):
            category = "wrong or missing participants"
        else:
            category = "not in the gold"
        score.failures.add("meetings", FALSE, category, gold.id, str(meeting))
    for wanted in gold.meetings:
        if not wanted.optional:
            _find_meeting(gold.id, wanted, meetings, people, score)


def _find_meeting(
    article: str,
    wanted: GoldMeeting,
    meetings: Sequence[Meeting],
    people: Sequence[Person],
    score: NewsScore,
) -> None:
    tally = score.tallies["meetings"]
    tally.gold += 1
    found = [m for m in meetings if meeting_matches(m, wanted, people)]
    if not found:
        near = any(
            is_participant(p, name, people)
            for m in meetings
            for name in wanted.participants
            for p in m.participants
        )
        category = "participants incomplete" if near else "no such meeting"
        score.failures.add("meetings", MISSED, category, article, str(wanted))
        return
    tally.gold_found += 1
    best = max(found, key=lambda m: (m.status in wanted.statuses, dates_agree(wanted.date, m.date)))
    if best.status in wanted.statuses:
        score.status_right += 1
    else:
        text = f"{wanted}; got {best.status}"
        score.failures.add("meetings", WRONG, "found, status wrong", article, text)
    if wanted.date:
        score.dated += 1
        if dates_agree(wanted.date, best.date):
            score.date_right += 1
        else:
            text = f"{wanted}; got '{best.date}'"
            score.failures.add("meetings", WRONG, "found, date wrong or missing", article, text)


# --- policies -------------------------------------------------------------------------------
def policy_fails(policy: Policy, gold: GoldPolicy, people: Sequence[Person]) -> list[str]:
    """The fields on which a predicted policy differs from a gold one: kind, imposer, target,
    rate, each only where the gold gives it. An agreement's parties may come either way round."""
    failed = []
    kinds = {SAME_KIND.get(k, k) for k in gold.kinds}
    if SAME_KIND.get(policy.kind, policy.kind) not in kinds:
        failed.append("kind")

    def sides(imposer: str | None, target: str | None) -> list[str]:
        wanted = (("imposer", imposer, policy.imposers), ("target", target, policy.targets))
        return [side for side, want, got in wanted if want and not is_party(got, want, people)]

    wrong = sides(gold.imposer, gold.target)
    if wrong and "agreement" in kinds and not sides(gold.target, gold.imposer):
        wrong = []
    failed += wrong
    if gold.rate is not None and first_number(policy.rate) != gold.rate:
        failed.append("rate")
    return failed


def why(policy: Policy | None, failed: Sequence[str]) -> str:
    """A failure category from the fields a (nearest) policy fails on."""
    if "kind" in failed:
        return "no policy of that kind" if policy is None or len(failed) > 1 else "wrong kind"
    if policy is not None:
        for field_name, values in (
            ("imposer", policy.imposers),
            ("target", policy.targets),
            ("rate", policy.rate),
        ):
            if field_name in failed and not values:
                return f"no {field_name}"
    return "wrong " + "+".join(failed)


def score_policies(gold: GoldArticle, policies: Sequence[Policy], score: NewsScore) -> None:
    """Predicted policies of one article against its gold policies."""
    tally, people = score.tallies["policies"], gold.people
    for policy in policies:
        fails = [policy_fails(policy, p, people) for p in gold.policies]
        hits = [p for p, failed in zip(gold.policies, fails, strict=True) if not failed]
        if hits and all(p.optional for p in hits):
            continue
        tally.predicted += 1
        if hits:
            tally.predicted_right += 1
            continue
        closest = min(fails, key=lambda f: (len(f), "kind" in f)) if fails else ["kind"]
        score.failures.add("policies", FALSE, why(policy, closest), gold.id, str(policy))
    for wanted in gold.policies:
        if wanted.optional:
            continue
        tally.gold += 1
        near = [(policy_fails(p, wanted, people), p) for p in policies]
        if any(not failed for failed, _ in near):
            tally.gold_found += 1
            continue
        same_kind = [(failed, p) for failed, p in near if "kind" not in failed]
        failed, nearest = (
            min(same_kind, key=lambda fp: len(fp[0])) if same_kind else (["kind"], None)
        )
        text = f"{wanted}" + (f"; nearest: {nearest}" if nearest else "")
        score.failures.add("policies", MISSED, why(nearest, failed), gold.id, text)


# --- quotes ---------------------------------------------------------------------------------
def score_quotes(gold: GoldArticle, statements: Sequence[Statement], score: NewsScore) -> None:
    """Direct statements of one article against its gold quotes (precision), and every
    statement holding a gold quote's words (recall)."""
    tally = score.tallies["quotes"]
    for statement in statements:
        if statement.direct:
            _judge_statement(gold, statement, score)
    for quote in gold.quotes:
        if quote.optional or not quote.speaker:
            continue
        tally.gold += 1
        piece = words(quote.text)
        holding = [s for s in statements if has_words(words(s.quote), piece)]
        if any(same_speaker(s.name, quote.speaker) for s in holding):
            tally.gold_found += 1
            continue
        if holding:
            got = ", ".join(sorted({s.name for s in holding}))
            text = f'{quote.speaker}: "{quote.text}" -> {got}'
            score.failures.add("quotes", MISSED, "text found, wrong speaker", gold.id, text)
        else:
            text = f'{quote.speaker}: "{quote.text}"'
            score.failures.add("quotes", MISSED, "quote not extracted", gold.id, text)


def _judge_statement(gold: GoldArticle, statement: Statement, score: NewsScore) -> None:
    tally, said = score.tallies["quotes"], words(statement.quote)
    hits = [
        q
        for q in gold.quotes
        if has_words(said, words(q.text)) or (len(said) >= 12 and has_words(words(q.text), said))
    ]
    shown = f'"{statement.quote[:60]}" -> {statement.name}'
    if not hits:
        category = "direct statement matching no gold quote"
        score.failures.add("quotes", UNSCORED, category, gold.id, shown)
        return
    right = any(same_speaker(statement.name, q.speaker) for q in hits)
    if all(q.optional for q in hits) and not right:
        return
    tally.predicted += 1
    if right:
        tally.predicted_right += 1
        return
    named = any(q.speaker for q in hits)
    category = (
        "given to the wrong speaker" if named else "given to a speaker the text does not name"
    )
    score.failures.add("quotes", FALSE, category, gold.id, f"{shown} (gold {hits[0].speaker})")


# --- running kg and scoring -----------------------------------------------------------------
def news_files(path: Path) -> tuple[Path, Path]:
    """The articles and the gold of a news2025 folder (or of the gold file's folder)."""
    folder, gold = (path, path / GOLD_FILE) if path.is_dir() else (path.parent, path)
    articles = folder / ARTICLES_FILE
    for needed in (articles, gold):
        if not needed.is_file():
            raise InputError(
                f"no {needed.name} in '{folder}' (a news2025 folder holds "
                f"{ARTICLES_FILE} and {GOLD_FILE})"
            )
    return articles, gold


def predict(articles_file: Path, model: str | None = None) -> tuple[dict[str, Predictions], int]:
    """Every article of the file built into one store in memory; what the packaged queries
    say about each article (by article id), and how many articles were built."""
    from kg.ingest import iter_articles
    from kg.rdf.iris import article_iri

    store = memory_store()
    ids: dict[str, str] = {}  # article IRI -> article id
    for result in article_results(iter_articles([articles_file]), model=model):
        add_result(store, result)
        ids[str(article_iri(result.article_id))] = result.article_id
    resolve(store)

    def by_article(query: str) -> dict[str, list[dict[str, str]]]:
        grouped: dict[str, list[dict[str, str]]] = {}
        for row in select(store, query):
            article_id = ids.get(row.get("article", ""))
            if article_id is not None:
                grouped.setdefault(article_id, []).append(row)
        return grouped

    officials, roles = by_article("officials"), by_article(ROLE_CLASS_QUERY)
    meetings, policies = by_article("meetings"), by_article("policies")
    statements = by_article("statements")
    predicted = {
        article_id: Predictions(
            officials=_officials(officials.get(article_id, []), roles.get(article_id, [])),
            meetings=meetings_of(meetings.get(article_id, [])),
            policies=policies_of(policies.get(article_id, [])),
            statements=[_statement(row) for row in statements.get(article_id, [])],
        )
        for article_id in ids.values()
    }
    return predicted, len(ids)


def _officials(rows: list[dict[str, str]], roles: list[dict[str, str]]) -> list[OfficialRow]:
    classes = {(r["official"], r["role"]): r["roleClass"] for r in roles}
    return [
        OfficialRow(
            official=row["official"],
            name=row["name"],
            role=row["role"],
            government=row.get("government", ""),
            role_class=classes.get((row["official"], row["role"]), OTHER),
        )
        for row in rows
    ]


def _statement(row: dict[str, str]) -> Statement:
    direct = row.get("direct", "").lower() == "true"
    return Statement(row.get("name", ""), row.get("quote", ""), direct)


def score_articles(gold: Sequence[GoldArticle], predicted: dict[str, Predictions]) -> NewsScore:
    """Score each gold article against what kg predicted for it (nothing, when it was not built)."""
    score = NewsScore(articles=len(gold))
    scored = [(g, predicted.get(g.id) or Predictions()) for g in gold]
    for g, p in scored:
        score_officials(g, p.officials, score)
    score_identity(scored, score)
    for g, p in scored:
        score_meetings(g, p.meetings, score)
    for g, p in scored:
        score_policies(g, p.policies, score)
    for g, p in scored:
        score_quotes(g, p.statements, score)
    return score


def evaluate(path: Path, split: str = "all", model: str | None = None) -> NewsScore:
    """Build the whole set, score the articles of one split (``tune``, ``check`` or ``all``)."""
    articles_file, gold_file = news_files(path)
    gold = load_gold(gold_file, split)
    predicted, built = predict(articles_file, model=model)
    score = score_articles(gold, predicted)
    score.name, score.split, score.built = articles_file.resolve().parent.name, split, built
    return score
