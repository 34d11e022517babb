/* kbgraph network page.
 *
 * Reads the graph from the JSON block #kbgraph-data (every "<", ">" and "&" in it is
 * escaped, so article text cannot end the block; an edge names its property, whose
 * labels are in data.relations once). Positions, looks, sizes, communities, provinces
 * and years were all computed in Python: this script draws them with vis-network
 * (physics off), draws the labels itself (most important first, only where they do not
 * overlap another label, at a fixed screen size, so they stay readable at any zoom),
 * and runs the filters, the search and the details panel. Every tooltip and panel is
 * built as DOM nodes with textContent; canvas text is drawn with fillText: article text
 * is never parsed as HTML.
 *
 * Exposes window.kbgraphNetwork / kbgraphNodes / kbgraphEdges for scripting and tests,
 * window.kbgraphLabels (the label boxes last drawn, in CSS pixels of the canvas),
 * window.kbgraphShown() (ids drawn now) and window.kbgraphStable (true once drawn).
 */
(function () {
  "use strict";

  var WIKIDATA = "https://www.wikidata.org/wiki/";
  var FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var EDGE_FONT = "italic 10px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var LINE = 14, EDGE_LINE = 12, WRAP = 26, PAD = 2;
  var data = JSON.parse(document.getElementById("kbgraph-data").textContent);
  var byId = {};
  var edgeById = {};

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

  var kindLabel = {}, levelLabel = {};
  (data.kinds || []).forEach(function (k) { kindLabel[k.name] = k.label; });
  (data.levels || []).forEach(function (l) { levelLabel[l.name] = l.label; });

  function nodeCard(node) {
    var kb = node.kb;
    var box = el("div", null, "kb-card");
    box.appendChild(el("div", kb.label, "kb-card-title"));
    if (kb.labelEn) { box.appendChild(el("div", kb.labelEn, "kb-card-en")); }
    box.appendChild(el("div", kb.cls + " (" + kb.top + ")", "kb-card-class"));
    if (kb.kind) {
      box.appendChild(el("div", (kindLabel[kb.kind] || kb.kind) + " \u00b7 " + (levelLabel[kb.level] || kb.level),
                         "kb-card-class"));
    }
    if (kb.provinces.length) { box.appendChild(el("div", "Provinsi / province: " + kb.provinces.join(", "))); }
    if (kb.years.length) { box.appendChild(el("div", "Tahun / years: " + kb.years.join(", "))); }
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

  function relationName(edge) {
    if (edge.kb.post) { return edge.kb.post; }
    var rel = data.relations[edge.kb.predicate] || { labelEn: edge.kb.predicate, labelId: edge.kb.predicate };
    return rel.labelEn + " / " + rel.labelId;
  }

  function edgeCard(edge) {
    var kb = edge.kb;
    var box = el("div", null, "kb-card");
    var from = byId[edge.from], to = byId[edge.to];
    box.appendChild(el("div", (from ? from.kb.label : edge.from) + " \u2192 " + (to ? to.kb.label : edge.to),
                       "kb-card-title"));
    if (kb.post) { box.appendChild(el("div", "jabatan / post", "kb-card-class")); }
    box.appendChild(el("div", relationName(edge), "kb-card-class"));
    box.appendChild(el("div", "Artikel pendukung / supporting articles: " + kb.articles));
    box.appendChild(el("div", kb.predicate, "kb-iri"));
    return box;
  }

  data.nodes.forEach(function (n) { byId[n.id] = n; n.kbColor = n.color; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  data.nodes.forEach(function (n) { n.title = nodeCard(n); });
  data.edges.forEach(function (e) { e.title = edgeCard(e); });

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kb-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  // ------------------------------------------------------------------ filters

  var state = {
    classOn: {}, kindOn: {}, posts: !!data.postsShown, province: "", colour: "kind",
    from: data.years.length ? data.years[0] : null, to: data.years.length ? data.years[data.years.length - 1] : null
  };
  data.classes.forEach(function (c) { state.classOn[c.name] = true; });
  (data.kinds || []).forEach(function (k) { state.kindOn[k.name] = true; });
  var shownNodes = {}, shownEdges = {};

  function nodeEligible(n) {
    var kb = n.kb;
    if (kb.postNode && !state.posts) { return false; }
    if (!state.classOn[kb.top]) { return false; }
    if (kb.top === "Organization" && kb.kind && state.kindOn[kb.kind] === false) { return false; }
    var periodOn = data.years.length && (state.from > data.years[0] || state.to < data.years[data.years.length - 1]);
    if (periodOn && !kb.years.some(function (y) { return y >= state.from && y <= state.to; })) { return false; }
    return true;
  }

  function edgeEligible(e) {
    if (e.kb.folded && state.posts) { return false; }
    if (e.kb.postPart && !state.posts) { return false; }
    return true;
  }

  // What is drawn: eligible nodes; with a province, those in it and their neighbours;
  // never a node left with no edge.
  function compute() {
    var keep = {}, kept = {};
    data.nodes.forEach(function (n) { if (nodeEligible(n)) { keep[n.id] = true; } });
    var live = data.edges.filter(function (e) { return edgeEligible(e) && keep[e.from] && keep[e.to]; });
    if (state.province) {
      var core = {};
      data.nodes.forEach(function (n) { if (keep[n.id] && n.kb.provinces.indexOf(state.province) !== -1) { core[n.id] = true; } });
      var near = {};
      Object.keys(core).forEach(function (id) { near[id] = true; });
      live.forEach(function (e) {
        if (core[e.from]) { near[e.to] = true; }
        if (core[e.to]) { near[e.from] = true; }
      });
      keep = near;
      live = live.filter(function (e) { return keep[e.from] && keep[e.to]; });
    }
    var degree = {};
    live.forEach(function (e) {
      if (e.from !== e.to) { degree[e.from] = true; degree[e.to] = true; }
    });
    Object.keys(keep).forEach(function (id) { if (degree[id]) { kept[id] = true; } });
    var liveEdges = {};
    live.forEach(function (e) { if (kept[e.from] && kept[e.to]) { liveEdges[e.id] = true; } });
    return { nodes: kept, edges: liveEdges };
  }

  // A renamed entity's name during the period shown: its one name valid at some time in
  // it, else its current name (name_during in graph/network/projection.py, the same rule).
  function nameDuring(kb) {
    var first = state.from + "-01-01", last = state.to + "-12-31";
    var valid = kb.names.filter(function (n) {
      return (!n.from || n.from <= last) && (!n.until || n.until > first);
    });
    return valid.length === 1 ? valid[0] : { name: kb.labelNow, short: kb.shortNow };
  }

  function renameForPeriod() {
    data.nodes.forEach(function (n) {
      if (!n.kb.names || state.from === null) { return; }
      var then = nameDuring(n.kb);
      if (then.name !== n.kb.label) {
        n.kb.label = then.name; n.kb.short = then.short;
        if (lineCache) { delete lineCache[n.id]; }  // drawn again under its new name
      }
    });
  }

  var shownLine = document.getElementById("kb-shown");
  function apply() {
    renameForPeriod();
    var now = compute();
    var nodeUpdates = [], edgeUpdates = [];
    data.nodes.forEach(function (n) {
      var hide = !now.nodes[n.id];
      if (hide !== !shownNodes[n.id] || n.hidden === undefined) { nodeUpdates.push({ id: n.id, hidden: hide }); }
      n.hidden = hide;
    });
    data.edges.forEach(function (e) {
      var hide = !now.edges[e.id];
      if (hide !== !shownEdges[e.id] || e.hidden === undefined) { edgeUpdates.push({ id: e.id, hidden: hide }); }
      e.hidden = hide;
    });
    shownNodes = now.nodes;
    shownEdges = now.edges;
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    var n = Object.keys(shownNodes).length, m = Object.keys(shownEdges).length;
    shownLine.textContent = "Tampil / shown: " + n + " entitas / entities, " + m + " relasi / relations";
    shownLine.setAttribute("data-nodes", String(n));
    shownLine.setAttribute("data-edges", String(m));
  }

  function recolour() {
    var byCommunity = {};
    (data.communities || []).forEach(function (c) { byCommunity[c.id] = c.color; });
    nodes.update(data.nodes.map(function (n) {
      var colour = state.colour === "community" && n.kb.community !== null && n.kb.community !== undefined
        ? byCommunity[n.kb.community] : n.kbColor;
      return { id: n.id, color: colour };
    }));
  }

  // ------------------------------------------------------------------ labels

  var highlighted = {};
  var measure = document.createElement("canvas").getContext("2d");

  function wrap(text, ctx) {
    var words = String(text).split(/\s+/), lines = [], line = "";
    words.forEach(function (w) {
      if (line && (line + " " + w).length > WRAP) { lines.push(line); line = w; } else { line = line ? line + " " + w : w; }
    });
    if (line) { lines.push(line); }
    if (lines.length > 2) { lines = [lines[0], lines[1] + " \u2026"]; }
    return lines.map(function (l) { return { text: l, width: ctx.measureText(l).width }; });
  }

  function overlaps(box, placed) {
    for (var i = 0; i < placed.length; i++) {
      var b = placed[i];
      if (box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h) { return true; }
    }
    return false;
  }

  var lineCache = {};
  function nodeLines(n) {
    if (!lineCache[n.id]) { measure.font = FONT; lineCache[n.id] = wrap(n.kb.short || n.kb.label, measure); }
    return lineCache[n.id];
  }

  // The label boxes for the current view, most important first, none overlapping another.
  function layoutLabels() {
    var width = container.clientWidth, height = container.clientHeight;
    var ids = Object.keys(shownNodes);
    var pos = network.getPositions(ids);
    var scale = network.getScale();
    ids.sort(function (a, b) {
      var ha = highlighted[a] ? 0 : 1, hb = highlighted[b] ? 0 : 1;
      return ha - hb || byId[a].kb.rank - byId[b].kb.rank;
    });
    var placed = [];
    ids.forEach(function (id) {
      var body = network.body.nodes[id];
      if (!body || !pos[id]) { return; }
      var p = network.canvasToDOM(pos[id]);
      var r = (body.options.size || 10) * scale;
      var lines = nodeLines(byId[id]);
      var w = Math.max.apply(null, lines.map(function (l) { return l.width; })) + 2 * PAD;
      var h = lines.length * LINE + PAD;
      // below the node, else above, right or left of it: the first place that is free
      var spots = [{ x: p.x - w / 2, y: p.y + r + 2 }, { x: p.x - w / 2, y: p.y - r - 2 - h },
                   { x: p.x + r + 3, y: p.y - h / 2 }, { x: p.x - r - 3 - w, y: p.y - h / 2 }];
      var box = null;
      for (var i = 0; i < spots.length && !box; i++) {
        var b = { x: spots[i].x, y: spots[i].y, w: w, h: h };
        if (b.x >= 0 && b.y >= 0 && b.x + w <= width && b.y + h <= height && !overlaps(b, placed)) { box = b; }
      }
      if (!box) { return; }
      box.id = id; box.kind = "node"; box.lines = lines; box.text = lines.map(function (l) { return l.text; }).join(" ");
      placed.push(box);
    });
    // the posts on person -> organization edges, where there is room
    measure.font = EDGE_FONT;
    Object.keys(shownEdges).forEach(function (eid) {
      var e = edgeById[eid];
      if (!e.kb.post || !pos[e.from] || !pos[e.to]) { return; }
      var a = network.canvasToDOM(pos[e.from]), b = network.canvasToDOM(pos[e.to]);
      var text = e.kb.post.length > 34 ? e.kb.post.slice(0, 33) + "\u2026" : e.kb.post;
      var w = measure.measureText(text).width + 2 * PAD, h = EDGE_LINE + PAD;
      if (Math.hypot(b.x - a.x, b.y - a.y) < w + 24) { return; }
      var box = { x: (a.x + b.x) / 2 - w / 2, y: (a.y + b.y) / 2 - h / 2, w: w, h: h };
      if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + h > height || overlaps(box, placed)) { return; }
      box.id = eid; box.kind = "edge"; box.text = text; box.lines = [{ text: text, width: w - 2 * PAD }];
      placed.push(box);
    });
    return placed;
  }

  network.on("afterDrawing", function (ctx) {
    var placed = layoutLabels();
    var ratio = network.canvas.pixelRatio || window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    placed.forEach(function (box) {
      var edge = box.kind === "edge";
      ctx.font = edge ? EDGE_FONT : FONT;
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.fillStyle = edge ? "#52606d" : (highlighted[box.id] ? "#b42318" : "#1f2933");
      box.lines.forEach(function (l, i) {
        var y = box.y + PAD / 2 + i * (edge ? EDGE_LINE : LINE);
        ctx.strokeText(l.text, box.x + box.w / 2, y);
        ctx.fillText(l.text, box.x + box.w / 2, y);
      });
    });
    ctx.restore();
    window.kbgraphLabels = placed.map(function (b) {
      return { id: b.id, kind: b.kind, text: b.text, x: b.x, y: b.y, w: b.w, h: b.h };
    });
  });

  // ------------------------------------------------------------------ details

  var details = document.getElementById("kb-details");
  function neighbourhood(id) {
    var box = el("div", null, "kb-neighbours");
    box.appendChild(el("div", "Tetangga / neighbourhood", "kb-card-title"));
    var ul = el("ul");
    data.edges.forEach(function (e) {
      if (!shownEdges[e.id] || (e.from !== id && e.to !== id)) { return; }
      var other = e.from === id ? e.to : e.from;
      var li = el("li");
      li.appendChild(el("span", (e.from === id ? "\u2192 " : "\u2190 ") + relationName(e) + ": ", "kb-rel"));
      var a = el("a", byId[other] ? byId[other].kb.label : other);
      a.setAttribute("href", "#");
      a.addEventListener("click", function (ev) { ev.preventDefault(); focusNode(other); });
      li.appendChild(a);
      ul.appendChild(li);
    });
    box.appendChild(ul);
    return box;
  }

  function showDetails(id) {
    var node = byId[id];
    if (!node) { return; }
    details.replaceChildren(nodeCard(node), neighbourhood(id));
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      showDetails(id);
      var around = network.getConnectedNodes(id).filter(function (x) { return shownNodes[x]; });
      highlighted = {};
      highlighted[id] = true;
      around.forEach(function (x) { highlighted[x] = true; });
      network.redraw();
    }
  });

  // ------------------------------------------------------------------ legend and controls

  function checkbox(attr, value, checked, onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.setAttribute(attr, value);
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }

  function legendRow(parent, input, glyph, colour, text, count) {
    var label = el("label");
    if (input) { label.appendChild(input); }
    var g = el("span", glyph, "kb-glyph");
    g.style.color = colour;
    label.appendChild(g);
    label.appendChild(el("span", text));
    if (count !== undefined) { label.appendChild(el("span", "(" + count + ")", "kb-count")); }
    parent.appendChild(label);
    return label;
  }

  var legend = document.getElementById("kb-legend");
  data.classes.forEach(function (c) {
    legendRow(legend, checkbox("data-class", c.name, true, function (on) { state.classOn[c.name] = on; apply(); }),
              c.glyph, c.name === "Organization" ? "#52606d" : c.color, c.label, c.count);
  });
  var kindsBox = document.getElementById("kb-kinds");
  (data.kinds || []).forEach(function (k) {
    legendRow(kindsBox, checkbox("data-kind", k.name, true, function (on) { state.kindOn[k.name] = on; apply(); }),
              "\u25cf", k.color, k.label, k.count);
  });
  if (!(data.kinds || []).length) { kindsBox.hidden = true; }
  var levelsBox = document.getElementById("kb-levels");
  (data.levels || []).forEach(function (l) {
    legendRow(levelsBox, null, l.glyph, "#52606d", l.label, l.count).setAttribute("data-level", l.name);
  });
  if (!(data.levels || []).length) { levelsBox.hidden = true; }
  document.getElementById("kb-size").textContent = "Ukuran / size: " + data.sizeBy.label;

  function options(select, values, first) {
    if (first) { var o = el("option", first); o.value = ""; select.appendChild(o); }
    values.forEach(function (v) { var o = el("option", v); o.value = String(v); select.appendChild(o); });
  }
  var from = document.getElementById("kb-from"), to = document.getElementById("kb-to");
  options(from, data.years);
  options(to, data.years);
  if (data.years.length) {
    from.value = String(state.from);
    to.value = String(state.to);
  } else {
    document.getElementById("kb-period").hidden = true;
  }
  from.addEventListener("change", function () { state.from = Number(from.value); apply(); });
  to.addEventListener("change", function () { state.to = Number(to.value); apply(); });
  var province = document.getElementById("kb-province");
  options(province, data.provinces, "(semua / all)");
  if (!data.provinces.length) { document.getElementById("kb-province-row").hidden = true; }
  province.addEventListener("change", function () { state.province = province.value; apply(); });
  var postsBox = document.getElementById("kb-posts");
  postsBox.checked = state.posts;
  var hasPosts = data.nodes.some(function (n) { return n.kb.postNode; }) || data.postsShown;
  if (!hasPosts) { document.getElementById("kb-posts-row").hidden = true; }
  postsBox.addEventListener("change", function () { state.posts = postsBox.checked; apply(); });
  Array.prototype.forEach.call(document.querySelectorAll("input[name=kb-colour]"), function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) { state.colour = radio.value; recolour(); } });
  });
  var communities = document.getElementById("kb-communities");
  communities.textContent = (data.communities || []).length + " komunitas / communities (Louvain, networkx)";

  // ------------------------------------------------------------------ search

  var search = document.getElementById("kb-search");
  var list = document.getElementById("kb-matches");
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    return data.nodes.filter(function (n) {
      if (!shownNodes[n.id]) { return false; }
      var names = [n.kb.label, n.kb.labelEn || "", n.kb.iri].concat(n.kb.aliases);
      return names.some(function (s) { return s.toLowerCase().indexOf(q) !== -1; });
    });
  }
  function focusNode(id) {
    highlighted = {};
    highlighted[id] = true;
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showDetails(id);
  }
  search.addEventListener("input", function () {
    var found = matches(search.value);
    list.replaceChildren();
    highlighted = {};
    found.slice(0, 30).forEach(function (n) {
      highlighted[n.id] = true;
      var li = el("li", n.kb.label);
      li.tabIndex = 0;
      li.addEventListener("click", function () { focusNode(n.id); });
      li.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { focusNode(n.id); } });
      list.appendChild(li);
    });
    network.selectNodes(found.map(function (n) { return n.id; }));
    network.redraw();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = matches(search.value);
      if (found.length) { focusNode(found[0].id); }
    }
  });

  // ------------------------------------------------------------------ start

  // The layout is final from the start (computed in Python): settled as soon as it is fitted.
  apply();
  network.fit({ animation: false });
  var status = document.getElementById("kb-status");
  if (status) { status.textContent = ""; }
  window.kbgraphStable = true;

  window.kbgraphNetwork = network;
  window.kbgraphNodes = nodes;
  window.kbgraphEdges = edges;
  window.kbgraphShown = function () {
    return { nodes: Object.keys(shownNodes).sort(), edges: Object.keys(shownEdges).sort() };
  };
})();
