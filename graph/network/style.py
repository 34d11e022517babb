"""How a node looks, on the page and in the figure: one place for colours and shapes.

An organization's colour is its kind and its shape its government level
(:mod:`kbgraph.graph.orgkind`, whose CSV files hold both); every other entity has the
colour and shape of its class. Communities (Louvain) get :data:`COMMUNITY_COLORS`.
"""

from __future__ import annotations

from .orgkind import KINDS, LEVELS

__all__ = ["CLASS_STYLE", "COMMUNITY_COLORS", "OTHER_COMMUNITY", "node_look"]

#: Colour, vis-network shape, legend glyph and matplotlib marker of each top class.
CLASS_STYLE: dict[str, dict[str, str]] = {
    "Organization": {"label": "Organisasi / organization", "color": "#1f77b4", "shape": "dot", "glyph": "\u25cf", "marker": "o"},
    "Person": {"label": "Orang / person", "color": "#ff7f0e", "shape": "triangle", "glyph": "\u25b2", "marker": "^"},
    "Post": {"label": "Jabatan / post", "color": "#e8a33d", "shape": "triangleDown", "glyph": "\u25bc", "marker": "v"},
    "Place": {"label": "Tempat / place", "color": "#a3acb9", "shape": "square", "glyph": "\u25a0", "marker": "s"},
    "Meeting": {"label": "Pertemuan / meeting", "color": "#d62728", "shape": "star", "glyph": "\u2605", "marker": "*"},
    "Program": {"label": "Program / program", "color": "#17becf", "shape": "hexagon", "glyph": "\u2b22", "marker": "h"},
    "PolicyFramework": {"label": "Kerangka kebijakan / policy framework", "color": "#c49c94", "shape": "diamond", "glyph": "\u25c6", "marker": "D"},
}

#: Louvain communities, largest first; the rest share :data:`OTHER_COMMUNITY`.
COMMUNITY_COLORS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
                    "#9c755f", "#86bcb6", "#d37295", "#a0cbe8")
OTHER_COMMUNITY = "#bab0ac"


def node_look(top: str, level: str | None = None, kind: str | None = None) -> dict[str, str]:
    """``color``, ``shape`` (vis-network), ``marker`` (matplotlib) and ``glyph`` of a node.

    >>> node_look("Organization", "provincial", "bkkbn")["shape"], node_look("Person")["shape"]
    ('square', 'triangle')
    """
    style = CLASS_STYLE[top]
    if top == "Organization" and level is not None and kind is not None:
        lv = LEVELS[level]
        return {"color": KINDS[kind].color, "shape": lv.shape, "marker": lv.marker, "glyph": lv.glyph}
    return {k: style[k] for k in ("color", "shape", "marker", "glyph")}
