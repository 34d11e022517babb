"""The lexicon's reference graph: names in time and renames, levels, parents, Wikidata IDs
and codes, derived from the lexicon row and what it cites, dated only as precisely as the
sources say."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kbgraph.loaders.reference import reference_graph_ntriples, reference_triples
from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import DCTERMS, KB, PROV, RDF, RDFS, SCHEMA, XSD

ID = "https://w3id.org/kbgraph/id/"
BKKBN = URIRef(ID + "org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn")
BANGGA = URIRef(ID + "program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana")


def _graph() -> Graph:
    g = Graph()
    for t in reference_triples(load_lexicon()):
        g.add(t)
    return g


def _names(g: Graph, entity: URIRef) -> set[tuple]:
    out = set()
    for record in g.objects(entity, KB.hadName):
        out.add((str(g.value(record, KB.nameText)), g.value(record, KB.validFrom),
                 g.value(record, KB.validUntil)))
    return out


def test_names_in_time_hold_periods_as_precise_as_the_sources():
    g = _graph()
    month = XSD.gYearMonth
    assert _names(g, BKKBN) == {
        ("Badan Kependudukan dan Keluarga Berencana Nasional", None, Literal("2024-10", datatype=month)),
        ("Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN", Literal("2024-10", datatype=month), None),
    }
    assert _names(g, BANGGA) == {
        ("Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga", None,
         Literal("2019-12", datatype=month)),
        ("Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana",
         Literal("2019-12", datatype=month), None),
    }


def test_a_rename_is_derived_from_the_lexicon_row_and_what_it_cites():
    g = _graph()
    change = g.value(BKKBN, KB.nameChange)
    assert (change, RDF.type, KB.NameChange) in g
    assert g.value(change, KB.nameValidFrom) == Literal("2024-10", datatype=XSD.gYearMonth)
    source = g.value(change, PROV.wasDerivedFrom)
    assert (source, RDF.type, KB.ReferenceSource) in g
    assert "/article/" not in str(source)
    assert {str(o) for o in g.objects(source, DCTERMS.source)} == {
        "Peraturan Presiden Nomor 180 Tahun 2024", "Peraturan Presiden Nomor 181 Tahun 2024"}
    bangga_source = g.value(g.value(BANGGA, KB.nameChange), PROV.wasDerivedFrom)
    assert any(str(o).startswith("https://") for o in g.objects(bangga_source, DCTERMS.source))
    # every statement of the graph is derived from a lexicon row, never from an article
    for node in set(g.objects(None, KB.hadName)) | set(g.objects(None, KB.nameChange)):
        assert str(g.value(node, PROV.wasDerivedFrom)).startswith(ID + "lexicon/")


def test_the_reference_graph_is_deterministic():
    assert reference_graph_ntriples() == "".join(sorted(
        {f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in reference_triples(load_lexicon())}))


def test_levels_parents_wikidata_ids_and_codes_come_from_the_lexicon_row():
    g = _graph()
    place = ID + "place/"
    kalbar, pontianak = URIRef(place + "provinsi-kalimantan-barat"), URIRef(place + "kota-pontianak")
    kampung_kb = URIRef(ID + "program/kampung-keluarga-berencana")
    assert g.value(BKKBN, KB.governmentLevel) == KB.LevelPusat
    assert g.value(kampung_kb, KB.partOfProgram) == BANGGA
    assert g.value(kalbar, KB.wikidataId) == Literal("Q3916")
    assert (kalbar, SCHEMA.sameAs, URIRef("http://www.wikidata.org/entity/Q3916")) in g
    assert g.value(pontianak, KB.kemendagriCode) == Literal("61.71")
    for entity, row in ((BKKBN, "organizations.csv: Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"),
                        (kampung_kb, "programs.csv: Kampung Keluarga Berencana"),
                        (kalbar, "provinces.csv"), (pontianak, "regencies.csv")):
        (source,) = g.objects(entity, PROV.wasDerivedFrom)
        assert str(g.value(source, RDFS.label)) == f"ontology/lexicon/{row}"
        assert (source, RDF.type, KB.ReferenceSource) in g
        # no types or labels: an entity no article names stays out of every table
        assert not set(g.objects(entity, RDF.type)) and not set(g.objects(entity, RDFS.label))


def test_an_article_graph_states_lexicon_knowledge_only_with_a_sentence_naming_both_ends():
    from kbgraph.loaders.pipeline import article_rdf, extract_article
    from kbgraph.loaders.read import read_path
    from kbgraph.loaders.reference import as_the_article_states_it

    dev = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "dev").glob("*.txt"))
    lexicon = reference_triples(load_lexicon())
    kept = dropped = 0
    for path in dev:
        (article,), _ = read_path(path)
        x = extract_article(article)
        y = as_the_article_states_it(x)
        for fact in y.facts:
            subject = URIRef(ID + fact.subject)
            obj = URIRef(ID + fact.obj.key) if hasattr(fact.obj, "key") else fact.obj
            if (subject, fact.predicate, obj) in lexicon and fact.predicate != KB.nameChange:
                kept += 1
                sentence = x.sentences[fact.evidence.sentence]
                for key in (fact.subject, fact.obj.key):
                    assert any(sentence.start <= m.span.start and m.span.end <= sentence.end
                               for m in x.entities[key].mentions), (path.name, fact, sentence.text)
        dropped += len(x.facts) - len(y.facts)
        g = article_rdf(x)
        assert not set(g.triples((None, KB.wikidataId, None))), path.name  # the lexicon graph's
        assert not set(g.triples((None, KB.kemendagriCode, None))), path.name
        assert (BKKBN, KB.governmentLevel, KB.LevelPusat) not in g, path.name
    # Kampung KB "part of" Bangga Kencana where one sentence names both, not where the
    # evidence was only the first sentence naming Kampung KB
    assert kept >= 10 and dropped >= 40


def test_the_lexicon_graph_holds_the_lexicon_names_and_an_article_graph_only_the_others():
    """Issue 18: the lexicon's aliases and abbreviations were repeated in every article
    graph naming the entity. They are the lexicon's, in its graph once; an article graph
    keeps its former names (a 2019 article calls BKKBN by the name it had then) and the
    names the lexicon does not know."""
    from rdflib.namespace import SKOS

    from kbgraph.loaders.pipeline import article_rdf, extract_article
    from kbgraph.loaders.read import read_path

    g = _graph()
    kalbar = URIRef(ID + "place/provinsi-kalimantan-barat")
    assert Literal("Kalbar", lang="id") in set(g.objects(kalbar, SKOS.altLabel))
    assert g.value(kalbar, KB.abbreviation) == Literal("Kalbar")
    assert g.value(BKKBN, KB.abbreviation) == Literal("BKKBN")
    assert Literal("BKKBN RI", lang="id") in set(g.objects(BKKBN, SKOS.altLabel))
    lexicon = reference_triples(load_lexicon())
    seed = Path(__file__).resolve().parents[2] / "loaders" / "sample"
    (article,), _ = read_path(next(seed.glob("*.txt")))
    x = extract_article(article)
    a = article_rdf(x)
    names = {(s, p, o) for p in (SKOS.altLabel, KB.abbreviation) for s, o in a.subject_objects(p)}
    assert names, "the seed's graph names entities the lexicon does not know"
    former = {Literal(f, lang="id") for e in x.entities.values() for f, _ in e.former_names}
    assert {t for t in names if t[2] not in former} & lexicon == set()
    # the former name the seed used stays in its graph
    assert (BKKBN, SKOS.altLabel, Literal("Badan Kependudukan dan Keluarga Berencana Nasional", lang="id")) in a
