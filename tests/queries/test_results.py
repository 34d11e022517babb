"""Formats of query results, the notebook API and the command line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib import Literal, URIRef

import kbgraph
from kbgraph.cli import main
from kbgraph.queries.catalog import run
from kbgraph.graph.store import Result
from kbgraph.graph.store.terms import short_name
from kbgraph.queries.results import format_result, to_tsv, to_xml

POKJA = "https://w3id.org/kbgraph/id/event/pertemuan-kelompok-kerja-kampung-kb-kalbar-2019"


def test_json_is_sparql_results_json(handmade_store):
    doc = json.loads(format_result(run(handmade_store, "follow-ups"), "json"))
    assert doc["head"]["vars"] == ["event", "followsUp", "date"]
    first = doc["results"]["bindings"][0]
    assert first["event"] == {"type": "uri", "value": POKJA}
    assert first["date"] == {"type": "literal", "value": "2019-11-25",
                             "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    label = json.loads(format_result(run(handmade_store, "programs"), "json"))
    assert label["results"]["bindings"][0]["label"] == {
        "type": "literal", "value": "Kampung Keluarga Berencana", "xml:lang": "id"}
    # an unbound cell is absent, not empty
    assert "runBy" not in label["results"]["bindings"][0]


def test_csv_has_full_iris_and_empty_unbound(handmade_store):
    rows = list(csv.reader(io.StringIO(format_result(run(handmade_store, "follow-ups"), "csv"))))
    assert rows[0] == ["event", "followsUp", "date"]
    assert rows[1] == [POKJA, "https://w3id.org/kbgraph/id/event/rapat-koordinasi-pwg-dan-amp-dwg-2018",
                       "2019-11-25"]
    actors = list(csv.reader(io.StringIO(format_result(run(handmade_store, "actors"), "csv"))))
    assert actors[1][3:] == ["", "https://w3id.org/kbgraph/id/place/indonesia", ""]


def test_tsv_and_xml_write_terms():
    variables = ["s", "o"]
    rows = [(URIRef("urn:x:a"), Literal('say "hi"\tthere', lang="id")),
            (URIRef("urn:x:b"), Literal('plain "q"')), (URIRef("urn:x:c"), None)]
    assert to_tsv(variables, rows) == (
        '?s\t?o\n<urn:x:a>\t"say \\"hi\\"\\tthere"@id\n<urn:x:b>\t"plain \\"q\\""\n<urn:x:c>\t\n')
    xml = to_xml(variables, rows[:1])
    assert '<binding name="o"><literal xml:lang="id">say "hi"\tthere</literal></binding>' in xml


def test_table_shows_labels_and_prefixed_names(handmade_store):
    text = format_result(run(handmade_store, "meetings"), "table", store=handmade_store, width=400)
    assert "Perwakilan BKKBN Provinsi Kalimantan Barat" in text and "Muslimat" in text
    assert "https://" not in text
    assert text.rstrip().endswith("3 rows")
    assert short_name(URIRef("https://w3id.org/kbgraph/ontology#Meeting")) == "kb:Meeting"
    assert short_name(URIRef("urn:other")) == "urn:other"


def test_graph_results_only_as_turtle(handmade_store):
    graph = run(handmade_store, "CONSTRUCT { ?m a kb:Meeting } WHERE { ?m a kb:Meeting }")
    assert "kb:Meeting" in format_result(graph, "ttl")
    with pytest.raises(Exception, match="use --format ttl"):
        format_result(graph, "csv")


def test_result_html_is_escaped():
    result = Result(["x", "y"], [(Literal("<script>alert(1)</script>"), URIRef("urn:a\"b"))],
                    name="t<")
    html = result._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'title="urn:a&quot;b"' in html and "t&lt;: 1 rows" in html


def test_python_api(handmade_path):
    with kbgraph.open(handmade_path) as kb:
        meetings = kb.query("meetings", province="Provinsi Kalimantan Barat")
        assert len(meetings) == 1 and meetings.variables[0] == "meeting"
        frame = meetings.to_dataframe()
        assert list(frame.columns) == ["meeting", "label", "organizer", "location", "start", "end",
                                       "participants", "chair", "openedBy", "organizerNow"]
        assert frame.loc[0, "participants"] == 133 and str(frame.loc[0, "start"]) == "2019-11-25"
        assert "Muslimat" in meetings._repr_html_()
        assert len(kb.query("timeline", from_="2021-01-01")) == 2
        assert kb.sparql("ASK { ?m a kb:Meeting }") is True
        assert [q.name for q in kb.queries()][:2] == ["actors", "article-entities"]


def test_cli_query_formats(handmade_path, capsys):
    assert main(["query", "follow-ups", "--store", str(handmade_path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "event,followsUp,date" and len(out.splitlines()) == 3
    assert main(["query", "timeline", "--store", str(handmade_path), "-p", "province=Kalbar",
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [b["date"]["value"] for b in doc["results"]["bindings"]] == ["2019-11-25"]
    assert main(["query", "meetings", "--store", str(handmade_path)]) == 0
    assert "Sri Wahyuningsih" in capsys.readouterr().out


def test_cli_errors_are_one_line_exit_2(handmade_path, capsys):
    assert main(["query", "timeline", "--store", str(handmade_path), "-p", "from=kemarin"]) == 2
    err = capsys.readouterr().err
    assert err == ("kbgraph: error: timeline: parameter 'from': 'kemarin' is not a date; "
                   "expected YYYY-MM-DD (e.g. 2019-11-25)\n")
    assert main(["query", "timeline", "--store", str(handmade_path), "-p", "from"]) == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err
    assert main(["query", "SELECT ?x WHERE { ?x }", "--store", str(handmade_path)]) == 2
    assert "SPARQL syntax error at line 1, column" in capsys.readouterr().err


def test_cli_queries_lists_the_catalogue(capsys):
    assert main(["queries"]) == 0
    out = capsys.readouterr().out
    for name in ("actors", "program-coverage", "article-entities"):
        assert name in out
    assert "province (province)" in out
