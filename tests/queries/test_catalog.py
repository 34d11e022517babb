"""The catalogue's plumbing: finding queries, headers, parameters, syntax errors."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kbgraph.errors import QueryError
from kbgraph.ontology.namespaces import XSD
from kbgraph.queries import catalog
from kbgraph.queries.catalog import bind_params, load, query_form, resolve, run, uses_service


def test_headers_declare_params_with_types():
    timeline = load("timeline")
    assert [(p.name, p.type, p.required) for p in timeline.params] == [
        ("province", "province", False), ("from", "date", False), ("to", "date", False),
        ("reference", "string", False)]
    assert timeline.title == "Linimasa / Timeline"
    assert timeline.question_en == "What happened when?"
    assert timeline.example.startswith("kbgraph query timeline")
    assert load("evidence").params[0].type == "entity"


def test_param_conversion_to_rdf_terms():
    assert bind_params(load("timeline"), {"from": "2019-11-25", "province": "Provinsi  Kalimantan Barat"}) == {
        "_from": Literal("2019-11-25", datatype=XSD.date), "_province": Literal("kalimantan barat")}
    assert bind_params(load("evidence"), {"subject": "kbid:org/bkkbn"}) == {
        "_subject_iri": URIRef("https://w3id.org/kbgraph/id/org/bkkbn")}
    assert bind_params(load("evidence"), {"subject": "<urn:x:y>"}) == {"_subject_iri": URIRef("urn:x:y")}
    assert bind_params(load("evidence"), {"subject": " BKKBN  Kalbar "}) == {
        "_subject_label": Literal("bkkbn kalbar")}
    assert bind_params(load("timeline"), {}) == {}
    # text without a header: --param k=v binds ?k
    assert bind_params(resolve("SELECT ?s WHERE { ?s ?p ?k }"), {"k": "v"}) == {"k": Literal("v")}


def test_bad_params_name_query_and_parameter():
    with pytest.raises(QueryError, match=r"^timeline: unknown parameter 'provinsi'; this query "
                                         r"takes: province, from, to, reference$"):
        bind_params(load("timeline"), {"provinsi": "Bali"})
    with pytest.raises(QueryError, match=r"timeline: parameter 'to': '31/12/2019' is not a date"):
        bind_params(load("timeline"), {"to": "31/12/2019"})
    with pytest.raises(QueryError, match=r"parameter 'subject': 'http://a b' is not a valid IRI|"
                                         r"label"):
        bind_params(load("evidence"), {"subject": "<http://a b>"})


def test_resolve_name_file_or_text(tmp_path):
    assert resolve("meetings").name == "meetings"
    path = tmp_path / "mine.rq"
    path.write_text("#+ title: Mine\n#+ params:\n#+   - x: {type: integer}\nSELECT ?x WHERE {}\n")
    info = resolve(str(path))
    assert (info.name, info.title, info.params[0].type) == ("mine", "Mine", "integer")
    assert resolve("SELECT * WHERE { ?s ?p ?o }").name == "query"
    with pytest.raises(QueryError, match=r"unknown query 'meetingz'; the catalogue has: actors, "):
        resolve("meetingz")
    with pytest.raises(QueryError, match=r"missing\.rq: no such query file"):
        resolve(str(tmp_path / "missing.rq"))


def test_bad_header_is_named(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("#+ params: [x: {type: colour}]\nSELECT * WHERE {}\n")
    with pytest.raises(QueryError, match=r"bad\.rq: parameter 'x' has unknown type 'colour'"):
        resolve(str(path))


def test_syntax_error_has_line_and_column(handmade_store, tmp_path):
    text = "SELECT ?m WHERE {\n  ?m a kb:Meeting\n  FILTER(?m = ) }"
    with pytest.raises(QueryError, match=r"^query: SPARQL syntax error at line 3, column 18: "):
        run(handmade_store, text)
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?x WHERE {\n  ?x ?p\n}\n")
    with pytest.raises(QueryError, match=r"broken\.rq: SPARQL syntax error at line 2, column 3"):
        run(handmade_store, str(path))


def test_updates_are_not_run(handmade_store):
    with pytest.raises(QueryError, match="this is a SPARQL update"):
        run(handmade_store, "DROP ALL")
    with pytest.raises(QueryError, match="this is a SPARQL update"):
        run(handmade_store, "PREFIX x: <urn:x:> INSERT DATA { x:a x:b x:c }")
    assert len(run(handmade_store, "timeline")) == 3


def test_forms_and_results(handmade_store):
    assert query_form("# c\nPREFIX a: <urn:a#>\nBASE <urn:b>\nask {}") == "ASK"
    assert query_form("LOAD <http://example.org/x>") is None
    assert run(handmade_store, "ASK { ?m a kb:Meeting }") is True
    graph = run(handmade_store, "CONSTRUCT { ?m a kb:Meeting } WHERE { ?m a kb:Meeting }")
    assert len(graph) == 4


def test_service_detection_ignores_strings_iris_and_comments():
    assert uses_service("SELECT * WHERE { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    assert uses_service("select * where { service silent <http://x/> {} }")
    assert not uses_service('SELECT * WHERE { ?s ?p "SERVICE" } # SERVICE\n')
    assert not uses_service("SELECT ?service WHERE { ?service <http://x/SERVICE> ex:SERVICE }")


def test_catalogue_queries_all_parse():
    for info in catalog.list_queries():
        assert catalog.syntax_error(info.text, info.name) is None, info.name
        assert query_form(info.text) == "SELECT"
