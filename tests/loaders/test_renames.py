"""Renames an article reports: the sentence that says it, and only that one, makes the
article a source of the lexicon's rename (loaders/renames.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import URIRef

from kbgraph.loaders.pipeline import article_rdf, extract_article
from kbgraph.loaders.read import read_path
from kbgraph.loaders.reference import reference_triples
from kbgraph.ontology.lexicon import load_lexicon
from kbgraph.ontology.namespaces import KB, RDF

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = Path(__file__).resolve().parents[2] / "loaders" / "sample"
PROGRAM = "program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana"
BKKBN = "org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn"


@cache
def extraction(path: Path):
    (article,), errors = read_path(path)
    assert not errors
    return extract_article(article)


def renames(path: Path) -> list[tuple[str, str]]:
    """(entity key, sentence) of each rename the article reports."""
    x = extraction(path)
    return [(f.subject, x.sentences[f.evidence.sentence].text)
            for f in x.facts if f.predicate == KB.nameChange]


def test_an_article_that_says_the_program_was_renamed_reports_it():
    (found,) = renames(FIXTURES / "dev" / "06-kkbpk-jadi-bangga-kencana-jateng.txt")
    assert found[0] == PROGRAM
    assert "(KKBPK)" in found[1] and "resmi berganti menjadi Program Pembangunan" in found[1]


def test_an_article_that_says_bkkbn_became_a_ministry_reports_it():
    (found,) = renames(FIXTURES / "dev" / "07-kemendukbangga-kaltim.txt")
    assert found[0] == BKKBN
    assert "lembaga induknya berubah menjadi Kementerian Kependudukan" in found[1]


@pytest.mark.parametrize("year, words", [("2021", "yang dulu dikenal sebagai KKBPK"),
                                         ("2025", "yang sebelum 2020 bernama KKBPK")])
def test_formerly_known_as_reports_the_program_rename_and_nothing_else(year, words):
    (path,) = (FIXTURES / "names-in-time").glob(f"{year}-*.txt")
    (found,) = renames(path)  # the 2025 sentence also names Kemendukbangga/BKKBN: not a rename
    assert found[0] == PROGRAM and words in found[1]


def test_articles_that_only_use_a_name_report_no_rename():
    quiet = [*sorted((FIXTURES / "dev").glob("*.txt")), *SAMPLE.glob("*.txt"),
             *(FIXTURES / "names-in-time").glob("2017-*.txt")]
    quiet = [p for p in quiet if not p.name.startswith(("06-", "07-"))]
    assert len(quiet) == 14
    assert {p.name: renames(p) for p in quiet} == {p.name: [] for p in quiet}


def test_the_article_graph_cites_the_sentence_for_the_lexicon_s_own_rename():
    path = FIXTURES / "dev" / "06-kkbpk-jadi-bangga-kencana-jateng.txt"
    x = extraction(path)
    g = article_rdf(x)
    (change,) = g.objects(None, KB.nameChange)
    lexicon = reference_triples(load_lexicon())
    assert (change, RDF.type, KB.NameChange) in lexicon  # the same rename, not another one
    assert (URIRef(f"https://w3id.org/kbgraph/id/{PROGRAM}"), KB.nameChange, change) in lexicon
    (evidence,) = g.subjects(RDF.object, change)
    assert (evidence, RDF.type, KB.Evidence) in g
    # the date stays the lexicon's: the article adds no date and no description of its own
    assert not set(g.predicate_objects(change))
