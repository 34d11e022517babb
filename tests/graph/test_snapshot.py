"""A reader reads its own snapshot of the store folder (graph/store/snapshot.py).

The snapshot is what keeps a reader's table files alive while a build compacts them
away (the runaway it prevents is exercised by tests/robustness/test_robust_concurrent.py);
here: a reader answers from the content it opened, leaves nothing behind when it closes,
and a writer clears the snapshots of readers that died.
"""

from __future__ import annotations

import os
import subprocess
import sys

from rdflib import Literal, URIRef

from kbgraph.graph.store import open_store
from kbgraph.graph.store.snapshot import READERS_DIR

G = URIRef("https://w3id.org/kbgraph/graph/article/snapshot-test")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def write(path, n):
    with open_store(path) as store:
        store.write({G: "".join(f'<urn:s{i}> <urn:p> "{i}" .\n' for i in range(n))})


def count(store) -> int:
    return int(store.select(COUNT).rows[0][0])


def test_a_reader_keeps_what_it_opened_and_leaves_nothing(tmp_path):
    path = tmp_path / "store"
    write(path, 3)
    reader = open_store(path, create=False, read_only=True)
    snaps = list((path / READERS_DIR).iterdir())
    assert len(snaps) == 1 and snaps[0].name.startswith(f"{os.getpid()}-")
    assert not (path / READERS_DIR / snaps[0].name / "LOCK").exists()
    for i in range(5):  # writes and compactions while the reader is open
        write(path, 3 + 200 * (i + 1))
    with open_store(path) as store:
        store.ox_store.optimize()
    assert count(reader) == 3  # its own content, complete
    reader.close()
    assert list((path / READERS_DIR).iterdir()) == []
    with open_store(path, create=False, read_only=True) as again:
        assert count(again) == 1003


def test_a_writer_removes_the_snapshots_of_dead_readers(tmp_path):
    path = tmp_path / "store"
    write(path, 2)
    code = ("import os, sys\nfrom kbgraph.graph.store import open_store\n"
            "s = open_store(sys.argv[1], create=False, read_only=True)\n"
            "s.ask('ASK {}')\nos._exit(0)\n")  # dies without closing
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=120)
    assert len(list((path / READERS_DIR).iterdir())) == 1
    write(path, 4)  # a writer opens the store
    assert list((path / READERS_DIR).iterdir()) == []
