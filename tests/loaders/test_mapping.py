"""Mapping hand-built Extractions to RDF: the exact shape of docs/rdf-model.md."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from kbgraph.loaders.clean import clean
from kbgraph.loaders.mapping import period_years, to_graph
from kbgraph.loaders.model import (
    Article,
    Entity,
    EntityRef,
    Extraction,
    Fact,
    Mention,
    Sentence,
    Span,
    Statement,
)
from kbgraph.ontology.namespaces import (
    DCTERMS,
    FOAF,
    ID,
    KB,
    OA,
    ORG,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
    article_graph,
)
from rdflib import BNode, Graph, Literal, URIRef

TEXT = ("PONTIANAK (ANTARA) - Perwakilan BKKBN Kalbar menggelar pertemuan kelompok kerja di "
        "Pontianak, diikuti 133 peserta.\n"
        "\"Kegiatan ini sejalan dengan RPJMN 2015-2019,\" kata Muslimat.\n"
        "COPYRIGHT \u00a9 ANTARA News Kalimantan Barat 2019\n")
AID = "uji-pontianak"
ART = ID[f"article/{AID}"]
ORG_KEY = "org/perwakilan-bkkbn-provinsi-kalimantan-barat"
EVENT_KEY = "event/pertemuan-kelompok-kerja-kalimantan-barat-2019"
RPJMN_KEY = "framework/rpjmn-2015-2019"
BANGGA_KEY = "program/bangga-kencana"
KKBPK_NAME = "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"


def iri(key: str) -> URIRef:
    return ID[key]


def span(needle: str, sentence: int, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), sentence)


def mention(needle: str, sentence: int, nth: int = 0) -> Mention:
    return Mention(needle, span(needle, sentence, nth))


def sentences() -> list[Sentence]:
    s0 = TEXT.index("Perwakilan")
    e0 = TEXT.index("\n")
    s1 = e0 + 1
    e1 = TEXT.index("\n", s1)
    return [Sentence(0, s0, e0, TEXT[s0:e0]), Sentence(1, s1, e1, TEXT[s1:e1])]


def extraction(publisher: str | None = None) -> Extraction:
    article = Article(id=AID, text=TEXT, source="berita/uji.txt", title="Pokja Kampung KB",
                      url="https://example.org/uji", published=dt.date(2019, 11, 26),
                      published_raw="2019-11-26", publisher=publisher, content_hash="ab" * 32,
                      meta=(("source", "arsip redaksi"),))
    entities = {
        ORG_KEY: Entity(ORG_KEY, [KB.RepresentativeOffice],
                        "Perwakilan BKKBN Provinsi Kalimantan Barat",
                        label_en="BKKBN Representative Office, West Kalimantan",
                        aliases=["Perwakilan BKKBN Kalbar"], abbreviation="BKKBN Kalbar",
                        mentions=[mention("Perwakilan BKKBN Kalbar", 0)]),
        "place/pontianak": Entity("place/pontianak", [KB.City], "Kota Pontianak",
                                  wikidata="Q14168",
                                  mentions=[mention("PONTIANAK", 0), mention("Pontianak", 0)]),
        "person/muslimat": Entity("person/muslimat", [FOAF.Person], "Muslimat",
                                  mentions=[mention("Muslimat", 1)]),
        EVENT_KEY: Entity(EVENT_KEY, [KB.Meeting],
                          "Pertemuan Kelompok Kerja Kampung KB Kalimantan Barat 2019",
                          name_as_written="pertemuan kelompok kerja",
                          mentions=[mention("pertemuan kelompok kerja", 0)]),
        RPJMN_KEY: Entity(RPJMN_KEY, [KB.DevelopmentPlan],
                          "Rencana Pembangunan Jangka Menengah Nasional 2015-2019",
                          abbreviation="RPJMN 2015-2019", mentions=[mention("RPJMN 2015-2019", 1)]),
        BANGGA_KEY: Entity(BANGGA_KEY, [KB.Program],
                           "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana",
                           former_names=[(KKBPK_NAME, "2019-12")]),
    }
    facts = [
        Fact(EVENT_KEY, KB.organizedBy, EntityRef(ORG_KEY), span("Perwakilan BKKBN Kalbar menggelar", 0)),
        Fact(EVENT_KEY, SCHEMA.location, EntityRef("place/pontianak"), span("di Pontianak", 0)),
        Fact(EVENT_KEY, KB.participantCount, 133, span("diikuti 133 peserta", 0)),
        Fact(EVENT_KEY, SCHEMA.startDate, dt.date(2019, 11, 25), span("pertemuan", 0)),
        Fact(EVENT_KEY, KB.year, 2019, span("pertemuan", 0), datatype=XSD.gYear),
        Fact(RPJMN_KEY, KB.period, "2015/2019", span("RPJMN 2015-2019", 1)),
        Fact(EVENT_KEY, KB.supports, EntityRef(RPJMN_KEY), span("sejalan dengan RPJMN", 1)),
        Fact(EVENT_KEY, KB.chairedBy, EntityRef("person/tidak-ada"), span("Muslimat", 1)),
        Fact("org/tidak-ada", KB.runs, EntityRef(BANGGA_KEY), span("Muslimat", 1)),
    ]
    quote = "Kegiatan ini sejalan dengan RPJMN 2015-2019,"
    statements = [
        Statement("person/muslimat", quote, "quote", span(quote, 1), dt.date(2019, 11, 26)),
        Statement("person/tidak-ada", "ini", "reported", span("ini", 1)),
    ]
    return Extraction(article=article, sentences=sentences(), entities=entities, facts=facts,
                      statements=statements, clean=clean(article))


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph(extraction())


def rows(g: Graph, query: str, **bindings) -> set[tuple]:
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return {tuple(r) for r in g.query(prefixes + query, initBindings=bindings)}


def ask(g: Graph, query: str, **bindings) -> bool:
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    return bool(g.query(prefixes + query, initBindings=bindings).askAnswer)


# --------------------------------------------------------------------------- the graph

def test_graph_identifier_and_no_blank_nodes(graph):
    assert graph.identifier == article_graph(AID)
    assert not [t for t in graph if any(isinstance(x, BNode) for x in t)]


def test_article_metadata(graph):
    got = rows(graph, "SELECT ?p ?o { ?a ?p ?o FILTER(?p != schema:mentions) }", a=ART)
    assert got == {
        (RDF.type, SCHEMA.NewsArticle),
        (DCTERMS.identifier, Literal(AID)),
        (DCTERMS.title, Literal("Pokja Kampung KB")),
        (DCTERMS.language, Literal("id")),
        (DCTERMS.source, Literal("arsip redaksi")),
        (SCHEMA.datePublished, Literal("2019-11-26", datatype=XSD.date)),
        (SCHEMA.url, Literal("https://example.org/uji")),
        (SCHEMA.publisher, iri("org/antara-kalimantan-barat")),  # from the COPYRIGHT line
        (SCHEMA.copyrightYear, Literal(2019)),
        (SCHEMA.locationCreated, iri("place/pontianak")),  # dateline PONTIANAK
        (KB.contentHash, Literal("ab" * 32)),
        (KB.sourcePath, Literal("berita/uji.txt")),
    }
    assert rows(graph, "SELECT ?e { ?a schema:mentions ?e }", a=ART) == {
        (iri(k),) for k in extraction().entities}


def test_publisher_entity_from_copyright_line(graph):
    """"ANTARA News Kalimantan Barat" is ANTARA's desk for the province: one entity per
    outlet, its desks under it."""
    pub = iri("org/antara-kalimantan-barat")
    assert rows(graph, "SELECT ?p ?o { ?s ?p ?o }", s=pub) == {
        (RDF.type, KB.NewsPublisher), (RDF.type, ORG.Organization),
        (RDFS.label, Literal("ANTARA Kalimantan Barat", lang="id")),
        (SKOS.prefLabel, Literal("ANTARA Kalimantan Barat", lang="id")),
        (SKOS.altLabel, Literal("ANTARA News Kalimantan Barat", lang="id")),
        (ORG.subOrganizationOf, iri("org/antara")),
        (PROV.wasDerivedFrom, ART),
    }
    assert (iri("org/antara"), RDF.type, KB.NewsPublisher) in graph


def test_front_matter_publisher_wins_over_copyright_line():
    g = to_graph(extraction(publisher="ANTARA Kalbar"))
    assert set(g.objects(ART, SCHEMA.publisher)) == {iri("org/antara-kalimantan-barat")}
    assert (iri("org/antara-kalimantan-barat"), ORG.subOrganizationOf, iri("org/antara")) in g
    assert (iri("org/antara-kalimantan-barat"), RDF.type, KB.NewsPublisher) in g


def test_unparsable_date_becomes_published_text():
    ex = extraction()
    ex.article = Article(id=AID, text=TEXT, source="x", published_raw="kemarin sore")
    g = to_graph(ex)
    assert list(g.objects(ART, SCHEMA.datePublished)) == []
    assert list(g.objects(ART, KB.publishedText)) == [Literal("kemarin sore")]


def test_entity_types_include_superclasses_up_to_the_top_class(graph):
    def types(key):
        return {t for (t,) in rows(graph, "SELECT ?t { ?e a ?t }", e=iri(key))}
    assert types(ORG_KEY) == {KB.RepresentativeOffice, ORG.OrganizationalUnit, ORG.Organization}
    assert types("place/pontianak") == {KB.City, SCHEMA.Place}
    assert types("person/muslimat") == {FOAF.Person}
    assert types(EVENT_KEY) == {KB.Meeting}
    assert types(RPJMN_KEY) == {KB.DevelopmentPlan, KB.PolicyFramework}
    assert types(BANGGA_KEY) == {KB.Program}


def test_entity_labels_and_ids(graph):
    org = iri(ORG_KEY)
    assert rows(graph, "SELECT ?l { ?e rdfs:label ?l }", e=org) == {
        (Literal("Perwakilan BKKBN Provinsi Kalimantan Barat", lang="id"),),
        (Literal("BKKBN Representative Office, West Kalimantan", lang="en"),)}
    assert rows(graph, "SELECT ?l { ?e skos:prefLabel ?l }", e=org) == {
        (Literal("Perwakilan BKKBN Provinsi Kalimantan Barat", lang="id"),)}
    assert rows(graph, "SELECT ?l { ?e skos:altLabel ?l }", e=org) == {
        (Literal("Perwakilan BKKBN Kalbar", lang="id"),)}
    assert rows(graph, "SELECT ?l { ?e kb:abbreviation ?l }", e=org) == {(Literal("BKKBN Kalbar"),)}
    assert ask(graph, "ASK { ?e kb:wikidataId 'Q14168' ; schema:sameAs wd:Q14168 }",
               e=iri("place/pontianak"))
    assert not ask(graph, "ASK { ?e kb:wikidataId ?q }", e=org)
    assert rows(graph, "SELECT ?e ?n { ?e schema:name ?n }") == {
        (iri("person/muslimat"), Literal("Muslimat"))}
    assert rows(graph, "SELECT ?l { ?e skos:altLabel ?l }", e=iri(EVENT_KEY)) == {
        (Literal("pertemuan kelompok kerja", lang="id"),)}
    mentioned = rows(graph, "SELECT ?e { ?a schema:mentions ?e . ?e rdfs:label ?l }", a=ART)
    assert {iri(k) for k in extraction().entities} <= {e for (e,) in mentioned}
    # the inverse link is not stated again (issue 18: it doubled the entity's provenance)
    assert not ask(graph, "ASK { ?e prov:wasDerivedFrom ?a ; rdfs:label ?l }", e=org, a=ART)


def test_name_change_is_not_said_by_the_article(graph):
    """A rename is reference data (loaders/reference.py): the article graph keeps only the
    old name as an alternative label, and names no kb:NameChange as derived from itself."""
    old = KKBPK_NAME
    assert not ask(graph, "ASK { ?c a kb:NameChange }")
    assert not ask(graph, "ASK { ?e kb:nameChange ?c }", e=iri(BANGGA_KEY))
    assert ask(graph, "ASK { ?e skos:altLabel ?old }", e=iri(BANGGA_KEY), old=Literal(old, lang="id"))


def test_fact_triples_with_literal_types(graph):
    event = iri(EVENT_KEY)
    assert rows(graph, "SELECT ?p ?o { ?e ?p ?o FILTER(?p NOT IN (rdf:type, rdfs:label, "
                       "skos:prefLabel, skos:altLabel, prov:wasDerivedFrom)) }", e=event) == {
        (KB.organizedBy, iri(ORG_KEY)),
        (SCHEMA.location, iri("place/pontianak")),
        (KB.participantCount, Literal(133, datatype=XSD.integer)),
        (SCHEMA.startDate, Literal("2019-11-25", datatype=XSD.date)),
        (KB.year, Literal("2019", datatype=XSD.gYear)),
        (KB.supports, iri(RPJMN_KEY)),
    }
    # facts about entities the extraction does not describe are left out
    assert not ask(graph, "ASK { ?s kb:chairedBy ?o }")
    assert not ask(graph, "ASK { ?s kb:runs ?o }")
    assert not ask(graph, "ASK { ?s ?p ?o FILTER(CONTAINS(STR(?s), 'tidak-ada') || "
                          "CONTAINS(STR(?o), 'tidak-ada')) }")


def test_framework_period_as_owl_time(graph):
    fw = iri(RPJMN_KEY)
    period = URIRef(f"{fw}/period")
    start, end = URIRef(f"{period}/start"), URIRef(f"{period}/end")
    assert rows(graph, "SELECT ?p ?o { ?s ?p ?o }", s=period) == {
        (RDF.type, TIME.Interval), (TIME.hasBeginning, start), (TIME.hasEnd, end)}
    assert rows(graph, "SELECT ?p ?o { ?s ?p ?o }", s=start) == {
        (RDF.type, TIME.Instant), (TIME.inXSDgYear, Literal("2015", datatype=XSD.gYear))}
    assert rows(graph, "SELECT ?p ?o { ?s ?p ?o }", s=end) == {
        (RDF.type, TIME.Instant), (TIME.inXSDgYear, Literal("2019", datatype=XSD.gYear))}
    assert (fw, KB.period, period) in graph


def test_every_fact_has_evidence_pointing_at_its_sentence(graph):
    got = rows(graph, """SELECT ?ev ?s ?p ?o ?n ?start ?end ?exact {
        ?ev a kb:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
            oa:hasTarget ?t .
        ?t oa:hasSource ?a ; kb:sentenceIndex ?n ; oa:start ?start ; oa:end ?end ;
           oa:exact ?exact }""", a=ART)
    assert len(got) == 7
    assert {(s, p) for _, s, p, *_ in got} == {
        (iri(EVENT_KEY), KB.organizedBy), (iri(EVENT_KEY), SCHEMA.location),
        (iri(EVENT_KEY), KB.participantCount), (iri(EVENT_KEY), SCHEMA.startDate),
        (iri(EVENT_KEY), KB.year), (iri(RPJMN_KEY), KB.period), (iri(EVENT_KEY), KB.supports)}
    sents = {s.index: s for s in sentences()}
    for ev, s, p, o, n, start, end, exact in got:
        assert re.fullmatch(rf"https://w3id\.org/kbgraph/id/evidence/{AID}-[0-9a-f]{{12}}", str(ev))
        assert (s, p, o) in graph  # the fact itself is asserted too
        sentence = sents[n.toPython()]
        assert (start.toPython(), end.toPython(), str(exact)) == (
            sentence.start, sentence.end, sentence.text)
        assert TEXT[start.toPython():end.toPython()] == str(exact)
    assert len({ev for ev, *_ in got}) == 7


def test_mentions(graph):
    got = rows(graph, """SELECT ?m ?e ?start ?end ?exact { ?m a kb:Mention ; oa:hasBody ?e ;
        oa:hasSource ?a ; oa:start ?start ; oa:end ?end ; oa:exact ?exact }""", a=ART)
    assert len(got) == 6  # every Mention of every entity (the program has none)
    for m, e, start, end, exact in got:
        assert str(m) == f"https://w3id.org/kbgraph/id/mention/{AID}-{start}-{end}"
        assert TEXT[start.toPython():end.toPython()] == str(exact)
    assert {(str(e).rsplit("/", 1)[1], str(x)) for _, e, _, _, x in got} >= {
        ("pontianak", "PONTIANAK"), ("pontianak", "Pontianak"), ("muslimat", "Muslimat")}


def test_statement(graph):
    quote = "Kegiatan ini sejalan dengan RPJMN 2015-2019,"
    start = TEXT.index(quote)
    node = ID[f"statement/{AID}-{start}"]
    assert rows(graph, "SELECT ?p ?o { ?s ?p ?o }", s=node) == {
        (RDF.type, KB.DirectQuote), (RDF.type, KB.Statement),
        (PROV.wasAttributedTo, iri("person/muslimat")),
        (SCHEMA.text, Literal(quote)),
        (DCTERMS.date, Literal("2019-11-26", datatype=XSD.date)),
        (PROV.wasDerivedFrom, ART),
        (OA.start, Literal(start)), (OA.end, Literal(start + len(quote))),
    }
    assert TEXT[start:start + len(quote)] == quote  # the words once: they are the span's text
    assert len(rows(graph, "SELECT ?s { ?s a kb:Statement }")) == 1  # unknown speaker skipped


def test_mapping_is_deterministic():
    def nt(g: Graph) -> list[str]:
        return sorted(line for line in g.serialize(format="nt").splitlines() if line.strip())
    first = nt(to_graph(extraction()))
    ex = extraction()
    ex.entities = dict(reversed(list(ex.entities.items())))
    ex.facts = list(reversed(ex.facts))
    assert nt(to_graph(ex)) == first
    assert nt(to_graph(extraction())) == first


@pytest.mark.parametrize("value, years", [
    ("2015/2019", (2015, 2019)), ("2015-2019", (2015, 2019)), ("2020\u20132024", (2020, 2024)),
    ("2019", (2019, 2019)), (2024, (2024, 2024)), ("2019/2015", None), ("lima tahun", None),
])
def test_period_values(value, years):
    assert period_years(value) == years


# --------------------------------------------------------------------------- exact shape

MINIMAL = """
@base <https://w3id.org/kbgraph/id/> .
@prefix kb: <https://w3id.org/kbgraph/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .

<article/uji-minimal> a schema:NewsArticle ; dcterms:identifier "uji-minimal" ;
    dcterms:language "id" ; kb:sourcePath "uji.txt" ; kb:contentHash "abc" ;
    schema:mentions <place/jambi> , <event/rapat> .

<place/jambi> a kb:City , schema:Place ; rdfs:label "Kota Jambi"@id ;
    skos:prefLabel "Kota Jambi"@id .
<event/rapat> a kb:Meeting ; rdfs:label "rapat"@id ; skos:prefLabel "rapat"@id ;
    schema:location <place/jambi> .

<mention/uji-minimal-25-30> a kb:Mention ; oa:hasBody <place/jambi> ;
    oa:hasSource <article/uji-minimal> ; oa:start 25 ; oa:end 30 ; oa:exact "Jambi" .
<mention/uji-minimal-16-21> a kb:Mention ; oa:hasBody <event/rapat> ;
    oa:hasSource <article/uji-minimal> ; oa:start 16 ; oa:end 21 ; oa:exact "rapat" .

<EVIDENCE> a kb:Evidence ; rdf:subject <event/rapat> ; rdf:predicate schema:location ;
    rdf:object <place/jambi> ; oa:hasTarget <passage/uji-minimal-0-31> .
<passage/uji-minimal-0-31> oa:hasSource <article/uji-minimal> ; kb:sentenceIndex 0 ;
    oa:start 0 ; oa:end 31 ; oa:exact "BKKBN menggelar rapat di Jambi." .
"""


def test_minimal_extraction_gives_exactly_these_triples():
    text = "BKKBN menggelar rapat di Jambi."
    article = Article(id="uji-minimal", text=text, source="uji.txt", content_hash="abc")
    ex = Extraction(
        article=article,
        sentences=[Sentence(0, 0, 31, text)],
        entities={
            "place/jambi": Entity("place/jambi", [KB.City], "Kota Jambi",
                                  mentions=[Mention("Jambi", Span(25, 30, 0))]),
            "event/rapat": Entity("event/rapat", [KB.Meeting], "rapat",
                                  mentions=[Mention("rapat", Span(16, 21, 0))]),
        },
        facts=[Fact("event/rapat", SCHEMA.location, EntityRef("place/jambi"), Span(16, 30, 0))],
        statements=[],
    )
    g = to_graph(ex)
    (evidence,) = set(g.subjects(RDF.type, KB.Evidence))
    assert re.fullmatch(r"https://w3id\.org/kbgraph/id/evidence/uji-minimal-[0-9a-f]{12}", str(evidence))
    slug = str(evidence).removeprefix("https://w3id.org/kbgraph/id/")
    expected = Graph().parse(data=MINIMAL.replace("EVIDENCE", slug), format="turtle")
    got = set(g)
    want = set(expected)
    assert sorted(got - want) == [] and sorted(want - got) == []


def test_facts_from_one_sentence_share_one_passage(graph):
    """Evidence of every fact read from a sentence points at the same passage target."""
    found = rows(graph, "SELECT ?t (COUNT(?e) AS ?n) (COUNT(DISTINCT ?x) AS ?quotes) "
                        "{ ?e a kb:Evidence ; oa:hasTarget ?t . ?t oa:exact ?x } GROUP BY ?t")
    assert found and all(str(t).startswith(str(ID["passage/"])) for t, _, _ in found)
    assert any(int(n) > 1 for _, n, _ in found)  # some sentence carries several facts
    assert all(int(q) == 1 for _, _, q in found)  # one sentence text per passage
