"""The JSON-LD export keeps one named graph per article: rdflib's ``Dataset`` reads it
whole (the call README.md names); a plain ``Graph`` reads only the default graph."""

from __future__ import annotations

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kbgraph.graph.store.serialize import write_jsonld
from kbgraph.ontology.namespaces import GRAPH, KB, RDFS, SCHEMA

A = URIRef("https://w3id.org/kbgraph/id/article/a")
M = URIRef("https://w3id.org/kbgraph/id/event/m")
P_TEXT, P_EVIDENCE = URIRef("http://schema.org/text"), URIRef("http://example.org/evidence")


def test_dataset_reads_every_quad_of_the_jsonld_export():
    g1, g2 = GRAPH["article/a"], GRAPH["article/b"]
    evidence = BNode()
    quads = sorted([
        (A, SCHEMA.mentions, M, g1), (M, RDFS.label, Literal("Rakor", lang="id"), g1),
        (M, KB.participantCount, Literal(45), g2), (evidence, P_TEXT, Literal("teks"), g2),
        (M, P_EVIDENCE, evidence, g2),
    ], key=str)
    data = write_jsonld(quads).decode("utf-8")
    ds = Dataset()
    ds.parse(data=data, format="json-ld")
    got = {(s, p, o, getattr(c, "identifier", c)) for s, p, o, c in ds.quads((None, None, None, None))}
    assert {(s, p, o, g) for s, p, o, g in got if not isinstance(s, BNode)} == {
        q for q in quads if not isinstance(q[0], BNode)}
    assert len(got) == len(quads)
    assert len(Graph().parse(data=data, format="json-ld")) == 0  # why the README says Dataset
