"""graph.html of a large store is the same bytes from identical builds (issue 11, item 10):
whatever Python's string hashing (a new seed per process) and whatever order the triples
went into the store in. Small graphs are laid out by the browser; this one (2,040 nodes)
takes the networkx layout, and, over a lower page limit, the most-central cut."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.paths import ROOT

SCRIPT = textwrap.dedent(
    """
    import random, sys
    from pathlib import Path
    import pyoxigraph as ox
    from tests.synthetic import synthetic_ntriples
    from kg.graph.viz import write_store_page

    max_nodes, order, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    lines = synthetic_ntriples(420).splitlines()  # 2,040 nodes
    random.Random(order).shuffle(lines)  # another insertion order per build
    store = ox.Store()
    for i in range(0, len(lines), 997):
        store.load("\\n".join(lines[i : i + 997]).encode(), format=ox.RdfFormat.N_TRIPLES)
    print(write_store_page(store, out, max_nodes=max_nodes) or "whole graph")
    """
)


def page_digest(tmp_path: Path, max_nodes: int, hash_seed: int, order: int) -> tuple[str, str]:
    out = tmp_path / f"page-{max_nodes}-{hash_seed}-{order}.html"
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(max_nodes), str(order), str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    return hashlib.sha256(out.read_bytes()).hexdigest(), done.stdout.strip()


@pytest.mark.parametrize(("max_nodes", "cut"), [(3000, False), (1000, True)])
def test_the_page_of_a_large_store_is_byte_identical_between_builds(
    tmp_path: Path, max_nodes: int, cut: bool
) -> None:
    first, note = page_digest(tmp_path, max_nodes, hash_seed=1, order=1)
    assert ("most central" in note) is cut
    assert page_digest(tmp_path, max_nodes, hash_seed=2, order=2)[0] == first
