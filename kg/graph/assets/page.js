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
    div.textContent = lines.join("\n");
    return div;
  }
  // Tooltips are DOM elements filled with textContent: article text is never parsed as HTML.
  nodes.update(all.map(function (n) {
    return {id: n.id, title: summary([n.kindText + ": " + n.fullLabel].concat(n.facts))};
  }));
  edges.update(edges.get().map(function (e) {
    var a = byId[e.from], b = byId[e.to];
    return {id: e.id, title: summary([a.fullLabel + " \u2192 " + e.fullLabel + " \u2192 " +
                                      b.fullLabel].concat(e.facts))};
  }));

  // A list shown a page at a time: the first `size` items, then a button for the next ones.
  function list(heading, items, render, size) {
    if (!items.length) { return; }
    el("h3", "", heading);
    var ul = el("ul");
    ul.setAttribute("data-kg-list", heading);
    var step = size || items.length, shown = 0, more = null;
    function next() {
      items.slice(shown, shown + step).forEach(function (item) {
        render(el("li", "", undefined, ul), item);
      });
      shown = Math.min(items.length, shown + step);
      ul.setAttribute("data-kg-shown", String(shown));
      if (more) { more.remove(); more = null; }
      if (shown < items.length) {
        more = el("button", "kg-more", "Show " + Math.min(step, items.length - shown) +
                  " more of " + (items.length - shown), undefined);
        more.type = "button";
        ul.after(more);
        more.addEventListener("click", next);
      }
    }
    next();
  }
  function evidence(items) {
    list("Evidence", items, function (li, ev) {
      el("span", "", "\u201c" + ev.text + "\u201d", li);
      var where = [ev.article, ev.date].filter(Boolean).join(", ");
      if (where) { el("div", "kg-source", "\u2014 " + where, li); }
    }, 10);
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
    list("Relations", rel, function (li, e) {
      var out = e.from === id;
      var other = byId[out ? e.to : e.from];
      li.appendChild(document.createTextNode((out ? "\u2192 " : "\u2190 ") + e.fullLabel + " "));
      var b = el("button", "kg-link", other.fullLabel, li);
      b.type = "button";
      b.addEventListener("click", function () { select(other.id); });
    }, 60);
    evidence(n.evidence);
    list("Articles", n.articles, function (li, i) {
      var a = DATA.articles[i];
      li.textContent = [a.title, a.date].filter(Boolean).join(", ");
    }, 20);
    el("div", "kg-iri", "IRI: " + id);
    body.setAttribute("data-kg-selected", id);
  }
  function showEdge(id) {
    var e = edges.get(id);
    box.replaceChildren();
    el("h2", "", e.fullLabel);
    el("div", "kg-kind", "Relation: " + byId[e.from].fullLabel + " \u2192 " +
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
    var o = el("option", "", [a.date, a.title].filter(Boolean).join(" \u2014 "), articleSelect);
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
      status.textContent = "No node matches \u201c" + search.value + "\u201d";
    }
  }
  window.kgSelect = function (id) {  // for the timeline view: show a node in the graph
    if (!byId[id]) { return false; }
    select(id);
    return true;
  };
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
