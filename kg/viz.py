"""An interactive, self-contained HTML page of the knowledge graph (vis-network via pyvis).

People, governments, countries, places, events, policies, statements and articles become
nodes; role memberships become person -> government edges labelled with the role title.
The page inlines every script and style, makes no network request and works from
``file://``. All article text reaches the browser as data (JSON with ``<``, ``>``, ``&``
escaped) and is put into the DOM with ``textContent`` only, never parsed as HTML.

pyvis (which imports IPython) is imported inside :func:`render_html` so that importing
this module stays cheap.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, SKOS
from rdflib.term import Node

from kg.ontology import ID, KG, NIF

__all__ = ["NODE_STYLES", "render_html", "write_html"]

# kind -> (legend text, colour, vis shape). Order = legend order.
NODE_STYLES: dict[str, tuple[str, str, str]] = {
    "person": ("Person", "#4e79a7", "dot"),
    "government": ("Government / organisation", "#f28e2b", "hexagon"),
    "country": ("Country", "#59a14f", "square"),
    "place": ("Place", "#76b7b2", "triangleDown"),
    "event": ("Event", "#e15759", "star"),
    "policy": ("Policy", "#b07aa1", "diamond"),
    "statement": ("Statement", "#edc948", "triangle"),
    "article": ("Article", "#bab0ac", "box"),
    "other": ("Other", "#d3d3d3", "dot"),
}
_SIZES = {
    "person": 16,
    "government": 20,
    "country": 16,
    "place": 14,
    "event": 18,
    "policy": 16,
    "statement": 13,
    "article": 10,
    "other": 10,
}

_POLICY_TYPES = frozenset(
    {
        KG.Policy,
        KG.TariffMeasure,
        KG.Sanction,
        KG.Pause,
        KG.Agreement,
        KG.Pledge,
        KG.Request,
        KG.Proposal,
    }
)
# Checked in this order, so a node typed both schema:Country and schema:Place is a country.
_TYPE_KINDS: tuple[tuple[str, frozenset[URIRef]], ...] = (
    ("statement", frozenset({KG.Statement})),
    ("event", frozenset({SDO.Event})),
    ("policy", _POLICY_TYPES),
    ("article", frozenset({SDO.NewsArticle, SDO.Article})),
    (
        "government",
        frozenset(
            {SDO.GovernmentOrganization, ORG.FormalOrganization, ORG.Organization, SDO.Organization}
        ),
    ),
    ("person", frozenset({SDO.Person})),
    ("country", frozenset({SDO.Country})),
    ("place", frozenset({SDO.Place})),
)
_LABEL_PREDICATES = (RDFS.label, SDO.name, SKOS.prefLabel)
_MAX_LABEL = 40  # characters drawn on the canvas; the full text is in tooltip and panel
_MAX_EVIDENCE = 5  # evidence sentences listed per node or edge

_EDGE_STYLES = {
    "role": {"color": "#3b3b3b", "width": 2.0, "font": {"size": 13}},
    "relation": {"color": "#8a8a8a", "width": 1.2},
    "source": {
        "color": "#d0d0d0",
        "width": 0.6,
        "dashes": True,
        "font": {"size": 10, "color": "#9a9a9a"},
    },
}


@dataclass
class _VizNode:
    term: Node
    kind: str
    label: str
    lines: list[str] = field(default_factory=list)
    evidence: set[Node] = field(default_factory=set)

    @property
    def id(self) -> str:
        return str(self.term)


@dataclass
class _VizEdge:
    source: str
    target: str
    label: str
    style: str
    lines: list[str] = field(default_factory=list)
    evidence: set[Node] = field(default_factory=set)


# --- reading the graph -----------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(text.split())


def _truncate(text: str, limit: int = _MAX_LABEL) -> str:
    text = _clean(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _literals(g: Graph, s: Node, p: URIRef) -> list[str]:
    """String values of ``s p ?o``, English/untagged first, then alphabetical."""
    values = [o for o in g.objects(s, p) if isinstance(o, Literal)]
    values.sort(key=lambda o: (o.language not in (None, "en"), str(o)))
    return [_clean(str(o)) for o in values if str(o).strip()]


def _first(g: Graph, s: Node, *preds: URIRef) -> str | None:
    for p in preds:
        values = _literals(g, s, p)
        if values:
            return values[0]
    return None


def _short_iri(node: Node) -> str:
    text = str(node)
    base = str(ID)
    return text[len(base) :] if text.startswith(base) and len(text) > len(base) else text


def _local_name(node: Node) -> str:
    text = str(node).rstrip("/#")
    return re.split(r"[/#]", text)[-1] or text


def _type_name(node: Node) -> str:
    """``kg:TariffMeasure`` -> ``Tariff measure``."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", _local_name(node)).split()
    return " ".join([words[0]] + [w.lower() for w in words[1:]]) if words else str(node)


def _policy_types(g: Graph) -> set[Node]:
    """The policy classes, plus any subclass of them the graph itself declares."""
    types: set[Node] = set(_POLICY_TYPES)
    for cls in _POLICY_TYPES:
        types.update(t for t in g.transitive_subjects(RDFS.subClassOf, cls) if t is not None)
    return types


def _kind(types: set[Node], policy_types: set[Node]) -> str | None:
    for kind, known in _TYPE_KINDS:
        if kind == "policy":
            if types & policy_types:
                return kind
        elif types & known:
            return kind
    return None


def _evidence_lines(g: Graph, evidence: Iterable[Node]) -> list[str]:
    items = []
    for ev in evidence:
        if isinstance(ev, Literal):
            items.append(("", 0, _clean(str(ev))))
            continue
        text = _first(g, ev, NIF.anchorOf, NIF.isString, RDFS.label) or _short_iri(ev)
        article = g.value(ev, NIF.referenceContext)
        begin = g.value(ev, NIF.beginIndex)
        try:
            offset = int(begin.toPython()) if isinstance(begin, Literal) else 0
        except (TypeError, ValueError):
            offset = 0
        items.append((_short_iri(article) if article is not None else "", offset, text))
    items.sort()
    lines = [
        f"\u2022 \u201c{text}\u201d" + (f" [{art}]" if art else "")
        for art, _, text in items[:_MAX_EVIDENCE]
    ]
    if len(items) > _MAX_EVIDENCE:
        lines.append(f"\u2026 and {len(items) - _MAX_EVIDENCE} more")
    return lines


def _info(head: str, lines: list[str], evidence_lines: list[str]) -> str:
    out = [head, *lines]
    if evidence_lines:
        out.append("Evidence:")
        out.extend(evidence_lines)
    return "\n".join(out)


def _union(graph: Graph) -> Graph:
    """A dataset's named graphs merged into one graph (a plain graph is returned as is)."""
    if not isinstance(graph, ConjunctiveGraph):  # rdflib.Dataset subclasses ConjunctiveGraph
        return graph
    merged = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged


class _Builder:
    def __init__(self, graph: Graph) -> None:
        self.g = _union(graph)
        self.nodes: dict[str, _VizNode] = {}
        self.edges: dict[tuple[str, str, str], _VizEdge] = {}

    # nodes ---------------------------------------------------------------------------------
    def collect_nodes(self) -> None:
        g = self.g
        policy_types = _policy_types(g)
        subjects = sorted({s for s in g.subjects(RDF.type, None)}, key=str)
        for s in subjects:
            types = set(g.objects(s, RDF.type))
            kind = _kind(types, policy_types)
            if kind is None:
                continue
            self.nodes[str(s)] = self._make_node(s, kind, types)

    def _make_node(self, s: Node, kind: str, types: set[Node]) -> _VizNode:
        g = self.g
        lines: list[str] = []
        if kind == "statement":
            quote = _first(g, s, SDO.text, RDFS.label) or _local_name(s)
            label = f"\u201c{quote}\u201d"
            lines.append(f"Quote: \u201c{quote}\u201d")
            cue = _first(g, s, KG.cue)
            if cue:
                lines.append(f"Verb: {cue}")
        elif kind == "article":
            label = _first(g, s, SDO.headline, *_LABEL_PREDICATES) or _short_iri(s)
            published = _first(g, s, SDO.datePublished)
            if published:
                lines.append(f"Published: {published}")
        else:
            label = _first(g, s, *_LABEL_PREDICATES) or _local_name(s)
        aliases = [a for a in _literals(g, s, SKOS.altLabel) if a != label]
        if aliases:
            lines.append("Also known as: " + "; ".join(aliases))
        if kind == "policy":
            specific = sorted(
                (_type_name(t) for t in types if t != KG.Policy and str(t).startswith(str(KG))),
                key=str,
            )
            if specific:
                lines.append("Kind: " + ", ".join(specific))
            for pred, name in ((KG.rate, "Rate"), (KG.goods, "Goods")):
                value = _first(g, s, pred)
                if value:
                    unit = _first(g, s, KG.unit) if pred == KG.rate else None
                    lines.append(f"{name}: {value}" + (f" {unit}" if unit else ""))
        if kind in ("event", "policy", "statement"):
            status = _first(g, s, KG.status)
            if status:
                lines.append(f"Status: {status}")
            date = _first(g, s, SDO.startDate, KG.dateText)
            if date:
                lines.append(f"Date: {date}")
        node = _VizNode(s, kind, label, lines)
        node.evidence.update(g.objects(s, KG.evidence))
        return node

    def _ensure(self, n: Node) -> str | None:
        """The node id of ``n``, adding a grey "other" node for an untyped IRI."""
        if isinstance(n, Literal):
            return None
        key = str(n)
        if key not in self.nodes:
            label = _first(self.g, n, *_LABEL_PREDICATES) or (
                _local_name(n) if isinstance(n, URIRef) else "(blank node)"
            )
            self.nodes[key] = _VizNode(n, "other", label)
        return key

    # edges ---------------------------------------------------------------------------------
    def _edge(
        self, source: Node, target: Node, label: str, style: str, evidence: Iterable[Node] = ()
    ) -> _VizEdge | None:
        src, dst = self._ensure(source), self._ensure(target)
        if src is None or dst is None or src == dst:
            return None
        key = (src, dst, label)
        edge = self.edges.get(key)
        if edge is None:
            edge = self.edges[key] = _VizEdge(src, dst, label, style)
        edge.evidence.update(evidence)
        return edge

    def collect_edges(self) -> None:
        g = self.g
        self._roles()
        for gov in sorted(self.nodes_of("government"), key=str):
            for country in g.objects(gov, KG.governs):
                self._edge(gov, country, "governs", "relation")
        for event in self.nodes_of("event"):
            for who in g.objects(event, SDO.attendee):
                self._edge(who, event, "attendee", "relation")
            for where in g.objects(event, SDO.location):
                self._edge(event, where, "location", "relation")
        for policy in self.nodes_of("policy"):
            for who in g.objects(policy, KG.imposedBy):
                self._edge(policy, who, "imposed by", "relation")
            for whom in g.objects(policy, KG.target):
                self._edge(policy, whom, "target", "relation")
            for other in g.objects(policy, KG.appliesTo):
                self._edge(policy, other, "applies to", "relation")
        for statement in self.nodes_of("statement"):
            for who in g.objects(statement, PROV.wasAttributedTo):
                self._edge(who, statement, "said", "relation")
        for fact in self.nodes_of("event", "policy", "statement"):
            articles = set(g.objects(fact, DCTERMS.source))
            if not articles:  # fall back to the articles its evidence sentences come from
                for ev in g.objects(fact, KG.evidence):
                    articles.update(g.objects(ev, NIF.referenceContext))
            for article in articles:
                self._edge(fact, article, "in", "source")

    def nodes_of(self, *kinds: str) -> list[Node]:
        return [n.term for n in self.nodes.values() if n.kind in kinds]

    def _roles(self) -> None:
        g = self.g
        for m in sorted(set(g.subjects(RDF.type, ORG.Membership)), key=str):
            person, gov = g.value(m, ORG.member), g.value(m, ORG.organization)
            if person is None or gov is None:
                continue
            title = _first(g, m, KG.roleTitle, RDFS.label) or "member"
            qualifier = _first(g, m, KG.qualifier)
            label = _truncate(f"{qualifier} {title}" if qualifier else title)
            evidence = list(g.objects(m, KG.evidence))
            edge = self._edge(person, gov, label, "role", evidence)
            if edge is None:
                continue
            role_class = _first(g, m, KG.roleClass)
            line = f"Role: {qualifier + ' ' if qualifier else ''}{title}" + (
                f" ({role_class})" if role_class else ""
            )
            if line not in edge.lines:
                edge.lines.append(line)
            gov_label = self.nodes[edge.target].label
            person_node = self.nodes[edge.source]
            role_line = f"Role: {title}, {gov_label}"
            if role_line not in person_node.lines:
                person_node.lines.append(role_line)
            person_node.evidence.update(evidence)
        for post in sorted(set(g.subjects(RDF.type, ORG.Post)), key=str):
            holder = g.value(post, ORG.heldBy)
            post_label = _first(g, post, *_LABEL_PREDICATES)
            if holder is not None and post_label and str(holder) in self.nodes:
                line = f"Post: {post_label}"
                if line not in self.nodes[str(holder)].lines:
                    self.nodes[str(holder)].lines.append(line)

    # output --------------------------------------------------------------------------------
    def node_dicts(self) -> list[dict[str, object]]:
        out = []
        for node in self.nodes.values():
            legend, color, shape = NODE_STYLES[node.kind]
            type_text = legend if node.kind != "government" else "Government"
            head = f"{type_text}: {node.label}"
            info = _info(
                head, [*node.lines, f"IRI: {node.id}"], _evidence_lines(self.g, node.evidence)
            )
            item: dict[str, object] = {
                "n_id": node.id,
                "label": _truncate(node.label),
                "shape": shape,
                "color": color,
                "size": _SIZES[node.kind],
                "kind": type_text,
                "fullLabel": node.label,
                "info": info,
            }
            if node.kind == "article":
                item["font"] = {"size": 11}
            out.append(item)
        return out

    def edge_dicts(self) -> list[dict[str, object]]:
        out = []
        for edge in self.edges.values():
            head = (
                f"{self.nodes[edge.source].label} \u2192 {edge.label} \u2192 "
                f"{self.nodes[edge.target].label}"
            )
            item: dict[str, object] = {
                "source": edge.source,
                "to": edge.target,
                "label": edge.label,
                "info": _info(head, edge.lines, _evidence_lines(self.g, edge.evidence)),
            }
            item.update(_EDGE_STYLES[edge.style])
            out.append(item)
        return out


# --- the page --------------------------------------------------------------------------------

_SMALL_GRAPH = 150  # nodes; above this the layout trades polish for speed


def _options(n_nodes: int) -> dict[str, object]:
    """vis-network options. Stabilisation cost grows with nodes x iterations, and
    "dynamic" smooth edges add a physics body per edge (about 4x slower), so large graphs
    get straighter edges and an iteration budget (~3 s for 1,000 nodes in headless Chromium).
    """
    small = n_nodes <= _SMALL_GRAPH
    iterations = 1000 if small else max(150, min(1000, 200_000 // n_nodes))
    return {
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -9000,
                "centralGravity": 0.3,
                "springLength": 170,
                "springConstant": 0.03,
                "damping": 0.25,
                "avoidOverlap": 0.5,
            },
            "stabilization": {
                "enabled": True,
                "iterations": iterations,
                "updateInterval": 25,
                "fit": True,
            },
        },
        "layout": {"randomSeed": 7, "improvedLayout": small},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not small},
        "nodes": {
            "font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1,
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
            "smooth": {"enabled": True, "type": "dynamic" if small else "continuous"},
        },
    }


_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; "
    "form-action 'none'"
)

_STYLE = """
<style>
  html, body { margin: 0; padding: 0; height: 100%; overflow: hidden;
               font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  #kg-header { position: fixed; top: 0; left: 0; right: 0; height: 36px; z-index: 5;
               display: flex; align-items: center; gap: 16px; padding: 0 12px;
               background: #f7f7f7; border-bottom: 1px solid #ddd; font-size: 14px; }
  #kg-header h1 { font-size: 16px; margin: 0; font-weight: 600; }
  #kg-header .kg-counts { color: #666; }
  div.card { position: static; }
  #mynetwork { position: fixed; top: 37px; left: 0; right: 360px; bottom: 0;
               width: auto; height: auto; float: none; border: 0; }
  #kg-side { position: fixed; top: 37px; right: 0; bottom: 0; width: 359px; z-index: 5;
             overflow: auto; box-sizing: border-box; padding: 10px; font-size: 12px;
             background: #fbfbfb; border-left: 1px solid #ddd; }
  #kg-legend { border: 1px solid #ccc; border-radius: 6px; padding: 6px 10px;
               background: #ffffff; margin-bottom: 10px; }
  #kg-legend .kg-legend-title { font-weight: 600; margin-bottom: 3px; }
  #kg-legend .kg-legend-rows { display: grid; grid-template-columns: 1fr 1fr; gap: 2px 8px; }
  #kg-legend .kg-legend-row { display: flex; align-items: center; gap: 6px; }
  #kg-legend .kg-legend-edge { color: #555; margin-top: 6px; }
  #details { border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px;
             background: #ffffff; }
  #details h2 { font-size: 14px; margin: 0 0 2px 0; overflow-wrap: anywhere; }
  #details .kg-kind { color: #777; margin-bottom: 6px; }
  #details .kg-info { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
  #details .kg-hint { color: #888; }
  div.vis-tooltip { max-width: 420px; white-space: normal; font-size: 12px;
                   font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  .kg-tip { white-space: pre-wrap; overflow-wrap: anywhere; }
</style>
"""

_SCRIPT = """
<script type="text/javascript">
(function () {
  "use strict";
  function tip(text) {
    var div = document.createElement("div");
    div.className = "kg-tip";
    div.textContent = text;
    return div;
  }
  // Tooltips are DOM elements filled with textContent: article text is never parsed as HTML.
  nodes.update(nodes.get().map(function (n) { return {id: n.id, title: tip(n.info)}; }));
  edges.update(edges.get().map(function (e) { return {id: e.id, title: tip(e.info)}; }));

  var box = document.getElementById("details");
  function add(tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = text;
    box.appendChild(el);
  }
  function show(heading, kind, info) {
    box.replaceChildren();
    add("h2", "", heading);
    add("div", "kg-kind", kind);
    add("div", "kg-info", info);
  }
  function reset() {
    box.replaceChildren();
    add("h2", "", "Details");
    add("div", "kg-hint", "Click a node or an edge.");
  }
  network.on("click", function (params) {
    if (params.nodes.length > 0) {
      var n = nodes.get(params.nodes[0]);
      show(n.fullLabel, n.kind, n.info);
    } else if (params.edges.length > 0) {
      var e = edges.get(params.edges[0]);
      show(e.label, "Relation", e.info);
    } else {
      reset();
    }
  });
  if (nodes.length === 0) {
    document.body.setAttribute("data-kg-stabilized", "true");
  }
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    document.body.setAttribute("data-kg-stabilized", "true");  // a hook for tests
  });
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


def _legend(kinds_present: set[str]) -> str:
    rows = []
    for kind, (text, color, shape) in NODE_STYLES.items():
        if kind == "other" and kind not in kinds_present:
            continue
        rows.append(
            f'<div class="kg-legend-row">{_shape_svg(shape, color)}'
            f"<span>{html.escape(text)}</span></div>"
        )
    return (
        '<div id="kg-legend"><div class="kg-legend-title">Legend</div>'
        '<div class="kg-legend-rows">' + "".join(rows) + "</div>"
        '<div class="kg-legend-edge">Edges: <b>role title</b> (person \u2192 government), '
        "attendee, location, imposed by, target, said, governs; "
        "dashed grey \u201cin\u201d = fact \u2192 its article.</div></div>"
    )


def _header(title: str, n_nodes: int, n_edges: int) -> str:
    return (
        f'<div id="kg-header"><h1>{html.escape(title)}</h1>'
        f'<span class="kg-counts">{n_nodes} nodes, {n_edges} edges</span></div>'
    )


_DETAILS = (
    '<div id="details"><h2>Details</h2><div class="kg-hint">Click a node or an edge.</div></div>'
)


def _insert(page: str, anchor: str, text: str, *, before: bool) -> str:
    index = page.find(anchor)
    if index < 0:
        raise RuntimeError(f"unexpected pyvis template: no {anchor!r}")
    at = index if before else index + len(anchor)
    return page[:at] + text + page[at:]


def _postprocess(page: str, title: str, kinds: set[str], n_nodes: int, n_edges: int) -> str:
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _insert(
        page,
        '<meta charset="utf-8">',
        f'\n        <meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"\n        <title>{html.escape(title)}</title>",
        before=False,
    )
    page = _insert(page, "</head>", _STYLE, before=True)
    page = _insert(
        page,
        "<body>",
        "\n"
        + _header(title, n_nodes, n_edges)
        + '<div id="kg-side">'
        + _legend(kinds)
        + _DETAILS
        + "</div>",
        before=False,
    )
    page = _insert(page, "</body>", _SCRIPT, before=True)
    if page.lstrip().lower().startswith("<html"):
        page = '<!DOCTYPE html>\n<html lang="en"' + page.lstrip()[len("<html") :]
    remote = _ANY_REMOTE.search(page)
    if remote:
        raise RuntimeError(f"page still references a remote resource: {remote.group(0)!r}")
    return page


def render_html(graph: Graph, title: str = "kg") -> str:
    """The whole interactive page for ``graph`` as one self-contained HTML string."""
    from pyvis.network import Network  # lazy: pyvis imports IPython, which is slow

    builder = _Builder(graph)
    builder.collect_nodes()
    builder.collect_edges()
    node_dicts = builder.node_dicts()  # after edges: edges may add "other" nodes
    edge_dicts = builder.edge_dicts()

    net = Network(
        height="100%",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        heading="",
        bgcolor="#ffffff",
    )
    for item in node_dicts:
        n_id = item.pop("n_id")
        net.add_node(n_id, **item)
    for item in edge_dicts:
        source, to = item.pop("source"), item.pop("to")
        net.add_edge(source, to, **item)
    net.options = _options(len(node_dicts))  # a dict is dumped as JSON by pyvis
    page = net.generate_html()
    kinds = {n.kind for n in builder.nodes.values()}
    return _postprocess(page, title, kinds, len(node_dicts), len(edge_dicts))


def write_html(graph: Graph, path: Path, title: str = "kg") -> None:
    """Write :func:`render_html` to ``path`` atomically (temp file in the same dir, replace)."""
    path = Path(path)
    page = render_html(graph, title=title)
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
