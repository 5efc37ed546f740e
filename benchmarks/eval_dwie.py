"""Officials against the DWIE gold annotations; the same as ``kg eval dwie``.

    python benchmarks/eval_dwie.py [../shared/eval/dwie/dwie-dev.jsonl] [--verbose]

Prints precision, recall and F1 of (person, government) pairs and role-class accuracy;
``--verbose`` lists misses and false hits first. The scoring lives in ``kg.evaluation``.
"""

from __future__ import annotations

import sys

from kg.cli import main

if __name__ == "__main__":
    sys.exit(main(["eval", "dwie", *sys.argv[1:]]))
