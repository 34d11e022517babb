"""Query results for people and for programs: a terminal table, CSV, TSV, JSON, XML, Turtle.

The machine formats follow the W3C SPARQL 1.1 Query Results specifications, so that
what ``kbgraph query --format json`` prints and what ``kbgraph serve`` sends are the same
documents any SPARQL tool reads: JSON and XML keep every term's kind, datatype and
language; CSV holds plain values (IRIs in full); TSV writes terms in N-Triples syntax.
The terminal table is for reading: IRIs are shown by their ``rdfs:label`` (looked up in
the store) or else as a prefixed name, and wide columns fold instead of being cut.

A SELECT's rows are a :class:`kbgraph.graph.store.Result` (the one result type): ``.rows``, ``.to_dicts()``, ``.to_dataframe()`` and an HTML table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Identifier

from kbgraph.errors import QueryError
from kbgraph.graph.store.terms import short_name, to_ntriples
from kbgraph.ontology.namespaces import RDF, XSD
from kbgraph.ontology.safe_text import csv_cell, terminal_text

__all__ = [
    "FORMATS", "format_result", "to_json", "to_xml", "to_csv", "to_tsv",
    "to_table", "boolean_json", "boolean_xml", "lookup_labels",
]

#: Formats of ``kbgraph query --format``.
FORMATS = ("table", "csv", "tsv", "json", "ttl")
_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
_LABELS_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?s (MIN(?l) AS ?label) WHERE {
  VALUES ?s { %s }
  ?s rdfs:label ?l .
  FILTER(LANG(?l) = "id" || LANG(?l) = "")
} GROUP BY ?s
"""


def _plain(term: Identifier | None) -> str:
    return "" if term is None else str(term)


def lookup_labels(store: Any, iris: Iterable[URIRef]) -> dict[str, str]:
    """``rdfs:label`` (Indonesian or untagged) of each IRI that has one, in one query."""
    unique = sorted({str(i) for i in iris})
    labels: dict[str, str] = {}
    for start in range(0, len(unique), 500):
        chunk = " ".join(to_ntriples(URIRef(i)) for i in unique[start:start + 500])
        for s, label in store.select(_LABELS_QUERY % chunk).rows:
            if s is not None and label is not None:
                labels[str(s)] = str(label)
    return labels


def iris_of(result: Any) -> list[URIRef]:
    """Every IRI in the cells of a SELECT result."""
    return [c for row in result.rows for c in row if isinstance(c, URIRef)]


def to_table(variables: Sequence[str], rows: Sequence[Sequence[Identifier | None]],
             labels: Mapping[str, str] | None = None, width: int | None = None,
             title: str | None = None) -> str:
    """A rich table as text: IRIs as labels or prefixed names, wide columns folded."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    labels = labels or {}
    table = Table(title=title, show_lines=False, expand=False)
    for v in variables:
        table.add_column(v, overflow="fold")
    for row in rows:
        cells = []
        for cell in row:  # article text: control characters shown, never obeyed
            if isinstance(cell, URIRef):
                cells.append(Text(terminal_text(labels.get(str(cell)) or short_name(cell))))
            else:
                cells.append(Text(terminal_text(_plain(cell))))
        table.add_row(*cells)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width or _terminal_width(), force_terminal=False,
                      color_system=None, highlight=False, soft_wrap=False)
    console.print(table)
    console.print(f"{len(rows)} rows", highlight=False)
    return buffer.getvalue()


def _terminal_width() -> int:
    import shutil

    return max(60, shutil.get_terminal_size((160, 24)).columns)


def _term_json(term: Identifier) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        out["datatype"] = str(term.datatype)
    return out


def to_json(variables: Sequence[str], rows: Sequence[Sequence[Identifier | None]]) -> str:
    """SPARQL 1.1 Query Results JSON."""
    bindings = [
        {v: _term_json(c) for v, c in zip(variables, row) if c is not None} for row in rows
    ]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def boolean_json(value: bool) -> str:
    """SPARQL 1.1 Query Results JSON for an ASK."""
    return json.dumps({"head": {}, "boolean": bool(value)}) + "\n"


def _term_xml(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return f"<uri>{xml_escape(str(term))}</uri>"
    if isinstance(term, BNode):
        return f"<bnode>{xml_escape(str(term))}</bnode>"
    assert isinstance(term, Literal)
    attr = ""
    if term.language:
        attr = f" xml:lang={quoteattr(term.language)}"
    elif term.datatype is not None and str(term.datatype) != _XSD_STRING:
        attr = f" datatype={quoteattr(str(term.datatype))}"
    return f"<literal{attr}>{xml_escape(str(term))}</literal>"


_XML_HEAD = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'


def to_xml(variables: Sequence[str], rows: Sequence[Sequence[Identifier | None]]) -> str:
    """SPARQL Query Results XML."""
    out = [_XML_HEAD, "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head>\n<results>\n")
    for row in rows:
        out.append("<result>")
        for v, c in zip(variables, row):
            if c is not None:
                out.append(f"<binding name={quoteattr(v)}>{_term_xml(c)}</binding>")
        out.append("</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out)


def boolean_xml(value: bool) -> str:
    """SPARQL Query Results XML for an ASK."""
    return f"{_XML_HEAD}<head/>\n<boolean>{'true' if value else 'false'}</boolean>\n</sparql>\n"


def to_csv(variables: Sequence[str], rows: Sequence[Sequence[Identifier | None]]) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, IRIs in full, CRLF line ends.

    A value a spreadsheet would run as a formula (a title starting with ``=``, ``+``,
    ``-`` or ``@``) gets a leading ``'`` (:func:`kbgraph.ontology.safe_text.csv_cell`);
    numbers, IRIs and dates never start that way and are written as they are.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow([csv_cell(_plain(c)) for c in row])
    return buffer.getvalue()


def _term_tsv(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and not term.language and (
            term.datatype is None or str(term.datatype) == _XSD_STRING):
        text = str(term)
        for a, b in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(a, b)
        return f'"{text}"'
    return to_ntriples(term)


def to_tsv(variables: Sequence[str], rows: Sequence[Sequence[Identifier | None]]) -> str:
    """SPARQL 1.1 Query Results TSV: terms in N-Triples syntax (``<iri>``, ``"text"@id``)."""
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_term_tsv(c) for c in row) for row in rows]
    return "\n".join(lines) + "\n"


def format_result(result: Any, fmt: str, *, store: Any = None, title: str | None = None,
                  width: int | None = None) -> str:
    """Text of a query result (a Result, an rdflib Graph or a bool) in ``fmt``."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if isinstance(result, bool):
        if fmt == "json":
            return boolean_json(result)
        return ("true" if result else "false") + "\n"
    if isinstance(result, Graph):
        if fmt not in ("ttl", "table"):
            raise QueryError(f"a CONSTRUCT/DESCRIBE result is a graph: use --format ttl, not {fmt}")
        from kbgraph.ontology.namespaces import bind_prefixes

        bind_prefixes(result)
        return result.serialize(format="turtle")
    variables, rows = list(result.variables), list(result.rows)
    if fmt == "table":
        labels = dict(getattr(result, "labels", {}) or {})
        if store is not None and not labels:
            labels = lookup_labels(store, iris_of(result))
        return to_table(variables, rows, labels, width=width, title=title)
    if fmt == "csv":
        return to_csv(variables, rows)
    if fmt == "tsv":
        return to_tsv(variables, rows)
    if fmt == "json":
        return to_json(variables, rows)
    raise QueryError("--format ttl is for CONSTRUCT and DESCRIBE queries; "
                     "a SELECT gives table, csv, tsv or json")
