"""kg export --void: a VoID/DCAT description whose figures are the store's own."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

from kg.errors import ExportError
from kg.rdf.describe import check_license, describe
from kg.rdf.store import open_store

VOID = "http://rdfs.org/ns/void#"
DESCRIPTION = """
PREFIX void: <http://rdfs.org/ns/void#>
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?triples ?articles ?start ?end ?license ?space WHERE {
  GRAPH <https://example.org/kg/graph/void> {
    ?d a void:Dataset, dcat:Dataset ; void:triples ?triples ; void:uriSpace ?space ;
       void:classPartition [ void:class <https://schema.org/NewsArticle> ;
                             void:entities ?articles ] ;
       dcterms:temporal [ dcat:startDate ?start ; dcat:endDate ?end ] .
    OPTIONAL { ?d dcterms:license ?license }
  }
}"""


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], capture_output=True, text=True, timeout=300
    )


def test_the_description_counts_what_the_store_holds(seed_build, tmp_path):
    out, _report = seed_build
    target = tmp_path / "graph.trig"
    license_iri = "https://creativecommons.org/licenses/by/4.0/"
    done = kg(
        "export", "--format", "trig", "--license", license_iri, "--out", str(target),
        "--store", str(out / "store"),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    exported = ox.Store()
    exported.load(path=str(target), format=ox.RdfFormat.TRIG)
    (row,) = list(exported.query(DESCRIPTION))
    store = open_store(out / "store", read_only=True)
    (count,) = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(row["triples"].value) == int(count["n"].value)
    assert int(row["articles"].value) == 1
    assert (row["start"].value, row["end"].value) == ("2025-05-29", "2025-05-29")
    assert row["license"].value == license_iri
    assert row["space"].value == "https://example.org/kg/id/"
    vocabularies = {
        r["v"].value
        for r in exported.query(f"SELECT ?v WHERE {{ GRAPH ?g {{ ?d <{VOID}vocabulary> ?v }} }}")
    }
    assert {"https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#"} <= (
        vocabularies
    )
    assert "https://example.org/kg/ontology#" in vocabularies
    # the article graphs are all still there, beside the description's
    assert "https://example.org/kg/graph/000-c6673815f6e7e950" in {
        g.value for g in exported.named_graphs()
    }


def test_the_same_store_gives_the_same_description(seed_build):
    out, _report = seed_build
    store = open_store(out / "store", read_only=True)
    assert describe(store) == describe(store)
    assert not any(isinstance(q.subject, ox.BlankNode) for q in describe(store))


def test_turtle_gets_the_description_as_triples_and_a_bad_license_is_one_line(seed_build):
    out, _report = seed_build
    done = kg("export", "--void", "--store", str(out / "store"))
    assert done.returncode == 0
    assert "void:Dataset" in done.stdout and "dcterms:license" not in done.stdout
    bad = kg("export", "--license", "CC-BY", "--store", str(out / "store"))
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.strip().splitlines() == [
        "kg: error: not a licence IRI: 'CC-BY'; give an absolute IRI such as "
        "https://creativecommons.org/licenses/by/4.0/"
    ]


@pytest.mark.parametrize("good", ["https://opendatacommons.org/licenses/odbl/1-0/", "urn:x:y"])
def test_licence_iris(good):
    assert check_license(good) == good
    with pytest.raises(ExportError):
        check_license("All rights reserved")
