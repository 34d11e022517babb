"""Small helpers: query results as compact tuples of strings for exact comparisons."""

from __future__ import annotations

from rdflib import Literal, URIRef

ID = "https://w3id.org/kbgraph/id/"
KB = "https://w3id.org/kbgraph/ontology#"


def short(term) -> str | None:
    """``org/bkkbn`` for an instance IRI, ``kb:Meeting`` for a kb term, a literal's text."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        s = str(term)
        return s[len(ID):] if s.startswith(ID) else "kb:" + s[len(KB):] if s.startswith(KB) else s
    assert isinstance(term, Literal)
    return str(term)


def table(result) -> list[tuple]:
    return [tuple(short(c) for c in row) for row in result.rows]


def labelled(store, result) -> list[tuple]:
    """Rows with every IRI shown by its rdfs:label (else its short form)."""
    from kbgraph.queries.results import iris_of, lookup_labels

    labels = lookup_labels(store, iris_of(result))
    return [tuple(labels.get(str(c), short(c)) if isinstance(c, URIRef) else short(c) for c in row)
            for row in result.rows]
