"""Draw the network: one self-contained, offline HTML page (vis-network), or a figure.

The page is for researchers who may be offline or behind a firewall, and who open
files built from untrusted news text. So:

* everything it needs is inside it: vis-network's standalone build and kbgraph's own
  script and style are inlined from ``assets/``; nothing is fetched (a Content
  Security Policy of ``default-src 'none'`` with hashes of the two scripts makes sure);
* article text never becomes markup: the graph travels as a JSON block in which
  ``<``, ``>``, ``&``, U+2028 and U+2029 are ``\\u`` escapes, and the page's script
  builds tooltips with ``textContent``; links are made only for Wikidata IDs of the
  form ``Q123`` and for ``http(s)`` article addresses;
* a big graph is cut to the ``max_nodes`` most central entities (a fifth of them people,
  :func:`kbgraph.graph.network.overview.cap`), and the page (and
  :class:`VizReport`, which the CLI prints on stderr) says what was left out.

What is drawn is the overview (:mod:`kbgraph.graph.network.overview`): posts folded into
person → organization edges, news outlets and isolated nodes left out. Positions, looks,
sizes and label priorities are computed in Python (:mod:`kbgraph.graph.network.pagedata`)
and rendered into kbgraph's own template (pyvis's links Bootstrap and others from the
web); :func:`write_static` draws the same data as a figure
(:mod:`kbgraph.graph.network.figure`).
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx
from kbgraph.graph.store.atomic import write_file
from kbgraph.graph.store import sparql_asset
from kbgraph.graph.store.terms import inject_block, values_column
from rdflib import Graph, URIRef

from kbgraph.errors import InputError

from . import measures, projection
from .cache import project_cached
from .figure import FORMATS, draw_figure
from .orgkind import KINDS, classify, is_publisher
from .overview import cap, narrow, overview, provinces
from .pagedata import MEASURES, page_data
from .projection import Queryable
from .style import CLASS_STYLE

__all__ = ["CLASS_STYLE", "FORMATS", "SIZE_BY", "VizReport", "script_json", "write_html", "write_static"]

ASSETS = Path(__file__).resolve().parent.parent / "assets"
VIS_JS = "vis-network-9.1.2.min.js"

SIZE_BY = tuple(MEASURES)
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
    view: nx.MultiDiGraph  # the overview (or the ego network) it was cut from
    graph: nx.MultiDiGraph  # what is drawn
    total: int
    omitted: list[str]
    focus: str | None
    posts: bool = False
    left_out: tuple[tuple[str, int], ...] = ()  # what the overview does not draw, and how many


def _prepare(source: Queryable | Graph, *, focus: str | None = None, depth: int = 1,
             max_nodes: int = 300, posts: bool = False, years: tuple[int, int] | None = None,
             province: str | None = None, kinds: Sequence[str] | None = None) -> _Selection:
    """Project the source, make the overview, cut the ego network of ``focus``, cap it.

    The overview (:func:`kbgraph.graph.overview.overview`) folds posts into person →
    organization edges (unless ``posts``), leaves out news outlets and nodes with no
    edge. An ego network keeps outlets (``--focus`` on one shows what it published).
    ``years``, ``province`` and ``kinds`` narrow it as the page's filters do
    (:func:`kbgraph.graph.overview.narrow`).
    Raises :class:`InputError` for an empty graph, an unknown focus, province or kind,
    or bad numbers.
    """
    if max_nodes < 1:
        raise InputError(f"--max-nodes must be at least 1, not {max_nodes}")
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    src = projection.queryable(source)
    full = project_cached(src)
    if not len(full):
        raise InputError("the graph has no entities to draw", hint="run `kbgraph build PATH` first")
    node, left_out = None, ()
    if focus is not None:
        node = measures.find_node(full, focus)
        if node is None:
            names = sorted({full.nodes[x]["label"] for x in full})
            close = difflib.get_close_matches(focus, names, n=3, cutoff=0.5)
            raise InputError(f"no entity matches --focus {focus!r}",
                             hint=f"did you mean: {'; '.join(close)}" if close else "try a label, alias or IRI")
        whole = overview(full, posts=posts or full.nodes[node]["top"] == "Post", publishers=True, isolated=True)
        view = measures.ego(whole, node, depth)
    else:
        view = overview(full, posts=posts)
        publishers = sum(1 for x in full if is_publisher(full.nodes[x]))
        kept = overview(full, posts=posts, isolated=True)
        left_out = (("publishers", publishers), ("isolated", len(kept) - len(view)))
        if not len(view):
            raise InputError("the graph has no related entities to draw",
                             hint="draw one entity with --focus, or build more articles")
    if years or province or kinds:
        view = _narrow(full, view, years, province, kinds, keep=node)
    drawn, omitted = cap(view, max_nodes, keep=[node] if node else ())
    return _Selection(src, full, view, drawn, len(view), omitted, node, posts, left_out)


def _narrow(full: nx.MultiDiGraph, view: nx.MultiDiGraph, years: tuple[int, int] | None, province: str | None,
            kinds: Sequence[str] | None, keep: str | None) -> nx.MultiDiGraph:
    if years and years[0] > years[1]:
        raise InputError(f"--years must run forwards, not {years[0]}-{years[1]}")
    where = provinces(full)
    if province:
        names = sorted({p for ps in where.values() for p in ps})
        found = [p for p in names if p.casefold() in (province.casefold(), f"provinsi {province}".casefold())]
        if not found:
            raise InputError(f"no province in the graph is called {province!r}",
                             hint=f"the graph has: {'; '.join(names)}" if names else "no entity has a province")
        province = found[0]
    wanted = None
    if kinds:
        bad = sorted(set(kinds) - set(KINDS))
        if bad:
            raise InputError(f"unknown organization kind {bad[0]!r}", hint=f"kinds: {', '.join(KINDS)}")
        wanted = set(kinds)
    kind_of = {x: kind for x, (_, kind) in classify(full).items()}
    narrowed = narrow(view, years=years, province=province, kinds=wanted, where=where, kind_of=kind_of)
    if keep is not None and keep not in narrowed:
        narrowed = measures.induced(view, [*narrowed, keep])
    if not len(narrowed):
        raise InputError("nothing is left to draw after the filters", hint="widen --years, --province or --kind")
    return narrowed


def _report(sel: _Selection, path: Path) -> VizReport:
    by_class = Counter(sel.view.nodes[x]["top"] for x in sel.omitted)
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


def _options() -> dict[str, Any]:
    """vis-network options: positions come from Python (:mod:`kbgraph.graph.layout`), no physics."""
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        # the page draws the labels itself, where they do not overlap (viz.js)
        "nodes": {"borderWidth": 1, "font": {"size": 0},
                  "scaling": {"min": 9, "max": 36, "label": {"enabled": False}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.4}},
                  "font": {"size": 0},
                  "color": {"color": "#b8c2cc", "highlight": "#323f4b", "hover": "#323f4b"},
                  "smooth": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": False},
        "layout": {"improvedLayout": False, "randomSeed": 42},
    }


def write_html(source: Queryable | Graph, path: str | os.PathLike[str], *, focus: str | None = None,
               depth: int = 1, max_nodes: int = 300, size_by: str = "degree", posts: bool = False,
               years: tuple[int, int] | None = None, province: str | None = None,
               kinds: Sequence[str] | None = None,
               evidence_per_node: int = EVIDENCE_PER_NODE, title: str = "kbgraph") -> VizReport:
    """Write the network as one HTML file that works with no network connection.

    Parameters
    ----------
    source : Store or rdflib graph
    path : where to write (replaced whole, never half-written)
    focus : a label, alias or IRI: draw only its ego network, ``depth`` steps deep
    max_nodes : keep at most this many entities, the most central ones
    size_by : ``"degree"``, ``"betweenness"`` or ``"articles"``: what a node's size shows
    posts : draw posts as nodes (by default each is folded into its holder's edge to the
        organization, and a switch on the page shows them)
    years, province, kinds : draw only what the page's filters would show (inclusive
        years, a province label, organization kinds of ``assets/org-kinds.csv``)
    evidence_per_node : how many evidence sentences a tooltip lists

    Returns
    -------
    VizReport
        Counts, and what was left out (``report.notice`` is a line for the user).
    """
    if size_by not in SIZE_BY:
        raise InputError(f"--size-by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    sel = _prepare(source, focus=focus, depth=depth, max_nodes=max_nodes, posts=posts, years=years,
                   province=province, kinds=kinds)
    G, path = sel.graph, Path(path)
    posts_of = {d["post"] for _, _, d in G.edges(data=True) if "post" in d}
    evidence = _evidence(sel.source, set(G) | posts_of, evidence_per_node)
    data = page_data(sel.full, sel.view, G, size_by=size_by, focus=sel.focus, posts_shown=sel.posts,
                     evidence=evidence)
    data["options"] = _options()
    report = _report(sel, path)
    focus_label = G.nodes[sel.focus]["label"] if sel.focus else None
    write_file(path, _render(data, report, title, focus_label, sel.left_out).encode("utf-8"))
    return report


def _render(data: dict[str, Any], report: VizReport, title: str, focus_label: str | None,
            left_out: tuple[tuple[str, int], ...] = ()) -> str:
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
    counts = dict(left_out)
    if counts.get("publishers") or counts.get("isolated"):
        summary += (f"; tidak digambar / not drawn: {counts.get('publishers', 0)} penerbit berita / news publishers, "
                    f"{counts.get('isolated', 0)} tanpa relasi / without relations")
    notice = f'<p id="kb-notice">{html.escape(report.notice)}</p>' if report.notice else ""
    return Template(_asset("viz.html")).substitute(
        csp=csp, title=html.escape(title), css=css, summary=html.escape(summary), notice=notice,
        data=script_json(data), vis_js=vis_js, app_js=app_js,
    )


# --------------------------------------------------------------------------- static


def write_static(source: Queryable | Graph, path: str | os.PathLike[str], fmt: str | None = None, *,
                 focus: str | None = None, depth: int = 1, max_nodes: int = 150,
                 size_by: str = "degree", posts: bool = False, years: tuple[int, int] | None = None,
                 province: str | None = None, kinds: Sequence[str] | None = None,
                 title: str | None = None) -> VizReport:
    """Write the network as a figure for a paper: PNG (300 dpi), SVG or PDF.

    The same selection as :func:`write_html` (overview, focus, filters, cap), drawn by
    :func:`kbgraph.graph.figure.draw_figure`: labels that do not overlap, a legend.
    ``fmt`` defaults to the path's suffix.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        raise InputError(f"a figure is {', '.join(FORMATS)}, not {fmt!r}", source=str(path))
    if size_by not in SIZE_BY:
        raise InputError(f"--size-by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    sel = _prepare(source, focus=focus, depth=depth, max_nodes=max_nodes, posts=posts, years=years,
                   province=province, kinds=kinds)
    data = page_data(sel.full, sel.view, sel.graph, size_by=size_by, focus=sel.focus, posts_shown=sel.posts)
    report = _report(sel, path)
    if title is None and report.notice:
        title = report.notice
    write_file(path, draw_figure(data, fmt, title=title))
    return report
