"""Parse time with thinc's BLIS against numpy's BLAS (kg.nlp_blas), and whether any token differs.

    python benchmarks/blas_cost.py ../shared/corpus/reuters21578/reuters21578.jsonl --limit 600

The first ``--limit`` articles with a text are parsed by the pipeline as kg loads it
(``kg.nlp.load_model``), once with ``KG_BLAS=blis`` and once with numpy's BLAS, each in a
fresh process of its own, ``--rounds`` times in alternating order. Prints each run's wall
and CPU time, what BLIS says it selected for this CPU, and the number of tokens whose tag,
POS, morphology, lemma, dependency, head or entity differ between the two.
"""

from __future__ import annotations

import argparse
import itertools
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ATTRIBUTES = ("text", "tag_", "pos_", "morph", "lemma_", "dep_", "ent_iob_", "ent_type_")


def _child(inputs: list[str], limit: int, batch_size: int, out: Path) -> None:
    from kg.ingest import iter_articles
    from kg.nlp import load_model

    texts = [a.text for a in itertools.islice(iter_articles(inputs), limit or None)]
    nlp = load_model()
    wall, cpu = time.perf_counter(), time.process_time()
    rows = [
        [(*(str(getattr(t, a)) for a in ATTRIBUTES), t.head.i) for t in doc]
        for doc in nlp.pipe(texts, batch_size=batch_size)
    ]
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    out.write_bytes(pickle.dumps((wall, cpu, rows)))


def _blis_choice() -> str:
    code = "import numpy, blis.py; a = numpy.ones((4, 4), 'float32'); blis.py.gemm(a, a)"
    env = {**os.environ, "BLIS_ARCH_DEBUG": "1"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    said = (run.stdout + run.stderr).strip().splitlines()
    return said[0] if said else "(BLIS said nothing)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--limit", type=int, default=600, help="articles (0: all)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.inputs, args.limit, args.batch_size, Path(args.child))
        return
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; BLIS: {_blis_choice()}"
    )
    results: dict[str, list[tuple[float, float]]] = {"blis": [], "numpy": []}
    rows: dict[str, list] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            order = ("blis", "numpy") if round_ % 2 == 0 else ("numpy", "blis")
            for kind in order:
                out = Path(tmp) / f"{kind}.pickle"
                command = [sys.executable, __file__, *args.inputs, "--limit", str(args.limit)]
                command += ["--batch-size", str(args.batch_size), "--child", str(out)]
                env = {**os.environ, "KG_BLAS": "blis" if kind == "blis" else "numpy"}
                subprocess.run(command, env=env, check=True)
                wall, cpu, rows[kind] = pickle.loads(out.read_bytes())
                results[kind].append((wall, cpu))
                print(f"round {round_ + 1}: {kind:5s} wall {wall:7.2f} s  CPU {cpu:7.2f} s")
    for kind, runs in results.items():
        wall = sum(r[0] for r in runs) / len(runs)
        cpu = sum(r[1] for r in runs) / len(runs)
        print(f"mean:    {kind:5s} wall {wall:7.2f} s  CPU {cpu:7.2f} s")
    ratio = sum(r[0] for r in results["numpy"]) / sum(r[0] for r in results["blis"])
    tokens = sum(len(d) for d in rows["blis"])
    differ = sum(
        a != b
        for da, db in zip(rows["blis"], rows["numpy"], strict=True)
        for a, b in itertools.zip_longest(da, db)
    )
    print(f"numpy / blis wall time: {ratio:.2f}x; tokens {tokens}, differing {differ}")


if __name__ == "__main__":
    main()
