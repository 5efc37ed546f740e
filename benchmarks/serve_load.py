"""Load test of ``kg serve``: N concurrent clients for T seconds on 127.0.0.1.

    python benchmarks/serve_load.py --store output/store --clients 50 --seconds 20
    python benchmarks/serve_load.py --store STORE --competency --clients 1 --seconds 20

Starts ``kg serve`` on a free port, runs the queries round-robin from every client, and
prints requests/s, latency percentiles (overall and per query) and the count of errors (any
answer other than 200 with a body). The queries are the named ``--queries`` (default: four
packaged ones, unbound), or with ``--competency`` the competency questions of
``benchmarks/query_speed.py`` (packaged queries narrowed with ``--bind``), or ``--case``.
Stops the server at the end.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.query import bind_values, parse_binding, resolve_query

COMPETENCY = [  # the same questions as benchmarks/query_speed.py (they fit the Reuters corpus)
    "officials:government=Japan",
    "officials:name=Ronald Reagan",
    "statements:name=Clayton Yeutter",
    "meetings:status=held",
    "policies_in_force:day=1987-04-17",
    "who_met_whom:",
]


def _sparql(case: str) -> str:
    name, _, binding = case.partition(":")
    bindings = dict([parse_binding(binding)]) if binding else {}
    return bind_values(resolve_query(name), bindings)


def start_server(store: str, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """``kg serve --store STORE OPTIONS`` on a free port; (process, query URL) once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", str(port)]
    server = subprocess.Popen([*command, *options], stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    return server, url


def _client(urls: list[str], seconds: float, index: int) -> list[tuple[int, float, bool]]:
    """(query index, latency, ok) of each request one client makes."""
    done = []
    deadline = time.monotonic() + seconds
    n = index
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            with urllib.request.urlopen(urls[n % len(urls)], timeout=60) as response:
                ok = response.status == 200 and bool(response.read())
        except (urllib.error.URLError, OSError):
            ok = False
        done.append((n % len(urls), time.monotonic() - started, ok))
        n += 1
    return done


def _ms(values: list[float], q: int) -> str:
    if len(values) < 2:
        return f"{values[0] * 1000:.0f} ms" if values else "-"
    return f"{statistics.quantiles(values, n=100)[q - 1] * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("output/store"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--queries", default="officials,meetings,policies,who_met_whom")
    parser.add_argument("--competency", action="store_true", help="the bound questions")
    parser.add_argument("--case", action="append", help="NAME:var=value (repeatable)")
    args = parser.parse_args()

    cases = args.case or (COMPETENCY if args.competency else args.queries.split(","))
    server, url = start_server(args.store, "--workers", str(args.workers))
    urls = [url + "?" + urllib.parse.urlencode({"query": _sparql(c)}) for c in cases]
    try:
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
            runs = [
                r
                for rs in pool.map(
                    _client,
                    [urls] * args.clients,
                    [args.seconds] * args.clients,
                    range(args.clients),
                )
                for r in rs
            ]
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(lat for _, lat, _ in runs)
    errors = sum(not ok for _, _, ok in runs)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; store {args.store}; server workers {args.workers}"
    )
    print(f"{args.clients} clients for {elapsed:.1f} s: {len(latencies)} requests, {errors} errors")
    print(f"throughput: {len(latencies) / elapsed:.1f} requests/s")
    print(f"latency: median {_ms(latencies, 50)}, p95 {_ms(latencies, 95)}")
    for i, case in enumerate(cases):
        mine = sorted(lat for q, lat, _ in runs if q == i)
        print(f"  {case:40s} {len(mine):6d} requests, median {_ms(mine, 50)}")


if __name__ == "__main__":
    main()
