"""A remote SPARQL 1.1 server (a live ``oxigraph serve``) behaves like the embedded store."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from buildkit import fake_extract, write_article, write_corpus
from rdflib import Literal

from kbgraph.graph.store.build import build
from kbgraph.graph.store.remote import RemoteStore, default_update_url
from kbgraph.graph.store import open_store
from kbgraph.graph.store.terms import normalize_bnodes
from kbgraph.errors import QueryError, StoreError
from kbgraph.ontology.namespaces import KB

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server CLI is not installed"),
]

QUERIES = [
    "SELECT ?m ?label ?org ?place ?start ?n WHERE { ?m a kb:Meeting ; rdfs:label ?label ; "
    "kb:organizedBy ?org ; schema:location ?place OPTIONAL { ?m schema:startDate ?start } "
    "OPTIONAL { ?m kb:participantCount ?n } } ORDER BY ?m",
    "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?class } GROUP BY ?class ORDER BY ?class",
    "SELECT ?a ?hash WHERE { ?a kb:contentHash ?hash } ORDER BY ?a",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, location: Path, union: bool = True):
        self.port = free_port()
        args = ["oxigraph", "serve", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
        if union:
            args.append("--union-default-graph")
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.url = f"http://127.0.0.1:{self.port}/query"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=1)
                return
            except urllib.error.HTTPError:
                return  # it answers
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"oxigraph serve exited: {self.proc.stderr.read()!r}")
                time.sleep(0.1)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def server(tmp_path):
    srv = Server(tmp_path / "server-data")
    yield srv
    srv.stop()


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path / "in", 6)
    return tmp_path / "in"


def test_a_build_into_the_server_answers_like_the_embedded_store(server, corpus, tmp_path):
    with open_store(tmp_path / "local") as local:
        build(local, [corpus], extractor=fake_extract, workers=1)
        expected = [local.select(q).rows for q in QUERIES]
        local_nq = local.dump("nq").decode()
    remote = open_store(server.url)
    assert isinstance(remote, RemoteStore) and remote.update_url.endswith("/update")
    report = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (report.added, report.skipped) == (6, 0)
    assert [remote.select(q).rows for q in QUERIES] == expected
    assert normalize_bnodes(remote.dump("nq").decode()) == normalize_bnodes(local_nq)
    assert len(expected[0]) == 6
    again = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (again.unchanged, again.extracted, again.ontology_loaded) == (6, 0, False)


def test_remote_bindings_are_values_not_text(server, corpus):
    remote = open_store(server.url)
    build(remote, [corpus], extractor=fake_extract, workers=1)
    before = remote.dump("nq")
    place = Literal("Pontianak", lang="id")
    rows = remote.select("SELECT ?p WHERE { ?p rdfs:label ?l FILTER(?l = ?x) }", {"x": place}).rows
    assert [str(r[0]) for r in rows] == ["https://w3id.org/kbgraph/id/place/pontianak"]
    evil = Literal('"} ; DROP ALL ; INSERT DATA { <a> <b> "c" } #')
    assert remote.select("SELECT ?p WHERE { ?p rdfs:label ?l FILTER(STR(?l) = ?x) }", {"x": evil}).rows == []
    assert remote.ask("ASK { ?m a ?c }", {"c": KB.Meeting}) is True
    assert remote.dump("nq") == before
    with pytest.raises(QueryError, match="rejected"):
        remote.select("SELECT ?s WHERE { ?s ?p }")


def test_graph_store_protocol_replaces_graphs(server, corpus, tmp_path):
    remote = open_store(server.url, gsp_url=f"http://127.0.0.1:{server.port}/store")
    build(remote, [corpus], extractor=fake_extract, workers=1)
    g = remote.graphs()[0]
    write_article(corpus, "artikel-000", "Kupang")
    report = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (report.updated, report.unchanged) == (1, 5)
    assert "kupang" in remote.graph_ntriples(g)
    remote.drop_graph(g)
    assert g not in remote.graphs()


def test_a_server_without_union_default_graph_is_refused(tmp_path, corpus):
    srv = Server(tmp_path / "plain", union=False)
    try:
        build(RemoteStore(srv.url, check_union=False), [corpus], extractor=fake_extract, workers=1)
        with pytest.raises(StoreError, match="union-default-graph"):
            open_store(srv.url)
    finally:
        srv.stop()


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL server .*Connection refused \(is the server running\?"):
        open_store(f"http://127.0.0.1:{free_port()}/query")


@pytest.mark.parametrize("query, update", [
    ("http://h:7878/query", "http://h:7878/update"),
    ("http://h/ds/sparql", "http://h/ds/update"),
    ("https://h/repositories/kb", "https://h/repositories/kb"),
])
def test_default_update_url(query, update):
    assert default_update_url(query) == update

