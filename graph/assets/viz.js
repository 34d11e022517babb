/* kbgraph network page.
 *
 * Reads the graph from the JSON block #kbgraph-data (every "<", ">" and "&" in it is
 * escaped, so article text cannot end the block; an edge names its property, whose
 * labels are in data.relations once), builds every tooltip and panel as
 * DOM nodes with textContent (article text is never parsed as HTML), and draws the
 * network with vis-network. Physics runs until the layout stabilises, then stops.
 * Exposes window.kbgraphNetwork / kbgraphNodes / kbgraphEdges for scripting and tests;
 * window.kbgraphStable is true once the layout has settled.
 */
(function () {
  "use strict";

  var WIKIDATA = "https://www.wikidata.org/wiki/";
  var data = JSON.parse(document.getElementById("kbgraph-data").textContent);
  var byId = {};

  function el(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  // Only plain web addresses become links; "javascript:", "data:" and the like stay text.
  function httpUrl(url) {
    return (typeof url === "string" && /^https?:\/\/[^\s"'<>]+$/i.test(url)) ? url : null;
  }

  function link(text, url) {
    var a = el("a", text);
    a.setAttribute("href", url);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
    return a;
  }

  function evidenceList(items) {
    var ul = el("ul", null, "kb-evidence");
    items.forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("q", ev.sentence));
      var source = el("div", null, "kb-source");
      var text = (ev.title || "(tanpa judul / untitled)") + (ev.date ? " \u2014 " + ev.date : "");
      var url = httpUrl(ev.url);
      source.appendChild(url ? link(text, url) : el("span", text));
      li.appendChild(source);
      ul.appendChild(li);
    });
    return ul;
  }

  function nodeCard(node) {
    var kb = node.kb;
    var box = el("div", null, "kb-card");
    box.appendChild(el("div", kb.label, "kb-card-title"));
    if (kb.labelEn) { box.appendChild(el("div", kb.labelEn, "kb-card-en")); }
    box.appendChild(el("div", kb.cls + " (" + kb.top + ")", "kb-card-class"));
    if (kb.aliases.length) { box.appendChild(el("div", "Alias: " + kb.aliases.join(", "))); }
    if (typeof kb.wikidata === "string" && /^Q[0-9]+$/.test(kb.wikidata)) {
      var wd = el("div", "Wikidata: ");
      wd.appendChild(link(kb.wikidata, WIKIDATA + kb.wikidata));
      box.appendChild(wd);
    }
    kb.attrs.forEach(function (pair) { box.appendChild(el("div", pair[0] + ": " + pair[1])); });
    box.appendChild(el("div", "Artikel / articles: " + kb.articles + " \u00b7 relasi / degree: " + kb.degree));
    if (kb.evidence.length) { box.appendChild(evidenceList(kb.evidence)); }
    box.appendChild(el("div", kb.iri, "kb-iri"));
    return box;
  }

  function edgeCard(edge) {
    var kb = edge.kb;
    var box = el("div", null, "kb-card");
    var from = byId[edge.from], to = byId[edge.to];
    box.appendChild(el("div", (from ? from.kb.label : edge.from) + " \u2192 " + (to ? to.kb.label : edge.to),
                       "kb-card-title"));
    var rel = data.relations[kb.predicate] || { labelEn: kb.predicate, labelId: kb.predicate };
    box.appendChild(el("div", rel.labelEn + " / " + rel.labelId, "kb-card-class"));
    box.appendChild(el("div", "Artikel pendukung / supporting articles: " + kb.articles));
    box.appendChild(el("div", kb.predicate, "kb-iri"));
    return box;
  }

  data.nodes.forEach(function (n) { byId[n.id] = n; });
  data.nodes.forEach(function (n) { n.title = nodeCard(n); });
  data.edges.forEach(function (e) { e.title = edgeCard(e); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kb-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  function settle() {
    network.setOptions({ physics: { enabled: false } });
    var status = document.getElementById("kb-status");
    if (status) { status.textContent = ""; }
    window.kbgraphStable = true;
  }
  network.once("stabilizationIterationsDone", settle);

  // Details panel: a fresh card (the tooltip's own element belongs to the popup).
  var details = document.getElementById("kb-details");
  function showDetails(id) {
    var node = byId[id];
    if (!node) { return; }
    details.replaceChildren(nodeCard(node));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
  });

  // Legend that is also the class filter.
  var legend = document.getElementById("kb-legend");
  var shown = {};
  data.classes.forEach(function (c) {
    shown[c.name] = true;
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-class", c.name);
    box.addEventListener("change", function () {
      shown[c.name] = box.checked;
      nodes.update(data.nodes.filter(function (n) { return n.kb.top === c.name; })
        .map(function (n) { return { id: n.id, hidden: !box.checked }; }));
    });
    var glyph = el("span", c.glyph, "kb-glyph");
    glyph.style.color = c.color;
    label.appendChild(box);
    label.appendChild(glyph);
    label.appendChild(el("span", c.label));
    label.appendChild(el("span", "(" + c.count + ")", "kb-count"));
    legend.appendChild(label);
  });

  // Search by label, English label, alias or IRI.
  var search = document.getElementById("kb-search");
  var list = document.getElementById("kb-matches");
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    return data.nodes.filter(function (n) {
      if (!shown[n.kb.top]) { return false; }
      var names = [n.kb.label, n.kb.labelEn || "", n.kb.iri].concat(n.kb.aliases);
      return names.some(function (s) { return s.toLowerCase().indexOf(q) !== -1; });
    });
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: { duration: 400 } });
    showDetails(id);
  }
  search.addEventListener("input", function () {
    var found = matches(search.value);
    list.replaceChildren();
    found.slice(0, 30).forEach(function (n) {
      var li = el("li", n.kb.label);
      li.tabIndex = 0;
      li.addEventListener("click", function () { focusNode(n.id); });
      li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { focusNode(n.id); } });
      list.appendChild(li);
    });
    network.selectNodes(found.map(function (n) { return n.id; }));
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = matches(search.value);
      if (found.length) { focusNode(found[0].id); }
    }
  });

  window.kbgraphNetwork = network;
  window.kbgraphNodes = nodes;
  window.kbgraphEdges = edges;
})();
