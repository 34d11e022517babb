"""Exports round-trip: every file parses back, in the tool's own reader, to what the store holds.

The store is a real embedded Oxigraph store loaded with tests/fixtures/export-handmade.trig
(two article graphs and the inferred graph, see the file) plus the ontology, and, for
the hostile-text tests, one more article graph whose labels carry quotes, newlines,
``</script>``, ``"} ; DROP ALL`` and control characters.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from kbgraph.graph.export import neo4j as export_neo4j
from kbgraph.graph.export import network as export_network
from kbgraph.graph.export import FORMATS, export, render, select_quads
from kbgraph.graph.network import project
from kbgraph.graph.store import open_store
from kbgraph.graph.store.terms import ntriples_of
from kbgraph.ontology import ONTOLOGY_TTL
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import (
    FOAF,
    ID,
    INFERRED_GRAPH,
    KB,
    OA,
    ONTOLOGY_GRAPH,
    ORG,
    OWL,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    WD,
    article_graph,
)
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kbgraph.cli import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "export-handmade.trig"

HOSTILE = 'Dinas "Kesehatan"\nbaris dua\r\n</script><script>alert(1)</script> "} ; DROP ALL \x01\x1b\x7f\ttab \\ end'
#: What XML formats (owl, graphml, gexf) carry: characters XML 1.0 forbids become U+FFFD.
HOSTILE_XML = HOSTILE.replace("\x01", "\ufffd").replace("\x1b", "\ufffd")
HOSTILE_ORG = ID["org/dinas-hostile"]
HOSTILE_GRAPH = article_graph("hostile")

POKJA = ID["event/pertemuan-pokja-kampung-kb-kalbar-2019"]
PERWAKILAN = ID["org/perwakilan-bkkbn-provinsi-kalimantan-barat"]
MUSLIMAT = ID["person/muslimat"]
PROVENANCE_PREFIXES = tuple(str(ID[k]) for k in ("mention/", "evidence/", "statement/"))


# --------------------------------------------------------------------------- fixtures


def fixture_dataset(hostile: bool = False) -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    ds.graph(ONTOLOGY_GRAPH).parse(ONTOLOGY_TTL, format="turtle")
    if hostile:
        g = ds.graph(HOSTILE_GRAPH)
        article = ID["article/hostile"]
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.mentions, HOSTILE_ORG))
        g.add((HOSTILE_ORG, RDF.type, KB.RegionalAgency))
        g.add((HOSTILE_ORG, RDF.type, ORG.Organization))
        g.add((HOSTILE_ORG, RDFS.label, Literal(HOSTILE, lang="id")))
        g.add((HOSTILE_ORG, SKOS.altLabel, Literal("alias; with \"quote\"", lang="id")))
        g.add((HOSTILE_ORG, KB.abbreviation, Literal(HOSTILE)))
        g.add((POKJA, RDF.type, KB.Meeting))
        g.add((POKJA, KB.organizedBy, HOSTILE_ORG))
        g.add((POKJA, KB.openedBy, MUSLIMAT))  # a second edge beside kb:chairedBy: a multigraph
        statement = ID["statement/hostile-0"]
        g.add((statement, RDF.type, KB.DirectQuote))
        g.add((statement, RDF.type, KB.Statement))
        g.add((statement, SCHEMA.text, Literal(HOSTILE)))
    return ds


def load_store(path: Path, ds: Dataset):
    store = open_store(path)
    store.write({
        ctx.identifier: ntriples_of(ctx)
        for ctx in ds.graphs() if ctx.identifier != DATASET_DEFAULT_GRAPH_ID and len(ctx)
    })
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    st = load_store(tmp_path_factory.mktemp("export-store") / "store", fixture_dataset())
    yield st
    st.close()


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    st = load_store(tmp_path_factory.mktemp("export-hostile") / "store", fixture_dataset(hostile=True))
    yield st
    st.close()


@pytest.fixture(scope="module")
def network(hostile_store) -> nx.MultiDiGraph:
    return project(hostile_store)


_EXPECTED: dict[tuple[str, str], object] = {}  # (store location, what) → graph(s); stores are module-wide


def union_of(st) -> Graph:
    if (st.location, "union") not in _EXPECTED:
        g = Graph()
        for s, p, o, _ in st.quads():
            g.add((s, p, o))
        _EXPECTED[st.location, "union"] = g
    return _EXPECTED[st.location, "union"]


def graphs_of(st) -> dict[URIRef, Graph]:
    if (st.location, "graphs") not in _EXPECTED:
        out: dict[URIRef, Graph] = {}
        for s, p, o, g in st.quads():
            out.setdefault(g, Graph()).add((s, p, o))
        _EXPECTED[st.location, "graphs"] = out
    return _EXPECTED[st.location, "graphs"]


def named_graphs(ds: Dataset) -> dict[URIRef, Graph]:
    return {
        ctx.identifier: ctx for ctx in ds.graphs()
        if ctx.identifier != DATASET_DEFAULT_GRAPH_ID and len(ctx)
    }


def same_graph(a: Graph, b: Graph) -> bool:
    """Isomorphism, checked fast: equal ground triples, isomorphic blank-node parts."""
    def split(g: Graph) -> tuple[set, Graph]:
        ground, with_bnodes = set(), Graph()
        for t in g:
            (with_bnodes.add(t) if any(isinstance(x, BNode) for x in t) else ground.add(t))
        return ground, with_bnodes

    (ground_a, bn_a), (ground_b, bn_b) = split(a), split(b)
    return ground_a == ground_b and isomorphic(bn_a, bn_b)


RDF_PARSER = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "owl": "xml"}


# --------------------------------------------------------------------------- RDF round trips


def check_union_round_trip(st, fmt: str, tmp_path: Path) -> Graph:
    """ttl/nt parse back to a graph isomorphic to the union of the store's graphs."""
    path = export(st, fmt, tmp_path / f"g.{fmt}").path
    back = Graph().parse(path, format=RDF_PARSER[fmt])
    expected = union_of(st)
    assert len(back) == len(expected)
    assert same_graph(back, expected)
    return back


def check_dataset_round_trip(st, fmt: str, tmp_path: Path) -> dict[URIRef, Graph]:
    """nq/trig/jsonld parse back with every named graph isomorphic to the store's."""
    path = export(st, fmt, tmp_path / f"g.{fmt}").path
    back = named_graphs(Dataset().parse(path, format=RDF_PARSER[fmt]))
    expected = graphs_of(st)
    assert sorted(back) == sorted(expected)
    for name, graph in expected.items():
        assert len(back[name]) == len(graph), name
        assert same_graph(back[name], graph), name
    return back


@pytest.mark.parametrize("fmt", ["ttl", "nt"])
def test_union_formats_parse_back_to_the_store_union(store, tmp_path, fmt):
    assert len(check_union_round_trip(store, fmt, tmp_path)) > 400


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_dataset_formats_keep_every_named_graph(store, tmp_path, fmt):
    back = check_dataset_round_trip(store, fmt, tmp_path)
    assert sorted(back) == sorted([
        ONTOLOGY_GRAPH, INFERRED_GRAPH,
        article_graph("antara-kalbar-2019-11-26-pokja-kampung-kb"),
        article_graph("pontianak-2020-02-10-rakor-bangga-kencana"),
    ])


def test_jsonld_uses_the_project_prefixes_as_context(store):
    doc = json.loads(render(store, "jsonld"))
    assert doc["@context"]["kb"] == str(KB._NS)
    assert doc["@context"]["schema"] == "http://schema.org/"
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    office = next(n for n in graphs[str(INFERRED_GRAPH)] if n["@id"] == str(PERWAKILAN))
    assert office["kb:organizes"] == [
        {"@id": str(POKJA)}, {"@id": str(ID["event/rakor-bangga-kencana-kalbar-2020"])},
    ]
    assert office["org:transitiveSubOrganizationOf"] == {"@id": str(ID["org/bkkbn"])}


def test_nt_and_nq_lines_are_sorted_and_unique(store):
    for fmt in ("nt", "nq"):
        lines = render(store, fmt).decode("utf-8").splitlines()
        assert lines == sorted(set(lines))
    nq = render(store, "nq").decode("utf-8").splitlines()
    assert sum(line.endswith(f"<{INFERRED_GRAPH}> .") for line in nq) == 6


# --------------------------------------------------------------------------- selections


def test_entities_selection_leaves_out_provenance_ontology_and_inferred(store):
    got = {(s, p, o) for s, p, o, _ in select_quads(store, "entities")}
    fixture = fixture_dataset()
    expected = {
        (s, p, o)
        for name, g in named_graphs(fixture).items() if name not in (ONTOLOGY_GRAPH, INFERRED_GRAPH)
        for s, p, o in g
        if not str(s).startswith(PROVENANCE_PREFIXES) and not str(o).startswith(PROVENANCE_PREFIXES)
    }
    assert got == expected
    predicates = {p for _, p, _ in got}
    assert {OA.hasTarget, OA.exact, OA.hasBody, RDF.subject, SCHEMA.text} & predicates == set()
    assert (POKJA, KB.organizedBy, PERWAKILAN) in got
    assert (ID["article/antara-kalbar-2019-11-26-pokja-kampung-kb"], SCHEMA.mentions, MUSLIMAT) in got
    assert not any(o == OWL.Class for _, _, o in got)


def test_entities_selection_also_drops_provenance_known_only_by_type(tmp_path):
    ds = Dataset()
    g = ds.graph(article_graph("x"))
    odd = URIRef("https://example.org/annotation/1")  # not a kbid:mention/ IRI
    g.add((odd, RDF.type, KB.Mention))
    g.add((odd, OA.hasBody, MUSLIMAT))
    g.add((MUSLIMAT, RDF.type, FOAF.Person))
    with load_store(tmp_path / "s", ds) as st:
        assert [(s, p, o) for s, p, o, _ in select_quads(st, "entities")] == [(MUSLIMAT, RDF.type, FOAF.Person)]


def test_inferred_selection_is_the_inferred_graph(store):
    back = Graph().parse(data=render(store, "nt", graph="inferred").decode(), format="nt")
    expected = named_graphs(fixture_dataset())[INFERRED_GRAPH]
    assert len(back) == 6
    assert isomorphic(back, expected)


def test_empty_selection_is_an_input_error(tmp_path):
    ds = Dataset()
    ds.graph(article_graph("x")).add((MUSLIMAT, RDF.type, FOAF.Person))
    with load_store(tmp_path / "s", ds) as st, pytest.raises(InputError, match="'inferred' selection of the "
                                                                      "store is empty"):
        export(st, "ttl", tmp_path / "x.ttl", graph="inferred")
    assert not (tmp_path / "x.ttl").exists()


def test_unknown_format_and_graph_are_input_errors(store, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'rdfxml'"):
        export(store, "rdfxml", tmp_path / "x")
    with pytest.raises(InputError, match="unknown graph selection 'facts'"):
        export(store, "nt", tmp_path / "x", graph="facts")
    with pytest.raises(InputError, match="--graph inferred applies to the RDF formats"):
        export(store, "gexf", tmp_path / "x", graph="inferred")
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- OWL


def load_owl(path: Path):
    import owlready2

    world = owlready2.World()
    world.get_ontology(path.resolve().as_uri()).load()
    return world


def instance_iris(st, graph: str = "all") -> set[str]:
    """Every kbid: IRI the selection holds, as subject or object."""
    return {
        str(t) for s, _, o, _ in select_quads(st, graph) for t in (s, o)
        if isinstance(t, URIRef) and str(t).startswith(str(ID))
    }


def check_owl_individuals(st, tmp_path: Path, graph: str = "all"):
    """The owl file loads in owlready2; its kbid: individuals are the selection's instances."""
    world = load_owl(export(st, "owl", tmp_path / f"{graph}.owl", graph=graph).path)
    individuals = {i.iri for i in world.individuals()}
    assert {i for i in individuals if i.startswith(str(ID))} == instance_iris(st, graph)
    return world, individuals


def test_owl_loads_in_owlready2_with_the_same_individuals(store, tmp_path):
    world, individuals = check_owl_individuals(store, tmp_path)
    assert len(instance_iris(store)) == 25  # 16 entities and articles, 4 period nodes, 5 provenance nodes (compact: no selector nodes)
    assert {i for i in individuals if not i.startswith(str(ID))} == {
        str(WD.Q14168), str(WD.Q3916),
        *(str(KB[f"Level{x}"]) for x in ("Pusat", "Provinsi", "Kabupaten", "Kota", "Kecamatan", "Desa",
                                          "LiniLapangan")),
    }
    pokja = world[str(POKJA)]
    assert {c.iri for c in pokja.is_a} == {str(KB.Meeting)}
    assert pokja.participantCount == 133  # a functional property: one value
    assert [p.iri for p in pokja.chairedBy] == [str(MUSLIMAT)]
    # evidence stays in, typed, with its reified triple; rdf:object may be a literal
    evidence = world[str(ID["evidence/antara-kalbar-2019-11-26-pokja-kampung-kb-77d0e1"])]
    assert {c.iri for c in evidence.is_a} == {str(KB.Evidence)}
    rdf_object = world[str(RDF.object)]
    assert rdf_object[evidence] == [133]
    assert [x.iri for x in world[str(RDF.predicate)][evidence]] == [str(KB.participantCount)]
    # the ontology came along: classes and the disjointness axiom
    assert world[str(KB.RepresentativeOffice)] is not None
    assert len(list(world.disjoint_classes())) >= 1


def test_owl_entities_has_no_evidence_individuals(store, tmp_path):
    world, individuals = check_owl_individuals(store, tmp_path, "entities")
    assert not any(i.startswith(PROVENANCE_PREFIXES) for i in individuals)
    assert not list(world[str(KB.Evidence)].instances())


def test_owl_declares_undeclared_terms_and_drops_kind_clashes(tmp_path):
    ds = Dataset()
    g = ds.graph(article_graph("x"))
    https_event = URIRef("https://schema.org/Event")  # rdflib's SDO: not the project's schema.org
    g.add((POKJA, RDF.type, https_event))
    g.add((POKJA, URIRef("https://schema.org/name"), Literal("pertemuan")))
    g.add((POKJA, KB.organizedBy, Literal("not an IRI")))  # object property with a literal
    g.add((POKJA, KB.participantCount, PERWAKILAN))  # datatype property with an IRI
    g.add((POKJA, KB.organizedBy, PERWAKILAN))
    with load_store(tmp_path / "s", ds) as st:
        path = export(st, "owl", tmp_path / "x.owl").path
    out = Graph().parse(path, format="xml")
    assert (https_event, RDF.type, OWL.Class) in out
    assert (URIRef("https://schema.org/name"), RDF.type, OWL.DatatypeProperty) in out
    assert (POKJA, KB.organizedBy, PERWAKILAN) in out
    assert (POKJA, KB.organizedBy, Literal("not an IRI")) not in out
    assert (POKJA, KB.participantCount, PERWAKILAN) not in out
    assert {(POKJA, RDF.type, OWL.NamedIndividual), (PERWAKILAN, RDF.type, OWL.NamedIndividual)} <= set(out)
    world = load_owl(path)
    assert {i.iri for i in world.individuals() if i.iri.startswith(str(ID))} == {str(POKJA), str(PERWAKILAN)}


# --------------------------------------------------------------------------- networks


def expected_scalars(data: dict) -> dict:
    """The projection's attributes as the desktop formats must carry them."""
    out = {}
    for k, v in data.items():
        if isinstance(v, list):
            if v:
                out[k] = " | ".join(str(x) for x in v)
        elif v is not None:
            out[k] = v
    return out


def edge_table(G: nx.MultiDiGraph, skip=()) -> Counter:
    return Counter(
        (u, v, tuple(sorted((k, x) for k, x in d.items() if k not in skip)))
        for u, v, d in G.edges(data=True)
    )


def test_projection_fixture_is_what_the_network_tests_expect(network):
    assert network.number_of_nodes() == 13
    assert network.number_of_edges() == 20
    assert sorted(network[str(POKJA)][str(MUSLIMAT)]) == ["chairedBy", "openedBy"]
    assert network.nodes[str(HOSTILE_ORG)]["label"] == HOSTILE


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def as_xml(data: dict) -> dict:
    """What an XML format can carry: C0 controls other than tab, LF, CR become U+FFFD."""
    return {k: _NOT_XML.sub("\ufffd", v) if isinstance(v, str) else v for k, v in data.items()}


def render_network(fmt: str, G: nx.MultiDiGraph):
    return FORMATS[fmt].write(G)


def check_graphml(G: nx.MultiDiGraph, tmp_path: Path) -> nx.MultiDiGraph:
    """networkx reads the GraphML back: same nodes, edges and (scalar) attributes."""
    data = render_network("graphml", G)
    (tmp_path / "g.graphml").write_bytes(data)
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert sorted(back) == sorted(G)
    for n in G:
        assert back.nodes[n] == as_xml(expected_scalars(G.nodes[n])), n
    assert edge_table(back) == Counter(
        (u, v, tuple(sorted(as_xml(expected_scalars(d)).items()))) for u, v, d in G.edges(data=True)
    )
    ids = re.findall(rb'<edge [^>]*id="([^"]+)"', data)  # unique: Gephi drops an edge whose id it has seen
    assert len(ids) == len(set(ids)) == G.number_of_edges()
    return back


def check_gexf(G: nx.MultiDiGraph, tmp_path: Path) -> nx.Graph:
    """networkx reads the GEXF back: same nodes, edges, attributes; colours by top class."""
    (tmp_path / "g.gexf").write_bytes(render_network("gexf", G))
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert sorted(back) == sorted(G)
    for n in G:
        got = dict(back.nodes[n])
        viz = got.pop("viz")
        assert got == as_xml(expected_scalars(G.nodes[n])), n
        assert viz["color"] == {**dict(zip("rgb", export_network.CLASS_COLOURS[G.nodes[n]["top"]])), "a": 1.0}
    # read_gexf returns a DiGraph when no two edges share their ends; the key is then gone
    edges = back.edges(keys=True, data=True) if back.is_multigraph() else (
        (u, v, None, d) for u, v, d in back.edges(data=True))
    got = Counter()
    for u, v, k, d in edges:
        d = dict(d)
        assert d.pop("id") in {export_network.edge_id(u, key, v) for key in G[u][v]}
        got[(u, v, k, tuple(sorted(d.items())))] += 1
    assert got == Counter(
        (u, v, k if back.is_multigraph() else None, tuple(sorted(as_xml(expected_scalars(d)).items())))
        for u, v, k, d in G.edges(keys=True, data=True)
    )
    return back


def check_cytoscape(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """networkx.cytoscape_graph loads it: same nodes, edges and attributes (lists kept)."""
    text = render_network("cytoscape", G).decode("utf-8")
    assert "</" not in text  # safe inside a web page's <script>
    back = nx.cytoscape_graph(json.loads(text))
    assert back.is_directed() and back.is_multigraph()
    assert sorted(back) == sorted(G)
    for n in G:
        got = dict(back.nodes[n])
        assert got.pop("id") == n and got.pop("value") == n
        assert got.pop("name") == G.nodes[n]["label"]
        assert got == G.nodes[n]
    assert set(back.edges(keys=True)) == set(G.edges(keys=True))
    for u, v, k, d in back.edges(keys=True, data=True):
        extra = {x: d.pop(x) for x in ("source", "target", "key", "id")}
        assert extra == {"source": u, "target": v, "key": k, "id": export_network.edge_id(u, k, v)}
        assert d == G.edges[u, v, k]
    return back


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(network, tmp_path):
    back = check_graphml(network, tmp_path)
    assert back.nodes[str(HOSTILE_ORG)]["label"] == as_xml({"x": HOSTILE})["x"] == HOSTILE_XML
    assert sorted(d["predicate"] for d in back[str(POKJA)][str(MUSLIMAT)].values()) == [
        str(KB.chairedBy), str(KB.openedBy)]


def test_graphml_attributes_are_scalar_and_typed(network):
    root = render_network("graphml", network).decode("utf-8")
    keys = dict(re.findall(r'attr\.name="([^"]+)" attr\.type="([^"]+)"', root))
    assert keys["label"] == "string"
    assert keys["class"] == "string"
    assert keys["articles"] == "long"
    assert keys["participantCount"] == "long"
    assert keys["aliases"] == "string"
    assert "_eid" not in keys


def test_gexf_reads_back_with_colours_by_class(network, tmp_path):
    back = check_gexf(network, tmp_path)
    assert back.is_multigraph()  # two edges POKJA → MUSLIMAT
    assert back.nodes[str(POKJA)]["viz"]["color"] == {"r": 214, "g": 39, "b": 40, "a": 1.0}
    assert back.nodes[str(MUSLIMAT)]["viz"]["color"] == {"r": 255, "g": 127, "b": 14, "a": 1.0}


def test_cytoscape_json_loads_with_networkx(network):
    back = check_cytoscape(network)
    assert back.nodes[str(HOSTILE_ORG)]["label"] == HOSTILE
    assert back.nodes[str(PERWAKILAN)]["aliases"] == ["BKKBN Kalbar", "Perwakilan BKKBN Kalbar"]


def test_csv_folder_reads_with_pandas(hostile_store, network, tmp_path):
    result = export(hostile_store, "csv", tmp_path / "csv")
    assert sorted(p.name for p in result.files) == ["edges.csv", "nodes.csv"]
    nodes = pd.read_csv(tmp_path / "csv" / "nodes.csv")
    edges = pd.read_csv(tmp_path / "csv" / "edges.csv")
    assert list(nodes.columns[:3]) == ["id", "label", "class"]
    assert list(edges.columns[:5]) == ["source", "target", "predicate", "label", "articles"]
    assert sorted(nodes["id"]) == sorted(network)
    assert len(edges) == network.number_of_edges()
    row = nodes.set_index("id").loc[str(HOSTILE_ORG)]
    assert row["label"] == HOSTILE
    assert row["aliases"] == 'alias; with "quote"'
    assert row["class"] == "RegionalAgency"
    assert nodes.set_index("id").loc[str(POKJA), "participantCount"] == 133
    assert edges["articles"].dtype.kind == "i"
    chaired = edges[(edges.source == str(POKJA)) & (edges.predicate == str(KB.chairedBy))]
    assert chaired[["target", "label", "articles"]].values.tolist() == [[str(MUSLIMAT), "chaired by", 1]]


# --------------------------------------------------------------------------- Neo4j

NODE_FIELD = re.compile(r"^(?:[A-Za-z_][A-Za-z0-9_]*:(?:ID|int|long|double|boolean|string|date)|:LABEL)$")
REL_FIELD = re.compile(r"^(?::START_ID|:END_ID|:TYPE|[A-Za-z_][A-Za-z0-9_]*:(?:int|long|double|boolean|string|date))$")


def read_csv_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        return header, [dict(zip(header, row)) for row in reader]


def check_neo4j(folder: Path, G: nx.MultiDiGraph) -> tuple[dict[str, dict], list[dict]]:
    """The header grammar of neo4j-admin import; every relationship's ends are nodes."""
    assert sorted(p.name for p in folder.iterdir()) == ["README.md", "import.cypher", "nodes.csv",
                                                         "relationships.csv"]
    node_header, nodes = read_csv_rows(folder / "nodes.csv")
    rel_header, rels = read_csv_rows(folder / "relationships.csv")
    assert node_header[:3] == ["id:ID", ":LABEL", "label:string"]
    assert all(NODE_FIELD.match(f) for f in node_header), node_header
    assert rel_header[:6] == [":START_ID", ":END_ID", ":TYPE", "predicate:string", "label:string", "articles:int"]
    assert all(REL_FIELD.match(f) for f in rel_header), rel_header
    ids = [r["id:ID"] for r in nodes]
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(G)
    assert all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rels)
    assert len(rels) == G.number_of_edges()
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", r[":TYPE"]) for r in rels)
    assert all(re.fullmatch(r"\d+", r["articles:int"]) for r in nodes + rels)
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(;[A-Za-z_][A-Za-z0-9_]*)*", r[":LABEL"]) for r in nodes)
    assert all("Entity" in r[":LABEL"].split(";") for r in nodes)
    return {r["id:ID"]: r for r in nodes}, rels


def test_neo4j_folder_has_the_admin_import_header_grammar(hostile_store, network, tmp_path):
    export(hostile_store, "neo4j", tmp_path / "neo")
    by_id, rels = check_neo4j(tmp_path / "neo", network)
    node_header = list(next(iter(by_id.values())))
    assert {"articles:int", "wikidata:string", "class:string", "startDate:date", "participantCount:int"} <= set(
        node_header)
    assert by_id[str(PERWAKILAN)][":LABEL"] == "Entity;Organization;RepresentativeOffice"
    assert by_id[str(HOSTILE_ORG)]["label:string"] == HOSTILE
    assert by_id[str(POKJA)]["startDate:date"] == "2019-11-25"
    organized = sorted((r[":START_ID"], r[":END_ID"]) for r in rels if r[":TYPE"] == "ORGANIZED_BY")
    assert organized == sorted([
        (str(POKJA), str(HOSTILE_ORG)), (str(POKJA), str(PERWAKILAN)),
        (str(ID["event/rakor-bangga-kencana-kalbar-2020"]), str(PERWAKILAN)),
    ])


def test_neo4j_cypher_and_readme(hostile_store, tmp_path):
    files = render(hostile_store, "neo4j")
    cypher = files["import.cypher"].decode()
    readme = files["README.md"].decode()
    assert cypher.count("LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row") == 1
    assert "MERGE (n:Entity {id: row.`id:ID`})" in cypher
    assert "n.`articles` = toInteger(row.`articles:int`)" in cypher
    assert "MERGE (a)-[r:`ORGANIZED_BY` {predicate: row.`predicate:string`}]->(b)" in cypher
    types = set(re.findall(r"WITH row WHERE row.`:TYPE` = '([A-Z_]+)'", cypher))
    assert types == {"ALIGNS_WITH", "CHAIRED_BY", "CONCERNS", "CONTAINED_IN_PLACE", "FOLLOWS_UP", "HOLDS",
                     "JURISDICTION", "LOCATION", "OPENED_BY", "ORGANIZED_BY", "PART_OF_PROGRAM", "POST_IN", "RUN_BY",
                     "SUB_ORGANIZATION_OF"}
    assert "DROP ALL" not in cypher and "Kesehatan" not in cypher  # article text stays in the CSV
    assert "neo4j-admin database import full" in readme and "--multiline-fields=true" in readme
    assert "n10s.rdf.import.fetch" in readme


@pytest.mark.parametrize("key, expected", [
    ("organizedBy", "ORGANIZED_BY"), ("subOrganizationOf", "SUB_ORGANIZATION_OF"),
    ("containedInPlace", "CONTAINED_IN_PLACE"), ("holds", "HOLDS"), ("sameAs", "SAME_AS"),
    ("location@http://example.org/location", "LOCATION"),
])
def test_relationship_types_are_upper_snake(key, expected):
    assert export_neo4j.relationship_type(key) == expected


# --------------------------------------------------------------------------- flattening


def test_flatten_makes_scalar_consistently_typed_attributes():
    import datetime as dt

    G = nx.MultiDiGraph()
    G.add_node("b", label="B", aliases=["x", "y"], score=2, note=None, when=dt.date(2019, 11, 25), flag=True)
    G.add_node("a", label="A", aliases=[], score=1.5, flag=False)
    G.add_edge("b", "a", key="k", articles=3)
    flat = export_network.flatten(G)
    assert [n for n, _ in flat.nodes] == ["a", "b"]
    assert flat.nodes[0][1] == {"flag": False, "label": "A", "score": 1.5}
    assert flat.nodes[1][1] == {"aliases": "x | y", "flag": True, "label": "B", "score": 2.0, "when": "2019-11-25"}
    assert flat.node_types == {"aliases": str, "flag": bool, "label": str, "score": float, "when": str}
    assert flat.edges == [("b", "a", "k", {"articles": 3})]


# --------------------------------------------------------------------------- hostile text


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld", "owl"])
def test_hostile_literals_survive_rdf_exports(hostile_store, tmp_path, fmt):
    path = export(hostile_store, fmt, tmp_path / f"h.{fmt}").path
    if fmt in ("nq", "trig", "jsonld"):
        back = Dataset().parse(path, format=RDF_PARSER[fmt])
        labels = set(named_graphs(back)[HOSTILE_GRAPH].objects(HOSTILE_ORG, RDFS.label))
    else:
        back = Graph().parse(path, format=RDF_PARSER[fmt])
        labels = set(back.objects(HOSTILE_ORG, RDFS.label))
    assert labels == {Literal(HOSTILE_XML if fmt == "owl" else HOSTILE, lang="id")}
    if fmt == "owl":
        world = load_owl(path)
        assert [str(x) for x in world[str(HOSTILE_ORG)].label] == [HOSTILE_XML]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_hostile_labels_survive_xml_networks(hostile_store, tmp_path, fmt):
    path = export(hostile_store, fmt, tmp_path / f"h.{fmt}").path
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.nodes[str(HOSTILE_ORG)]["label"] == HOSTILE_XML


# --------------------------------------------------------------------------- determinism


ALL_FORMATS = list(FORMATS)


def digest(data) -> str:
    if isinstance(data, dict):
        return hashlib.sha256(b"".join(k.encode() + b"\0" + v for k, v in sorted(data.items()))).hexdigest()
    return hashlib.sha256(data).hexdigest()


def test_two_builds_of_the_same_input_export_byte_identical_files(hostile_store, tmp_path):
    # a second store loaded from the same input: blank nodes get other labels inside it
    with load_store(tmp_path / "again", fixture_dataset(hostile=True)) as again:
        assert {n for n in again.quads() if isinstance(n[0], BNode)} != {
            n for n in hostile_store.quads() if isinstance(n[0], BNode)}
        for fmt in ALL_FORMATS:
            assert digest(render(hostile_store, fmt)) == digest(render(again, fmt)), fmt


_DIGEST_SCRIPT = textwrap.dedent("""
    import importlib.util, sys
    spec = importlib.util.spec_from_file_location("export_tests", sys.argv[1])
    tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tests)
    with tests.load_store(sys.argv[2], tests.fixture_dataset(hostile=True)) as st:
        for fmt in tests.FORMATS:
            print(fmt, tests.digest(tests.render(st, fmt)))
""")


@pytest.mark.slow
def test_exports_do_not_depend_on_the_hash_seed(tmp_path):
    """rdflib's JSON-LD and RDF/XML writers walk sets; the export must not show it."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", _DIGEST_SCRIPT, __file__, str(tmp_path / f"s{seed}")], env=env, check=False,
                              capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert len(outputs[0].splitlines()) == len(FORMATS)


# --------------------------------------------------------------------------- the built graph

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SAMPLE = Path(__file__).resolve().parents[2] / "loaders" / "sample"


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    """The seed article and tests/fixtures/articles, built by the real loaders."""
    from kbgraph.graph.store.build import build

    st = open_store(tmp_path_factory.mktemp("built") / "store")
    report = build(st, [SAMPLE, ARTICLES], workers=1)
    assert report.problems == [] and report.added == 1 + len(list(ARTICLES.glob("*.txt")))
    yield st
    st.close()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_built_graph_rdf_exports_round_trip(built_store, tmp_path, fmt):
    if fmt in ("ttl", "nt"):
        check_union_round_trip(built_store, fmt, tmp_path)
    else:
        back = check_dataset_round_trip(built_store, fmt, tmp_path)
        assert sum(str(g).startswith(str(article_graph(""))) for g in back) == 5


@pytest.mark.slow
def test_built_graph_owl_loads_with_every_individual(built_store, tmp_path):
    world, individuals = check_owl_individuals(built_store, tmp_path)
    assert len([i for i in individuals if i.startswith(str(ID["event/"]))]) >= 5
    world, _ = check_owl_individuals(built_store, tmp_path, "entities")
    assert not list(world[str(KB.Mention)].instances())


@pytest.mark.slow
def test_built_graph_network_exports_round_trip(built_store, tmp_path):
    G = project(built_store)
    assert G.number_of_nodes() > 30 and G.number_of_edges() > 30
    check_graphml(G, tmp_path)
    check_gexf(G, tmp_path)
    check_cytoscape(G)
    export(built_store, "neo4j", tmp_path / "neo")
    check_neo4j(tmp_path / "neo", G)
    export(built_store, "csv", tmp_path / "csv")
    nodes, edges = pd.read_csv(tmp_path / "csv" / "nodes.csv"), pd.read_csv(tmp_path / "csv" / "edges.csv")
    assert sorted(nodes["id"]) == sorted(G) and len(edges) == G.number_of_edges()


_GYEAR_SCRIPT = textwrap.dedent("""
    import sys, owlready2
    class GYear(int):
        pass
    owlready2.declare_datatype(GYear, "http://www.w3.org/2001/XMLSchema#gYear", lambda s: GYear(int(s)), str)
    world = owlready2.World()
    world.get_ontology("file://" + sys.argv[1]).load()
    for i in world.individuals():
        for p in i.get_properties():
            p[i]
    start = world["https://w3id.org/kbgraph/id/framework/rpjmn-2015-2019/period/start"]
    print(start.inXSDgYear)
""")


@pytest.mark.slow
def test_owl_gyear_values_read_in_owlready2_once_declared(store, tmp_path):
    """xsd:gYear is outside OWL 2's datatypes; the export_owl docstring's recipe reads it."""
    path = export(store, "owl", tmp_path / "g.owl").path
    done = subprocess.run([sys.executable, "-c", _GYEAR_SCRIPT, str(path.resolve())], check=False, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[2015]"


# --------------------------------------------------------------------------- writing


def test_failed_export_leaves_nothing_behind(store, tmp_path, monkeypatch):
    target = tmp_path / "out" / "g.ttl"
    export(store, "ttl", target)
    before = target.read_bytes()

    def broken(_quads):
        raise RuntimeError("writer failed")

    monkeypatch.setitem(FORMATS, "ttl", FORMATS["ttl"].__class__(**{**FORMATS["ttl"].__dict__, "write": broken}))
    with pytest.raises(RuntimeError):
        export(store, "ttl", target)
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["g.ttl"]


def test_file_permissions_follow_the_umask(store, tmp_path):
    path = export(store, "nt", tmp_path / "g.nt").path
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_folder_export_replaces_its_files_and_keeps_others(hostile_store, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    (folder / "nodes.csv").write_text("old")
    export(hostile_store, "csv", folder)
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv", "notes.txt"]
    assert (folder / "notes.txt").read_text() == "mine"
    assert (folder / "nodes.csv").read_text().startswith("id,label,class,")
    with pytest.raises(InputError, match="is a file; this format writes a folder"):
        export(hostile_store, "neo4j", folder / "notes.txt")
    with pytest.raises(InputError, match="is a folder; give a file name"):
        export(hostile_store, "ttl", folder)


# --------------------------------------------------------------------------- command line


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    load_store(path, fixture_dataset()).close()
    return path


def test_cli_export_writes_the_file(store_dir, tmp_path, capsys):
    out = tmp_path / "graph.nq"
    assert main(["export", "--format", "nq", "--store", str(store_dir), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote nq to {out}"
    assert len(named_graphs(Dataset().parse(out, format="nquads"))) == 4


def test_cli_export_graph_option_and_folder_formats(store_dir, tmp_path, capsys):
    assert main(["export", "--format", "ttl", "--graph", "entities", "--store", str(store_dir),
                 "--out", str(tmp_path / "e.ttl")]) == 0
    g = Graph().parse(tmp_path / "e.ttl")
    assert not set(g.subjects(RDF.type, KB.Evidence)) and set(g.subjects(RDF.type, KB.Meeting))
    assert main(["export", "--format", "neo4j", "--store", str(store_dir), "--out", str(tmp_path / "neo")]) == 0
    assert (tmp_path / "neo" / "relationships.csv").exists()


def test_cli_export_to_stdout(store_dir, capsysbinary):
    assert main(["export", "--format", "nt", "--graph", "inferred", "--store", str(store_dir), "--out", "-"]) == 0
    back = Graph().parse(data=capsysbinary.readouterr().out.decode(), format="nt")
    assert len(back) == 6


def test_cli_errors_are_one_line_with_exit_2(store_dir, tmp_path, capsys):
    out = ["--out", str(tmp_path / "never")]
    assert main(["export", "--format", "gexf", "--graph", "inferred", "--store", str(store_dir), *out]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("kbgraph: error: network formats export") and "\n" not in err
    assert main(["export", "--format", "ttl", "--store", str(tmp_path / "missing"), *out]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()
    assert main(["export", "--format", "xls", "--store", str(store_dir), *out]) == 2
    assert "unknown export format 'xls'" in capsys.readouterr().err
    assert main(["export", "--format", "csv", "--out", "-", "--store", str(store_dir)]) == 2
    assert "writes a folder" in capsys.readouterr().err
    assert not (tmp_path / "never").exists()


class _ListStore:
    """A store double: just ``quads()``, as a remote store or a test would give them."""

    def __init__(self, quads):
        self._quads = quads

    def quads(self):
        return iter(self._quads)


def test_default_graph_triples_stay_outside_named_graphs():
    s, p = ID["org/x"], RDFS.label
    st = _ListStore([(s, p, Literal("default"), None), (s, p, Literal("named"), INFERRED_GRAPH)])
    assert render(st, "nq").decode().splitlines() == [
        f'<{s}> <{p}> "default" .',
        f'<{s}> <{p}> "named" <{INFERRED_GRAPH}> .',
    ]
    back = Dataset().parse(data=render(st, "trig").decode(), format="trig")
    assert set(back.default_graph) == {(s, p, Literal("default"))}
    assert set(back.graph(INFERRED_GRAPH)) == {(s, p, Literal("named"))}
    assert render(st, "nt", graph="inferred").decode() == f'<{s}> <{p}> "named" .\n'


def test_owl_refuses_a_property_rdfxml_cannot_name():
    st = _ListStore([(MUSLIMAT, URIRef("http://example.org/p/"), Literal("x"), article_graph("x"))])
    with pytest.raises(InputError, match="cannot be written in RDF/XML"):
        render(st, "owl")
    assert render(st, "nt") == f'<{MUSLIMAT}> <http://example.org/p/> "x" .\n'.encode()
