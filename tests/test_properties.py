"""Property tests (issue 6) with hypothesis: for any input, the loaders, IRI minting, date
normalisation and the RDF mapping either give a valid result or a clean ``InputError``.

Deterministic (``derandomize``: the same examples on every run and in CI), no example
database written, and a bounded number of examples so the file runs in well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg import gazetteer
from kg.dates import FUTURE, PAST, normalise_date
from kg.errors import InputError
from kg.facts import (
    COUNTRY,
    GOVERNMENT,
    GROUP,
    HEAD_OF_GOVERNMENT,
    MEETING_STATUSES,
    MINISTER,
    OTHER,
    PERSON,
    PLACE,
    DateValue,
    EntityRef,
    Evidence,
    Meeting,
    Mention,
    OfficialRole,
    Policy,
    Quote,
    Span,
)
from kg.ingest import Article, check_inputs, iter_articles
from kg.rdf.iris import entity_iri, fact_iri, graph_iri, post_iri, role_iri, slug
from kg.rdf.mapping import article_graph

PROPS = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
IRI = re.compile(r"https://example\.org/kg/[a-z]+/[a-z0-9/-]+")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Any code point, lone surrogates included (JSON can carry them; st.text() leaves them out).
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char, max_size=300)
words = st.sampled_from(
    ["Japan", "the", "Prime", "Minister", "Shigeru", "Ishiba", "said", "<script>", "\u202e",
     "\x00", "\n\n", "\r\n", "tariff", "25%", '"', "'", "\\", "{", "}", "é", "日本", "\ufeff"]
)  # fmt: skip
texty = st.lists(words, max_size=40).map(" ".join)
ISO2 = sorted(c.iso2 for c in gazetteer.countries())


@contextmanager
def a_file(name: str, data: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        yield path


def valid_article(article: Article) -> None:
    assert article.text.strip()
    article.text.encode("utf-8")  # no lone surrogate: the store and Turtle can write it
    for value in (article.title, article.source, article.url):
        assert value is None or isinstance(value, str)
    assert re.fullmatch(r"[A-Za-z0-9._-]+", article.id)


def load_or_input_error(path: Path, keep_going: bool = False) -> list[Article] | None:
    """The articles of ``path``, or None after a clean InputError; any other error fails."""
    logging.getLogger("kg.ingest").setLevel(logging.ERROR)  # expected warnings, not noise
    try:
        articles = list(iter_articles([path], keep_going=keep_going))
    except InputError as exc:
        assert "\n" not in str(exc)
        return None
    finally:
        logging.getLogger("kg.ingest").setLevel(logging.NOTSET)
    for article in articles:
        valid_article(article)
    return articles


# --- loaders -------------------------------------------------------------------------------


any_bytes = st.one_of(
    st.binary(max_size=3000), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))
)


@PROPS
@given(data=any_bytes, suffix=st.sampled_from([".txt", ".md", ".json", ".jsonl"]))
def test_any_bytes_load_or_fail_cleanly(data: bytes, suffix: str) -> None:
    with a_file("input" + suffix, data) as path:
        load_or_input_error(path)
        load_or_input_error(path, keep_going=True)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(any_text, st.integers()),
        "text": st.one_of(texty, any_text, json_values),
        "title": st.one_of(texty, json_values),
        "date": st.one_of(st.dates().map(str), any_text, json_values),
        "url": any_text,
        "source": any_text,
    },
)
lines = st.one_of(
    records.map(lambda r: json.dumps(r, ensure_ascii=bool(r) and len(r) % 2 == 0)),
    json_values.map(json.dumps),
    any_text.filter(lambda t: "\n" not in t and "\r" not in t),
)


@PROPS
@given(st.lists(lines, min_size=1, max_size=8))
def test_any_jsonl_lines_load_or_name_the_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    with a_file("corpus.jsonl", data) as path:
        strict = load_or_input_error(path)
        kept = load_or_input_error(path, keep_going=True)
        assert kept is not None  # --keep-going never stops on a broken line
        if strict is not None:
            assert [a.id for a in strict] == [a.id for a in kept]
        logging.getLogger("kg.ingest").setLevel(logging.ERROR)
        try:
            check = check_inputs([path], keep_going=True)
        except InputError as exc:
            assert kept == [] and "no articles found" in str(exc)
        else:
            assert check.articles == len(kept) > 0
            assert all(re.match(rf"{re.escape(str(path))}:\d+: ", s) for s in check.skipped)
        finally:
            logging.getLogger("kg.ingest").setLevel(logging.NOTSET)


# --- IRIs ----------------------------------------------------------------------------------


def assert_valid_iri(iri: URIRef) -> None:
    assert IRI.fullmatch(str(iri)) and len(iri) <= 200, iri
    ox.NamedNode(str(iri))  # Oxigraph's IRI parser accepts it
    line = f"<{iri}> <urn:p> <{iri}> .\n"
    assert len(Graph().parse(data=line, format="nt")) == 1
    store = ox.Store()
    store.load(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert len(store) == 1


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def rdflib_warnings() -> Iterator[list[logging.LogRecord]]:
    """What rdflib logs at WARNING or above (it warns, not raises, about a bad IRI)."""
    handler = _Records()
    logger = logging.getLogger("rdflib")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


@PROPS
@given(key=any_text, article=any_text)
def test_any_key_mints_a_valid_deterministic_iri(key: str, article: str) -> None:
    assert SLUG.fullmatch(slug(key)) and len(slug(key)) <= 89
    assert slug(key) == slug(key)
    with rdflib_warnings() as warned:
        minted = [entity_iri(EntityRef(kind, key, key), article) for kind in
                  (PERSON, PLACE, GROUP, COUNTRY, GOVERNMENT)]  # fmt: skip
        minted += [graph_iri(key), role_iri(key), post_iri(key, key)]
    for iri in minted:
        assert_valid_iri(iri)
    assert minted == [entity_iri(EntityRef(kind, key, key), article) for kind in
                      (PERSON, PLACE, GROUP, COUNTRY, GOVERNMENT)] + minted[5:]  # fmt: skip
    assert warned == []


# --- dates ---------------------------------------------------------------------------------

date_words = st.sampled_from(
    ["Thursday", "last", "next", "this", "week", "month", "year", "later", "earlier", "early",
     "mid", "late", "end of", "June", "Sept", "Feb.", "29", "31", "2025", "1999", "9999", "0",
     "today", "yesterday", "tomorrow", "on", "by", "since", "the", ",", "-", "2025-02-29",
     "30 February 2024", "90-day", "two weeks", "July 9", "9 July 2025"]
)  # fmt: skip
date_texts = st.one_of(any_text, st.lists(date_words, max_size=5).map(" ".join))
ISO_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
    "range": re.compile(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}"),
}


# --- the query policy ----------------------------------------------------------------------

sparql_bits = st.sampled_from(
    ["?s ?p ?o .", "?s <http://x/#a> 'SERVICE' .", '?s ?p "a\\"b # c" .', "?s ?p '''x''y''' .",
     "FILTER(?o<2)", "FILTER(2>?o)", "# SERVICE <http://x/> {\n", "OPTIONAL {", "}", "{",
     "} UNION {",
     "ex:SERVICE ?p ?o .", "?s ?p :service .", "SERVICE <http://y/> {", "service ?e {",
     "SERVICE SILENT <http://z/> {", "MINUS {", "BIND(1 AS ?b)", "\n", "VALUES ?v { 1 }"]
)  # fmt: skip


@PROPS
@given(st.lists(sparql_bits, max_size=12))
def test_a_query_the_parser_sees_calling_out_is_always_refused(bits: list[str]) -> None:
    """Whatever path check_query takes (the fast path or the full parse), a query whose
    rdflib parse tree holds a SERVICE is refused, and so is one it cannot parse with one."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    from kg.errors import QueryError
    from kg.query.parse import node_names
    from kg.query.policy import check_query

    sparql = "PREFIX ex: <urn:ex#> PREFIX : <urn:e#> SELECT * WHERE { " + " ".join(bits) + " }"
    try:
        tree = parseQuery(sparql)
    except (ParseBaseException, RecursionError):  # rdflib recurses past Python's limit
        tree = None
    calls_out = tree is not None and "ServiceGraphPattern" in node_names(tree)
    try:
        check = check_query(sparql)
    except QueryError:
        return
    assert not calls_out and not check.remote and not check.is_update


EDGE_DAYS = [dt.date.min, dt.date(1, 1, 3), dt.date(9999, 12, 28), dt.date.max]


@PROPS
@given(text=date_texts, anchor=st.one_of(st.none(), st.dates(), st.sampled_from(EDGE_DAYS)),
       tense=st.sampled_from([None, PAST, FUTURE]))  # fmt: skip
def test_any_text_and_anchor_normalise_to_a_date_or_none(
    text: str, anchor: dt.date | None, tense: str | None
) -> None:
    value = normalise_date(text, anchor, tense)
    if value is None:
        return
    assert isinstance(value, DateValue)
    assert ISO_FORMS[value.precision].fullmatch(value.iso), value
    assert value.earliest <= value.latest
    if value.precision == "day":
        assert value.iso == value.earliest.isoformat() == value.latest.isoformat()
    elif value.precision == "range":
        assert value.iso == f"{value.earliest.isoformat()}/{value.latest.isoformat()}"
    else:
        assert value.earliest.isoformat().startswith(value.iso)
    assert normalise_date(text, anchor, tense) == value  # deterministic


# --- the RDF mapping -----------------------------------------------------------------------

labels = st.one_of(texty, any_text).map(lambda t: no_surrogates(t))


@st.composite
def entities(
    draw: st.DrawFn, kinds: tuple[str, ...] = (PERSON, PLACE, GROUP, COUNTRY)
) -> EntityRef:
    kind = draw(st.sampled_from(kinds))
    if kind in (COUNTRY, GOVERNMENT):  # extractors key countries by the gazetteer's codes
        return EntityRef(kind, draw(st.sampled_from(ISO2)), draw(labels))
    return EntityRef(kind, draw(labels), draw(labels))


@st.composite
def date_values(draw: st.DrawFn) -> DateValue | None:
    day = draw(st.dates())
    return draw(st.sampled_from([None, DateValue(draw(labels), day.isoformat(), "day", day, day)]))


@st.composite
def facts(draw: st.DrawFn, text: str) -> list:
    def evidence() -> Evidence:
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        span = Span(start, end, text[start:end])
        return Evidence(span, span)

    out: list = []
    for kind in draw(st.lists(st.sampled_from("MORPQ"), max_size=6)):
        if kind == "M":
            out.append(
                Mention(draw(entities()), tuple(draw(st.lists(labels, max_size=2))), evidence())
            )
        elif kind == "O":
            out.append(OfficialRole(
                EntityRef(PERSON, draw(labels), draw(labels)), draw(labels), draw(labels),
                draw(st.sampled_from([HEAD_OF_GOVERNMENT, MINISTER, OTHER])),
                draw(st.one_of(st.none(), entities((COUNTRY,)))), draw(st.booleans()),
                draw(st.sampled_from(["", "former", "acting"])), evidence(),
            ))  # fmt: skip
        elif kind == "P":
            out.append(Policy(
                draw(st.sampled_from(["tariff", "pause", "agreement", "pledge", "odd"])),
                draw(labels), draw(st.one_of(st.none(), entities())),
                draw(st.one_of(st.none(), entities())), tuple(draw(st.lists(labels, max_size=2))),
                draw(st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False))),
                draw(st.sampled_from([None, "percent", "days", "USD"])), draw(date_values()),
                draw(date_values()), draw(labels), draw(st.one_of(st.none(), labels)), evidence(),
            ))  # fmt: skip
        elif kind == "R":
            out.append(Meeting(
                draw(labels), draw(st.sampled_from(["talks", "summit"])),
                tuple(draw(st.lists(entities(), max_size=3))),
                draw(st.one_of(st.none(), entities((PLACE,)))), draw(date_values()),
                draw(st.sampled_from(MEETING_STATUSES)), draw(st.one_of(st.none(), st.integers())),
                draw(st.one_of(st.none(), labels)), evidence(),
            ))  # fmt: skip
        else:
            out.append(Quote(
                draw(st.one_of(st.none(), entities((PERSON, GROUP)))), draw(labels),
                draw(st.sampled_from(["say", "tell"])), draw(labels), draw(st.booleans()),
                evidence(),
            ))  # fmt: skip
    return out


def no_surrogates(value: str) -> str:
    """What the loader hands on: lone surrogates replaced (they cannot be written)."""
    return re.sub("[\ud800-\udfff]", "\ufffd", value)


@PROPS
@given(data=st.data(), text=st.one_of(texty, any_text).map(no_surrogates).filter(str.strip),
       title=st.one_of(st.none(), labels.map(no_surrogates)))  # fmt: skip
def test_any_article_and_facts_map_to_turtle_that_reparses(
    data: st.DataObject, text: str, title: str | None
) -> None:
    article = Article(
        id="a", text=text, title=title, published=data.draw(st.one_of(st.none(), st.dates()))
    )
    fact_list = data.draw(facts(text))
    graph = article_graph(article, fact_list)
    assert article_graph(article, fact_list).serialize(format="nt") == graph.serialize(format="nt")
    turtle = graph.serialize(format="turtle")
    assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)
    store = ox.Store()
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        if str(term).startswith(("https://example.org/kg/id/", "https://example.org/kg/graph/")):
            assert IRI.fullmatch(str(term)) and len(term) <= 200, term
    for fact in fact_list:
        assert_valid_iri(fact_iri("policy", article.id, fact))


@pytest.mark.parametrize("anchor", EDGE_DAYS)
def test_dates_at_the_ends_of_the_calendar_are_none_not_a_crash(anchor: dt.date) -> None:
    for text in ("tomorrow", "yesterday", "next year", "last week", "July 9", "early July"):
        for tense in (None, PAST, FUTURE):
            value = normalise_date(text, anchor, tense)
            assert value is None or value.earliest <= value.latest
