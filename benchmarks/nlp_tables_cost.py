"""What the attribute ruler and lemmatizer cost, as shipped and as kg runs them, in a fresh process.

    python benchmarks/nlp_tables_cost.py ../shared/corpus/reuters21578/reuters21578.jsonl \
        --limit 600

The first ``--limit`` articles with a text are parsed up to the parser once per process;
then the CPU time of the two components that ``kg.nlp_tables`` stands in for is measured,
each in a process of its own, so both start with the empty caches a real build starts with
(every ``kg build`` and every worker is a new process): the pipeline's own
``attribute_ruler`` + ``lemmatizer``, and kg's ``kg_array_tables``. A second pass over the
same Docs shows the cost once the caches are warm. The outputs are compared token by token.
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing as mp
import time
from typing import Any


def _measure(kind: str, texts: list[str], batch_size: int) -> tuple[float, float, list[tuple]]:
    import spacy

    from kg.nlp import choose_model
    from kg.nlp_tables import use_array_tables

    nlp = spacy.load(choose_model())
    if kind == "kg":
        use_array_tables(nlp)
        names = ["kg_array_tables"]
    else:
        names = ["attribute_ruler", "lemmatizer"]
    before = [n for n in nlp.pipe_names if n in ("tok2vec", "tagger", "parser")]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    times = []
    for _ in range(2):  # cold, then warm
        fresh = [d.copy() for d in docs]
        started = time.process_time()
        for name in names:
            fresh = list(nlp.get_pipe(name).pipe(fresh, batch_size=batch_size))
        times.append(time.process_time() - started)
    rows = [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for d in fresh for t in d]
    return times[0], times[1], rows


def _in_child(args: tuple[str, list[str], int]) -> Any:
    return _measure(*args)


def main() -> None:
    from kg.ingest import iter_articles

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--limit", type=int, default=600)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    texts = [a.text for a in itertools.islice(iter_articles(args.inputs), args.limit)]
    print(f"{len(texts)} articles, {sum(len(t.split()) for t in texts)} words")
    context = mp.get_context("spawn")  # a new interpreter each: nothing cached
    results = {}
    for kind in ("shipped", "kg"):
        with context.Pool(1) as pool:
            results[kind] = pool.apply(_in_child, ((kind, texts, args.batch_size),))
    for kind, label in (("shipped", "attribute_ruler + lemmatizer"), ("kg", "kg_array_tables")):
        cold, warm, _ = results[kind]
        print(f"{label:30s} fresh process {cold:6.2f} s CPU, caches warm {warm:6.2f} s CPU")
    same = results["shipped"][2] == results["kg"][2]
    print(f"tokens: {len(results['kg'][2])}, identical POS/morph/lemma/tag/dep: {same}")


if __name__ == "__main__":
    main()
