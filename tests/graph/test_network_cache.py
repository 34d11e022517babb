"""The projection kept next to an embedded store: same graph, never stale, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph, URIRef

from kbgraph.graph.network import cache as network_cache
from kbgraph.graph.network import page as viz
from kbgraph.graph.network import projection as network
from kbgraph.graph.network.cache import cache_file, project_cached
from kbgraph.graph.store.embedded import REVISION_FILE, EmbeddedStore

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ID = "https://w3id.org/kbgraph/id/"
NEW_ORG = ID + "org/dinas-pppa-kota-pontianak"
NEW_ARTICLE_GRAPH = URIRef("https://w3id.org/kbgraph/graph/article/a3")


def _fill(path: Path) -> None:
    ds = Dataset()
    ds.parse(FIXTURES / "viz-handmade.trig", format="trig")
    st = EmbeddedStore(path)
    try:
        for g in ds.graphs():
            if isinstance(g.identifier, URIRef) and len(g) and "/kbgraph/graph/" in str(g.identifier):
                st.replace_graph(g.identifier, g)
    finally:
        st.close()


def _same(A: nx.MultiDiGraph, B: nx.MultiDiGraph) -> None:
    assert list(A.nodes(data=True)) == list(B.nodes(data=True))
    assert list(A.edges(keys=True, data=True)) == list(B.edges(keys=True, data=True))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "kbgraph-data"
    _fill(path)
    return path


def test_closing_after_a_write_names_the_content(store_path):
    first = (store_path / REVISION_FILE).read_text().strip()
    assert len(first) == 32
    st = EmbeddedStore(store_path)
    try:
        assert st.revision == first  # opening and reading changes nothing
        st.write({NEW_ARTICLE_GRAPH: f"<{NEW_ORG}> <http://www.w3.org/2000/01/rdf-schema#label> \"x\" .\n"})
        assert st.revision is None  # a writer at work: nothing may be cached meanwhile
    finally:
        st.close()
    assert EmbeddedStore(store_path, read_only=True).revision not in (None, first)


def test_the_first_projection_is_kept_and_read_back(store_path, monkeypatch):
    with EmbeddedStore(store_path, read_only=True) as st:
        fresh = network.project(st)
        G = project_cached(st)
        _same(G, fresh)
        path = cache_file(st)
        assert path is not None and path.is_file()

        def no_projection(source):
            raise AssertionError("projected again instead of reading the cache")

        monkeypatch.setattr(network, "project", no_projection)
        _same(project_cached(st), fresh)


def test_a_write_makes_the_old_projection_unusable(store_path):
    with EmbeddedStore(store_path) as st:
        before = project_cached(st)
        old = cache_file(st)
        org = (f"<{NEW_ORG}> a <http://www.w3.org/ns/org#Organization> ;\n"
               f"  <http://www.w3.org/2000/01/rdf-schema#label> \"Dinas PPPA Kota Pontianak\"@id .\n")
        st.write({NEW_ARTICLE_GRAPH: Graph().parse(data=org, format="turtle").serialize(format="nt")})
        during = project_cached(st)  # no revision while writing: projected afresh, not cached
        assert NEW_ORG in during and NEW_ORG not in before
    with EmbeddedStore(store_path, read_only=True) as st:
        after = project_cached(st)
        assert NEW_ORG in after
        assert cache_file(st) != old and cache_file(st).is_file()
        assert not old.exists()  # the projection of the old revision is dropped


def test_a_broken_cache_file_is_projected_again(store_path):
    with EmbeddedStore(store_path, read_only=True) as st:
        fresh = network.project(st)
        path = cache_file(st)
        path.parent.mkdir()
        for junk in ("", "{not json", '{"nodes": 3}', "[]"):
            path.write_text(junk, encoding="utf-8")
            _same(project_cached(st), fresh)
        _same(network_cache._read(path), fresh)  # replaced by a good one


def test_viz_reads_the_same_network_from_the_cache(store_path, tmp_path):
    with EmbeddedStore(store_path, read_only=True) as st:
        viz.write_html(st, tmp_path / "first.html")
        assert cache_file(st).is_file()
        viz.write_html(st, tmp_path / "second.html")
    assert (tmp_path / "first.html").read_bytes() == (tmp_path / "second.html").read_bytes()


def test_rdflib_sources_are_projected_every_time(tmp_path):
    ds = Dataset()
    ds.parse(FIXTURES / "viz-handmade.trig", format="trig")
    _same(project_cached(ds), network.project(ds))
