"""kbgraph.graph.network on a graph written by hand after docs/rdf-model.md."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from kbgraph.graph.network import projection as network
from kbgraph.graph.network import (
    betweenness,
    communities,
    degree_centrality,
    ego,
    find_node,
    most_central,
    project,
)
from kbgraph.graph.stats import top_actors
from kbgraph.graph.store import open_store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ID = "https://w3id.org/kbgraph/id/"

MEETING = ID + "event/pertemuan-pokja-kampung-kb-2019"
RAKOR = ID + "event/rakor-pwg-2018"
RPJMN = ID + "framework/rpjmn-2015-2019"
ANTARA = ID + "org/antara-news-kalimantan-barat"
BIDANG = ID + "org/bidang-adpin"
BKKBN = ID + "org/bkkbn"
PEMPROV = ID + "org/pemerintah-provinsi-kalimantan-barat"
PERWAKILAN = ID + "org/perwakilan-bkkbn-provinsi-kalimantan-barat"
MUSLIMAT = ID + "person/muslimat"
PONTIANAK = ID + "place/pontianak"
KALBAR = ID + "place/provinsi-kalimantan-barat"
POST = ID + "post/kepala-bidang-adpin"
KAMPUNG = ID + "program/kampung-kb"
KKBPK = ID + "program/kkbpk"
ALL = sorted([MEETING, RAKOR, RPJMN, ANTARA, BIDANG, BKKBN, PEMPROV, PERWAKILAN, MUSLIMAT,
              PONTIANAK, KALBAR, POST, KAMPUNG, KKBPK])

# (subject, key, object, supporting articles), sorted as project() adds them.
EDGES = [
    (MEETING, "followsUp", RAKOR, 0),
    (MEETING, "organizedBy", PERWAKILAN, 1),
    (MEETING, "chairedBy", MUSLIMAT, 1),
    (MEETING, "location", PONTIANAK, 1),
    (MEETING, "concerns", KAMPUNG, 0),
    (BIDANG, "unitOf", PERWAKILAN, 0),
    (PEMPROV, "jurisdiction", KALBAR, 0),
    (PERWAKILAN, "subOrganizationOf", BKKBN, 2),
    (PERWAKILAN, "jurisdiction", KALBAR, 0),
    (MUSLIMAT, "holds", POST, 0),
    (PONTIANAK, "containedInPlace", KALBAR, 0),
    (POST, "postIn", BIDANG, 0),
    (KAMPUNG, "alignsWith", RPJMN, 1),
    (KAMPUNG, "runBy", BKKBN, 1),
    (KAMPUNG, "partOfProgram", KKBPK, 0),
]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    ds = Dataset()
    ds.parse(FIXTURES / "viz-handmade.trig", format="trig")
    return ds


@pytest.fixture(scope="module")
def G(dataset: Dataset) -> nx.MultiDiGraph:
    return project(dataset)


@pytest.fixture(scope="module")
def store(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory):
    """The same graph in an embedded Oxigraph store, one named graph per article."""
    st = open_store(tmp_path_factory.mktemp("store") / "kbgraph-data")
    for g in dataset.graphs():
        if isinstance(g.identifier, URIRef) and len(g) and "/kbgraph/graph/" in str(g.identifier):
            st.replace_graph(g.identifier, g)
    yield st
    st.close()


def test_nodes_are_the_entities_and_nothing_else(G):
    assert list(G) == ALL  # sorted; no article, mention, evidence, statement, period


def test_node_attributes(G):
    assert G.nodes[PERWAKILAN] == {
        "iri": PERWAKILAN,
        "label": "Perwakilan BKKBN Provinsi Kalimantan Barat",
        "aliases": ["BKKBN Kalbar", "Perwakilan BKKBN Kalbar"],
        "class": "RepresentativeOffice",
        "top": "Organization",
        "articles": 2,
        "years": [2019, 2020],  # the two articles' publication years
        "level": "LevelProvinsi",  # kb:governmentLevel
    }
    assert G.nodes[MEETING] == {
        "iri": MEETING,
        "label": "pertemuan kelompok kerja Kampung Keluarga Berencana (KB)",
        "aliases": [],
        "startDate": "2019-11-25",
        "endDate": "2019-11-26",
        "participantCount": 133,
        "durationDays": 2,
        "class": "Meeting",
        "top": "Meeting",
        "articles": 1,
        "years": [2019],
    }
    assert G.nodes[KALBAR] == {
        "iri": KALBAR,
        "label": "Provinsi Kalimantan Barat",
        "label_en": "West Kalimantan",
        "wikidata": "Q3916",
        "aliases": ["Kalbar"],
        "class": "Province",
        "top": "Place",
        "articles": 2,
        "years": [2019, 2020],
    }
    assert G.nodes[BKKBN]["label_en"] == "National Population and Family Planning Agency"
    assert G.nodes[RAKOR]["class"] == "CoordinationMeeting"
    assert G.nodes[RAKOR]["year"] == "2018"
    assert G.nodes[RPJMN]["class"] == "DevelopmentPlan"
    assert G.nodes[RPJMN]["top"] == "PolicyFramework"
    assert G.nodes[MUSLIMAT] == {"iri": MUSLIMAT, "label": "Muslimat", "aliases": [], "class": "Person",
                                 "top": "Person", "articles": 1, "years": [2019]}
    assert G.nodes[ANTARA]["class"] == "NewsPublisher"
    assert G.nodes[ANTARA]["articles"] == 2  # publisher of both articles
    assert G.nodes[ANTARA]["publisher"] is True  # schema:publisher of an article
    assert "publisher" not in G.nodes[PERWAKILAN]
    assert G.nodes[POST]["top"] == "Post"


def test_edges_and_their_support(G):
    got = [(u, k, v, d["articles"]) for u, v, k, d in G.edges(keys=True, data=True)]
    assert got == EDGES


def test_edge_attributes_come_from_the_ontology(G):
    assert G.edges[MEETING, PERWAKILAN, "organizedBy"] == {
        "predicate": "https://w3id.org/kbgraph/ontology#organizedBy",
        "label": "organized by",
        "label_id": "diselenggarakan oleh",
        "articles": 1,
    }
    assert G.edges[PONTIANAK, KALBAR, "containedInPlace"]["predicate"] == "http://schema.org/containedInPlace"
    assert G.edges[PONTIANAK, KALBAR, "containedInPlace"]["label_id"] == "terletak di"


def test_reasoner_triples_are_left_out(G):
    keys = {k for _, _, k in G.edges(keys=True)}
    assert "organizes" not in keys and "transitiveSubOrganizationOf" not in keys


def test_store_and_rdflib_sources_project_alike(G, store):
    S = project(store)
    assert list(S.nodes(data=True)) == list(G.nodes(data=True))
    assert list(S.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_plain_graph_source_and_unknown_source():
    g = Graph().parse(data=f"""
        @prefix org: <http://www.w3.org/ns/org#> .
        @prefix kb: <https://w3id.org/kbgraph/ontology#> .
        <{BIDANG}> a kb:Division , org:OrganizationalUnit , org:Organization ; org:unitOf <{PERWAKILAN}> .
        <{PERWAKILAN}> a kb:RepresentativeOffice , org:Organization .
        <{MEETING}> a kb:Meeting .""", format="turtle")
    H = project(g)
    assert list(H) == [MEETING, BIDANG, PERWAKILAN]
    assert H.nodes[BIDANG]["label"] == "bidang-adpin"  # no label: the IRI's last segment
    assert H.nodes[BIDANG]["class"] == "Division"
    assert list(H.edges(keys=True)) == [(BIDANG, PERWAKILAN, "unitOf")]
    with pytest.raises(TypeError):
        project("kbgraph-data")


def test_projection_is_deterministic(dataset, G):
    again = project(dataset)
    assert list(again.nodes(data=True)) == list(G.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))


def test_degree_centrality(G):
    dc = degree_centrality(G)
    assert list(dc) == ALL
    assert dc[MEETING] == 5 / 13
    assert dc[PERWAKILAN] == 4 / 13
    assert dc[KAMPUNG] == 4 / 13
    assert dc[KALBAR] == 3 / 13
    assert dc[ANTARA] == 0.0


def test_betweenness(G):
    bc = betweenness(G)
    assert max(bc, key=bc.get) == MEETING
    # leaves and the isolated publisher lie on no shortest path
    assert [x for x in ALL if bc[x] == 0.0] == [RAKOR, RPJMN, ANTARA, PEMPROV, KKBPK]
    # Muslimat is the shortcut from the post to the meeting's side: 6 pairs of 78
    assert bc[MUSLIMAT] == pytest.approx(6 / 78)


def test_communities_are_fixed_by_the_seed(G):
    expected = [
        [RPJMN, KAMPUNG, KKBPK],
        [BIDANG, MUSLIMAT, POST],
        [PEMPROV, PONTIANAK, KALBAR],
        [MEETING, RAKOR],
        [BKKBN, PERWAKILAN],
        [ANTARA],
    ]
    assert communities(G) == expected
    assert communities(G) == expected
    assert sorted(x for c in expected for x in c) == ALL


def test_ego(G):
    assert sorted(ego(G, MEETING, 1)) == sorted([MEETING, RAKOR, PERWAKILAN, MUSLIMAT, PONTIANAK, KAMPUNG])
    assert list(ego(G, ANTARA, 3)) == [ANTARA]
    assert list(ego(G, PERWAKILAN, 0)) == [PERWAKILAN]
    two = ego(G, POST, 2)
    assert sorted(two) == sorted([POST, MUSLIMAT, BIDANG, MEETING, PERWAKILAN])
    assert two.has_edge(MEETING, PERWAKILAN, "organizedBy")  # edges among them come along
    with pytest.raises(nx.NodeNotFound):
        ego(G, ID + "org/kemenkes")


def test_most_central_keeps_the_most_central(G):
    H, left_out = most_central(G, 3)
    assert sorted(H) == sorted([MEETING, PERWAKILAN, KAMPUNG])
    assert left_out == sorted(set(ALL) - {MEETING, PERWAKILAN, KAMPUNG})
    assert H.has_edge(MEETING, KAMPUNG, "concerns")
    H2, _ = most_central(G, 2)  # a tie at degree 4 and 2 articles each: the smaller IRI
    assert sorted(H2) == [MEETING, PERWAKILAN]
    H3, left3 = most_central(G, 2, keep=[ANTARA])
    assert sorted(H3) == [MEETING, ANTARA]
    assert len(left3) == 12
    assert list(most_central(G, 100)[0]) == ALL


def test_top_actors(G, store):
    top = top_actors(G, 3)
    assert [a["iri"] for a in top] == [PERWAKILAN, MUSLIMAT, BKKBN]  # ties broken by betweenness
    assert top[0] == {
        "rank": 1,
        "iri": PERWAKILAN,
        "label": "Perwakilan BKKBN Provinsi Kalimantan Barat",
        "class": "RepresentativeOffice",
        "top": "Organization",
        "degree": 4,
        "degree_centrality": 4 / 13,
        "betweenness": pytest.approx(0.297008547),
        "articles": 2,
    }
    assert top_actors(store, 3) == top
    assert [a["iri"] for a in top_actors(G, 2, tops=("Place",))] == [KALBAR, PONTIANAK]
    assert len(top_actors(G, 50)) == 6  # five organizations (the publisher among them), one person


def test_find_node(G):
    assert find_node(G, BKKBN) == BKKBN
    assert find_node(G, "bkkbn") == BKKBN  # an abbreviation, any case
    assert find_node(G, "  BKKBN Kalbar ") == PERWAKILAN
    assert find_node(G, "Kalbar") == KALBAR
    assert find_node(G, "west kalimantan") == KALBAR  # the English label
    # no exact name: substrings; the meeting has more neighbours than the program
    assert find_node(G, "kampung keluarga") == MEETING
    assert find_node(G, "Kemenkes") is None
    assert find_node(G, "") is None


def test_select_runs_a_named_query(dataset):
    (row,) = network.select(dataset, "viz-evidence-of", {"entity": URIRef(MUSLIMAT)})
    rows = network.select(dataset, "viz-evidence", {"evidence": row["evidence"]})
    assert [str(r["sentence"])[:22] for r in rows] == ["Ketua panitia pelaksan"]
    assert str(rows[0]["title"]) == "BKKBN Kalbar gelar pertemuan Pokja Kampung KB"


def test_docstring_examples_run():
    import doctest

    from kbgraph.graph import stats
    from kbgraph.graph.network import measures

    each = [doctest.testmod(m, optionflags=doctest.NORMALIZE_WHITESPACE) for m in (network, measures, stats)]
    result = doctest.TestResults(sum(r.failed for r in each), sum(r.attempted for r in each))
    assert result.failed == 0 and result.attempted >= 10


def test_only_what_the_reasoner_alone_asserts_is_left_out(dataset):
    """A type or relation in graph/inferred counts when an article asserts it too."""
    inferred = URIRef("https://w3id.org/kbgraph/graph/inferred")
    article = next(g.identifier for g in dataset.graphs() if str(g.identifier).endswith("/article/a1"))
    ds = Dataset()
    for q in dataset.quads((None, None, None, None)):
        ds.add(q)
    org, a_type = URIRef("http://www.w3.org/ns/org#Organization"), URIRef(str(network.RDF.type))
    ghost = URIRef(ID + "org/only-inferred")
    ds.add((ghost, a_type, org, inferred))  # typed by the reasoner alone: no node
    sub = URIRef("http://www.w3.org/ns/org#subOrganizationOf")
    ds.add((URIRef(BIDANG), sub, URIRef(PERWAKILAN), inferred))  # inferred only: no edge
    ds.add((URIRef(PEMPROV), sub, URIRef(BKKBN), inferred))  # inferred and asserted: an edge
    ds.add((URIRef(PEMPROV), sub, URIRef(BKKBN), article))
    H = project(ds)
    assert ghost not in {URIRef(x) for x in H}
    assert not H.has_edge(BIDANG, PERWAKILAN, "subOrganizationOf")
    assert H.has_edge(PEMPROV, BKKBN, "subOrganizationOf")


def test_subgraphs_keep_the_graph_order():
    """A small part of a big graph comes out in the big graph's order, not a set's."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(f"n{i:03d}" for i in range(200))
    G.add_edges_from((f"n{i:03d}", f"n{(i * 7) % 200:03d}", "r") for i in range(200))
    G.add_edges_from(("n000", f"n{i:03d}", "hub") for i in range(1, 40))
    H, left_out = most_central(G, 12)
    assert list(H) == [x for x in G if x in H]
    assert list(H.edges(keys=True)) == [e for e in G.edges(keys=True) if e[0] in H and e[1] in H]
    E = ego(G, "n000", 1)
    assert list(E) == [x for x in G if x in E] and set(E) == set(nx.ego_graph(G, "n000", 1, undirected=True))
