"""Builds are idempotent, incremental, atomic, and use a worker pool deterministically."""

from __future__ import annotations

import shutil

import buildkit
import pytest
from buildkit import graphs_ntriples, write_article, write_corpus

from kbgraph.graph.store.build import BATCH, POOL_THRESHOLD, ensure_ontology
from kbgraph.graph.store import open_store
from kbgraph.graph.store.terms import normalize_bnodes
from kbgraph.errors import InputError
from kbgraph.ontology.namespaces import ONTOLOGY_GRAPH, article_graph
from kbgraph.ontology.owl import ontology_ntriples


@pytest.fixture(autouse=True)
def _reset_calls():
    buildkit.CALLS.clear()


@pytest.fixture
def corpus(tmp_path):
    write_corpus(tmp_path / "in", 5)
    return tmp_path / "in"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "store") as st:
        yield st


run = buildkit.run_build
counts = buildkit.counts


def test_same_input_twice_changes_nothing_and_extracts_nothing(store, corpus):
    first = run(store, corpus)
    assert counts(first) == (5, 0, 0, 0, 0) and first.extracted == 5 and first.ontology_loaded
    dump = store.dump("nq")
    assert len(buildkit.CALLS) == 5
    second = run(store, corpus)
    assert counts(second) == (0, 0, 5, 0, 0)
    assert second.extracted == 0 and len(buildkit.CALLS) == 5 and not second.ontology_loaded
    assert store.dump("nq") == dump
    assert len(store.graphs()) == 7  # five articles, the ontology and the lexicon's reference data


def test_an_edited_article_replaces_its_own_graph_only(store, corpus):
    run(store, corpus)
    before = graphs_ntriples(store)
    write_article(corpus, "artikel-002", "Kupang", day=3)  # same url, new town
    report = run(store, corpus)
    assert counts(report) == (0, 1, 4, 0, 0) and buildkit.CALLS[-1:] == ["example-org-uji-artikel-002"]
    after = graphs_ntriples(store)
    changed = {g for g in before if before[g] != after[g]}
    assert changed == {str(article_graph("example-org-uji-artikel-002"))}
    assert "kupang" in after[str(article_graph("example-org-uji-artikel-002"))]


def test_an_edited_file_without_url_supersedes_its_old_graph(store, tmp_path):
    folder = tmp_path / "nourl"
    folder.mkdir()
    write_article(folder, "a", "Pontianak", url=False)
    write_article(folder, "b", "Mataram", url=False)
    run(store, folder)
    old = set(store.graphs())
    write_article(folder, "a", "Sambas", url=False)  # the id is a hash of the text: it changes
    report = run(store, folder)
    assert counts(report) == (0, 1, 1, 0, 0)
    new = set(store.graphs())
    assert len(new) == len(old) and len(new - old) == 1 and len(old - new) == 1


def test_strict_with_a_broken_file_leaves_the_store_byte_for_byte_the_same(store, corpus, tmp_path):
    run(store, corpus)
    before = store.dump("nq")
    write_article(corpus, "artikel-009", "Jambi")  # a good new article, read before the bad one
    (corpus / "zz-kosong.txt").write_text("   \n", encoding="utf-8")
    with pytest.raises(InputError, match="zz-kosong.txt") as err:
        run(store, corpus, strict=True)
    assert "nothing was written" in str(err.value)
    assert store.dump("nq") == before


def test_strict_with_an_article_the_extractor_rejects_writes_nothing(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    write_article(folder, "artikel-001", "Jambi", extra=f" {buildkit.BROKEN_MARK}.")
    with open_store(tmp_path / "fresh") as st:
        before = st.dump("nq")
        with pytest.raises(InputError, match="artikel-001.txt.*RUSAK"):
            run(st, folder, strict=True)
        assert st.dump("nq") == before == b""  # not even the ontology


def test_strict_build_writes_everything_when_all_is_well(store, corpus):
    report = run(store, corpus, strict=True)
    assert counts(report) == (5, 0, 0, 0, 0) and report.ontology_loaded
    assert len(store.graphs()) == 7


def test_a_bad_file_is_reported_and_skipped_the_others_load(store, corpus):
    (corpus / "gambar.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    write_article(corpus, "artikel-003", "Jambi", extra=f" {buildkit.BROKEN_MARK}.")
    report = run(store, corpus)
    assert counts(report) == (4, 0, 0, 2, 0) and not report.ok
    problems = sorted(str(p) for p in report.problems)
    assert problems[0].endswith("artikel-003.txt: the extractor cannot read this article (marked RUSAK)")
    assert "gambar.txt" in problems[1] and "PNG image" in problems[1]
    assert len(store.graphs()) == 6


def test_a_failed_article_keeps_its_previous_version(store, corpus):
    run(store, corpus)
    before = graphs_ntriples(store)
    write_article(corpus, "artikel-004", "Jambi", extra=f" {buildkit.BROKEN_MARK}.")
    report = run(store, corpus)
    assert counts(report) == (0, 0, 4, 1, 0)
    assert graphs_ntriples(store) == before


def test_prune_drops_articles_whose_files_are_gone(store, corpus):
    run(store, corpus)
    (corpus / "artikel-001.txt").unlink()
    kept = run(store, corpus)
    assert counts(kept) == (0, 0, 4, 0, 0) and len(store.graphs()) == 7
    pruned = run(store, corpus, prune=True)
    assert counts(pruned) == (0, 0, 4, 0, 1)
    assert article_graph("example-org-uji-artikel-001") not in store.graphs()


def test_prune_keeps_articles_of_files_not_in_this_build(store, tmp_path):
    write_corpus(tmp_path / "a", 2)
    b = tmp_path / "b"
    b.mkdir()
    write_article(b, "lain", "Garut")
    run(store, tmp_path / "a")
    report = run(store, b, prune=True)
    assert counts(report) == (1, 0, 0, 0, 0) and len(store.graphs()) == 5


def test_a_moved_file_is_re_extracted_with_its_new_path(store, corpus, tmp_path):
    run(store, corpus)
    moved = tmp_path / "pindah"
    shutil.move(str(corpus), moved)
    report = run(store, moved, prune=True)
    assert counts(report) == (0, 5, 0, 0, 0)
    rows = store.select("SELECT DISTINCT ?p WHERE { ?a kb:sourcePath ?p }").rows
    assert all(str(p).startswith(str(moved)) for (p,) in rows) and len(rows) == 5


def test_duplicate_articles_are_loaded_once(store, corpus):
    shutil.copy(corpus / "artikel-000.txt", corpus / "salinan.txt")
    report = run(store, corpus)
    assert counts(report) == (5, 0, 0, 0, 0) and report.duplicates == 1
    assert any("salinan.txt" in w for w in report.warnings)


def test_a_missing_path_fails_before_anything_is_written(store, tmp_path):
    with pytest.raises(InputError, match="no such file"):
        run(store, tmp_path / "tidak-ada")
    assert store.dump("nq") == b""


def test_the_pool_gives_the_same_store_as_one_process(tmp_path):
    n = POOL_THRESHOLD + 2 * BATCH + 3
    write_corpus(tmp_path / "in", n)
    dumps, reports = [], []
    for workers in (1, 2):
        with open_store(tmp_path / f"store-{workers}") as st:
            reports.append(counts(run(st, tmp_path / "in", workers=workers)))
            dumps.append(st.dump("nq"))
    assert reports == [(n, 0, 0, 0, 0)] * 2
    assert dumps[0] == dumps[1]  # the ontology's blank nodes are canonical too


def test_the_ontology_is_loaded_once_and_refreshed_when_missing(store, corpus):
    run(store, corpus)
    assert normalize_bnodes(store.graph_ntriples(ONTOLOGY_GRAPH)) == normalize_bnodes(ontology_ntriples())
    assert store.graph_ntriples(ONTOLOGY_GRAPH) == ontology_ntriples()  # canonical labels kept
    assert ensure_ontology(store) is False
    store.drop_graph(ONTOLOGY_GRAPH)
    assert run(store, corpus).ontology_loaded
    assert store.graph_ntriples(ONTOLOGY_GRAPH) == ontology_ntriples()


def test_progress_is_reported(store, corpus):
    seen = []
    run(store, corpus, progress=seen.append)
    assert seen[-1].articles == 5 and seen[-1].files_done == seen[-1].files_total == 5
    assert [p.articles for p in seen] == sorted(p.articles for p in seen)
    assert [p.files_done for p in seen] == sorted(p.files_done for p in seen)


def test_summary_line(store, corpus):
    report = run(store, corpus)
    assert report.summary().startswith("5 articles: 5 added, 0 updated, 0 unchanged, 0 skipped, 0 pruned in ")
