"""The Python view of the ontology matches the ttl, and closed namespaces catch typos."""

import pytest
from rdflib import Graph, URIRef

from kbgraph.ontology import ONTOLOGY_TTL, codegen
from kbgraph.ontology.namespaces import KB, OA, SCHEMA, entity_iri, slugify


def test_generated_module_is_current():
    assert codegen.TARGET.read_text(encoding="utf-8") == codegen.render(codegen.kb_terms()), (
        "ontology/_kb.py is stale: run python -m kbgraph.ontology.codegen"
    )


def test_typo_in_term_raises():
    with pytest.raises(AttributeError):
        KB.organisedBy  # noqa: B018 - British spelling is not a term
    with pytest.raises(AttributeError):
        SCHEMA.startdate  # noqa: B018


@pytest.mark.parametrize("ns", [SCHEMA, OA])
def test_reused_terms_are_declared_in_the_ontology(ns):
    g = Graph().parse(ONTOLOGY_TTL)
    subjects = set(g.subjects())
    for name in ns.__annotations__:
        assert URIRef(ns._NS[name]) in subjects, f"{ns._NS[name]} is not declared in kbgraph.ttl"


def test_schema_is_http_not_https():
    assert str(SCHEMA.Event) == "http://schema.org/Event"


def test_iris_are_deterministic_and_ascii():
    assert slugify("Perwakilan BKKBN Provinsi Kalimantan Barat") == "perwakilan-bkkbn-provinsi-kalimantan-barat"
    assert entity_iri("org", "bkkbn") == URIRef("https://w3id.org/kbgraph/id/org/bkkbn")
    assert slugify("Dinas Kesehatan " * 20) == slugify("Dinas Kesehatan " * 20)
    with pytest.raises(ValueError):
        entity_iri("thing", "x")
