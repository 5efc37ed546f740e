"""Resolution over a built store: what it concludes and what it costs.

Prints the memberships without a stated government and how many resolution gives one, the
people merged by rule, the events, series and policies that several articles report, and
the seconds of the pass (read, conclude, write). Run it on a store built with
``kg build --no-resolve`` (or any store: the pass is forced), e.g.

    kg build reuters21578.jsonl --out /tmp/reuters --no-html --no-resolve --jobs 2
    python benchmarks/resolve_store.py /tmp/reuters/store
"""

from __future__ import annotations

import argparse
import time

from kg.rdf.store import open_store
from kg.resolve import resolve_store

COUNTS = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX kg: <https://example.org/kg/ontology#>
SELECT (COUNT(DISTINCT ?m) AS ?all) (COUNT(DISTINCT ?stated) AS ?withGovernment)
       (COUNT(DISTINCT ?inferred) AS ?inferredGovernment)
WHERE {
  ?m a org:Membership .
  OPTIONAL { GRAPH ?g { ?m org:organization ?x }
             FILTER (?g != <https://example.org/kg/graph/resolved>) BIND (?m AS ?stated) }
  OPTIONAL { ?m kg:inferredBy ?r . BIND (?m AS ?inferred) }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="a store directory (or a SPARQL endpoint URL)")
    args = parser.parse_args()
    store = open_store(args.store)
    started = time.perf_counter()
    report = resolve_store(store, force=True)
    seconds = time.perf_counter() - started
    (row,) = list(store.query(COUNTS))
    total, stated, inferred = (
        int(row[n].value) for n in ("all", "withGovernment", "inferredGovernment")
    )
    print(f"resolution pass: {seconds:.1f} s, {report.triples} triples written")
    print(f"  {report.line()}")
    print(f"  people merged by rule: {dict(sorted(report.by_rule.items()))}")
    print(
        f"  memberships: {total}; with a stated government {stated}; without one "
        f"{total - stated}, of which resolution gives {inferred} a government "
        f"({total - stated - inferred} left)"
    )


if __name__ == "__main__":
    main()
