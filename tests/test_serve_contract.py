"""kg serve against Oxigraph's own server, over the same data, through three clients.

One table of requests goes to both servers by raw HTTP (methods, form / direct / chunked
bodies, Accept headers with q-values, dataset parameters, CONSTRUCT and DESCRIBE in every
graph format, bad requests); SPARQLWrapper and rdflib's SPARQLStore run their own table.
Each row asserts the same answer from both servers (status, media type, and the same
results or graph once parsed), or a difference named in ``DIFFERENCES`` with both servers'
answers, which the README lists under "Use kg with SPARQL tools".
"""

from __future__ import annotations

import http.client
import shutil
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.net import free_port
from tests.paths import QUERIES

ONTOLOGY = "https://example.org/kg/graph/ontology"
BESSENT = "https://example.org/kg/id/person/scott-bessent"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PERSONS = "CONSTRUCT { ?p ?x ?y } WHERE { ?p a <https://schema.org/Person> ; ?x ?y }"
DESCRIBE = f"DESCRIBE <{BESSENT}>"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


@dataclass(frozen=True)
class Row:
    """One request: method, query-string parameters, body, headers."""

    name: str
    method: str = "GET"
    params: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    chunked: bool = False
    path: str = "/query"


def q(query: str, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return [("query", query), *more]


def form(*pairs: tuple[str, str]) -> bytes:
    return urllib.parse.urlencode(pairs).encode()


def accept(media: str) -> dict[str, str]:
    return {"Accept": media}


OFFICIALS = (QUERIES / "officials.rq").read_text(encoding="utf-8")
MEETINGS = (QUERIES / "meetings.rq").read_text(encoding="utf-8")

ROWS = [
    # methods and bodies
    Row("get json", params=q(OFFICIALS)),
    Row("get ask", params=q("ASK { ?s a <https://schema.org/Person> }")),
    Row("form post csv", "POST", body=form(("query", MEETINGS)), headers=FORM | accept("text/csv")),
    Row(
        "direct post xml",
        "POST",
        body=OFFICIALS.encode(),
        headers=DIRECT | accept("application/sparql-results+xml"),
    ),
    Row("chunked direct post", "POST", body=COUNT.encode(), headers=DIRECT, chunked=True),
    Row("chunked form post", "POST", body=form(("query", COUNT)), headers=FORM, chunked=True),
    Row("head", "HEAD", params=q(COUNT)),
    # content negotiation
    Row("accept tsv", params=q(MEETINGS), headers=accept("text/tab-separated-values")),
    Row(
        "accept q-values prefer json",
        params=q(COUNT),
        headers=accept("application/sparql-results+xml;q=0.1, application/sparql-results+json"),
    ),
    Row("accept application/json", params=q(COUNT), headers=accept("application/json")),
    Row("accept application/xml", params=q(COUNT), headers=accept("application/xml")),
    Row("accept wildcard select", params=q(COUNT), headers=accept("*/*")),
    Row("accept nothing served", params=q(COUNT), headers=accept("image/png")),
    Row(
        "foreign parameters",
        params=q(PERSONS, ("format", "xml"), ("output", "xml"), ("results", "xml")),
        headers=accept("application/rdf+xml"),
    ),
    # CONSTRUCT and DESCRIBE in every graph format
    *[
        Row(f"construct {media}", params=q(PERSONS), headers=accept(media))
        for media in (
            "text/turtle",
            "application/n-triples",
            "application/rdf+xml",
            "application/ld+json",
            "application/n-quads",
            "application/trig",
            "text/plain",
            "text/n3",
        )
    ],
    Row("describe turtle", params=q(DESCRIBE), headers=accept("text/turtle")),
    Row(
        "describe rdf+xml",
        "POST",
        body=form(("query", DESCRIBE)),
        headers=FORM | accept("application/rdf+xml"),
    ),
    Row("construct wildcard", params=q(PERSONS), headers=accept("*/*")),
    # the request's dataset
    Row(
        "default-graph-uri get",
        params=q(COUNT, ("default-graph-uri", ONTOLOGY)),
        headers=accept("text/csv"),
    ),
    Row(
        "default-graph-uri form",
        "POST",
        body=form(("query", COUNT), ("default-graph-uri", ONTOLOGY)),
        headers=FORM | accept("text/csv"),
    ),
    Row(
        "default-graph-uri direct",
        "POST",
        params=[("default-graph-uri", ONTOLOGY)],
        body=COUNT.encode(),
        headers=DIRECT | accept("text/csv"),
    ),
    Row(
        "named-graph-uri",
        params=q(COUNT_NAMED, ("named-graph-uri", ONTOLOGY)),
        headers=accept("text/csv"),
    ),
    Row(
        "named-graph-uri only: empty default",
        params=q(COUNT, ("named-graph-uri", ONTOLOGY)),
        headers=accept("text/csv"),
    ),
    Row(
        "default-graph-uri only: no named",
        params=q(COUNT_NAMED, ("default-graph-uri", ONTOLOGY)),
        headers=accept("text/csv"),
    ),
    # bad requests
    Row("syntax error", params=q("SELEKT * WHERE { }")),
    Row("two query parameters", params=q(COUNT, ("query", COUNT))),
    Row("unsupported body", "POST", body=COUNT.encode(), headers={"Content-Type": "text/plain"}),
    Row(
        "update body",
        "POST",
        body=b"DROP ALL",
        headers={"Content-Type": "application/sparql-update"},
        path="/update",
    ),
    Row(
        "update form on the query endpoint", "POST", body=form(("update", "DROP ALL")), headers=FORM
    ),
    Row("no query: what the endpoint is", params=[]),
    Row("put", "PUT", params=q(COUNT)),
    Row("options without --cors", "OPTIONS", params=q(COUNT)),
    Row("service", params=q("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")),
    Row("a Host that is not the bound address", params=q(COUNT), headers={"Host": "evil.example"}),
]

# Where kg serve answers otherwise than Oxigraph's server, on purpose:
# row -> (kg's status and media type, Oxigraph's, why)
DIFFERENCES = {
    "head": ((200, "application/sparql-results+json"), (404, "text/plain"),
             "HTTP requires HEAD wherever GET is served; Oxigraph does not route it"),
    "put": ((405, "text/plain"), (404, "text/plain"),
            "405 Method Not Allowed with an Allow header, as HTTP says for a known resource"),
    "options without --cors": ((405, "text/plain"), (404, "text/plain"),
                               "no CORS unless --cors: OPTIONS is a method kg does not serve"),
    "update form on the query endpoint": ((403, "text/plain"), (400, "text/plain"),
                                          "an update is refused as an update: read-only"),
    "no query: what the endpoint is": ((200, "text/turtle"), (200, "application/n-quads"),
                                       "the SPARQL 1.1 Service Description, not the data"),
    "service": ((400, "text/plain"), (200, "application/sparql-results+json"),
                "kg never calls other hosts; Oxigraph tries, and fails mid-answer"),
    "construct wildcard": ((200, "text/turtle"), (200, "application/n-quads"),
                           "*/* gets Turtle, which every RDF client reads"),
    "a Host that is not the bound address": ((400, "text/plain"),
                                             (200, "application/sparql-results+json"),
                                             "DNS rebinding: see the README's Reliability"),
}  # fmt: skip


def _start(command: list[str], url: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parts = urllib.parse.urlsplit(url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=2)
        try:
            connection.request("GET", "/query?query=ASK%7B%7D")
            connection.getresponse().read()
            return process
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode() if process.stderr else "no output")
            time.sleep(0.2)
        finally:
            connection.close()
    pytest.fail(f"{command[0]} did not come up")


@pytest.fixture(scope="module")
def servers(seed_build, tmp_path_factory) -> Iterator[dict[str, str]]:
    """kg serve and Oxigraph's server, each over its own copy of the seed store."""
    binary = shutil.which("oxigraph") or shutil.which(
        "oxigraph", path=str(Path(sys.executable).parent)
    )
    if binary is None:
        pytest.skip("no Oxigraph server: install the 'oxigraph' test dependency")
    out, _ = seed_build
    copies = tmp_path_factory.mktemp("contract")
    for name in ("kg", "ox"):
        shutil.copytree(out / "store", copies / name)
    kg_port, ox_port = free_port(), free_port()
    urls = {"kg": f"http://127.0.0.1:{kg_port}", "ox": f"http://127.0.0.1:{ox_port}"}
    kg_cmd = [sys.executable, "-m", "kg", "serve", "--store", str(copies / "kg")]
    processes = [
        _start([*kg_cmd, "--port", str(kg_port)], urls["kg"]),
        _start(
            [
                binary,
                "serve-read-only",
                "--location",
                str(copies / "ox"),
                "--bind",
                f"127.0.0.1:{ox_port}",
            ],
            urls["ox"],
        ),
    ]
    yield urls
    for process in processes:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


@dataclass(frozen=True)
class Answer:
    status: int
    media: str
    body: bytes


def send(base: str, row: Row) -> Answer:
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    path = row.path + ("?" + urllib.parse.urlencode(row.params) if row.params else "")
    body = iter([row.body[:7], row.body[7:]]) if row.chunked and row.body else row.body
    connection.request(row.method, path, body=body, headers=row.headers,
                       encode_chunked=row.chunked)  # fmt: skip
    response = connection.getresponse()
    answer = Answer(
        response.status,
        (response.getheader("Content-Type") or "").split(";")[0].strip(),
        response.read(),
    )
    connection.close()
    return answer


_RDF = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "text/n3": ox.RdfFormat.N3,
}
_RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}


def _graph(body: bytes, media: str) -> Graph:
    """The triples of an RDF answer in any syntax (quads' graph names dropped), as rdflib
    compares graphs with blank nodes."""
    triples = [q.triple for q in ox.parse(body, format=_RDF[media])]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def _results(answer: Answer) -> object:
    if answer.media == "text/csv":  # lossy: compared as its lines
        return sorted(answer.body.decode("utf-8").splitlines())
    result = ox.parse_query_results(answer.body, format=_RESULTS[answer.media])
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    names = [v.value for v in result.variables]
    return names, sorted(tuple(str(s[n]) for n in names) for s in result)


def assert_same(kg: Answer, oxigraph: Answer) -> None:
    assert (kg.status, kg.media) == (oxigraph.status, oxigraph.media)
    if kg.status != 200 or not oxigraph.body:
        return  # error texts are each server's own; HEAD has no body
    if kg.media in _RDF:
        assert isomorphic(_graph(kg.body, kg.media), _graph(oxigraph.body, oxigraph.media))
    else:
        assert _results(kg) == _results(oxigraph)


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_contract_raw_http(servers, row: Row) -> None:
    kg, oxigraph = send(servers["kg"], row), send(servers["ox"], row)
    if row.name in DIFFERENCES:
        (kg_status, kg_media), (ox_status, ox_media), _ = DIFFERENCES[row.name]
        assert (kg.status, kg.media) == (kg_status, kg_media), kg.body[:200]
        assert (oxigraph.status, oxigraph.media) == (ox_status, ox_media), oxigraph.body[:200]
    else:
        assert_same(kg, oxigraph)


def test_contract_dataset_parameter_changes_the_answer(servers) -> None:
    """The request's dataset is honoured: the ontology graph alone, not the whole union."""
    whole = send(servers["kg"], Row("all", params=q(COUNT), headers=accept("text/csv")))
    ontology = send(servers["kg"], ROWS[[r.name for r in ROWS].index("default-graph-uri get")])
    assert int(whole.body.split()[-1]) > int(ontology.body.split()[-1]) > 0


def test_contract_chunked_body_keeps_the_connection_usable(servers) -> None:
    """A chunked request is read whole: the next request on the same connection is answered."""
    parts = urllib.parse.urlsplit(servers["kg"])
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    for _ in range(2):
        connection.request("POST", "/query", body=iter([b"ASK ", b"{ ?s ?p ?o }"]),
                           headers=DIRECT, encode_chunked=True)  # fmt: skip
        response = connection.getresponse()
        assert response.status == 200 and b"true" in response.read()
    connection.close()


# --- the same questions through SPARQLWrapper and rdflib's SPARQLStore ------------------------


def _wrapper(base: str, query: str, fmt: str, method: str = "GET") -> tuple[str, object]:
    from SPARQLWrapper import SPARQLWrapper

    client = SPARQLWrapper(base + "/query")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    client.setMethod(method)
    result = client.query()
    media = result.response.headers.get("Content-Type", "").split(";")[0]
    converted = result.convert()
    if isinstance(converted, Graph):
        return media, sorted(converted)  # no blank nodes in these answers
    if isinstance(converted, bytes) and media in _RDF:
        return media, sorted(_graph(converted, media))
    if isinstance(converted, bytes):  # CSV, TSV
        return media, sorted(converted.decode("utf-8").splitlines())
    if isinstance(converted, dict):
        bindings = converted.get("results", {}).get("bindings", [])
        return media, converted.get("boolean", sorted(map(str, bindings)))
    if hasattr(converted, "toxml"):  # xml.dom.minidom
        return media, len(converted.getElementsByTagName("result"))
    return media, converted


WRAPPER_ROWS = [
    ("select json", OFFICIALS, "json", "GET"),
    ("select xml", OFFICIALS, "xml", "GET"),
    ("select csv post", MEETINGS, "csv", "POST"),
    ("select tsv", MEETINGS, "tsv", "GET"),
    ("ask json", "ASK { ?s ?p ?o }", "json", "GET"),
    ("construct xml (the default)", PERSONS, "xml", "GET"),
    ("construct rdf+xml", PERSONS, "rdf+xml", "POST"),
    ("construct json-ld", PERSONS, "json-ld", "GET"),
    ("construct turtle", PERSONS, "turtle", "GET"),
    ("construct n3", PERSONS, "n3", "GET"),
    ("describe xml", DESCRIBE, "xml", "GET"),
]


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's, inside SPARQLWrapper
@pytest.mark.parametrize(("name", "query", "fmt", "method"), WRAPPER_ROWS,
                         ids=[r[0] for r in WRAPPER_ROWS])  # fmt: skip
def test_contract_sparqlwrapper(servers, name: str, query: str, fmt: str, method: str) -> None:
    kg = _wrapper(servers["kg"], query, fmt, method)
    oxigraph = _wrapper(servers["ox"], query, fmt, method)
    assert kg == oxigraph
    assert kg[1], name  # not empty


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_contract_rdflib_sparqlstore(servers) -> None:
    from rdflib import URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    answers = []
    for base in (servers["kg"], servers["ox"]):
        store = SPARQLStore(base + "/query")  # XML results: its JSON cannot CONSTRUCT
        union = Graph(store=store)
        ontology = Graph(store=store, identifier=URIRef(ONTOLOGY))  # sends default-graph-uri
        select = sorted(str(r[0]) for r in union.query(OFFICIALS))
        ask = union.query("ASK { ?s ?p ?o }").askAnswer
        construct = sorted(union.query(PERSONS).graph)
        describe = sorted(union.query(DESCRIBE).graph)
        answers.append((len(ontology), len(union), select, ask, construct, describe))
        store.close()
    assert answers[0] == answers[1]
    assert 0 < answers[0][0] < answers[0][1]  # the ontology graph alone, not the union


def test_readme_sparql_tool_examples_run_as_shown(servers) -> None:
    """The README's Python examples under "Use kg with SPARQL tools" print what it shows."""
    import re

    from tests.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use kg with SPARQL tools", 1)[1].split("\n## ", 1)[0]
    pairs = re.findall(r"```python\n(.*?)```\s*```text\n(.*?)```", section, re.S)
    assert len(pairs) == 2
    for code, shown in pairs:
        result = subprocess.run(
            [sys.executable, "-W", "ignore", "-c",
             code.replace("http://127.0.0.1:7878", servers["kg"])],
            capture_output=True, text=True, cwd=ROOT, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert result.stdout == shown, result.stdout
