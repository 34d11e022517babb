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
  Mentions and statements have their own target below them (``…/target``,
  ``…/target/pos``, ``…/target/quote``); evidence points at the sentence's
  ``passage/<article>-<start>-<end>``, one target shared by every fact read from that
  sentence (an article's facts come from few sentences: a fifth of the triples saved).
  Same extraction → same triples.
* **Types without inference.** Each entity gets its own types, their superclasses in
  the ontology up to its kind's top class (so a ``kb:RepresentativeOffice`` is also an
  ``org:OrganizationalUnit`` and an ``org:Organization``), and the top class itself.
* **Every fact twice:** as the triple itself, and as a ``kb:Evidence`` node that
  reifies it (``rdf:subject/predicate/object``) and points at the *sentence* it was
  read from (``oa:TextPositionSelector`` offsets into ``Article.text`` and an
  ``oa:TextQuoteSelector`` with the sentence text).

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
  into a graph of their own (``loaders/reference.py``), never derived from the article.

Facts or statements that point at an entity key the extraction does not describe are
skipped with a logged warning: an article graph never refers to an undescribed entity.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from functools import cache, lru_cache

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

__all__ = ["TOP_CLASS", "article_iri", "iri_of_key", "period_years", "to_graph", "to_triples"]

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


class _Triples:
    """The few Graph methods the mapping needs, on a plain set.

    A build maps thousands of articles and only serialises the result; rdflib's
    ``Graph.add`` (events, three indexes) cost more than all of the extraction.
    """

    __slots__ = ("triples",)

    def __init__(self) -> None:
        self.triples: set[Triple] = set()

    def add(self, triple: Triple) -> None:
        self.triples.add(triple)

    def __contains__(self, triple: Triple) -> bool:
        return triple in self.triples


def to_graph(extraction: Extraction) -> Graph:
    """The article's named graph (see the module docstring for the shape)."""
    g = Graph(identifier=article_graph(extraction.article.id))
    bind_prefixes(g)
    for triple in to_triples(extraction):
        g.add(triple)
    return g


def to_triples(extraction: Extraction) -> set[Triple]:
    """The triples of :func:`to_graph`, without building a Graph (the build's fast path)."""
    article = extraction.article
    g = _Triples()
    art = article_iri(article)
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
    return g.triples


# --------------------------------------------------------------------------- article

def _article_metadata(g: _Triples, art: URIRef, extraction: Extraction) -> None:
    article = extraction.article
    clean = extraction.clean
    g.add((art, RDF.type, SCHEMA.NewsArticle))
    g.add((art, DCTERMS.identifier, Literal(article.id)))
    g.add((art, DCTERMS.language, Literal("id")))
    g.add((art, KB.sourcePath, Literal(article.source)))
    if article.content_hash:
        g.add((art, KB.contentHash, Literal(article.content_hash)))
    if article.title:
        g.add((art, DCTERMS.title, Literal(article.title)))
    if article.published:
        g.add((art, SCHEMA.datePublished, Literal(article.published, datatype=XSD.date)))
    elif article.published_raw:
        g.add((art, KB.publishedText, Literal(article.published_raw)))
    if article.url:
        g.add((art, SCHEMA.url, Literal(article.url)))
    source = dict(article.meta).get("source")
    if source:
        g.add((art, DCTERMS.source, Literal(source)))
    publisher = article.publisher or (clean.publisher if clean else None)
    if publisher and publisher.strip():
        _publisher(g, art, " ".join(publisher.split()), extraction)
    else:  # the outlet the dateline or the body names ("PONTIANAK (ANTARA) -")
        outlet = _named_outlet(extraction)
        if outlet is not None:
            g.add((art, SCHEMA.publisher, iri_of_key(outlet)))
    if clean and clean.copyright_year:
        g.add((art, SCHEMA.copyrightYear, Literal(clean.copyright_year)))
    if clean and clean.dateline_place:
        place = _dateline_entity(clean.dateline_place, extraction)
        if place:
            g.add((art, SCHEMA.locationCreated, iri_of_key(place)))


def _publisher(g: _Triples, art: URIRef, name: str, extraction: Extraction) -> None:
    """The publisher: an org entity of class kb:NewsPublisher, the outlet the name stands
    for (a regional desk is part of its outlet: ``Resolver.outlet``)."""
    from .canonical import get_resolver

    entities = get_resolver().outlet(name)
    for entity in entities:
        iri = iri_of_key(entity.key)
        g.add((iri, RDF.type, KB.NewsPublisher))
        g.add((iri, RDF.type, ORG.Organization))
        if entity.key not in extraction.entities:  # else described with the other entities
            g.add((iri, RDFS.label, Literal(entity.label, lang="id")))
            g.add((iri, SKOS.prefLabel, Literal(entity.label, lang="id")))
            for alias in entity.aliases:
                g.add((iri, SKOS.altLabel, Literal(alias, lang="id")))
            g.add((iri, PROV.wasDerivedFrom, art))
    g.add((art, SCHEMA.publisher, iri_of_key(entities[0].key)))
    if len(entities) == 2:  # a desk, part of its outlet
        g.add((iri_of_key(entities[0].key), ORG.subOrganizationOf, iri_of_key(entities[1].key)))


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

def _entity(g: _Triples, art: URIRef, iri: URIRef, entity: Entity) -> None:
    for cls in _types(entity):
        g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, Literal(entity.label, lang="id")))
    g.add((iri, SKOS.prefLabel, Literal(entity.label, lang="id")))
    if entity.label_en:
        g.add((iri, RDFS.label, Literal(entity.label_en, lang="en")))
    for alias in entity.aliases:
        if alias and alias != entity.label:
            g.add((iri, SKOS.altLabel, Literal(alias, lang="id")))
    if entity.name_as_written and entity.name_as_written != entity.label:
        g.add((iri, SKOS.altLabel, Literal(entity.name_as_written, lang="id")))
    if entity.abbreviation:
        g.add((iri, KB.abbreviation, Literal(entity.abbreviation)))
    if entity.wikidata:
        if _QID.match(entity.wikidata):
            g.add((iri, KB.wikidataId, Literal(entity.wikidata)))
            g.add((iri, SCHEMA.sameAs, WD[entity.wikidata]))
        else:
            log.warning("entity %s: not a Wikidata id: %r", entity.key, entity.wikidata)
    if entity.kind == "person" or FOAF.Person in entity.types:
        g.add((iri, SCHEMA.name, Literal(entity.label)))
    g.add((iri, PROV.wasDerivedFrom, art))
    g.add((art, SCHEMA.mentions, iri))
    for former, _since in entity.former_names:  # the rename itself: loaders/reference.py
        g.add((iri, SKOS.altLabel, Literal(former, lang="id")))


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

def _target(g: _Triples, owner: URIRef, art: URIRef, start: int, end: int, exact: str,
            target: URIRef | None = None) -> None:
    """``owner oa:hasTarget target`` (default ``owner/target``) with a position and a
    quote selector."""
    target = target if target is not None else URIRef(f"{owner}/target")
    pos = URIRef(f"{target}/pos")
    quote = URIRef(f"{target}/quote")
    g.add((owner, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, art))
    g.add((target, OA.hasSelector, pos))
    g.add((target, OA.hasSelector, quote))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(start)))
    g.add((pos, OA.end, Literal(end)))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(exact)))


def _mentions(g: _Triples, art: URIRef, article: Article, extraction: Extraction,
              known: dict[str, URIRef]) -> None:
    used: set[URIRef] = set()
    for key, iri in known.items():
        for mention in sorted(extraction.entities[key].mentions,
                              key=lambda m: (m.span.start, m.span.end, m.text)):
            slug = f"{article.id}-{mention.span.start}-{mention.span.end}"
            node = entity_iri("mention", slug)
            if (node, OA.hasBody, iri) in g:
                continue
            if node in used:  # two entities on one span: keep both, apart
                node = entity_iri("mention", f"{slug}-{short_hash(key, n=8)}")
            used.add(node)
            g.add((node, RDF.type, KB.Mention))
            g.add((node, OA.hasBody, iri))
            _target(g, node, art, mention.span.start, mention.span.end, mention.text)


def _fact(g: _Triples, art: URIRef, article: Article, fact: Fact, known: dict[str, URIRef],
          sentences: dict[int, Sentence]) -> None:
    subject = known.get(fact.subject)
    if subject is None:
        log.warning("%s: fact skipped, unknown subject %r", article.source, fact.subject)
        return
    if fact.predicate == KB.period:
        obj = _period(g, subject, fact.obj)
        if obj is None:
            log.warning("%s: period %r of %s is not YYYY/YYYY", article.source, fact.obj,
                        fact.subject)
            return
    elif isinstance(fact.obj, EntityRef):
        obj = known.get(fact.obj.key)
        if obj is None:
            log.warning("%s: fact skipped, unknown object %r", article.source, fact.obj.key)
            return
    elif isinstance(fact.obj, URIRef):  # an ontology individual, e.g. kb:LevelProvinsi
        obj = fact.obj
    else:
        obj = _literal(fact.obj, fact.datatype)
    g.add((subject, fact.predicate, obj))
    evidence = entity_iri("evidence", f"{article.id}-" + short_hash(
        subject, fact.predicate, obj.n3(), fact.evidence.start, fact.evidence.end,
        fact.evidence.sentence))
    g.add((evidence, RDF.type, KB.Evidence))
    g.add((evidence, RDF.subject, subject))
    g.add((evidence, RDF.predicate, fact.predicate))
    g.add((evidence, RDF.object, obj))
    g.add((evidence, PROV.wasDerivedFrom, art))
    g.add((evidence, KB.sentenceIndex, Literal(fact.evidence.sentence)))
    start, end, exact = _sentence_span(article, fact.evidence, sentences)
    _target(g, evidence, art, start, end, exact,
            target=entity_iri("passage", f"{article.id}-{start}-{end}"))


def _sentence_span(article: Article, span: Span,
                   sentences: dict[int, Sentence]) -> tuple[int, int, str]:
    """The evidence passage: the sentence, else (no sentence list) the span itself."""
    sentence = sentences.get(span.sentence)
    if sentence is not None:
        return sentence.start, sentence.end, sentence.text
    return span.start, span.end, article.text[span.start:span.end]


def _literal(value: object, datatype: URIRef | None) -> Literal:
    if datatype is not None:
        if isinstance(value, dt.date):
            value = value.isoformat()
        return Literal(str(value), datatype=datatype)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, dt.datetime):
        return Literal(value.date(), datatype=XSD.date)
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    return Literal(str(value))


def period_years(value: object) -> tuple[int, int] | None:
    """``(first, last)`` year of a period value ``"2015/2019"``, ``"2015-2019"``,
    ``"2019"`` or ``2019``; None if it is not one."""
    m = _PERIOD.match(str(value)) if isinstance(value, (str, int)) else None
    if not m:
        return None
    first = int(m.group(1))
    last = int(m.group(2) or first)
    return (first, last) if first <= last else None


def _period(g: _Triples, subject: URIRef, value: object) -> URIRef | None:
    years = period_years(value)
    if years is None:
        return None
    period = URIRef(f"{subject}/period")
    g.add((period, RDF.type, TIME.Interval))
    for prop, name, year in ((TIME.hasBeginning, "start", years[0]),
                             (TIME.hasEnd, "end", years[1])):
        instant = URIRef(f"{period}/{name}")
        g.add((period, prop, instant))
        g.add((instant, RDF.type, TIME.Instant))
        g.add((instant, TIME.inXSDgYear, Literal(f"{year:04d}", datatype=XSD.gYear)))
    return period


def _statement(g: _Triples, art: URIRef, article: Article, statement: Statement,
               known: dict[str, URIRef], used: set[URIRef]) -> None:
    speaker = known.get(statement.speaker)
    if speaker is None:
        log.warning("%s: statement skipped, unknown speaker %r", article.source, statement.speaker)
        return
    node = entity_iri("statement", f"{article.id}-{statement.span.start}")
    if node in used:
        node = entity_iri("statement", f"{article.id}-{statement.span.start}-"
                                       f"{short_hash(statement.speaker, statement.text, n=8)}")
    used.add(node)
    cls = KB.DirectQuote if statement.kind == "quote" else KB.ReportedSpeech
    g.add((node, RDF.type, cls))
    g.add((node, RDF.type, KB.Statement))
    g.add((node, PROV.wasAttributedTo, speaker))
    g.add((node, SCHEMA.text, Literal(statement.text)))
    if statement.said_on:
        g.add((node, DCTERMS.date, Literal(statement.said_on, datatype=XSD.date)))
    g.add((node, PROV.wasDerivedFrom, art))
    _target(g, node, art, statement.span.start, statement.span.end, statement.text)

