"""SHACL validation: the seed conforms; each rule of ontology/shapes.ttl catches its fault and
the report names the node, the property, the rule and the article's file."""

from __future__ import annotations

import pytest
from buildkit import seed_nquads, store_with
from rdflib import Graph, Literal
from rdflib.namespace import SH

from kbgraph.graph.check.validate import shape_classes, validate
from kbgraph.ontology import SHAPES_TTL
from kbgraph.ontology.namespaces import FOAF, KB, ORG, RDF, SCHEMA

pytestmark = pytest.mark.slow  # the seed is built by the real loaders

SEED_FILE = "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
MEETING_LABEL = "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)"
PREFIXES = """PREFIX kb: <https://w3id.org/kbgraph/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX org: <http://www.w3.org/ns/org#>
"""


@pytest.fixture
def seed(tmp_path):
    with store_with(seed_nquads(), tmp_path / "store") as store:
        yield store


def test_the_seed_conforms(seed):
    report = validate(seed)
    assert report.conforms and report.results == []
    assert report.focus_nodes > 20
    assert (None, SH.conforms, Literal(True)) in report.report_graph
    assert report.summary().startswith("SHACL: conforms, 0 warnings")


def test_the_data_graph_covers_every_class_the_shapes_name():
    classes = shape_classes(Graph().parse(SHAPES_TTL))
    assert {KB.Meeting, KB.Statement, ORG.Post, FOAF.Person, SCHEMA.NewsArticle} <= set(classes)


# (SPARQL update breaking the seed, expected path, expected message start, focus label)
FAULTS = [
    ('DELETE { GRAPH ?g { ?m schema:endDate ?e } } INSERT { GRAPH ?g { ?m schema:endDate "2019-11-20"^^xsd:date } } '
     'WHERE { GRAPH ?g { ?m schema:endDate ?e } }',
     "schema:startDate", "the start date must be an xsd:date and not after the end date", MEETING_LABEL),
    ("DELETE WHERE { GRAPH ?g { ?m kb:organizedBy ?o ; schema:location ?l } }",
     None, "a meeting with neither an organizer nor a location", MEETING_LABEL),
    ("DELETE WHERE { GRAPH ?g { ?m kb:year ?y } }",
     None, "a meeting with neither a start date nor a year", "Rapat Koordinasi PWG dan AMP; DWG 2018"),
    ("DELETE WHERE { GRAPH ?g { ?m schema:startDate ?s } }",
     None, "a meeting with an end date but no start date", MEETING_LABEL),
    ('DELETE { GRAPH ?g { ?m kb:participantCount ?n } } INSERT { GRAPH ?g { ?m kb:participantCount 0 } } '
     'WHERE { GRAPH ?g { ?m kb:participantCount ?n } }',
     "kb:participantCount", "the participant count must be one positive integer", MEETING_LABEL),
    ("DELETE WHERE { GRAPH ?g { ?p org:postIn ?o } }",
     None, "a post must belong to an organization (org:postIn)", None),  # unless honorary: a node rule
    ("DELETE WHERE { GRAPH ?g { ?s a kb:DirectQuote ; prov:wasAttributedTo ?who } }",
     "prov:wasAttributedTo", "a statement must have a speaker who is a person", None),
    ("DELETE WHERE { GRAPH ?g { ?a schema:mentions <https://w3id.org/kbgraph/id/person/muslimat> } }",
     "^schema:mentions|prov:wasDerivedFrom", "an entity must be mentioned by at least one article", "Muslimat"),
]


@pytest.mark.parametrize("update, path, message, label", FAULTS, ids=[f[2][:40] for f in FAULTS])
def test_each_rule_catches_its_fault_and_names_the_article(seed, update, path, message, label):
    seed.ox_store.update(PREFIXES + update)
    report = validate(seed)
    assert not report.conforms
    hits = [r for r in report.violations if r.message.startswith(message)]
    assert hits, [str(r) for r in report.results]
    hit = hits[0]
    assert hit.path == path
    if label is not None:
        assert hit.label == label
    if label != "Muslimat":  # its only link to the article was what we removed
        assert any(s.endswith(SEED_FILE) for s in hit.sources)
        assert SEED_FILE in str(hit)
    assert str(hit).startswith("Violation: ")


def test_kbgraph_check_reports_violations_and_writes_the_report_graph(seed, tmp_path, capsys):
    from kbgraph.cli import main

    seed.ox_store.update(PREFIXES + FAULTS[0][0])
    path = seed.location
    seed.close()
    out_file = tmp_path / "shacl.ttl"
    assert main(["check", "--store", path, "--shacl-report", str(out_file)]) == 1
    captured = capsys.readouterr()
    assert f"Violation: {MEETING_LABEL} <kbid:event/" in captured.out
    assert "not after the end date" in captured.out and SEED_FILE in captured.err
    report = Graph().parse(out_file, format="turtle")
    assert (None, SH.conforms, Literal(False)) in report
    assert len(list(report.subjects(RDF.type, SH.ValidationResult))) == 1
