"""Remote stores against two live SPARQL servers: Oxigraph's and OpenLink Virtuoso.

Both are started once for this module on 127.0.0.1 (tests/graph/liveservers.py). The
dev corpus is built into each and into an embedded store; every catalogue question and
``stats`` must give the same answers (row sets compared), after a build, a rebuild, an
update and a ``--prune``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from buildkit import fake_extract, write_article, write_corpus
from liveservers import (HAVE_OXIGRAPH, HAVE_VIRTUOSO, OxigraphServer, VirtuosoServer, free_port,
                         virtuoso_ini)
from rdflib import Graph, Literal, Namespace, URIRef

from kbgraph.errors import QueryError, StoreError
from kbgraph.graph.stats import store_stats
from kbgraph.graph.store import open_store
from kbgraph.graph.store.build import build, extract_graph
from kbgraph.graph.store.remote import RemoteStore, default_update_url
from kbgraph.graph.store.terms import normalize_bnodes
from kbgraph.ontology.namespaces import KB
from kbgraph.queries import catalog

pytestmark = pytest.mark.server
needs_oxigraph = pytest.mark.skipif(not HAVE_OXIGRAPH, reason="the oxigraph server CLI is not installed")
needs_virtuoso = pytest.mark.skipif(not HAVE_VIRTUOSO, reason="virtuoso-opensource is not installed")

DEV = Path(__file__).resolve().parents[1] / "fixtures" / "dev"
README = Path(__file__).resolve().parents[2] / "README.md"
QUERIES = [
    "SELECT ?m ?label ?org ?place ?start ?n WHERE { ?m a kb:Meeting ; rdfs:label ?label ; "
    "kb:organizedBy ?org ; schema:location ?place OPTIONAL { ?m schema:startDate ?start } "
    "OPTIONAL { ?m kb:participantCount ?n } } ORDER BY ?m",
    # provenance types are in the article graphs only on the embedded store (its view holds
    # entities and facts), in a server's union default graph too: counted in the graphs
    "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?class } } GROUP BY ?class ORDER BY ?class",
    "SELECT ?a ?hash WHERE { ?a kb:contentHash ?hash } ORDER BY ?a",
]

_EXTRACTED: dict[tuple[str, str], list] = {}


def cached_extract(article):
    """The real extractor, once per article for this module (each store gets the same)."""
    key = (article.id, article.content_hash, article.source)
    if key not in _EXTRACTED:
        _EXTRACTED[key] = extract_graph(article)
    return _EXTRACTED[key]


def clear(store: RemoteStore) -> None:
    """Drop kbgraph's graphs (the server's own stay)."""
    store.write({}, drop=store.graphs())


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    if not HAVE_OXIGRAPH:
        pytest.skip("the oxigraph server CLI is not installed")
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph") / "data")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    if not HAVE_VIRTUOSO:
        pytest.skip("virtuoso-opensource is not installed")
    srv = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    yield srv
    srv.stop()


@pytest.fixture
def server(request):
    srv = request.getfixturevalue(request.param)
    clear(RemoteStore(srv.url))
    return srv


@pytest.fixture(scope="module")
def dev_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("corpus") / "dev"


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path / "in", 6)
    return tmp_path / "in"


def answers(store) -> dict:
    """Every catalogue question's rows (as a multiset, terms with their language tags and
    datatypes) and the stats, for comparison."""
    out = {}
    for q in catalog.list_queries():
        result = catalog.run(store, q.name)
        out[q.name] = Counter(tuple(normalize_term(v) for v in row) for row in result.rows)
    stats = store_stats(store)
    stats.location = ""
    out["stats"] = stats
    return out


def normalize_term(value):
    return None if value is None else value.n3()


@pytest.mark.slow
@pytest.mark.parametrize("server", [pytest.param("oxigraph", marks=needs_oxigraph),
                                    pytest.param("virtuoso", marks=needs_virtuoso)], indirect=True)
def test_the_dev_corpus_answers_every_question_as_the_embedded_store(server, dev_folder, tmp_path):
    corpus = dev_folder  # the same path for every server: extractions are reused
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    for f in sorted(DEV.glob("*.txt")):
        shutil.copy(f, corpus / f.name)
    remote = open_store(server.url)
    with open_store(tmp_path / "local") as local:
        steps = []
        for step in ("build", "rebuild", "update", "prune"):
            if step == "update":
                first = sorted(corpus.glob("*.txt"))[0]
                first.write_text(first.read_text(encoding="utf-8") + "\nDikutip dari rilis.\n",
                                 encoding="utf-8")
            if step == "prune":
                sorted(corpus.glob("*.txt"))[-1].unlink()
            reports = [build(s, [corpus], extractor=cached_extract, workers=1, prune=step == "prune")
                       for s in (local, remote)]
            counts = [(r.added, r.updated, r.unchanged, r.pruned) for r in reports]
            assert counts[0] == counts[1], (step, counts)
            steps.append(counts[0])
            if step in ("build", "prune"):
                expected, got = answers(local), answers(remote)
                assert len(expected) == len(catalog.list_queries()) + 1 == 14  # and stats
                differ = {n: (list((expected[n] - got[n]).items())[:2], list((got[n] - expected[n]).items())[:2])
                          for n in expected if got[n] != expected[n]}
                assert differ == {}, step
                assert normalize_bnodes(remote.dump("nq").decode()) == normalize_bnodes(local.dump("nq").decode())
        assert steps == [(14, 0, 0, 0), (0, 0, 14, 0), (0, 1, 13, 0), (0, 0, 13, 1)]
        assert answers(local)["stats"].articles == 13


@pytest.mark.parametrize("server", [pytest.param("oxigraph", marks=needs_oxigraph),
                                    pytest.param("virtuoso", marks=needs_virtuoso)], indirect=True)
def test_a_build_into_the_server_answers_like_the_embedded_store(server, corpus, tmp_path):
    with open_store(tmp_path / "local") as local:
        build(local, [corpus], extractor=fake_extract, workers=1)
        expected = [local.select(q).rows for q in QUERIES]
        local_nq = local.dump("nq").decode()
    remote = open_store(server.url)
    report = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (report.added, report.skipped) == (6, 0)
    assert [remote.select(q).rows for q in QUERIES] == expected
    assert normalize_bnodes(remote.dump("nq").decode()) == normalize_bnodes(local_nq)
    assert len(expected[0]) == 6
    again = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (again.unchanged, again.extracted, again.ontology_loaded) == (6, 0, False)


@pytest.mark.parametrize("server", [pytest.param("oxigraph", marks=needs_oxigraph),
                                    pytest.param("virtuoso", marks=needs_virtuoso)], indirect=True)
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


@needs_oxigraph
def test_graph_store_protocol_replaces_graphs(oxigraph, corpus):
    clear(RemoteStore(oxigraph.url))
    remote = open_store(oxigraph.url, gsp_url=oxigraph.gsp_url)
    build(remote, [corpus], extractor=fake_extract, workers=1)
    g = remote.graphs()[0]
    write_article(corpus, "artikel-000", "Kupang")
    report = build(remote, [corpus], extractor=fake_extract, workers=1)
    assert (report.updated, report.unchanged) == (1, 5)
    assert "kupang" in remote.graph_ntriples(g)
    remote.drop_graph(g)
    assert g not in remote.graphs()


@needs_virtuoso
def test_virtuoso_takes_updates_at_its_query_url_and_its_own_graphs_stay_out(virtuoso, corpus):
    clear(RemoteStore(virtuoso.url))
    remote = open_store(virtuoso.url)
    assert remote.update_url == virtuoso.url  # recognised by its Server header
    build(remote, [corpus], extractor=fake_extract, workers=1)
    # its system graphs (2,500 triples here, 5,600 with its Conductor) are in its union,
    # not in kbgraph's answers
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = virtuoso.url + "?" + urllib.parse.urlencode({"query": count})
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"})) as resp:
        everything = int(resp.read().decode().split()[-1])
    assert everything > remote.count_quads() + 2000
    assert int(remote.select(count).rows[0][0]) == remote.count_quads()
    assert remote.select("SELECT ?s WHERE { ?s a <http://www.openlinksw.com/schemas/virtrdf#QuadMap> }").rows == []
    assert all(str(g).startswith("https://w3id.org/kbgraph/graph/") for g in remote.graphs())
    assert store_stats(remote).quads == remote.count_quads()


@needs_virtuoso
def test_virtuoso_errors_name_the_setting(virtuoso, corpus):
    clear(RemoteStore(virtuoso.url))
    virtuoso.isql('REVOKE SPARQL_UPDATE FROM "SPARQL";')
    try:
        with pytest.raises(StoreError) as refused:
            build(open_store(virtuoso.url), [corpus], extractor=fake_extract, workers=1)
        assert "GRANT SPARQL_UPDATE TO" in refused.value.hint
    finally:
        virtuoso.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
    remote = open_store(virtuoso.url)
    assert remote.graphs() == []  # nothing was half-written
    # its SPARQL Update cannot take kbgraph's graphs (blank nodes, size): the error says
    # what to do instead
    with pytest.raises(StoreError) as refused:
        build(open_store(virtuoso.url, update_url=virtuoso.url), [corpus], extractor=fake_extract, workers=1)
    # the blank nodes of the ontology graph, or the size of the lexicon graph, whichever it meets first
    assert any(why in str(refused.value) for why in ("not allowed in a constant clause", "SP031"))
    assert "leave out --update-url" in refused.value.hint and "/sparql-graph-crud" in refused.value.hint
    clear(remote)
    # an answer Virtuoso cuts at ResultSetMaxRows is an error, not a short answer
    with pytest.raises(StoreError) as cut:
        values = " ".join(str(i) for i in range(1000))  # rows from the query itself: the store is empty here
        remote.select(f"SELECT ?a ?b WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} }} "
                      f"LIMIT {virtuoso.max_rows + 1}")
    assert f"cut its answer at {virtuoso.max_rows} rows" in str(cut.value)
    assert "ResultSetMaxRows" in cut.value.hint


@needs_oxigraph
def test_a_server_without_union_default_graph_is_refused(tmp_path, corpus):
    srv = OxigraphServer(tmp_path / "plain", union=False)
    try:
        build(RemoteStore(srv.url, check_union=False), [corpus], extractor=fake_extract, workers=1)
        with pytest.raises(StoreError, match="union of its named graphs") as refused:
            open_store(srv.url)
        assert "--union-default-graph" in refused.value.hint
    finally:
        srv.stop()


def test_an_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError, match=r"cannot reach the SPARQL server .*Connection refused"):
        open_store(f"http://127.0.0.1:{free_port()}/query")


@pytest.mark.parametrize("query, update", [
    ("http://h:7878/query", "http://h:7878/update"),
    ("http://h/ds/sparql", "http://h/ds/update"),
    ("https://h/repositories/kb", "https://h/repositories/kb"),
])
def test_default_update_url(query, update):
    assert default_update_url(query) == update


def readme_block(lang: str, holding: str) -> str:
    """README.md's one fenced ``lang`` block that holds ``holding`` (dedented)."""
    text = README.read_text(encoding="utf-8")
    blocks = [textwrap.dedent(b) for b in re.findall(rf"(?ms)^ *```{lang}\n(.*?)^ *```", text)
              if holding in b]
    assert len(blocks) == 1, (lang, holding)
    return blocks[0]


def readme_recipe(server: str) -> list[str]:
    """The shell lines of README.md's recipe block for ``server`` (continuations joined)."""
    return readme_block("sh", server).replace("\\\n", " ").splitlines()


@needs_virtuoso
def test_the_readme_virtuoso_recipe_sets_what_these_tests_set(tmp_path):
    lines = readme_recipe("virtuoso.ini")
    setup = [line for line in lines if line.startswith(("mkdir vdb", "sed -i"))]
    assert len(setup) == 2, lines
    subprocess.run(["bash", "-ec", "\n".join(setup)], cwd=tmp_path, check=True, timeout=30)
    written = (tmp_path / "vdb" / "virtuoso.ini").read_text(encoding="utf-8")
    assert written == virtuoso_ini(tmp_path / "vdb", 8890, 1111, 1_000_000)
    assert "/var/lib/virtuoso-opensource-7/db/" not in written
    assert """isql-vt 127.0.0.1:1111 dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";'""" in lines
    assert "kbgraph build articles/ --store http://127.0.0.1:8890/sparql" in lines


def test_the_readme_oxigraph_recipe_has_the_flags_these_tests_start_it_with():
    serve = [line for line in readme_recipe("oxigraph serve") if line.startswith("oxigraph serve")]
    assert serve == ["oxigraph serve --location oxi-db --bind 127.0.0.1:7878 --union-default-graph"]


def test_the_readme_fuseki_recipe_serves_a_union_default_graph_at_the_urls_it_builds_into():
    # (Fuseki itself is not tested: it is in no package registry this machine reaches)
    fuseki, tdb2 = Namespace("http://jena.apache.org/fuseki#"), Namespace("http://jena.apache.org/2016/tdb#")
    config = Graph().parse(data=readme_block("turtle", "fuseki:Service"), format="turtle",
                           publicID="file:///kb.ttl")
    dataset = URIRef("file:///kb.ttl#dataset")
    assert config.value(dataset, tdb2.unionDefaultGraph).toPython() is True
    service = URIRef("file:///kb.ttl#service")
    assert str(config.value(service, fuseki.name)) == "kb" and config.value(service, fuseki.dataset) == dataset
    endpoints = {(str(config.value(e, fuseki.name)), config.value(e, fuseki.operation))
                 for e in config.objects(service, fuseki.endpoint)}
    assert endpoints == {("query", fuseki.query), ("update", fuseki.update)}
    lines = readme_recipe("fuseki-server")
    assert "fuseki-server --localhost --port 3030 --config kb.ttl" in lines
    assert ("kbgraph build articles/ --store http://127.0.0.1:3030/kb/query "
            "--update-url http://127.0.0.1:3030/kb/update") in lines
