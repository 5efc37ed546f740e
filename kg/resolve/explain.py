"""Why resolution merged or inferred something: the records behind ``kg explain IRI``."""

from __future__ import annotations

from kg.errors import QueryError
from kg.rdf.graphstore import GraphStore
from kg.rdf.ontology import BASE, ID, KG


def _short() -> dict[str, str]:
    return {"id:": str(ID), "kg:": BASE + "ontology#"}  # id: under the store's base


def full_iri(text: str) -> str:
    """An IRI as given, with ``<...>`` dropped and ``id:`` / ``kg:`` expanded."""
    text = text.strip().removeprefix("<").removesuffix(">")
    for short, long in _short().items():
        if text.startswith(short):
            return long + text[len(short) :]
    if not text.startswith(("http://", "https://", "urn:")):
        raise QueryError(f"not an IRI: '{text}'; give one such as id:person/akazawa")
    return text


def _label_of(store: GraphStore, iri: str) -> str:
    rows = list(
        store.query(
            f"SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
            " ORDER BY ?l LIMIT 1"
        )
    )
    return str(rows[0]["l"].value) if rows else iri.rsplit("/", 1)[-1]


def explain(store: GraphStore, iri: str) -> list[str]:
    """Lines saying which conclusions are about ``iri`` (or conclude it), by which rule, why,
    and from which articles; and, for a story, the reports it gathers."""
    iri = full_iri(iri)
    rows = store.query(
        f"SELECT ?r ?rule ?about ?concludes ?why WHERE {{ ?r a <{KG.Resolution}> ;"
        f" <{KG.rule}> ?rule ; <{KG.about}> ?about ; <{KG.concludes}> ?concludes ;"
        " <http://www.w3.org/2000/01/rdf-schema#comment> ?why ."
        f" FILTER (?about = <{iri}> || ?concludes = <{iri}>) }} ORDER BY ?rule ?about"
    )
    lines: list[str] = []
    for row in rows:
        record = str(row["r"].value)
        about, concludes = str(row["about"].value), str(row["concludes"].value)
        lines.append(
            f"{row['rule'].value}: {_label_of(store, about)} -> {_label_of(store, concludes)}"
            f" ({row['why'].value})"
        )
        sources = store.query(
            f"SELECT ?a WHERE {{ <{record}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?a }}"
            " ORDER BY ?a"
        )
        for source in sources:
            lines.append(f"  from {_label_of(store, str(source['a'].value))} <{source['a'].value}>")
    reports = store.query(
        f"SELECT ?status ?asOf ?article WHERE {{ <{iri}> <{KG.statusReport}> ?r ."
        f" ?r <{KG.status}> ?status ; <http://purl.org/dc/terms/source> ?article ."
        f" OPTIONAL {{ ?r <{KG.asOf}> ?asOf }} }} ORDER BY ?asOf ?article"
    )
    for row in reports:
        when = row["asOf"].value if row["asOf"] is not None else "undated"
        source = _label_of(store, str(row["article"].value))
        lines.append(f"reported {row['status'].value} on {when} by {source}")
    return lines
