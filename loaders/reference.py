"""Reference data from the lexicon: the names an organization or program has held, and
what the lexicon knows of its entities (parent bodies, government levels, Wikidata IDs).

What the lexicon knows is not what an article said, so it goes into a graph of its own
(``namespaces.LEXICON_GRAPH``), each statement derived (``prov:wasDerivedFrom``) from
the lexicon row, a ``kb:ReferenceSource`` whose ``dcterms:source`` are what the row
cites (a regulation, a web page). No article is named as the source of a rename, nor of
a Wikidata ID, a government level or a parent that it does not itself state: an article
graph holds such a fact only with a sentence that names both ends
(:func:`as_the_article_states_it`, applied before mapping).

For every entry and place the lexicon describes (``E prov:wasDerivedFrom`` its row, for a
place its file; no types or labels here, so that an entity no article names stays out of
the tables):

* ``E kb:wikidataId "Q…" ; schema:sameAs wd:Q…`` (organizations, programs, frameworks,
  provinces, cities and regencies with a Wikidata ID);
* ``E kb:governmentLevel kb:Level…`` (an organization's ``level``);
* ``E org:subOrganizationOf P`` (an organization's ``parent``), ``E kb:partOfProgram P``
  (a program's ``parent``);
* ``E kb:kemendagriCode "61.71"`` (a city's or regency's code);
* ``E skos:altLabel "…"@id ; kb:abbreviation "…"`` (the row's aliases, former names and
  abbreviation, as the resolver gives them to the entity: ``canonical.Resolver``). An
  article graph keeps only the names the lexicon does not know, and former names; the
  names it wrote are its mentions (issue 18: an article's graph no longer repeats the
  lexicon's aliases).

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

from dataclasses import replace
from functools import lru_cache

from kbgraph.ontology.lexicon import Entry, Lexicon, load_lexicon
from kbgraph.ontology.namespaces import (
    DCTERMS,
    KB,
    ORG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WD,
    XSD,
    entity_iri,
    slugify,
)
from rdflib import Literal, URIRef

from .mapping import Triple, iri_of_key
from .canonical import LEVELS, Resolver, entity_key
from .model import Entity, EntityRef, Extraction, Fact

__all__ = ["as_the_article_states_it", "name_change_iri", "partial_date", "reference_graph_ntriples",
           "reference_triples"]

_FILES = {"org": "organizations.csv", "program": "programs.csv", "framework": "frameworks.csv",
          "province": "provinces.csv", "regency": "regencies.csv"}
#: The relation of an entry to its ``parent``, by kind.
_PARENT = {"org": ORG.subOrganizationOf, "program": KB.partOfProgram}


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
    resolver = Resolver(lex)
    for entry in lex.entries:
        if entry.former_names:
            _names(out, entry)
        _knowledge(out, entry, resolver.entry_entity(entry))
    for province in lex.provinces:
        _described(out, "province", province.label, wikidata=province.wikidata,
                   facts=_name_facts(resolver.province_entity(province)))
    for regency in lex.regencies:
        code = [(KB.kemendagriCode, Literal(regency.kemendagri))] if regency.kemendagri else []
        _described(out, "regency", regency.label, wikidata=regency.wikidata,
                   facts=code + _name_facts(resolver.regency_entity(regency)))
    return out


def _knowledge(out: set[Triple], entry: Entry, entity: Entity) -> None:
    """The entry's Wikidata ID, government level, parent and names, if it has any."""
    facts: list[tuple[URIRef, URIRef | Literal]] = []
    if entry.level in LEVELS and entry.kind == "org":
        facts.append((KB.governmentLevel, LEVELS[entry.level]))
    if entry.parent and entry.kind in _PARENT:
        facts.append((_PARENT[entry.kind], iri_of_key(entity_key(entry.kind, entry.parent))))
    facts += _name_facts(entity)
    _described(out, entry.kind, entry.label, wikidata=entry.wikidata, facts=facts, entry=entry)


def _name_facts(entity: Entity) -> list[tuple[URIRef, Literal]]:
    """The names besides its label that the mapping would give the entity (its aliases,
    former names and abbreviation): the lexicon's, so they live in its graph."""
    facts: list[tuple[URIRef, Literal]] = [
        (SKOS.altLabel, Literal(name, lang="id"))
        for name in (*entity.aliases, *(former for former, _ in entity.former_names))
        if name and name != entity.label]
    if entity.abbreviation:
        facts.append((KB.abbreviation, Literal(entity.abbreviation)))
    return facts


def _described(out: set[Triple], kind: str, label: str, *, wikidata: str | None,
               facts: list[tuple[URIRef, URIRef | Literal]] = (), entry: Entry | None = None,
               ) -> None:
    """``facts`` (and the Wikidata ID) of one lexicon row's entity, derived from the row."""
    facts = list(facts)
    if wikidata:
        facts += [(KB.wikidataId, Literal(wikidata)), (SCHEMA.sameAs, WD[wikidata])]
    if not facts:
        return
    iri = iri_of_key(entity_key("place" if kind in ("province", "regency") else kind, label))
    for predicate, obj in facts:
        out.add((iri, predicate, obj))
    # a place's row is found by its label: the file is its source (one node, not 548)
    out.add((iri, PROV.wasDerivedFrom, _source(out, entry) if entry else _row(out, kind, None)))


@lru_cache(maxsize=1)
def _shipped() -> frozenset[Triple]:
    return frozenset(reference_triples(load_lexicon()))


def as_the_article_states_it(extraction: Extraction) -> Extraction:
    """The extraction without the lexicon's knowledge the article does not state.

    A fact that is reference data (in :func:`reference_triples`: a parent, a government
    level, a code) stays only where its evidence sentence names both its ends (a program
    and the program it is part of, in one sentence); a level or a code, which no sentence
    states, is left to the lexicon graph, and so is every Wikidata ID. A rename the
    article reports (``loaders/renames.py``) stays: its sentence says it.
    """
    known = _shipped()
    sentences = {s.index: s for s in extraction.sentences}
    facts = [f for f in extraction.facts
             if f.predicate == KB.nameChange or _triple(f) not in known
             or _names_both(extraction, f, sentences.get(f.evidence.sentence))]
    entities = {k: _unknown_names(e, known) for k, e in extraction.entities.items()}
    return replace(extraction, facts=facts, entities=entities)


def _unknown_names(entity: Entity, known: frozenset[Triple]) -> Entity:
    """The entity without its Wikidata ID and without the names the lexicon graph holds,
    but for its former names: an article of 2019 calls BKKBN by the name it had then."""
    try:
        iri = iri_of_key(entity.key)
    except ValueError:
        return entity
    def new(name: str | None) -> bool:
        return bool(name) and (iri, SKOS.altLabel, Literal(name, lang="id")) not in known
    abbreviation = entity.abbreviation
    if abbreviation and (iri, KB.abbreviation, Literal(abbreviation)) in known:
        abbreviation = None
    return replace(entity, wikidata=None, aliases=[a for a in entity.aliases if new(a)],
                   name_as_written=entity.name_as_written if new(entity.name_as_written) else None,
                   abbreviation=abbreviation)


def _triple(fact: Fact) -> Triple | None:
    """The fact as the triple the mapping writes, for the kinds reference data has."""
    try:
        subject = iri_of_key(fact.subject)
        if isinstance(fact.obj, EntityRef):
            return subject, fact.predicate, iri_of_key(fact.obj.key)
    except ValueError:
        return None
    if isinstance(fact.obj, URIRef):
        return subject, fact.predicate, fact.obj
    if isinstance(fact.obj, str) and fact.datatype is None:
        return subject, fact.predicate, Literal(fact.obj)
    return None


def _names_both(extraction: Extraction, fact: Fact, sentence) -> bool:
    """Whether the fact's evidence sentence mentions its subject and its (entity) object."""
    if sentence is None or not isinstance(fact.obj, EntityRef):
        return False
    ends = [extraction.entities.get(fact.subject), extraction.entities.get(fact.obj.key)]
    return all(e is not None and any(sentence.start <= m.span.start and m.span.end <= sentence.end
                                     for m in e.mentions) for e in ends)


@lru_cache(maxsize=1)
def reference_graph_ntriples() -> str:
    """The shipped lexicon's reference graph as sorted N-Triples lines."""
    lines = {f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in reference_triples(load_lexicon())}
    return "".join(sorted(lines))


def _row(out: set[Triple], kind: str, label: str | None) -> URIRef:
    """The lexicon row ``kind``/``label`` (None: the whole file) as a provenance entity."""
    node = entity_iri("lexicon", slugify(f"{kind} {label}" if label else _FILES[kind]))
    out.add((node, RDF.type, KB.ReferenceSource))
    out.add((node, RDF.type, PROV.Entity))
    name = f"ontology/lexicon/{_FILES[kind]}"
    out.add((node, RDFS.label, Literal(f"{name}: {label}" if label else name)))
    return node


def _source(out: set[Triple], entry: Entry) -> URIRef:
    """The lexicon row of an entry, citing what the row cites."""
    node = _row(out, entry.kind, entry.label)
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
