"""Names true in their time, on three articles written for this test (2017, 2021, 2025;
tests/fixtures/names-in-time) that name BKKBN, KKBPK and Bangga Kencana: every row tied
to a date shows the name valid on that date (KKBPK until December 2019, BKKBN until
October 2024, as the lexicon's sources date them); tables spanning time show the current
name and the former ones; the timeline holds no identifier and no date no source states."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from kbgraph.graph.store import open_store
from kbgraph.queries.catalog import run
from kbgraph.queries.results import format_result

from querykit import labelled

pytestmark = pytest.mark.slow

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "names-in-time"
ID = "https://w3id.org/kbgraph/id/"
BKKBN = URIRef(ID + "org/kementerian-kependudukan-dan-pembangunan-keluarga-bkkbn")
PROGRAM = URIRef(ID + "program/program-pembangunan-keluarga-kependudukan-dan-keluarga-berencana")
OLD_BKKBN = "Badan Kependudukan dan Keluarga Berencana Nasional"
NEW_BKKBN = "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN"
OLD_PROGRAM = "Program Kependudukan, Keluarga Berencana dan Pembangunan Keluarga"
NEW_PROGRAM = "Program Pembangunan Keluarga, Kependudukan dan Keluarga Berencana"
#: year of the article → (BKKBN's name, the program's name) valid then
VALID = {"2017": (OLD_BKKBN, OLD_PROGRAM), "2021": (OLD_BKKBN, NEW_PROGRAM),
         "2025": (NEW_BKKBN, NEW_PROGRAM)}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from kbgraph.graph.store.build import build

    location = tmp_path_factory.mktemp("names") / "store"
    st = open_store(location)
    try:
        report = build(st, [str(p) for p in sorted(FOLDER.glob("*.txt"))], workers=1)
        assert report.added == 3
    finally:
        st.close()
    st = open_store(location, create=False)
    yield st
    st.close()


def _year(article) -> str:
    return str(article).rsplit("-", 1)[-1]


def _name(entity, year: str) -> str:
    return VALID[year][0] if entity == BKKBN else VALID[year][1]


def test_article_entities_read_each_name_as_it_was(store):
    rows = run(store, "article-entities").to_dicts()
    seen = set()
    for r in rows:
        if r["entity"] in (BKKBN, PROGRAM):
            year = _year(r["article"])
            assert str(r["label"]) == _name(r["entity"], year), (year, r)
            current = NEW_BKKBN if r["entity"] == BKKBN else NEW_PROGRAM
            assert (str(r["labelNow"]) if r["labelNow"] else str(r["label"])) == current
            seen.add((year, r["entity"]))
    assert seen == {(y, e) for y in VALID for e in (BKKBN, PROGRAM)}


def test_meetings_name_their_organizer_as_on_the_meeting_day(store):
    rows = run(store, "meetings").to_dicts()
    assert [str(r["start"]) for r in rows] == ["2017-05-10", "2021-06-16", "2025-03-12"]
    for r in rows:
        year = str(r["start"])[:4]
        assert str(r["organizer"]) == VALID[year][0], r
        assert (r["organizerNow"] is None) == (year == "2025")
    assert sum(int(r["participants"]) for r in rows) == 90 + 110 + 130


def test_every_evidence_row_names_subject_and_object_as_on_the_article_date(store):
    rows = run(store, "evidence").to_dicts()
    checked = 0
    for r in rows:
        year = _year(r["article"])
        for role in ("subject", "object"):
            if r[role] in (BKKBN, PROGRAM):
                assert str(r[role + "Name"]) == _name(r[role], year), (role, year, r)
                checked += 1
    assert checked >= 6
    for who in (NEW_BKKBN, "BKKBN", "KKBPK"):  # subject or object, under any of its names
        assert run(store, "evidence", {"subject": who}).rows


def test_tables_spanning_time_show_the_current_name_and_the_former_ones(store):
    programs = {r[1]: r for r in labelled(store, run(store, "programs"))}
    assert programs[NEW_PROGRAM][5] == f"{OLD_PROGRAM} (until 2019-12)"
    actors = {r[1]: r for r in labelled(store, run(store, "actors"))}
    assert actors[NEW_BKKBN][5] == f"{OLD_BKKBN} (until 2024-10)"
    assert OLD_BKKBN not in actors  # one entity, not two


def test_the_timeline_holds_no_identifier_and_no_date_no_source_states(store):
    timeline = run(store, "timeline")
    # the meetings, and the program's rename, which the 2021 and 2025 articles report
    # ("yang dulu dikenal sebagai KKBPK", "yang sebelum 2020 bernama KKBPK"), dated as the
    # lexicon's source dates it; BKKBN's rename no article here reports: reference only
    assert [str(r[0]) for r in timeline.rows] == ["2017-05-10", "2019-12", "2021-06-16", "2025-03-12"]
    rename = timeline.to_dicts()[1]
    assert str(rename["label"]) == f"{OLD_PROGRAM} → {NEW_PROGRAM}"
    assert str(rename["sources"]).split(" | ") == [
        "https://example.org/names-in-time/2021", "https://example.org/names-in-time/2025",
        "https://paluekspres.com/40410/bkkbn-kemas-kkbpk-jadi-bangga-kencana/"]
    meeting = timeline.to_dicts()[0]
    assert str(meeting["sources"]) == "https://example.org/names-in-time/2017"
    shown = format_result(timeline, "table", store=store)
    assert "kbid:" not in shown and "namechange" not in shown
    reference = run(store, "timeline", {"reference": "yes"})
    dates = sorted(str(r[0]) for r in reference.rows)
    assert dates == ["2017-05-10", "2019-12", "2021-06-16", "2024-10", "2025-03-12"]
    shown = format_result(reference, "table", store=store)
    assert "kbid:" not in shown and "namechange" not in shown
    assert "2020-01-01" not in shown and "2024-10-21" not in shown
    labels = {str(r[5]): str(r[6]) for r in reference.rows}
    assert labels[f"{OLD_BKKBN} → {NEW_BKKBN}"] == (  # what the lexicon row cites, no article
        "Peraturan Presiden Nomor 180 Tahun 2024 | Peraturan Presiden Nomor 181 Tahun 2024")


def test_a_rename_s_sources_are_the_lexicon_s_and_the_articles_that_state_it(store):
    ask = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kb: <https://w3id.org/kbgraph/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    SELECT DISTINCT ?subject ?article WHERE { GRAPH ?article {
        ?e rdf:predicate kb:nameChange ; rdf:subject ?subject } }"""
    reporting = {(str(r[0]), str(r[1]).rsplit("/", 1)[-1]) for r in store.select(ask).rows}
    assert reporting == {(str(PROGRAM), "example-org-names-in-time-2021"),
                         (str(PROGRAM), "example-org-names-in-time-2025")}
    rows = run(store, "evidence", {"subject": NEW_PROGRAM}).to_dicts()
    said = [r for r in rows if str(r["predicate"]).endswith("#nameChange")]
    assert len(said) == 2
    assert "yang dulu dikenal sebagai KKBPK" in str(said[0]["sentence"])
    assert "yang sebelum 2020 bernama KKBPK" in str(said[1]["sentence"])


def test_no_article_is_the_source_of_a_rename(store):
    ask = """PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX kb: <https://w3id.org/kbgraph/ontology#>
    PREFIX schema: <http://schema.org/>
    ASK { { ?c a kb:NameChange } UNION { ?c a kb:NameInTime }
          ?c prov:wasDerivedFrom ?a . ?a a schema:NewsArticle }"""
    assert store.ask(ask) is False
