"""What a store holds, in numbers: articles, quads, named graphs, entities per class.

The first thing a researcher asks after a build ("did my 300 articles all get in?
how many people, meetings, programs?"), answered by two SPARQL queries kept in
``graph/assets/stats-*.rq``; and ``kbgraph stats --network``'s table of the most
central actors (:func:`top_actors`), from the network's measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef

from kbgraph.ontology.namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH

from .network.measures import betweenness, degree_centrality, simple_graph
from .network.projection import Queryable, project
from .store import Store, sparql_asset

__all__ = ["StoreStats", "ClassCount", "store_stats", "top_actors"]


@dataclass(frozen=True)
class ClassCount:
    """Instances of one class in the article graphs."""

    cls: URIRef
    label: str | None
    count: int


@dataclass
class StoreStats:
    """The numbers ``kbgraph stats`` prints."""

    location: str
    articles: int
    entities: int
    quads: int
    graphs: int
    article_graphs: int
    has_ontology: bool
    has_inferred: bool
    classes: list[ClassCount] = field(default_factory=list)


def store_stats(store: Store) -> StoreStats:
    """Count what ``store`` holds (two queries and the list of graphs)."""
    row = store.select(sparql_asset("stats-counts")).rows[0]
    articles, entities, quads = (int(v.toPython()) if v is not None else 0 for v in row)
    names = store.graphs()
    prefix = str(GRAPH["article/"])
    classes = [
        ClassCount(URIRef(c), str(label) if label is not None else None, int(n.toPython()))
        for c, label, n in store.select(sparql_asset("stats-classes")).rows
        if isinstance(c, URIRef)
    ]
    return StoreStats(
        location=store.location,
        articles=articles,
        entities=entities,
        quads=quads,
        graphs=len(names),
        article_graphs=sum(1 for g in names if str(g).startswith(prefix)),
        has_ontology=ONTOLOGY_GRAPH in names,
        has_inferred=INFERRED_GRAPH in names,
        classes=classes,
    )


def top_actors(G_or_source: nx.Graph | Queryable | Graph, n: int = 10, *,
               tops: Sequence[str] = ("Organization", "Person")) -> list[dict[str, Any]]:
    """The ``n`` most central actors (organizations and persons by default).

    Centrality is measured on the whole network; actors are ranked by degree
    centrality, then betweenness, then articles, then label. Betweenness is sampled
    (500 sources) on graphs of more than 2,000 nodes.

    Returns
    -------
    list of dict
        ``rank, iri, label, class, top, degree, degree_centrality, betweenness, articles``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("o", label="O", top="Organization", **{"class": "GovernmentAgency"})
    >>> G.add_node("p", label="P", top="Place", **{"class": "City"})
    >>> G.add_edge("o", "p", key="jurisdiction")
    'jurisdiction'
    >>> [a["label"] for a in top_actors(G)]
    ['O']
    """
    G = G_or_source if isinstance(G_or_source, nx.Graph) else project(G_or_source)
    H = simple_graph(G)
    dc = degree_centrality(G)
    bc = betweenness(G, k=500 if len(G) > 2000 else None)
    actors = [x for x in G if G.nodes[x].get("top") in tops]
    actors.sort(key=lambda x: (-dc[x], -bc[x], -G.nodes[x].get("articles", 0), G.nodes[x].get("label", x), x))
    return [
        {
            "rank": i,
            "iri": x,
            "label": G.nodes[x].get("label", x),
            "class": G.nodes[x].get("class"),
            "top": G.nodes[x].get("top"),
            "degree": H.degree(x),
            "degree_centrality": dc[x],
            "betweenness": bc[x],
            "articles": G.nodes[x].get("articles", 0),
        }
        for i, x in enumerate(actors[:n], start=1)
    ]
