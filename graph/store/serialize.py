"""RDF text: N-Triples, N-Quads, Turtle, TriG, JSON-LD — one writer for each syntax.

:meth:`Store.dump <kbgraph.graph.store.base.Store.dump>` and ``kbgraph export`` (whose
table names these functions) both write through them, so a store dumped as Turtle and
a Turtle export are written the same way. Each takes quads (rdflib terms, the graph
None for the default graph; :func:`kbgraph.graph.export.select_quads` gives them
sorted with canonical blank nodes) and returns bytes. N-Triples/N-Quads are escaped by
pyoxigraph (control characters as ``\\uXXXX``) and sorted line by line; Turtle and TriG
come from rdflib's serializers, which sort subjects, predicates and objects; JSON-LD is
rdflib's conversion with sorted keys and arrays (rdflib walks a set of subjects, whose
order changes from run to run).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from kbgraph.ontology.namespaces import PREFIXES, bind_prefixes
from rdflib import Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.jsonld import from_rdf
from rdflib.plugins.serializers.trig import TrigSerializer

from .terms import ntriples_of, to_ntriples

__all__ = ["to_dataset", "write_jsonld", "write_nquads", "write_ntriples", "write_trig", "write_turtle"]

Quads = Sequence[tuple[Any, Any, Any, URIRef | None]]


def write_ntriples(quads: Quads) -> bytes:
    """The union of all graphs as sorted, deduplicated N-Triples."""
    return ntriples_of((s, p, o) for s, p, o, _ in quads).encode("utf-8")


def write_nquads(quads: Quads) -> bytes:
    """Sorted N-Quads; default-graph triples are written without a graph name."""
    lines = set()
    for s, p, o, g in quads:
        terms = [to_ntriples(s), to_ntriples(p), to_ntriples(o)]
        if g is not None:
            terms.append(to_ntriples(g))
        lines.add(" ".join(terms) + " .\n")
    return "".join(sorted(lines)).encode("utf-8")


def write_turtle(quads: Quads) -> bytes:
    """The union of all graphs as Turtle with the project's prefixes."""
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    return graph.serialize(format="turtle", encoding="utf-8")


def to_dataset(quads: Quads) -> Dataset:
    """An rdflib Dataset holding the quads, with the project's prefixes bound."""
    ds = Dataset()
    bind_prefixes(ds)
    for s, p, o, g in quads:
        ds.add((s, p, o, g if g is not None else DATASET_DEFAULT_GRAPH_ID))
    return ds


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer with the graphs in IRI order (it takes them from a set).

    The order matters beyond the blocks themselves: subjects inside a graph are ordered
    by how often they are referenced so far, counted graph by graph.
    """

    def __init__(self, store: Dataset):
        super().__init__(store)
        self.contexts.sort(key=lambda c: (c.identifier != self.default_context, str(c.identifier)))


def write_trig(quads: Quads) -> bytes:
    """TriG: one block per named graph, sorted by graph name."""
    buf = io.BytesIO()
    _SortedTrigSerializer(to_dataset(quads)).serialize(buf, encoding="utf-8")
    return buf.getvalue()


def write_jsonld(quads: Quads) -> bytes:
    """JSON-LD with a compact ``@context`` of the project's prefixes; named graphs kept."""
    doc = from_rdf(to_dataset(quads), context_data=dict(PREFIXES))
    return (json.dumps(_sorted_json(doc), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _json_key(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _sorted_json(value: Any, ordered: bool = False) -> Any:
    """Sort every JSON-LD array by its items' JSON text, except ``@list`` (ordered) ones."""
    if isinstance(value, dict):
        return {k: _sorted_json(v, ordered=(k == "@list")) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return items if ordered else sorted(items, key=_json_key)
    return value
