"""OWL reasoning over the store: is the graph consistent, and which article broke it?

The ontology declares person, organization, place, event, program, framework, post,
statement and article pairwise disjoint, so an extraction that makes a person an
organization makes the graph inconsistent. HermiT (through owlready2) says *that* it
is inconsistent, not *why*; a researcher needs the entity and the article. So:

1. the entities of every article graph (not mentions, evidence or statements, which
   are most of the store and which no axiom constrains) go to HermiT with the ontology;
2. if HermiT finds an inconsistency, a SPARQL query over the store finds entities with
   types (asserted, or implied by a property's domain or range) from two disjoint
   classes, and names them with their articles;
3. if that finds nothing (the cause is subtler), the article graphs are bisected with
   HermiT until the smallest inconsistent set of articles is found.

``materialize=True`` stores what HermiT inferred about the instances in
``namespaces.INFERRED_GRAPH`` (replaced on every run), so the inferences can be queried
or dropped without touching any article.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from kbgraph.ontology.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH
from kbgraph.ontology.owl import REASONERS, ReasonerUnavailable, new_world, run_reasoner

from .build import ensure_ontology
from .provenance import describe_node, short_iri
from .store import Store, sparql_asset

__all__ = ["reason", "ReasonReport", "Inconsistency"]

#: HermiT runs spent at most on bisecting article graphs.
MAX_BISECT_RUNS = 12


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


def _entity_quads(store: Store) -> dict[str, list[str]]:
    """N-Triples lines of the entity data, per article graph IRI."""
    _, rows = store._select_ox(sparql_asset("reason-entities"), None)  # ox terms: no round trip
    per_graph: dict[str, list[str]] = defaultdict(list)
    for g, s, p, o in rows:
        per_graph[g.value].append(f"{s} {p} {o} .")
    return per_graph


def _nt(per_graph: dict[str, list[str]], graphs: list[str]) -> str:
    lines = sorted({line for g in graphs for line in per_graph[g]})
    return "".join(line + "\n" for line in lines)


def _consistent(per_graph: dict[str, list[str]], graphs: list[str], reasoner: str) -> bool:
    world, _ = new_world(_nt(per_graph, graphs))
    return run_reasoner(world, reasoner=reasoner, infer_property_values=False).consistent


def reason(store: Store, *, reasoner: str = "hermit", materialize: bool = False) -> ReasonReport:
    """Check the store's instance data against the ontology with an OWL reasoner."""
    if reasoner not in REASONERS:
        raise ReasonerUnavailable(f"unknown reasoner {reasoner!r}; choose one of {', '.join(REASONERS)}")
    started = time.perf_counter()
    ensure_ontology(store)  # the culprit query reads the ontology graph
    per_graph = _entity_quads(store)
    graphs = sorted(per_graph)
    data = _nt(per_graph, graphs)
    world, messages = new_world(data)
    result = run_reasoner(world, reasoner=reasoner, infer_property_values=True)
    report = ReasonReport(
        consistent=result.consistent, reasoner=reasoner, triples=data.count("\n"),
        articles=len(graphs), messages=messages + result.messages,
    )
    if result.consistent:
        report.inferred = result.inferred_ntriples.count("\n")
        if materialize:
            store.write({INFERRED_GRAPH: result.inferred_ntriples})
            report.materialized = True
    else:
        if materialize:  # stale inferences from an earlier run must not survive
            store.drop_graph(INFERRED_GRAPH)
        report.inconsistencies = _disjoint_culprits(store)
        if not report.inconsistencies:
            report.inconsistencies = [_bisect(store, per_graph, graphs, reasoner)]
    report.seconds = time.perf_counter() - started
    return report


def _disjoint_culprits(store: Store) -> list[Inconsistency]:
    """Entities typed with two disjoint classes, one Inconsistency per entity."""
    rows = store.select(sparql_asset("reason-disjoint"), {"onto": ONTOLOGY_GRAPH}).rows
    by_entity: dict[URIRef, dict] = {}
    for entity, c1, why1, a1, c2, why2, a2 in rows:
        item = by_entity.setdefault(entity, {"pairs": {}, "articles": set()})
        pair = (c1, c2)
        item["pairs"].setdefault(pair, set()).update({(c1, why1, a1), (c2, why2, a2)})
        item["articles"].update(a for a in (a1, a2) if a is not None)
    out = []
    for entity in sorted(by_entity):
        item = by_entity[entity]
        info = describe_node(store, entity)
        sources = {a: src for a, src in info.articles}
        parts = []
        classes: list[URIRef] = []
        for (c1, c2), reasons in sorted(item["pairs"].items()):
            classes += [c for c in (c1, c2) if c not in classes]
            parts.append(f"{short_iri(c1)} ({_because(reasons, c1, sources)}) and "
                         f"{short_iri(c2)} ({_because(reasons, c2, sources)})")
        articles = tuple(sorted(item["articles"]))
        message = (f"{info.name()} is both " + "; and both ".join(parts)
                   + ", which the ontology declares disjoint")
        out.append(Inconsistency(
            message, entity=entity, label=info.label, classes=tuple(classes), articles=articles,
            sources=tuple(sorted({sources[a] for a in articles if sources.get(a)})),
        ))
    return out


def _because(reasons: set, cls: URIRef, sources: dict) -> str:
    """``asserted in kbid:article/x (file.txt)``, or ``implied by org:holds in …``.

    Assertions are named before implications (by a property's domain or range), and at
    most three articles each, so the odd one out stays visible.
    """
    asserted: list[str] = []
    implied: dict[str, list[str]] = {}
    for c, why, article in sorted(reasons, key=lambda r: tuple(str(x) for x in r)):
        if c != cls:
            continue
        where = short_iri(article) if article is not None else "a graph without article"
        if article is not None and sources.get(article):
            where += f" ({sources[article]})"
        target = asserted if why is None else implied.setdefault(short_iri(why), [])
        if where not in target:
            target.append(where)
    if asserted:
        return "asserted in " + _some(asserted)
    return "; ".join(f"implied by {p} in {_some(w)}" for p, w in sorted(implied.items()))


def _some(items: list[str], n: int = 3) -> str:
    more = f" and {len(items) - n} more" if len(items) > n else ""
    return ", ".join(items[:n]) + more


def _bisect(store: Store, per_graph: dict[str, list[str]], graphs: list[str], reasoner: str) -> Inconsistency:
    """The smallest set of article graphs found inconsistent by halving, within a budget."""
    runs = 0
    current = graphs
    while len(current) > 1 and runs < MAX_BISECT_RUNS:
        half = len(current) // 2
        left, right = current[:half], current[half:]
        runs += 1
        if not _consistent(per_graph, left, reasoner):
            current = left
            continue
        runs += 1
        if not _consistent(per_graph, right, reasoner):
            current = right
            continue
        break  # it takes articles from both halves together
    found = [_graph_article(store, g) for g in current[:20]]
    names = ", ".join(f"{short_iri(a)} ({s})" if s else short_iri(a) for a, s in found)
    more = f" and {len(current) - 20} more" if len(current) > 20 else ""
    return Inconsistency(
        f"the reasoner found the graph inconsistent; the smallest inconsistent set of articles "
        f"found is: {names}{more}",
        articles=tuple(a for a, _ in found), sources=tuple(s for _, s in found if s),
    )


def _graph_article(store: Store, graph_iri: str) -> tuple[URIRef, str | None]:
    """The article node of an article graph and its source file (the graph IRI if none)."""
    rows = store.select(sparql_asset("graph-article"), {"g": URIRef(graph_iri)}).rows
    if not rows:
        return URIRef(graph_iri), None
    info = describe_node(store, rows[0][0])
    return info.articles[0] if info.articles else (rows[0][0], None)
