"""An explorable, self-contained HTML page of the knowledge graph (vis-network via pyvis).

The page is drawn from the networkx graph of :mod:`kg.network`: people, governments,
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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from kg.errors import KGError
from kg.network import ARTICLE, KINDS, entity_view, from_rdflib, from_store, induced

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
    raise RuntimeError("kg.viz.NODE_STYLES and kg.network.KINDS disagree")
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

_STYLE = """
<style>
  html, body { margin: 0; padding: 0; height: 100%; overflow: hidden;
               font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  #kg-header { position: fixed; top: 0; left: 0; right: 0; height: 40px; z-index: 5;
               display: flex; align-items: center; gap: 14px; padding: 0 12px;
               background: #f7f7f7; border-bottom: 1px solid #ddd; font-size: 14px; }
  #kg-header h1 { font-size: 16px; margin: 0; font-weight: 600; white-space: nowrap;
                  overflow: hidden; text-overflow: ellipsis; max-width: 40%; }
  #kg-header .kg-counts { color: #666; white-space: nowrap; }
  #kg-header .kg-note { color: #a33; white-space: nowrap; overflow: hidden;
                        text-overflow: ellipsis; }
  div.card { position: static; }
  #mynetwork { position: fixed; top: 41px; left: 0; right: 380px; bottom: 0;
               width: auto; height: auto; float: none; border: 0; }
  #kg-side { position: fixed; top: 41px; right: 0; bottom: 0; width: 379px; z-index: 5;
             overflow: auto; box-sizing: border-box; padding: 10px; font-size: 12px;
             background: #fbfbfb; border-left: 1px solid #ddd; }
  #kg-side section { border: 1px solid #ccc; border-radius: 6px; padding: 6px 10px;
                     background: #ffffff; margin-bottom: 10px; }
  #kg-side .kg-title { font-weight: 600; margin-bottom: 4px; }
  #kg-search { width: 100%; box-sizing: border-box; font-size: 13px; padding: 4px 6px; }
  #kg-search-status { color: #a33; min-height: 1em; margin-top: 2px; }
  #kg-article { width: 100%; margin-top: 6px; font-size: 12px; }
  #kg-legend .kg-legend-rows { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 8px; }
  #kg-legend label { display: flex; align-items: center; gap: 5px; cursor: pointer; }
  #kg-legend .kg-legend-edge { color: #555; margin-top: 6px; }
  #details h2 { font-size: 14px; margin: 0 0 2px 0; overflow-wrap: anywhere; }
  #details h3 { font-size: 12px; margin: 8px 0 2px 0; color: #444; }
  #details .kg-kind { color: #777; margin-bottom: 4px; }
  #details ul { margin: 0; padding-left: 16px; }
  #details li { margin: 2px 0; overflow-wrap: anywhere; }
  #details .kg-source { color: #777; }
  #details .kg-hint { color: #888; }
  #details .kg-iri { color: #999; margin-top: 8px; overflow-wrap: anywhere; }
  #details button.kg-link { border: 0; background: none; padding: 0; color: #1a5fb4;
                            cursor: pointer; text-align: left; font: inherit; }
  div.vis-tooltip { max-width: 420px; white-space: normal; font-size: 12px;
                   font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  .kg-tip { white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
"""

_SCRIPT = """
<script type="text/javascript">
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var body = document.body;
  var box = document.getElementById("details");
  var all = nodes.get();
  var byId = {};
  all.forEach(function (n) { byId[n.id] = n; });

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    (parent || box).appendChild(e);
    return e;
  }
  function summary(lines) {
    var div = document.createElement("div");
    div.className = "kg-tip";
    div.textContent = lines.join("\\n");
    return div;
  }
  // Tooltips are DOM elements filled with textContent: article text is never parsed as HTML.
  nodes.update(all.map(function (n) {
    return {id: n.id, title: summary([n.kindText + ": " + n.fullLabel].concat(n.facts))};
  }));
  edges.update(edges.get().map(function (e) {
    var a = byId[e.from], b = byId[e.to];
    return {id: e.id, title: summary([a.fullLabel + " \\u2192 " + e.fullLabel + " \\u2192 " +
                                      b.fullLabel].concat(e.facts))};
  }));

  function list(heading, items, render) {
    if (!items.length) { return; }
    el("h3", "", heading);
    var ul = el("ul");
    items.forEach(function (item) { render(el("li", "", undefined, ul), item); });
  }
  function evidence(items) {
    list("Evidence", items, function (li, ev) {
      el("span", "", "\\u201c" + ev.text + "\\u201d", li);
      var where = [ev.article, ev.date].filter(Boolean).join(", ");
      if (where) { el("div", "kg-source", "\\u2014 " + where, li); }
    });
  }
  function showNode(id) {
    var n = byId[id];
    box.replaceChildren();
    el("h2", "", n.fullLabel);
    el("div", "kg-kind", n.kindText);
    if (n.aliases.length) { el("div", "", "Also known as: " + n.aliases.join("; ")); }
    list("Facts", n.facts, function (li, f) { li.textContent = f; });
    var rel = network.getConnectedEdges(id).map(function (eid) { return edges.get(eid); })
      .filter(function (e) { return e.relation !== "in" || n.kind === "article"; });
    var more = rel.length - 60;
    list("Relations", rel.slice(0, 60), function (li, e) {
      var out = e.from === id;
      var other = byId[out ? e.to : e.from];
      li.appendChild(document.createTextNode((out ? "\\u2192 " : "\\u2190 ") + e.fullLabel + " "));
      var b = el("button", "kg-link", other.fullLabel, li);
      b.type = "button";
      b.addEventListener("click", function () { select(other.id); });
    });
    if (more > 0) { el("div", "kg-hint", "\\u2026 and " + more + " more"); }
    evidence(n.evidence);
    list("Articles", n.articles.slice(0, 20), function (li, i) {
      var a = DATA.articles[i];
      li.textContent = [a.title, a.date].filter(Boolean).join(", ");
    });
    el("div", "kg-iri", "IRI: " + id);
    body.setAttribute("data-kg-selected", id);
  }
  function showEdge(id) {
    var e = edges.get(id);
    box.replaceChildren();
    el("h2", "", e.fullLabel);
    el("div", "kg-kind", "Relation: " + byId[e.from].fullLabel + " \\u2192 " +
       byId[e.to].fullLabel);
    list("Facts", e.facts, function (li, f) { li.textContent = f; });
    evidence(e.evidence);
  }
  function reset() {
    box.replaceChildren();
    el("h2", "", "Details");
    el("div", "kg-hint", "Click a node or an edge, or search for a name.");
    body.removeAttribute("data-kg-selected");
  }
  network.on("click", function (params) {
    if (params.nodes.length > 0) { showNode(params.nodes[0]); }
    else if (params.edges.length > 0) { showEdge(params.edges[0]); }
    else { reset(); }
  });

  // filters: node types (legend check boxes) and one article
  var kindBoxes = Array.prototype.slice.call(document.querySelectorAll("#kg-legend input"));
  var articleSelect = document.getElementById("kg-article");
  DATA.articles.forEach(function (a, i) {
    var o = el("option", "", [a.date, a.title].filter(Boolean).join(" \\u2014 "), articleSelect);
    o.value = String(i);
  });
  var counts = document.getElementById("kg-visible");
  function applyFilters() {
    var on = {};
    kindBoxes.forEach(function (b) { on[b.getAttribute("data-kind")] = b.checked; });
    var article = articleSelect.value === "" ? -1 : Number(articleSelect.value);
    var changes = [], shown = 0;
    all.forEach(function (n) {
      var hidden = !on[n.kind] || (article >= 0 && n.articles.indexOf(article) < 0);
      if (!hidden) { shown += 1; }
      if (Boolean(n.hidden) !== hidden) {
        n.hidden = hidden;
        changes.push({id: n.id, hidden: hidden});
      }
    });
    if (changes.length) { nodes.update(changes); }
    counts.textContent = shown + " of " + all.length + " nodes shown";
    body.setAttribute("data-kg-visible", String(shown));
  }
  kindBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  articleSelect.addEventListener("change", applyFilters);

  // search: exact name, then alias, then a name starting with or containing the text
  var search = document.getElementById("kg-search");
  var status = document.getElementById("kg-search-status");
  var names = document.getElementById("kg-names");
  all.forEach(function (n) {
    if (n.kind !== "article") { el("option", "", undefined, names).value = n.fullLabel; }
  });
  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q) { return null; }
    var tests = [
      function (n) { return n.fullLabel.toLowerCase() === q; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.fullLabel.toLowerCase().indexOf(q) === 0; },
      function (n) { return n.fullLabel.toLowerCase().indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      var hits = all.filter(tests[t]);
      if (hits.length) {
        hits.sort(function (a, b) { return b.value - a.value; });
        return hits[0];
      }
    }
    return null;
  }
  function select(id) {
    if (byId[id].hidden) {
      kindBoxes.forEach(function (b) { b.checked = true; });
      articleSelect.value = "";
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: false});
    showNode(id);
  }
  function runSearch() {
    var hit = find(search.value);
    if (hit) { status.textContent = ""; select(hit.id); }
    else if (search.value.trim()) {
      status.textContent = "No node matches \\u201c" + search.value + "\\u201d";
    }
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { runSearch(); } });

  reset();
  applyFilters();
  function ready() {
    window.kgReadyMs = performance.now();
    body.setAttribute("data-kg-stabilized", "true");  // a hook for tests and benchmarks
  }
  if (DATA.physics && all.length > 0) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: false});
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
    network.redraw();
  }
})();
</script>
"""

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


def _header(title: str, n_nodes: int, n_edges: int, note: str) -> str:
    note_html = f'<span class="kg-note">{html.escape(note)}</span>' if note else ""
    return (
        f'<div id="kg-header"><h1>{_shown(title)}</h1>'
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


def _postprocess(
    page: str, title: str, counts: dict[str, int], n_edges: int, data: object, note: str
) -> str:
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
    page = _insert(page, "</head>", _STYLE, before=True)
    page = _insert(
        page,
        "<body>",
        "\n"
        + _header(title, sum(counts.values()), n_edges, note)
        + '<div id="kg-side">'
        + _SEARCH
        + _legend(counts)
        + _DETAILS
        + "</div>"
        + _json_script("kg-data", data),
        before=False,
    )
    page = _insert(page, "</body>", _SCRIPT, before=True)
    if page.lstrip().lower().startswith("<html"):
        page = '<!DOCTYPE html>\n<html lang="en"' + page.lstrip()[len("<html") :]
    remote = _ANY_REMOTE.search(page)
    if remote:
        raise RuntimeError(f"page still references a remote resource: {remote.group(0)!r}")
    return page


def render_network(
    g: nx.MultiDiGraph, title: str = "kg", *, max_nodes: int = MAX_NODES, note: str = ""
) -> str:
    """The whole interactive page for a graph of :mod:`kg.network`, as one HTML string.

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
    return _postprocess(page, title, counts, len(edge_items), data, note)


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
) -> None:
    """Write the page of an rdflib graph or a :mod:`kg.network` graph to ``path``."""
    g = graph if isinstance(graph, nx.MultiDiGraph) else from_rdflib(graph)
    _write_atomic(path, render_network(g, title, max_nodes=max_nodes, note=note))


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
    g = from_store(store)
    title = title or store_title(g)
    note = None
    if g.number_of_nodes() > max_nodes:
        from kg.analyze import top_nodes

        keep = top_nodes(g, min(AUTO_TOP, max_nodes))
        note = (
            f"the graph has {g.number_of_nodes()} nodes; the page shows the {len(keep)} most "
            "central (PageRank) - draw other parts with kg viz --focus, --article or --query"
        )
        g = induced(g, keep, with_articles=False)
    write_html(g, path, title, max_nodes=max_nodes, note=note or "")
    return note
