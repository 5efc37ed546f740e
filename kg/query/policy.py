"""What a query may do, decided on its parse: no updates unless allowed, no calls to other hosts.

Queries are untrusted (``kg serve`` answers anyone who can reach it). Two facts make the
check sound without hand-written scanning:

* Reading runs Oxigraph's ``Store.query``, whose grammar accepts queries only: an update
  can never run through it. Updates run only through ``kg query --update``.
* A SPARQL keyword is a run of ASCII letters matched in any letter case, with no escape but
  the ``\\u`` code points SPARQL 1.1 decodes first. So a text in which the word ``service``
  occurs nowhere, in any case, before or after decoding, holds no SERVICE pattern for any
  SPARQL parser; likewise ``load`` for the LOAD operation, and a text holding none of the
  words that start an update operation (``insert``, ``delete``, ``clear``, ...) is no update.
  Such a text needs no parse: this is the fast path, and it is exact, not a guess
  (``tests/query`` fuzzes it against the parser).

Any other text is parsed with rdflib's SPARQL parser (:mod:`kg.query.parse`) and refused when
its parse holds a SERVICE pattern or a LOAD, when rdflib cannot read it, or when the risky
word occurs more often in the text than in the parse's strings, IRIs and names: an
occurrence the parser dropped (a comment, or a lexical trick two parsers might read
differently) is not trusted.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.errors import QueryError
from kg.query.parse import (
    RISKY_WORDS,
    UPDATE_WORDS,
    Parsed,
    count_word,
    parse,
    readings,
)

MAX_QUERY_CHARS = 100_000  # a longer text is refused before it is parsed
MAX_BRACKETS = 2_000  # opening brackets; ~3,000 nested groups overflow Oxigraph's parser
UPDATE = "UPDATE"
QUERY = "QUERY"  # a text taken on the fast path: a query or a syntax error, Oxigraph says


@dataclass(frozen=True)
class QueryCheck:
    """What a SPARQL text would do: its form, its update operations, whether it calls out."""

    form: str  # SELECT | ASK | CONSTRUCT | DESCRIBE | UPDATE, or QUERY when not parsed
    operations: tuple[str, ...] = ()  # for an update: "INSERT DATA", "LOAD", ...
    remote: bool = False  # SERVICE or LOAD: the store would fetch from another host

    @property
    def is_update(self) -> bool:
        return self.form == UPDATE


@dataclass(frozen=True)
class Flags:
    """How the refusal messages name the way to allow a thing (the CLI's flags, or none)."""

    update: str | None = "--update"
    service: str | None = "--allow-service"
    program: str = "kg query"


CLI = Flags()
SERVER = Flags(None, None, "kg serve")


def _words(sparql: str, words: tuple[str, ...]) -> set[str]:
    """Which of ``words`` occur in the text in any case, as written or with its escapes
    decoded (either way a parser might decode them)."""
    texts = [text.casefold() for text in readings(sparql)]
    return {word for word in words if any(word in text for text in texts)}


def _limits(sparql: str) -> None:
    if len(sparql) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query too long: {len(sparql):,} characters (at most {MAX_QUERY_CHARS:,})"
        )
    brackets = sum(sparql.count(c) for c in "{([")
    if brackets > MAX_BRACKETS:  # an upper bound of the nesting, whatever the tokens
        raise QueryError(
            f"query nested too deeply: {brackets:,} opening brackets (at most {MAX_BRACKETS:,})"
        )


def _unaccounted(sparql: str, parsed: Parsed) -> str | None:
    """A risky word the text holds more often than the parse's strings, IRIs and names."""
    texts = readings(sparql)
    for word in RISKY_WORDS:
        if max(count_word(text, word) for text in texts) > parsed.words_in_data(word):
            return word
    return None


def _refuse_remote(parsed: Parsed | None, sparql: str, flags: Flags) -> None:
    how = f"; pass {flags.service} to allow it" if flags.service else f" by {flags.program}"
    if parsed is not None and parsed.remote:
        what = "LOAD" if "LOAD" in parsed.operations else "SERVICE"
        raise QueryError(f"{what} refused: the query would fetch data from another host{how}")
    word = _unaccounted(sparql, parsed) if parsed is not None else None
    if word:
        raise QueryError(
            f"{word.upper()} refused: the word '{word}' occurs outside the query's strings, "
            f"IRIs and names (in a comment?), so it cannot be told from a call to another "
            f"host; remove it{how.replace('; pass', ', or pass')}"
        )


def _refuse_update(parsed: Parsed, flags: Flags) -> None:
    allow = f"unless {flags.update} is given" if flags.update else f"by {flags.program}, ever"
    raise QueryError(
        f"SPARQL update ({', '.join(parsed.operations) or 'empty'}) refused: "
        f"{flags.program} is read-only; only SPARQL queries (SELECT, ASK, CONSTRUCT, "
        f"DESCRIBE) run {allow}"
    )


def check_query(
    sparql: str,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    flags: Flags = CLI,
) -> QueryCheck:
    """Refuse what ``sparql`` may not do, with a one-line :class:`QueryError`; say what it is.

    Refused unless allowed: an update (``allow_update``), and a query or update that would
    call another host - SERVICE, or LOAD of a URL (``allow_service``). A text that holds
    none of the words that could make it either is not parsed (see the module docstring):
    its form is ``QUERY``, and Oxigraph reports its syntax errors when it runs.
    """
    _limits(sparql)
    found = _words(sparql, ("service", *UPDATE_WORDS))
    risky = "service" in found or (allow_update and "load" in found)
    needs_parse = allow_update or (risky and not allow_service) or bool(found - {"service"})
    if not needs_parse:  # a query (or a syntax error) whose SERVICE, if any, is allowed
        return QueryCheck(QUERY, (), "service" in found)
    try:
        parsed = parse(sparql)
    except QueryError as exc:
        if not risky or allow_service:
            raise
        word = "SERVICE" if "service" in found else "LOAD"
        raise QueryError(
            f"{word} refused: kg's SPARQL parser cannot read this text, so it cannot tell "
            f"whether it calls another host ({exc})"
        ) from None
    if parsed.is_update and not allow_update:
        _refuse_update(parsed, flags)
    if risky and not allow_service:
        _refuse_remote(parsed, sparql, flags)
    return QueryCheck(parsed.form, parsed.operations, parsed.remote)


def explain_syntax_error(sparql: str, message: str, flags: Flags = CLI) -> QueryError:
    """The error for a text Oxigraph's query parser refused: the update refusal when the
    text is an update, else the syntax error as Oxigraph gives it."""
    try:
        parsed = parse(sparql)
    except QueryError:
        parsed = None
    if parsed is not None and parsed.is_update:
        try:
            _refuse_update(parsed, flags)
        except QueryError as refusal:
            return refusal
    return QueryError(f"SPARQL syntax error: {' '.join(message.split())}")
