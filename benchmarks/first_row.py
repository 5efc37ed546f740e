"""How soon a whole-archive listing's first row reaches a client of ``kg serve``.

    python benchmarks/first_row.py --store STORE [--hold 0.05] [--repeat 3]

Starts ``kg serve`` on a free port and asks it for each packaged listing (CSV), as shipped
and with its final ``ORDER BY`` taken out (an ORDER BY can only give its first row once
everything is sorted). Prints, best of ``--repeat``, the time to the first row and to the
last byte.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import time
import urllib.parse
import urllib.request

from serve_load import start_server  # benchmarks/ is on the path when run as a script

from kg.query import resolve_query

LISTINGS = ["officials", "meetings", "policies", "statements", "evidence", "who_met_whom"]


def _timed(url: str, query: str) -> tuple[float, float, int]:
    """(seconds to the first row, seconds to the end, CSV lines) of one request."""
    data = urllib.parse.urlencode({"query": query}).encode()
    headers = {"Accept": "text/csv", "Content-Type": "application/x-www-form-urlencoded"}
    started = time.perf_counter()
    with urllib.request.urlopen(urllib.request.Request(url, data, headers), timeout=120) as r:
        r.readline()  # the header line
        r.readline()
        first = time.perf_counter() - started
        rows = 1 + r.read().count(b"\n")
    return first, time.perf_counter() - started, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True)
    parser.add_argument("--hold", default="0.05", help="kg serve --hold (default 0.05)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; store {args.store}; --hold {args.hold}"
    )
    server, url = start_server(args.store, "--hold", args.hold)
    try:
        for name in LISTINGS:
            sorted_query = resolve_query(name)
            unsorted = re.sub(r"\bORDER BY[^}]*$", "", sorted_query.rstrip())
            for label, query in (("as shipped", sorted_query), ("no ORDER BY", unsorted)):
                first, end, rows = min(_timed(url, query) for _ in range(args.repeat))
                print(
                    f"{name:14s} {label:12s} first row {1000 * first:7.1f} ms   "
                    f"all {rows:6d} CSV lines {1000 * end:7.0f} ms",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
