"""What the network page carries: nodes with positions, looks and facts; edges; legend; filters.

:func:`page_data` turns the drawn network (an overview, see :mod:`kbgraph.graph.overview`)
into the JSON the page's script reads. Everything the page shows is computed here, in
Python, once and deterministically:

* positions (:func:`kbgraph.graph.layout.layout`), so the page draws at once, physics off;
* each node's look (:mod:`kbgraph.graph.style`: organizations by kind and level), size
  (a networkx measure, named in the legend), label priority (``rank``: the measure
  weighted by :data:`LABEL_WEIGHT`; the page shows labels in that order where they do
  not overlap), Louvain
  community (seeded), province(s) and years (for the filters);
* the posts folded into person → organization edges are also sent as hidden nodes
  (placed between holder and organization), for the page's "posts as nodes" switch.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from . import measures as network
from .layout import layout
from .orgkind import KINDS, LEVELS, classify
from .overview import POST_EDGE, provinces
from .projection import names_in_time
from .style import CLASS_STYLE, COMMUNITY_COLORS, OTHER_COMMUNITY, node_look

__all__ = ["MEASURES", "SHORT_CHARS", "page_data", "short_label"]

#: What a node's size can show, and how the legend says it.
MEASURES: dict[str, str] = {
    "degree": "derajat: jumlah tetangga berbeda / degree: distinct neighbours",
    "betweenness": "betweenness (networkx, jaringan yang digambar / the drawn network)",
    "articles": "jumlah artikel / number of articles",
}
SHORT_CHARS = 30  # a longer label is drawn as its shortest alias, when it has one
#: Label priority is the size measure times this: who (organizations, people) before what
#: and where, so that a person with two relations is named before a village with three.
LABEL_WEIGHT = {"Organization": 1.5, "Person": 1.5, "Post": 1.0, "Meeting": 1.0, "Program": 1.0,
                "PolicyFramework": 0.8, "Place": 0.6}
_FIXED = {"iri", "label", "label_en", "class", "top", "wikidata", "aliases", "articles", "years", "level",
          "publisher", "names", "labelNow"}


def _names(d: dict[str, Any]) -> dict[str, Any]:
    """A renamed entity's names in time, each with its short form, and its current name:
    the page labels it by the name valid in the period its filter shows."""
    if not d.get("names"):
        return {}
    now = d.get("labelNow", d["label"])
    aliases = d.get("aliases", [])
    return {"labelNow": now, "shortNow": short_label({"label": now, "aliases": aliases}),
            "names": [{"name": name, "short": short_label({"label": name, "aliases": aliases}),
                       "from": start, "until": until} for name, start, until in names_in_time(d)]}


def short_label(d: dict[str, Any]) -> str:
    """The label drawn on the canvas: the label, or for a long one its shortest fitting alias.

    >>> short_label({"label": "Perwakilan BKKBN Provinsi Kalimantan Barat", "aliases": ["BKKBN Kalbar", "x"]})
    'BKKBN Kalbar'
    >>> short_label({"label": "Pontianak", "aliases": ["PNK"]})
    'Pontianak'
    """
    label = d.get("label", "")
    if len(label) <= SHORT_CHARS:
        return label
    fits = [a for a in d.get("aliases", ()) if 4 <= len(a) <= SHORT_CHARS and any(c.isupper() for c in a)]
    return min(fits, key=lambda a: (len(a), a)) if fits else label


def _measure(full_view: nx.MultiDiGraph, drawn: nx.MultiDiGraph, size_by: str) -> dict[str, float]:
    if size_by == "degree":
        H = network.simple_graph(full_view)
        return {x: float(H.degree(x)) if x in H else 0.0 for x in drawn}
    if size_by == "betweenness":
        bc = network.betweenness(drawn)
        return {x: round(bc.get(x, 0.0), 6) for x in drawn}
    return {x: float(drawn.nodes[x].get("articles", 0)) for x in drawn}


def _communities(drawn: nx.MultiDiGraph) -> dict[str, int]:
    found = network.communities(drawn, seed=42) if drawn.number_of_edges() else [[x] for x in sorted(drawn)]
    return {x: i for i, comm in enumerate(found) for x in comm}


def _attrs(d: dict[str, Any]) -> list[list[str]]:
    return [[k, ", ".join(map(str, v)) if isinstance(v, list) else str(v)]
            for k, v in sorted(d.items()) if k not in _FIXED]


def page_data(full: nx.MultiDiGraph, view: nx.MultiDiGraph, drawn: nx.MultiDiGraph, *,
              size_by: str = "degree", focus: str | None = None, posts_shown: bool = False,
              evidence: dict[str, list[dict[str, str]]] | None = None) -> dict[str, Any]:
    """The page's JSON (see the module doc).

    Parameters
    ----------
    full : the projected network (posts as nodes, publishers, everything)
    view : the overview it was cut from (what ``degree`` counts neighbours in)
    drawn : what the page draws
    size_by : one of :data:`MEASURES`
    posts_shown : True when ``drawn`` has posts as nodes (nothing folded)
    evidence : a few evidence items per node IRI (any node, folded posts included)
    """
    evidence = evidence or {}
    measure = _measure(view, drawn, size_by)
    community = _communities(drawn)
    where = provinces(full)
    pos = layout(drawn)
    kinds = classify(full, [x for x in drawn if drawn.nodes[x].get("top") == "Organization"])
    degree = network.simple_graph(view)
    order = sorted(drawn, key=lambda x: (x != focus, -(measure[x] or 0.01) * LABEL_WEIGHT[drawn.nodes[x]["top"]],
                                         -drawn.nodes[x].get("articles", 0),
                                         drawn.nodes[x].get("label", x), x))
    rank = {x: i for i, x in enumerate(order)}

    def node(x: str, d: dict[str, Any], xy: tuple[float, float], hidden_post: bool = False) -> dict[str, Any]:
        level, kind = kinds.get(x, (None, None))
        look = node_look(d["top"], level, kind)
        comm = community.get(x)
        return {
            "id": x, "x": xy[0], "y": xy[1], "shape": look["shape"], "color": look["color"],
            "value": measure.get(x, 0.0), "borderWidth": 3 if x == focus else 1,
            **({"hidden": True} if hidden_post else {}),
            "kb": {
                "iri": x, "label": d["label"], "short": short_label(d), "labelEn": d.get("label_en"),
                "cls": d["class"], "top": d["top"], "kind": kind, "level": level,
                "aliases": d.get("aliases", []), "wikidata": d.get("wikidata"), "articles": d.get("articles", 0),
                "degree": degree.degree(x) if x in degree else 0, "measure": measure.get(x, 0.0),
                "rank": rank.get(x, len(rank)), "community": comm, "provinces": where.get(x, []),
                "years": d.get("years", []), "attrs": _attrs(d), "evidence": evidence.get(x, []),
                **({"postNode": True} if hidden_post else {}), **_names(d),
            },
        }

    nodes = [node(x, drawn.nodes[x], pos[x]) for x in drawn]
    edges: list[dict[str, Any]] = []
    relations: dict[str, dict[str, str]] = {}
    pairs: Counter[frozenset[str]] = Counter()

    def edge(u: str, v: str, d: dict[str, Any], **kb: Any) -> None:
        pair = frozenset((u, v))
        extra = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.15 * pairs[pair]}} if pairs[pair] else {}
        pairs[pair] += 1
        if "post" not in d:
            relations.setdefault(d["predicate"], {"labelEn": d["label"], "labelId": d["label_id"]})
        info = {"predicate": d["predicate"], "articles": d.get("articles", 0), **kb}
        if "post" in d:
            info["post"] = d["label"]
        edges.append({"id": f"e{len(edges)}", "from": u, "to": v, "arrows": "to",
                      "width": 1 + 0.75 * min(d.get("articles", 0), 4), **extra,
                      **({"hidden": True} if kb.get("postPart") else {}), "kb": info})

    folded: dict[str, tuple[str, str]] = {}
    for u, v, key, d in drawn.edges(keys=True, data=True):
        edge(u, v, d, **({"folded": True} if key.split("@")[0] == POST_EDGE else {}))
        if "post" in d and not posts_shown:
            folded.setdefault(d["post"], (u, v))
    # the folded posts, for the switch: hidden nodes between holder and organization
    for post, (u, v) in sorted(folded.items()):
        if post not in full:
            continue
        mid = (float(round((pos[u][0] + pos[v][0]) / 2)), float(round((pos[u][1] + pos[v][1]) / 2)))
        nodes.append(node(post, full.nodes[post], mid, hidden_post=True))
        for a, b, key, d in list(full.in_edges(post, keys=True, data=True)) + list(
                full.out_edges(post, keys=True, data=True)):
            if (a in drawn or a == post) and (b in drawn or b == post):
                edge(a, b, d, postPart=True)

    counts = Counter(drawn.nodes[x]["top"] for x in drawn)
    counts["Post"] += len(folded)  # drawn as edge labels, nodes behind the switch
    classes = [{"name": c, "count": counts[c], **{k: s[k] for k in ("label", "color", "glyph")}}
               for c, s in CLASS_STYLE.items() if counts[c] or (c == "Post" and folded)]
    kind_counts = Counter(kinds[x][1] for x in drawn if x in kinds)
    level_counts = Counter(kinds[x][0] for x in drawn if x in kinds)
    sizes = Counter(community.values())
    return {
        "nodes": nodes,
        "edges": edges,
        "relations": dict(sorted(relations.items())),
        "classes": classes,
        "kinds": [{"name": k.name, "label": k.label, "color": k.color, "count": kind_counts[k.name]}
                  for k in KINDS.values() if kind_counts[k.name]],
        "levels": [{"name": lv.name, "label": lv.label, "glyph": lv.glyph, "shape": lv.shape,
                    "count": level_counts[lv.name]} for lv in LEVELS.values() if level_counts[lv.name]],
        "communities": [{"id": i, "count": sizes[i],
                         "color": COMMUNITY_COLORS[i] if i < len(COMMUNITY_COLORS) else OTHER_COMMUNITY}
                        for i in sorted(sizes)],
        "years": sorted({y for x in drawn for y in drawn.nodes[x].get("years", [])}),
        "provinces": sorted({p for x in drawn for p in where.get(x, [])}),
        "sizeBy": {"name": size_by, "label": MEASURES[size_by]},
        "postsShown": posts_shown,
    }
