"""What kg asks of a store: the part of Oxigraph's ``Store`` that ``RemoteStore`` also has.

Code that reads or writes a store through this type works on a local store directory and
on a SPARQL server alike (``--store DIR|URL``); what only a local store can do (bulk loads,
backups) takes ``pyoxigraph.Store`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

import pyoxigraph as ox


class GraphStore(Protocol):
    """A SPARQL store kg can query, update and list quads of."""

    def query(self, query: str, /, *, default_graph: Any = None, named_graphs: Any = None) -> Any:
        """SELECT/ASK results or CONSTRUCT/DESCRIBE triples, as pyoxigraph gives them."""

    def update(self, update: str, /) -> None:
        """Run a SPARQL update."""

    def quads_for_pattern(
        self, subject: Any, predicate: Any, object: Any, graph_name: Any = None, /
    ) -> Iterator[ox.Quad]:
        """The quads of a pattern (a remote store answers whole-graph patterns only)."""

    def flush(self) -> None:
        """Make what was written durable."""
