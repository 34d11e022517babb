"""The knowledge graph as a networkx graph: entities are nodes, object properties edges.

Researchers measure the actor network (who is central, who brokers between whom,
which clusters form) with networkx, and :mod:`kbgraph.graph.network.page` draws it. The
projection reads the store with a handful of SPARQL SELECTs (``assets/network-*.rq``),
which Oxigraph answers in milliseconds, instead of walking every quad in Python.

Nodes are the instances of the seven top classes of ``docs/rdf-model.md``
(organizations, persons, posts, places, meetings, programs, policy frameworks);
annotations (mentions, evidence, statements), articles and selectors are not. Edges
are the object-property triples between two entities, asserted in an article graph
(triples only the reasoner added, in ``graph/inferred``, are left out so inverses and
transitive closures do not double the network).

Every function after :func:`project` is a pure function of the projected graph that
returns plain data, in the style of networkx's own algorithms. Centralities and
communities are computed on the undirected simple graph underneath (distinct
neighbours), so that two relations between the same pair do not count twice.

Examples
--------
>>> from rdflib import Dataset
>>> G = project(Dataset())
>>> G.number_of_nodes(), G.number_of_edges()
(0, 0)
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import networkx as nx
import pyoxigraph as ox
from rdflib import ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.term import Identifier

from kbgraph.ontology import ONTOLOGY_TTL
from kbgraph.ontology.namespaces import FOAF, KB, ORG, PREFIXES, RDF, RDFS, SCHEMA, SKOS

from kbgraph.graph.store.embedded import SelectResult, sparql_asset
from kbgraph.graph.store.terms import from_ox, to_ox

__all__ = [
    "TOP_CLASSES",
    "Queryable",
    "queryable",
    "select",
    "project",
    "simple_graph",
    "degree_centrality",
    "betweenness",
    "communities",
    "ego",
    "induced",
    "most_central",
    "top_actors",
    "find_node",
]

#: The top classes whose instances are nodes, and the name each gets as ``top``.
#: Keep in step with the ``VALUES ?top`` lists of ``assets/network-*.rq``.
TOP_CLASSES: dict[URIRef, str] = {
    ORG.Organization: "Organization",
    FOAF.Person: "Person",
    ORG.Post: "Post",
    SCHEMA.Place: "Place",
    KB.Meeting: "Meeting",
    KB.Program: "Program",
    KB.PolicyFramework: "PolicyFramework",
}

# Literal properties that become the fixed attributes (label, aliases, wikidata)
# rather than an attribute named after the property.
_LABELS = (RDFS.label, SKOS.prefLabel)
_ALIASES = (SKOS.altLabel, KB.abbreviation)
_RESERVED = frozenset({"iri", "label", "label_en", "class", "top", "wikidata", "aliases", "articles"})


# --------------------------------------------------------------------------- sources


class Queryable(Protocol):
    """What :func:`project` needs of a source: the Store's ``select``."""

    def select(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Any: ...


class _MemoryGraph:
    """An rdflib graph copied once into an in-memory Oxigraph store.

    So that an rdflib source is queried by the same engine, with the same union-of-
    named-graphs semantics, as the on-disk store; rdflib's own SPARQL is far slower.
    Triples of an rdflib default graph land in a named graph of their own.
    """

    def __init__(self, graph: Graph):
        self._store = ox.Store()
        if isinstance(graph, Dataset):
            contexts: Iterable[Graph] = graph.graphs()
        elif isinstance(graph, ConjunctiveGraph):
            contexts = graph.contexts()
        else:
            contexts = [graph]
        for ctx in contexts:
            ident = ctx.identifier
            name = ox.NamedNode(str(ident) if isinstance(ident, URIRef) else f"urn:x-kbgraph:graph:{ident}")
            self._store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), name) for s, p, o in ctx)

    def select(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> SelectResult:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        solutions = self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES,
                                      substitutions=subs or None)
        names = [v.value for v in solutions.variables]
        rows = [tuple(from_ox(sol[name]) for name in names) for sol in solutions]
        return SelectResult(names, rows)


def queryable(source: Queryable | Graph) -> Queryable:
    """A source that answers ``select``: a Store as it is, an rdflib graph copied into Oxigraph.

    Call it once when several functions will query the same rdflib graph, so that the
    copy is made once.
    """
    if isinstance(source, Graph):
        return _MemoryGraph(source)
    if callable(getattr(source, "select", None)):
        return source
    raise TypeError(f"expected a kbgraph Store or an rdflib Graph/Dataset, not {type(source).__name__}")


def select(
    source: Queryable | Graph, name: str, bindings: Mapping[str, Identifier] | None = None
) -> list[dict[str, Identifier | None]]:
    """Run the named query ``assets/<name>.rq`` on a source; one dict per row."""
    result = queryable(source).select(sparql_asset(name), bindings)
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


# --------------------------------------------------------------------------- ontology


@dataclass(frozen=True)
class _Ontology:
    superclasses: dict[URIRef, frozenset[URIRef]]  # transitive, not reflexive
    labels: dict[URIRef, dict[str, str]]  # term → {lang: label}


@functools.lru_cache(maxsize=1)
def _ontology() -> _Ontology:
    """Class hierarchy and labels from the packaged ontology (the source of truth).

    Read with pyoxigraph's parser: a tenth of the time rdflib's Turtle parser takes.
    """
    sub_class_of, label = ox.NamedNode(str(RDFS.subClassOf)), ox.NamedNode(str(RDFS.label))
    direct: dict[URIRef, set[URIRef]] = defaultdict(set)
    labels: dict[URIRef, dict[str, str]] = defaultdict(dict)
    for t in ox.parse(path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE):
        if not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate == sub_class_of and isinstance(t.object, ox.NamedNode):
            direct[URIRef(t.subject.value)].add(URIRef(t.object.value))
        elif t.predicate == label and isinstance(t.object, ox.Literal):
            lang = t.object.language or ""
            old = labels[URIRef(t.subject.value)].get(lang)
            if old is None or t.object.value < old:
                labels[URIRef(t.subject.value)][lang] = t.object.value

    def closure(cls: URIRef) -> frozenset[URIRef]:
        seen: set[URIRef] = set()
        todo = list(direct.get(cls, ()))
        while todo:
            c = todo.pop()
            if c not in seen:
                seen.add(c)
                todo.extend(direct.get(c, ()))
        return frozenset(seen)

    return _Ontology({c: closure(c) for c in direct}, dict(labels))


def _local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _most_specific(types: Iterable[URIRef], top: URIRef, onto: _Ontology) -> URIRef:
    """The most specific of an entity's types below its top class; kb: terms win ties."""
    sup = onto.superclasses
    below = [t for t in types if t == top or top in sup.get(t, ())]
    leaves = [t for t in below if not any(t in sup.get(u, ()) for u in below if u != t)]
    return min(leaves, key=lambda t: (not str(t).startswith(str(KB._NS)), str(t)))


def _plain(value: Literal) -> Any:
    """A literal as JSON-friendly Python: numbers and booleans as such, the rest as text."""
    py = value.toPython()
    if isinstance(py, bool | int | float):
        return py
    return str(value)


# --------------------------------------------------------------------------- projection


def project(source: Queryable | Graph) -> nx.MultiDiGraph:
    """Project a store (or an rdflib graph) onto a directed multigraph of entities.

    Parameters
    ----------
    source : Store or rdflib.Graph or rdflib.Dataset
        Anything with the Store's ``select``; an rdflib graph is copied into an
        in-memory Oxigraph store first.

    Returns
    -------
    G : networkx.MultiDiGraph
        Nodes are entity IRIs (``str``), added in sorted order, with the attributes
        ``iri``, ``label`` (Indonesian), ``class`` (most specific class, local name),
        ``top`` (one of :data:`TOP_CLASSES`' names), ``aliases`` (sorted list),
        ``articles`` (how many articles mention or publish it), and when known
        ``label_en``, ``wikidata`` and one attribute per other literal property
        (``startDate``, ``participantCount``...; a list when articles disagree).
        Edges ``(subject, object, key)`` have key = the property's local name and the
        attributes ``predicate`` (IRI), ``label`` (its rdfs:label @en), ``label_id``
        (@id) and ``articles`` (distinct articles whose kb:Evidence supports it).

    Examples
    --------
    >>> from rdflib import Graph
    >>> ttl = '''@prefix org: <http://www.w3.org/ns/org#> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... <https://w3id.org/kbgraph/id/org/a> a org:Organization ; rdfs:label "A"@id ;
    ...     org:subOrganizationOf <https://w3id.org/kbgraph/id/org/b> .
    ... <https://w3id.org/kbgraph/id/org/b> a org:Organization ; rdfs:label "B"@id .'''
    >>> G = project(Graph().parse(data=ttl, format="turtle"))
    >>> [G.nodes[n]["label"] for n in G]
    ['A', 'B']
    >>> [(G.nodes[u]["label"], k, G.nodes[v]["label"]) for u, v, k in G.edges(keys=True)]
    [('A', 'subOrganizationOf', 'B')]
    """
    src = queryable(source)
    onto = _ontology()

    # what only the reasoner asserts leaves the network (usually nothing)
    inferred = {(str(r["subject"]), str(r["predicate"]), str(r["object"]))
                for r in select(src, "network-inferred-only")}
    a_type = str(RDF.type)

    types: dict[str, set[URIRef]] = defaultdict(set)
    tops: dict[str, set[URIRef]] = defaultdict(set)
    for row in select(src, "network-entities"):
        iri = str(row["entity"])
        if inferred and (iri, a_type, str(row["top"])) in inferred:
            continue
        types[iri].add(row["type"])
        tops[iri].add(row["top"])

    literals: dict[str, dict[URIRef, set[Literal]]] = defaultdict(lambda: defaultdict(set))
    for row in select(src, "network-literals"):
        literals[str(row["entity"])][row["property"]].add(row["value"])

    articles = {str(r["entity"]): int(r["articles"].toPython()) for r in select(src, "network-entity-articles")}

    G = nx.MultiDiGraph()
    for iri in sorted(types):
        top = min(tops[iri], key=list(TOP_CLASSES).index)
        cls = _most_specific(types[iri], top, onto)
        attrs = _node_attributes(iri, literals.get(iri, {}))
        G.add_node(iri, iri=iri, **attrs, **{"class": _local_name(str(cls)), "top": TOP_CLASSES[top]},
                   articles=articles.get(iri, 0))

    support = {
        (str(r["subject"]), str(r["predicate"]), str(r["object"])): int(r["articles"].toPython())
        for r in select(src, "network-relation-articles")
    }
    edges = []
    for row in select(src, "network-relations"):
        s, p, o = str(row["subject"]), row["predicate"], str(row["object"])
        if s in G and o in G and (s, str(p), o) not in inferred:
            edges.append((s, o, _local_name(str(p)), p))
    for s, o, key, p in sorted(edges, key=lambda e: (e[0], e[1], e[2], str(e[3]))):
        if G.has_edge(s, o, key):  # two vocabularies with the same local name
            key = f"{key}@{p}"
        labels = onto.labels.get(p, {})
        G.add_edge(s, o, key=key, predicate=str(p), label=labels.get("en", _local_name(str(p))),
                   label_id=labels.get("id", labels.get("en", _local_name(str(p)))),
                   articles=support.get((s, str(p), o), 0))
    return G


def _node_attributes(iri: str, literals: Mapping[URIRef, set[Literal]]) -> dict[str, Any]:
    """Label, English label, aliases, Wikidata ID and the other literals of one entity."""

    def texts(props: Sequence[URIRef], lang: str | None = None) -> list[str]:
        return sorted({str(v) for p in props for v in literals.get(p, ()) if lang is None or v.language == lang})

    label_id = texts(_LABELS, "id") or texts(_LABELS, "") or texts([SCHEMA.name]) or texts(_LABELS)
    label = label_id[0] if label_id else _local_name(iri)
    attrs: dict[str, Any] = {"label": label}
    label_en = texts([RDFS.label], "en")
    if label_en:
        attrs["label_en"] = label_en[0]
    wikidata = texts([KB.wikidataId])
    if wikidata:
        attrs["wikidata"] = wikidata[0]
    names = set(texts(_ALIASES)) | set(texts(_LABELS, "id")) | set(texts(_LABELS, ""))
    attrs["aliases"] = sorted(names - {label, attrs.get("label_en")})
    skip = {*_LABELS, *_ALIASES, KB.wikidataId}
    for prop in sorted(literals):
        name = _local_name(str(prop))
        values = sorted({_plain(v) for v in literals[prop]}, key=lambda v: (str(type(v)), v))
        if prop in skip or name in _RESERVED or (prop == SCHEMA.name and values == [label]):
            continue
        attrs[name] = values[0] if len(values) == 1 else values
    return attrs


# --------------------------------------------------------------------------- measures


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
