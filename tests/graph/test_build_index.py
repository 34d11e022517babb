"""The build index: unchanged files go unread, and an index that may be stale is never used."""

from __future__ import annotations

import os
import time
from pathlib import Path

import buildkit
import pytest
from buildkit import counts, write_article, write_corpus
from buildkit import run_build as run

from kbgraph.graph.store import build as build_module
from kbgraph.graph.store.build_index import INDEX_FILE, load_index
from kbgraph.graph.store import open_store
from kbgraph.ontology.namespaces import article_graph

HOUR_NS = 3600 * 10**9


def age(paths: list[Path], hours: int = 1) -> None:
    """Make files look last modified ``hours`` ago (older than the racy window)."""
    t = time.time_ns() - hours * HOUR_NS
    for p in paths:
        os.utime(p, ns=(t, t))


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files the build reads with the default reader."""
    buildkit.CALLS.clear()
    seen: list[str] = []
    real = build_module._read_path

    def spy(path: Path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(build_module, "_read_path", spy)
    return seen


@pytest.fixture
def corpus(tmp_path) -> Path:
    age(write_corpus(tmp_path / "in", 5))
    return tmp_path / "in"


@pytest.fixture
def store(tmp_path):
    """One session: the index of each build is read by the next."""
    st = open_store(tmp_path / "store")
    yield st
    st.close()


def test_unchanged_files_are_not_read_again(store, corpus, reads):
    assert counts(run(store, corpus)) == (5, 0, 0, 0, 0) and len(reads) == 5
    dump = store.dump("nq")
    assert (store.path / "kbgraph-cache" / INDEX_FILE).is_file() and store.revision is not None
    second = run(store, corpus)
    assert counts(second) == (0, 0, 5, 0, 0) and second.extracted == 0
    assert len(reads) == 5  # none read the second time
    assert store.dump("nq") == dump


def test_an_edited_file_is_read_and_its_article_updated(store, corpus, reads):
    run(store, corpus)
    age([write_article(corpus, "artikel-002", "Kupang", day=3)], hours=2)  # same url, new town
    reads.clear()
    report = run(store, corpus)
    assert counts(report) == (0, 1, 4, 0, 0) and reads == ["artikel-002.txt"]
    assert buildkit.CALLS[-1:] == ["example-org-uji-artikel-002"]
    assert "kupang" in store.graph_ntriples(article_graph("example-org-uji-artikel-002"))
    reads.clear()
    assert counts(run(store, corpus)) == (0, 0, 5, 0, 0) and reads == []


def test_a_file_changed_close_to_the_last_build_is_read(store, tmp_path, reads):
    files = write_corpus(tmp_path / "fresh", 3)  # modified just now: inside the racy window
    run(store, tmp_path / "fresh")
    reads.clear()
    assert counts(run(store, tmp_path / "fresh")) == (0, 0, 3, 0, 0) and len(reads) == len(files)


def test_a_write_outside_the_build_makes_the_index_unusable(store, corpus, reads):
    run(store, corpus)
    gone = article_graph("example-org-uji-artikel-001")
    store.drop_graph(gone)  # the index still lists it: it must not be believed
    assert store.revision is None and load_index(store) is None
    reads.clear()
    report = run(store, corpus)
    assert counts(report) == (1, 0, 4, 0, 0) and len(reads) == 5
    assert gone in store.graphs()


def test_an_index_of_another_session_is_checked_against_the_revision(tmp_path, corpus, reads):
    with open_store(tmp_path / "store") as st:
        run(st, corpus)
    with open_store(tmp_path / "store") as st:  # the next session: same content, same revision
        reads.clear()
        assert counts(run(st, corpus)) == (0, 0, 5, 0, 0) and reads == []
        st.drop_graph(article_graph("example-org-uji-artikel-004"))
    with open_store(tmp_path / "store") as st:  # closed after a write: a new revision
        reads.clear()
        assert counts(run(st, corpus)) == (1, 0, 4, 0, 0) and len(reads) == 5


def test_prune_and_force_with_an_index(store, corpus, reads):
    run(store, corpus)
    (corpus / "artikel-003.txt").unlink()
    reads.clear()
    report = run(store, corpus, prune=True)
    assert counts(report) == (0, 0, 4, 0, 1) and reads == []
    assert article_graph("example-org-uji-artikel-003") not in store.graphs()
    report = run(store, corpus, force=True)  # force reads and extracts everything
    assert report.extracted == 4 and len(reads) == 4


def test_a_broken_index_is_ignored(store, corpus, reads):
    run(store, corpus)
    index = store.path / "kbgraph-cache" / INDEX_FILE
    for junk in ("", "{", '{"layout": 1}', "[]", '{"layout": 1, "revision": "%s", "files": 3}' % store.revision):
        index.write_text(junk, encoding="utf-8")
        reads.clear()
        assert counts(run(store, corpus)) == (0, 0, 5, 0, 0) and len(reads) == 5


def test_a_file_with_an_error_is_read_every_time(store, corpus, reads):
    bad = corpus / "kosong.txt"
    bad.write_text("", encoding="utf-8")
    age([bad])
    first = run(store, corpus)
    assert first.skipped == 1
    reads.clear()
    second = run(store, corpus)
    assert second.skipped == 1 and reads == ["kosong.txt"]  # its problem is reported again
    assert [p.source for p in second.problems] == [str(bad)]
