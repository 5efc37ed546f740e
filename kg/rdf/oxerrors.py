"""The one place where pyoxigraph's exceptions become kg errors.

pyoxigraph raises ``SyntaxError`` for a query it cannot parse, ``OSError`` for storage and
HTTP failures (a SERVICE call, a store it cannot read) and ``ValueError``/``RuntimeError``
for the rest. Callers wrap a pyoxigraph call in :func:`oxigraph_errors` and get one
``KGError`` of the class they name, with the first line of pyoxigraph's message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from kg.errors import KGError, QueryError


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split()) if text else type(exc).__name__


def translate(exc: BaseException, doing: str, error: type[KGError] = QueryError) -> KGError:
    """The kg error for a pyoxigraph exception raised while ``doing`` (e.g. "query")."""
    if isinstance(exc, SyntaxError):
        return QueryError(f"SPARQL syntax error: {first_line(exc)}")
    return error(f"{doing} failed: {first_line(exc)}")


@contextmanager
def oxigraph_errors(doing: str, error: type[KGError] = QueryError) -> Iterator[None]:
    """Run a block of pyoxigraph calls; their exceptions leave it as one ``error``."""
    try:
        yield
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise translate(exc, doing, error) from exc
