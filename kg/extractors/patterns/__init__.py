"""Pattern tables the extractors apply, one module per extractor (and names shared by all).

Immutable data only (frozensets, tuples, mapping proxies), kept apart from the code that
applies it, so a new title or cue word is a one-line change in its table.
"""
