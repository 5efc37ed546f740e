"""``--limit`` and ``--offset``: one page of a query's solutions, asked of the store.

The page is a LIMIT/OFFSET clause added to the query's text, so the store stops after the
page (a first page of a whole archive's listing comes as fast as its first rows) and an
ORDER BY of the query still decides what the pages hold. A query that already ends with
its own LIMIT, OFFSET or VALUES clause is refused rather than rewritten by hand.
"""

from __future__ import annotations

from kg.errors import QueryError
from kg.query.parse import field, parse


def page(sparql: str, limit: int | None = None, offset: int | None = None) -> str:
    """``sparql`` limited to ``limit`` solutions after skipping ``offset`` of them."""
    if limit is None and offset is None:
        return sparql
    for name, value in (("--limit", limit), ("--offset", offset)):
        if value is not None and value < 0:
            raise QueryError(f"{name} must be 0 or more, not {value}")
    parsed = parse(sparql)
    if parsed.form not in ("SELECT", "CONSTRUCT", "DESCRIBE") or parsed.tree is None:
        raise QueryError(
            f"--limit and --offset page SELECT, CONSTRUCT and DESCRIBE, not {parsed.form}"
        )
    body = parsed.tree[1]
    if field(body, "limitoffset") is not None:
        raise QueryError(
            "this query has its own LIMIT or OFFSET; change them in the query, "
            "or drop --limit/--offset"
        )
    if field(body, "valuesClause") is not None:
        raise QueryError("this query ends with a VALUES clause; --limit/--offset cannot follow it")
    clause = []
    if limit is not None:
        clause.append(f"LIMIT {limit}")
    if offset:
        clause.append(f"OFFSET {offset}")
    return f"{sparql.rstrip()}\n{' '.join(clause)}\n" if clause else sparql
