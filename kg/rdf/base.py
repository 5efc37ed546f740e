"""The base IRI every instance IRI is minted under, and the store's record of it.

``https://example.org/kg/`` is a placeholder: a user publishing a graph mints its IRIs under a
domain of their own (``kg build --base IRI``, ``$KG_BASE``). Entities go under ``BASE id/``
and named graphs under ``BASE graph/``; the vocabulary's own namespace
(``https://example.org/kg/ontology#``) never moves, so queries written against it keep working.

There is exactly one setting per process, read at every use: :data:`kg.rdf.ontology.ID` and
:data:`kg.rdf.ontology.GRAPH` are :class:`MintedNamespace` objects that look it up each time
an IRI is made, so no module can hold on to an old base. A store records the base it was
built under (:func:`settle_base`), and a build under another base is refused: two bases in
one graph would split every entity in two.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.errors import InputError, StoreError
from kg.rdf.graphstore import GraphStore

if TYPE_CHECKING:
    import pyoxigraph as ox

    from kg.rdf.remote import RemoteStore

DEFAULT_BASE = "https://example.org/kg/"
ENV = "KG_BASE"
_RECORD = "https://example.org/kg/ontology#instanceBase"  # KG.instanceBase, fixed
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+", re.IGNORECASE)

_current = DEFAULT_BASE  # the one setting; changed only through using_base


def check_base(iri: str) -> str:
    """A base as given on the command line, checked and ending in ``/``."""
    text = iri.strip()
    if not _IRI.fullmatch(text) or "#" in text or "?" in text:
        raise InputError(
            f"not a base IRI: '{iri}'; give an absolute http(s) IRI without '#' or '?', "
            "such as https://news.example.net/kg/"
        )
    return text if text.endswith("/") else text + "/"


def requested_base(given: str | None = None) -> str | None:
    """The base a caller asked for: ``given`` (``--base``), else ``$KG_BASE``, else None."""
    if given:
        return check_base(given)
    env = os.environ.get(ENV, "").strip()
    return check_base(env) if env else None


def current_base() -> str:
    return _current


@contextmanager
def using_base(iri: str | None) -> Iterator[str]:
    """Mint under ``iri`` (checked) inside the block; the previous base after it."""
    global _current
    previous = _current
    _current = check_base(iri) if iri else DEFAULT_BASE
    try:
        yield _current
    finally:
        _current = previous


def adopt_base(store: GraphStore) -> str:
    """Mint under the base ``store`` was built with from now on (reading commands, so that
    ``id:`` shortening and expansion use the store's own IRIs)."""
    global _current
    _current = stored_base(store) or DEFAULT_BASE
    return _current


class MintedNamespace:
    """``BASE + path`` under the current base: ``ID["person/x"]``, ``str(GRAPH)``."""

    def __init__(self, path: str) -> None:
        self._path = path

    def __getitem__(self, key: str) -> URIRef:
        return URIRef(_current + self._path + key)

    def __str__(self) -> str:
        return _current + self._path

    def __repr__(self) -> str:
        return f"MintedNamespace({str(self)!r})"


# --- the store's record ---------------------------------------------------------------------

_BASES = "SELECT DISTINCT ?base WHERE { GRAPH ?g { ?s <" + _RECORD + "> ?base } }"
_ANY_ARTICLE = "ASK { GRAPH ?g { ?a <https://example.org/kg/ontology#contentHash> ?h } }"


def stored_base(store: GraphStore) -> str | None:
    """The base the store records; the default for a store of articles built before bases
    were recorded; None for an empty store."""
    bases = sorted(str(row["base"].value) for row in store.query(_BASES))
    if len(bases) > 1:
        raise StoreError(
            f"the store holds IRIs under {len(bases)} bases ({', '.join(bases)}); "
            "build it again from its inputs under one --base"
        )
    if bases:
        return bases[0]
    return DEFAULT_BASE if bool(store.query(_ANY_ARTICLE)) else None


def settle_base(store: ox.Store | RemoteStore, requested: str | None, where: str) -> str:
    """The base a build into ``store`` mints under, recorded in the store the first time.

    A store built under one base refuses a build under another (``requested`` from
    ``--base`` or ``$KG_BASE``); without a request the store's own base is used.
    """
    stored = stored_base(store)
    if stored is not None and requested is not None and stored != requested:
        raise StoreError(
            f"the store at '{where}' holds IRIs under <{stored}>, not <{requested}>; "
            "one graph cannot mix two bases: build into another --out, or drop --base "
            "(and $KG_BASE) to use the store's"
        )
    base = stored or requested or DEFAULT_BASE
    if stored is None:
        _record(store, base)
    return base


def _record(store: ox.Store | RemoteStore, base: str) -> None:
    """The vocabulary's graph, written under ``base``, carries the record (see
    :func:`kg.rdf.mapping.ontology_graph`)."""
    from kg.rdf.mapping import ontology_graph
    from kg.rdf.store import replace_graph

    with using_base(base):
        replace_graph(store, ontology_graph())
