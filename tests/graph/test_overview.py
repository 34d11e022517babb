"""The overview network on the dev corpus: organizations classified, posts folded, no
publisher, no isolated node, provinces, the filters, a deterministic layout that leaves
room between nodes."""

from __future__ import annotations

import doctest
import math
from pathlib import Path

import networkx as nx
import pytest
from kbgraph.graph.network import (
    figure,
    layout,
    orgkind,
    overview,
    pagedata,
    project,
    simple_graph,
    style,
)
from kbgraph.graph.network.layout import layout as lay_out
from kbgraph.graph.network import projection
from kbgraph.graph.network.orgkind import classify, is_publisher
from kbgraph.graph.network.overview import POST_EDGE, narrow, provinces
from kbgraph.graph.network.overview import overview as make_overview
from kbgraph.graph.store import open_store

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "dev"


@pytest.fixture(scope="module")
def dev(tmp_path_factory) -> nx.MultiDiGraph:
    from kbgraph.graph.store.build import build

    store = open_store(tmp_path_factory.mktemp("dev") / "store")
    try:
        build(store, [str(p) for p in sorted(DEV.glob("*.txt"))], workers=1)
        return project(store)
    finally:
        store.close()


def by_label(G: nx.MultiDiGraph, label: str) -> str:
    (node,) = [x for x in G if G.nodes[x]["label"] == label]
    return node


@pytest.mark.parametrize(("label", "expected"), [
    ("Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN", ("national", "bkkbn")),
    ("Kedeputian Bidang Keluarga Berencana dan Kesehatan Reproduksi BKKBN", ("national", "bkkbn")),
    ("Perwakilan BKKBN Provinsi Bali", ("provincial", "bkkbn")),
    ("Bidang Pelatihan dan Pengembangan Perwakilan BKKBN Provinsi Bengkulu", ("provincial", "bkkbn")),
    ("Pemerintah Provinsi Jambi", ("provincial", "regional-government")),
    ("Pemerintah Kota Denpasar", ("regency", "regional-government")),
    ("Dinas Kesehatan Kabupaten Garut", ("regency", "dinas")),
    ("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana Provinsi Bengkulu",
     ("provincial", "dinas")),
    ("Sekretariat Daerah Kabupaten Garut", ("regency", "dinas")),
    ("Tim Percepatan Penurunan Stunting Provinsi Sulawesi Tengah", ("provincial", "task-force")),
    ("Kelompok Kerja Kampung KB Kabupaten Maros", ("regency", "task-force")),
    ("Pemberdayaan Kesejahteraan Keluarga", ("unknown", "civil-society")),
    ("Warta Deli", ("unknown", "publisher")),
])
def test_classify_dev_organizations(dev, label, expected):
    assert classify(dev)[by_label(dev, label)] == expected


def test_every_organization_is_classified_and_publishers_are_the_outlets(dev):
    found = classify(dev)
    orgs = [x for x in dev if dev.nodes[x]["top"] == "Organization"]
    assert sorted(found) == sorted(orgs)
    assert all(level in orgkind.LEVELS and kind in orgkind.KINDS for level, kind in found.values())
    outlets = sorted(dev.nodes[x]["label"] for x, (_, kind) in found.items() if kind == "publisher")
    assert len(outlets) == 15 and "ANTARA" in outlets and "Warta Deli" in outlets
    assert all(dev.nodes[by_label(dev, o)]["class"] == "NewsPublisher" for o in outlets)


def test_classify_rules_without_a_level_in_the_graph():
    G = nx.MultiDiGraph()
    add = G.add_node
    add("dprd", label="DPRD Kabupaten Sleman", aliases=[], top="Organization", **{"class": "FormalOrganization"})
    add("desa", label="Pemerintah Desa Sukamaju Kecamatan Cibatu", aliases=[], top="Organization",
        **{"class": "RegionalGovernment"})
    add("office", label="Kantor X", aliases=[], top="Organization", **{"class": "RegionalAgency"})
    add("town", label="Kota Y", top="Place", **{"class": "City"})
    add("unit", label="Bidang Z", aliases=[], top="Organization", **{"class": "Division"})
    add("kemenkes", label="Kementerian Kesehatan", aliases=["Kemenkes"], top="Organization",
        **{"class": "GovernmentAgency"})
    add("news", label="Media Q", aliases=[], top="Organization", publisher=True, **{"class": "FormalOrganization"})
    G.add_edge("office", "town", key="jurisdiction")
    G.add_edge("unit", "office", key="unitOf")
    assert classify(G) == {
        "desa": ("village", "regional-government"),  # the first level word: Desa
        "dprd": ("regency", "parliament"),  # by name (lexicon of kinds), level by word
        "kemenkes": ("national", "ministry"),
        "news": ("unknown", "publisher"),  # the schema:publisher of an article
        "office": ("regency", "dinas"),  # level from the place it has jurisdiction over
        "unit": ("regency", "dinas"),  # a unit takes its parent's level and kind
    }
    assert is_publisher(G.nodes["news"]) and not is_publisher(G.nodes["kemenkes"])


def test_overview_of_the_dev_corpus(dev):
    H = make_overview(dev)
    S = simple_graph(H)
    assert not [x for x in H if is_publisher(H.nodes[x])]
    assert list(nx.isolates(S)) == []
    folded = [(u, v, d) for u, v, k, d in H.edges(keys=True, data=True) if k.split("@")[0] == POST_EDGE]
    posts_held = {p for u, p, k in dev.edges(keys=True) if k == "holds"}
    assert len(folded) == 39 and {d["post"] for _, _, d in folded} < posts_held
    for u, v, d in folded:
        assert dev.nodes[u]["top"] == "Person" and dev.nodes[v]["top"] == "Organization"
        assert d["label"] == dev.nodes[d["post"]]["label"]
        assert dev.has_edge(u, d["post"]) and dev.has_edge(d["post"], v)
    # the one post no organization is named for stays a node
    assert [dev.nodes[x]["label"] for x in H if H.nodes[x]["top"] == "Post"] == ["Duta GenRe Lampung 2018"]
    person = by_label(dev, "Euis Komariah")
    assert [(H.nodes[v]["label"], d["label"]) for _, v, d in H.out_edges(person, data=True)] == [
        ("Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Garut", "Kepala DPPKB Kabupaten Garut")]
    assert list(H) == [x for x in dev if x in H]  # the projection's order
    kept = make_overview(dev, posts=True, publishers=True, isolated=True)
    assert sorted(kept) == sorted(dev)


def test_provinces(dev):
    where = provinces(dev)
    assert where[by_label(dev, "Perwakilan BKKBN Provinsi Bali")] == ["Provinsi Bali"]
    assert where[by_label(dev, "Euis Komariah")] == ["Provinsi Jawa Barat"]  # her post's dinas is in Garut
    assert where[by_label(dev, "Kabupaten Garut")] == ["Provinsi Jawa Barat"]
    assert where[by_label(dev, "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")] == []


def test_narrow_like_the_page(dev):
    H = make_overview(dev)
    where = provinces(dev)
    kinds = {x: k for x, (_, k) in classify(dev).items()}
    bali = narrow(H, province="Provinsi Bali", where=where)
    assert by_label(dev, "Perwakilan BKKBN Provinsi Bali") in bali
    assert by_label(dev, "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN") in bali  # a neighbour
    assert by_label(dev, "Kabupaten Garut") not in bali
    assert list(nx.isolates(simple_graph(bali))) == []
    year = narrow(H, years=(2018, 2018))
    assert year and all(2018 in year.nodes[x]["years"] for x in year)
    dinas = narrow(H, kinds={"dinas"}, kind_of=kinds)
    assert {kinds[x] for x in dinas if x in kinds} == {"dinas"}


def test_a_network_narrowed_to_a_period_names_each_entity_as_it_was_then(dev):
    H = make_overview(dev)
    bkkbn = by_label(dev, "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN")
    program = by_label(dev, "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana")
    assert dev.nodes[bkkbn]["names"] == [
        "Badan Kependudukan dan Keluarga Berencana Nasional (until 2024-10)",
        "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN (from 2024-10)"]
    before = narrow(H, years=(2017, 2019))
    assert before.nodes[bkkbn]["label"] == "Badan Kependudukan dan Keluarga Berencana Nasional"
    assert before.nodes[bkkbn]["labelNow"] == "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"
    assert before.nodes[program]["label"] == (  # renamed in December 2019: both names held then
        "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana")
    assert narrow(H, years=(2018, 2018)).nodes[program]["label"] == (
        "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga")
    after = narrow(H, years=(2021, 2023))
    assert after.nodes[bkkbn]["label"] == "Badan Kependudukan dan Keluarga Berencana Nasional"
    assert after.nodes[program]["label"] == "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
    assert "labelNow" not in after.nodes[program]
    assert dev.nodes[bkkbn]["label"] == "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"  # unchanged


def test_layout_is_deterministic_and_leaves_room(dev):
    H = make_overview(dev)
    pos = lay_out(H)
    assert pos == lay_out(H) and list(pos) == list(H)
    xy = list(pos.values())
    closest = min(math.dist(a, b) for i, a in enumerate(xy) for b in xy[i + 1:])
    assert closest >= 50  # overlap removal: about 60 units apart, never on top of each other
    width = max(x for x, _ in xy) - min(x for x, _ in xy)
    height = max(y for _, y in xy) - min(y for _, y in xy)
    assert 0.8 < width / height < 2.5  # about the page's shape, not a line


def test_doctests_of_the_overview_modules():
    for module in (orgkind, overview, layout, pagedata, style, figure, projection):
        result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_a_small_cap_keeps_people(dev):
    from kbgraph.graph.network.overview import cap

    H, left_out = cap(make_overview(dev), 60)
    tops = [H.nodes[x]["top"] for x in H]
    assert len(H) <= 60 and tops.count("Person") == 12  # a fifth of the cap: who is in the picture
    assert list(nx.isolates(simple_graph(H))) == []
    assert len(left_out) == len(make_overview(dev)) - len(H)
