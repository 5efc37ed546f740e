"""Graph analytics on the entity graph (networkx): who is central, which groups form, how
two entities are connected, and exports for Gephi and spreadsheets.

Everything works on :func:`kg.graph.network.entity_view` (articles left out: an article node
would link every fact it reports and dominate every ranking).
"""

from __future__ import annotations

import csv
import io
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg.atomic import write_atomic
from kg.errors import ExportError, InputError
from kg.graph.network import ARTICLE, entity_view, find_node, short_iri

__all__ = [
    "EXPORT_FORMATS",
    "Centrality",
    "Step",
    "centrality",
    "communities",
    "components",
    "export",
    "paths",
    "top_nodes",
]

EXPORT_FORMATS = ("graphml", "gexf", "csv")
_EXACT_BETWEENNESS = 3000  # nodes; above this betweenness is estimated from a sample
_SAMPLE = 500  # at most this many sources for an estimated betweenness...
_SAMPLE_WORK = 5_000_000  # ...and at most this many node+edge visits in all
_PATHS = 200  # shortest paths compared when choosing which to show


@dataclass
class Centrality:
    """One node's scores; ``degree`` is the number of distinct neighbours."""

    node: str
    label: str
    kind: str
    degree: int
    betweenness: float
    pagerank: float


def _pagerank(view: nx.Graph) -> dict[str, float]:
    if view.number_of_edges() == 0:
        return {n: 1.0 / max(1, len(view)) for n in view}
    ranks: dict[str, float] = nx.pagerank(view, weight="weight")
    return ranks


def top_nodes(g: nx.MultiDiGraph, n: int) -> list[str]:
    """The ``n`` most central nodes by PageRank (articles excluded), best first."""
    if n < 1:
        raise InputError(f"--top must be at least 1, not {n}")
    rank = _pagerank(entity_view(g))
    return sorted(rank, key=lambda k: (-rank[k], k))[:n]


def centrality(
    g: nx.MultiDiGraph, kinds: tuple[str, ...] = ("person", "government"), top: int = 10
) -> tuple[list[Centrality], int | None]:
    """The ``top`` nodes of ``kinds`` by PageRank, with degree and betweenness; and, for
    large graphs, the number of sources betweenness was estimated from (else None)."""
    view = entity_view(g)
    rank = _pagerank(view)
    sample = None
    if len(view) > _EXACT_BETWEENNESS:  # each source costs one BFS over the whole graph
        size = view.number_of_nodes() + view.number_of_edges()
        sample = max(10, min(len(view), _SAMPLE_WORK // size, _SAMPLE))
    between = nx.betweenness_centrality(view, k=sample, seed=7 if sample else None)
    rows = [
        Centrality(
            n,
            d["label"],
            d["kind"],
            view.degree(n),
            between.get(n, 0.0),
            rank.get(n, 0.0),
        )
        for n, d in view.nodes(data=True)
        if d["kind"] in kinds
    ]
    rows.sort(key=lambda r: (-r.pagerank, -r.degree, r.label))
    return rows[:top], sample


def communities(g: nx.MultiDiGraph) -> list[list[str]]:
    """Louvain communities of the entity graph, largest first; members by degree."""
    view = entity_view(g)
    if view.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(view, weight="weight", seed=7)
    groups = [sorted(c, key=lambda n: (-view.degree(n), view.nodes[n]["label"])) for c in found]
    groups.sort(key=lambda c: (-len(c), c[0]))
    return groups


def components(g: nx.MultiDiGraph) -> list[set[str]]:
    """Connected components of the entity graph, largest first."""
    view = entity_view(g)
    return sorted(nx.connected_components(view), key=lambda c: (-len(c), min(c)))


@dataclass
class Step:
    """One hop of a path: from ``source`` to ``target`` by ``relations`` (either way)."""

    source: str
    target: str
    relations: list[str]  # "attendee ->" or "<- attendee"
    facts: list[str] = field(default_factory=list)
    evidence: list[dict[str, str]] = field(default_factory=list)


def _step(g: nx.MultiDiGraph, u: str, v: str) -> Step:
    step = Step(u, v, [])
    for a, b, arrow in ((u, v, "{} \u2192"), (v, u, "\u2190 {}")):
        for data in (g.get_edge_data(a, b) or {}).values():
            step.relations.append(arrow.format(data["label"]))
            step.facts.extend(f for f in data["facts"] if f not in step.facts)
            step.evidence.extend(e for e in data["evidence"] if e not in step.evidence)
    target = g.nodes[v]
    if target["kind"] in ("meeting", "policy", "quote"):  # the fact itself is the link
        step.facts.extend(f for f in target["facts"] if f not in step.facts)
        step.evidence.extend(e for e in target["evidence"] if e not in step.evidence)
    return step


def paths(g: nx.MultiDiGraph, a: str, b: str, limit: int = 3) -> list[list[Step]]:
    """Up to ``limit`` shortest paths between two named entities, each hop with its facts
    and evidence. Raises InputError if a name is unknown or nothing connects them."""
    source, target = find_node(g, a), find_node(g, b)
    view = entity_view(g)
    if source not in view or target not in view:
        raise InputError("articles are not entities; name a person, government or country")
    try:  # among the shortest paths, those through specific nodes (not hubs) first
        found = list(itertools.islice(nx.all_shortest_paths(view, source, target), _PATHS))
    except nx.NetworkXNoPath:
        found = []
    found.sort(key=lambda p: (sum(view.degree(n) for n in p[1:-1]), p))
    found = found[:limit]
    if not found:
        raise InputError(
            f"'{g.nodes[source]['label']}' and '{g.nodes[target]['label']}' are not connected "
            "in the graph"
        )
    return [[_step(g, u, v) for u, v in itertools.pairwise(p)] for p in found]


# --- export -----------------------------------------------------------------------------------


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The entity graph with scalar attributes only, as GraphML and GEXF require."""
    rank = _pagerank(entity_view(g))
    articles = g.graph.get("articles", {})
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        if d["kind"] == ARTICLE:
            continue
        out.add_node(
            n,
            label=d["label"],
            kind=d["kind"],
            aliases="; ".join(d["aliases"]),
            facts="; ".join(d["facts"]),
            articles="; ".join(articles[a]["id"] for a in d["articles"] if a in articles),
            pagerank=float(rank.get(n, 0.0)),
        )
    for u, v, key, d in g.edges(keys=True, data=True):
        if u in out and v in out:
            evidence = d["evidence"]
            for end in (u, v):  # a relation to a meeting, policy or quote: the fact's evidence
                if not evidence and g.nodes[end]["kind"] in ("meeting", "policy", "quote"):
                    evidence = g.nodes[end]["evidence"]
            first = evidence[0] if evidence else None
            out.add_edge(
                u,
                v,
                key=key,
                relation=d["relation"],
                label=d["label"],
                evidence=first["text"] if first else "",
                article=first["articleId"] if first else "",
            )
    return out


def _csv(rows: list[list[object]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def export(g: nx.MultiDiGraph, fmt: str, out: Path) -> list[Path]:
    """Write the entity graph as GraphML or GEXF (to the file ``out``) or as CSV (the
    directory ``out`` gets ``nodes.csv`` and ``edges.csv``). Returns the files written."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"unknown export format '{fmt}'; choose one of: graphml, gexf, csv")
    flat = _flat(g)
    try:
        if fmt == "csv":
            out.mkdir(parents=True, exist_ok=True)
            keys = ("label", "kind", "aliases", "articles", "pagerank")
            node_rows: list[list[object]] = [["id", "short_id", *keys]]
            node_rows += [
                [n, short_iri(n), *(d[k] for k in keys)] for n, d in flat.nodes(data=True)
            ]
            edge_rows: list[list[object]] = [
                ["source", "target", "relation", "label", "evidence", "article"]
            ]
            edge_rows += [
                [u, v, d["relation"], d["label"], d["evidence"], d["article"]]
                for u, v, d in flat.edges(data=True)
            ]
            nodes_file, edges_file = out / "nodes.csv", out / "edges.csv"
            write_atomic(nodes_file, _csv(node_rows))
            write_atomic(edges_file, _csv(edge_rows))
            return [nodes_file, edges_file]
        data = io.BytesIO()  # written whole, then atomically, like every output of kg
        if fmt == "graphml":
            nx.write_graphml(flat, data)
        else:
            nx.write_gexf(flat, data)
        write_atomic(out, data.getvalue())
        return [out]
    except OSError as exc:
        raise ExportError(f"cannot write '{out}': {exc.strerror or exc}") from exc
