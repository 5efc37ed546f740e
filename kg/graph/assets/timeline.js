(function () {
  "use strict";
  var script = document.getElementById("kg-timeline");
  if (!script) { return; }
  var TL = JSON.parse(script.textContent);
  var body = document.body;
  var view = document.getElementById("kg-timeline-view");
  var graph = document.getElementById("mynetwork");
  var box = document.getElementById("details");
  var buttons = Array.prototype.slice.call(document.querySelectorAll("#kg-views button"));
  var DOTS = {meeting: "#e15759", talks: "#e15759", summit: "#e15759", call: "#e15759",
              visit: "#e15759", conference: "#e15759", negotiations: "#e15759"};

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function show(which) {
    buttons.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-kg-view") === which));
    });
    view.hidden = which !== "timeline";
    graph.style.visibility = which === "timeline" ? "hidden" : "visible";
    body.setAttribute("data-kg-view", which);
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-kg-view")); });
  });

  // the actor filter: everyone who takes part in some line, most frequent first
  var bar = el("div", "kg-tl-bar", undefined, view);
  el("label", "", "Actor:", bar).setAttribute("for", "kg-tl-actor");
  var select = el("select", "", undefined, bar);
  select.id = "kg-tl-actor";
  var shownCount = el("span", "kg-hint", "", bar);
  var counts = {};
  TL.items.forEach(function (it) {
    it.actors.forEach(function (a) { counts[a] = (counts[a] || 0) + 1; });
  });
  el("option", "", "All actors", select).value = "";
  Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
    .forEach(function (a) { el("option", "", a + " (" + counts[a] + ")", select).value = a; });
  var axis = el("div", "kg-tl-axis", undefined, view);

  function details(it, row) {
    Array.prototype.forEach.call(axis.querySelectorAll(".kg-on"), function (r) {
      r.classList.remove("kg-on");
    });
    row.classList.add("kg-on");
    box.replaceChildren();
    el("h2", "", it.label, box);
    el("div", "kg-kind", it.what + ", " + it.status + ", " + it.date +
       " (" + it.precision + ")", box);
    if (it.actors.length) { el("div", "", "Who: " + it.actors.join("; "), box); }
    if (it.rate) { el("div", "", "Rate: " + it.rate, box); }
    el("div", "", "Reported by " + it.sources + " article" + (it.sources === 1 ? "" : "s"), box);
    if (it.evidence.length) {
      el("h3", "", "Evidence", box);
      var ul = el("ul", "", undefined, box);
      it.evidence.forEach(function (ev) {
        var li = el("li", "", undefined, ul);
        el("span", "", "\u201c" + ev.text + "\u201d", li);
        var where = [ev.article, ev.date].filter(Boolean).join(", ");
        if (where) { el("div", "kg-source", "\u2014 " + where, li); }
      });
    }
    if (it.inGraph && window.kgSelect) {
      var b = el("button", "kg-link", "Show in the graph", box);
      b.type = "button";
      b.addEventListener("click", function () { show("graph"); window.kgSelect(it.node); });
    }
    body.setAttribute("data-kg-timeline-selected", it.node);
  }
  // Lines are drawn a page at a time (PAGE, then a button for the next PAGE): a large
  // archive's thousands of lines would otherwise all be laid out before the first shows.
  var PAGE = 200;
  var more = el("button", "kg-more", "", view);
  more.type = "button";
  var lines = [], drawn = 0, month = null;
  function line(it) {
    var m = it.date.slice(0, 7);
    if (m !== month) { month = m; el("div", "kg-tl-month", m, axis); }
    var row = el("div", "kg-tl-item", undefined, axis);
    row.setAttribute("data-kg-node", it.node);
    row.style.setProperty("--kg-dot", DOTS[it.what] || "#59a14f");
    el("span", "kg-tl-date", it.date + (it.precision === "day" ? "" : " (" + it.precision + ")"), row);
    el("span", "kg-tl-what", it.what, row);
    el("span", "", it.label, row);
    el("span", "kg-tl-status", it.status, row);
    if (it.actors.length) { el("span", "kg-tl-actors", "\u2014 " + it.actors.join("; "), row); }
    row.addEventListener("click", function () { details(it, row); });
  }
  function drawPage() {
    lines.slice(drawn, drawn + PAGE).forEach(line);
    drawn = Math.min(lines.length, drawn + PAGE);
    body.setAttribute("data-kg-timeline-drawn", String(drawn));
    more.hidden = drawn >= lines.length;
    more.textContent = "Show " + Math.min(PAGE, lines.length - drawn) + " more of " +
      (lines.length - drawn);
  }
  function draw() {
    var actor = select.value;
    axis.replaceChildren();
    lines = TL.items.filter(function (it) { return !actor || it.actors.indexOf(actor) >= 0; });
    drawn = 0;
    month = null;
    drawPage();
    shownCount.textContent = lines.length + " of " + TL.total + " lines" +
      (TL.total > TL.items.length ? " (the newest " + TL.items.length + " on this page)" : "");
    body.setAttribute("data-kg-timeline-lines", String(lines.length));
  }
  more.addEventListener("click", drawPage);
  select.addEventListener("change", draw);
  draw();
})();
