"""A build killed with SIGKILL midway leaves a store that opens, and a re-run completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import buildkit
import pytest
from buildkit import fake_extract, write_corpus

from kbgraph.graph.store.build import build
from kbgraph.graph.store import open_store

HERE = Path(__file__).resolve().parent
N = 12

SCRIPT = textwrap.dedent("""
    import sys
    import kbgraph.graph.store.build as b
    from kbgraph.graph.store import open_store
    import buildkit

    b.BATCH = 1  # one article per transaction: kill between any two of them
    b.POOL_THRESHOLD = 2
    b.WRITE_BATCH = 1
    with open_store(sys.argv[1]) as store:
        def progress(p):
            print("written", p.articles, flush=True)
        b.build(store, [sys.argv[2]], extractor=buildkit.fake_extract, workers=int(sys.argv[3]),
                progress=progress)
    print("finished", flush=True)
""")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash") / "in"
    write_corpus(folder, N)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("ref") / "store") as st:
        build(st, [corpus], extractor=fake_extract, workers=1)
        return st.dump("nq")


def start_build(store: Path, corpus: Path, workers: int = 1, pids: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), os.environ.get("PYTHONPATH", "")]))
    env[buildkit.DELAY_ENV] = "0.05"
    if pids is not None:
        env[buildkit.PIDS_ENV] = str(pids)
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(store), str(corpus), str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True,
    )


def kill(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGKILL)  # the build and any worker it started
    proc.wait(timeout=30)


def wait_for(proc: subprocess.Popen, written: int) -> None:
    for line in proc.stdout:
        if line.startswith("written") and int(line.split()[1]) >= written:
            return
        assert not line.startswith("finished"), "the build finished before it could be killed"
    raise AssertionError(f"the build ended early: {proc.stderr.read()}")


def resume_and_compare(store_path: Path, corpus: Path, reference: bytes, at_least: int,
                       at_most: int = N - 1) -> None:
    with open_store(store_path, create=False) as st:  # opens, queries
        (n,), = st.select("SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }").rows
        assert at_least <= int(n) <= at_most
        report = build(st, [corpus], extractor=fake_extract, workers=1)
        assert report.ok and report.articles == N and report.unchanged == int(n)
        assert st.dump("nq") == reference


@pytest.mark.slow
@pytest.mark.parametrize("after", [1, 5, 10])
def test_killed_after_some_articles(tmp_path, corpus, reference, after):
    proc = start_build(tmp_path / "store", corpus)
    try:
        wait_for(proc, after)
    finally:
        kill(proc)
    resume_and_compare(tmp_path / "store", corpus, reference, after)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.0, 0.1, 0.3])
def test_killed_at_a_moment(tmp_path, corpus, reference, delay):
    """Killed at a moment after the store opened (maybe mid-ontology, mid-write)."""
    proc = start_build(tmp_path / "store", corpus)
    try:
        deadline = time.monotonic() + 120
        while not (tmp_path / "store" / "CURRENT").exists():
            assert proc.poll() is None and time.monotonic() < deadline, "the build did not start"
            time.sleep(0.005)
        time.sleep(delay)
    finally:
        kill(proc)
    resume_and_compare(tmp_path / "store", corpus, reference, 0, N)


@pytest.mark.slow
def test_killed_with_a_worker_pool(tmp_path, corpus, reference):
    pids = tmp_path / "pids"
    proc = start_build(tmp_path / "store", corpus, workers=2, pids=pids)
    try:
        wait_for(proc, 5)  # the first article in the build process, the next ones in the pool
    finally:
        kill(proc)
    workers = set(pids.read_text().split()) - {str(proc.pid)}
    assert len(workers) >= 1  # extraction ran in worker processes
    resume_and_compare(tmp_path / "store", corpus, reference, 5)
