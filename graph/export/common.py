"""What the export writers share: the quad type, canonical blank nodes, XML-safe text.

Kept apart from :mod:`kbgraph.graph.export` (the format table) so that the writer
modules can use it without importing the table that imports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

__all__ = ["Quad", "canonical_quads", "xml_safe"]

#: A quad as the writers get it: rdflib terms, ``g`` None for the default graph.
Quad = tuple[Node, Node, Node, URIRef | None]


def _sort_key(q: Quad) -> tuple[str, str, str, str]:
    s, p, o, g = q
    return ("" if g is None else g.n3(), s.n3(), p.n3(), o.n3())


def canonical_quads(quads: Iterable[Quad]) -> list[Quad]:
    """Quads with canonical blank node labels (per graph), deduplicated and sorted.

    Only the triples that touch a blank node are relabelled (a blank node's canonical
    label depends only on those), so this stays cheap on a large graph whose only blank
    nodes are the ontology's few lists. Same input, same labels, in every run.
    """
    plain: set[Quad] = set()
    with_bnodes: dict[URIRef | None, Graph] = {}
    for q in quads:
        s, p, o, g = q
        if isinstance(s, BNode) or isinstance(o, BNode):
            with_bnodes.setdefault(g, Graph()).add((s, p, o))
        else:
            plain.add(q)
    for g, triples in with_bnodes.items():
        plain.update((s, p, o, g) for s, p, o in to_canonical_graph(triples))
    return sorted(plain, key=_sort_key)


# Characters XML 1.0 cannot carry at all, not even as character references.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 forbids replaced by U+FFFD.

    XML formats (RDF/XML, GraphML, GEXF) cannot hold C0 control characters other than
    tab, newline and carriage return; an article that contains one must not make the
    whole export unreadable. Everything else passes unchanged.
    """
    return _NOT_XML.sub("\ufffd", text)
