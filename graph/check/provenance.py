"""Name a node for a human: its label, and the articles (and files) it came from.

Check reports must say *which article* made a mistake, so a researcher can open the
file; every article names the entities it mentions (``schema:mentions``), and its
``kb:sourcePath`` (docs/rdf-model.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from kbgraph.ontology.namespaces import PREFIXES

from kbgraph.graph.store import Store, sparql_asset

__all__ = ["NodeInfo", "describe_node", "short_iri"]


@dataclass(frozen=True)
class NodeInfo:
    """A node's label (Indonesian preferred) and its (article, source file) pairs."""

    node: Node
    label: str | None
    articles: tuple[tuple[URIRef, str | None], ...]

    def article_text(self) -> str:
        """``kbid:article/x (file.txt), …`` or ``no article``."""
        if not self.articles:
            return "no article"
        return ", ".join(f"{short_iri(a)} ({src})" if src else short_iri(a) for a, src in self.articles)

    def name(self) -> str:
        """``Label <kbid:…>`` or just the short IRI."""
        return f"{self.label} <{short_iri(self.node)}>" if self.label else short_iri(self.node)


def describe_node(store: Store, node: Node) -> NodeInfo:
    """Look up ``node``'s label and articles (one query)."""
    if not isinstance(node, URIRef):
        return NodeInfo(node, None, ())
    labels: list[Literal] = []
    articles: dict[URIRef, str | None] = {}
    for label, article, source in store.select(sparql_asset("describe-node"), {"node": node}).rows:
        if isinstance(label, Literal) and label not in labels:
            labels.append(label)
        if isinstance(article, URIRef):
            if articles.get(article) is None:
                articles[article] = str(source) if source is not None else None
    labels.sort(key=lambda lit: (lit.language != "id", lit.language or "", str(lit)))
    return NodeInfo(node, str(labels[0]) if labels else None, tuple(sorted(articles.items())))


def short_iri(term: Node) -> str:
    """A prefixed name when a kbgraph prefix fits (``kbid:person/muslimat``), else the IRI."""
    text = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    return text
