"""The network as a figure for a paper: PNG (300 dpi), SVG or PDF, with matplotlib.

The same network, positions, looks and label priority as the page
(:mod:`kbgraph.graph.pagedata`): organizations coloured by kind and shaped by
government level, other entities by class, node area by the chosen measure. Labels are
placed most important first, each where it overlaps no label placed before it (below,
above, right or left of its node; measured with the renderer), or left out; a legend
names kinds, levels, classes and the measure. Deterministic: the same graph gives the
same SVG (fixed hash salt, no date).
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from .orgkind import KINDS, LEVELS
from .style import CLASS_STYLE

__all__ = ["DPI", "FORMATS", "draw_figure"]

FORMATS = ("png", "svg", "pdf")
DPI = 300
_FONT = 6.5  # points: readable in a column of a printed page


def _overlaps(a, boxes) -> bool:
    return any(a.overlaps(b) for b in boxes)


def wrap(text: str, width: int = 26) -> str:
    """At most two lines of about ``width`` characters, as the page wraps its labels.

    >>> wrap("Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Gowa").splitlines()
    ['Dinas Pengendalian', 'Penduduk dan Keluarga …']
    """
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], lines[1] + " \u2026"]
    return "\n".join(lines)


def draw_figure(data: dict[str, Any], fmt: str, *, title: str | None = None,
                width: float = 7.0, height: float = 4.6) -> bytes:
    """The figure of a page's data (:func:`kbgraph.graph.pagedata.page_data`) as bytes.

    ``width`` and ``height`` are inches (7 × 4.6: a full text width of a journal page).
    Only what the page shows by default is drawn: folded posts are edge labels there, so
    the hidden post nodes are left out here.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    nodes = [n for n in data["nodes"] if not n.get("hidden")]
    ids = {n["id"] for n in nodes}
    edges = [e for e in data["edges"] if not e.get("hidden") and e["from"] in ids and e["to"] in ids]
    pos = {n["id"]: (n["x"], -n["y"]) for n in nodes}  # the page's y grows downwards
    top = max((n["value"] for n in nodes), default=1) or 1
    G = nx.MultiDiGraph()
    G.add_nodes_from(pos)
    G.add_edges_from((e["from"], e["to"]) for e in edges)

    with matplotlib.rc_context({"svg.hashsalt": "kbgraph", "svg.fonttype": "none", "pdf.fonttype": 42,
                                "font.size": _FONT}):
        fig, ax = plt.subplots(figsize=(width, height))
        ax.set_axis_off()
        nx.draw_networkx_edges(G, pos, ax=ax, edge_color="#b8c2cc", width=0.4, arrows=True, arrowsize=4,
                               node_size=20)
        markers: dict[str, list[dict[str, Any]]] = {}
        for n in nodes:
            kb = n["kb"]
            marker = LEVELS[kb["level"]].marker if kb.get("level") else CLASS_STYLE[kb["top"]]["marker"]
            markers.setdefault(marker, []).append(n)
        for marker, group in sorted(markers.items()):
            xs = [pos[n["id"]][0] for n in group]
            ys = [pos[n["id"]][1] for n in group]
            ax.scatter(xs, ys, s=[6 + 60 * n["value"] / top for n in group], c=[n["color"] for n in group],
                       marker=marker, edgecolors="#323f4b", linewidths=0.3, zorder=3)
        if pos:  # fixed limits, so that label extents measured now hold when saved
            xs = [p[0] for p in pos.values()]
            ys = [p[1] for p in pos.values()]
            padx, pady = 0.08 * (max(xs) - min(xs) or 1), 0.05 * (max(ys) - min(ys) or 1)
            ax.set_xlim(min(xs) - padx, max(xs) + padx)
            ax.set_ylim(min(ys) - pady, max(ys) + pady)
        ax.set_position((0.0, 0.0, 0.74, 0.96 if title else 1.0))
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        placed = []
        bbox = ax.get_window_extent(renderer)
        for n in sorted(nodes, key=lambda n: n["kb"]["rank"]):
            x, y = pos[n["id"]]
            for dx, dy, ha, va in ((0, -4, "center", "top"), (0, 4, "center", "bottom"),
                                   (4, 0, "left", "center"), (-4, 0, "right", "center")):
                text = ax.annotate(wrap(n["kb"]["short"]), (x, y), xytext=(dx, dy), textcoords="offset points",
                                   ha=ha, va=va, fontsize=_FONT, color="#1f2933", zorder=4)
                box = text.get_window_extent(renderer)
                if (box.x0 >= bbox.x0 and box.x1 <= bbox.x1 and box.y0 >= bbox.y0 and box.y1 <= bbox.y1
                        and not _overlaps(box, placed)):
                    placed.append(box)
                    break
                text.remove()
        handles = []
        kinds = [k for k in data.get("kinds", ())]
        if kinds:
            handles.append(Line2D([], [], linestyle="", label="Organization kind (colour)"))
            handles += [Line2D([], [], linestyle="", marker="o", color=KINDS[k["name"]].color, markersize=5,
                               label=f"{KINDS[k['name']].label_en} ({k['count']})") for k in kinds]
            handles.append(Line2D([], [], linestyle="", label="Government level (shape)"))
            handles += [Line2D([], [], linestyle="", marker=LEVELS[lv["name"]].marker, color="#52606d",
                               markersize=5, label=f"{LEVELS[lv['name']].label_en} ({lv['count']})")
                        for lv in data["levels"]]
        others = [c for c in data["classes"] if c["name"] not in ("Organization", "Post")]
        if others:
            handles.append(Line2D([], [], linestyle="", label="Other entities (class)"))
            handles += [Line2D([], [], linestyle="", marker=CLASS_STYLE[c["name"]]["marker"], color=c["color"],
                               markersize=5, label=f"{c['label'].split(' / ')[-1]} ({c['count']})") for c in others]
        handles.append(Line2D([], [], linestyle="", label=f"Node area: {data['sizeBy']['name']}"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=_FONT - 0.5,
                  frameon=False, handletextpad=0.4, borderaxespad=0.2, borderpad=0.2)
        if title:
            fig.suptitle(title, fontsize=_FONT + 0.5, y=0.995)
        buf = io.BytesIO()
        meta = {"Date": None} if fmt == "svg" else ({"CreationDate": None} if fmt == "pdf" else {"Software": None})
        fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
        plt.close(fig)
    return buf.getvalue()
