"""The one table of formats kg reads and writes: RDF syntaxes and SPARQL result formats.

``kg export --format``, ``kg query --format``, the media types ``kg serve`` negotiates and the
CLI's ``choices=`` all come from :data:`FORMATS`. Media types are the registered ones
(pyoxigraph's own constants); ``aliases`` are other types a client may ask for that get
the same bytes under the registered type (``application/json`` -> SPARQL results JSON).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox

Kind = Literal["graph", "dataset", "results"]


@dataclass(frozen=True)
class Format:
    """One serialisation: its CLI name, what it can hold, and pyoxigraph's constant."""

    name: str
    kind: Kind  # graph: triples only; dataset: named graphs too; results: SELECT/ASK
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat
    aliases: tuple[str, ...] = ()

    @property
    def media_type(self) -> str:
        """The registered media type, without parameters."""
        return self.oxigraph.media_type.split(";")[0].strip()

    @property
    def content_type(self) -> str:
        """What an HTTP answer in this format says it is (pyoxigraph's, as Oxigraph's server
        says it: CSV and TSV with their charset)."""
        return str(self.oxigraph.media_type)

    @property
    def is_rdf(self) -> bool:
        return self.kind != "results"

    @property
    def rdf(self) -> ox.RdfFormat:
        """pyoxigraph's constant of an RDF syntax (a TypeError for a results format)."""
        if not isinstance(self.oxigraph, ox.RdfFormat):
            raise TypeError(f"{self.name} is not an RDF syntax")
        return self.oxigraph

    @property
    def results(self) -> ox.QueryResultsFormat:
        """pyoxigraph's constant of a results format (a TypeError for an RDF syntax)."""
        if not isinstance(self.oxigraph, ox.QueryResultsFormat):
            raise TypeError(f"{self.name} is not a SPARQL results format")
        return self.oxigraph


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("turtle", "graph", ox.RdfFormat.TURTLE, ("application/x-turtle",)),
        Format("nt", "graph", ox.RdfFormat.N_TRIPLES, ("text/plain",)),
        Format("rdfxml", "graph", ox.RdfFormat.RDF_XML),
        Format("n3", "graph", ox.RdfFormat.N3, ("text/rdf+n3",)),
        Format("trig", "dataset", ox.RdfFormat.TRIG, ("application/x-trig",)),
        Format("nquads", "dataset", ox.RdfFormat.N_QUADS, ("text/x-nquads",)),
        Format("jsonld", "dataset", ox.RdfFormat.JSON_LD),
        Format("json", "results", ox.QueryResultsFormat.JSON, ("application/json",)),
        Format("xml", "results", ox.QueryResultsFormat.XML, ("application/xml", "text/xml")),
        Format("csv", "results", ox.QueryResultsFormat.CSV),
        Format("tsv", "results", ox.QueryResultsFormat.TSV),
    )
}

RDF_FORMATS = tuple(name for name, f in FORMATS.items() if f.is_rdf)
RESULT_FORMATS = tuple(name for name, f in FORMATS.items() if not f.is_rdf)
EXPORT_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld", "rdfxml")
TABLE = "table"  # kg query's format for reading; not a serialisation
QUERY_FORMATS = (TABLE, *RESULT_FORMATS, *RDF_FORMATS)


def by_media_type(kind: str) -> dict[str, Format]:
    """Media type (registered or alias, lower case) -> format, for the formats that can hold
    ``kind`` of result: "results" (SELECT, ASK) or "graph" (CONSTRUCT, DESCRIBE: any RDF
    syntax, the triples going into the default graph of a dataset syntax)."""
    table: dict[str, Format] = {}
    for fmt in FORMATS.values():
        if (fmt.kind == "results") == (kind == "results"):
            for media in (fmt.media_type, *fmt.aliases):
                table.setdefault(media, fmt)
    return table


def choices_text(names: tuple[str, ...]) -> str:
    return ", ".join(names)
