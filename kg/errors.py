"""The errors kg raises, so the CLI can turn each into one clear line and an exit code.

    KGError                 anything kg reports to the user
    ├── InputError          a bad article file, record, path or option value
    ├── ModelError          the spaCy pipeline cannot be found or loaded
    ├── ExtractionError     an extractor failed on an article
    ├── StoreError          the graph store is missing, locked or corrupt
    ├── QueryError          a SPARQL query cannot be found, parsed or run
    └── ExportError         a graph cannot be serialised or written

Messages name the bad value and what was allowed.
"""

from __future__ import annotations


class KGError(Exception):
    """Base class of every error kg reports to the user."""


class InputError(KGError):
    """An input file, record, path or option value is unusable."""


class ModelError(KGError):
    """The spaCy pipeline cannot be found or loaded."""


class ExtractionError(KGError):
    """An extractor failed on an article."""


class StoreError(KGError):
    """The graph store is missing, locked or corrupt."""


class QueryError(KGError):
    """A SPARQL query cannot be found, parsed or run."""


class ExportError(KGError):
    """A graph cannot be serialised or written."""
