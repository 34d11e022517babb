"""The embedded store: union default graph, bound parameters, transactions, dumps, errors."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kbgraph.graph.store import EmbeddedStore, open_store
from kbgraph.graph.store import Result as SelectResult
from kbgraph.graph.store.terms import inject_values, normalize_bnodes, ntriples_of, values_block
from kbgraph.errors import QueryError, StoreError
from kbgraph.ontology.namespaces import GRAPH, ID, KB, RDF, RDFS, XSD

G1, G2 = GRAPH["article/satu"], GRAPH["article/dua"]
BKKBN, KALBAR, MEETING = ID["org/bkkbn"], ID["org/bkkbn-kalbar"], ID["event/rapat"]


def graph(*triples) -> Graph:
    g = Graph()
    for t in triples:
        g.add(t)
    return g


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "store") as st:
        st.replace_graph(G1, graph(
            (BKKBN, RDF.type, KB.GovernmentAgency),
            (BKKBN, RDFS.label, Literal("Badan Kependudukan dan Keluarga Berencana Nasional", lang="id")),
            (MEETING, KB.participantCount, Literal(133)),
        ))
        st.replace_graph(G2, graph(
            (KALBAR, RDF.type, KB.RepresentativeOffice),
            (KALBAR, RDFS.label, Literal("Perwakilan BKKBN Provinsi Kalimantan Barat", lang="id")),
            (KALBAR, KB.abbreviation, Literal('BKKBN "Kalbar"')),
        ))
        yield st


def test_queries_see_the_union_of_named_graphs(store):
    rows = store.select("SELECT ?s ?label WHERE { ?s rdfs:label ?label } ORDER BY ?s").rows
    assert rows == [
        (BKKBN, Literal("Badan Kependudukan dan Keluarga Berencana Nasional", lang="id")),
        (KALBAR, Literal("Perwakilan BKKBN Provinsi Kalimantan Barat", lang="id")),
    ]
    assert store.graphs() == sorted([G1, G2])


def test_results_are_rdflib_terms_with_plain_strings(store):
    (abbr,), = store.select("SELECT ?a WHERE { ?s kb:abbreviation ?a }").rows
    assert abbr == Literal('BKKBN "Kalbar"') and abbr.datatype is None
    (n,), = store.select("SELECT ?n WHERE { ?s kb:participantCount ?n }").rows
    assert n == Literal(133) and n.datatype == XSD.integer


def test_bindings_projected_and_filter_only_give_the_same_rows(store):
    label = Literal("Perwakilan BKKBN Provinsi Kalimantan Barat", lang="id")
    projected = store.select("SELECT ?s ?label WHERE { ?s rdfs:label ?label }", {"label": label})
    assert projected.rows == [(KALBAR, label)]
    # ?label is not projected: pyoxigraph refuses to substitute it; a VALUES block binds it
    filtered = store.select("SELECT ?s WHERE { ?s rdfs:label ?l FILTER(?l = ?label) }", {"label": label})
    assert filtered.rows == [(KALBAR,)]
    assert store.ask("ASK { ?s a ?c }", {"c": KB.RepresentativeOffice}) is True
    assert store.ask("ASK { ?s a ?c }", {"c": KB.Meeting}) is False
    g = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s a ?c ; ?p ?o }", {"c": KB.GovernmentAgency})
    assert set(g.subjects()) == {BKKBN} and len(g) == 2


def test_a_hostile_parameter_is_one_literal_not_sparql(store):
    before = store.dump("nq")
    evil = Literal('x" } ; DROP ALL ; INSERT DATA { <a> <b> "c" } #')
    assert store.select("SELECT ?s WHERE { ?s rdfs:label ?l FILTER(STR(?l) = ?v) }", {"v": evil}).rows == []
    assert store.dump("nq") == before


def test_blank_nodes_and_bad_names_cannot_be_bound(store):
    with pytest.raises(QueryError, match="blank node"):
        store.select("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = ?x) }", {"x": BNode()})
    with pytest.raises(QueryError, match="variable name"):
        values_block({"a b": Literal(1)})
    with pytest.raises(QueryError, match="not a valid IRI"):
        store.select("SELECT ?s WHERE { ?s ?p ?o FILTER(?o = ?x) }", {"x": URIRef("http://a b")})


def test_syntax_errors_and_wrong_forms_are_query_errors(store):
    with pytest.raises(QueryError, match="syntax"):
        store.select("SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(QueryError, match="not a SELECT"):
        store.select("ASK { ?s ?p ?o }")


def test_replace_graph_replaces_only_that_graph_and_drop_removes_it(store):
    other = store.graph_ntriples(G2)
    store.replace_graph(G1, graph((BKKBN, RDFS.label, Literal("BKKBN", lang="id"))))
    assert store.graph_ntriples(G1) == (
        f'<{BKKBN}> <{RDFS.label}> "BKKBN"@id .\n')
    assert store.graph_ntriples(G2) == other
    store.drop_graph(G1)
    store.drop_graph(G1)  # absent: no error
    assert store.graphs() == [G2]


def test_write_is_one_transaction(store):
    before = store.dump("nq")
    bad = f"<{BKKBN}> <{RDFS.label}> \"fine\" .\n<not an iri> <p> <o> .\n"
    with pytest.raises(StoreError):
        store.write({G1: "", G2: bad})
    assert store.dump("nq") == before  # the drop of G1 was rolled back with the rest


def test_dumps_are_sorted_and_parse(store):
    nq = store.dump("nq")
    lines = nq.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == 6
    nt = store.dump("nt").decode().splitlines()
    assert nt == sorted(nt) and len(nt) == 6 and all(l.endswith(" .") for l in nt)
    ttl = Graph().parse(data=store.dump("ttl"), format="turtle")
    assert len(ttl) == 6 and (KALBAR, KB.abbreviation, Literal('BKKBN "Kalbar"')) in ttl
    ds = Dataset()
    ds.parse(data=store.dump("trig"), format="trig")
    assert len(ds.graph(G2)) == 3
    with pytest.raises(StoreError, match="unknown dump format"):
        store.dump("xml")


def test_quads_dataset_and_result_helpers(store):
    quads = list(store.quads())
    assert len(quads) == 6 and {q[3] for q in quads} == {G1, G2}
    ds = store.to_dataset()
    assert (BKKBN, RDF.type, KB.GovernmentAgency) in ds.graph(G1)
    res = store.select("SELECT ?s ?n WHERE { ?s a ?c OPTIONAL { ?s kb:participantCount ?n } } ORDER BY ?s")
    assert isinstance(res, SelectResult) and res.variables == ["s", "n"] and len(res) == 2
    assert res.to_dicts()[0] == {"s": BKKBN, "n": None}
    df = res.to_dataframe()
    assert list(df.columns) == ["s", "n"] and df.iloc[1]["s"] == str(KALBAR)
    assert store.count_quads() == 6


def test_the_store_persists_and_close_releases_the_lock(tmp_path):
    path = tmp_path / "s"
    st = open_store(path)
    st.replace_graph(G1, graph((BKKBN, RDF.type, KB.GovernmentAgency)))
    st.close()
    with open_store(path, create=False) as again:
        assert again.count_quads() == 1


def test_a_store_in_use_by_another_process_is_a_clear_error(tmp_path):
    path = tmp_path / "locked"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, pyoxigraph
            s = pyoxigraph.Store({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            open_store(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_folders_that_are_not_stores_are_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kbgraph store"):
        open_store(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()
    assert isinstance(open_store(tmp_path / "new"), EmbeddedStore)


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { VALUES (?x) { (1) }  ?s ?p ?o }"),
    ("SELECT * { ?s ?p ?o }", "SELECT * { VALUES (?x) { (1) }  ?s ?p ?o }"),
    ('PREFIX e: <http://e/{x}>  # { WHERE\nSELECT ?where WHERE { ?s e:p "{ WHERE" }',
     'PREFIX e: <http://e/{x}>  # { WHERE\nSELECT ?where WHERE { VALUES (?x) { (1) }  ?s e:p "{ WHERE" }'),
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
     "SELECT (COUNT(*) AS ?n) WHERE { VALUES (?x) { (1) }  ?s ?p ?o } GROUP BY ?s"),
    ("CONSTRUCT { ?s ?p ?x } WHERE { ?s ?p ?o }",
     "CONSTRUCT { ?s ?p ?x } WHERE { VALUES (?x) { (1) }  ?s ?p ?o }"),
    ("CONSTRUCT WHERE { ?s ?p ?x }", "CONSTRUCT WHERE { ?s ?p ?x }\nVALUES (?x) { (1) }\n"),
    ("ASK { ?s ?p ?x }", "ASK { VALUES (?x) { (1) }  ?s ?p ?x }"),
])
def test_values_go_at_the_head_of_the_where_group(query, expected):
    one = Literal("1", datatype=XSD.integer)
    assert inject_values(query, {"x": one}).replace('"1"^^<http://www.w3.org/2001/XMLSchema#integer>', "1") == expected


def test_ntriples_helpers_are_deterministic():
    g = graph((KALBAR, RDFS.label, Literal("a\nb\t\"c\"", lang="id")), (BKKBN, RDF.type, KB.GovernmentAgency))
    text = ntriples_of(g)
    assert text.splitlines() == sorted(text.splitlines())
    assert Graph().parse(data=text, format="nt").isomorphic(g)
    assert normalize_bnodes("_:x1 <p> _:y .\n<a> <p> _:z .") == ["<a> <p> _:b .", "_:b <p> _:b ."]


def test_one_writer_per_syntax_for_dumps_and_exports(store, tmp_path):
    """Store.dump and kbgraph export write Turtle (and the other syntaxes) the same way."""
    from kbgraph.graph.export import render
    from kbgraph.graph.store.base import Store

    for fmt in ("ttl", "trig", "nt", "nq"):
        assert store.dump(fmt) == render(store, fmt), fmt  # no blank nodes: same bytes
    # the embedded store's fast N-Quads path writes what the shared writer writes
    store.replace_graph(GRAPH["article/tiga"], graph(
        (KALBAR, RDFS.comment, Literal("baris\nkedua \"kutip\" \\ tab\t\u0007")),
        (KALBAR, KB.period, BNode("p")), (BNode("p"), RDFS.label, Literal("2015–2019", lang="id")),
    ))
    assert store.dump("nq") == Store.dump(store, "nq")
