"""Wall time and peak memory of a whole-corpus ``kg build``, run as users run it.

    python benchmarks/build_corpus.py ../shared/corpus/reuters21578/reuters21578.jsonl

Runs ``kg build INPUT --out DIR --no-html [--jobs N]`` in a subprocess and samples the
resident memory of it and all its worker processes (from /proc, Linux) twice a second.
Prints wall time, articles/s, the peak of the summed RSS of the process tree, and the
store's size on disk. The output directory is a temporary one unless ``--out`` is given.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == pid:
            found.append(int(entry.name))
    return found


def tree_rss(pid: int) -> int:
    """Summed resident set size, in bytes, of ``pid`` and its descendants."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        todo.extend(_children(current))
    return total


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, help="output directory (default: a temporary one)")
    args = parser.parse_args()

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, jobs {args.jobs}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "out"
        command = [sys.executable, "-m", "kg", "build", *args.inputs, "--out", str(out)]
        command += ["--no-html", "--jobs", str(args.jobs)]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.5)
        seconds = time.perf_counter() - started
        output = process.stdout.read() if process.stdout else ""
        print(output.strip())
        if process.returncode != 0:
            sys.exit(f"kg build failed with exit code {process.returncode}")
        built = next((int(w) for w in output.split()[1:2] if w.isdigit()), 0)
        print(f"wall time: {seconds:.1f} s ({built / seconds:.1f} articles/s)")
        print(f"peak memory (process tree RSS): {peak / 2**20:.0f} MiB")
        print(f"store on disk: {du(out / 'store') / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
