"""OWL reasoning over the store: is the graph consistent, and which article broke it?

The ontology declares person, organization, place, event, program, framework, post,
statement and article pairwise disjoint, so an extraction that makes a person an
organization makes the graph inconsistent. HermiT (through owlready2) says *that* it
is inconsistent, not *why*; a researcher needs the entity and the article. So:

1. the entities of every article graph (not mentions, evidence or statements, which
   are most of the store and which no axiom constrains) go to HermiT with the ontology;
2. if HermiT finds an inconsistency, the same data is searched for the contradictions an
   extraction causes (:mod:`kbgraph.graph.check.culprits`: types from two disjoint classes,
   asserted or implied by a property's domain or range; two values of a functional
   property), each named with its entity and articles;
3. if that finds nothing (the cause is subtler), the article graphs are bisected with
   HermiT until the smallest inconsistent set of articles is found.

``materialize=True`` stores what HermiT inferred about the instances in
``namespaces.INFERRED_GRAPH`` (replaced on every run), so the inferences can be queried
or dropped without touching any article.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from kbgraph.ontology.namespaces import INFERRED_GRAPH, RDFS
from kbgraph.ontology.owl import REASONERS, ReasonerUnavailable, new_world, run_reasoner

from .culprits import Culprit, axioms, find_culprits
from .provenance import short_iri
from kbgraph.graph.store import Store, sparql_asset

__all__ = ["reason", "ReasonReport", "Inconsistency"]

#: HermiT runs spent at most on bisecting article graphs.
MAX_BISECT_RUNS = 12
_LABEL = str(RDFS.label)


@dataclass(frozen=True)
class Inconsistency:
    """One reason the graph is inconsistent, with the article(s) that caused it."""

    message: str
    entity: URIRef | None = None
    label: str | None = None
    classes: tuple[URIRef, ...] = ()
    articles: tuple[URIRef, ...] = ()
    sources: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.message


@dataclass
class ReasonReport:
    """What ``reason`` found."""

    consistent: bool
    reasoner: str
    triples: int = 0  # instance triples given to the reasoner
    articles: int = 0  # article graphs they came from
    inferred: int = 0  # triples inferred about instances
    materialized: bool = False
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        if self.consistent:
            mat = f", {self.inferred} stored in {short_iri(INFERRED_GRAPH)}" if self.materialized else ""
            return (f"{self.reasoner}: consistent ({self.triples} instance triples from "
                    f"{self.articles} articles; {self.inferred} inferred{mat}) in {self.seconds:.1f} s")
        return (f"{self.reasoner}: INCONSISTENT, {len(self.inconsistencies)} "
                f"problem{'s' if len(self.inconsistencies) != 1 else ''} in {self.seconds:.1f} s")


def _entity_quads(store: Store) -> list[tuple]:
    """The entity data as (graph, s, p, o) pyoxigraph terms (no round trip through rdflib)."""
    return store.select_terms(sparql_asset("reason-entities"))[1]


def _nt(quads: list[tuple], graphs: set[str] | None = None) -> str:
    """Sorted, deduplicated N-Triples of the quads (of some graphs only)."""
    lines = {f"{s} {p} {o} ." for g, s, p, o in quads if graphs is None or g.value in graphs}
    return "".join(line + "\n" for line in sorted(lines))


def _consistent(quads: list[tuple], graphs: set[str], reasoner: str) -> bool:
    world, _ = new_world(_nt(quads, graphs))
    return run_reasoner(world, reasoner=reasoner, infer_property_values=False).consistent


def _articles(store: Store) -> dict[str, tuple[URIRef, str | None]]:
    """Article graph IRI → (article node, source file)."""
    return {str(g): (a, str(src) if src is not None else None)
            for g, a, src in store.select(sparql_asset("article-graphs")).rows}


def reason(store: Store, *, reasoner: str = "hermit", materialize: bool = False) -> ReasonReport:
    """Check the store's instance data against the ontology with an OWL reasoner."""
    if reasoner not in REASONERS:
        raise ReasonerUnavailable(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    started = time.perf_counter()
    quads = _entity_quads(store)
    data = _nt(quads)
    world, messages = new_world(data)
    result = run_reasoner(world, reasoner=reasoner, infer_property_values=True)
    report = ReasonReport(
        consistent=result.consistent, reasoner=reasoner, triples=data.count("\n"),
        articles=len({g.value for g, *_ in quads}), messages=messages + result.messages,
    )
    if result.consistent:
        report.inferred = result.inferred_ntriples.count("\n")
        if materialize:
            store.write({INFERRED_GRAPH: result.inferred_ntriples})
            report.materialized = True
    else:
        if materialize:  # stale inferences from an earlier run must not survive
            store.drop_graph(INFERRED_GRAPH)
        articles = _articles(store)
        labels = _labels(quads)
        report.inconsistencies = [_explain(c, labels, articles) for c in find_culprits(quads, axioms())]
        if not report.inconsistencies:
            report.inconsistencies = [_bisect(quads, articles, reasoner)]
    report.seconds = time.perf_counter() - started
    return report


def _labels(quads: list[tuple]) -> dict[str, str]:
    """Entity → its label (Indonesian preferred), from the quads themselves."""
    best: dict[str, tuple] = {}
    for _, s, p, o in quads:
        if p.value == _LABEL and isinstance(o, ox.Literal) and isinstance(s, ox.NamedNode):
            rank = (o.language != "id", o.value)
            if s.value not in best or rank < best[s.value]:
                best[s.value] = rank
    return {k: v[1] for k, v in best.items()}


def _where(graph: str, articles: dict[str, tuple[URIRef, str | None]]) -> str:
    article, source = articles.get(graph, (URIRef(graph), None))
    return f"{short_iri(article)} ({source})" if source else short_iri(article)


def _some(items: list[str], n: int = 3) -> str:
    more = f" and {len(items) - n} more" if len(items) > n else ""
    return ", ".join(items[:n]) + more


def _explain(c: Culprit, labels: dict[str, str], articles: dict[str, tuple[URIRef, str | None]]
             ) -> Inconsistency:
    """A culprit as a sentence naming the entity, the reason and the articles."""
    entity = URIRef(c.entity)
    label = labels.get(c.entity)
    name = f"{label} <{short_iri(entity)}>" if label else short_iri(entity)
    graphs = sorted({g for _, _, g in c.evidence})
    if c.kind == "disjoint":
        parts = []
        for cls in c.what:
            asserted = list(dict.fromkeys(_where(g, articles) for k, why, g in c.evidence if k == cls and why is None))
            implied: dict[str, list[str]] = {}
            for k, why, g in c.evidence:
                if k == cls and why is not None:
                    implied.setdefault(short_iri(URIRef(why)), [])
                    if _where(g, articles) not in implied[short_iri(URIRef(why))]:
                        implied[short_iri(URIRef(why))].append(_where(g, articles))
            because = (f"asserted in {_some(asserted)}" if asserted else
                       "; ".join(f"implied by {p} in {_some(w)}" for p, w in sorted(implied.items())))
            parts.append(f"{short_iri(URIRef(cls))} ({because})")
        message = f"{name} is both {parts[0]} and {parts[1]}, which the ontology declares disjoint"
        classes = tuple(URIRef(x) for x in c.what)
    else:
        prop = short_iri(URIRef(c.what[0]))
        values = [f"{value} in {_where(g, articles)}" for value, _, g in c.evidence]
        message = f"{name} has more than one {prop}, which the ontology allows once: {_some(values, 6)}"
        classes = ()
    found = [articles.get(g) for g in graphs]
    return Inconsistency(
        message, entity=entity, label=label, classes=classes,
        articles=tuple(a for a, _ in filter(None, found)),
        sources=tuple(sorted({src for _, src in filter(None, found) if src})),
    )


def _bisect(quads: list[tuple], articles: dict[str, tuple[URIRef, str | None]], reasoner: str
            ) -> Inconsistency:
    """The smallest set of article graphs found inconsistent by halving, within a budget."""
    current = sorted({g.value for g, *_ in quads})
    runs = 0
    while len(current) > 1 and runs < MAX_BISECT_RUNS:
        half = len(current) // 2
        left, right = current[:half], current[half:]
        runs += 1
        if not _consistent(quads, set(left), reasoner):
            current = left
            continue
        runs += 1
        if not _consistent(quads, set(right), reasoner):
            current = right
            continue
        break  # it takes articles from both halves together
    names = [_where(g, articles) for g in current]
    found = [articles[g] for g in current if g in articles]
    return Inconsistency(
        "the reasoner found the graph inconsistent; the smallest inconsistent set of articles "
        f"found is: {_some(names, 20)}",
        articles=tuple(a for a, _ in found), sources=tuple(s for _, s in found if s),
    )
