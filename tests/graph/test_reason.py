"""OWL reasoning over the store: the seed is consistent; a person made an organization is
caught and named with its article; inferences are materialized in their own graph."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from buildkit import seed_nquads, store_with

from kbgraph.cli import main
from kbgraph.graph.store import open_store
from kbgraph.graph.check.reason import reason
from kbgraph.ontology.namespaces import FOAF, ID, INFERRED_GRAPH, KB, ORG, RDF, XSD
from kbgraph.ontology.owl import ReasonerUnavailable

pytestmark = pytest.mark.slow  # the seed is built by the real loaders; HermiT runs on Java

SEED_FILE = "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
MUSLIMAT = ID["person/muslimat"]


@pytest.fixture
def seed(tmp_path):
    with store_with(seed_nquads(), tmp_path / "store") as store:
        yield store


def seed_graph(store):
    (g,), = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle } }").rows
    return g


def add(store, graph, *triples) -> None:
    """Append triples to an article graph, as a faulty extraction would have written them."""
    extra = "".join(f"<{s}> <{p}> {o.n3() if hasattr(o, 'n3') else o} .\n" for s, p, o in triples)
    store.write({graph: store.graph_ntriples(graph) + extra})


def test_the_seed_graph_is_consistent_and_inferences_are_materialized(seed):
    report = reason(seed, materialize=True)
    assert report.consistent and report.inconsistencies == []
    assert report.articles == 1 and report.triples > 100
    inferred = seed.graph_ntriples(INFERRED_GRAPH)
    assert report.materialized and inferred.count("\n") == report.inferred > 0
    again = reason(seed, materialize=True)  # dropped and recomputed: the same triples, once
    assert seed.graph_ntriples(INFERRED_GRAPH) == inferred and again.inferred == report.inferred
    assert "consistent" in report.summary()


def test_a_person_made_an_organization_is_named_with_its_article(seed):
    add(seed, seed_graph(seed), (MUSLIMAT, RDF.type, ORG.Organization))
    reason(seed, materialize=False)
    report = reason(seed, materialize=True)
    assert not report.consistent and not report.materialized
    assert INFERRED_GRAPH not in seed.graphs()
    (problem,) = report.inconsistencies
    assert problem.entity == MUSLIMAT and problem.label == "Muslimat"
    assert set(problem.classes) == {FOAF.Person, ORG.Organization}
    assert any(s.endswith(SEED_FILE) for s in problem.sources)
    assert str(problem).startswith("Muslimat <kbid:person/muslimat> is both org:Organization (asserted in kbid:article/")
    assert "and foaf:Person (asserted in kbid:article/" in str(problem)
    assert SEED_FILE in str(problem) and "disjoint" in str(problem)


def test_a_type_implied_by_a_property_range_is_explained(seed):
    # an organization that "holds a post" is, by the domain of org:holds, a person
    add(seed, seed_graph(seed), (ID["org/perwakilan-bkkbn-provinsi-kalimantan-barat"], ORG.holds,
                                 ID["post/kepala-bidang-advokasi-pergerakan-dan-informasi"]))
    report = reason(seed)
    assert not report.consistent
    (problem,) = report.inconsistencies
    assert problem.entity == ID["org/perwakilan-bkkbn-provinsi-kalimantan-barat"]
    assert "implied by org:holds" in str(problem)


def second_article(seed, *lines: str) -> None:
    """A second article graph (source file salinan.txt) holding ``lines``."""
    other = URIRef(str(seed_graph(seed)).replace("/article/", "/article/salinan-"))
    article = ID["article/salinan"]
    seed.write({other: (
        f"<{article}> <{RDF.type}> <http://schema.org/NewsArticle> .\n"
        f"<{article}> <{KB.sourcePath}> \"salinan.txt\" .\n" + "".join(lines))})


def test_two_values_of_a_functional_property_are_named_with_both_articles(seed):
    # kb:participantCount is functional: two articles giving two counts for one meeting
    (meeting,), = seed.select("SELECT ?m WHERE { ?m kb:participantCount ?n }").rows
    second_article(seed, f"<{meeting}> <{RDF.type}> <{KB.Meeting}> .\n",
                   f"<{meeting}> <{KB.participantCount}> \"200\"^^<{XSD.integer}> .\n")
    report = reason(seed)
    assert not report.consistent
    (problem,) = report.inconsistencies
    assert str(problem).startswith(
        "pertemuan kelompok kerja Kampung Keluarga Berencana (KB) <kbid:event/")
    assert "has more than one kb:participantCount, which the ontology allows once: 133 in kbid:article/" in str(problem)
    assert str(problem).endswith(", 200 in kbid:article/salinan (salinan.txt)")
    assert "salinan.txt" in problem.sources and any(s.endswith(SEED_FILE) for s in problem.sources)


def test_other_inconsistencies_are_found_by_bisecting_articles(seed):
    # a negative count is outside xsd:positiveInteger, the range of kb:participantCount
    meeting = ID["event/rapat-lain"]
    second_article(seed, f"<{meeting}> <{RDF.type}> <{KB.Meeting}> .\n",
                   f"<{meeting}> <{KB.participantCount}> \"-5\"^^<{XSD.integer}> .\n")
    report = reason(seed)
    assert not report.consistent
    (problem,) = report.inconsistencies
    assert str(problem) == ("the reasoner found the graph inconsistent; the smallest inconsistent "
                            "set of articles found is: kbid:article/salinan (salinan.txt)")
    assert problem.sources == ("salinan.txt",)


def test_pellet_is_refused_clearly_on_this_java(seed):
    try:
        report = reason(seed, reasoner="pellet")
    except ReasonerUnavailable as exc:
        assert "hermit" in str(exc)
    else:
        assert report.consistent


def test_kbgraph_check_exits_1_naming_the_article(seed, capsys):
    path = seed.location
    seed.close()
    assert main(["check", "--store", path]) == 0
    out = capsys.readouterr().out
    assert "hermit: consistent" in out and "SHACL: conforms" in out
    with open_store(path, create=False) as st:
        add(st, seed_graph(st), (MUSLIMAT, RDF.type, ORG.Organization))
    assert main(["check", "--store", path]) == 1
    captured = capsys.readouterr()
    assert "inconsistent: Muslimat <kbid:person/muslimat> is both" in captured.out
    assert "articles to look at:" in captured.err and SEED_FILE in captured.err
