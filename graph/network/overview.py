"""The overview network: who works with whom, on what, where.

The projected network (:func:`kbgraph.graph.network.project`) has every entity the
articles name. Drawn as it is, a post sits between each person and their organization,
every news outlet floats alone, and nothing says where an organization is. The overview
is what the page and the figure draw by default:

* a post held by a person in an organization is folded into one edge, person →
  organization, whose label is the post (``posts=True`` keeps posts as nodes; a post
  with no holder or no organization stays a node either way);
* news outlets (:func:`kbgraph.graph.orgkind.is_publisher`) are left out;
* nodes with no edge left are left out.

:func:`cap` cuts a big network to the most central nodes, keeping a share for people.

:func:`provinces` says in which province(s) each entity is, from the places the graph
links it to, for the page's province filter.

Examples
--------
>>> G = nx.MultiDiGraph()
>>> G.add_node("p", label="Ani", top="Person", **{"class": "Person"})
>>> G.add_node("post", label="Kepala Dinas", top="Post", **{"class": "Post"})
>>> G.add_node("o", label="Dinas X", top="Organization", **{"class": "RegionalAgency"})
>>> G.add_node("news", label="Warta", top="Organization", **{"class": "NewsPublisher"})
>>> G.add_edge("p", "post", key="holds", articles=1)
'holds'
>>> G.add_edge("post", "o", key="postIn", articles=1)
'postIn'
>>> H = overview(G)
>>> sorted(H), [(u, v, d["label"]) for u, v, d in H.edges(data=True)]
(['o', 'p'], [('p', 'o', 'Kepala Dinas')])
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import networkx as nx
from kbgraph.ontology.namespaces import ORG

from .orgkind import is_publisher
from .projection import name_during
from .measures import induced, most_central, simple_graph

__all__ = ["POST_EDGE", "narrow", "overview", "provinces"]

#: The key of a folded post edge (person → organization).
POST_EDGE = "holdsPost"


def _base(key: str) -> str:
    return key.split("@")[0]


def _fold_posts(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = G.copy()
    for post in [x for x in G if G.nodes[x].get("top") == "Post"]:
        holders = sorted({u for u, _, k in G.in_edges(post, keys=True) if _base(k) == "holds"})
        orgs = sorted({v for _, v, k in G.out_edges(post, keys=True) if _base(k) == "postIn"})
        if not holders or not orgs:
            continue
        support = {u: d.get("articles", 0) for u, _, k, d in G.in_edges(post, keys=True, data=True)
                   if _base(k) == "holds"}
        label = G.nodes[post].get("label", post)
        for person in holders:
            for org in orgs:
                key = POST_EDGE if not H.has_edge(person, org, POST_EDGE) else f"{POST_EDGE}@{post}"
                H.add_edge(person, org, key=key, predicate=str(ORG.holds), label=label, label_id=label,
                           articles=support[person], post=post)
        # whatever else touched the post now touches its holder(s)
        for u, _, k, d in G.in_edges(post, keys=True, data=True):
            if _base(k) != "holds":
                for person in holders:
                    H.add_edge(u, person, key=k, **d)
        H.remove_node(post)
    return H


def overview(G: nx.MultiDiGraph, *, posts: bool = False, publishers: bool = False,
             isolated: bool = False) -> nx.MultiDiGraph:
    """The network as the overview draws it (see the module doc); ``G`` is not changed.

    Parameters
    ----------
    posts : keep posts as nodes instead of folding them into person → organization edges
    publishers : keep news outlets
    isolated : keep nodes with no edge
    """
    H = G.copy() if posts else _fold_posts(G)
    if not publishers:
        H.remove_nodes_from([x for x in list(H) if is_publisher(H.nodes[x])])
    if not isolated:
        H.remove_nodes_from([x for x in list(H) if not set(nx.all_neighbors(H, x)) - {x}])
    # keep G's node order (files drawn from it must not depend on set order)
    order = {x: i for i, x in enumerate(G)}
    out = nx.MultiDiGraph()
    out.graph.update(H.graph)
    out.add_nodes_from(sorted(H.nodes(data=True), key=lambda nd: order[nd[0]]))
    out.add_edges_from(sorted(H.edges(keys=True, data=True), key=lambda e: (order[e[0]], order[e[1]], e[2])))
    return out


def provinces(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """The labels of the province(s) each entity is in, for every node of ``G`` (maybe empty).

    A place: the province it is, or the one it is contained in (``containedInPlace``).
    An organization: that of the place it has jurisdiction over, else of the one it
    belongs to. A post: its organization's. A person: their posts'. A meeting: its
    location's, else its organizers'. Programs and frameworks have none. Compute it on
    the projected network, before posts are folded.
    """
    top = {x: G.nodes[x].get("top") for x in G}

    def out(x: str, *keys: str) -> list[str]:
        return sorted({v for _, v, k in G.out_edges(x, keys=True) if _base(k) in keys})

    place: dict[str, set[str]] = {}

    def of_place(x: str) -> set[str]:
        if x in place:
            return place[x]
        found: set[str] = set()
        seen, todo = {x}, deque([x])
        while todo:
            y = todo.popleft()
            if G.nodes[y].get("class") == "Province":
                found.add(G.nodes[y].get("label", y))
                continue
            for z in out(y, "containedInPlace"):
                if z not in seen and top.get(z) == "Place":
                    seen.add(z)
                    todo.append(z)
        place[x] = found
        return found

    org: dict[str, set[str]] = {}

    def of_org(x: str, depth: int = 0) -> set[str]:
        if x in org:
            return org[x]
        found = set().union(*(of_place(p) for p in out(x, "jurisdiction", "location") if top.get(p) == "Place"))
        if not found and depth < 8:
            for p in out(x, "unitOf", "subOrganizationOf"):
                if top.get(p) == "Organization":
                    found |= of_org(p, depth + 1)
        org[x] = found
        return found

    def of_post(x: str) -> set[str]:
        return set().union(*(of_org(o) for o in out(x, "postIn") if top.get(o) == "Organization"))

    result: dict[str, list[str]] = {}
    for x in G:
        t = top[x]
        if t == "Place":
            found = of_place(x)
        elif t == "Organization":
            found = of_org(x)
        elif t == "Post":
            found = of_post(x)
        elif t == "Person":
            found = set().union(*(of_post(p) for p in out(x, "holds")))
        elif t == "Meeting":
            found = set().union(*(of_place(p) for p in out(x, "location") if top.get(p) == "Place"))
            if not found:
                found = set().union(*(of_org(o) for o in out(x, "organizedBy") if top.get(o) == "Organization"))
        else:
            found = set()
        result[x] = sorted(found)
    return result


def narrow(G: nx.MultiDiGraph, *, years: tuple[int, int] | None = None, province: str | None = None,
           kinds: set[str] | None = None, where: dict[str, list[str]] | None = None,
           kind_of: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """The filters of the page, in Python (the page's script applies the same rules).

    A node stays when it was in an article of the period ``years`` (inclusive), under the
    name it had then (:func:`~kbgraph.graph.network.projection.name_during`), and,
    for an organization, when its kind is in ``kinds`` (``kind_of`` maps organizations
    to kinds). With a ``province`` (a label of :func:`provinces`, given as ``where``),
    the nodes in it and their direct neighbours stay. Nodes left with no edge go.
    """
    keep = []
    for x in G:
        d = G.nodes[x]
        if years and not any(years[0] <= y <= years[1] for y in d.get("years", ())):
            continue
        if kinds is not None and d.get("top") == "Organization" and (kind_of or {}).get(x) not in kinds:
            continue
        keep.append(x)
    H = G.subgraph(keep)
    if province:
        core = {x for x in H if province in (where or {}).get(x, ())}
        near = set(core)
        for u, v in H.edges():
            if u in core:
                near.add(v)
            if v in core:
                near.add(u)
        H = H.subgraph(near)
    alive = {x for u, v in H.edges() if u != v for x in (u, v)}
    order = [x for x in G if x in alive]
    out = nx.MultiDiGraph()
    out.graph.update(G.graph)
    out.add_nodes_from((x, _named_during(G.nodes[x], years)) for x in order)
    out.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if u in alive and v in alive)
    return out


def _named_during(d: dict, years: tuple[int, int] | None) -> dict:
    """The node's attributes, labelled with its name during ``years`` (its current label
    kept as ``labelNow`` where that differs)."""
    then = name_during(d, years) if years and d.get("names") else d.get("label")
    return d if then == d.get("label") else {**d, "label": then, "labelNow": d["label"]}


#: The share of a cap (``--max-nodes``) kept for people, so that a small picture still
#: says who: ranked by degree centrality alone, people (one or two relations each) would
#: all be cut before the places.
PEOPLE_SHARE = 0.2


def cap(G: nx.MultiDiGraph, n: int, *, keep: Iterable[str] = ()) -> tuple[nx.MultiDiGraph, list[str]]:
    """At most ``n`` nodes of ``G``: the most central, a :data:`PEOPLE_SHARE` of them people.

    The people kept are those with most relations to the other nodes kept, then most
    relations at all. Nodes of ``keep`` stay whatever their rank; a node the cut leaves
    with no edge goes too. Returns the subgraph (``G``'s order) and the sorted list of
    the nodes left out.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("o", "p1"), ("o", "x"), ("o", "y"), ("x", "y"), ("q", "p2")])
    >>> for x in G:
    ...     G.nodes[x]["top"] = "Person" if x.startswith("p") else "Organization"
    >>> H, out = cap(G, 5)
    >>> sorted(H), out
    (['o', 'p1', 'x', 'y'], ['p2', 'q'])
    """
    if len(G) <= n:
        return G, []
    pinned = [x for x in keep if x in G]
    people = [x for x in G if G.nodes[x].get("top") == "Person" and x not in pinned]
    share = min(len(people), int(n * PEOPLE_SHARE))
    others = induced(G, [x for x in G if x not in people or x in pinned])
    chosen, _ = most_central(others, max(n - share, len(pinned)), keep=pinned)
    base = set(chosen)
    S = simple_graph(G)
    ranked = sorted(people, key=lambda x: (-sum(1 for y in S[x] if y in base), -S.degree(x), x))
    base |= {x for x in ranked[:share] if any(y in base for y in S[x])}
    H = induced(G, base)
    alive = {x for u, v in H.edges() if u != v for x in (u, v)} | set(pinned)
    H = induced(G, alive)
    return H, sorted(set(G) - alive)
