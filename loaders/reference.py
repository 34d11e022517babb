"""Reference data from the lexicon: the names an organization or program has held.

What the lexicon knows is not what an article said, so it goes into a graph of its own
(``namespaces.LEXICON_GRAPH``), each statement derived (``prov:wasDerivedFrom``) from
the lexicon row, a ``kb:ReferenceSource`` whose ``dcterms:source`` are what the row
cites (a regulation, a web page). No article is named as the source of a rename.

For a renamed entry (``former_names`` in ``organizations.csv`` / ``programs.csv``):

* ``E kb:nameChange namechange/<slug>``: ``a kb:NameChange ; kb:formerName ;
  kb:newName ; kb:nameValidFrom`` the date as precise as the sources give it
  (``"2019-12"^^xsd:gYearMonth``, ``"2024-10"^^xsd:gYearMonth``, a year as
  ``xsd:gYear``, a day as ``xsd:date``), labelled "old → new" for people;
* ``E kb:hadName name/<slug>`` for every name, the current one too: ``kb:nameText``
  and the period it held, ``kb:validFrom`` / ``kb:validUntil`` (exclusive), open where
  nothing is known. The periods of one entity do not overlap, so the name valid on a
  date is at most one: the record whose bounds hold it, comparing the date's first
  characters with a bound's text ("2019-12-15" is in "2019-12", before "2020").

Same lexicon, same triples.
"""

from __future__ import annotations

from functools import lru_cache

from kbgraph.ontology.lexicon import Entry, Lexicon, load_lexicon
from kbgraph.ontology.namespaces import DCTERMS, KB, PROV, RDF, RDFS, XSD, entity_iri, slugify
from rdflib import Literal, URIRef

from .mapping import Triple, iri_of_key
from .resolve import entity_key

__all__ = ["name_change_iri", "partial_date", "reference_graph_ntriples", "reference_triples"]

_FILES = {"org": "organizations.csv", "program": "programs.csv", "framework": "frameworks.csv"}


def name_change_iri(entity: URIRef, former: str) -> URIRef:
    """``namechange/<entity slug>-<former name slug>``: the rename of ``entity`` from
    ``former`` (the same IRI for the lexicon and for an article that reports it)."""
    return entity_iri("namechange", slugify(f"{entity.rsplit('/', 1)[-1]} {former}"))


def partial_date(text: str) -> Literal:
    """``"2019"`` → xsd:gYear, ``"2019-12"`` → xsd:gYearMonth, ``"2019-12-31"`` → xsd:date."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(text), XSD.date)
    return Literal(text, datatype=datatype)


def reference_triples(lex: Lexicon) -> set[Triple]:
    """The lexicon's reference graph (see the module docstring)."""
    out: set[Triple] = set()
    for entry in lex.entries:
        if entry.former_names:
            _names(out, entry)
    return out


@lru_cache(maxsize=1)
def reference_graph_ntriples() -> str:
    """The shipped lexicon's reference graph as sorted N-Triples lines."""
    lines = {f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in reference_triples(load_lexicon())}
    return "".join(sorted(lines))


def _source(out: set[Triple], entry: Entry) -> URIRef:
    """The lexicon row as a provenance entity citing what the row cites."""
    node = entity_iri("lexicon", slugify(f"{entry.kind} {entry.label}"))
    out.add((node, RDF.type, KB.ReferenceSource))
    out.add((node, RDF.type, PROV.Entity))
    out.add((node, RDFS.label, Literal(f"ontology/lexicon/{_FILES[entry.kind]}: {entry.label}")))
    for cited in entry.name_sources:
        value = URIRef(cited) if cited.startswith(("http://", "https://")) else Literal(cited)
        out.add((node, DCTERMS.source, value))
    return node


def _names(out: set[Triple], entry: Entry) -> None:
    iri = iri_of_key(entity_key(entry.kind, entry.label))
    slug = iri.rsplit("/", 1)[-1]
    source = _source(out, entry)
    changes = sorted(entry.former_names, key=lambda fs: fs[1] or "")
    # names in order: each former name until its change, the current one after the last
    periods: list[tuple[str, str | None, str | None]] = []
    since: str | None = None
    for i, (former, when) in enumerate(changes):
        periods.append((former, since, when))
        new = changes[i + 1][0] if i + 1 < len(changes) else entry.label
        _change(out, iri, source, former, new, when)
        since = when
    periods.append((entry.label, since, None))
    for name, start, until in periods:
        node = entity_iri("name", slugify(f"{slug} {name}"))
        out.add((iri, KB.hadName, node))
        out.add((node, RDF.type, KB.NameInTime))
        out.add((node, KB.nameText, Literal(name, lang="id")))
        if start:
            out.add((node, KB.validFrom, partial_date(start)))
        if until:
            out.add((node, KB.validUntil, partial_date(until)))
        out.add((node, PROV.wasDerivedFrom, source))


def _change(out: set[Triple], iri: URIRef, source: URIRef, former: str, new: str,
            when: str | None) -> None:
    change = name_change_iri(iri, former)
    out.add((iri, KB.nameChange, change))
    out.add((change, RDF.type, KB.NameChange))
    out.add((change, RDFS.label, Literal(f"{former} → {new}", lang="id")))
    out.add((change, KB.formerName, Literal(former)))
    out.add((change, KB.newName, Literal(new)))
    if when:
        out.add((change, KB.nameValidFrom, partial_date(when)))
    out.add((change, PROV.wasDerivedFrom, source))
