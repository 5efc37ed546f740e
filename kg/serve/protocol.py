"""The SPARQL 1.1 Protocol's requests and content negotiation, apart from any server.

A request is a query with its RDF dataset (``default-graph-uri`` / ``named-graph-uri``) sent
by GET, by a form POST or by a direct POST; anything else is answered with the status the
protocol names. Parameters the protocol does not define (SPARQLWrapper's ``format``,
``output``, ``results``) are ignored, as foreign parameters are: the ``Accept`` header alone
chooses the format, with q-values, by ``mimeparse``.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qsl

import mimeparse
import pyoxigraph as ox

from kg.rdf.formats import FORMATS, Format, by_media_type

DEFAULT_RESULTS = FORMATS["json"]
DEFAULT_GRAPH = FORMATS["turtle"]
FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"


class Problem(Exception):
    """A request the protocol refuses: its status and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class SparqlRequest:
    """A query and the dataset it asks for (empty tuples: the store's own dataset)."""

    query: str | None  # None: no query at all (the service description is asked for)
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def _iris(values: list[str], name: str) -> tuple[str, ...]:
    for value in values:
        try:
            ox.NamedNode(value)
        except ValueError:
            raise Problem(HTTPStatus.BAD_REQUEST, f"{name} is not an IRI: {value!r}") from None
    return tuple(values)


def from_params(params: list[tuple[str, str]]) -> SparqlRequest:
    """The request that a GET's query string or a form POST's body makes."""
    if any(name == "update" for name, _ in params):
        raise Problem(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
    queries = [value for name, value in params if name == "query"]
    if len(queries) > 1:
        raise Problem(HTTPStatus.BAD_REQUEST, "more than one 'query' parameter")
    return SparqlRequest(
        queries[0] if queries else None,
        _iris([v for n, v in params if n == "default-graph-uri"], "default-graph-uri"),
        _iris([v for n, v in params if n == "named-graph-uri"], "named-graph-uri"),
    )


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Problem(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8") from None


def from_post(content_type: str, body: bytes, url_params: list[tuple[str, str]]) -> SparqlRequest:
    """The request a POST makes: a form, or the query itself as the body (its dataset then
    comes from the URL's query string)."""
    media = content_type.split(";")[0].strip().lower()
    if media == FORM:
        return from_params(parse_qsl(_text(body), keep_blank_values=True))
    if media == QUERY_BODY:
        dataset = from_params([(n, v) for n, v in url_params if n != "query"])
        return SparqlRequest(_text(body), dataset.default_graphs, dataset.named_graphs)
    if media == UPDATE_BODY:
        raise Problem(HTTPStatus.FORBIDDEN, "this endpoint is read-only: updates are refused")
    raise Problem(
        HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        f"unsupported Content-Type {media or '(none)'!r}: send {FORM} or {QUERY_BODY}",
    )


def negotiate(accept: str | None, kind: str) -> Format | None:
    """The format the ``Accept`` header prefers among those that hold ``kind`` ("results"
    or "graph"), by q-value and specificity; the default (JSON, Turtle) when the header is
    missing or a wildcard ties; None when nothing acceptable is served (406)."""
    default = DEFAULT_RESULTS if kind == "results" else DEFAULT_GRAPH
    if not accept or not accept.strip():
        return default
    table = by_media_type(kind)
    # mimeparse breaks ties in favour of the last entry: the default goes last
    supported = [m for m, f in table.items() if f is not default] + [
        m for m, f in table.items() if f is default
    ]
    try:
        best = mimeparse.best_match(supported, accept)
    except (ValueError, IndexError):
        raise Problem(HTTPStatus.BAD_REQUEST, f"malformed Accept header: {accept!r}") from None
    return table[best] if best else None


def not_acceptable(kind: str) -> Problem:
    offered = ", ".join(sorted({f.media_type for f in by_media_type(kind).values()}))
    what = "SELECT and ASK results" if kind == "results" else "CONSTRUCT and DESCRIBE results"
    return Problem(HTTPStatus.NOT_ACCEPTABLE, f"{what} are served as: {offered}")
