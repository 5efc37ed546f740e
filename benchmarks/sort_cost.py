"""What a packaged listing's ORDER BY costs in Oxigraph, on a store.

    python benchmarks/sort_cost.py --store STORE [--repeat 3]

For each packaged listing, run in this process on the store opened read-only (no server),
best of ``--repeat``: the query with its final ``ORDER BY`` taken out, as shipped, as
shipped with ``LIMIT 20`` (the first page of ``kg query --limit 20``), and sorted only on
``?article``. The difference between the first two is what the sort costs; a sorted
listing cannot give its first row before it is done.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time

import pyoxigraph as ox

from kg.query import resolve_query

LISTINGS = ["officials", "meetings", "policies", "statements", "evidence", "who_met_whom"]


def _seconds(store: ox.Store, query: str, repeat: int) -> tuple[float, int]:
    """(best seconds to read every row, rows) of ``query``."""
    best, rows = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        rows = sum(1 for _ in store.query(query))
        best = min(best, time.perf_counter() - started)
    return best, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, pyoxigraph {ox.__version__}; store {args.store}"
    )
    store = ox.Store.read_only(args.store)
    for name in LISTINGS:
        shipped = resolve_query(name).rstrip()
        unsorted = re.sub(r"\bORDER BY[^}]*$", "", shipped)
        variants = {
            "no ORDER BY": unsorted,
            "as shipped": shipped,
            "LIMIT 20": shipped + "\nLIMIT 20",
            "ORDER BY ?article": unsorted + "\nORDER BY ?article",
        }
        times = {label: _seconds(store, query, args.repeat) for label, query in variants.items()}
        rows = times["no ORDER BY"][1]
        cost = times["as shipped"][0] - times["no ORDER BY"][0]
        line = "  ".join(f"{label} {1000 * s:7.0f} ms" for label, (s, _) in times.items())
        print(f"{name:13s} {rows:6d} rows  {line}  sort {1000 * cost:6.0f} ms", flush=True)


if __name__ == "__main__":
    main()
