"""Stores for the query tests.

``handmade_store``: tests/fixtures/handmade.trig (three article graphs written by hand in
the shape of docs/rdf-model.md) plus the ontology graph, so the answers do not depend
on the loaders. ``seed_store`` and ``fixture_store``: the real pipeline (graph.build)
over the shipped seed article and over tests/fixtures/articles/.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from kbgraph.graph.store import open_store
from kbgraph.ontology.namespaces import ONTOLOGY_GRAPH

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
HANDMADE = FIXTURES / "handmade.trig"
ARTICLES = FIXTURES / "articles"
SEED = ROOT / "loaders" / "sample" / "antara-kalbar-2019-11-26-pokja-kampung-kb.txt"
ID = "https://w3id.org/kbgraph/id/"
KB = "https://w3id.org/kbgraph/ontology#"


def iri(path: str) -> URIRef:
    """``iri("org/bkkbn")`` → the instance IRI."""
    return URIRef(ID + path)


def fill_handmade(location: Path) -> Path:
    store = open_store(location)
    store.ox_store.load(path=str(HANDMADE), format=ox.RdfFormat.TRIG)
    store.ox_store.load(path=str(ROOT / "ontology" / "kbgraph.ttl"), format=ox.RdfFormat.TURTLE,
                        to_graph=ox.NamedNode(str(ONTOLOGY_GRAPH)))
    store.refresh_view()
    store.close()
    return location


@pytest.fixture(scope="session")
def handmade_path(tmp_path_factory) -> Path:
    return fill_handmade(tmp_path_factory.mktemp("handmade") / "store")


@pytest.fixture(scope="session")
def handmade_store(handmade_path):
    store = open_store(handmade_path, create=False)
    yield store
    store.close()


def _built(tmp_path_factory, name: str, paths: list[Path]) -> Path:
    from kbgraph.graph.store.build import build

    location = tmp_path_factory.mktemp(name) / "store"
    store = open_store(location)
    try:
        build(store, [str(p) for p in paths], workers=1)
    finally:
        store.close()
    return location


@pytest.fixture(scope="session")
def seed_path(tmp_path_factory) -> Path:
    return _built(tmp_path_factory, "seed", [SEED])


@pytest.fixture(scope="session")
def seed_store(seed_path):
    store = open_store(seed_path, create=False)
    yield store
    store.close()


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory):
    store = open_store(_built(tmp_path_factory, "articles", [ARTICLES]), create=False)
    yield store
    store.close()


DEV = FIXTURES / "dev"


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory):
    """The 14 development articles (tests/fixtures/dev), built by the real pipeline."""
    store = open_store(_built(tmp_path_factory, "dev", sorted(DEV.glob("*.txt"))), create=False)
    yield store
    store.close()
