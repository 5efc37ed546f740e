"""The query layer: named queries, the parse, the policy check, parameters, the runner, result
formats.

``kg query`` and ``kg serve`` both go through :func:`check_query` and the runner.
"""

from kg.query.binding import bind_values, parse_binding
from kg.query.formats import QUERY_FORMATS, RESULT_FORMATS
from kg.query.named import available_queries, query_dirs, required_params, resolve_query
from kg.query.policy import QueryCheck, check_query
from kg.query.runner import (
    DEFAULT_MAX_MEMORY,
    DEFAULT_TIMEOUT,
    execute,
    run_query,
    run_with_timeout,
    write_query,
)

__all__ = [
    "DEFAULT_MAX_MEMORY",
    "DEFAULT_TIMEOUT",
    "QUERY_FORMATS",
    "RESULT_FORMATS",
    "QueryCheck",
    "available_queries",
    "bind_values",
    "check_query",
    "execute",
    "parse_binding",
    "query_dirs",
    "required_params",
    "resolve_query",
    "run_query",
    "run_with_timeout",
    "write_query",
]
