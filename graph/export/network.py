"""Network writers: GraphML, GEXF, Cytoscape.js JSON and a CSV folder.

Each takes the entity network of :func:`kbgraph.graph.network.project` (a
``networkx.MultiDiGraph``: nodes keyed by IRI with ``label``, ``class``, ``top``,
``aliases``, ``articles``...; edges keyed by property local name with ``predicate``,
``label``, ``articles``) and returns bytes, or ``{file name: bytes}`` for a folder.

Desktop tools want one scalar type per attribute, so :func:`flatten` turns lists into
``" | "``-joined text, drops ``None``, writes dates as ISO text and gives every
attribute a single type (integer, float, boolean or text) across all nodes or edges.
Labels are in a ``label`` attribute, which Gephi reads as the node label and yEd's
properties mapper offers; the class is an attribute. Edges get a stable id (a hash
of source, key and target) so that Gephi keeps parallel edges apart and two builds
give the same ids.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
from kbgraph.ontology.namespaces import short_hash
from kbgraph.ontology.safe_text import csv_cell

from .common import xml_safe

__all__ = [
    "CLASS_COLOURS",
    "FlatNetwork",
    "edge_id",
    "flatten",
    "write_csv",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
]

SEPARATOR = " | "

#: Node colours (GEXF ``viz:color``) by top class; other classes get a colour from
#: :data:`_MORE_COLOURS` chosen by a hash of the name (stable across builds).
CLASS_COLOURS: dict[str, tuple[int, int, int]] = {
    "Organization": (31, 119, 180),
    "Person": (255, 127, 14),
    "Post": (148, 103, 189),
    "Place": (44, 160, 44),
    "Meeting": (214, 39, 40),
    "Program": (140, 86, 75),
    "PolicyFramework": (227, 119, 194),
}
_MORE_COLOURS = ((127, 127, 127), (188, 189, 34), (23, 190, 207), (174, 199, 232), (255, 187, 120))

Scalar = str | int | float | bool


def _scalar(value: Any) -> Scalar | None:
    """One attribute value as a scalar: lists joined, dates ISO, ``None`` stays None."""
    if value is None:
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(_scalar(v)) for v in value if v is not None]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return SEPARATOR.join(items) if items else None
    return str(value)


def _column_type(values: Iterable[Scalar]) -> type:
    kinds = {type(v) for v in values}
    for t, allowed in ((bool, {bool}), (int, {int}), (float, {int, float})):
        if kinds and kinds <= allowed:
            return t
    return str


def _typed_rows(rows: list[dict[str, Scalar]]) -> tuple[list[dict[str, Scalar]], dict[str, type]]:
    """Give every attribute one type across the rows (int + float → float, else text)."""
    columns: dict[str, list[Scalar]] = {}
    for row in rows:
        for k, v in row.items():
            columns.setdefault(k, []).append(v)
    types = {k: _column_type(vs) for k, vs in sorted(columns.items())}
    out = []
    for row in rows:
        typed: dict[str, Scalar] = {}
        for k in sorted(row):
            v, t = row[k], types[k]
            if t is str and not isinstance(v, str):
                v = str(v).lower() if isinstance(v, bool) else str(v)
            typed[k] = t(v) if t is float else v
        out.append(typed)
    return out, types


@dataclass(frozen=True)
class FlatNetwork:
    """A network with scalar, consistently typed attributes, in sorted order."""

    nodes: list[tuple[str, dict[str, Scalar]]]
    edges: list[tuple[str, str, str, dict[str, Scalar]]]
    node_types: dict[str, type]
    edge_types: dict[str, type]


def edge_id(u: str, key: Any, v: str) -> str:
    """A stable id for an edge: ``e`` + a hash of source, key and target."""
    return "e" + short_hash(u, key, v, n=16)


def flatten(G: nx.MultiDiGraph, *, xml: bool = False) -> FlatNetwork:
    """The projection with scalar attributes; ``xml`` also makes every text XML-safe."""
    fix = xml_safe if xml else (lambda s: s)

    def clean(data: Mapping[str, Any]) -> dict[str, Scalar]:
        out: dict[str, Scalar] = {}
        for k, v in data.items():
            s = _scalar(v)
            if s is not None:
                out[fix(str(k))] = fix(s) if isinstance(s, str) else s
        return out

    node_ids = sorted(G.nodes, key=str)
    node_rows, node_types = _typed_rows([clean(G.nodes[n]) for n in node_ids])
    edges = sorted(G.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    edge_rows, edge_types = _typed_rows([clean(G.edges[e]) for e in edges])
    return FlatNetwork(
        [(fix(str(n)), row) for n, row in zip(node_ids, node_rows)],
        [(fix(str(u)), fix(str(v)), fix(str(k)), row) for (u, v, k), row in zip(edges, edge_rows)],
        node_types,
        edge_types,
    )


def _rebuild(flat: FlatNetwork) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, attrs in flat.nodes:
        G.add_node(n, **attrs)
    for u, v, k, attrs in flat.edges:
        G.add_edge(u, v, key=k, **attrs)
    return G


# --------------------------------------------------------------------------- writers


def write_graphml(G: nx.MultiDiGraph) -> bytes:
    """GraphML with typed scalar keys; edge ids stable hashes (unique, for Gephi)."""
    H = _rebuild(flatten(G, xml=True))
    for u, v, k, data in H.edges(keys=True, data=True):
        data["_eid"] = edge_id(u, k, v)
    buf = io.BytesIO()
    nx.write_graphml_lxml(H, buf, encoding="utf-8", prettyprint=True, edge_id_from_attribute="_eid")
    return _drop_graphml_eid(buf.getvalue())


def _drop_graphml_eid(data: bytes) -> bytes:
    """Remove the helper attribute ``_eid`` (it is the edge id already)."""
    from lxml import etree

    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = etree.fromstring(data)
    for key in root.findall("g:key[@attr.name='_eid']", ns):
        for d in root.findall(f".//g:data[@key='{key.get('id')}']", ns):
            d.getparent().remove(d)
        root.remove(key)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _colour(node: Mapping[str, Scalar]) -> dict[str, Any]:
    name = str(node.get("top") or node.get("class") or "")
    rgb = CLASS_COLOURS.get(name) or _MORE_COLOURS[int(short_hash(name, n=8), 16) % len(_MORE_COLOURS)]
    return {"r": rgb[0], "g": rgb[1], "b": rgb[2], "a": 1.0}


def write_gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 for Gephi: ``label`` as the node label, nodes coloured by top class."""
    H = _rebuild(flatten(G, xml=True))
    for n, data in H.nodes(data=True):
        data["viz"] = {"color": _colour(data)}
    for u, v, k, data in H.edges(keys=True, data=True):
        data["id"] = edge_id(u, k, v)
    buf = io.BytesIO()
    nx.write_gexf(H, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def _json_value(value: Any) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_json_value(v) for v in value if v is not None]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return _scalar(value)


def write_cytoscape(G: nx.MultiDiGraph) -> bytes:
    """Cytoscape.js JSON (``networkx.cytoscape_data``); lists stay JSON arrays.

    ``name`` (what Cytoscape shows) is the label; edges carry a stable ``id``. ``<``,
    ``>`` and ``&`` are written as ``\\u003c`` etc. so the JSON can sit in a web page.
    """
    H = nx.MultiDiGraph()
    for n in sorted(G.nodes, key=str):
        attrs = {k: _json_value(v) for k, v in sorted(G.nodes[n].items()) if v is not None}
        attrs.setdefault("name", str(attrs.get("label", n)))
        H.add_node(str(n), **attrs)
    for u, v, k in sorted(G.edges(keys=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        attrs = {a: _json_value(x) for a, x in sorted(G.edges[u, v, k].items()) if x is not None}
        H.add_edge(str(u), str(v), key=str(k), id=edge_id(str(u), k, str(v)), **attrs)
    text = json.dumps(nx.cytoscape_data(H), ensure_ascii=False, indent=1, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):  # pandas' C parser ends a field at NUL; formulas: see csv_cell
        return csv_cell(value.replace("\x00", "\ufffd"))
    return value


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """RFC 4180 CSV (quotes doubled, fields with newlines quoted), UTF-8, ``\\n`` rows.

    Every other character survives; NUL, which pandas cannot read, becomes U+FFFD, and
    text a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a
    leading ``'`` (:func:`kbgraph.ontology.safe_text.csv_cell`; numbers stay numbers).
    """
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([_csv_cell(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def _columns(types: Mapping[str, type], first: list[str], skip: Iterable[str] = ()) -> list[str]:
    rest = sorted(k for k in types if k not in first and k not in set(skip))
    return [k for k in first if k in types] + rest


def write_csv(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """``nodes.csv`` (id, label, class, …) and ``edges.csv`` (source, target, predicate,
    label, articles, …) for pandas; lists joined with ``" | "``."""
    flat = flatten(G)
    skip_iri = ["iri"] if all(a.get("iri", n) == n for n, a in flat.nodes) else []
    node_cols = _columns(flat.node_types, ["label", "class"], skip=["id", *skip_iri])
    edge_types = {**flat.edge_types, "key": str}
    edge_cols = _columns(edge_types, ["predicate", "label", "articles"], skip=["source", "target"])
    nodes = csv_bytes(["id", *node_cols], ([n, *(a.get(c) for c in node_cols)] for n, a in flat.nodes))
    edges = csv_bytes(
        ["source", "target", *edge_cols],
        ([u, v, *({**a, "key": k}.get(c) for c in edge_cols)] for u, v, k, a in flat.edges),
    )
    return {"nodes.csv": nodes, "edges.csv": edges}
