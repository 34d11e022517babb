"""OWL writer: the ontology file plus the instance triples, as RDF/XML.

For Protégé and owlready2, which do not read Turtle and which expect an OWL 2 DL
shape rather than any RDF. The document is ``ontology/kbgraph.ttl`` (the source of
truth; the store's copy in ``graph/ontology`` is not used) plus the selected instance
triples, adjusted where OWL tools would otherwise balk:

- every instance IRI (subjects, and objects of object properties such as the
  Wikidata items of ``schema:sameAs``) is declared ``owl:NamedIndividual``: owlready2
  lists as individuals only what is so declared, and OWL 2 DL wants declarations;
- evidence, mentions and statements stay in, in the store's compact shape (typed
  ``kb:Evidence``, ``kb:Mention``, ``kb:Statement``; an evidence's target is its
  sentence, whose offsets and text are data properties of it: Protégé needs no
  selector nodes); the reification properties keep their ontology declarations
  (``rdf:subject``/``rdf:predicate`` object properties, ``rdf:object`` an annotation
  property because its value may be a literal), so ``rdf:predicate kb:chairedBy``
  puns the property as an individual, which OWL 2 allows; ``--graph entities``
  leaves all of that out;
- a triple that would make a property both object and datatype property (a literal
  on an object property, an IRI on a datatype property) is left out and logged;
- terms the data uses but the ontology does not declare (a class in ``rdf:type``, a
  property, e.g. a schema.org term) are declared: classes ``owl:Class``, properties
  by what they point at (literals: datatype property, IRIs: object property, both:
  annotation property);
- characters XML 1.0 cannot carry become U+FFFD.

Literals keep their datatypes: ``xsd:gYear`` (periods, ``kb:year``) is not in the
OWL 2 datatype map, and owlready2 0.51 loads such values but raises when one is read.
Declare the type before loading (tests/graph/test_export.py runs this recipe)::

    class GYear(int): pass
    owlready2.declare_datatype(GYear, "http://www.w3.org/2001/XMLSchema#gYear",
                               lambda s: GYear(int(s)), str)
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from kbgraph.ontology import ONTOLOGY_TTL
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import ONTOLOGY_GRAPH, PREFIXES, bind_prefixes
from kbgraph.ontology.owl import ontology_triples
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from .common import canonical_quads, xml_safe
from kbgraph.graph.store.terms import from_ox

__all__ = ["write_owl"]

log = logging.getLogger(__name__)

Quads = Sequence[tuple[Any, Any, Any, URIRef | None]]

#: Namespaces whose terms OWL tools know without a declaration.
_BUILTIN = tuple(str(ns) for ns in (RDF, RDFS, OWL, XSD)) + ("http://www.w3.org/XML/1998/namespace",)


@functools.lru_cache(maxsize=1)
def _ontology() -> tuple[tuple[Any, Any, Any], ...]:
    """The ontology's triples (canonical blank nodes, from :mod:`kbgraph.ontology.owl`)."""
    return tuple((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in ontology_triples())


@functools.lru_cache(maxsize=1)
def _ontology_prefixes() -> tuple[tuple[str, str], ...]:
    """The ``@prefix`` lines of kbgraph.ttl (``vann:`` and the rest), for element names."""
    text = ONTOLOGY_TTL.read_text(encoding="utf-8")
    return tuple(sorted(set(re.findall(r"^@prefix\s+([A-Za-z][\w-]*):\s*<([^>]+)>", text, re.MULTILINE))))


def _declared(onto: Sequence[tuple[Any, Any, Any]]) -> dict[URIRef, set[URIRef]]:
    kinds: dict[URIRef, set[URIRef]] = defaultdict(set)
    for s, p, o in onto:
        if p == RDF.type and isinstance(s, URIRef):
            kinds[s].add(o)
    return kinds


def _curie(iri: URIRef) -> str:
    for prefix, ns in PREFIXES.items():
        if str(iri).startswith(ns):
            return f"{prefix}:{str(iri)[len(ns):]}"
    return f"<{iri}>"


def _builtin(term: Any) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_BUILTIN)


def _clean(term: Any) -> Any:
    if isinstance(term, Literal) and xml_safe(str(term)) != str(term):
        return Literal(xml_safe(str(term)), lang=term.language, datatype=term.datatype)
    return term


def write_owl(quads: Quads) -> bytes:
    """RDF/XML of ontology + individuals that Protégé and owlready2 load."""
    onto = _ontology()
    declared = _declared(onto)
    object_props = {t for t, k in declared.items() if OWL.ObjectProperty in k}
    data_props = {t for t, k in declared.items() if OWL.DatatypeProperty in k}
    terms = set(declared)  # everything the ontology declares (classes, properties, ...)

    kept: set[tuple[Any, Any, Any]] = set()
    dropped: Counter[str] = Counter()
    uses: dict[URIRef, set[bool]] = defaultdict(set)  # undeclared property → literal objects?
    for s, p, o, g in quads:
        if g == ONTOLOGY_GRAPH:
            continue  # the ontology comes from the file
        if (p in object_props and isinstance(o, Literal)) or (p in data_props and not isinstance(o, Literal)):
            dropped[f"{_curie(p)} with a{' literal' if isinstance(o, Literal) else 'n IRI'}"] += 1
            continue
        if p not in terms and not _builtin(p):
            uses[p].add(isinstance(o, Literal))
        kept.add((s, p, _clean(o)))
    if dropped:
        log.warning("owl export: left out triples whose object does not fit the property's OWL kind: %s",
                    ", ".join(f"{what} ({n})" for what, n in sorted(dropped.items())))

    out: set[tuple[Any, Any, Any]] = set(onto) | kept
    for p, literal_kinds in uses.items():
        kind = (OWL.AnnotationProperty if len(literal_kinds) > 1
                else OWL.DatatypeProperty if True in literal_kinds else OWL.ObjectProperty)
        out.add((p, RDF.type, kind))
        if kind == OWL.ObjectProperty:
            object_props.add(p)
    for s, p, o in kept:
        if p == RDF.type and isinstance(o, URIRef) and o not in terms and not _builtin(o):
            out.add((o, RDF.type, OWL.Class))
    out.update((x, RDF.type, OWL.NamedIndividual) for x in _individuals(kept, object_props, terms))
    return _serialize(out)


def _individuals(triples: set[tuple[Any, Any, Any]], object_props: set[URIRef], terms: set[URIRef]) -> set[URIRef]:
    """Instance IRIs: subjects of instance triples, objects of object properties."""
    found: set[URIRef] = set()
    for s, p, o in triples:
        found.add(s)
        if p in object_props and p != RDF.predicate:
            found.add(o)
    return {x for x in found if isinstance(x, URIRef) and x not in terms and not _builtin(x)}


def _serialize(triples: set[tuple[Any, Any, Any]]) -> bytes:
    # SimpleMemory keeps insertion order (rdflib's default store iterates sets), and
    # rdflib's RDF/XML writer emits subjects and properties in store order.
    graph = Graph(store="SimpleMemory", bind_namespaces="core")
    for prefix, ns in _ontology_prefixes():
        graph.bind(prefix, ns, override=True, replace=True)
    bind_prefixes(graph)
    ordered = [(s, p, o) for s, p, o, _ in canonical_quads((s, p, o, None) for s, p, o in triples)]
    for p in sorted({p for _, p, _ in ordered}):
        try:
            graph.namespace_manager.compute_qname_strict(p)  # fix any ns1, ns2 … in sorted order
        except ValueError:
            raise InputError(f"owl export: the property <{p}> cannot be written in RDF/XML (its IRI does "
                             "not end in an XML name)", hint="export ttl or nt instead") from None
    for t in ordered:
        graph.add(t)
    return graph.serialize(format="xml", encoding="utf-8")
