"""SHACL validation of the store against ``ontology/shapes.ttl``, as a readable report.

pySHACL works on an in-memory rdflib graph, which is slow on a whole corpus; the
shapes only look at instances of their target classes (and ``sh:class`` objects), so
only those nodes' own triples are taken from the store (mentions, evidence and text
selectors, most of the store, stay out). Each result is reported with the focus
node's label, the property path, the shape's message and the article(s) the node
came from, so a researcher can open the file that needs a look.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from kbgraph.ontology import SHAPES_TTL
from kbgraph.ontology.namespaces import RDF, bind_prefixes

from .provenance import describe_node, short_iri
from kbgraph.graph.store import Store, sparql_asset

__all__ = ["validate", "ValidationReport", "ShaclResult", "shape_classes"]

#: Focus nodes named with their articles at most (a corpus gone wrong can have thousands).
MAX_DESCRIBED = 500


@dataclass(frozen=True)
class ShaclResult:
    """One SHACL result, ready to print."""

    severity: str  # Violation | Warning | Info
    focus: Node
    label: str | None
    path: str | None
    message: str
    value: str | None = None
    articles: tuple[URIRef, ...] = ()
    sources: tuple[str, ...] = ()
    where: str = ""  # "kbid:article/x (file.txt), …"

    def __str__(self) -> str:
        name = f"{self.label} <{short_iri(self.focus)}>" if self.label else short_iri(self.focus)
        path = f" {self.path}:" if self.path else ""
        value = f" (value {self.value})" if self.value is not None else ""
        where = f" [from {self.where}]" if self.where else ""
        return f"{self.severity}: {name}{path} {self.message}{value}{where}"


@dataclass
class ValidationReport:
    """``conforms`` is False when there is at least one sh:Violation."""

    conforms: bool
    results: list[ShaclResult] = field(default_factory=list)
    focus_nodes: int = 0  # distinct nodes the data graph held
    triples: int = 0
    report_graph: Graph | None = None
    seconds: float = 0.0

    @property
    def violations(self) -> list[ShaclResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def summary(self) -> str:
        warnings = len(self.results) - len(self.violations)
        state = "conforms" if self.conforms else f"{len(self.violations)} violations"
        return (f"SHACL: {state}, {warnings} warnings ({self.triples} triples of "
                f"{self.focus_nodes} nodes checked) in {self.seconds:.1f} s")


def shape_classes(shapes: Graph) -> list[URIRef]:
    """The classes the shapes target or require (sh:targetClass, sh:class), sorted."""
    found = {o for o in shapes.objects(None, SH.targetClass) if isinstance(o, URIRef)}
    found |= {o for o in shapes.objects(None, SH["class"]) if isinstance(o, URIRef)}
    return sorted(found)


def _data_graph(store: Store, classes: list[URIRef]) -> Graph:
    """The triples of every instance of ``classes`` (one query per class), merged."""
    query = sparql_asset("validate-instances")
    lines: set[str] = set()
    for cls in classes:
        _, rows = store.select_terms(query, {"class": cls})  # pyoxigraph terms: N-Triples for free
        lines.update(f"{s} {p} {o} ." for s, p, o in rows)
    data = Graph()
    bind_prefixes(data)
    data.parse(data="\n".join(sorted(lines)), format="nt")
    return data


def validate(store: Store, *, shapes: Path = SHAPES_TTL) -> ValidationReport:
    """Validate the store's instances against the SHACL shapes."""
    import pyshacl

    started = time.perf_counter()
    shapes_graph = Graph().parse(shapes, format="turtle")
    data = _data_graph(store, shape_classes(shapes_graph))
    _conforms, report_graph, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=False, allow_warnings=True,
    )
    bind_prefixes(report_graph)
    results = _results(store, report_graph)
    report = ValidationReport(
        conforms=not any(r.severity == "Violation" for r in results),
        results=results,
        focus_nodes=len(set(data.subjects(RDF.type, None))),
        triples=len(data),
        report_graph=report_graph,
    )
    report.seconds = time.perf_counter() - started
    return report


def _message(report_graph: Graph, result: Node) -> str:
    messages = list(report_graph.objects(result, SH.resultMessage))
    for lang in ("en", None, "id"):
        for m in messages:
            if isinstance(m, Literal) and m.language == lang:
                return str(m)
    return str(messages[0]) if messages else "violates a shape"


def _path_text(report_graph: Graph, path: Node | None) -> str | None:
    if path is None:
        return None
    if isinstance(path, URIRef):
        return short_iri(path)
    inverse = report_graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path_text(report_graph, inverse)}"
    alternatives = report_graph.value(path, SH.alternativePath)
    if alternatives is not None:  # SPARQL's property path syntax: a|b
        return "|".join(str(_path_text(report_graph, p)) for p in Collection(report_graph, alternatives))
    return "(complex path)"


def _results(store: Store, report_graph: Graph) -> list[ShaclResult]:
    described: dict[Node, object] = {}
    out = []
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(result, SH.focusNode)
        severity = report_graph.value(result, SH.resultSeverity)
        value = report_graph.value(result, SH.value)
        if focus not in described and len(described) < MAX_DESCRIBED:
            described[focus] = describe_node(store, focus)
        info = described.get(focus)
        articles = tuple(a for a, _ in info.articles) if info else ()
        out.append(ShaclResult(
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            focus=focus,
            label=info.label if info else None,
            path=_path_text(report_graph, report_graph.value(result, SH.resultPath)),
            message=_message(report_graph, result),
            value=(short_iri(value) if isinstance(value, URIRef) else str(value)) if value is not None else None,
            articles=articles,
            sources=tuple(s for _, s in info.articles if s) if info else (),
            where=info.article_text() if info and info.articles else "",
        ))
    out.sort(key=lambda r: (r.severity != "Violation", str(r.focus), r.path or "", r.message))
    return out
