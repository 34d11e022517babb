"""Measures of the projected network: pure functions of a networkx graph, networkx style.

Each takes the graph :func:`~kbgraph.graph.network.projection.project` returns (or
any networkx graph with the same node attributes) and returns plain data: no store,
no I/O, no state. Centralities and communities are computed on the undirected simple
graph underneath (distinct neighbours), so that two relations between the same pair
do not count twice.

Examples
--------
>>> G = nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("a", "hub")])
>>> degree_centrality(G)["hub"]
1.0
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

__all__ = [
    "simple_graph",
    "degree_centrality",
    "betweenness",
    "communities",
    "ego",
    "induced",
    "most_central",
    "find_node",
]


def simple_graph(G: nx.Graph) -> nx.Graph:
    """The undirected simple graph underneath G: distinct neighbours, no self-loops.

    What the measures below are computed on, so that two relations between the same
    pair (or one in each direction) count once.

    Examples
    --------
    >>> sorted(simple_graph(nx.MultiDiGraph([("a", "b"), ("b", "a"), ("a", "a")])).edges())
    [('a', 'b')]
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def degree_centrality(G: nx.Graph) -> dict[str, float]:
    """Degree centrality of every node: distinct neighbours / (n - 1).

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("c", "a")])
    >>> degree_centrality(G)
    {'a': 1.0, 'b': 0.5, 'c': 0.5}
    """
    H = simple_graph(G)
    dc = nx.degree_centrality(H) if len(H) > 1 else {n: 0.0 for n in H}
    return {n: dc[n] for n in sorted(H)}


def betweenness(G: nx.Graph, *, k: int | None = None, seed: int = 42) -> dict[str, float]:
    """Normalised betweenness centrality: how often a node lies on shortest paths.

    Brokers between otherwise separate parts of the network score high. ``k`` samples
    that many source nodes (with ``seed``) to approximate it on big graphs.

    Examples
    --------
    >>> betweenness(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    H = simple_graph(G)
    bc = nx.betweenness_centrality(H, k=k if k is not None and k < len(H) else None, seed=seed)
    return {n: bc[n] for n in sorted(H)}


def communities(G: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities (fixed seed, so the same graph gives the same answer).

    Returns a list of communities, each a sorted list of nodes, largest first.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    >>> communities(G)
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    found = nx.community.louvain_communities(simple_graph(G), seed=seed, resolution=resolution)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def ego(G: nx.Graph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` steps of ``node`` (either direction), with their edges.

    Raises ``networkx.NodeNotFound`` when the node is not in G (see :func:`find_node`).

    Examples
    --------
    >>> sorted(ego(nx.MultiDiGraph([("a", "b"), ("c", "b"), ("c", "d")]), "a", 2))
    ['a', 'b', 'c']
    """
    if node not in G:
        raise nx.NodeNotFound(f"node {node!r} is not in the graph")
    return induced(G, nx.ego_graph(G, node, radius=depth, undirected=True))


def induced(G: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph of ``G`` on ``nodes``, nodes and edges in ``G``'s order.

    ``G.subgraph(nodes).copy()`` iterates a Python set when the subgraph is less than
    half of ``G``, so its order (and every file drawn from it) would change from run
    to run with the hash seed.
    """
    keep = set(nodes)
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((x, d) for x, d in G.nodes(data=True) if x in keep)
    if G.is_multigraph():
        H.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in keep and v in keep)
    else:
        H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep)
    return H


def most_central(G: nx.Graph, n: int, *, keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, list[str]]:
    """Keep the ``n`` most central nodes (degree centrality, then articles, then IRI).

    Nodes in ``keep`` (e.g. the focus of an ego network) stay whatever their rank.
    Returns the subgraph and the sorted list of nodes left out.

    Examples
    --------
    >>> H, left_out = most_central(nx.MultiDiGraph([("hub", "a"), ("hub", "b"), ("c", "d")]), 3)
    >>> sorted(H), left_out
    (['a', 'b', 'hub'], ['c', 'd'])
    """
    dc = degree_centrality(G)
    pinned = [x for x in sorted(set(keep)) if x in G]
    ranked = sorted(G, key=lambda x: (-dc[x], -G.nodes[x].get("articles", 0), x))
    chosen = set(pinned)
    for x in ranked:
        if len(chosen) >= max(n, len(pinned)):
            break
        chosen.add(x)
    return induced(G, chosen), sorted(set(G) - chosen)


def find_node(G: nx.Graph, label_or_iri: str) -> str | None:
    """The node a user means: an IRI, else a label, English label or alias.

    Exact matches (ignoring case and surrounding spaces) win over substrings; among
    several, the node with most neighbours, then the smallest IRI. ``None`` when
    nothing matches.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("kbid:org/bkkbn", label="Badan Kependudukan dan Keluarga Berencana Nasional", aliases=["BKKBN"])
    >>> find_node(G, "bkkbn"), find_node(G, "Kependudukan"), find_node(G, "Kemenkes")
    ('kbid:org/bkkbn', 'kbid:org/bkkbn', None)
    """
    if label_or_iri in G:
        return label_or_iri
    needle = label_or_iri.strip().casefold()
    if not needle:
        return None

    def names(x: str) -> list[str]:
        d = G.nodes[x]
        return [s.casefold() for s in (d.get("label"), d.get("label_en"), *d.get("aliases", ())) if s]

    exact = [x for x in G if needle in names(x)]
    found = exact or [x for x in G if any(needle in s for s in names(x))]
    if not found:
        return None
    H = simple_graph(G)
    return min(found, key=lambda x: (-H.degree(x), x))
