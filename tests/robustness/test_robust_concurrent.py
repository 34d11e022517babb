"""Gap 5 of issue 9: questions asked while a build writes.

A build runs in a subprocess over ~40 generated articles; this process meanwhile opens
the store read-only again and again (``kbgraph.open`` takes no lock) and asks the
same question twice over: how many articles carry a kb:contentHash, and how many
article graphs hold an article. A half-written article would make them differ.
A second *writer* must be refused with one clear StoreError line.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from robust_builder import start_build
from kbgraph.errors import StoreError

import kbgraph
from kbgraph.cli import main

ROOT = Path(__file__).resolve().parents[2]

CONSISTENCY = """
SELECT (COUNT(DISTINCT ?hashed) AS ?hashed) (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?a) AS ?articles)
WHERE {
  { ?hashed a schema:NewsArticle ; kb:contentHash ?h }
  UNION { GRAPH ?g { ?a a schema:NewsArticle ; kb:contentHash ?h2 ; dcterms:identifier ?id } }
}
"""


@pytest.mark.slow
def test_queries_during_a_build_see_whole_articles_only(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--n", "40", "--out",
                    str(corpus), "--format", "txt"], check=True, capture_output=True, timeout=60)
    store = tmp_path / "store"
    builder = start_build(corpus, store)
    seen: list[tuple[int, int, int]] = []
    refused = None
    early_failures: list[str] = []
    try:
        deadline = time.monotonic() + 150
        while builder.poll() is None and time.monotonic() < deadline:
            if not (store / "CURRENT").exists():
                time.sleep(0.05)
                continue
            try:
                with kbgraph.open(store) as kb:
                    hashed, graphs, articles = (int(v) for v in kb.sparql(CONSISTENCY).rows[0])
            except (StoreError, RuntimeError) as exc:
                # While the builder CREATES the store, a read-only open can meet a RocksDB
                # without its column families: pyoxigraph raises a raw RuntimeError
                # ("Column family not found"), see the report. Only tolerated before the
                # first answer; once the store exists every open must work.
                assert not seen, f"open failed after the store existed: {exc!r}"
                early_failures.append(repr(exc))
                time.sleep(0.05)
                continue
            seen.append((hashed, graphs, articles))
            if refused is None and hashed:
                code = main(["build", str(corpus), "--store", str(store)])  # a second writer
                refused = (code, capsys.readouterr().err)
        out, err = builder.communicate(timeout=150)
    finally:
        if builder.poll() is None:
            builder.kill()
    assert builder.returncode == 0, err
    assert out.startswith("40 articles: 40 added"), out
    assert len(seen) >= 3, seen
    for hashed, graphs, articles in seen:
        assert hashed == graphs == articles, seen
    assert [s[0] for s in seen] == sorted(s[0] for s in seen)  # never goes back
    assert any(0 < s[0] < 40 for s in seen), f"no answer while the build was half done: {seen}"
    with kbgraph.open(store) as kb:
        assert [int(v) for v in kb.sparql(CONSISTENCY).rows[0]] == [40, 40, 40]
    assert refused is not None
    code, err = refused
    assert code == 2 or code == 1, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kbgraph: error: "), err
    assert "in use by another process" in lines[0]
