"""Accuracy on both gold sets, with the time each took; the same as running ``kg eval``.

    python benchmarks/eval.py                   # kg eval dwie, kg eval news --split tune,
                                                # kg eval news --split check
    python benchmarks/eval.py dwie [FILE] [--verbose]   # one run, arguments as for kg eval

The gold sets are read from ../shared/eval/ (run from the checkout). The scoring lives in
``kg.evaluation``; README's Accuracy section gives the figures.
"""

from __future__ import annotations

import sys
import time

from kg.cli import main

RUNS = (["dwie"], ["news", "--split", "tune"], ["news", "--split", "check"])


def run(args: list[str]) -> int:
    print(f"$ kg eval {' '.join(args)}", flush=True)
    started = time.perf_counter()
    code = main(["eval", *args])
    print(f"({time.perf_counter() - started:.1f} s)\n", flush=True)
    return code


if __name__ == "__main__":
    runs = [sys.argv[1:]] if sys.argv[1:] else RUNS
    sys.exit(max(run(list(args)) for args in runs))
