"""Load test of ``kg serve``: N concurrent clients for T seconds on 127.0.0.1.

    python benchmarks/serve_load.py --store output/store --clients 50 --seconds 20

Starts ``kg serve`` on a free port, runs the named competency queries round-robin from
every client, and prints requests/s, latency percentiles and the count of errors (any
answer other than 200 with a body). Stops the server at the end.
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

from kg.query import resolve_query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("output/store"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument("--queries", default="officials,meetings,policies,who_met_whom")
    args = parser.parse_args()

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "kg", "serve", "--store", str(args.store)]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--workers", str(args.workers)],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    queries = [resolve_query(name) for name in args.queries.split(",")]
    urls = [url + "?" + urllib.parse.urlencode({"query": q}) for q in queries]

    def client(index: int) -> tuple[list[float], int]:
        latencies, errors = [], 0
        deadline = time.monotonic() + args.seconds
        n = index
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(urls[n % len(urls)], timeout=60) as response:
                    ok = response.status == 200 and bool(response.read())
            except (urllib.error.URLError, OSError):
                ok = False
            latencies.append(time.monotonic() - started)
            errors += not ok
            n += 1
        return latencies, errors

    try:
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.clients) as pool:
            results = list(pool.map(client, range(args.clients)))
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=10)
    latencies = sorted(x for lat, _ in results for x in lat)
    errors = sum(e for _, e in results)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; store {args.store}; server workers {args.workers}"
    )
    print(f"{args.clients} clients for {elapsed:.1f} s: {len(latencies)} requests, {errors} errors")
    print(f"throughput: {len(latencies) / elapsed:.1f} requests/s")
    if latencies:
        q = statistics.quantiles(latencies, n=100)
        print(f"latency: median {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
