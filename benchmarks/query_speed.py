"""The competency queries on a built store: Oxigraph (kg's store) against rdflib's memory graph.

    python benchmarks/query_speed.py --store /tmp/reuters-out/store --repeat 5

For each packaged query (queries/*.rq) prints the median wall time of ``--repeat`` runs
on the on-disk Oxigraph store and, unless ``--no-rdflib``, on an rdflib in-memory Graph
holding the same union graph (its load time is printed too), with the row counts so the
two can be checked against each other. ``--rdflib-timeout`` skips rdflib for the
remaining repeats of a query once one run takes longer than that.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from kg.query import available_queries, bind_values, parse_binding, resolve_query
from kg.rdf.store import count_triples, open_store, union_triples

PARAMS = {"policies_in_force": {"day": "1987-04-17"}}
# competency questions as users ask them, with --bind (defaults fit the Reuters corpus)
CASES = [
    "officials:government=Japan",
    "officials:name=Ronald Reagan",
    "statements:name=Clayton Yeutter",
    "meetings:status=held",
    "policies_in_force:day=1987-04-17",
    "who_met_whom:",
]


def _sparql(name: str, binds: dict[str, str] | None = None) -> str:
    given = PARAMS.get(name, {}) if binds is None else binds
    bindings = dict(parse_binding(f"{k}={v}") for k, v in given.items())
    return bind_values(resolve_query(name), bindings)


def _time(store: object, sparql: str, repeat: int) -> tuple[int, list[float]]:
    runs, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = sum(1 for _ in store.query(sparql))  # type: ignore[attr-defined]
        runs.append(time.perf_counter() - started)
    return rows, runs


def _median(runs: list[float]) -> str:
    return f"{statistics.median(runs) * 1000:9.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("output/store"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-rdflib", action="store_true")
    parser.add_argument("--rdflib-timeout", type=float, default=60.0)
    parser.add_argument(
        "--case",
        action="append",
        help="a bound query NAME:var=value (repeatable; default: questions on Reuters)",
    )
    args = parser.parse_args()

    store = open_store(args.store, read_only=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}"
    )
    print(f"store: {args.store}, {count_triples(store)} triples in the union graph")
    graph = None
    if not args.no_rdflib:
        from rdflib import Graph

        started = time.perf_counter()
        data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES) or b""
        graph = Graph()
        graph.parse(data=data.decode("utf-8"), format="nt")
        print(f"rdflib: loaded {len(graph)} triples in {time.perf_counter() - started:.1f} s")

    print(f"{'query':20s} {'rows':>7s} {'Oxigraph':>12s} {'rdflib':>12s}")
    for name in available_queries():
        sparql = _sparql(name)
        runs, rows = [], 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = sum(1 for _ in store.query(sparql))  # type: ignore[union-attr]
            runs.append(time.perf_counter() - started)
        rdflib_cell = "-"
        if graph is not None:
            slow: list[float] = []
            rdflib_rows = 0
            try:
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    rdflib_rows = len(list(graph.query(sparql)))
                    slow.append(time.perf_counter() - started)
                    if slow[-1] > args.rdflib_timeout:
                        break
            except Exception as exc:  # rdflib's engine fails some queries Oxigraph runs
                rdflib_cell = f"fails: {type(exc).__name__}"
            else:
                rdflib_cell = _median(slow)
                if rdflib_rows != rows:
                    rdflib_cell += f" ({rdflib_rows} rows)"
        print(f"{name:20s} {rows:7d} {_median(runs)} {rdflib_cell:>12s}")

    print(f"\ncompetency questions (--bind), Oxigraph, median of {args.repeat}:")
    for case in args.case or CASES:
        name, _, binding = case.partition(":")
        binds = dict([binding.split("=", 1)]) if binding else {}
        rows, runs = _time(store, _sparql(name, binds), args.repeat)
        print(f"{case:40s} {rows:7d} {_median(runs)}")


if __name__ == "__main__":
    main()
