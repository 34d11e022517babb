"""Why does the instance data contradict the ontology? Plain Python over entity quads.

An OWL reasoner answers "inconsistent" without saying where. The contradictions an
extraction can cause are few and simple, so they are looked for directly, in one
pass over the same entity quads the reasoner was given (each with its graph, i.e.
its article):

* an entity whose types — asserted, or implied by the rdfs:domain of a property it
  has or the rdfs:range of one pointing at it — fall in two disjoint classes (a person
  who is also an organization);
* an entity with two different values of an owl:FunctionalProperty (a meeting with
  80 participants in one article and 95 in another).

Classes are closed upwards through rdfs:subClassOf and owl:equivalentClass, and
properties through rdfs:subPropertyOf, as the ontology declares them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL

from kbgraph.ontology import ONTOLOGY_TTL
from kbgraph.ontology.namespaces import RDF, RDFS, XSD

__all__ = ["Axioms", "Culprit", "axioms", "find_culprits"]

_TYPE = str(RDF.type)
_NUMERIC = {str(XSD[t]) for t in (
    "integer", "positiveInteger", "nonNegativeInteger", "negativeInteger", "nonPositiveInteger",
    "int", "long", "short", "byte", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
    "decimal")}


@dataclass(frozen=True)
class Axioms:
    """What the ontology says that extracted data can contradict (IRIs as strings)."""

    disjoint: frozenset[frozenset[str]]  # pairs of disjoint classes
    supers: dict[str, frozenset[str]]  # class → itself, its superclasses and equivalents
    domains: dict[str, frozenset[str]]  # property → classes its subjects belong to
    ranges: dict[str, frozenset[str]]  # object property → classes its objects belong to
    functional: frozenset[str]

    def closure(self, cls: str) -> frozenset[str]:
        return self.supers.get(cls, frozenset({cls}))

    @property
    def members(self) -> frozenset[str]:
        return frozenset(c for pair in self.disjoint for c in pair)


def _up(g: Graph, start: URIRef, links: tuple) -> set[URIRef]:
    """``start`` and everything reachable through ``links`` ((predicate, forward) pairs)."""
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for pred, forward in links:
            nxt = g.objects(node, pred) if forward else g.subjects(pred, node)
            for n in nxt:
                if isinstance(n, URIRef) and n not in seen:
                    seen.add(n)
                    todo.append(n)
    return seen


@lru_cache(maxsize=4)
def _axioms(ttl_bytes: bytes) -> Axioms:
    g = Graph().parse(data=ttl_bytes, format="turtle")
    disjoint: set[frozenset[str]] = set()
    for axiom in g.subjects(RDF.type, OWL.AllDisjointClasses):
        members = [str(m) for m in g.items(g.value(axiom, OWL.members))]
        disjoint |= {frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1:]}
    disjoint |= {frozenset((str(a), str(b))) for a, b in g.subject_objects(OWL.disjointWith)}
    class_links = ((RDFS.subClassOf, True), (OWL.equivalentClass, True), (OWL.equivalentClass, False))
    classes = {c for c in g.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    supers = {str(c): frozenset(str(x) for x in _up(g, c, class_links)) for c in classes}
    domains, ranges = {}, {}
    for p in {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and not isinstance(s, BNode)}:
        chain = _up(g, p, ((RDFS.subPropertyOf, True),))
        d = {str(c) for q in chain for c in g.objects(q, RDFS.domain) if isinstance(c, URIRef)}
        r = {str(c) for q in chain for c in g.objects(q, RDFS.range) if isinstance(c, URIRef)}
        if d:
            domains[str(p)] = frozenset(d)
        if r and (p, RDF.type, OWL.ObjectProperty) in g:
            ranges[str(p)] = frozenset(r)
    functional = frozenset(str(p) for p in g.subjects(RDF.type, OWL.FunctionalProperty))
    return Axioms(frozenset(disjoint), supers, domains, ranges, functional)


def axioms(ttl: Path = ONTOLOGY_TTL) -> Axioms:
    """The ontology's disjointness, hierarchy, domains, ranges and functional properties."""
    return _axioms(Path(ttl).read_bytes())


@dataclass(frozen=True)
class Culprit:
    """One contradiction: ``evidence`` lists (class or value, property or None, graph).

    For ``kind == "disjoint"``, ``what`` is the pair of disjoint classes and each piece
    of evidence names the class it supports; for ``"functional"``, ``what`` is the
    property and each piece of evidence a value.
    """

    entity: str
    kind: str
    what: tuple[str, ...]
    evidence: tuple[tuple[str, str | None, str], ...]


def _node(term: object) -> str:
    """An IRI as itself, a blank node as ``_:label``."""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _value_key(term: object) -> tuple:
    if isinstance(term, ox.Literal):
        if term.datatype.value in _NUMERIC:
            try:
                return ("n", Decimal(term.value))
            except InvalidOperation:
                pass
        return ("l", term.value, term.datatype.value, term.language or "")
    return ("t", str(term))


def find_culprits(quads: Iterable[tuple], ax: Axioms) -> list[Culprit]:
    """Contradictions in ``(graph, s, p, o)`` quads of pyoxigraph terms, sorted."""
    members = ax.members
    # entity → disjoint-member class → {(asserted or implied class, property, graph)}
    hits: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    values: dict[tuple[str, str], dict[tuple, set]] = defaultdict(lambda: defaultdict(set))

    def typed(node: object, cls: str, why: str | None, graph: str) -> None:
        if not isinstance(node, (ox.NamedNode, ox.BlankNode)):
            return
        for member in ax.closure(cls) & members:
            hits[_node(node)][member].add((cls, why, graph))

    for g, s, p, o in quads:
        graph, prop = g.value, p.value
        if prop == _TYPE:
            if isinstance(o, ox.NamedNode):
                typed(s, o.value, None, graph)
            continue
        for cls in ax.domains.get(prop, ()):
            typed(s, cls, prop, graph)
        for cls in ax.ranges.get(prop, ()):
            typed(o, cls, prop, graph)
        if prop in ax.functional:
            values[(_node(s), prop)][_value_key(o)].add((_node(o), graph))

    out: list[Culprit] = []
    for entity, by_member in hits.items():
        for pair in sorted((tuple(sorted(p)) for p in ax.disjoint if p <= by_member.keys())):
            evidence = tuple(sorted(((member, why, graph) for member in pair
                                     for _, why, graph in by_member[member]),
                                    key=lambda e: (e[0], e[1] or "", e[2])))
            out.append(Culprit(entity, "disjoint", pair, evidence))
    for (entity, prop), by_value in values.items():
        if len(by_value) > 1:
            evidence = tuple(sorted((text, prop, graph) for items in by_value.values()
                                    for text, graph in items))
            out.append(Culprit(entity, "functional", (prop,), evidence))
    out.sort(key=lambda c: (c.entity, c.kind, c.what))
    return out
