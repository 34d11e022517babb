"""Tables a researcher can count on, on the 14 development articles (tests/fixtures/dev):
one row per thing for every catalogue question, meetings' participants summing to the
gold total, no news outlet among the actors, a publisher for every article."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rdflib import URIRef

from kbgraph.queries.catalog import list_queries, run

from querykit import labelled

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "dev" / "gold"
KB = "https://w3id.org/kbgraph/ontology#"
BKKBN_IRI = "https://w3id.org/kbgraph/id/org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn"
ROW = "https://w3id.org/kbgraph/id/lexicon/org-kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn"


@pytest.mark.parametrize("info", list_queries(), ids=lambda q: q.name)
def test_every_question_says_what_a_row_is_and_no_row_repeats_its_key(dev_store, info):
    assert info.row, f"{info.name}: the header says what one row is (row:)"
    assert info.key and set(info.key) <= set(info.columns), info.name
    result = run(dev_store, info.name)
    assert len(result) > 0, info.name
    index = [result.variables.index(k) for k in info.key]
    keys = Counter(tuple(row[i] for i in index) for row in result.rows)
    repeated = {k: n for k, n in keys.items() if n > 1}
    assert not repeated, f"{info.name}: rows repeat their key {info.key}: {repeated}"


def test_meetings_participants_sum_to_the_gold_total(dev_store):
    gold = [m for f in sorted(GOLD.glob("*.json"))
            for m in json.loads(f.read_text(encoding="utf-8"))["meetings"]]
    # a meeting several articles report (a follow-up names the earlier one) counts once
    truth = {(m["label"], m["start"]): m["participants"] for m in gold if m["participants"]}
    result = run(dev_store, "meetings")
    col = result.variables.index("participants")
    got = [int(row[col]) for row in result.rows if row[col] is not None]
    assert len(result) == len({m["label"] for m in gold})
    assert sum(got) == sum(truth.values()) == 2685


def test_meetings_one_row_with_organizers_joined_and_opened_by(dev_store):
    rows = {r[1]: r for r in labelled(dev_store, run(dev_store, "meetings"))}
    sampali = rows["Pencanangan Kampung KB Desa Sampali"]
    assert sampali[2] == ("Pemerintah Kabupaten Deli Serdang | "
                          "Perwakilan BKKBN Provinsi Sumatera Utara")
    assert sampali[7] is None and sampali[8] == "Zulkarnain Nasution"  # opened, not chaired
    assert rows["Pertemuan Pokja Kampung KB Kabupaten Garut"][7] == "Dadang Sukmana"


def test_actors_hold_no_news_outlet(dev_store):
    result = run(dev_store, "actors")
    types = {str(row[2]) for row in result.rows}
    assert f"{KB}NewsPublisher" not in types
    labels = {r[1] for r in labelled(dev_store, result)}
    assert not {"ANTARA", "Warta Pantura", "Kabar Batanghari"} & labels
    assert "Perwakilan BKKBN Provinsi Jawa Tengah" in labels


def test_every_article_has_a_publisher(dev_store):
    rows = labelled(dev_store, run(dev_store, "articles"))
    assert len(rows) == 14
    assert all(r[3] for r in rows), [r[0] for r in rows if not r[3]]


def test_check_passes_on_the_dev_corpus(dev_store):
    """kbgraph check on the 14 articles: consistent, and the SHACL shapes follow the
    annotation rules (the honorary Duta GenRe title of 13 has no organization)."""
    from kbgraph.graph.check.reason import reason
    from kbgraph.graph.check.validate import validate

    owl = reason(dev_store)
    shacl = validate(dev_store)
    assert owl.consistent, owl.inconsistencies
    assert shacl.conforms, [str(r) for r in shacl.results]
    honorary = dev_store.select(
        "SELECT ?p WHERE { ?p a kb:HonoraryPost FILTER NOT EXISTS { ?p org:postIn ?o } }").rows
    assert [str(r[0]).rsplit("/", 1)[-1] for r in honorary] == ["duta-genre-lampung-2018"]


def test_reference_data_is_the_lexicon_s_and_no_article_is_named_for_what_it_does_not_say(dev_store):
    """Levels, Kemendagri codes and Wikidata IDs of lexicon entities are in the lexicon's
    graph, derived from its rows; an article graph holds none of them, and every parent
    it holds is read from a sentence of that article."""
    lexicon = "https://w3id.org/kbgraph/graph/lexicon"
    prefixes = ("PREFIX kb: <https://w3id.org/kbgraph/ontology#> "
                "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
                "PREFIX prov: <http://www.w3.org/ns/prov#> ")
    in_articles = dev_store.select(prefixes + f"""SELECT DISTINCT ?p WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
        FILTER(?g != <{lexicon}> && ?p IN (kb:wikidataId, kb:kemendagriCode))
        FILTER(STRSTARTS(STR(?g), "https://w3id.org/kbgraph/graph/article/")) }}""")
    assert in_articles.rows == []
    levels = dev_store.select(prefixes + f"""SELECT DISTINCT ?s ?g WHERE {{
        GRAPH ?g {{ ?e rdf:predicate kb:governmentLevel ; rdf:subject ?s }}
        GRAPH <{lexicon}> {{ ?s kb:governmentLevel ?level }} }}""")
    assert levels.rows == []  # a lexicon entity's level is never an article's reading
    derived = dev_store.select(prefixes + f"""SELECT ?s ?row WHERE {{ GRAPH <{lexicon}> {{
        ?s kb:governmentLevel kb:LevelPusat ; prov:wasDerivedFrom ?row }} }}""")
    assert (URIRef(BKKBN_IRI), URIRef(ROW)) in {tuple(r) for r in derived.rows}
    coverage = run(dev_store, "program-coverage").to_dicts()  # the tables still know the level
    assert any(str(r["level"]).endswith("LevelPusat") for r in coverage)
    parents = [r for r in run(dev_store, "evidence").to_dicts()
               if str(r["predicate"]).endswith("#partOfProgram")]
    assert parents  # read where a sentence names both programs (tests/loaders/test_reference.py)
    for r in parents:
        said = str(r["sentence"]).casefold()
        assert any(name in said for name in (str(r["objectName"]).split()[-1].casefold(), "kkbpk",
                                             "bangga kencana")), r
