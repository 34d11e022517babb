"""RDF terms between rdflib and pyoxigraph, and bindings as a SPARQL ``VALUES`` block.

The store speaks pyoxigraph (fast, Rust) and the rest of kbgraph speaks rdflib; this
module is the one place that converts between the two, so that a literal means the
same thing on both sides (a plain string is ``xsd:string``, as in RDF 1.1).

Bindings for a remote server are sent as a ``VALUES`` block built from each term's
N-Triples form (pyoxigraph escapes it), never by pasting text into a query: a value
such as ``"} ; DROP ALL`` stays one string literal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier, Node

from kbgraph.errors import QueryError
from kbgraph.ontology.namespaces import PREFIXES, RDF, XSD

__all__ = [
    "to_ox", "from_ox", "to_ntriples", "ntriples_of", "values_block", "values_column",
    "inject_values", "inject_block",
    "normalize_bnodes", "short_name",
]

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (raises QueryError on an invalid IRI)."""
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as exc:
            raise QueryError(f"not a valid IRI: <{term}> ({exc})") from None
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != _XSD_STRING:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise QueryError(f"cannot use {term!r} as an RDF term")


def from_ox(term: object) -> Identifier | None:
    """The rdflib term for a pyoxigraph term; ``xsd:string`` becomes a plain literal."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unsupported RDF term {term!r}")


def short_name(iri: URIRef | str) -> str:
    """A prefixed name (``kbid:org/bkkbn``, ``kb:Meeting``) or the IRI itself."""
    s = str(iri)
    best = ""
    for prefix, ns in PREFIXES.items():
        if s.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{s[len(PREFIXES[best]):]}" if best else s


def to_ntriples(term: Node) -> str:
    """N-Triples form of a term, escaped by pyoxigraph (safe to place in SPARQL)."""
    return str(to_ox(term))


def ntriples_of(triples: Iterable[tuple[Node, Node, Node]], bnode_prefix: str = "") -> str:
    """Sorted N-Triples lines for rdflib triples (deterministic, one string).

    ``bnode_prefix`` is put before every blank node label, so that the graphs of two
    articles written in one request cannot share a blank node by sharing a label.
    """
    cache: dict[Node, str] = {}  # an article repeats its subjects and predicates a lot

    def nt(term: Node) -> str:
        text = cache.get(term)
        if text is None:
            if isinstance(term, BNode):
                text = str(ox.BlankNode(bnode_prefix + str(term)))
            else:
                text = to_ntriples(term)
            cache[term] = text
        return text

    lines = {f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in triples}
    return "".join(sorted(lines))


_VAR_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def values_block(bindings: Mapping[str, Node]) -> str:
    """``VALUES (?a ?b) { (<iri> "lit") }`` for one row of bindings."""
    names, cells = [], []
    for name, term in sorted(bindings.items()):
        if not _VAR_NAME.fullmatch(name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if isinstance(term, BNode):
            raise QueryError(f"?{name}: a blank node cannot be bound; use an IRI or a literal")
        names.append("?" + name)
        cells.append(to_ntriples(term))
    return f"VALUES ({' '.join(names)}) {{ ({' '.join(cells)}) }}"


# --- finding where the WHERE clause opens, skipping strings, IRIs and comments ------

_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\n]*)
    | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<name>[?$][A-Za-z0-9_]+|[A-Za-z_]?[A-Za-z0-9_.-]*:[A-Za-z0-9_.%-]*)
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<open>[{(])
    | (?P<close>[})])
    """,
    re.VERBOSE | re.DOTALL,
)


def _where_brace(query: str) -> int | None:
    """Index just after the ``{`` that opens the top-level WHERE group, or None.

    For SELECT/ASK/DESCRIBE that is the first top-level ``{`` (``WHERE`` is optional);
    for CONSTRUCT the first top-level ``{`` after the keyword ``WHERE``, except in the
    short form ``CONSTRUCT WHERE { … }``, where the group is also the template.
    """
    form: str | None = None
    seen_where = False
    short_construct = False
    depth = 0
    last_word: str | None = None
    for m in _TOKEN.finditer(query):
        kind = m.lastgroup
        if kind in ("comment", "string", "iri"):
            continue
        if kind == "name":  # a variable or prefixed name, never a keyword
            last_word = None
            continue
        if kind == "word":
            word = m.group().upper()
            if depth == 0:
                if form is None and word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                    form = word
                elif word == "WHERE":
                    seen_where = True
                    if form == "CONSTRUCT" and last_word == "CONSTRUCT":
                        short_construct = True
            last_word = word
            continue
        if kind == "open":
            if m.group() == "{" and depth == 0 and form is not None:
                if form != "CONSTRUCT" or (seen_where and not short_construct):
                    return m.end()
                if short_construct:
                    return None
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
        last_word = None
    return None


def inject_values(query: str, bindings: Mapping[str, Node]) -> str:
    """The query with a VALUES block for ``bindings`` at the start of its WHERE group.

    A VALUES block placed there is joined with the whole group, so the bound variables
    are in scope for every pattern and FILTER of it (a trailing VALUES clause would be
    joined only after GROUP BY). Where no such group exists (``CONSTRUCT WHERE``), the
    block is appended as the query's trailing VALUES clause.
    """
    if not bindings:
        return query
    return inject_block(query, values_block(bindings))


#: What an empty VALUES column holds instead of no row: an IRI no graph uses, so the
#: query has no solution. ``VALUES ?x { }`` is valid SPARQL, but rdflib 7 fails on it.
NO_MATCH = URIRef("urn:x-kbgraph:no-match")


def values_column(name: str, terms: Iterable[Node]) -> str:
    """``VALUES ?name { <a> <b> }``: one variable, one row per term (no term: the query
    has no solution)."""
    if not _VAR_NAME.fullmatch(name):
        raise QueryError(f"not a SPARQL variable name: {name!r}")
    cells = []
    for term in terms:
        if isinstance(term, BNode):
            raise QueryError(f"?{name}: a blank node cannot be bound; use an IRI or a literal")
        cells.append(to_ntriples(term))
    return f"VALUES ?{name} {{ {' '.join(cells) or to_ntriples(NO_MATCH)} }}"


def inject_block(query: str, block: str) -> str:
    """The query with ``block`` (a VALUES block) at the start of its WHERE group; see
    :func:`inject_values`."""
    pos = _where_brace(query)
    if pos is None:
        return f"{query.rstrip()}\n{block}\n"
    return f"{query[:pos]} {block} {query[pos:]}"


_BNODE_LABEL = re.compile(r"_:[A-Za-z0-9_\-.]+")


def normalize_bnodes(ntriples: str) -> list[str]:
    """Sorted N-Triples/N-Quads lines with every blank node label replaced by ``_:b``.

    Two stores loaded from the same input hold the same triples but may name blank nodes
    differently; this makes them comparable (the ontology is the only graph kbgraph
    writes with blank nodes, and its shape is fixed).
    """
    lines = (_BNODE_LABEL.sub("_:b", line) for line in ntriples.splitlines() if line.strip())
    return sorted(lines)
