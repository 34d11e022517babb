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

The measures of the projected graph (centralities, communities, ego networks) are
pure functions in :mod:`kbgraph.graph.network.measures`, in the style of networkx's own
algorithms.

Examples
--------
>>> from rdflib import Dataset
>>> G = project(Dataset())
>>> G.number_of_nodes(), G.number_of_edges()
(0, 0)
"""

from __future__ import annotations

import functools
import re
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

from kbgraph.graph.store import Result, sparql_asset
from kbgraph.graph.store.terms import from_ox, to_ox

__all__ = [
    "TOP_CLASSES",
    "name_during",
    "names_in_time",
    "Queryable",
    "queryable",
    "select",
    "project",
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
_RESERVED = frozenset({"iri", "label", "label_en", "class", "top", "wikidata", "aliases", "articles", "years", "names",
                       "level", "publisher"})


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

    def select(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        solutions = self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES,
                                      substitutions=subs or None)
        names = [v.value for v in solutions.variables]
        rows = [tuple(from_ox(sol[name]) for name in names) for sol in solutions]
        return Result(names, rows)


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
        ``articles`` (how many articles mention or publish it), ``years`` (sorted
        years those articles were published in), and when known ``level`` (the local
        name of its ``kb:governmentLevel`` concept, e.g. ``LevelProvinsi``),
        ``publisher`` (True: it published an article), ``names`` (a renamed entity's
        names in time, oldest first: "name (until 2024-10)", "name (from 2024-10)",
        bounds as the lexicon gives them; :func:`name_during` reads them),
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

    articles: dict[str, int] = {}
    years: dict[str, list[int]] = {}
    for r in select(src, "network-entity-articles"):
        articles[str(r["entity"])] = int(r["articles"].toPython())
        years[str(r["entity"])] = sorted({int(y) for y in str(r["years"] or "").split() if y.isdigit()})
    levels: dict[str, set[str]] = defaultdict(set)
    publishers: set[str] = set()
    for r in select(src, "network-entity-roles"):
        if r["level"] is not None:
            levels[str(r["entity"])].add(_local_name(str(r["level"])))
        if r["publisher"] is not None:
            publishers.add(str(r["entity"]))

    names: dict[str, list[list[str | None]]] = defaultdict(list)
    for r in select(src, "network-names"):
        names[str(r["entity"])].append([str(r["name"]), *(None if r[b] is None else str(r[b])
                                                          for b in ("from", "until"))])

    G = nx.MultiDiGraph()
    for iri in sorted(types):
        top = min(tops[iri], key=list(TOP_CLASSES).index)
        cls = _most_specific(types[iri], top, onto)
        attrs = _node_attributes(iri, literals.get(iri, {}))
        G.add_node(iri, iri=iri, **attrs, **{"class": _local_name(str(cls)), "top": TOP_CLASSES[top]},
                   articles=articles.get(iri, 0), years=years.get(iri, []))
        if levels.get(iri):
            G.nodes[iri]["level"] = min(levels[iri])
        if iri in publishers:
            G.nodes[iri]["publisher"] = True
        if len(names.get(iri, ())) > 1:
            G.nodes[iri]["names"] = [_dated(*n) for n in sorted(names[iri], key=lambda n: n[1] or "")]

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


_DATED = re.compile(r"^(?P<name>.*?)(?: \((?:from (?P<start>[0-9-]+))?(?:, )?(?:until (?P<until>[0-9-]+))?\))?$")


def _dated(name: str, start: str | None, until: str | None) -> str:
    """``name (from 2019-12, until 2024-10)``, the parts known."""
    bounds = ", ".join(f"{word} {b}" for word, b in (("from", start), ("until", until)) if b)
    return f"{name} ({bounds})" if bounds else name


def names_in_time(d: Mapping[str, Any]) -> list[tuple[str, str | None, str | None]]:
    """``(name, from, until)`` of each of the node's ``names``, oldest first.

    >>> names_in_time({"names": ["Old (until 2024-10)", "New (from 2024-10)"]})
    [('Old', None, '2024-10'), ('New', '2024-10', None)]
    """
    out = []
    for text in d.get("names", ()):
        m = _DATED.match(text)
        out.append((m.group("name"), m.group("start"), m.group("until")))
    return out


def name_during(d: Mapping[str, Any], years: tuple[int, int]) -> str:
    """The node's name during the years ``years`` (inclusive): its one name valid at some
    time in them, else (renamed in that period, or never renamed) its label. The page's
    script (``nameDuring`` in viz.js) applies the same rule to its period filter.

    >>> d = {"label": "New", "names": ["Old (until 2024-10)", "New (from 2024-10)"]}
    >>> name_during(d, (2017, 2023)), name_during(d, (2025, 2025)), name_during(d, (2023, 2025))
    ('Old', 'New', 'New')
    """
    first, last = f"{years[0]}-01-01", f"{years[1]}-12-31"
    # bounds are text as precise as the source: "2024-10" starts before "2024-10-31"
    valid = [name for name, start, until in names_in_time(d)
             if (start is None or start <= last) and (until is None or until > first)]
    return valid[0] if len(valid) == 1 else d["label"]


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
