"""One store interface over an embedded on-disk Oxigraph store or a remote SPARQL 1.1 server.

Researchers build once and query many times, so the default store is pyoxigraph on
disk (``./kbgraph-data``): fast SPARQL, no server to run. A team shares a graph on a
server (Oxigraph, Fuseki, GraphDB, Virtuoso), so the same interface also speaks the
SPARQL 1.1 Protocol to a URL (:mod:`kbgraph.graph.store.remote`).

Both see the **union of all named graphs** as the default graph: every article owns
its named graph, and queries must not care which. Results come back as rdflib terms.
The embedded store keeps that union as a real, deduplicated default graph, maintained
in the same transaction as every write (a triple leaves it only when no named graph
holds it any more). Oxigraph's on-the-fly union repeats a triple once per graph that
holds it, and an entity described in N articles then multiplies every join by N; the
maintained view keeps queries as fast at 10,000 articles as at ten. The remote store
relies on the server's own union default graph instead.
Writes go through :meth:`Store.write`, one transaction per call, so an article is
either wholly in the store or not at all.

Typical use::

    with open_store("kbgraph-data") as store:
        rows = store.select("SELECT ?m WHERE { ?m a kb:Meeting }").rows
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Identifier, Node

from kbgraph.errors import QueryError, StoreError
from kbgraph.ontology.namespaces import (
    PROVENANCE_IRI_PREFIXES,
    PROVENANCE_LINE_PREFIXES,
    bind_prefixes,
    is_provenance_line,
    short_hash,
)

from . import serialize
from .result import Result
from .terms import from_ox, ntriples_of, to_ntriples

__all__ = ["Store", "Result", "Bindings", "ASSETS", "sparql_asset", "convert_rows", "solution_rows"]

Bindings = Mapping[str, Identifier] | None

#: The graph layer's own data files (``graph/assets/``): SPARQL, the page's script and style.
ASSETS = Path(__file__).resolve().parent.parent / "assets"

#: What :meth:`Store.dump` writes: the same writers as ``kbgraph export`` (one per syntax).
DUMP_WRITERS = {
    "nq": serialize.write_nquads,
    "trig": serialize.write_trig,
    "nt": serialize.write_ntriples,
    "ttl": serialize.write_turtle,
}


def sparql_asset(name: str) -> str:
    """The text of ``graph/assets/<name>.rq`` (the graph layer's own SPARQL, kept as data)."""
    return (ASSETS / f"{name}.rq").read_text(encoding="utf-8")


class Store(ABC):
    """The operations every part of kbgraph uses; see :func:`open_store`."""

    location: str
    #: True when the store keeps the union of its named graphs as its default graph.
    maintains_union_view: bool = False

    # -- primitives each backend provides (pyoxigraph terms in, pyoxigraph terms out) --

    @abstractmethod
    def _select_ox(self, sparql: str, bindings: Bindings) -> tuple[list[str], list[tuple]]:
        ...

    @abstractmethod
    def _construct_ox(self, sparql: str, bindings: Bindings) -> list[ox.Triple]:
        ...

    @abstractmethod
    def _ask(self, sparql: str, bindings: Bindings) -> bool:
        ...

    @abstractmethod
    def _update(self, sparql: str) -> None:
        """Run one SPARQL Update request, as one transaction."""

    @abstractmethod
    def _quads_ox(self) -> Iterable[ox.Quad]:
        ...

    @abstractmethod
    def graphs(self) -> list[URIRef]:
        """The named graphs, sorted."""

    def close(self) -> None:
        """Release the store (the embedded store's lock)."""

    # -- the public interface ---------------------------------------------------------

    def select(self, sparql: str, bindings: Bindings = None) -> Result:
        """Run a SELECT; ``bindings`` bind variables to RDF terms (never pasted as text)."""
        variables, rows = self._select_ox(sparql, bindings)
        return Result(variables, convert_rows(rows))

    def select_terms(self, sparql: str, bindings: Bindings = None) -> tuple[list[str], list[tuple]]:
        """Run a SELECT, cells left as pyoxigraph terms (``str()`` of one is its N-Triples).

        For callers that turn rows straight into N-Triples (the reasoner's and the SHACL
        validator's input): no round trip through rdflib terms.
        """
        return self._select_ox(sparql, bindings)

    def construct(self, sparql: str, bindings: Bindings = None) -> Graph:
        """Run a CONSTRUCT (or DESCRIBE) into an rdflib Graph with kbgraph's prefixes."""
        g = Graph()
        bind_prefixes(g)
        for t in self._construct_ox(sparql, bindings):
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    def ask(self, sparql: str, bindings: Bindings = None) -> bool:
        """Run an ASK."""
        return self._ask(sparql, bindings)

    def write(self, replace: Mapping[URIRef, str], drop: Iterable[URIRef] = (), *,
              new: bool = False) -> None:
        """Replace graphs by N-Triples text and drop others, all in **one transaction**.

        ``replace`` maps a graph IRI to its new content as N-Triples (as produced by
        :func:`kbgraph.graph.store.terms.ntriples_of`); the old content is removed first. Blank
        nodes in the text become fresh blank nodes. Either all of it happens or none.
        ``new=True`` promises that none of the graphs exists yet, so old content need
        not be looked for (the embedded store then loads N-Quads: the fast path).
        """
        drop = set(drop)
        if new and not drop:
            if any(nt.strip() for nt in replace.values()):
                self._insert_new({g: nt for g, nt in replace.items() if nt.strip()})
            return
        ops = []
        outgoing = sorted(drop | set(replace))
        if self.maintains_union_view and outgoing:
            # what the outgoing graphs hold, kept aside until their successors are in
            ops += [VIEW_COLLECT.format(g=to_ntriples(g)) for g in outgoing]
        ops += [f"DROP SILENT GRAPH {to_ntriples(g)}"
                for g in sorted(drop | {g for g, nt in replace.items() if not nt.strip()})]
        ops += [f"DELETE WHERE {{ GRAPH {to_ntriples(g)} {{ ?s ?p ?o }} }}"
                for g, nt in sorted(replace.items()) if nt.strip() and g not in drop]
        blocks = [f"GRAPH {to_ntriples(g)} {{\n{nt}}}" for g, nt in sorted(replace.items()) if nt.strip()]
        if blocks and self.maintains_union_view:  # same operation: same blank nodes
            blocks += [view_lines(nt) for g, nt in sorted(replace.items()) if nt.strip()]
        if blocks:
            ops.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        if self.maintains_union_view and outgoing:
            # then every collected triple that no named graph holds any more leaves the view
            ops += [VIEW_RETRACT_COLLECTED, f"DROP SILENT GRAPH {SCRATCH_GRAPH}"]
        if ops:
            self._update(" ;\n".join(ops))

    def _insert_new(self, graphs: Mapping[URIRef, str]) -> None:
        """Add graphs that do not exist yet (one transaction)."""
        blocks = [f"GRAPH {to_ntriples(g)} {{\n{nt}}}" for g, nt in sorted(graphs.items())]
        self._update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")

    def replace_graph(self, graph_iri: URIRef, graph: Graph) -> None:
        """Make ``graph_iri`` hold exactly the triples of ``graph`` (one transaction)."""
        self.write({graph_iri: ntriples_of(graph, bnode_prefix="g" + short_hash(graph_iri))})

    def drop_graph(self, graph_iri: URIRef) -> None:
        """Remove a named graph (no error if it is absent)."""
        self.write({}, drop=[graph_iri])

    def graph_ntriples(self, graph_iri: URIRef) -> str:
        """Sorted N-Triples of one named graph (used to compare it with a file)."""
        triples = self._construct_ox(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": graph_iri}
        )
        return "".join(sorted(f"{t} .\n" for t in triples))

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node | None]]:
        """Every quad as rdflib terms (graph None for the default graph), sorted."""
        for q in _sorted_quads(self._quads_ox()):
            yield from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name)

    def to_dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (in memory: for small stores and tests)."""
        return serialize.to_dataset(list(self.quads()))

    def dump(self, fmt: str = "nq") -> bytes:
        """Serialize the store: ``nq``/``trig`` keep graph names, ``nt``/``ttl`` the union.

        Output is sorted, so the same store always dumps to the same bytes.
        """
        try:
            write = DUMP_WRITERS[fmt]
        except KeyError:
            raise StoreError(f"unknown dump format {fmt!r}; expected one of {sorted(DUMP_WRITERS)}") from None
        return write(list(self.quads()))

    def count_quads(self) -> int:
        """How many quads the named graphs hold."""
        rows = self._select_ox("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", None)[1]
        return int(rows[0][0].value) if rows and rows[0][0] is not None else 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.location}>"


def convert_rows(rows: Iterable[tuple]) -> list[tuple]:
    """pyoxigraph rows as rdflib terms, each distinct term converted once.

    Results repeat their IRIs (types, predicates, the entities every article mentions)
    and rdflib validates every IRI and parses every typed literal it makes: at 10,000
    articles the conversion took a sixth of the network projection.
    """
    memo: dict[Any, Identifier | None] = {}

    def convert(term: Any) -> Identifier | None:
        try:
            return memo[term]
        except KeyError:
            memo[term] = value = from_ox(term)
            return value

    return [tuple(convert(c) for c in row) for row in rows]


def solution_rows(result: Any) -> tuple[list[str], list[tuple]]:
    """Variable names and rows of pyoxigraph SELECT results (embedded or parsed remote)."""
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("not a SELECT query")
    variables = [v.value for v in result.variables]
    return variables, [tuple(sol[i] for i in range(len(variables))) for sol in result]


def _sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Quads sorted by graph, subject, predicate, object (their N-Triples forms)."""
    keyed = [((str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)), q) for q in quads]
    keyed.sort(key=lambda kq: kq[0])
    return [q for _, q in keyed]


#: Remove from the union view the triples that graph {g} holds and no other graph does.
#: The graph a write keeps the outgoing graphs' triples in, within its one transaction.
SCRATCH_GRAPH = "<urn:x-kbgraph:view-retract>"
#: ``FILTER`` that keeps the triples of ``?s`` that belong in the union view (not provenance).
NOT_PROVENANCE = "FILTER(!isIRI(?s) || !(" + " || ".join(
    f'STRSTARTS(STR(?s), "{p}")' for p in PROVENANCE_IRI_PREFIXES) + "))"
#: Keep aside the view triples of graph {g} (a write's outgoing graph).
VIEW_COLLECT = (
    f"INSERT {{{{ GRAPH {SCRATCH_GRAPH} {{{{ ?s ?p ?o }}}} }}}} "
    f"WHERE {{{{ GRAPH {{g}} {{{{ ?s ?p ?o }}}} {NOT_PROVENANCE} }}}}"
)
#: Remove from the view the kept-aside triples that no named graph holds any more.
VIEW_RETRACT_COLLECTED = (
    f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {SCRATCH_GRAPH} {{ ?s ?p ?o }} "
    f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {SCRATCH_GRAPH}) }} }}"
)


def view_lines(ntriples: str) -> str:
    """The lines of an article's N-Triples that belong in the union view: all but its
    provenance (whose subjects are provenance nodes)."""
    if not any(p in ntriples for p in PROVENANCE_LINE_PREFIXES):
        return ntriples if ntriples.endswith("\n") or not ntriples else ntriples + "\n"
    return "".join(line if line.endswith("\n") else line + "\n"
                   for line in ntriples.splitlines(keepends=True) if not is_provenance_line(line))


#: Remove from the union view the triples that graph {g} holds and no other graph does
#: (one graph at a time: the ontology's exact replacement).
VIEW_RETRACT = (
    "DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
    "FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }}"
)
