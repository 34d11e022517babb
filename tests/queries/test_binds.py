"""``binds:`` parameters change how a question is answered, never what it answers.

For a parameter declared ``binds: <var>``, kbgraph looks the name up first and starts
the query from the IRIs found (a VALUES block). The same question without that help
(the query text run as any SPARQL tool would run it, filtering rows by name) must give
exactly the same rows, for a label in any case, an alias, an IRI, and a name nobody has.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from kbgraph.errors import QueryError

from kbgraph.queries import catalog

CASES = [
    ("evidence", "subject", "Perwakilan BKKBN Provinsi Kalimantan Barat"),
    ("evidence", "subject", "perwakilan bkkbn provinsi kalimantan barat"),
    ("evidence", "subject", "BKKBN"),
    ("evidence", "subject", "https://w3id.org/kbgraph/id/person/muslimat"),
    ("evidence", "subject", "nobody of that name"),
    ("statements", "speaker", "Muslimat"),
    ("statements", "speaker", "nobody of that name"),
]


def _unhelped(store, name: str, params: dict[str, str]):
    """The catalogue query run as plain SPARQL: bindings only, no lookup, no VALUES."""
    info = catalog.load(name)
    plain = replace(info, params=tuple(replace(p, binds=None) for p in info.params))
    return store.select(plain.text, bindings=catalog.bind_params(plain, params) or None).rows


@pytest.mark.parametrize(("name", "param", "value"), CASES)
def test_binds_gives_the_rows_of_the_plain_query(seed_store, handmade_store, name, param, value):
    for store in (seed_store, handmade_store):
        if value.startswith("nobody"):  # a name nobody has: an error, and no rows either way
            with pytest.raises(QueryError, match="nothing in the graph is called"):
                catalog.run(store, name, {param: value})
            assert _unhelped(store, name, {param: value}) == []
            continue
        helped = catalog.run(store, name, {param: value}).rows
        assert helped == _unhelped(store, name, {param: value})


def test_the_seed_evidence_of_one_subject_is_found_through_binds(seed_store):
    rows = catalog.run(seed_store, "evidence", {"subject": "Muslimat"}).to_dicts()
    muslimat = "https://w3id.org/kbgraph/id/person/muslimat"
    assert rows and all(muslimat in (str(r["subject"]), str(r["object"])) for r in rows)
    assert {str(r["subject"]) for r in rows} > {muslimat}  # as the subject and as the object
    assert all(r["sentence"] is not None and int(r["end"]) > int(r["start"]) for r in rows)


def test_binds_needs_an_entity_parameter(tmp_path):
    path = tmp_path / "bad.rq"
    path.write_text("#+ params:\n#+   - year: {type: integer, binds: year}\n"
                    "SELECT ?year WHERE { BIND(1 AS ?year) }\n", encoding="utf-8")
    with pytest.raises(QueryError, match="binds"):
        catalog.parse_file(path)


def test_a_name_nobody_has_narrows_to_a_query_rdflib_runs_too(seed_store):
    """No IRI found: the VALUES block holds one IRI no graph uses (rdflib 7 fails on an
    empty VALUES block), so the question answers nothing on any engine."""
    from rdflib import Dataset

    info = catalog.load("statements")
    bindings = catalog.bind_params(info, {"speaker": "nobody of that name"})
    text = catalog.narrowed(seed_store, info, bindings)
    assert "urn:x-kbgraph:no-match" in text
    assert seed_store.select(text, bindings).rows == []
    ds = Dataset(default_union=True)
    ds.parse(data=seed_store.dump("nq").decode("utf-8"), format="nquads")
    assert list(ds.query(text, initBindings=bindings)) == []
