"""An explorable, self-contained HTML page of the knowledge graph (vis-network via pyvis).

The page is drawn from the networkx graph of :mod:`kg.graph.network`: people, governments,
countries, places, meetings, policies, quotes and articles, coloured and shaped by type and
sized by how connected they are. It has a search box, filters by type and by article, and
a details panel (facts, aliases, relations, evidence sentences with article and date).

It inlines every script and style, makes no network request and works from ``file://``.
Article text reaches the browser only as JSON data (``<``, ``>``, ``&`` escaped) and is put
into the DOM with ``textContent``, never parsed as HTML.

Small graphs settle with physics, which then stops; larger ones get a layout computed here
(networkx) and draw at once with physics off. Past :data:`MAX_NODES` a page would not be
usable, so :func:`render_network` refuses and names the filters that would help.
pyvis (which imports IPython) is imported inside :func:`render_network`, so importing this
module stays cheap.
"""

from __future__ import annotations

import contextlib
import html
import json
import math
import os
import re
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import KGError
from kg.graph.network import ARTICLE, KINDS, entity_view, from_rdflib, from_store, induced

if TYPE_CHECKING:
    import pyoxigraph as ox
    from rdflib import Graph

__all__ = [
    "AUTO_TOP",
    "MAX_NODES",
    "NODE_STYLES",
    "PageTooLargeError",
    "render_html",
    "render_network",
    "store_title",
    "too_large_message",
    "write_html",
    "write_store_page",
]

# The timeline view's data: its items (oldest first) and how many lines the store has.
Timeline = tuple[list[dict[str, Any]], int]

MAX_NODES = 3000  # a page above this is slow to draw and impossible to read
AUTO_TOP = 500  # nodes kept by `kg build` when the whole store is over MAX_NODES
_SMALL_GRAPH = 150  # nodes; up to this the browser's physics lays the graph out

# kind -> (legend text, colour, vis shape). Order = legend order.
NODE_STYLES: dict[str, tuple[str, str, str]] = {
    "person": ("Person", "#4e79a7", "dot"),
    "government": ("Government", "#f28e2b", "hexagon"),
    "country": ("Country", "#59a14f", "square"),
    "place": ("Place", "#76b7b2", "triangleDown"),
    "group": ("Group / sources", "#9c755f", "dot"),
    "meeting": ("Meeting", "#e15759", "star"),
    "policy": ("Policy", "#b07aa1", "diamond"),
    "quote": ("Quote", "#edc948", "triangle"),
    "article": ("Article", "#bab0ac", "box"),
    "other": ("Other", "#d3d3d3", "dot"),
}
if set(NODE_STYLES) != set(KINDS):  # a kind without a style would break the page
    raise RuntimeError("kg.graph.viz.NODE_STYLES and kg.graph.network.KINDS disagree")
_MAX_LABEL = 40  # characters drawn on the canvas; the full text is in tooltip and panel

_EDGE_STYLES: dict[str, dict[str, object]] = {
    "role": {"color": "#3b3b3b", "width": 2.0, "font": {"size": 13}},
    "relation": {"color": "#8a8a8a", "width": 1.2},
    "in": {
        "color": "#d0d0d0",
        "width": 0.6,
        "dashes": True,
        "font": {"size": 10, "color": "#9a9a9a"},
    },
}


class PageTooLargeError(KGError):
    """The graph has more nodes than a page can show; a filter is needed."""


def too_large_message(n_nodes: int, limit: int) -> str:
    """What to tell a user whose graph is over the page limit: the filters that help."""
    return (
        f"the graph has {n_nodes} nodes, more than one page can show (limit {limit}); "
        f"draw part of it with kg viz --top {min(AUTO_TOP, limit)}, --focus NAME --hops 2, "
        "--article ID or --query FILE.rq"
    )


# --- page data ---------------------------------------------------------------------------------


def _truncate(text: str, limit: int = _MAX_LABEL) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _layout(g: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions in pixels for graphs too big for the browser's physics.

    A force layout of thousands of nodes costs O(n^2) per step; laying out each community
    (Louvain) on its own and packing the communities in rows by size costs the sum of their
    squares instead, and keeps related nodes together.
    """
    view = nx.Graph(entity_view(g))
    for n in g:  # articles: next to their facts
        if n not in view:
            view.add_node(n)
    for u, v, r in g.edges(data="relation"):
        if r == "in" and not view.has_edge(u, v):
            view.add_edge(u, v, weight=0.2)
    groups = sorted(
        nx.community.louvain_communities(view, weight="weight", seed=7),
        key=lambda c: (-len(c), min(c)),
    )
    spread = 28.0  # pixels per sqrt(node)
    cells = [(c, spread * math.sqrt(len(c)) + 40) for c in groups]
    row_width = math.sqrt(sum((2 * r) ** 2 for _, r in cells)) * 1.3
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for members, radius in cells:
        side = 2 * radius
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        sub = view.subgraph(members)
        if len(sub) == 1:
            local = {next(iter(sub)): (0.0, 0.0)}
        else:
            k = 1.5 / math.sqrt(len(sub))
            local = {
                n: (float(p[0]), float(p[1]))
                for n, p in nx.spring_layout(sub, k=k, seed=7, iterations=60).items()
            }
        cx, cy = x + radius, y + radius
        for n, (px, py) in local.items():
            pos[n] = (round(cx + px * (radius - 30), 1), round(cy + py * (radius - 30), 1))
        x += side
        row_height = max(row_height, side)
    return pos


def _node_items(g: nx.MultiDiGraph, article_index: dict[str, int]) -> list[dict[str, Any]]:
    importance = {
        n: sum(1 for _, _, r in g.edges(n, data="relation") if r != "in")
        + sum(1 for _, _, r in g.in_edges(n, data="relation") if r != "in")
        for n in g
    }
    out = []
    for n, d in g.nodes(data=True):
        legend, color, shape = NODE_STYLES[d["kind"]]
        item: dict[str, Any] = {
            "n_id": n,
            "label": _truncate(d["label"]),
            "fullLabel": d["label"],
            "kind": d["kind"],
            "kindText": legend,
            "shape": shape,
            "color": color,
            "value": 1 + importance[n],
            "aliases": d["aliases"],
            "facts": d["facts"],
            "evidence": d["evidence"],
            "articles": [article_index[a] for a in d["articles"] if a in article_index],
        }
        if d["kind"] == ARTICLE:
            item["font"] = {"size": 11}
        out.append(item)
    return out


def _edge_items(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    out = []
    for u, v, d in g.edges(data=True):
        style = d["relation"] if d["relation"] in ("role", "in") else "relation"
        item: dict[str, Any] = {
            "source": u,
            "to": v,
            "label": _truncate(d["label"]),
            "fullLabel": d["label"],
            "relation": d["relation"],
            "facts": d["facts"],
            "evidence": d["evidence"],
        }
        item.update(_EDGE_STYLES[style])
        out.append(item)
    return out


def _options(n_nodes: int, physics: bool) -> dict[str, object]:
    """vis-network options. Small graphs settle with physics (which the page then turns
    off); large ones come with positions and draw without physics."""
    return {
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -9000,
                "centralGravity": 0.3,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.25,
                "avoidOverlap": 0.5,
            },
            "stabilization": {"enabled": physics, "iterations": 1000, "updateInterval": 25},
        },
        "layout": {"randomSeed": 7, "improvedLayout": physics},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": not physics,
            "navigationButtons": False,
        },
        "nodes": {
            "font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
            "scaling": {"min": 10, "max": 42, "label": {"enabled": False, "drawThreshold": 6}},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "size": 12,
                "face": "sans-serif",
                "align": "middle",
                "strokeWidth": 4,
                "strokeColor": "#ffffff",
            },
            "smooth": {"enabled": True, "type": "dynamic"} if physics else {"enabled": False},
        },
    }


# --- the page ----------------------------------------------------------------------------------

_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)


def _asset(name: str) -> str:
    """A file of the page's own CSS or JavaScript, shipped in ``kg/graph/assets/``."""
    return (resources.files("kg.graph") / "assets" / name).read_text(encoding="utf-8")


_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.IGNORECASE)
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.IGNORECASE
)
# A tag with a remote src/href. Data never contains a literal "<" (the JSON is escaped).
_ANY_REMOTE = re.compile(
    r"<[a-zA-Z][^<>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)


def _shape_svg(shape: str, color: str) -> str:
    c = html.escape(color)
    common = f'fill="{c}" stroke="#555" stroke-width="0.8"'
    shapes = {
        "dot": f'<circle cx="8" cy="8" r="6" {common}/>',
        "hexagon": f'<polygon points="8,1.5 14,5 14,11 8,14.5 2,11 2,5" {common}/>',
        "square": f'<rect x="2.5" y="2.5" width="11" height="11" {common}/>',
        "triangleDown": f'<polygon points="2,3 14,3 8,14" {common}/>',
        "triangle": f'<polygon points="8,2 14,13 2,13" {common}/>',
        "star": (
            f'<polygon points="8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 '
            f'1,6 6.2,6" {common}/>'
        ),
        "diamond": f'<polygon points="8,1 15,8 8,15 1,8" {common}/>',
        "box": f'<rect x="1.5" y="4" width="13" height="8" rx="2" {common}/>',
    }
    return (
        f'<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">'
        f"{shapes.get(shape, shapes['dot'])}</svg>"
    )


def _legend(counts: dict[str, int]) -> str:
    """The legend doubles as the type filter: one check box per type present."""
    rows = []
    for kind, (text, color, shape) in NODE_STYLES.items():
        if not counts.get(kind):
            continue
        rows.append(
            f'<label><input type="checkbox" checked data-kind="{kind}">'
            f"{_shape_svg(shape, color)}<span>{html.escape(text)} ({counts[kind]})</span></label>"
        )
    return (
        '<section id="kg-legend"><div class="kg-title">Types (click to filter)</div>'
        '<div class="kg-legend-rows">' + "".join(rows) + "</div>"
        '<select id="kg-article" aria-label="Article filter">'
        '<option value="">All articles</option></select>'
        '<div class="kg-legend-edge">Edges: <b>role title</b> (person \u2192 government), '
        "attendee, location, part of, imposed by, target, applies to, said, governs; "
        "dashed grey \u201cin\u201d = fact \u2192 its article. Node size = number of "
        "relations.</div></section>"
    )


_UNSHOWN = re.compile("[\u0000-\u0008\u000b-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _shown(text: str) -> str:
    """Text for the page's HTML: control and bidi-override characters dropped (an article
    title could otherwise reorder what the reader sees), then escaped."""
    return html.escape(_UNSHOWN.sub("", text))


def _header(title: str, n_nodes: int, n_edges: int, note: str, switch: str = "") -> str:
    note_html = f'<span class="kg-note">{html.escape(note)}</span>' if note else ""
    return (
        f'<div id="kg-header"><h1>{_shown(title)}</h1>{switch}'
        f'<span class="kg-counts">{n_nodes} nodes, {n_edges} edges</span>'
        f'<span class="kg-counts" id="kg-visible"></span>{note_html}</div>'
    )


_SEARCH = (
    '<section id="kg-find"><div class="kg-title">Search</div>'
    '<input id="kg-search" type="search" list="kg-names" autocomplete="off" '
    'placeholder="A name, e.g. a person or a country" aria-label="Search">'
    '<datalist id="kg-names"></datalist><div id="kg-search-status"></div></section>'
)
_DETAILS = '<section id="details"></section>'


def _json_script(element_id: str, data: object) -> str:
    """Data for the page's script; ``<``, ``>`` and ``&`` escaped so text cannot end the
    element or open a tag."""
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return f'<script type="application/json" id="{element_id}">{text}</script>'


def _insert(page: str, anchor: str, text: str, *, before: bool) -> str:
    index = page.find(anchor)
    if index < 0:
        raise RuntimeError(f"unexpected pyvis template: no {anchor!r}")
    at = index if before else index + len(anchor)
    return page[:at] + text + page[at:]


def _timeline_parts(timeline: Timeline | None) -> tuple[str, str, str, str]:
    """The timeline view's switch (header), container, data and script, or nothing."""
    if timeline is None:
        return "", "", "", ""
    items, total = timeline
    switch = (
        '<span id="kg-views"><button type="button" data-kg-view="graph" aria-pressed="true">'
        'Graph</button><button type="button" data-kg-view="timeline" aria-pressed="false">'
        f"Timeline ({total})</button></span>"
    )
    view = '<div id="kg-timeline-view" hidden></div>'
    data = _json_script("kg-timeline", {"items": items, "total": total})
    script = (
        "\n<style>\n" + _asset("timeline.css") + "</style>\n"
        '<script type="text/javascript">\n' + _asset("timeline.js") + "</script>\n"
    )
    return switch, view, data, script


def _postprocess(
    page: str,
    title: str,
    counts: dict[str, int],
    n_edges: int,
    data: object,
    note: str,
    timeline: Timeline | None = None,
) -> str:
    switch, view, timeline_data, timeline_script = _timeline_parts(timeline)
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _insert(
        page,
        '<meta charset="utf-8">',
        f'\n        <meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"\n        <title>{_shown(title)}</title>",
        before=False,
    )
    page = _insert(page, "</head>", "\n<style>\n" + _asset("page.css") + "</style>\n", before=True)
    page = _insert(
        page,
        "<body>",
        "\n"
        + _header(title, sum(counts.values()), n_edges, note, switch)
        + view
        + '<div id="kg-side">'
        + _SEARCH
        + _legend(counts)
        + _DETAILS
        + "</div>"
        + _json_script("kg-data", data)
        + timeline_data,
        before=False,
    )
    page = _insert(
        page,
        "</body>",
        '\n<script type="text/javascript">\n' + _asset("page.js") + "</script>\n" + timeline_script,
        before=True,
    )
    if page.lstrip().lower().startswith("<html"):
        page = '<!DOCTYPE html>\n<html lang="en"' + page.lstrip()[len("<html") :]
    remote = _ANY_REMOTE.search(page)
    if remote:
        raise RuntimeError(f"page still references a remote resource: {remote.group(0)!r}")
    return page


def render_network(
    g: nx.MultiDiGraph,
    title: str = "kg",
    *,
    max_nodes: int = MAX_NODES,
    note: str = "",
    timeline: Timeline | None = None,
) -> str:
    """The whole interactive page for a graph of :mod:`kg.graph.network`, as one HTML string.

    Raises :class:`PageTooLargeError` past ``max_nodes`` (checked before any work).
    """
    if g.number_of_nodes() > max_nodes:
        raise PageTooLargeError(too_large_message(g.number_of_nodes(), max_nodes))
    from pyvis.network import Network  # lazy: pyvis imports IPython, which is slow

    all_articles: dict[str, dict[str, str]] = g.graph.get("articles", {})
    used = sorted(
        {a for _, arts in g.nodes(data="articles") for a in arts if a in all_articles},
        key=lambda a: (all_articles[a]["date"], all_articles[a]["title"], a),
    )
    article_index = {a: i for i, a in enumerate(used)}
    physics = g.number_of_nodes() <= _SMALL_GRAPH
    positions = {} if physics else _layout(g)

    net = Network(
        height="100%",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        heading="",
        bgcolor="#ffffff",
    )
    for item in _node_items(g, article_index):
        n_id = item.pop("n_id")
        if n_id in positions:
            item["x"], item["y"] = positions[n_id]
        net.add_node(n_id, **item)
    edge_items = _edge_items(g)
    for item in edge_items:
        source, to = item.pop("source"), item.pop("to")
        net.add_edge(source, to, **item)
    net.options = _options(g.number_of_nodes(), physics)  # a dict is dumped as JSON by pyvis
    page = net.generate_html()
    counts: dict[str, int] = {}
    for _, kind in g.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    data = {"articles": [all_articles[a] for a in used], "physics": physics}
    return _postprocess(page, title, counts, len(edge_items), data, note, timeline)


def render_html(graph: Graph, title: str = "kg", *, max_nodes: int = MAX_NODES) -> str:
    """The page for an rdflib graph or dataset (its named graphs merged)."""
    return render_network(from_rdflib(graph), title, max_nodes=max_nodes)


def _write_atomic(path: Path, page: str) -> None:
    """Temp file in the same directory, then replace: a reader never sees half a page."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(page)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_html(
    graph: Graph | nx.MultiDiGraph,
    path: Path,
    title: str = "kg",
    *,
    max_nodes: int = MAX_NODES,
    note: str = "",
    timeline: Timeline | None = None,
) -> None:
    """Write the page of an rdflib graph or a :mod:`kg.graph.network` graph to ``path``."""
    g = graph if isinstance(graph, nx.MultiDiGraph) else from_rdflib(graph)
    page = render_network(g, title, max_nodes=max_nodes, note=note, timeline=timeline)
    _write_atomic(path, page)


def store_title(g: nx.MultiDiGraph) -> str:
    """ "kg: <headline>" for one article, else "kg: N articles" (no rdflib copy needed)."""
    articles: dict[str, dict[str, str]] = g.graph.get("articles", {})
    if len(articles) == 1:
        return "kg: " + next(iter(articles.values()))["title"]
    return f"kg: {len(articles)} articles"


def write_store_page(
    store: ox.Store, path: Path, title: str | None = None, *, max_nodes: int = MAX_NODES
) -> str | None:
    """The page of the whole store (titled after its articles unless ``title`` is given);
    past ``max_nodes``, of its :data:`AUTO_TOP` most central nodes instead. Returns a note
    saying so, or None when the page shows everything."""
    from kg.graph.timeline_page import timeline_items

    g = from_store(store)
    title = title or store_title(g)
    timeline = timeline_items(store, g)  # from the whole graph, before any cut
    note = None
    if g.number_of_nodes() > max_nodes:
        from kg.graph.analyze import top_nodes

        keep = top_nodes(g, min(AUTO_TOP, max_nodes))
        note = (
            f"the graph has {g.number_of_nodes()} nodes; the page shows the {len(keep)} most "
            "central (PageRank) - draw other parts with kg viz --focus, --article or --query"
        )
        g = induced(g, keep, with_articles=False)
    write_html(g, path, title, max_nodes=max_nodes, note=note or "", timeline=timeline)
    return note
