"""One :class:`~kbgraph.loaders.model.Extraction` → one named graph of RDF.

The shape is the contract in ``docs/rdf-model.md``; this module is its only writer.
Why it looks the way it does:

* **Self-contained article graphs.** The graph (identifier
  ``namespaces.article_graph(article.id)``) holds the article's metadata, the full
  description of every entity it mentions (types, labels, ids), its facts, evidence,
  mentions and statements. Replacing or dropping the graph replaces or removes the
  article, and the union of graphs stays consistent.
* **No blank nodes, deterministic IRIs.** Entities: ``namespaces.entity_iri(kind,
  slug)`` from the entity key. Annotations: ``mention/<article>-<start>-<end>``,
  ``statement/<article>-<start>``, ``evidence/<article>-<hash of triple and span>``.
  Evidence points at the sentence's ``passage/<article>-<start>-<end>``, stored once
  however many facts it supports. Same extraction → same triples.
* **Compact provenance** (issue 18): a sentence is its source, index, start, end and
  text; an evidence node its type, subject, predicate, object and sentence; a mention
  its type, body, source, start, end and surface form; a statement keeps its words
  once (``schema:text``) with their offsets. 84% of an article's quads used to be
  provenance (Web Annotation targets with two selectors each); the exports can expand
  the compact form back to full selectors (:func:`expand_selectors`).
* **N-Triples text straight away.** A build writes text: :func:`to_ntriples` formats
  every term itself (literals escaped by pyoxigraph, cached) instead of making rdflib
  terms and serialising them; :func:`to_graph` parses that text for those who want a
  Graph, so there is one writer.
* **Types without inference.** Each entity gets its own types, their superclasses in
  the ontology up to its kind's top class (so a ``kb:RepresentativeOffice`` is also an
  ``org:OrganizationalUnit`` and an ``org:Organization``), and the top class itself.
* **Every fact twice:** as the triple itself, and as a ``kb:Evidence`` node that
  reifies it (``rdf:subject/predicate/object``) and points at the *sentence* it was
  read from (``oa:hasTarget``: a ``kb:Sentence`` with ``oa:start``/``oa:end`` offsets
  into ``Article.text`` and its text as ``oa:exact``).

Conventions the extraction follows (decided here):

* **Framework periods.** A fact ``Fact(subject="framework/rpjmn-2015-2019",
  predicate=KB.period, obj="2015/2019")`` — the object a string ``"YYYY/YYYY"`` (also
  ``"YYYY-YYYY"``, or one year ``"YYYY"``/an int for a one-year period) — becomes
  ``S kb:period S/period``; ``S/period a time:Interval ; time:hasBeginning
  S/period/start ; time:hasEnd S/period/end``; each end ``a time:Instant ;
  time:inXSDgYear "2015"^^xsd:gYear``. Its evidence reifies ``S kb:period S/period``.
* **Literals.** ``str`` → plain literal; ``int`` → ``xsd:integer`` (participantCount,
  durationDays, priorityNumber); ``datetime.date`` → ``xsd:date``; ``Fact.datatype``
  forces a type (``XSD.gYear`` for years: ``Fact(..., KB.regulationYear, 2021,
  datatype=XSD.gYear)`` → ``"2021"^^xsd:gYear``).
* **Publisher.** ``Article.publisher`` (front matter, HTML site name), else the
  copyright footer's (``CleanText.publisher``) becomes ``schema:publisher`` → an
  ``org/<slug>`` entity of class ``kb:NewsPublisher``.
* **Dateline.** ``schema:locationCreated`` only when ``CleanText.dateline_place``
  names a place entity of the extraction (by label, alias or mention, ignoring case
  and a leading Kota/Kabupaten/Provinsi).
* **Name changes.** A former name (``Entity.former_names``) is a ``skos:altLabel`` here;
  the rename itself and the names in time are reference data, written from the lexicon
  into a graph of their own (``loaders/reference.py``). An article is a source of a rename
  only where a sentence of it reports the change: a fact ``E kb:nameChange C``
  (``loaders/renames.py``) mapped like any other, with that sentence as its evidence.
* **Reference data.** The pipeline maps ``reference.as_the_article_states_it(extraction)``:
  the lexicon's levels, codes and parents only where a sentence names both ends, and no
  Wikidata ID (the lexicon graph holds them); given one, this module still writes it.

Facts or statements that point at an entity key the extraction does not describe are
skipped with a logged warning: an article graph never refers to an undescribed entity.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import cache, lru_cache

import pyoxigraph as ox
from kbgraph.ontology import ONTOLOGY_TTL
from kbgraph.ontology.namespaces import (
    DCTERMS,
    FOAF,
    KB,
    OA,
    ORG,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    WD,
    XSD,
    article_graph,
    bind_prefixes,
    entity_iri,
    short_hash,
    slugify,
)
from rdflib import Graph, Literal, URIRef

from .model import (
    Article,
    Entity,
    EntityRef,
    Extraction,
    Fact,
    Sentence,
    Span,
    Statement,
)

__all__ = ["TOP_CLASS", "article_iri", "iri_of_key", "period_years", "to_graph", "to_ntriples", "to_triples"]

log = logging.getLogger(__name__)

#: The top class every entity of a kind also gets (docs/rdf-model.md, Instances).
TOP_CLASS: dict[str, URIRef] = {
    "org": ORG.Organization,
    "person": FOAF.Person,
    "post": ORG.Post,
    "place": SCHEMA.Place,
    "event": KB.Meeting,
    "program": KB.Program,
    "framework": KB.PolicyFramework,
}
_QID = re.compile(r"^Q[1-9][0-9]*$")
_PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[/\-–—]\s*(\d{4}))?\s*$")
_PLACE_PREFIX = re.compile(r"^(?:kota|kabupaten|kab\.|provinsi|desa|kecamatan)\s+", re.IGNORECASE)


def article_iri(article: Article) -> URIRef:
    """``kbid:article/<id>``."""
    return entity_iri("article", article.id)


def iri_of_key(key: str) -> URIRef:
    """The IRI of an entity key ``"<kind>/<slug>"`` (raises ValueError if malformed)."""
    kind, _, slug = key.partition("/")
    return entity_iri(kind, slug)


Triple = tuple[URIRef, URIRef, URIRef | Literal]


# --------------------------------------------------------------------------- N-Triples terms

def _n(iri: str) -> str:
    """An IRI as an N-Triples term (kbgraph's IRIs: checked slugs, ontology terms)."""
    return f"<{iri}>"


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    return str(ox.Literal(text))


@lru_cache(maxsize=65536)
def _lang(text: str, lang: str) -> str:
    return str(ox.Literal(text, language=lang))


@lru_cache(maxsize=4096)
def _typed(lexical: str, datatype: str) -> str:
    return str(ox.Literal(lexical, datatype=ox.NamedNode(datatype)))


def _int(value: int) -> str:
    return f'"{value}"^^<{XSD.integer}>'


def _date(value: dt.date) -> str:
    return f'"{value.isoformat()}"^^<{XSD.date}>'


_TYPE, _LABEL, _PREF, _ALT = _n(RDF.type), _n(RDFS.label), _n(SKOS.prefLabel), _n(SKOS.altLabel)
_DERIVED = _n(PROV.wasDerivedFrom)
_HAS_SOURCE, _START, _END, _EXACT = _n(OA.hasSource), _n(OA.start), _n(OA.end), _n(OA.exact)


class _Lines:
    """N-Triples lines of one article (a set: the mapping may say a triple twice)."""

    __slots__ = ("lines",)

    def __init__(self) -> None:
        self.lines: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        """Add ``s p o`` (N-Triples terms)."""
        self.lines.add(f"{s} {p} {o} .\n")

    def text(self) -> str:
        return "".join(sorted(self.lines))


def to_ntriples(extraction: Extraction) -> str:
    """The article's named graph as sorted N-Triples text (what a build writes)."""
    article = extraction.article
    g = _Lines()
    art = _n(article_iri(article))
    known: dict[str, URIRef] = {}
    for key in sorted(extraction.entities):
        try:
            known[key] = iri_of_key(key)
        except ValueError as exc:
            log.warning("%s: entity %r skipped: %s", article.source, key, exc)

    _article_metadata(g, art, extraction)
    for key, iri in known.items():
        _entity(g, art, iri, extraction.entities[key])
    _mentions(g, art, article, extraction, known)
    sentences = {s.index: s for s in extraction.sentences}
    for fact in extraction.facts:
        _fact(g, art, article, fact, known, sentences)
    used: set[URIRef] = set()
    for statement in extraction.statements:
        _statement(g, art, article, statement, known, used)
    return g.text()


def to_graph(extraction: Extraction) -> Graph:
    """The article's named graph as an rdflib Graph (parsed from :func:`to_ntriples`)."""
    g = Graph(identifier=article_graph(extraction.article.id))
    bind_prefixes(g)
    g.parse(data=to_ntriples(extraction), format="nt")
    return g


def to_triples(extraction: Extraction) -> set[Triple]:
    """The triples of :func:`to_graph` as a set of rdflib terms."""
    return set(to_graph(extraction))


# --------------------------------------------------------------------------- article

def _article_metadata(g: _Lines, art: str, extraction: Extraction) -> None:
    article = extraction.article
    clean = extraction.clean
    g.add(art, _TYPE, _n(SCHEMA.NewsArticle))
    g.add(art, _n(DCTERMS.identifier), _plain(article.id))
    g.add(art, _n(DCTERMS.language), _plain("id"))
    g.add(art, _n(KB.sourcePath), _plain(article.source))
    if article.content_hash:
        g.add(art, _n(KB.contentHash), _plain(article.content_hash))
    if article.title:
        g.add(art, _n(DCTERMS.title), _plain(article.title))
    if article.published:
        g.add(art, _n(SCHEMA.datePublished), _date(article.published))
    elif article.published_raw:
        g.add(art, _n(KB.publishedText), _plain(article.published_raw))
    if article.url:
        g.add(art, _n(SCHEMA.url), _plain(article.url))
    source = dict(article.meta).get("source")
    if source:
        g.add(art, _n(DCTERMS.source), _plain(source))
    publisher = article.publisher or (clean.publisher if clean else None)
    if publisher and publisher.strip():
        _publisher(g, art, " ".join(publisher.split()), extraction)
    else:  # the outlet the dateline or the body names ("PONTIANAK (ANTARA) -")
        outlet = _named_outlet(extraction)
        if outlet is not None:
            g.add(art, _n(SCHEMA.publisher), _n(iri_of_key(outlet)))
    if clean and clean.copyright_year:
        g.add(art, _n(SCHEMA.copyrightYear), _int(clean.copyright_year))
    if clean and clean.dateline_place:
        place = _dateline_entity(clean.dateline_place, extraction)
        if place:
            g.add(art, _n(SCHEMA.locationCreated), _n(iri_of_key(place)))


def _publisher(g: _Lines, art: str, name: str, extraction: Extraction) -> None:
    """The publisher: an org entity of class kb:NewsPublisher, the outlet the name stands
    for (a regional desk is part of its outlet: ``Resolver.outlet``)."""
    from .canonical import get_resolver

    resolver = get_resolver()
    entities = resolver.outlet(name)
    for entity in entities:
        iri = _n(iri_of_key(entity.key))
        g.add(iri, _TYPE, _n(KB.NewsPublisher))
        g.add(iri, _TYPE, _n(ORG.Organization))
        if entity.key not in extraction.entities:  # else described with the other entities
            g.add(iri, _LABEL, _lang(entity.label, "id"))
            g.add(iri, _PREF, _lang(entity.label, "id"))
            if resolver.entry(f"org:{entity.label}") is None:  # else the lexicon graph has them
                for alias in entity.aliases:
                    g.add(iri, _ALT, _lang(alias, "id"))
            g.add(iri, _DERIVED, art)  # named by the article's metadata, not its text
    g.add(art, _n(SCHEMA.publisher), _n(iri_of_key(entities[0].key)))
    if len(entities) == 2:  # a desk, part of its outlet
        g.add(_n(iri_of_key(entities[0].key)), _n(ORG.subOrganizationOf), _n(iri_of_key(entities[1].key)))


def _named_outlet(extraction: Extraction) -> str | None:
    """The key of the news outlet the article names first (its dateline, its body)."""
    first: tuple[int, str] | None = None
    for key, entity in extraction.entities.items():
        if entity.types and entity.types[0] == KB.NewsPublisher and entity.mentions:
            at = min(m.span.start for m in entity.mentions)
            if first is None or (at, key) < first:
                first = (at, key)
    return first[1] if first else None


def _dateline_entity(place: str, extraction: Extraction) -> str | None:
    """The key of the place entity the dateline names, if the extraction has one."""
    want = _fold(place)
    for key in sorted(extraction.entities):
        entity = extraction.entities[key]
        if entity.kind != "place" and SCHEMA.Place not in entity.types:
            continue
        names = [entity.label, entity.name_as_written or "", entity.abbreviation or "",
                 *entity.aliases, *(m.text for m in entity.mentions)]
        if any(n and (_fold(n) == want or _fold(_PLACE_PREFIX.sub("", n)) == want)
               for n in names):
            return key
    return None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


# --------------------------------------------------------------------------- entities

def _entity(g: _Lines, art: str, iri_ref: URIRef, entity: Entity) -> None:
    iri = _n(iri_ref)
    for cls in _types(entity):
        g.add(iri, _TYPE, _n(cls))
    g.add(iri, _LABEL, _lang(entity.label, "id"))
    g.add(iri, _PREF, _lang(entity.label, "id"))
    if entity.label_en:
        g.add(iri, _LABEL, _lang(entity.label_en, "en"))
    for alias in entity.aliases:
        if alias and alias != entity.label:
            g.add(iri, _ALT, _lang(alias, "id"))
    if entity.name_as_written and entity.name_as_written != entity.label:
        g.add(iri, _ALT, _lang(entity.name_as_written, "id"))
    if entity.abbreviation:
        g.add(iri, _n(KB.abbreviation), _plain(entity.abbreviation))
    if entity.wikidata:
        if _QID.match(entity.wikidata):
            g.add(iri, _n(KB.wikidataId), _plain(entity.wikidata))
            g.add(iri, _n(SCHEMA.sameAs), _n(WD[entity.wikidata]))
        else:
            log.warning("entity %s: not a Wikidata id: %r", entity.key, entity.wikidata)
    if entity.kind == "person" or FOAF.Person in entity.types:
        g.add(iri, _n(SCHEMA.name), _plain(entity.label))
    g.add(art, _n(SCHEMA.mentions), iri)  # (its inverse, prov:wasDerivedFrom, would double it)
    for former, _since in entity.former_names:  # the rename itself: loaders/reference.py
        g.add(iri, _ALT, _lang(former, "id"))


def _types(entity: Entity) -> list[URIRef]:
    """The entity's classes, their superclasses up to the top class, and the top class."""
    top = TOP_CLASS.get(entity.kind)
    out: list[URIRef] = []
    for cls in entity.types:
        for c in _up_to(cls, top):
            if c not in out:
                out.append(c)
    if top is not None and top not in out:
        out.append(top)
    return out


@cache
def _up_to(cls: URIRef, top: URIRef | None) -> list[URIRef]:
    """``cls`` and those of its ontology superclasses that are the top class or below it."""
    if top is None:
        return [cls]
    family = [cls, *sorted(_ancestors(cls))]
    return [c for c in family if c == top or top in _ancestors(c)] or [cls]


@cache
def _ancestors(cls: URIRef) -> frozenset[URIRef]:
    """All named superclasses of ``cls`` in the ontology."""
    supers = _superclasses()
    seen: set[URIRef] = set()
    stack = [cls]
    while stack:
        for s in supers.get(stack.pop(), ()):
            if s not in seen:
                seen.add(s)
                stack.append(s)
    return frozenset(seen)


@lru_cache(maxsize=1)
def _superclasses() -> dict[URIRef, tuple[URIRef, ...]]:
    """Direct named superclasses of each class in ``ontology/kbgraph.ttl``."""
    onto = Graph()
    onto.parse(ONTOLOGY_TTL, format="turtle")
    out: dict[URIRef, list[URIRef]] = {}
    for s, o in onto.subject_objects(RDFS.subClassOf):
        if isinstance(s, URIRef) and isinstance(o, URIRef):
            out.setdefault(s, []).append(o)
    return {k: tuple(sorted(v)) for k, v in out.items()}


# --------------------------------------------------------------------------- provenance

def _offsets(g: _Lines, node: str, start: int, end: int) -> None:
    g.add(node, _START, _int(start))
    g.add(node, _END, _int(end))


def _mentions(g: _Lines, art: str, article: Article, extraction: Extraction,
              known: dict[str, URIRef]) -> None:
    """``mention/<article>-<start>-<end> a kb:Mention ; oa:hasBody E ; oa:hasSource A ;
    oa:start ; oa:end ; oa:exact``."""
    used: dict[URIRef, URIRef] = {}  # mention node → its body
    for key, iri in known.items():
        for mention in sorted(extraction.entities[key].mentions,
                              key=lambda m: (m.span.start, m.span.end, m.text)):
            slug = f"{article.id}-{mention.span.start}-{mention.span.end}"
            node = entity_iri("mention", slug)
            if used.get(node) == iri:
                continue
            if node in used:  # two entities on one span: keep both, apart
                node = entity_iri("mention", f"{slug}-{short_hash(key, n=8)}")
            used[node] = iri
            m = _n(node)
            g.add(m, _TYPE, _n(KB.Mention))
            g.add(m, _n(OA.hasBody), _n(iri))
            g.add(m, _HAS_SOURCE, art)
            _offsets(g, m, mention.span.start, mention.span.end)
            g.add(m, _EXACT, _plain(mention.text))


def _fact(g: _Lines, art: str, article: Article, fact: Fact, known: dict[str, URIRef],
          sentences: dict[int, Sentence]) -> None:
    subject = known.get(fact.subject)
    if subject is None:
        log.warning("%s: fact skipped, unknown subject %r", article.source, fact.subject)
        return
    if fact.predicate == KB.period:
        period = _period(g, subject, fact.obj)
        if period is None:
            log.warning("%s: period %r of %s is not YYYY/YYYY", article.source, fact.obj,
                        fact.subject)
            return
        obj, key = _n(period), _n(period)
    elif isinstance(fact.obj, EntityRef):
        ref = known.get(fact.obj.key)
        if ref is None:
            log.warning("%s: fact skipped, unknown object %r", article.source, fact.obj.key)
            return
        obj, key = _n(ref), _n(ref)
    elif isinstance(fact.obj, URIRef):  # an ontology individual, e.g. kb:LevelProvinsi
        obj, key = _n(fact.obj), _n(fact.obj)
    else:
        obj, key = _literal(fact.obj, fact.datatype)
    s, p = _n(subject), _n(fact.predicate)
    g.add(s, p, obj)
    span = fact.evidence
    evidence = _n(entity_iri("evidence", f"{article.id}-" + short_hash(
        subject, fact.predicate, key, span.start, span.end, span.sentence)))
    start, end, exact = _sentence_span(article, span, sentences)
    sentence = _n(entity_iri("passage", f"{article.id}-{start}-{end}"))
    g.add(evidence, _TYPE, _n(KB.Evidence))
    g.add(evidence, _n(RDF.subject), s)
    g.add(evidence, _n(RDF.predicate), p)
    g.add(evidence, _n(RDF.object), obj)
    g.add(evidence, _n(OA.hasTarget), sentence)
    g.add(sentence, _HAS_SOURCE, art)
    g.add(sentence, _n(KB.sentenceIndex), _int(span.sentence))
    _offsets(g, sentence, start, end)
    g.add(sentence, _EXACT, _plain(exact))


def _sentence_span(article: Article, span: Span,
                   sentences: dict[int, Sentence]) -> tuple[int, int, str]:
    """The evidence passage: the sentence, else (no sentence list) the span itself."""
    sentence = sentences.get(span.sentence)
    if sentence is not None:
        return sentence.start, sentence.end, sentence.text
    return span.start, span.end, article.text[span.start:span.end]


@lru_cache(maxsize=8192)
def _literal_terms(kind: str, lexical: str, datatype: str | None) -> tuple[str, str]:
    """(N-Triples term, the rdflib ``n3()`` form that evidence IRIs hash) of a literal."""
    if kind == "bool":
        lit = Literal(lexical == "true")
    else:
        lit = Literal(lexical, datatype=URIRef(datatype) if datatype else None)
    term = _typed(lexical, datatype) if datatype else _plain(lexical)
    return term, lit.n3()


def _literal(value: object, datatype: URIRef | None) -> tuple[str, str]:
    """The N-Triples term of a fact's literal object, and its key for the evidence IRI."""
    if datatype is not None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        return _literal_terms("typed", str(value), str(datatype))
    if isinstance(value, bool):
        return _literal_terms("bool", "true" if value else "false", str(XSD.boolean))
    if isinstance(value, int):
        return _literal_terms("typed", str(value), str(XSD.integer))
    if isinstance(value, dt.datetime):
        return _literal_terms("typed", value.date().isoformat(), str(XSD.date))
    if isinstance(value, dt.date):
        return _literal_terms("typed", value.isoformat(), str(XSD.date))
    return _literal_terms("plain", str(value), None)


def period_years(value: object) -> tuple[int, int] | None:
    """``(first, last)`` year of a period value ``"2015/2019"``, ``"2015-2019"``,
    ``"2019"`` or ``2019``; None if it is not one."""
    m = _PERIOD.match(str(value)) if isinstance(value, (str, int)) else None
    if not m:
        return None
    first = int(m.group(1))
    last = int(m.group(2) or first)
    return (first, last) if first <= last else None


def _period(g: _Lines, subject: URIRef, value: object) -> URIRef | None:
    years = period_years(value)
    if years is None:
        return None
    period = URIRef(f"{subject}/period")
    g.add(_n(period), _TYPE, _n(TIME.Interval))
    for prop, name, year in ((TIME.hasBeginning, "start", years[0]),
                             (TIME.hasEnd, "end", years[1])):
        instant = _n(f"{period}/{name}")
        g.add(_n(period), _n(prop), instant)
        g.add(instant, _TYPE, _n(TIME.Instant))
        g.add(instant, _n(TIME.inXSDgYear), _typed(f"{year:04d}", str(XSD.gYear)))
    return period


def _statement(g: _Lines, art: str, article: Article, statement: Statement,
               known: dict[str, URIRef], used: set[URIRef]) -> None:
    """``statement/<article>-<start> a kb:DirectQuote|kb:ReportedSpeech, kb:Statement ;
    prov:wasAttributedTo P ; schema:text ; dcterms:date ; prov:wasDerivedFrom A ;
    oa:start ; oa:end`` (the words once: they are the span's text)."""
    speaker = known.get(statement.speaker)
    if speaker is None:
        log.warning("%s: statement skipped, unknown speaker %r", article.source, statement.speaker)
        return
    node = entity_iri("statement", f"{article.id}-{statement.span.start}")
    if node in used:
        node = entity_iri("statement", f"{article.id}-{statement.span.start}-"
                                       f"{short_hash(statement.speaker, statement.text, n=8)}")
    used.add(node)
    st = _n(node)
    cls = KB.DirectQuote if statement.kind == "quote" else KB.ReportedSpeech
    g.add(st, _TYPE, _n(cls))
    g.add(st, _TYPE, _n(KB.Statement))
    g.add(st, _n(PROV.wasAttributedTo), _n(speaker))
    g.add(st, _n(SCHEMA.text), _plain(statement.text))
    if statement.said_on:
        g.add(st, _n(DCTERMS.date), _date(statement.said_on))
    g.add(st, _DERIVED, art)
    _offsets(g, st, statement.span.start, statement.span.end)
