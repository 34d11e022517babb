"""Draw the network: one self-contained, offline HTML page (pyvis/vis-network), or a picture.

The page is for researchers who may be offline or behind a firewall, and who open
files built from untrusted news text. So:

* everything it needs is inside it: vis-network's standalone build and kbgraph's own
  script and style are inlined from ``assets/``; nothing is fetched (a Content
  Security Policy of ``default-src 'none'`` with hashes of the two scripts makes sure);
* article text never becomes markup: the graph travels as a JSON block in which
  ``<``, ``>``, ``&``, U+2028 and U+2029 are ``\\u`` escapes, and the page's script
  builds tooltips with ``textContent``; links are made only for Wikidata IDs of the
  form ``Q123`` and for ``http(s)`` article addresses;
* a big graph is cut to the ``max_nodes`` most central entities, and the page (and
  :class:`VizReport`, which the CLI prints on stderr) says what was left out.

pyvis builds the node and edge records and the options; kbgraph renders them into
its own template instead of pyvis's, which links Bootstrap and others from the web.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import io
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef

from kbgraph.errors import InputError

from kbgraph.graph.store.atomic import write_file
from kbgraph.graph.store import sparql_asset
from kbgraph.graph.store.terms import inject_block, values_column

from . import measures, projection
from .cache import project_cached
from .projection import Queryable

__all__ = ["CLASS_STYLE", "SIZE_BY", "VizReport", "script_json", "write_html", "write_static"]

ASSETS = Path(__file__).resolve().parent.parent / "assets"
VIS_JS = "vis-network-9.1.2.min.js"

#: Colour, vis-network shape, legend glyph and matplotlib marker of each top class.
CLASS_STYLE: dict[str, dict[str, str]] = {
    "Organization": {"label": "Organisasi / organization", "color": "#4e79a7", "shape": "dot", "glyph": "\u25cf", "marker": "o"},
    "Person": {"label": "Orang / person", "color": "#f28e2b", "shape": "triangle", "glyph": "\u25b2", "marker": "^"},
    "Post": {"label": "Jabatan / post", "color": "#b6992d", "shape": "triangleDown", "glyph": "\u25bc", "marker": "v"},
    "Place": {"label": "Tempat / place", "color": "#59a14f", "shape": "square", "glyph": "\u25a0", "marker": "s"},
    "Meeting": {"label": "Pertemuan / meeting", "color": "#e15759", "shape": "star", "glyph": "\u2605", "marker": "*"},
    "Program": {"label": "Program / program", "color": "#76b7b2", "shape": "hexagon", "glyph": "\u2b22", "marker": "h"},
    "PolicyFramework": {"label": "Kerangka kebijakan / policy framework", "color": "#b07aa1", "shape": "diamond", "glyph": "\u25c6", "marker": "D"},
}
SIZE_BY = ("degree", "articles")
LABEL_CHARS = 40  # longer labels are shortened on the canvas (full text in the tooltip)
EVIDENCE_PER_NODE = 3
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


@dataclass(frozen=True)
class VizReport:
    """What was drawn, and what was left out of it."""

    path: Path
    nodes: int
    edges: int
    total_nodes: int  # entities in the (focused) network before the cap
    omitted: tuple[str, ...] = ()  # IRIs of the entities left out, sorted
    omitted_by_class: tuple[tuple[str, int], ...] = ()
    focus: str | None = None

    @property
    def notice(self) -> str | None:
        """One line saying what the cap left out, or None when nothing was."""
        if not self.omitted:
            return None
        parts = ", ".join(f"{cls} {n}" for cls, n in self.omitted_by_class)
        return (f"showing the {self.nodes} most central of {self.total_nodes} entities; "
                f"left out {len(self.omitted)} ({parts}); use --max-nodes or --focus to see them")


@dataclass(frozen=True)
class _Selection:
    source: Queryable
    full: nx.MultiDiGraph  # the whole projected network
    graph: nx.MultiDiGraph  # what is drawn
    total: int
    omitted: list[str]
    focus: str | None


def _prepare(source: Queryable | Graph, *, focus: str | None = None, depth: int = 1,
            max_nodes: int = 300) -> _Selection:
    """Project the source, cut the ego network of ``focus`` and cap it to ``max_nodes``.

    Raises :class:`InputError` for an empty graph, an unknown focus or bad numbers.
    """
    if max_nodes < 1:
        raise InputError(f"--max-nodes must be at least 1, not {max_nodes}")
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    src = projection.queryable(source)
    full = project_cached(src)
    if not len(full):
        raise InputError("the graph has no entities to draw", hint="run `kbgraph build PATH` first")
    G, node = full, None
    if focus is not None:
        node = measures.find_node(full, focus)
        if node is None:
            names = sorted({full.nodes[x]["label"] for x in full})
            close = difflib.get_close_matches(focus, names, n=3, cutoff=0.5)
            raise InputError(f"no entity matches --focus {focus!r}",
                             hint=f"did you mean: {'; '.join(close)}" if close else "try a label, alias or IRI")
        G = measures.ego(full, node, depth)
    drawn, omitted = measures.most_central(G, max_nodes, keep=[node] if node else ())
    return _Selection(src, full, drawn, len(G), omitted, node)


def _report(sel: _Selection, path: Path) -> VizReport:
    by_class = Counter(sel.full.nodes[x]["top"] for x in sel.omitted)
    order = list(CLASS_STYLE)
    return VizReport(
        path=path, nodes=sel.graph.number_of_nodes(), edges=sel.graph.number_of_edges(),
        total_nodes=sel.total, omitted=tuple(sel.omitted),
        omitted_by_class=tuple(sorted(by_class.items(), key=lambda kv: order.index(kv[0]))),
        focus=sel.focus,
    )


# --------------------------------------------------------------------------- HTML


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` block: no ``<``, ``>``, ``&``, U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", text)


def _inline_safe(text: str, tag: str) -> str:
    if f"</{tag}" in text.lower():
        raise ValueError(f"an inlined asset contains '</{tag}'")
    return text


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "\u2026"


def _evidence(src: Queryable, nodes: set[str], limit: int) -> dict[str, list[dict[str, str]]]:
    """Up to ``limit`` distinct evidence sentences for each drawn node, newest first.

    An entity such as BKKBN has facts in nearly every article: reading all of them for
    a tooltip of three sentences made the page take minutes at 5,000 articles. So each
    node reads a few evidence nodes (``viz-evidence-of``, a LIMIT), and one query then
    fetches the sentences of all chosen ones.
    """
    chosen: dict[str, list[str]] = {}
    of = sparql_asset("viz-evidence-of").rstrip() + f"\nLIMIT {4 * limit}\n"
    for x in sorted(nodes):
        rows = src.select(of, {"entity": URIRef(x)}).rows
        chosen[x] = [str(r[1]) for r in rows if isinstance(r[1], URIRef)]
    wanted = sorted({e for es in chosen.values() for e in es})
    details: dict[str, list[dict[str, str]]] = {}
    if wanted:
        text = inject_block(sparql_asset("viz-evidence"), values_column("evidence", [URIRef(e) for e in wanted]))
        result = src.select(text)
        for row in (dict(zip(result.variables, r)) for r in result.rows):
            item = {"sentence": str(row["sentence"]), "title": str(row["title"] or ""),
                    "date": str(row["date"] or "")}
            url = str(row["url"] or "")
            if re.match(r"https?://", url, re.IGNORECASE):
                item["url"] = url
            details.setdefault(str(row["evidence"]), []).append(item)
    out: dict[str, list[dict[str, str]]] = {}
    for x in nodes:
        items = [i for e in chosen.get(x, ()) for i in details.get(e, ())]
        items.sort(key=lambda i: (i["title"], i["sentence"]))
        items.sort(key=lambda i: i["date"], reverse=True)  # stable: newest first
        unique: list[dict[str, str]] = []
        for item in items:
            if item not in unique:
                unique.append(item)
        out[x] = unique[:limit]
    return out


def _node_payload(sel: _Selection, x: str, size_by: str, degree: int, evidence: list) -> dict[str, Any]:
    d = sel.full.nodes[x]
    style = CLASS_STYLE[d["top"]]
    fixed = {"iri", "label", "label_en", "class", "top", "wikidata", "aliases", "articles"}
    attrs = [[k, ", ".join(map(str, v)) if isinstance(v, list) else str(v)]
             for k, v in sorted(d.items()) if k not in fixed]
    return {
        "label": _short(d["label"]),
        "shape": style["shape"],
        "color": style["color"],
        "value": degree if size_by == "degree" else d["articles"],
        "borderWidth": 3 if x == sel.focus else 1,
        "kb": {
            "iri": x, "label": d["label"], "labelEn": d.get("label_en"), "cls": d["class"],
            "top": d["top"], "aliases": d["aliases"], "wikidata": d.get("wikidata"),
            "articles": d["articles"], "degree": degree, "attrs": attrs, "evidence": evidence,
        },
    }


def _options(n: int) -> dict[str, Any]:
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "nodes": {"font": {"size": 13}, "borderWidth": 1,
                  "scaling": {"min": 10, "max": 40, "label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"size": 10, "align": "middle", "color": "#52606d"},
                  "color": {"color": "#9aa5b1", "highlight": "#323f4b", "hover": "#323f4b"},
                  "smooth": {"enabled": True, "type": "continuous"}},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140,
                                         "avoidOverlap": 0.4},
                    "minVelocity": 0.75,
                    "stabilization": {"enabled": True, "iterations": min(600, 150 + n),
                                      "updateInterval": 25, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False},
        # vis-network's Kamada-Kawai seeding is slow past ~100 nodes and gives up on
        # many small components (it says so on the console): plain random seeding there
        "layout": {"improvedLayout": n <= 100, "randomSeed": 42},
    }


def write_html(source: Queryable | Graph, path: str | os.PathLike[str], *, focus: str | None = None,
               depth: int = 1, max_nodes: int = 300, size_by: str = "degree",
               evidence_per_node: int = EVIDENCE_PER_NODE, title: str = "kbgraph") -> VizReport:
    """Write the network as one HTML file that works with no network connection.

    Parameters
    ----------
    source : Store or rdflib graph
    path : where to write (replaced whole, never half-written)
    focus : a label, alias or IRI: draw only its ego network, ``depth`` steps deep
    max_nodes : keep at most this many entities, the most central ones
    size_by : ``"degree"`` or ``"articles"``: what a node's size shows
    evidence_per_node : how many evidence sentences a tooltip lists

    Returns
    -------
    VizReport
        Counts, and what was left out (``report.notice`` is a line for the user).
    """
    if size_by not in SIZE_BY:
        raise InputError(f"--size-by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    from pyvis.network import Network  # slow to import (IPython); only needed here

    sel = _prepare(source, focus=focus, depth=depth, max_nodes=max_nodes)
    G, path = sel.graph, Path(path)
    degree = dict(measures.simple_graph(sel.full).degree())

    evidence = _evidence(sel.source, set(G), evidence_per_node)
    net = Network(directed=True, cdn_resources="in_line")
    for x in G:
        net.add_node(x, **_node_payload(sel, x, size_by, degree[x], evidence[x]))
    pairs: Counter[frozenset[str]] = Counter()
    relations: dict[str, dict[str, str]] = {}  # what every edge of one property repeats, once
    for i, (u, v, key, d) in enumerate(G.edges(keys=True, data=True)):
        pair = frozenset((u, v))
        extra = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15 * pairs[pair]}} if pairs[pair] else {}
        pairs[pair] += 1
        relations.setdefault(d["predicate"], {"labelEn": d["label"], "labelId": d["label_id"]})
        net.add_edge(u, v, id=f"e{i}", label=d["label"], width=1 + 0.75 * min(d["articles"], 4),
                     kb={"predicate": d["predicate"], "articles": d["articles"]}, **extra)
    net.options = _options(len(G))
    nodes, edges, _heading, _h, _w, _opts = net.get_network_data()

    counts = Counter(G.nodes[x]["top"] for x in G)
    classes = [{"name": c, "count": counts[c], **{k: s[k] for k in ("label", "color", "glyph")}}
               for c, s in CLASS_STYLE.items() if counts[c]]
    report = _report(sel, path)
    data = {"nodes": nodes, "edges": edges, "relations": dict(sorted(relations.items())),
            "options": net.options, "classes": classes}
    focus_label = G.nodes[sel.focus]["label"] if sel.focus else None
    write_file(path, _render(data, report, title, focus_label).encode("utf-8"))
    return report


def _render(data: dict[str, Any], report: VizReport, title: str, focus_label: str | None) -> str:
    vis_js = _inline_safe(_asset(VIS_JS), "script")
    app_js = _inline_safe(_asset("viz.js"), "script")
    css = _inline_safe(_asset("viz.css"), "style")
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode()}'"
                      for s in (vis_js, app_js))
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    summary = f"{report.nodes} entitas / entities, {report.edges} relasi / relations"
    if focus_label:
        summary += f"; jaringan ego / ego network of {focus_label}"
    notice = f'<p id="kb-notice">{html.escape(report.notice)}</p>' if report.notice else ""
    return Template(_asset("viz.html")).substitute(
        csp=csp, title=html.escape(title), css=css, summary=html.escape(summary), notice=notice,
        data=script_json(data), vis_js=vis_js, app_js=app_js,
    )


# --------------------------------------------------------------------------- static


def write_static(source: Queryable | Graph, path: str | os.PathLike[str], fmt: str | None = None, *,
                 focus: str | None = None, depth: int = 1, max_nodes: int = 150,
                 size_by: str = "degree", seed: int = 42) -> VizReport:
    """Write the network as a PNG or SVG picture (for reports), with matplotlib.

    Spring layout with a fixed seed, nodes coloured and shaped by class, a legend,
    labels shortened to 40 characters. ``fmt`` defaults to the path's suffix.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "png").lower()
    if fmt not in ("png", "svg"):
        raise InputError(f"a picture is png or svg, not {fmt!r}", source=str(path))
    if size_by not in SIZE_BY:
        raise InputError(f"--size-by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    sel = _prepare(source, focus=focus, depth=depth, max_nodes=max_nodes)
    G = sel.graph
    degree = dict(measures.simple_graph(sel.full).degree())
    metric = {x: degree[x] if size_by == "degree" else G.nodes[x]["articles"] for x in G}
    top = max(metric.values()) or 1
    pos = nx.spring_layout(measures.simple_graph(G), seed=seed, k=2.0 / max(1, len(G)) ** 0.5)
    side = min(24.0, 6.0 + 0.25 * len(G))
    with matplotlib.rc_context({"svg.hashsalt": "kbgraph", "svg.fonttype": "path"}):
        fig, ax = plt.subplots(figsize=(side, side * 0.75))
        nx.draw_networkx_edges(G, pos, ax=ax, edge_color="#9aa5b1", arrows=True, arrowsize=8, width=0.8)
        handles = []
        for cls, style in CLASS_STYLE.items():
            members = [x for x in G if G.nodes[x]["top"] == cls]
            if not members:
                continue
            nx.draw_networkx_nodes(G, pos, nodelist=members, ax=ax, node_color=style["color"],
                                   node_shape=style["marker"],
                                   node_size=[80 + 520 * metric[x] / top for x in members])
            handles.append(Line2D([], [], linestyle="", marker=style["marker"], color=style["color"],
                                  markersize=9, label=f"{style['label']} ({len(members)})"))
        nx.draw_networkx_labels(G, pos, ax=ax, font_size=7,
                                labels={x: _short(G.nodes[x]["label"]) for x in G})
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=True)
        ax.margins(0.15)
        ax.set_axis_off()
        report = _report(sel, path)
        if report.notice:
            ax.set_title(report.notice, fontsize=8)
        buf = io.BytesIO()
        fig.savefig(buf, format=fmt, dpi=150, bbox_inches="tight",
                    metadata={"Date": None} if fmt == "svg" else {"Software": None})
        plt.close(fig)
    write_file(path, buf.getvalue())
    return report
