"""The ontology parses, is documented in both languages, loads in owlready2, and HermiT
finds it consistent — and finds a person who is also an organization inconsistent."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SH

from kbgraph.ontology import ONTOLOGY_TTL, SHAPES_TTL
from kbgraph.ontology.namespaces import FOAF, ID, KB, ORG, PREFIXES
from kbgraph.ontology.owl import (
    OWL_PATH, ReasonerUnavailable, new_world, ontology_ntriples, render_owl, run_reasoner,
)

KB_NS = PREFIXES["kb"]
TERM_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def test_the_ontology_parses_and_declares_itself(onto):
    assert (URIRef("https://w3id.org/kbgraph/ontology"), RDF.type, OWL.Ontology) in onto
    assert len(onto) > 800


def test_every_kb_class_and_property_has_labels_in_both_languages_and_a_comment(onto):
    terms = {s for t in TERM_TYPES for s in onto.subjects(RDF.type, t)
             if isinstance(s, URIRef) and str(s).startswith(KB_NS)}
    assert len(terms) > 60
    missing = []
    for term in sorted(terms):
        langs = {lit.language for lit in onto.objects(term, RDFS.label) if isinstance(lit, Literal)}
        if not {"id", "en"} <= langs or onto.value(term, RDFS.comment) is None:
            missing.append(str(term))
    assert missing == []


def test_person_and_organization_are_disjoint(onto):
    members = set()
    for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= set(onto.items(onto.value(axiom, OWL.members)))
    assert {FOAF.Person, ORG.Organization} <= members


def test_the_rdfxml_rendering_is_current_and_equivalent():
    assert OWL_PATH.read_bytes() == render_owl(), (
        "ontology/kbgraph.owl is stale: run python -m kbgraph.ontology.owl")
    assert render_owl() == render_owl()  # deterministic: canonical blank nodes, sorted
    xml = Graph().parse(OWL_PATH, format="xml")
    assert isomorphic(xml, Graph().parse(ONTOLOGY_TTL, format="turtle"))


def test_the_canonical_ntriples_are_the_ontology():
    nt = ontology_ntriples()
    assert nt.splitlines() == sorted(nt.splitlines())
    assert isomorphic(Graph().parse(data=nt, format="nt"), Graph().parse(ONTOLOGY_TTL, format="turtle"))


def test_the_owl_file_loads_in_owlready2():
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(OWL_PATH.as_uri()).load()
    names = {c.iri for c in onto.classes()}
    assert str(KB.Meeting) in names and str(KB.RepresentativeOffice) in names


def test_hermit_finds_the_ontology_consistent():
    world, _ = new_world()
    result = run_reasoner(world)
    assert result.consistent and result.reasoner == "hermit"


def _nt(*triples) -> str:
    return "".join(f"{ox.NamedNode(str(s))} {ox.NamedNode(str(p))} {ox.NamedNode(str(o))} .\n"
                   for s, p, o in triples)


def test_hermit_infers_from_a_consistent_sample():
    person, post, unit = ID["person/muslimat"], ID["post/kepala-bidang-adpin"], ID["org/bidang-adpin"]
    world, _ = new_world(_nt(
        (person, RDF.type, FOAF.Person), (person, ORG.holds, post),
        (post, ORG.postIn, unit), (unit, ORG.unitOf, ID["org/bkkbn-kalbar"]),
    ))
    result = run_reasoner(world)
    assert result.consistent
    inferred = result.inferred_ntriples.splitlines()
    assert f"<{post}> <{RDF.type}> <{ORG.Post}> ." in inferred  # from the domain of org:postIn
    assert f"<{unit}> <{RDF.type}> <{ORG.OrganizationalUnit}> ." in inferred


def test_an_individual_both_person_and_organization_is_inconsistent():
    x = ID["person/muslimat"]
    world, _ = new_world(_nt((x, RDF.type, FOAF.Person), (x, RDF.type, ORG.Organization)))
    assert run_reasoner(world).consistent is False


def test_pellet_on_this_java_is_a_clear_error():
    world, _ = new_world()
    try:
        result = run_reasoner(world, reasoner="pellet")
    except ReasonerUnavailable as exc:
        assert "pellet" in str(exc) and "hermit" in str(exc)
    else:  # a Pellet that runs must agree with HermiT
        assert result.consistent


def test_unknown_reasoner():
    world, _ = new_world()
    with pytest.raises(ReasonerUnavailable, match="unknown reasoner"):
        run_reasoner(world, reasoner="fact++")


def test_the_shapes_parse_with_pyshacl_and_accept_an_empty_graph():
    import pyshacl

    shapes = Graph().parse(SHAPES_TTL, format="turtle")
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert len(node_shapes) == 6
    for shape in node_shapes:
        langs = {lit.language for lit in shapes.objects(shape, RDFS.label)}
        assert {"id", "en"} <= langs and shapes.value(shape, RDFS.comment) is not None
    conforms, _, _ = pyshacl.validate(Graph(), shacl_graph=shapes)
    assert conforms is True
    assert all(isinstance(s, URIRef) for s in node_shapes)  # named, so reports can cite them
