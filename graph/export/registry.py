"""Export the graph into the files researchers' own tools open.

One table, :data:`FORMATS`, maps a format name to a small writer function, named as
``"module:function"`` and imported only when that format is written (the idea of
rdflib's plugin registry, at the size kbgraph needs): ``kbgraph export --help`` reads
the table without loading rdflib's serializers, networkx's writers or owlready2. One
module per family of formats: RDF syntaxes in :mod:`kbgraph.graph.store.serialize`
(shared with ``Store.dump``), :mod:`~kbgraph.graph.export.owl`,
:mod:`~kbgraph.graph.export.network` and :mod:`~kbgraph.graph.export.neo4j`.

========== ========================================== ==================================
format     what                                        opened by
========== ========================================== ==================================
ttl, nt    the union of the selected graphs (triples)  any RDF tool, triple stores
nq, trig   named graphs kept (one per article)         Oxigraph, Fuseki, GraphDB
jsonld     named graphs, compact ``@context``          JSON-LD processors, web apps
owl        RDF/XML: ontology file + individuals        Protégé, owlready2
graphml    the networkx projection, scalar attributes  Gephi, yEd, Cytoscape desktop
gexf       the projection, nodes coloured by class     Gephi
cytoscape  Cytoscape.js JSON                           Cytoscape.js, Cytoscape desktop
csv        folder: nodes.csv + edges.csv               pandas, R, spreadsheets
neo4j      folder: neo4j-admin CSVs, Cypher, README    Neo4j
========== ========================================== ==================================

RDF formats read the store's quads, chosen by ``graph``: ``all`` (everything),
``entities`` (entity descriptions and facts: no ontology, no inferred triples, no
mentions/evidence/statements and their targets and selectors) or ``inferred`` (the
reasoner's graph). Network formats read :func:`kbgraph.graph.network.project`, which
is already the entity network.

Every output is deterministic, so that a diff between two builds shows what changed:
blank nodes get canonical labels (rdflib.compare), quads are sorted, N-Triples and
N-Quads lines are sorted, Turtle/TriG rely on rdflib's sorted serializers, JSON is
written with sorted keys and sorted arrays, networks are rebuilt in sorted order.
Files are written to a temporary name and renamed into place: an error leaves no
half-written export behind.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from typing import Literal as Kind

from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import ID, INFERRED_GRAPH, KB, OA, ONTOLOGY_GRAPH, RDF
from rdflib import URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import Node

from kbgraph.graph.store.atomic import write_file, write_folder

from .common import Quad, canonical_quads

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "FORMATS",
    "GRAPHS",
    "ExportFormat",
    "ExportResult",
    "Quad",
    "default_out",
    "export",
    "format_spec",
    "render",
    "select_quads",
]

Output = bytes | dict[str, bytes]

#: ``--graph`` choices.
GRAPHS = ("all", "entities", "inferred")

DEFAULT_DIR = Path("kbgraph-out")


class QuadSource(Protocol):
    """What :func:`export` needs of a store (see ``graph/store/base.py``)."""

    def quads(self) -> Iterable[tuple[Node, Node, Node, Node | None]]: ...


@dataclass(frozen=True)
class Lazy:
    """A writer named by where it is, ``"module:function"``, imported when first called."""

    target: str

    def __call__(self, data: Any) -> Output:
        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)(data)


@dataclass(frozen=True)
class ExportFormat:
    """One row of the table: how a format is written and where by default."""

    name: str
    kind: Kind["rdf", "network"]
    write: Callable[[Any], Output]
    default_name: str  # a file name, or a folder name when ``folder``
    folder: bool
    tools: str


_RDF = "kbgraph.graph.store.serialize"
_NETWORK = "kbgraph.graph.export.network"

FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", "rdf", Lazy(f"{_RDF}:write_turtle"), "graph.ttl", False,
                     "Turtle, union of graphs"),
        ExportFormat("nt", "rdf", Lazy(f"{_RDF}:write_ntriples"), "graph.nt", False,
                     "N-Triples, union, sorted"),
        ExportFormat("nq", "rdf", Lazy(f"{_RDF}:write_nquads"), "graph.nq", False,
                     "N-Quads, named graphs, sorted"),
        ExportFormat("trig", "rdf", Lazy(f"{_RDF}:write_trig"), "graph.trig", False, "TriG, named graphs"),
        ExportFormat("jsonld", "rdf", Lazy(f"{_RDF}:write_jsonld"), "graph.jsonld", False,
                     "JSON-LD, named graphs"),
        ExportFormat("owl", "rdf", Lazy("kbgraph.graph.export.owl:write_owl"), "graph.owl", False,
                     "RDF/XML for Protégé/owlready2"),
        ExportFormat("graphml", "network", Lazy(f"{_NETWORK}:write_graphml"), "graph.graphml", False,
                     "Gephi, yEd, Cytoscape desktop"),
        ExportFormat("gexf", "network", Lazy(f"{_NETWORK}:write_gexf"), "graph.gexf", False, "Gephi"),
        ExportFormat("cytoscape", "network", Lazy(f"{_NETWORK}:write_cytoscape"), "graph.cyjs", False,
                     "Cytoscape.js JSON"),
        ExportFormat("csv", "network", Lazy(f"{_NETWORK}:write_csv"), "csv", True, "nodes.csv + edges.csv"),
        ExportFormat("neo4j", "network", Lazy("kbgraph.graph.export.neo4j:write_neo4j"), "neo4j", True,
                     "neo4j-admin CSVs + import.cypher"),
    )
}


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export` wrote."""

    format: str
    path: Path  # the file, or the folder for csv/neo4j
    files: list[Path] = field(default_factory=list)


# --------------------------------------------------------------------------- selection

#: Classes whose instances are provenance, not entities (left out by ``entities``).
_PROVENANCE_TYPES = frozenset({
    KB.Mention, KB.Evidence, KB.Statement, KB.DirectQuote, KB.ReportedSpeech,
    OA.Annotation, OA.SpecificResource, OA.TextPositionSelector, OA.TextQuoteSelector,
})
#: IRI prefixes of provenance nodes; a node's targets and selectors share its prefix.
_PROVENANCE_PREFIXES = tuple(str(ID[kind + "/"]) for kind in ("mention", "evidence", "statement"))


def _graph_name(g: Node | None) -> URIRef | None:
    if g is None or g == DATASET_DEFAULT_GRAPH_ID or not isinstance(g, URIRef):
        return None  # the default graph (rdflib names it urn:x-rdflib:default)
    return g


def _is_provenance_iri(term: Node) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(_PROVENANCE_PREFIXES)


def select_quads(store: QuadSource, graph: str = "all") -> list[Quad]:
    """The store's quads that ``graph`` chooses, blank nodes canonical, sorted.

    ``all``: every quad. ``inferred``: the quads of ``namespaces.INFERRED_GRAPH``.
    ``entities``: the article (and other asserted) graphs without the ontology and
    inferred graphs, and without any triple whose subject or object is a mention,
    evidence, statement, or one of their targets and selectors (known by type or by
    the IRI kinds ``mention/``, ``evidence/``, ``statement/``).
    """
    _check_graph(graph)
    quads = [(s, p, o, _graph_name(g)) for s, p, o, g in store.quads()]
    if graph == "inferred":
        quads = [q for q in quads if q[3] == INFERRED_GRAPH]
    elif graph == "entities":
        quads = [q for q in quads if q[3] not in (ONTOLOGY_GRAPH, INFERRED_GRAPH)]
        provenance = {s for s, p, o, _ in quads if p == RDF.type and o in _PROVENANCE_TYPES}
        quads = [
            q for q in quads
            if q[0] not in provenance and q[2] not in provenance
            and not _is_provenance_iri(q[0]) and not _is_provenance_iri(q[2])
        ]
    return canonical_quads(quads)


# --------------------------------------------------------------------------- rendering


def _check_graph(graph: str) -> None:
    if graph not in GRAPHS:
        raise InputError(f"unknown graph selection {graph!r}; choose one of {', '.join(GRAPHS)}")


def format_spec(fmt: str, graph: str = "all") -> ExportFormat:
    """The table row for ``fmt``; InputError for an unknown format or graph selection."""
    _check_graph(graph)
    try:
        return FORMATS[fmt]
    except KeyError:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}") from None


def render(store: QuadSource, fmt: str, graph: str = "all") -> Output:
    """The export as bytes (one file) or ``{file name: bytes}`` (a folder), unwritten.

    Raises InputError for an unknown format or graph selection, and when the selection
    is empty (nothing to export: the store is empty, or nothing was inferred yet).
    """
    spec = format_spec(fmt, graph)
    if spec.kind == "network":
        return spec.write(_network(store, graph))
    quads = select_quads(store, graph)
    if not quads:
        hint = "run kbgraph check --materialize" if graph == "inferred" else "run kbgraph build first"
        raise InputError(f"nothing to export: the {graph!r} selection of the store is empty", hint=hint)
    return spec.write(quads)


def _network(store: Any, graph: str) -> nx.MultiDiGraph:
    if graph == "inferred":
        raise InputError(
            "network formats export the asserted entity network; --graph inferred applies to "
            "the RDF formats (ttl, nt, nq, trig, jsonld, owl)"
        )
    from kbgraph.graph.network.cache import project_cached  # the entity network already leaves provenance out

    G = project_cached(store)
    if G.number_of_nodes() == 0:
        raise InputError("nothing to export: the store holds no entities", hint="run kbgraph build first")
    return G


# --------------------------------------------------------------------------- writing


def default_out(fmt: str) -> Path:
    """Where ``export`` writes when no ``out`` is given: ``kbgraph-out/<name>``."""
    return DEFAULT_DIR / format_spec(fmt).default_name


def export(store: QuadSource, fmt: str, out: str | os.PathLike[str] | None = None,
           graph: str = "all") -> ExportResult:
    """Write the store as ``fmt`` to ``out`` (a file, or a folder for csv/neo4j).

    Parameters
    ----------
    store : Store
        Anything with ``quads()`` (and ``select()`` for network formats): a kbgraph
        Store, or a test double.
    fmt : str
        A key of :data:`FORMATS`.
    out : path, optional
        Default :func:`default_out`. Parent folders are created. A folder export
        replaces its own files in an existing folder and leaves other files alone.
    graph : {"all", "entities", "inferred"}
        Which quads (RDF formats); see :func:`select_quads`.
    """
    spec = format_spec(fmt, graph)
    path = Path(out) if out is not None else default_out(fmt)
    data = render(store, fmt, graph)
    if spec.folder:
        assert isinstance(data, dict)
        files = write_folder(path, data)
    else:
        assert isinstance(data, bytes)
        files = [write_file(path, data)]
    return ExportResult(spec.name, path, files)
