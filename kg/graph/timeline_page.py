"""The data of the page's timeline view: the store's timeline, each line with its evidence.

The lines come from :func:`kg.resolve.timeline.timeline` (the same as ``kg timeline``); the
evidence sentences come from the networkx graph the page draws, so the page shows for a
line what it shows for the node: a story's evidence is that of the articles' own facts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict
from typing import Any

import networkx as nx

from kg.rdf.graphstore import GraphStore

MAX_LINES = 3000  # the newest lines kept on a page; `kg timeline` lists them all
_MAX_EVIDENCE = 6

MEMBERS = (
    "SELECT ?member ?story WHERE { ?member <https://example.org/kg/ontology#canonical> ?story }"
)


def timeline_items(store: GraphStore, g: nx.MultiDiGraph) -> tuple[list[dict[str, Any]], int]:
    """Items for the page (oldest first) and how many lines the store has in all."""
    from kg.resolve.timeline import timeline

    lines = timeline(store)
    members: dict[str, list[str]] = defaultdict(list)
    for row in store.query(MEMBERS):
        members[str(row["story"].value)].append(str(row["member"].value))
    items = []
    for line in lines[-MAX_LINES:]:
        item = asdict(line)
        item["actors"] = list(line.actors)
        item["evidence"] = _evidence(g, line.node, members)
        item["inGraph"] = line.node in g
        items.append(item)
    return items, len(lines)


def _evidence(g: nx.MultiDiGraph, node: str, members: dict[str, list[str]]) -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for source in [node, *sorted(members.get(node, ()))]:
        if source in g:
            for ev in g.nodes[source].get("evidence", []):
                if ev not in found:
                    found.append(ev)
    return found[:_MAX_EVIDENCE]
