"""What a store holds, in numbers: articles, quads, named graphs, entities per class.

The first thing a researcher asks after a build ("did my 300 articles all get in?
how many people, meetings, programs?"), answered by two SPARQL queries kept in
``graph/assets/stats-*.rq``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from kbgraph.ontology.namespaces import GRAPH, INFERRED_GRAPH, ONTOLOGY_GRAPH

from .store.embedded import Store, sparql_asset

__all__ = ["StoreStats", "ClassCount", "store_stats"]


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
