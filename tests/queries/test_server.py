"""``kbgraph serve``: a read-only SPARQL 1.1 Protocol endpoint, tested over loopback HTTP."""

from __future__ import annotations

import concurrent.futures
import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kbgraph.queries.catalog import load, run
from kbgraph.queries.results import format_result
from kbgraph.queries.server import ServerConfig, negotiate, run_in_thread

pytestmark = pytest.mark.server

MEETINGS = load("meetings").text


@pytest.fixture(scope="module")
def endpoint(handmade_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "kbgraph", "serve", "--port", "0", "--store", str(handmade_path)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/query)", line)
        assert match, line + proc.stderr.read()
        yield match.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def request(url, *, data=None, headers=None, method=None):
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8")


def get(url, query, accept="application/sparql-results+json"):
    return request(url + "?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})


def test_same_rows_as_kbgraph_query(endpoint, handmade_store):
    status, headers, body = get(endpoint, MEETINGS)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    expected = json.loads(format_result(run(handmade_store, "meetings"), "json"))
    assert json.loads(body) == expected
    assert len(expected["results"]["bindings"]) == 3


def test_post_form_and_direct_and_negotiation(endpoint):
    form = urllib.parse.urlencode({"query": MEETINGS}).encode()
    status, _, body = request(endpoint, data=form, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    assert status == 200 and body.splitlines()[0] == (
        "meeting,label,organizer,location,start,end,participants,chair,openedBy,organizerNow")
    assert len(body.splitlines()) == 4
    status, headers, body = request(endpoint, data=MEETINGS.encode(), headers={
        "Content-Type": "application/sparql-query",
        "Accept": "text/html;q=0.9, application/sparql-results+xml;q=0.95"})
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+xml")
    assert body.count("<result>") == 3
    status, _, body = get(endpoint, MEETINGS, accept="text/tab-separated-values")
    assert body.splitlines()[0].startswith("?meeting\t?label")
    status, headers, body = get(endpoint, "CONSTRUCT { ?m a kb:Meeting } WHERE { ?m a kb:Meeting }",
                                accept="text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    from rdflib import Graph

    assert len(Graph().parse(data=body, format="turtle")) == 4
    status, _, body = get(endpoint, "ASK { ?m a kb:Meeting }")
    assert json.loads(body) == {"head": {}, "boolean": True}
    status, headers, body = get(endpoint, "ASK { ?m a kb:Meeting }", accept="text/csv")
    assert status == 200 and body == "true" and headers["Content-Type"].startswith("text/csv")
    status, _, body = get(endpoint, MEETINGS, accept="image/png")
    assert status == 406


def test_updates_load_and_service_are_refused(endpoint):
    update = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    status, _, body = request(endpoint, data=update.encode(),
                              headers={"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    status, _, _ = request(endpoint, data=urllib.parse.urlencode({"update": update}).encode(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    assert get(endpoint, update)[0] == 403
    assert get(endpoint, "LOAD <http://example.org/data.ttl>")[0] == 403
    assert request(endpoint.replace("/query", "/update"), data=update.encode(),
                   headers={"Content-Type": "application/sparql-update"})[0] == 403
    status, _, body = get(endpoint, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> "
                                    "{ ?s ?p ?o } }")
    assert status == 403 and "SERVICE" in body
    status, _, body = get(endpoint, "SELECT * WHERE { ?s ?p }")
    assert status == 400 and "line 1, column" in body
    # nothing was written
    assert json.loads(get(endpoint, "ASK { <urn:x:a> ?p ?o }")[2])["boolean"] is False


def test_200_concurrent_requests(endpoint):
    def one(i: int) -> tuple[int, str]:
        query = MEETINGS if i % 2 else load("co-mentions").text
        status, _, body = get(endpoint, query)
        return status, body

    with concurrent.futures.ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(one, range(200)))
    assert {status for status, _ in answers} == {200}
    assert len({body for _, body in answers}) == 2  # every answer to a question is the same


def _serving(path, config):
    server, _ = run_in_thread(path, config)
    return server, "http://127.0.0.1:%d/query" % server.server_address[1]


def _stop(server):
    server.shutdown()
    server.server_close()
    server.endpoint.close()


def test_timeout(handmade_path):
    # a streamed cross join (about 10^9 rows): the answer stops at the deadline, and so does
    # the worker, at the next row
    server, url = _serving(handmade_path, ServerConfig(port=0, max_rows=10**9, timeout=0.5))
    try:
        status, _, body = get(url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and "timed out after 0.5 s" in body
    finally:
        _stop(server)


def test_the_byte_cap_holds_for_the_answer_as_sent(handmade_path, handmade_store):
    # the same rows are smaller as TSV than as JSON: a cap between the two refuses the
    # JSON whole and sends the TSV
    tsv = format_result(run(handmade_store, "meetings"), "tsv").encode()
    as_json = format_result(run(handmade_store, "meetings"), "json").encode()
    cap = (len(tsv) + len(as_json)) // 2
    assert len(tsv) < cap < len(as_json)
    server, url = _serving(handmade_path, ServerConfig(port=0, max_bytes=cap, workers=1))
    try:
        status, _, body = get(url, MEETINGS, accept="application/sparql-results+json")
        assert status == 403 and f"larger than {cap:,} bytes" in body
        status, _, body = get(url, MEETINGS, accept="application/sparql-results+xml")
        assert status == 403 and f"larger than {cap:,} bytes" in body
        status, headers, body = get(url, MEETINGS, accept="text/tab-separated-values")
        assert status == 200 and len(body.splitlines()) == 4  # header and 3 rows
        status, _, body = get(url, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", accept="text/turtle")
        assert status == 403 and f"larger than {cap:,} bytes" in body
    finally:
        _stop(server)


def _doubled_string(times: int) -> str:
    """A SELECT whose one value is 1 KiB doubled ``times`` times (2**times KiB)."""
    binds = ' BIND("' + "x" * 1024 + '" AS ?v0)' + "".join(
        f" BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(times))
    return f"SELECT (STRLEN(?v{times}) AS ?n) WHERE {{ {binds} }}"


def test_a_query_over_the_memory_cap_ends_its_worker_only(handmade_path):
    # the default cap: 4 GiB of address space per query process (read from /proc)
    assert ServerConfig().max_memory == 4 * 1024 ** 3
    server, url = _serving(handmade_path, ServerConfig(port=0, workers=1, timeout=60,
                                                       max_memory=1024 ** 3))
    try:
        worker = next(iter(server.endpoint.pool._all))
        limits = open(f"/proc/{worker.proc.pid}/limits").read()
        assert re.search(r"Max address space\s+1073741824\s+1073741824\s+bytes", limits), limits
        status, _, body = get(url, _doubled_string(10))  # 1 MiB: answered
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1048576"
        status, _, body = get(url, _doubled_string(21))  # 2 GiB: over the cap
        assert status == 403, body
        assert "needs more memory than the 1,024 MiB this endpoint gives one query" in body
        assert worker.proc.poll() is not None  # that worker ended; a new one answers
        status, _, body = get(url, "ASK { ?s ?p ?o }")
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        _stop(server)


def test_loopback_by_default_and_offline_page(endpoint):
    assert ServerConfig().host == "127.0.0.1"
    status, headers, body = request(endpoint.replace("/query", "/"))
    assert status == 200 and "<textarea" in body
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", body)  # works offline
    names = [q["name"] for q in json.loads(request(endpoint.replace("/query", "/catalogue"))[2])]
    assert "timeline" in names


def test_negotiate():
    table = {"text/csv": "csv", "application/sparql-results+json": "json"}
    assert negotiate(None, table, "json") == "json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+json", table, "json") == "json"
    assert negotiate("text/csv, */*;q=0.1", table, "json") == "csv"
    assert negotiate("image/png", table, "json") is None


GRAPH_QUERY = "CONSTRUCT { ?m a kb:Meeting ; rdfs:label ?l } WHERE { ?m a kb:Meeting ; rdfs:label ?l }"


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld"),
    ("application/trig", "trig"), ("application/n-quads", "nquads"),
])
def test_construct_in_every_rdf_format(endpoint, accept, rdflib_format):
    from rdflib import ConjunctiveGraph, Graph
    from rdflib.compare import isomorphic

    status, headers, body = get(endpoint, GRAPH_QUERY, accept="text/turtle")
    expected = Graph().parse(data=body, format="turtle")
    assert len(expected) == 8  # three meetings: a type each, five labels
    status, headers, body = get(endpoint, GRAPH_QUERY, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    graph = ConjunctiveGraph() if rdflib_format in ("trig", "nquads") else Graph()
    graph.parse(data=body, format=rdflib_format)
    assert isomorphic(Graph().parse(data=graph.serialize(format="nt"), format="nt"), expected)


def test_sparqlwrapper_with_its_default_settings(endpoint):
    from rdflib import Graph
    from SPARQLWrapper import SPARQLWrapper

    def ask(query):
        client = SPARQLWrapper(endpoint)  # default: GET, XML results, RDF/XML graphs
        client.setQuery(query)
        return client.query().convert()

    document = ask(load("follow-ups").text)  # a DOM of the SPARQL XML results
    dates = [b.getElementsByTagName("literal")[0].firstChild.data
             for b in document.getElementsByTagName("binding") if b.getAttribute("name") == "date"]
    assert dates == ["2019-11-25", "2021-06-15"]
    assert ask("ASK { ?m a kb:Meeting }").getElementsByTagName("boolean")[0].firstChild.data == "true"
    graph = ask(GRAPH_QUERY)
    assert isinstance(graph, Graph) and len(graph) == 8
    described = ask("DESCRIBE ?m WHERE { ?m a kb:Meeting }")
    assert isinstance(described, Graph) and len(described) > 8


def test_rdflib_sparqlstore_with_its_default_settings(endpoint, handmade_store):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint))
    select = "PREFIX kb: <https://w3id.org/kbgraph/ontology#> SELECT ?m WHERE { ?m a kb:Meeting } ORDER BY ?m"
    rows = list(graph.query(select))
    assert [r[0] for r in rows] == [r[0] for r in handmade_store.select(select).rows] and rows
    assert graph.query("ASK { ?s ?p ?o }").askAnswer is True
    constructed = graph.query(GRAPH_QUERY.replace("kb:", "<https://w3id.org/kbgraph/ontology#")
                              .replace("<https://w3id.org/kbgraph/ontology#Meeting",
                                       "<https://w3id.org/kbgraph/ontology#Meeting>")
                              .replace("rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>"))
    assert len(constructed.graph) == 8
    described = graph.query(f"DESCRIBE <{rows[0][0]}>")
    assert len(described.graph) > 2
    # every triple of the view comes back: nothing cut (the old cap kept 10,000)
    everything = set(graph.triples((None, None, None)))
    expected = handmade_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert len(everything) == len(graph) == int(expected) > 100
    assert (URIRef(str(rows[0][0])), None, None) in graph


def test_an_answer_over_the_row_cap_is_refused_and_clients_say_so(handmade_path):
    import urllib.error

    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import SPARQLWrapper

    server, url = _serving(handmade_path, ServerConfig(port=0, max_rows=2, workers=1))
    try:
        status, headers, body = get(url, MEETINGS)
        assert status == 403 and "3 rows, more than the 2" in body and "nothing was cut" in body
        status, _, body = get(url, load("follow-ups").text)  # two rows: within the cap
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2
        client = SPARQLWrapper(url)
        client.setQuery(MEETINGS)
        with pytest.raises(urllib.error.HTTPError, match=r"HTTP Error 403: the answer has 3 rows"):
            client.query()
        graph = Graph(store=SPARQLStore(url))
        with pytest.raises(ValueError) as refused:  # rdflib wraps every HTTP error so;
            list(graph.triples((None, None, None)))
        cause = refused.value.__context__  # its traceback shows the server's reason
        assert isinstance(cause, urllib.error.HTTPError) and cause.code == 403
        assert "rows, more than the 2 this endpoint sends" in str(cause) and "nothing was cut" in str(cause)
    finally:
        _stop(server)


def test_yasgui_requests(endpoint):
    # what YASGUI sends by default: a form POST from the page's own origin
    port = urllib.parse.urlsplit(endpoint).port
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Origin": f"http://127.0.0.1:{port}", "Sec-Fetch-Site": "same-origin"}
    form = urllib.parse.urlencode({"query": MEETINGS}).encode()
    status, rheaders, body = request(endpoint, data=form, headers={
        **headers, "Accept": "application/sparql-results+json,*/*;q=0.9"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 3
    form = urllib.parse.urlencode({"query": GRAPH_QUERY}).encode()
    status, rheaders, body = request(endpoint, data=form, headers={
        **headers, "Accept": "text/turtle,*/*;q=0.9"})
    assert status == 200 and rheaders["Content-Type"].startswith("text/turtle")
