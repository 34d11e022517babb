"""Where each node goes: a deterministic layout computed with networkx, for page and figure.

vis-network's own physics, started from random positions, piles a few hundred nodes into
a round hairball, differently on every machine. So the layout is computed here, once,
and the page receives positions (physics off):

1. each connected component is laid out on its own by stress majorization (Kamada and
   Kawai's criterion: distances follow graph distances, which reads well for the trees
   and stars news networks are; a seeded spring layout past 1,200 nodes);
2. each is scaled so that an edge is about ``edge`` units long;
3. nodes closer than ``gap`` are pushed apart (overlap removal), a few rounds;
4. the components are packed in rows, biggest first, into a box of about the page's
   aspect ratio.

The same graph gives the same positions (seeded, sorted node order).

Examples
--------
>>> pos = layout(nx.path_graph(["a", "b", "c"]))
>>> sorted(pos), layout(nx.path_graph(["a", "b", "c"])) == pos
(['a', 'b', 'c'], True)
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["layout"]

_STRESS_MAX = 1200  # above this many nodes the n × n matrices get big: spring layout


def _component(H: nx.Graph, seed: int) -> np.ndarray:
    nodes = list(H)
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    if n <= _STRESS_MAX:
        xy = _stress(H, nodes)
    else:
        pos = nx.spring_layout(H, seed=seed, iterations=100, k=1.5 / math.sqrt(n))
        xy = np.array([pos[x] for x in nodes], dtype=float)
    return xy - xy.mean(axis=0)


def _stress(H: nx.Graph, nodes: list[str], iterations: int = 150) -> np.ndarray:
    """Stress majorization (what Kamada-Kawai minimises, solved the fast way).

    Euclidean distances follow graph distances, weighted 1/d², from a classical MDS start
    (deterministic: eigenvectors with a fixed sign), then Jacobi-style majorization
    updates (Gansner, Koren and North 2004). Numpy on the n × n matrices: 300 nodes in
    a fraction of a second where scipy's Kamada-Kawai took seconds.
    """
    n = len(nodes)
    index = {x: i for i, x in enumerate(nodes)}
    D = np.zeros((n, n))
    for x, lengths in nx.all_pairs_shortest_path_length(H):
        i = index[x]
        for y, d in lengths.items():
            D[i, index[y]] = d
    J = np.eye(n) - 1.0 / n
    vals, vecs = np.linalg.eigh(-0.5 * J @ (D ** 2) @ J)
    top = np.argsort(vals)[::-1][:2]
    X = vecs[:, top] * np.sqrt(np.maximum(vals[top], 1e-9))
    for k in range(2):  # a fixed sign for each axis
        if X[np.argmax(np.abs(X[:, k])), k] < 0:
            X[:, k] = -X[:, k]
    X += np.random.default_rng(0).normal(scale=1e-3, size=X.shape)  # break exact symmetries
    with np.errstate(divide="ignore"):
        W = np.where(D > 0, 1.0 / D ** 2, 0.0)
    wsum = W.sum(axis=1)[:, None]
    for _ in range(iterations):
        diff = X[:, None, :] - X[None, :, :]
        dist = np.sqrt((diff ** 2).sum(axis=2))
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 1e-9)
        target = X[None, :, :] + D[:, :, None] * diff / dist[:, :, None]
        X = (W[:, :, None] * target).sum(axis=1) / wsum
    return X


def _edge_length(H: nx.Graph, xy: np.ndarray, index: dict[str, int]) -> float:
    if H.number_of_edges() == 0:
        return 1.0
    lengths = [np.linalg.norm(xy[index[u]] - xy[index[v]]) for u, v in H.edges()]
    return float(np.median(lengths)) or 1.0


def _spread(xy: np.ndarray, gap: float, rounds: int = 60) -> np.ndarray:
    """Push apart nodes closer than ``gap`` (each pair moves half the shortfall)."""
    xy = xy.copy()
    n = len(xy)
    if n < 2:
        return xy
    rng = np.random.default_rng(0)
    for _ in range(rounds):
        d = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((d ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        close = dist < gap
        if not close.any():
            break
        same = dist < 1e-9
        if same.any():  # coincident nodes: nudge them apart deterministically
            xy += rng.normal(scale=gap * 0.01, size=xy.shape)
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            push = np.where(close, (gap - dist) / (2 * dist), 0.0)
        xy += (d * push[:, :, None]).sum(axis=1)
    return xy


def layout(G: nx.Graph, *, seed: int = 42, edge: float = 150.0, gap: float = 60.0,
           aspect: float = 1.6) -> dict[str, tuple[float, float]]:
    """Positions ``{node: (x, y)}`` of every node of ``G`` (any networkx graph).

    ``edge`` is the typical edge length and ``gap`` the smallest distance between two
    nodes, in the units of the result (the page uses them as canvas pixels); ``aspect``
    is the width / height the components are packed into.
    """
    H = nx.Graph()
    H.add_nodes_from(sorted(G, key=str))
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for comp in comps:
        sub = H.subgraph(comp)
        sub = nx.relabel_nodes(sub, {x: x for x in comp})  # plain view, sorted order
        C = nx.Graph()
        C.add_nodes_from(comp)
        C.add_edges_from(sorted(sub.edges(), key=lambda e: (str(e[0]), str(e[1]))))
        xy = _component(C, seed)
        index = {x: i for i, x in enumerate(comp)}
        xy *= edge / _edge_length(C, xy, index)
        xy = _spread(xy, gap)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        boxes.append((comp, xy - lo, hi - lo + gap))
    # shelf packing: rows about sqrt(total area * aspect) wide
    area = sum(float(w * h) for _, _, (w, h) in boxes)
    row_width = max(math.sqrt(area * aspect), max(float(b[2][0]) for b in boxes)) if boxes else 0.0
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for comp, xy, (w, h) in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        for node, (px, py) in zip(comp, xy):
            pos[node] = (round(float(px + x), 1), round(float(py + y), 1))
        x += float(w)
        row_h = max(row_h, float(h))
    # centre on the origin, in G's node order
    if pos:
        cx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        cy = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {n: (float(round(pos[n][0] - cx)), float(round(pos[n][1] - cy))) for n in G}  # whole units
    return pos
